#pragma once
// Shared by the face-model tests: reading a photo, finding the models folder the analyzer would use, and a fixed
// sample of the official portraits (HQA_PORTRAITS_DIR, set by tests/core/face/CMakeLists.txt).

#include "core/face/FaceAnalyzer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <opencv2/imgcodecs.hpp>

namespace hqa::test {

inline cv::Mat readImage(const QString& path)
{
    return cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_COLOR);
}

/// The first folder FaceAnalyzer itself would search (configuration, $HQA_MODEL_DIR, installed, build tree) that
/// holds `modelFile`; empty when none does.
inline QString modelDirWith(const char* modelFile)
{
    for (const QString& dir : core::FaceAnalyzer::modelDirCandidates())
        if (QFileInfo(QDir(dir).filePath(QString::fromLatin1(modelFile))).isFile())
            return dir;
    return {};
}

/// A models folder `dir` holding only BlazeFace's two files, copied from `from`: the analyzer there finds faces as
/// usual and misses every other model. False when a copy fails.
inline bool blazeFaceOnlyDir(const QString& dir, const QString& from)
{
    if (!QDir().mkpath(dir))
        return false;
    for (const char* name :
         {"face_detection_front_128x128_barracuda.onnx", "face_detection_back_256x256_barracuda.onnx"}) {
        const QString to = QDir(dir).filePath(QString::fromLatin1(name));
        QFile::remove(to);
        if (!QFile::copy(QDir(from).filePath(QString::fromLatin1(name)), to))
            return false;
    }
    return true;
}

/// Every `step`-th portrait, sorted by name (the folder is fixed; the order makes runs comparable).
inline QStringList portraits(int step)
{
    const QDir dir(QStringLiteral(HQA_PORTRAITS_DIR));
    const QStringList all = dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
    QStringList out;
    for (int i = 0; i < all.size(); i += step)
        out << dir.filePath(all[i]);
    return out;
}

} // namespace hqa::test

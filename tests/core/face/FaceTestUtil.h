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

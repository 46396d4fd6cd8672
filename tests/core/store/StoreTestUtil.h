#pragma once
// Helpers shared by the store tests: small real image files with distinct content, and assessments whose
// verdicts are chosen by the test.

#include "core/Assessment.h"
#include "cli/ProjectCommand.h"
#include "core/eval/LabelFile.h"

#include <QDir>
#include <QXmlStreamReader>
#include <QMap>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace hqa::test {

/// What one in-process run of `headshot-qa project ...` returned and printed.
struct ProjectRun {
    int code = -1;
    QString out;
    QString err;
};

/// Runs the project command in this process (arguments after "project").
inline ProjectRun runProject(const QStringList& args)
{
    ProjectRun r;
    QTextStream out(&r.out), err(&r.err);
    r.code = cli::runProjectCommand(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/// Attributes of the rdf:Description element of an XMP sidecar, keyed "prefix:name".
inline QMap<QString, QString> xmpAttributes(const QString& path)
{
    QMap<QString, QString> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader r(&f);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("Description"))
            for (const auto& a : r.attributes())
                out.insert(a.qualifiedName().toString(), a.value().toString());
    }
    return out;
}

/// Writes a PNG whose pixels depend on seed, so different seeds give different SHA-256s.
inline QString writeImage(const QString& path, int seed, int width = 96, int height = 128)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    cv::Mat img(height, width, CV_8UC3, cv::Scalar(40 + seed % 200, 90, 160));
    cv::circle(img, {width / 2, height / 3}, 10 + seed % 20, cv::Scalar(200, 180, 150), cv::FILLED);
    cv::putText(img, std::to_string(seed), {4, height - 8}, cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(0, 0, 0));
    cv::imwrite(path.toStdString(), img);
    return path;
}

/// An assessment with the given label ('1' pass, '0' fail, '-' not judged) and recognisable details.
inline core::Assessment makeAssessment(const QString& label, const QString& engine = QStringLiteral("measures"),
                                       const QString& version = QStringLiteral("measures-test"))
{
    core::Assessment a;
    a.engine = engine;
    a.modelVersion = version;
    a.faceCount = 1;
    a.imageSize = cv::Size(96, 128);
    a.elapsedMs = 12.5;
    for (int i = 0; i < core::kAttributeCount; ++i) {
        auto& v = a.verdicts[i];
        v.judged = label[i] != u'-';
        v.pass = label[i] == u'1';
        v.threshold = 0.5;
        v.score = v.pass ? 0.75 + i * 0.01 : 0.25 - i * 0.01;
        v.reason = QStringLiteral("reason %1 for %2").arg(i).arg(label);
        v.source = engine;
        v.evidence = {{"measured_" + std::to_string(i), 1.5 * i}};
    }
    core::FaceGeometry f;
    f.box = cv::Rect2d(10, 20, 30, 40);
    f.landmarks = {{1, 2}, {3, 4}};
    f.yaw = 5;
    f.pitch = -3;
    f.roll = 1.5;
    f.interEyeDistance = 22;
    f.eyeToChin = 31;
    a.face = f;
    return a;
}

} // namespace hqa::test

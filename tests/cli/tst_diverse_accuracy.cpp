// The analysis engine on photos of many different people (the diverse set, tests/data/README.md): one
// `evaluate` run over the whole set, then the figures per part. Thresholds were set on the tuning people only;
// the assertions are on the held-out people. The set itself is checked too: enough people, none dominating.
#include "tests/support/TestData.h"

#include "core/eval/LabelFile.h"
#include "core/eval/Metrics.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QtTest>

#include <cmath>

using namespace hqa::core;

namespace {

struct Row {
    Label truth = kUnknownLabel;
    Label predicted = kUnknownLabel;
    QString person, split, source, skin;
    bool error = false;
};

QString column(const LabelSet& set, const LabelRow& row, const QString& name)
{
    const qsizetype i = set.extraColumns.indexOf(name);
    return i >= 0 && i < row.extra.size() ? row.extra[i] : QString();
}

QString pct(double v) { return std::isnan(v) ? QStringLiteral("  n/a") : QString::number(100.0 * v, 'f', 1); }

} // namespace

class TestDiverseAccuracy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void setIsDiverse();
    void heldOutAttribute_data();
    void heldOutAttribute();
    void heldOutOverall();
    void portraitsRarelyFalselyFailed_data();
    void portraitsRarelyFalselyFailed();
    void lightingAcrossSkinTones();

private:
    Metrics metricsOf(const std::function<bool(const Row&)>& keep) const;
    void printTable(const QString& title, const Metrics& m) const;
    std::vector<Row> m_rows;
};

void TestDiverseAccuracy::initTestCase()
{
    const QString labels = hqa::test::cachePath(QStringLiteral("diverse/labels.csv"));
    HQA_REQUIRE_DATA(QFileInfo::exists(labels), "diverse set (diverse/labels.csv)");
    auto set = readLabelFile(labels);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().detail));

    const QString report = hqa::test::tempDir() + QStringLiteral("/report");
    QProcess p;
    p.start(hqa::test::cliPath(), {QStringLiteral("evaluate"), labels, QStringLiteral("--report"), report});
    QVERIFY(p.waitForFinished(1200000));
    QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1, p.readAllStandardError().constData());

    // predictions.csv: file,truth,<assess CSV columns without file>; the predicted label follows the truth.
    QFile f(report + QStringLiteral("/predictions.csv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    qsizetype pos = 0;
    const auto header = readCsvRecord(text, pos);
    QVERIFY(header && header->size() > 4 && header->at(2) == QLatin1String("label"));
    QHash<QString, std::pair<Label, bool>> predicted;
    while (pos < text.size()) {
        const auto rec = readCsvRecord(text, pos);
        QVERIFY(rec);
        if (rec->size() < 4)
            continue;
        const auto label = parseLabel(rec->at(2));
        QVERIFY2(label, qPrintable(rec->join(u',')));
        predicted.insert(rec->at(0), {*label, rec->at(3) == QLatin1String("error")});
    }
    for (const LabelRow& r : set->rows) {
        QVERIFY2(predicted.contains(r.file), qPrintable(r.file + QStringLiteral(" has no prediction")));
        Row row;
        row.truth = r.label;
        row.predicted = predicted[r.file].first;
        row.error = predicted[r.file].second;
        row.person = r.group;
        row.split = column(*set, r, QStringLiteral("split"));
        row.source = column(*set, r, QStringLiteral("source"));
        row.skin = column(*set, r, QStringLiteral("skin"));
        m_rows.push_back(row);
    }
    printTable(QStringLiteral("tuning people"),
               metricsOf([](const Row& r) { return r.split == QLatin1String("tuning"); }));
    printTable(QStringLiteral("held-out people"),
               metricsOf([](const Row& r) { return r.split == QLatin1String("heldout"); }));
}

Metrics TestDiverseAccuracy::metricsOf(const std::function<bool(const Row&)>& keep) const
{
    std::vector<Label> truth, predicted;
    for (const Row& r : m_rows)
        if (keep(r)) {
            truth.push_back(r.truth);
            predicted.push_back(r.predicted);
        }
    return computeMetrics(truth, predicted);
}

void TestDiverseAccuracy::printTable(const QString& title, const Metrics& m) const
{
    QString out = QStringLiteral("%1: %2 images, Hamming %3%, exact match %4%\n")
                      .arg(title)
                      .arg(m.images)
                      .arg(pct(m.hammingAccuracy), pct(m.exactMatch));
    for (int i = 0; i < kAttributeCount; ++i) {
        const AttributeMetrics& a = m.attributes[size_t(i)];
        out += QStringLiteral("  %1 balanced %2% (pass %3/%4, fail %5/%6)\n")
                   .arg(QString::fromLatin1(kAttributeKeys[size_t(i)].data()), -11)
                   .arg(pct(a.balancedAccuracy))
                   .arg(a.confusion.truePass)
                   .arg(a.confusion.truePass + a.confusion.falseFail)
                   .arg(a.confusion.trueFail)
                   .arg(a.confusion.trueFail + a.confusion.falsePass);
    }
    qInfo().noquote() << out;
}

void TestDiverseAccuracy::setIsDiverse()
{
    QHash<QString, int> perPerson;
    QSet<QString> tuning, heldOut;
    for (const Row& r : m_rows) {
        ++perPerson[r.person];
        (r.split == QLatin1String("tuning") ? tuning : heldOut).insert(r.person);
    }
    QVERIFY2(m_rows.size() >= 300, qPrintable(QString::number(m_rows.size())));
    QVERIFY2(perPerson.size() >= 150, qPrintable(QString::number(perPerson.size())));
    for (auto it = perPerson.cbegin(); it != perPerson.cend(); ++it)
        QVERIFY2(it.value() <= 0.05 * double(m_rows.size()), qPrintable(it.key()));
    QVERIFY2(!tuning.intersects(heldOut), "a person is in both parts");
    QVERIFY(heldOut.size() >= 60);
}

void TestDiverseAccuracy::heldOutAttribute_data()
{
    QTest::addColumn<int>("attribute");
    QTest::addColumn<double>("floor");
    QTest::addColumn<int>("minimumFails");
    // Balanced accuracy the engine reaches today on the held-out people, rounded down: a regression guard. The
    // issue's target, 0.90 for every attribute, is asserted beside it (heldOutAttribute).
    // Expression: 7 real expression fails among the held-out people (the portraits smile; laughs, closed eyes
    // and a grimace were added from the face-api and dlib example photos), so one photo moves it by 7 points;
    // 0.826 before the iris band was looked at, 0.831 since, 0.907 since a tall dark gap in the middle of the
    // mouth counts as open and the yaw boundary moved to 36 degrees: the target is asserted.
    QTest::newRow("lighting") << 0 << 0.90 << 10;
    // Background: 0.81 since flags are set aside before the texture is measured; the held-out fails are mostly
    // buildings, a bookshelf and crowds behind official portraits and party crops (README), tuning 0.91.
    QTest::newRow("background") << 1 << 0.80 << 10;
    QTest::newRow("attire") << 2 << 0.92 << 10;
    QTest::newRow("expression") << 3 << 0.90 << 6;
    QTest::newRow("framing") << 4 << 0.95 << 10;
    QTest::newRow("sharpness") << 5 << 0.94 << 10;
}

void TestDiverseAccuracy::heldOutAttribute()
{
    QFETCH(int, attribute);
    QFETCH(double, floor);
    QFETCH(int, minimumFails);
    const Metrics m = metricsOf([](const Row& r) { return r.split == QLatin1String("heldout"); });
    const AttributeMetrics& a = m.attributes[size_t(attribute)];
    // Both classes must be present in the truth, or a constant answer could pass.
    QVERIFY(a.confusion.trueFail + a.confusion.falsePass >= minimumFails);
    QVERIFY(a.confusion.truePass + a.confusion.falseFail >= 10);
    QVERIFY2(a.balancedAccuracy >= floor,
             qPrintable(QStringLiteral("balanced accuracy %1 below %2").arg(a.balancedAccuracy).arg(floor)));
    // The target for every attribute.
    QVERIFY2(a.balancedAccuracy >= 0.90,
             qPrintable(QStringLiteral("balanced accuracy %1 below the target 0.90").arg(a.balancedAccuracy)));
}

void TestDiverseAccuracy::heldOutOverall()
{
    const Metrics m = metricsOf([](const Row& r) { return r.split == QLatin1String("heldout"); });
    // The targets: Hamming accuracy 93%, exact match 75% (held out, no training).
    QVERIFY2(m.hammingAccuracy >= 0.93, qPrintable(QString::number(m.hammingAccuracy)));
    QVERIFY2(m.exactMatch >= 0.75, qPrintable(QString::number(m.exactMatch)));
    // A photo that shows a face must be judged, not reported as "no face".
    int withFace = 0, unjudged = 0;
    for (const Row& r : m_rows)
        if (r.split == QLatin1String("heldout") && r.source == QLatin1String("portrait")) {
            ++withFace;
            unjudged += r.error;
        }
    QVERIFY2(unjudged <= 0.01 * withFace, qPrintable(QStringLiteral("%1 of %2").arg(unjudged).arg(withFace)));
}

void TestDiverseAccuracy::portraitsRarelyFalselyFailed_data()
{
    QTest::addColumn<int>("attribute");
    QTest::addColumn<double>("cap");
    // The target: at most 5% for every attribute.
    QTest::newRow("lighting") << 0 << 0.05;
    QTest::newRow("background") << 1 << 0.05;
    QTest::newRow("attire") << 2 << 0.05;
    QTest::newRow("expression") << 3 << 0.05;
    QTest::newRow("framing") << 4 << 0.05;
    QTest::newRow("sharpness") << 5 << 0.05;
}

void TestDiverseAccuracy::portraitsRarelyFalselyFailed()
{
    QFETCH(int, attribute);
    QFETCH(double, cap);
    // Share of the original portraits labelled as passing an attribute that the engine fails on it (all
    // people, since a reviewer sees both parts alike; the held-out share is printed beside it).
    for (const QString& split : {QStringLiteral("tuning"), QStringLiteral("heldout")}) {
        int passing = 0, failed = 0;
        for (const Row& r : m_rows)
            if (r.source == QLatin1String("portrait") && r.split == split && r.truth[size_t(attribute)] == 1) {
                ++passing;
                failed += r.predicted[size_t(attribute)] != 1;
            }
        QVERIFY(passing >= 20);
        const double share = double(failed) / passing;
        qInfo().noquote() << QStringLiteral("%1 %2: %3 of %4 passing portraits failed (%5%)")
                                 .arg(QString::fromLatin1(kAttributeKeys[size_t(attribute)].data()), split)
                                 .arg(failed)
                                 .arg(passing)
                                 .arg(pct(share));
        if (split == QLatin1String("heldout"))
            QVERIFY2(share <= cap, qPrintable(QStringLiteral("%1 above %2").arg(share).arg(cap)));
    }
}

void TestDiverseAccuracy::lightingAcrossSkinTones()
{
    // Lighting false fails per skin-tone group on the original portraits: no group may fare much worse.
    QHash<QString, std::pair<int, int>> byGroup; // passing, failed
    for (const Row& r : m_rows)
        if (r.source == QLatin1String("portrait") && r.truth[0] == 1 && r.skin != QLatin1String("-")) {
            auto& g = byGroup[r.skin];
            ++g.first;
            g.second += r.predicted[0] != 1;
        }
    QVERIFY(byGroup.size() >= 2);
    for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it) {
        const double share = double(it->second) / std::max(1, it->first);
        qInfo().noquote() << QStringLiteral("lighting false fails, %1 skin: %2 of %3 (%4%)")
                                 .arg(it.key())
                                 .arg(it->second)
                                 .arg(it->first)
                                 .arg(pct(share));
        if (it->first >= 10)
            QVERIFY2(share <= 0.15, qPrintable(it.key()));
    }
}

QTEST_GUILESS_MAIN(TestDiverseAccuracy)
#include "tst_diverse_accuracy.moc"

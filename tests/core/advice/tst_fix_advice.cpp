// "How to fix" advice (core/measures/FixAdvice.h) on the generated variants of the evaluation set, whose fault is
// known by construction (tests/data/make_eval.py): a face darkened on its image-left half must be advised to light
// the image-left side, an under-exposed one to add light, a close-up to step back, and so on. Each case assesses a
// few variants with the analysis engine; every one whose attribute fails must get the action for its fault, and
// enough of them must fail for the case to mean something.

#include "core/Assessment.h"
#include "core/engine/AnalysisEngine.h"
#include "core/measures/FixAdvice.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace hqa::core;

namespace {

struct Row {
    QString file, label, group, source, note;
};

/// eval/labels.csv: file,label,group,source,note (the note may contain commas: it is the rest of the line).
std::vector<Row> readLabels(const QString& path)
{
    std::vector<Row> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        const QStringList parts = line.split(u',');
        if (parts.size() < 5)
            continue;
        rows.push_back({parts[0], parts[1], parts[2], parts[3], parts.mid(4).join(u',')});
    }
    return rows;
}

} // namespace

class TestFixAdvice : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void genericWithoutEvidence();
    void notJudgedHasNoAdvice();
    void variants_data();
    void variants();
    void cliShowsFix();

private:
    std::unique_ptr<AnalysisEngine> m_engine;
    std::vector<Row> m_rows;
};

void TestFixAdvice::initTestCase()
{
    const QString labels = hqa::test::cachePath(QStringLiteral("eval/labels.csv"));
    HQA_REQUIRE_DATA(QFileInfo::exists(labels), "evaluation set (eval/labels.csv)");
    m_rows = readLabels(labels);
    QVERIFY(m_rows.size() > 100);
    m_engine = std::make_unique<AnalysisEngine>();
    QVERIFY2(!m_engine->load().has_value(), "face analyzer models could not be loaded");
}

void TestFixAdvice::genericWithoutEvidence()
{
    // A verdict from the network carries no evidence: a generic, attribute-specific line.
    AttributeVerdict v;
    v.judged = true;
    v.pass = false;
    v.score = 0.2;
    v.source = QStringLiteral("swin");
    QSet<QString> lines;
    for (Attribute a : kAllAttributes) {
        const QString fix = howToFix(a, v);
        QCOMPARE(fix, genericFix(a));
        QVERIFY(!fix.isEmpty());
        lines.insert(fix);
    }
    QCOMPARE(int(lines.size()), kAttributeCount);

    // Evidence within every boundary (a reviewer failed what the engine passed) is no defect: generic too.
    v.evidence = {{"face_luminance_mean", 0.2}, {"face_dark_share", 0.01}, {"face_bright_share", 0.0},
                  {"side_ratio", 1.3},          {"split_ratio", 1.0},      {"side_gradient_index", 1.4}};
    QCOMPARE(howToFix(Attribute::Lighting, v), genericFix(Attribute::Lighting));

    // A side ratio past its boundary is named with its figure; the side comes from the evidence, whatever the
    // reason says (an assessment stored before the side was recorded gets "the darker side").
    v.evidence = {{"side_ratio", 9.0}, {"side_left_darker", 0.0}, {"split_ratio", 1.0}, {"side_gradient_index", 9.5}};
    v.reason = QStringLiteral("a reason in another language");
    QString fix = howToFix(Attribute::Lighting, v);
    QVERIFY2(fix.contains(QStringLiteral("image-right side")) && fix.contains(QStringLiteral("9.0x")), qPrintable(fix));
    v.evidence[1].value = 1.0;
    fix = howToFix(Attribute::Lighting, v);
    QVERIFY2(fix.contains(QStringLiteral("image-left side")), qPrintable(fix));
    v.evidence.erase(v.evidence.begin() + 1);
    fix = howToFix(Attribute::Lighting, v);
    QVERIFY2(fix.contains(QStringLiteral("the darker side of the face")), qPrintable(fix));

    // A head that fills the frame: step back, with the share.
    AttributeVerdict framing;
    framing.judged = true;
    framing.evidence = {{"face_height_share", 0.7}, {"face_width_share", 0.5}, {"face_centre_offset", 0.0},
                        {"above_eyes_t", 1.2},      {"below_eyes_t", 1.5},     {"eye_height_share", 0.4}};
    const QString frame = howToFix(Attribute::Framing, framing);
    QVERIFY2(frame.startsWith(QStringLiteral("Step back")) && frame.contains(QStringLiteral("70%")), qPrintable(frame));
}

void TestFixAdvice::notJudgedHasNoAdvice()
{
    AttributeVerdict v; // judged = false: no face
    for (Attribute a : kAllAttributes)
        QVERIFY(howToFix(a, v).isEmpty());
}

void TestFixAdvice::variants_data()
{
    QTest::addColumn<QString>("source"); // variant name (labels.csv "source"), or a note pattern for originals
    QTest::addColumn<QString>("notePattern"); // only rows whose note matches (empty: all)
    QTest::addColumn<int>("attribute");
    QTest::addColumn<QString>("expected"); // regex the advice must match
    QTest::addColumn<QString>("forbidden"); // regex it must not match (empty: none)
    QTest::addColumn<int>("minFailing"); // how many of the assessed variants must fail the attribute

    const int L = index(Attribute::Lighting), B = index(Attribute::Background), E = index(Attribute::Expression),
              F = index(Attribute::Framing), S = index(Attribute::Sharpness), A = index(Attribute::Attire);
    QTest::newRow("shadow_left") << "shadow_left"
                                 << "" << L << "^Light the image-left side"
                                 << "image-right" << 3;
    QTest::newRow("shadow_right") << "shadow_right"
                                  << "" << L << "^Light the image-right side"
                                  << "image-left" << 3;
    QTest::newRow("underexposed") << "underexposed"
                                  << "" << L << "^Add light or exposure: the face is about \\d"
                                  << "" << 3;
    QTest::newRow("overexposed") << "overexposed"
                                 << "" << L << "^(Reduce exposure by about|Pull the highlights back)"
                                 << "" << 3;
    QTest::newRow("cast_green") << "cast_green"
                                << "" << L << "white balance"
                                << "" << 2;
    QTest::newRow("bg_busy")
        << "bg_busy"
        << "" << B
        << "^(Use a plain backdrop or a wider aperture|Remove the strongly coloured|Move away from "
           "the windows)"
        << "" << 3;
    QTest::newRow("closeup framing") << "closeup"
                                     << "" << F << "^Step back"
                                     << "" << 3;
    QTest::newRow("closeup attire") << "original"
                                    << "extreme close-up" << A << "^Show the attire"
                                    << "" << 3;
    QTest::newRow("too_far") << "too_far"
                             << "" << F << "Move closer or zoom in: the face takes only \\d+%"
                             << "" << 2;
    QTest::newRow("shift_left") << "shift_left"
                                << "" << F << "left of centre"
                                << "right of centre" << 2;
    QTest::newRow("shift_right") << "shift_right"
                                 << "" << F << "right of centre"
                                 << "left of centre" << 2;
    QTest::newRow("cut_forehead") << "cut_forehead"
                                  << "" << F << "(top of the head is cut off|space above the head)"
                                  << "" << 2;
    QTest::newRow("blur") << "blur_sigma6"
                          << "" << S << "^(Refocus on the eyes|Focus on the nearer eye)"
                          << "" << 3;
    QTest::newRow("eyes closed") << "original"
                                 << "^eyes closed (mid-blink|while smiling)$" << E << "^Retake with the eyes open"
                                 << "" << 2;
    QTest::newRow("laughing") << "original"
                              << "^laughing (with open mouth|mouth wide open)$" << E
                              << "^(Ask for a closed mouth|Wait for the laugh to settle)"
                              << "" << 2;
    QTest::newRow("sunglasses") << "original"
                                << "sunglasses" << E << "sunglasses"
                                << "" << 1;
}

void TestFixAdvice::variants()
{
    QFETCH(QString, source);
    QFETCH(QString, notePattern);
    QFETCH(int, attribute);
    QFETCH(QString, expected);
    QFETCH(QString, forbidden);
    QFETCH(int, minFailing);
    const Attribute a = kAllAttributes[size_t(attribute)];
    const QRegularExpression note(notePattern);
    const QRegularExpression want(expected);
    const QRegularExpression avoid(forbidden);
    constexpr int kPerCase = 5;

    int assessed = 0, failing = 0;
    for (const Row& r : m_rows) {
        if (r.source != source || (!notePattern.isEmpty() && !note.match(r.note).hasMatch()))
            continue;
        if (assessed >= kPerCase)
            break;
        const Assessment result = assessFile(*m_engine, hqa::test::cachePath(QStringLiteral("eval/") + r.file));
        ++assessed;
        if (!result.ok() || !result.verdict(a).judged || result.verdict(a).pass)
            continue;
        ++failing;
        const QString fix = howToFix(a, result.verdict(a));
        const QString context = QStringLiteral("%1: %2 | reason: %3").arg(r.file, fix, result.verdict(a).reason);
        qInfo().noquote() << r.file << "->" << fix;
        QVERIFY2(want.match(fix).hasMatch(), qPrintable(context));
        if (!forbidden.isEmpty())
            QVERIFY2(!avoid.match(fix).hasMatch(), qPrintable(context));
        QVERIFY2(fix != genericFix(a), qPrintable(context));
    }
    QVERIFY2(assessed > 0, qPrintable(QStringLiteral("no %1 rows in the evaluation set").arg(source)));
    QVERIFY2(failing >= minFailing,
             qPrintable(QStringLiteral("only %1 of %2 %3 variants fail %4")
                            .arg(failing)
                            .arg(assessed)
                            .arg(source)
                            .arg(QString::fromLatin1(attributeKey(a).data()))));
}

void TestFixAdvice::cliShowsFix()
{
    // `assess --fix`: the table gets an indented "fix" line under the photo for each failing attribute, jsonl a
    // "fix" field in each failing attribute (passing ones get none); without --fix the output is unchanged.
    QString shadowed;
    for (const Row& r : m_rows)
        if (r.source == QLatin1String("shadow_left") && r.group == QLatin1String("frame_00650"))
            shadowed = hqa::test::cachePath(QStringLiteral("eval/") + r.file);
    QVERIFY(!shadowed.isEmpty());
    const auto table = hqa::test::runCli({QStringLiteral("assess"), QStringLiteral("--fix"), QStringLiteral("--format"),
                                          QStringLiteral("table"), shadowed});
    QCOMPARE(table.exitCode, 0);
    const QStringList rows = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(rows.size() >= 3, table.out.constData());
    QVERIFY(rows[1].contains(QStringLiteral("lighting:")));
    // Every line after the photo's row is a fix line of an attribute its row marks as failing ('x').
    const QStringList fixes = rows.mid(2);
    QVERIFY2(fixes.filter(QRegularExpression(QStringLiteral("^    fix lighting: Light the image-left side"))).size()
                 == 1,
             table.out.constData());
    for (const QString& line : fixes)
        QVERIFY2(line.startsWith(QStringLiteral("    fix ")), qPrintable(line));
    QCOMPARE(int(rows[1].mid(38, 12).count(u'x')), int(fixes.size())); // the L B A E F S marks: x = fails

    const auto jsonl = hqa::test::runCli({QStringLiteral("assess"), QStringLiteral("--fix"), shadowed});
    QCOMPARE(jsonl.exitCode, 0);
    const QJsonObject attrs = QJsonDocument::fromJson(jsonl.out).object()[QStringLiteral("attributes")].toObject();
    QVERIFY(attrs[QStringLiteral("lighting")].toObject()[QStringLiteral("fix")].toString().startsWith(
        QStringLiteral("Light the image-left side")));
    for (const QString& key : attrs.keys()) {
        const QJsonObject v = attrs[key].toObject();
        QCOMPARE(v.contains(QStringLiteral("fix")), !v[QStringLiteral("pass")].toBool());
    }
    const auto plain = hqa::test::runCli({QStringLiteral("assess"), shadowed});
    QVERIFY(!plain.out.contains("\"fix\""));
}

QTEST_GUILESS_MAIN(TestFixAdvice)
#include "tst_fix_advice.moc"

// The analysis engine's accuracy on the generated evaluation set (tests/data, labels known by construction or
// judged by a person), against the targets per attribute.
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestEvalAccuracy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void attributeMeetsTarget_data();
    void attributeMeetsTarget();
    void noMoreThanTwoPointsBelowBefore();

private:
    QJsonObject m_metrics;
    QByteArray m_text;
};

void TestEvalAccuracy::initTestCase()
{
    const QString labels = hqa::test::cachePath(QStringLiteral("eval/labels.csv"));
    HQA_REQUIRE_DATA(QFileInfo::exists(labels), "evaluation set (eval/labels.csv)");
    const QString report = hqa::test::tempDir() + QStringLiteral("/report");
    QProcess p;
    p.start(hqa::test::cliPath(),
            {QStringLiteral("evaluate"), labels, QStringLiteral("--errors"), QStringLiteral("--report"), report});
    QVERIFY(p.waitForFinished(800000));
    m_text = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1, p.readAllStandardError().constData());
    QFile f(report + QStringLiteral("/metrics.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_metrics = QJsonDocument::fromJson(f.readAll()).object();
    QVERIFY(m_metrics[QStringLiteral("images")].toInt() >= 100);
    qInfo().noquote() << m_text.left(m_text.indexOf("Wrong verdicts:"));
}

void TestEvalAccuracy::attributeMeetsTarget_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<double>("target");
    QTest::addColumn<int>("minimumScored");
    // Targets from the issue: framing and sharpness 95%, lighting 90%, background 85%, expression and attire 80%.
    QTest::newRow("lighting") << "lighting" << 0.90 << 30;
    QTest::newRow("background") << "background" << 0.85 << 30;
    QTest::newRow("attire") << "attire" << 0.80 << 20;
    QTest::newRow("expression") << "expression" << 0.80 << 30;
    QTest::newRow("framing") << "framing" << 0.95 << 30;
    QTest::newRow("sharpness") << "sharpness" << 0.95 << 30;
}

void TestEvalAccuracy::attributeMeetsTarget()
{
    QFETCH(QString, attribute);
    QFETCH(double, target);
    QFETCH(int, minimumScored);
    const QJsonObject a = m_metrics[QStringLiteral("attributes")].toObject()[attribute].toObject();
    QVERIFY2(a[QStringLiteral("scored")].toInt() >= minimumScored, "too few labelled verdicts to judge");
    const double acc = a[QStringLiteral("accuracy")].toDouble();
    // Both classes must be present and recognised, or a constant answer could pass.
    QVERIFY(a[QStringLiteral("confusion")].toObject()[QStringLiteral("true_fail")].toInt() > 0);
    QVERIFY(a[QStringLiteral("confusion")].toObject()[QStringLiteral("true_pass")].toInt() > 0);
    QVERIFY2(acc >= target,
             qPrintable(QStringLiteral("%1 accuracy %2 below target %3").arg(attribute).arg(acc).arg(target)));
}

void TestEvalAccuracy::noMoreThanTwoPointsBelowBefore()
{
    // Issue 12 (judging many people) may cost these frames of one man at most 2 points: before it the engine scored
    // Hamming 99.5% and exact match 98.3% here (README "The Franck sets").
    const double hamming = m_metrics[QStringLiteral("hamming_accuracy")].toDouble();
    const double exact = m_metrics[QStringLiteral("exact_match")].toDouble();
    QVERIFY2(hamming >= 0.975, qPrintable(QString::number(hamming)));
    QVERIFY2(exact >= 0.963, qPrintable(QString::number(exact)));
}

QTEST_GUILESS_MAIN(TestEvalAccuracy)
#include "tst_eval_accuracy.moc"

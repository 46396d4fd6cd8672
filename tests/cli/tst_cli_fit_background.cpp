// `headshot-qa fit-background`: the background's scene probe shipped in core/measures/BackgroundSceneProbe.cpp is what
// the command computes from the tuning people's labels (so anyone can refit it and get the same numbers), its grouped
// cross-validation shows the probe helping the hand measures, and bad options are usage errors.
#include "core/measures/BackgroundMeasure.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace hqa::core;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(hqa::test::cliPath(), QStringList{QStringLiteral("fit-background")} + args);
    Run r;
    if (!p.waitForFinished(480000))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// The balanced accuracy printed on the line that starts with `what`.
double figure(const QString& out, const QString& what)
{
    const QRegularExpression re(QStringLiteral("^\\s*%1\\s+([0-9.]+)").arg(QRegularExpression::escape(what)),
                                QRegularExpression::MultilineOption);
    const auto m = re.match(out);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

class TestCliFitBackground : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void usageErrors()
    {
        QCOMPARE(cli({}).exitCode, 2);
        const QString labels = hqa::test::cachePath(QStringLiteral("diverse/tuning.csv"));
        QCOMPARE(cli({labels, QStringLiteral("--lambda"), QStringLiteral("-1")}).exitCode, 2);
        QCOMPARE(cli({labels, QStringLiteral("--folds"), QStringLiteral("1")}).exitCode, 2);
        const Run missing = cli({QDir(hqa::test::tempDir()).filePath(QStringLiteral("no-such-labels.csv"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("no-such-labels.csv")), qPrintable(missing.err));
    }

    void shippedProbeIsReproduced()
    {
        const QString labels = hqa::test::cachePath(QStringLiteral("diverse/tuning.csv"));
        HQA_REQUIRE_DATA(QFile::exists(labels), "the diverse set (diverse/tuning.csv)");
        const QString source = QDir(hqa::test::tempDir()).filePath(QStringLiteral("BackgroundSceneProbe.cpp"));
        QFile::remove(source);
        const Run r = cli({labels, QStringLiteral("--out"), source});
        QCOMPARE(r.exitCode, 0);
        qInfo().noquote() << r.out;
        QVERIFY2(r.out.contains(QStringLiteral("300 photos of 120 groups")), qPrintable(r.out));
        const double hand = figure(r.out, QStringLiteral("hand measures alone"));
        const double both = figure(r.out, QStringLiteral("hand measures and probe"));
        QVERIFY(hand > 0 && both > 0);
        // Measured when the probe was fitted: 0.909 -> 0.959; the probe must keep helping out of sample.
        QVERIFY2(both >= hand + 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(both).arg(hand)));

        QFile f(source);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("const LinearProbe& backgroundSceneProbe()")));
        const QString body = text.mid(text.indexOf(QStringLiteral("probe{")));
        std::vector<double> numbers;
        const QRegularExpression number(QStringLiteral("-?[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?"));
        // Comments name the three lists; only the values are numbers outside them.
        for (const QString& line : body.split(u'\n')) {
            if (line.trimmed().startsWith(QStringLiteral("//")))
                continue;
            for (auto it = number.globalMatch(line); it.hasNext();)
                numbers.push_back(it.next().captured(0).toDouble());
        }
        const LinearProbe& shipped = backgroundSceneProbe();
        QVERIFY(shipped.fits(88));
        QCOMPARE(numbers.size(), size_t(3 * 88 + 1));
        std::vector<double> expected;
        for (const auto* list : {&shipped.mean, &shipped.scale, &shipped.weight})
            expected.insert(expected.end(), list->begin(), list->end());
        expected.push_back(shipped.bias);
        // The network's float sums may differ in the last bits on another CPU: a relative tolerance.
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs(numbers[i] - expected[i]) <= 1e-3 * std::abs(expected[i]) + 1e-4,
                     qPrintable(QStringLiteral("value %1: %2 vs shipped %3").arg(i).arg(numbers[i]).arg(expected[i])));
    }
};

QTEST_GUILESS_MAIN(TestCliFitBackground)
#include "tst_cli_fit_background.moc"

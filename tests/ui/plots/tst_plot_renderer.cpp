// The evaluate --report plots: the ui renderer the app hands to the CLI writes one PNG per figure, each a real
// picture of the size asked for, with the series drawn (their colours present) rather than an empty frame.
#include "ui/plots/PlotRenderer.h"

#include "core/eval/LabelFile.h"
#include "core/eval/Metrics.h"
#include "tests/support/TestData.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QtTest>

using namespace hqa::core;

namespace {
int pixelsNear(const QImage& img, QColor c)
{
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (std::abs(p.red() - c.red()) < 12 && std::abs(p.green() - c.green()) < 12
                && std::abs(p.blue() - c.blue()) < 12)
                ++n;
        }
    return n;
}

/// A curve from labelled data: the score is the truth blurred by a deterministic offset per image, so that
/// the figures really change along the threshold.
ThresholdCurve curveFrom(Attribute a, const std::vector<Label>& truth)
{
    ThresholdCurve c;
    c.attribute = a;
    c.currentThreshold = 0.5;
    c.bestThreshold = 0.4;
    const auto i = size_t(index(a));
    for (int s = 0; s <= 20; ++s) {
        ThresholdPoint p;
        p.threshold = s / 20.0;
        for (size_t k = 0; k < truth.size(); ++k) {
            const int t = truth[k][i];
            if (t < 0)
                continue;
            const double score = (t ? 0.6 : 0.3) + 0.25 * std::sin(double(k));
            const bool pass = score >= p.threshold;
            if (t && pass)
                ++p.truePass;
            else if (t)
                ++p.falseFail;
            else if (pass)
                ++p.falsePass;
            else
                ++p.trueFail;
        }
        const int n = p.truePass + p.falseFail + p.trueFail + p.falsePass;
        p.accuracy = n ? double(p.truePass + p.trueFail) / n : std::nan("");
        p.balancedAccuracy = 0.5
            * (double(p.truePass) / std::max(1, p.truePass + p.falseFail)
               + double(p.trueFail) / std::max(1, p.trueFail + p.falsePass));
        p.passF1 = 2.0 * p.truePass / std::max(1, 2 * p.truePass + p.falsePass + p.falseFail);
        c.points.push_back(p);
        c.scored = n;
    }
    return c;
}
} // namespace

class TstPlotRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rendersPngs()
    {
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY2(set, set ? "" : qPrintable(set.error().detail));
        std::vector<Label> truth, predicted;
        for (size_t k = 0; k < set->rows.size(); ++k) {
            truth.push_back(set->rows[k].label);
            Label p = set->rows[k].label;
            if (k % 4 == 0) // every fourth image gets its lighting and framing flipped
                for (int i : {0, 4})
                    if (p[size_t(i)] >= 0)
                        p[size_t(i)] = std::int8_t(1 - p[size_t(i)]);
            predicted.push_back(p);
        }

        PlotRequest request;
        request.directory = hqa::test::tempDir();
        request.title = QStringLiteral("test report");
        request.metrics = computeMetrics(truth, predicted);
        request.curves = {curveFrom(Attribute::Lighting, truth), curveFrom(Attribute::Sharpness, truth)};

        const PlotRenderer render = &hqa::ui::renderReportPlots;
        auto files = render(request);
        QVERIFY2(files, files ? "" : qPrintable(files.error().detail));
        QCOMPARE(files->size(), 3);
        QCOMPARE(QFileInfo(files->at(0)).fileName(), QStringLiteral("attributes.png"));
        QCOMPARE(QFileInfo(files->at(1)).fileName(), QStringLiteral("threshold-lighting.png"));
        QCOMPARE(QFileInfo(files->at(2)).fileName(), QStringLiteral("threshold-sharpness.png"));

        for (const QString& f : *files) {
            QImage img(f);
            QVERIFY2(!img.isNull(), qPrintable(f));
            QCOMPARE(img.size(), QSize(900, 500));
            QSet<QRgb> colours;
            for (int y = 0; y < img.height(); y += 3)
                for (int x = 0; x < img.width(); x += 3)
                    colours.insert(img.pixel(x, y));
            QVERIFY2(colours.size() > 10, qPrintable(f)); // not a blank canvas
            // The accuracy series (blue) is drawn in every plot.
            QVERIFY2(pixelsNear(img, QColor(0, 114, 178)) > 200, qPrintable(f));
        }
        // The flipped attribute really scores lower than an untouched one, so the bars differ.
        QVERIFY(request.metrics.attributes[0].accuracy < 0.9);
        QVERIFY(request.metrics.attributes[1].accuracy > 0.99);

        // A folder that does not exist is an error, not a crash.
        request.directory = hqa::test::tempDir() + QStringLiteral("/absent");
        auto bad = render(request);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Io);
    }

    /// The whole path: `headshot-qa evaluate --report` of the built app writes the bars next to the metrics.
    void cliReportHasPlots()
    {
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("holdout/labels.csv")));
        QVERIFY(set);
        const QString dir = hqa::test::tempDir();
        QString csv = QStringLiteral("file,label\n");
        for (size_t k = 0; k < set->rows.size() && k < 6; ++k)
            csv += csvField(set->rows[k].path) + u',' + labelToString(set->rows[k].label) + u'\n';
        QFile f(dir + QStringLiteral("/six.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv.toUtf8());
        f.close();
        QProcess cli;
        cli.start(hqa::test::cliPath(),
                  {QStringLiteral("evaluate"), QStringLiteral("--report"), dir + QStringLiteral("/report"),
                   QStringLiteral("-j"), QStringLiteral("2"), dir + QStringLiteral("/six.csv")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QImage bars(dir + QStringLiteral("/report/attributes.png"));
        QVERIFY(!bars.isNull());
        QCOMPARE(bars.size(), QSize(900, 500));
        QVERIFY(pixelsNear(bars, QColor(0, 114, 178)) > 200);
        QVERIFY(QFile::exists(dir + QStringLiteral("/report/metrics.json")));
    }
};

QTEST_MAIN(TstPlotRenderer)
#include "tst_plot_renderer.moc"

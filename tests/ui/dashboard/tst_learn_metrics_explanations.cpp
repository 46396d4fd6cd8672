// The Learn dialog and the metrics dashboard explain what they show:
// - the Learn dialog says what a "-" cell means (a legend line and the cell's tooltip), does not offer "Use the new
//   head" when nothing beat the engine (the button is disabled and a sentence says why), and cuts no row off;
// - the dashboard warns when the golden set is too small to trust (photos per attribute, passes and fails),
//   its bar legend lies off the bars (a row under the plot), and the loss chart says that there is no training
//   run instead of showing empty axes;
// - with HQA_SCREENSHOT_DIR set, golden-set.png and metrics-with-error.png (scripts/screenshots-golden-metrics).
#include "ui/dashboard/MetricsDashboard.h"
#include "ui/dashboard/TrainingCurves.h"
#include "ui/golden/GoldenSetView.h"
#include "ui/plots/PlotRenderer.h"
#include "ui/plots/QCustomPlotInclude.h"
#include "ui/settings/AppSettings.h"
#include "ui/training/LearnDialog.h"

#include "core/engine/Engine.h"
#include "core/eval/LabelFile.h"
#include "core/eval/Metrics.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QAbstractItemDelegate>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace hqa::ui;
using namespace hqa::core;

namespace {
/// A head-training run with little to go on: three attributes had no held-out photo at all (their figures are
/// unknown), the others a long reason each, and nothing beat the engine.
HeadTrainingFunction thinTrainer()
{
    return [](const HeadTrainingInput&, const std::function<void(const HeadTrainingProgress&)>& progress,
              const std::atomic_bool&) -> Expected<HeadTrainingOutcome> {
        progress({1, 1, std::nan(""), std::nan(""), std::nan("")});
        HeadTrainingOutcome out;
        out.trainSamples = 14;
        out.heldOutSamples = 14;
        out.heldOutPeople = 3;
        for (int i = 0; i < kAttributeCount; ++i) {
            auto& f = out.attributes[size_t(i)];
            f.replaced = false;
            if (i < 3) {
                f.note = QStringLiteral("nobody reviewed this attribute");
                continue; // before, after, gain: NaN; no held-out photo
            }
            f = BeforeAfter{};
            f.before = 0.7;
            f.after = 0.72;
            f.heldOut = 14;
            f.heldOutPeople = 3;
            f.gain = 0.02;
            f.gainLow = -0.2;
            f.gainHigh = 0.25;
            f.replaced = false;
            f.note = QStringLiteral("only 3 different people were held out (at least 5 are needed) and the 95% "
                                    "interval of the gain, -20.0 to +25.0 points, does not lie above zero; the "
                                    "engine keeps judging this attribute until more people are reviewed");
        }
        return out;
    };
}

/// Photos of the evaluation set (distinct files) with the golden label golden(k) and a verdict on every attribute.
std::unique_ptr<ProjectStore> goldenProject(const QString& name, int photos, const std::function<Label(int)>& golden)
{
    auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
    if (!set)
        return {};
    auto created = ProjectStore::create(hqa::test::tempDir() + u'/' + name + QStringLiteral(".hqa"));
    if (!created)
        return {};
    auto store = std::move(*created);
    int added = 0;
    for (size_t k = 0; k < set->rows.size() && added < photos; ++k) {
        auto photo = store->addPhoto(set->rows[k].path);
        if (!photo || photo->outcome != AddPhotoResult::Outcome::Added)
            continue;
        if (store->setGoldenLabel(photo->id, golden(added), QStringLiteral("tester")))
            return {};
        Assessment a;
        a.file = set->rows[k].path;
        for (auto& v : a.verdicts) {
            v.judged = true;
            v.threshold = 0.5;
            v.score = 0.3 + 0.4 * double(added % 3) / 2.0;
            v.pass = v.score >= v.threshold;
        }
        if (!store->addAssessment(photo->id, a))
            return {};
        ++added;
    }
    return added == photos ? std::move(store) : nullptr;
}

Label allAttributes(int value)
{
    Label l;
    l.fill(std::int8_t(value));
    return l;
}

/// The photo of a rocket: the engine finds no face, an assessment with an error.
bool addRocket(ProjectStore& store, Engine& engine, const Label& golden)
{
    const QString rocket = hqa::test::cachePath(QStringLiteral("photos/misc/rocket.jpg"));
    auto photo = store.addPhoto(rocket);
    if (!photo)
        return false;
    const Assessment a = assessFile(engine, rocket);
    return !a.ok() && !store.setGoldenLabel(photo->id, golden, QStringLiteral("tester"))
        && bool(store.addAssessment(photo->id, a));
}

/// The height a row's cells need at their column widths, asked of the item delegate as QTableView does when it
/// resizes rows to their contents (wrapped text included).
int neededRowHeight(QTableWidget* t, int row)
{
    int needed = 0;
    for (int c = 0; c < t->columnCount(); ++c) {
        QStyleOptionViewItem option;
        option.initFrom(t);
        option.font = t->font();
        option.fontMetrics = QFontMetrics(t->font());
        option.features |= QStyleOptionViewItem::WrapText;
        option.rect = QRect(0, 0, t->columnWidth(c) - (t->showGrid() ? 1 : 0), std::max(1, t->rowHeight(row)));
        needed = std::max(needed, t->itemDelegate()->sizeHint(option, t->model()->index(row, c)).height());
    }
    return needed;
}

void checkLegendOffTheData(QCustomPlot* plot)
{
    plot->replot();
    QVERIFY(plot->legend->visible());
    const QRect legend = plot->legend->outerRect();
    const QRect data = plot->axisRect()->rect();
    QVERIFY(legend.isValid() && data.isValid());
    QVERIFY2(!legend.intersects(data),
             qPrintable(QStringLiteral("legend %1,%2 %3x%4 over the plot %5,%6 %7x%8")
                            .arg(legend.x())
                            .arg(legend.y())
                            .arg(legend.width())
                            .arg(legend.height())
                            .arg(data.x())
                            .arg(data.y())
                            .arg(data.width())
                            .arg(data.height())));
    // Inside the widget: not pushed out of sight.
    QVERIFY(QRect(QPoint(0, 0), plot->size()).contains(legend));
}
} // namespace

class TestLearnMetricsExplanations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        settings::appSettings().clear();
    }

    void learnDialogExplainsDashesAndShowsWholeRows()
    {
        auto created = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/learn.hqa"));
        QVERIFY(created);
        LearnDialog dialog(created->get(), nullptr, thinTrainer());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Before any run: "Use" is not offered, and a sentence says when it will be.
        QVERIFY(!dialog.useButton()->isEnabled());
        QVERIFY(!dialog.useReasonLabel()->text().isEmpty());
        QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
        dialog.startTraining();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);

        // "-" explained: a legend line under the table and the cell's tooltip.
        QVERIFY(dialog.legendLabel()->isVisible());
        QVERIFY2(dialog.legendLabel()->text().contains(
                     QStringLiteral("- : not enough reviewed photos of this attribute to learn")),
                 qPrintable(dialog.legendLabel()->text()));
        QTableWidget* t = dialog.figuresTable();
        for (int r = 0; r < 3; ++r)
            for (int c : {0, 1, 3, 4}) {
                QCOMPARE(t->item(r, c)->text(), QStringLiteral("-"));
                QVERIFY(
                    t->item(r, c)->toolTip().contains(QStringLiteral("Not enough reviewed photos of this attribute")));
            }
        QVERIFY(t->item(4, 0)->toolTip().isEmpty()); // a figure needs no excuse

        // Nothing beat the engine: "Use the new head" is not offered, and the dialog says why.
        QVERIFY(!dialog.useButton()->isEnabled());
        QVERIFY(dialog.useReasonLabel()->isVisible());
        QVERIFY2(dialog.useReasonLabel()->text().contains(QStringLiteral("not offered"))
                     && dialog.useReasonLabel()->text().contains(QStringLiteral("does not beat")),
                 qPrintable(dialog.useReasonLabel()->text()));

        // Whole rows, at the dialog's own size and wider: each row as tall as its wrapped text, and every
        // row inside the table's viewport (no scrolling needed to see the last one).
        for (int width : {0, 1300}) {
            if (width)
                dialog.resize(width, dialog.height());
            QTest::qWait(50);
            QCoreApplication::processEvents();
            QCOMPARE(t->verticalScrollBar()->maximum(), 0);
            for (int r = 0; r < t->rowCount(); ++r) {
                QVERIFY2(t->rowHeight(r) >= neededRowHeight(t, r),
                         qPrintable(QStringLiteral("row %1: %2 px for %3 px of text")
                                        .arg(r)
                                        .arg(t->rowHeight(r))
                                        .arg(neededRowHeight(t, r))));
                QVERIFY2(t->rowViewportPosition(r) + t->rowHeight(r) <= t->viewport()->height(),
                         qPrintable(QStringLiteral("row %1 ends at %2, the table shows %3 px")
                                        .arg(r)
                                        .arg(t->rowViewportPosition(r) + t->rowHeight(r))
                                        .arg(t->viewport()->height())));
            }
        }
        // The long reasons wrap onto more than one line.
        QVERIFY(t->rowHeight(4) > t->rowHeight(0));
    }

    void metricsWarnsWhenGoldenSetIsSmall()
    {
        auto engine = makeEngine(EngineOptions{});
        QVERIFY(engine);
        const auto alternate = [](int k) { return allAttributes(k % 2); };
        {
            // 12 golden photos, 6 pass and 6 fail on every attribute: too few everywhere, and the counts are said.
            auto store = goldenProject(QStringLiteral("small"), 12, alternate);
            QVERIFY(store);
            MetricsDashboard dash;
            dash.setStore(store.get());
            QCOMPARE(dash.samples(), 12);
            QVERIFY(dash.warningLabel()->isVisibleTo(&dash));
            const QString w = dash.sampleWarning();
            QCOMPARE(dash.warningLabel()->text(), w);
            for (Attribute a : kAllAttributes) {
                QCOMPARE(dash.judgedGolden(a), 12);
                QVERIFY2(w.contains(attributeName(a) + QStringLiteral(": 12 (6 pass, 6 fail)")), qPrintable(w));
            }
            QVERIFY(w.contains(QStringLiteral("at least 30")));
        }
        {
            // 40 photos; background has only 5 fails; an unassessable photo (no face) is not counted.
            auto store = goldenProject(QStringLiteral("skewed"), 40, [](int k) {
                Label l = allAttributes(k % 2);
                l[size_t(index(Attribute::Background))] = k % 8 == 0 ? 0 : 1;
                return l;
            });
            QVERIFY(store);
            QVERIFY(addRocket(*store, **engine, allAttributes(0)));
            MetricsDashboard dash;
            dash.setStore(store.get());
            QCOMPARE(dash.samples(), 40);
            QCOMPARE(dash.unassessed(), 1);
            const QString w = dash.sampleWarning();
            QVERIFY2(w.contains(attributeName(Attribute::Background) + QStringLiteral(": 40 (35 pass, 5 fail)")),
                     qPrintable(w));
            QVERIFY2(!w.contains(attributeName(Attribute::Lighting)), qPrintable(w));
            QVERIFY(dash.warningLabel()->isVisibleTo(&dash));
        }
        {
            // 40 photos, 20 of each verdict everywhere: enough, no warning.
            auto store = goldenProject(QStringLiteral("enough"), 40, alternate);
            QVERIFY(store);
            MetricsDashboard dash;
            dash.setStore(store.get());
            QCOMPARE(dash.sampleWarning(), QString());
            QVERIFY(!dash.warningLabel()->isVisibleTo(&dash));
        }
    }

    void legendOffTheBars()
    {
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY(set);
        std::vector<Label> truth, predicted;
        for (size_t k = 0; k < set->rows.size(); ++k) {
            truth.push_back(set->rows[k].label);
            Label p = set->rows[k].label;
            if (k % 3 == 0)
                for (auto& v : p)
                    v = v >= 0 ? std::int8_t(1 - v) : v;
            predicted.push_back(p);
        }
        const Metrics metrics = computeMetrics(truth, predicted);
        QCustomPlot plot;
        plot.resize(900, 500);
        buildAttributeBars(&plot, metrics, QStringLiteral("bars"));
        checkLegendOffTheData(&plot);
        const int rows = plot.plotLayout()->rowCount();
        QCOMPARE(rows, 3); // title, plot, legend
        // Rebuilding (the dashboard does on every change) and switching plot kinds stacks nothing.
        ThresholdCurve curve;
        curve.attribute = Attribute::Lighting;
        curve.currentThreshold = 0.5;
        curve.bestThreshold = 0.4;
        for (int s = 0; s <= 10; ++s) {
            ThresholdPoint p;
            p.threshold = s / 10.0;
            p.accuracy = 0.5 + 0.04 * s;
            p.balancedAccuracy = 0.9 - 0.04 * s;
            p.passF1 = 0.7;
            curve.points.push_back(p);
        }
        buildThresholdPlot(&plot, curve);
        checkLegendOffTheData(&plot);
        buildAttributeBars(&plot, metrics, QStringLiteral("bars"));
        buildAttributeBars(&plot, metrics, QStringLiteral("bars"));
        QCOMPARE(plot.plotLayout()->rowCount(), rows);
        checkLegendOffTheData(&plot);

        // The same on the dashboard's own plots.
        auto store = goldenProject(QStringLiteral("legend"), 12, [](int k) { return allAttributes(k % 2); });
        QVERIFY(store);
        MetricsDashboard dash;
        dash.resize(1300, 800);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.setStore(store.get());
        checkLegendOffTheData(dash.barsPlot());
        checkLegendOffTheData(dash.curvePlot());
    }

    void lossChartSaysWhenThereIsNothingToDraw()
    {
        TrainingCurves curves;
        curves.resize(600, 300);
        curves.show();
        QVERIFY(QTest::qWaitForWindowExposed(&curves));
        QVERIFY(curves.showsMessage());
        QVERIFY(curves.messageLabel()->isVisible());
        QVERIFY(!curves.plot()->isVisible()); // no empty axes
        QVERIFY2(curves.messageLabel()->text().startsWith(QStringLiteral("No training run yet: ")),
                 qPrintable(curves.messageLabel()->text()));
        // The corrections head reports steps without a loss: still nothing to draw, and the message says why.
        curves.addEpoch(1, std::nan(""), std::nan(""), std::nan(""));
        QVERIFY(curves.showsMessage());
        QVERIFY(!curves.plot()->isVisible());
        QVERIFY2(curves.messageLabel()->text().contains(QStringLiteral("no loss")),
                 qPrintable(curves.messageLabel()->text()));
        // A real epoch: the plot replaces the message.
        curves.addEpoch(2, 0.8, 0.9, 0.6);
        QVERIFY(!curves.showsMessage());
        QVERIFY(curves.plot()->isVisible());
        QVERIFY(!curves.messageLabel()->isVisible());
        curves.clear();
        QVERIFY(curves.showsMessage());
        QVERIFY(curves.messageLabel()->isVisible());
        QVERIFY(curves.messageLabel()->text().startsWith(QStringLiteral("No training run yet: ")));
    }

    /// scripts/screenshots-golden-metrics: the golden set tab and the metrics dashboard with a photo the engine could not
    /// assess (no face) in the golden set, over the measures engine's real verdicts on labelled photos.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("HQA_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("HQA_SCREENSHOT_DIR not set");
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY(set);
        auto created = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/shots.hqa"));
        QVERIFY(created);
        auto store = std::move(*created);
        auto engine = makeEngine(EngineOptions{});
        QVERIFY(engine);
        // The rocket first, so that it is the golden set's first row.
        Label rocketLabel = kUnknownLabel;
        rocketLabel[size_t(index(Attribute::Lighting))] = 1;
        QVERIFY(addRocket(*store, **engine, rocketLabel));
        int assessed = 0;
        for (size_t k = 0; k < set->rows.size() && assessed < 27; k += 7) {
            auto added = store->addPhoto(set->rows[k].path);
            QVERIFY(added);
            if (added->outcome != AddPhotoResult::Outcome::Added)
                continue;
            QVERIFY(!store->setGoldenLabel(added->id, set->rows[k].label, QStringLiteral("eval set")));
            QVERIFY(store->addAssessment(added->id, assessFile(**engine, set->rows[k].path)));
            ++assessed;
        }
        QVERIFY(QDir().mkpath(dir));

        GoldenSetView golden;
        golden.resize(1600, 900);
        golden.show();
        QVERIFY(QTest::qWaitForWindowExposed(&golden));
        golden.setStore(store.get());
        QCOMPARE(golden.rowCount(), assessed + 1);
        QCOMPARE(golden.photoAt(0), store->photos()->front().id); // the rocket, selected
        golden.table()->selectRow(0);
        QTest::qWait(200);
        QVERIFY(golden.grab().save(QDir(dir).filePath(QStringLiteral("golden-set.png"))));

        MetricsDashboard dash;
        dash.resize(1500, 1000);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.setStore(store.get());
        dash.trainingCurves()->show(); // with its "no training run yet" message
        dash.showAttribute(Attribute::Lighting);
        QCOMPARE(dash.unassessed(), 1);
        QVERIFY(dash.summaryText().contains(QStringLiteral("rocket.jpg")));
        QVERIFY(!dash.sampleWarning().isEmpty()); // 27 photos: fewer than 30
        QTest::qWait(200);
        QVERIFY(dash.grab().save(QDir(dir).filePath(QStringLiteral("metrics-with-error.png"))));
        qInfo("golden set of %d photos and one without a face; Hamming accuracy %.3f", assessed,
              dash.metrics().hammingAccuracy);
    }
};

QTEST_MAIN(TestLearnMetricsExplanations)
#include "tst_learn_metrics_explanations.moc"

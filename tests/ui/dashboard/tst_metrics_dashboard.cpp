// Metrics dashboard on a project of real labelled photos: the figures shown are core's computeMetrics of the
// golden labels against the stored verdicts; dragging the threshold line with the mouse moves the threshold
// and the figures follow exactly what the new threshold predicts; Apply stores it.
#include "ui/dashboard/MetricsDashboard.h"
#include "ui/dashboard/TrainingCurves.h"
#include "ui/plots/QCustomPlotInclude.h"
#include "ui/settings/AppSettings.h"

#include "core/eval/LabelFile.h"
#include "core/engine/Engine.h"
#include "core/eval/Metrics.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <cmath>

using namespace hqa::ui;
using namespace hqa::core;

namespace {
constexpr int kPhotos = 24;

/// A score that usually agrees with the truth but not always, so thresholds matter.
double scoreFor(int truth, size_t k, int attribute)
{
    return std::clamp((truth == 1 ? 0.62 : 0.38) + 0.3 * std::sin(double(k) * 1.7 + attribute), 0.0, 1.0);
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}
} // namespace

class TstMetricsDashboard : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<ProjectStore> m_store;
    std::vector<Label> m_truth;
    std::vector<std::array<double, kAttributeCount>> m_scores;

    Metrics expectedAt(const std::array<double, kAttributeCount>& thresholds) const
    {
        std::vector<Label> predicted;
        for (const auto& s : m_scores) {
            Label p;
            for (int i = 0; i < kAttributeCount; ++i)
                p[size_t(i)] = s[size_t(i)] >= thresholds[size_t(i)] ? 1 : 0;
            predicted.push_back(p);
        }
        return computeMetrics(m_truth, predicted);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY(set);
        auto store = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/dash.hqa"));
        QVERIFY(store);
        m_store = std::move(*store);
        // Every 7th row so that several source photos and variants are in.
        for (size_t k = 0; k < set->rows.size() && int(m_truth.size()) < kPhotos; k += 7) {
            const auto& row = set->rows[k];
            auto added = m_store->addPhoto(row.path);
            QVERIFY2(added, qPrintable(row.path));
            if (added->outcome != AddPhotoResult::Outcome::Added)
                continue; // same bytes as an earlier row
            QVERIFY(!m_store->setGoldenLabel(added->id, row.label, QStringLiteral("tester")));
            Assessment a;
            a.file = row.path;
            std::array<double, kAttributeCount> scores{};
            for (int i = 0; i < kAttributeCount; ++i) {
                auto& v = a.verdicts[size_t(i)];
                v.judged = true;
                v.threshold = 0.5;
                v.score = scoreFor(row.label[size_t(i)], m_truth.size(), i);
                v.pass = v.score >= v.threshold;
                scores[size_t(i)] = v.score;
            }
            QVERIFY(m_store->addAssessment(added->id, a));
            m_truth.push_back(row.label);
            m_scores.push_back(scores);
        }
        QCOMPARE(int(m_truth.size()), kPhotos);
    }

    void figuresAndDrag()
    {
        MetricsDashboard dash;
        dash.resize(1300, 800);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.setStore(m_store.get());
        QCOMPARE(dash.samples(), kPhotos);

        std::array<double, kAttributeCount> thresholds;
        thresholds.fill(0.5);
        const Metrics expected = expectedAt(thresholds);
        for (int i = 0; i < kAttributeCount; ++i) {
            const auto& got = dash.metrics().attributes[size_t(i)];
            const auto& want = expected.attributes[size_t(i)];
            QCOMPARE(got.confusion.truePass, want.confusion.truePass);
            QCOMPARE(got.confusion.falsePass, want.confusion.falsePass);
            QCOMPARE(got.confusion.trueFail, want.confusion.trueFail);
            QCOMPARE(got.confusion.falseFail, want.confusion.falseFail);
            // The table shows the same figures.
            QCOMPARE(dash.figuresTable()->item(i, 5)->text().toInt(), want.confusion.truePass);
            QCOMPARE(dash.figuresTable()->item(i, 8)->text().toInt(), want.confusion.falsePass);
            if (!std::isnan(want.accuracy))
                QCOMPARE(dash.figuresTable()->item(i, 1)->text(), QString::number(want.accuracy, 'f', 3));
        }
        QCOMPARE(dash.metrics().hammingAccuracy, expected.hammingAccuracy);

        // Drag lighting's threshold line from 0.5 to about 0.75.
        dash.showAttribute(Attribute::Lighting);
        QCustomPlot* plot = dash.curvePlot();
        plot->replot();
        const double y = plot->yAxis->coordToPixel(0.5);
        const double from = plot->xAxis->coordToPixel(0.5);
        const double to = plot->xAxis->coordToPixel(0.75);
        // A press away from the line does not grab it.
        sendMouse(plot, QEvent::MouseButtonPress, QPointF(from + 60, y), Qt::LeftButton);
        sendMouse(plot, QEvent::MouseMove, QPointF(to, y), Qt::LeftButton);
        sendMouse(plot, QEvent::MouseButtonRelease, QPointF(to, y), Qt::NoButton);
        QCOMPARE(dash.threshold(Attribute::Lighting), 0.5);

        sendMouse(plot, QEvent::MouseButtonPress, QPointF(from + 2, y), Qt::LeftButton);
        sendMouse(plot, QEvent::MouseMove, QPointF((from + to) / 2, y), Qt::LeftButton);
        const double midway = dash.threshold(Attribute::Lighting);
        QVERIFY(midway > 0.55 && midway < 0.7); // live while dragging
        sendMouse(plot, QEvent::MouseMove, QPointF(to, y), Qt::LeftButton);
        sendMouse(plot, QEvent::MouseButtonRelease, QPointF(to, y), Qt::NoButton);
        const double dragged = dash.threshold(Attribute::Lighting);
        QVERIFY2(std::abs(dragged - 0.75) < 0.01, qPrintable(QString::number(dragged)));

        thresholds[0] = dragged;
        const Metrics after = expectedAt(thresholds);
        const auto& got = dash.metrics().attributes[0];
        QCOMPARE(got.confusion.truePass, after.attributes[0].confusion.truePass);
        QCOMPARE(got.confusion.falseFail, after.attributes[0].confusion.falseFail);
        QCOMPARE(got.confusion.trueFail, after.attributes[0].confusion.trueFail);
        QCOMPARE(got.confusion.falsePass, after.attributes[0].confusion.falsePass);
        // Raising the threshold can only turn passes into fails.
        QVERIFY(got.confusion.truePass + got.confusion.falsePass
                <= expected.attributes[0].confusion.truePass + expected.attributes[0].confusion.falsePass);
        QVERIFY(got.confusion.truePass + got.confusion.falsePass
                    < expected.attributes[0].confusion.truePass + expected.attributes[0].confusion.falsePass
                || got.confusion.truePass == 0);
        // Other attributes did not move.
        QCOMPARE(dash.metrics().attributes[4].confusion.truePass, expected.attributes[4].confusion.truePass);
        QCOMPARE(dash.figuresTable()->item(0, 0)->text(), QString::number(dragged, 'f', 2));

        // The curve's point at the dragged threshold carries the same counts as the table.
        const ThresholdCurve curve = dash.curveAlong(Attribute::Lighting, 0.5);
        QCOMPARE(int(curve.points.size()), 101);
        const auto& point = curve.points[size_t(std::lround(0.75 * 100))];
        const Metrics at75 = expectedAt({0.75, 0.5, 0.5, 0.5, 0.5, 0.5});
        QCOMPARE(point.truePass, at75.attributes[0].confusion.truePass);
        QCOMPARE(point.falsePass, at75.attributes[0].confusion.falsePass);

        // Apply stores it.
        QSignalSpy applied(&dash, &MetricsDashboard::thresholdsApplied);
        dash.applyThresholds();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(settings::appSettings().value(settings::thresholdKey(Attribute::Lighting)).toDouble(), dragged);
    }

    /// scripts/screenshot-dashboard: the dashboard over real verdicts of the measures engine on labelled photos.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("HQA_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("HQA_SCREENSHOT_DIR not set");
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY(set);
        auto created = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/shot.hqa"));
        QVERIFY(created);
        auto store = std::move(*created);
        auto engine = makeEngine(EngineOptions{});
        QVERIFY(engine);
        int assessed = 0;
        for (size_t k = 0; k < set->rows.size() && assessed < 60; k += 5) {
            auto added = store->addPhoto(set->rows[k].path);
            QVERIFY(added);
            if (added->outcome != AddPhotoResult::Outcome::Added)
                continue;
            QVERIFY(!store->setGoldenLabel(added->id, set->rows[k].label, QStringLiteral("eval set")));
            QVERIFY(store->addAssessment(added->id, assessFile(**engine, set->rows[k].path)));
            ++assessed;
        }
        MetricsDashboard dash;
        dash.resize(1400, 900);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.setStore(store.get());
        dash.showAttribute(Attribute::Lighting);
        QTest::qWait(200);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(dash.grab().save(QDir(dir).filePath(QStringLiteral("dashboard.png"))));
        qInfo("dashboard over %d photos, Hamming accuracy %.3f", dash.samples(), dash.metrics().hammingAccuracy);
    }

    void trainingCurves()
    {
        TrainingCurves curves;
        curves.addEpoch(1, 0.9, 1.0, 0.55);
        curves.addEpoch(2, 0.6, 0.8, 0.7);
        QCOMPARE(curves.epochs(), 2);
        QCOMPARE(curves.plot()->graph(0)->dataCount(), 2);
        QCOMPARE(curves.plot()->graph(2)->data()->at(1)->value, 0.7);
    }
};

QTEST_MAIN(TstMetricsDashboard)
#include "tst_metrics_dashboard.moc"

#pragma once
// Metrics dashboard: the engine's latest verdicts against the project's golden labels. Per-attribute bars,
// a confusion table, and a threshold curve per attribute whose current threshold is a vertical line the user
// drags: the figures follow live; Apply stores the thresholds (engine/threshold/<key>). A warning line says
// when the golden set is too small to trust, with the count per attribute (see kMinJudgedGolden).

#include "core/eval/Metrics.h"
#include "core/eval/ThresholdCurve.h"
#include "core/store/ProjectStore.h"

#include <QStringList>
#include <QWidget>

#include <array>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPItemStraightLine;
class QLabel;
class QPushButton;
class QTableWidget;

namespace hqa::ui {

class TrainingCurves;

class MetricsDashboard : public QWidget {
    Q_OBJECT
public:
    explicit MetricsDashboard(QWidget* parent = nullptr);

    /// Not owned; nullptr clears the dashboard.
    void setStore(hqa::core::ProjectStore* store);

    /// Figures with the thresholds as they are now (dragged or not).
    const hqa::core::Metrics& metrics() const { return m_metrics; }
    /// Truth and predictions behind metrics(): golden photos that have an assessment.
    int samples() const { return int(m_truth.size()); }
    /// The summary line above the plots.
    QString summaryText() const;

    /// The golden set is too small to trust an attribute's figures when fewer than kMinJudgedGolden golden photos
    /// have both a known golden value and a verdict for it, or fewer than kMinMinorityGolden of them carry the
    /// rarer golden value. 30: with 30 photos the 95% interval of an accuracy near 0.8 is already about +-14
    /// points (Wilson), wider than most differences between two thresholds or engines. 10: balanced accuracy and
    /// the fail F1 rest on the rarer class; with fewer than 10 photos of it one photo moves its recall by more
    /// than 10 points.
    static constexpr int kMinJudgedGolden = 30;
    static constexpr int kMinMinorityGolden = 10;
    /// Golden photos with a known value and a verdict for the attribute, and how many of them pass (golden).
    int judgedGolden(hqa::core::Attribute a) const;
    int goldenPasses(hqa::core::Attribute a) const;
    /// The small-golden-set warning; empty when every attribute has enough photos (or there are none at all).
    QString sampleWarning() const;
    QLabel* warningLabel() const { return m_warning; }
    QCustomPlot* barsPlot() const { return m_barsPlot; }
    /// Golden photos whose latest assessment is an error (no face, unreadable): counted apart, not as samples.
    int unassessed() const { return int(m_unassessed.size()); }
    double threshold(hqa::core::Attribute a) const { return m_thresholds[size_t(hqa::core::index(a))]; }
    /// Scores (-1 when not judged) and golden truth for one attribute, in sample order.
    std::vector<double> scores(hqa::core::Attribute a) const;
    std::vector<int> truth(hqa::core::Attribute a) const;

    void setThreshold(hqa::core::Attribute a, double threshold);
    void showAttribute(hqa::core::Attribute a);
    /// The shown curve's figures along the threshold, computed with computeMetrics at 101 thresholds.
    hqa::core::ThresholdCurve curveAlong(hqa::core::Attribute a, double current) const;
    hqa::core::Attribute shownAttribute() const;

    QCustomPlot* curvePlot() const { return m_curvePlot; }
    QTableWidget* figuresTable() const { return m_table; }
    TrainingCurves* trainingCurves() const { return m_training; }
    /// Writes the thresholds to QSettings and emits thresholdsApplied().
    void applyThresholds();

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void thresholdsApplied();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Sample {
        hqa::core::Label truth = hqa::core::kUnknownLabel;
        std::array<double, hqa::core::kAttributeCount> score{};
        std::array<bool, hqa::core::kAttributeCount> judged{};
    };
    void recompute();
    void redrawCurve();
    void fillTable();

    hqa::core::ProjectStore* m_store = nullptr;
    std::vector<Sample> m_samples;
    std::vector<hqa::core::Label> m_truth;
    QStringList m_unassessed; ///< "file (why)" of golden photos the engine could not assess
    std::array<double, hqa::core::kAttributeCount> m_thresholds{};
    std::array<double, hqa::core::kAttributeCount> m_engineThresholds{};
    hqa::core::Metrics m_metrics;

    QLabel* m_summary = nullptr;
    QLabel* m_warning = nullptr;
    QCustomPlot* m_barsPlot = nullptr;
    QCustomPlot* m_curvePlot = nullptr;
    QCPItemStraightLine* m_currentLine = nullptr;
    QComboBox* m_attributeBox = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_apply = nullptr;
    TrainingCurves* m_training = nullptr;
    bool m_dragging = false;
};

} // namespace hqa::ui

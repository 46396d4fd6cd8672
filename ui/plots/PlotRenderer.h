#pragma once
// QCustomPlot drawings of evaluation figures, shared by `evaluate --report` (offscreen PNGs) and the metrics
// dashboard (the same plots on screen), so both always show the same thing.

#include "core/Error.h"
#include "core/eval/Metrics.h"
#include "core/eval/PlotRequest.h"
#include "core/eval/ThresholdCurve.h"

#include <QString>
#include <QStringList>

class QCustomPlot;
class QCPItemStraightLine;

namespace hqa::ui {

/// Replaces the plot's content with grouped bars per attribute: accuracy, balanced accuracy, pass F1, fail F1.
/// Undefined figures (NaN) are drawn as missing bars.
void buildAttributeBars(QCustomPlot* plot, const hqa::core::Metrics& metrics, const QString& title);

/// The lines a threshold plot is made of, so that the dashboard can move the markers.
struct ThresholdPlotItems {
    QCPItemStraightLine* current = nullptr; ///< the engine's threshold (solid)
    QCPItemStraightLine* best = nullptr; ///< highest balanced accuracy (dashed)
};

/// Replaces the plot's content with accuracy, balanced accuracy and pass F1 against threshold, the current and
/// the best threshold marked as vertical lines.
ThresholdPlotItems buildThresholdPlot(QCustomPlot* plot, const hqa::core::ThresholdCurve& curve);

/// Writes attributes.png and one threshold-<key>.png per curve into request.directory; returns the paths. A
/// core::PlotRenderer (the app hands it to the command line); needs a QApplication.
hqa::core::Expected<QStringList> renderReportPlots(const hqa::core::PlotRequest& request);

} // namespace hqa::ui

#pragma once
// Plots for `evaluate --report`. The CLI lives in core, which never links QtGui, so the app registers the ui
// layer's QCustomPlot renderer here at start-up; a build or a run without one writes reports without plots.

#include "core/Error.h"
#include "core/eval/Metrics.h"
#include "core/eval/ThresholdCurve.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace hqa::core::cli {

struct PlotRequest {
    QString directory; ///< existing folder to write PNG files into
    QString title; ///< e.g. the engine and the label file
    Metrics metrics;
    std::vector<ThresholdCurve> curves; ///< one per attribute that has scores
};

/// Writes the plots and returns the written files' paths.
using PlotRenderer = std::function<Expected<QStringList>(const PlotRequest&)>;

void setPlotRenderer(PlotRenderer renderer);
/// Empty when none is registered.
const PlotRenderer& plotRenderer();

} // namespace hqa::core::cli

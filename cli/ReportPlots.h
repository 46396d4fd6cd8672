#pragma once
// The plot renderer `evaluate --report` uses. The command line never links QtGui, so the app sets the ui layer's
// QCustomPlot renderer here at start-up; a build or a run without one writes reports without plots.

#include "core/eval/PlotRequest.h"

namespace hqa::cli {

void setPlotRenderer(core::PlotRenderer renderer);
/// Empty when none is set.
const core::PlotRenderer& plotRenderer();

} // namespace hqa::cli

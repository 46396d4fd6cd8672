#include "ReportPlots.h"

namespace hqa::cli {

using namespace core;

namespace {
PlotRenderer& registered()
{
    static PlotRenderer renderer;
    return renderer;
}
} // namespace

void setPlotRenderer(PlotRenderer renderer) { registered() = std::move(renderer); }

const PlotRenderer& plotRenderer() { return registered(); }

} // namespace hqa::cli

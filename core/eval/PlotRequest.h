#pragma once
// What a plot renderer needs to draw the figures of an evaluation report (`evaluate --report`). Drawing needs QtGui,
// which core never links: the ui layer provides the renderer, the command line takes it as a PlotRenderer.

#include "core/Error.h"
#include "core/eval/Metrics.h"
#include "core/eval/ThresholdCurve.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace hqa::core {

struct PlotRequest {
    QString directory; ///< existing folder to write PNG files into
    QString title; ///< e.g. the engine and the label file
    Metrics metrics;
    std::vector<ThresholdCurve> curves; ///< one per attribute that has scores
};

/// Writes the plots and returns the written files' paths.
using PlotRenderer = std::function<Expected<QStringList>(const PlotRequest&)>;

} // namespace hqa::core

#pragma once
// The compare view's shared zoom and pan, kept out of the widgets so that it is testable: every pane's viewport is
// derived from one state and the pane's own face, so that a zoom on one photo zooms every photo around its own
// face ("zoom to the eyes" shows the eyes of every candidate at once).

#include "core/Assessment.h"
#include "ui/viewer/ViewportGeometry.h"

#include <QPointF>
#include <QSizeF>

#include <optional>

namespace hqa::ui {

/// Where a photo's face is: the eye midpoint and the inter-eye distance in original-image pixels. A photo without
/// a face is anchored on its centre with a sixth of its longer side as the "eye distance" (found = false).
struct FaceAnchor {
    QPointF eyes;
    double ied = 0;
    bool found = false;
};
FaceAnchor faceAnchor(const std::optional<hqa::core::Assessment>& assessment, const QSizeF& image);

/// Fit: each pane shows its whole photo. Face: every face at the same size (zoom = widget pixels per inter-eye
/// distance). Actual: every photo at the same pixel zoom (1 = 100%). In Face and Actual modes each photo's eye
/// midpoint sits at the pane centre plus `pan` (widget pixels).
struct CompareSync {
    enum class Mode { Fit, Face, Actual };
    Mode mode = Mode::Fit;
    double zoom = 1.0;
    QPointF pan;
};

/// The viewport of one pane (widget = image * scale + offset, as the photo viewer's).
Viewport paneViewport(const CompareSync& sync, const FaceAnchor& face, const QSizeF& image, const QSizeF& widget);
/// The Face-mode state that shows this pane exactly as `view` does (used when a fitted pane is first zoomed/panned).
CompareSync faceSyncFrom(const Viewport& view, const FaceAnchor& face, const QSizeF& widget);
/// Zooms by `factor` about `widgetPoint` of a pane of size `widget`: the image point under it stays put in that
/// pane, and every other pane moves the same way about its own face.
CompareSync zoomSync(const CompareSync& sync, const QPointF& widgetPoint, const QSizeF& widget, double factor);
CompareSync panSync(const CompareSync& sync, const QPointF& delta);

} // namespace hqa::ui

#include "ui/compare/CompareSync.h"

#include <cmath>

namespace hqa::ui {

FaceAnchor faceAnchor(const std::optional<hqa::core::Assessment>& assessment, const QSizeF& image)
{
    FaceAnchor a;
    if (assessment && assessment->ok() && assessment->face) {
        const auto& f = *assessment->face;
        const double ied = std::hypot(f.eyeRight.x - f.eyeLeft.x, f.eyeRight.y - f.eyeLeft.y);
        if (ied > 1.0) {
            a.eyes = QPointF((f.eyeLeft.x + f.eyeRight.x) / 2, (f.eyeLeft.y + f.eyeRight.y) / 2);
            a.ied = ied;
            a.found = true;
            return a;
        }
    }
    a.eyes = QPointF(image.width() / 2, image.height() / 2);
    a.ied = std::max(1.0, std::max(image.width(), image.height()) / 6.0);
    return a;
}

Viewport paneViewport(const CompareSync& sync, const FaceAnchor& face, const QSizeF& image, const QSizeF& widget)
{
    if (sync.mode == CompareSync::Mode::Fit || face.ied <= 0)
        return fitViewport(image, widget);
    Viewport v;
    v.scale = sync.mode == CompareSync::Mode::Face ? sync.zoom / face.ied : sync.zoom;
    const QPointF centre(widget.width() / 2, widget.height() / 2);
    v.offset = centre + sync.pan - face.eyes * v.scale;
    return v;
}

CompareSync faceSyncFrom(const Viewport& view, const FaceAnchor& face, const QSizeF& widget)
{
    CompareSync s;
    s.mode = CompareSync::Mode::Face;
    s.zoom = view.scale * face.ied;
    s.pan = imageToWidget(view, face.eyes) - QPointF(widget.width() / 2, widget.height() / 2);
    return s;
}

CompareSync zoomSync(const CompareSync& sync, const QPointF& widgetPoint, const QSizeF& widget, double factor)
{
    if (factor <= 0)
        return sync;
    // In a pane, widget = centre + pan + (image - eyes) * zoom * g, where g depends on the pane and the mode only.
    // Keeping the image point under widgetPoint: pan' = (w - centre) * (1 - f) + pan * f, whatever g is.
    CompareSync s = sync;
    const QPointF w = widgetPoint - QPointF(widget.width() / 2, widget.height() / 2);
    s.zoom = sync.zoom * factor;
    s.pan = w * (1.0 - factor) + sync.pan * factor;
    return s;
}

CompareSync panSync(const CompareSync& sync, const QPointF& delta)
{
    CompareSync s = sync;
    s.pan += delta;
    return s;
}

} // namespace hqa::ui

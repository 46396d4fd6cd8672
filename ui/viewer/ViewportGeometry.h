#pragma once
// Pure geometry of the photo viewer, kept out of the widget so it is testable with parameter tables: fitting an
// image into a widget, zooming about a point, mapping between image and widget pixels, and the ideal crop.

#include "core/Assessment.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace hqa::ui {

/// widget = image * scale + offset (image coordinates are the original image's pixels).
struct Viewport {
    double scale = 1.0;
    QPointF offset;
};

inline constexpr double kMinZoom = 0.02;
inline constexpr double kMaxZoom = 32.0;

/// Largest scale at which the whole image fits the widget (0 for an empty image or widget).
double fitScale(const QSizeF& image, const QSizeF& widget);
/// The fitted viewport with the image centred in the widget.
Viewport fitViewport(const QSizeF& image, const QSizeF& widget);
/// Multiplies the scale by factor (clamped to [minScale, maxScale]) keeping the image point under
/// widgetPoint where it is.
Viewport zoomAbout(const Viewport& view, const QPointF& widgetPoint, double factor, double minScale = kMinZoom,
                   double maxScale = kMaxZoom);
/// Moves the image by a widget-pixel delta.
Viewport panBy(const Viewport& view, const QPointF& delta);
QPointF imageToWidget(const Viewport& view, const QPointF& p);
QPointF widgetToImage(const Viewport& view, const QPointF& p);
QRectF imageToWidget(const Viewport& view, const QRectF& r);
/// The standard headshot crop (core StandardCrop) in image pixels; empty when the face has no landmarks.
QRectF idealCropRect(const hqa::core::FaceGeometry& face, const QSize& image);

} // namespace hqa::ui

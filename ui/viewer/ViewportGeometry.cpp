#include "ui/viewer/ViewportGeometry.h"

#include "core/select/StandardCrop.h"

#include <algorithm>

namespace hqa::ui {

double fitScale(const QSizeF& image, const QSizeF& widget)
{
    if (image.width() <= 0 || image.height() <= 0 || widget.width() <= 0 || widget.height() <= 0)
        return 0.0;
    return std::min(widget.width() / image.width(), widget.height() / image.height());
}

Viewport fitViewport(const QSizeF& image, const QSizeF& widget)
{
    Viewport v;
    v.scale = fitScale(image, widget);
    v.offset = QPointF((widget.width() - image.width() * v.scale) / 2.0,
                       (widget.height() - image.height() * v.scale) / 2.0);
    return v;
}

Viewport zoomAbout(const Viewport& view, const QPointF& widgetPoint, double factor, double minScale, double maxScale)
{
    if (view.scale <= 0 || factor <= 0)
        return view;
    const QPointF anchor = widgetToImage(view, widgetPoint);
    Viewport v;
    v.scale = std::clamp(view.scale * factor, minScale, maxScale);
    // Solve widgetPoint = anchor * scale + offset for the new offset.
    v.offset = widgetPoint - anchor * v.scale;
    return v;
}

Viewport panBy(const Viewport& view, const QPointF& delta) { return Viewport{view.scale, view.offset + delta}; }

QPointF imageToWidget(const Viewport& view, const QPointF& p) { return p * view.scale + view.offset; }

QPointF widgetToImage(const Viewport& view, const QPointF& p)
{
    return view.scale > 0 ? (p - view.offset) / view.scale : QPointF();
}

QRectF imageToWidget(const Viewport& view, const QRectF& r)
{
    return QRectF(imageToWidget(view, r.topLeft()), imageToWidget(view, r.bottomRight()));
}

QRectF idealCropRect(const hqa::core::FaceGeometry& face, const QSize& image)
{
    hqa::core::CropOptions options;
    options.outputHeight = 0; // only the source rectangle matters here
    const auto plan = hqa::core::planStandardCrop(face, cv::Size(image.width(), image.height()), options);
    if (!plan.valid)
        return {};
    return QRectF(plan.rect.x, plan.rect.y, plan.rect.width, plan.rect.height);
}

} // namespace hqa::ui

#include "ui/viewer/PhotoViewer.h"

#include "core/image/ImageDecoder.h"
#include "core/measures/FramingMeasure.h"
#include "core/select/StandardCrop.h"
#include "ui/grid/BadgePainter.h"
#include "ui/worker/AssessmentWorker.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QScreen>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace hqa::ui {

using namespace hqa::core;

namespace {
// One colour per overlay, shared by the painting and the legend.
const QColor kThirdsColour(255, 255, 255, 190);
const QColor kCentreColour(0, 200, 255);
const QColor kHeadChinColour(255, 200, 0);
const QColor kEyeColour(120, 255, 120);
const QColor kBoxColour(0, 220, 120);
const QColor kLandmarkColour(255, 80, 200);
const QColor kCropColour(255, 255, 255);
} // namespace

PhotoViewer::PhotoViewer(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::ClickFocus);
    setMinimumSize(240, 240);
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setAccessibleName(tr("Photo viewer"));
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("overlayLegend"));
    m_legend->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setStyleSheet(QStringLiteral("QLabel { background: rgba(0, 0, 0, 170); color: white; padding: 4px; "
                                           "border-radius: 3px; }"));
    m_legend->setAccessibleName(tr("Overlay legend"));
    m_legend->hide();
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_zoomLabel->setStyleSheet(m_legend->styleSheet());
    m_zoomLabel->setAccessibleName(tr("Zoom"));
    m_zoomLabel->hide();
    setMouseTracking(true); // the pointer position Z zooms about
}

void PhotoViewer::setEffectiveLabel(const Label& label)
{
    m_label = label;
    updateLegend();
    update();
}

bool PhotoViewer::framingFails() const
{
    const int i = index(Attribute::Framing);
    if (m_label && (*m_label)[size_t(i)] >= 0)
        return (*m_label)[size_t(i)] == 0;
    if (!m_assessment || !m_assessment->ok())
        return false;
    const AttributeVerdict& v = m_assessment->verdict(Attribute::Framing);
    return v.judged && !v.pass;
}

void PhotoViewer::updateLegend()
{
    QStringList entries;
    const bool ok = !m_image.isNull() && m_assessment && m_assessment->ok();
    const bool face = ok && m_assessment->face.has_value();
    auto add = [&](const QColor& colour, const QString& text) {
        entries << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                       .arg(colour.name(), text.toHtmlEscaped());
    };
    if (face && (m_overlays & FaceBox))
        add(kBoxColour, tr("Face box"));
    if (face && (m_overlays & Landmarks))
        add(kLandmarkColour, tr("Landmarks"));
    if (face && (m_overlays & EyeLine))
        add(kEyeColour, tr("Eye line (tilt)"));
    if (face && (m_overlays & CentreLine))
        add(kCentreColour, tr("Vertical centre line"));
    if (face && (m_overlays & HeadChinLines))
        add(kHeadChinColour, tr("Head-top and chin lines"));
    if (ok && (m_overlays & Thirds))
        add(kThirdsColour, tr("Rule-of-thirds grid"));
    if (face && (m_overlays & IdealCrop))
        add(kCropColour, tr("Ideal headshot crop (dash-dot)"));
    if (face && (m_overlays & FailingMargins) && framingFails())
        add(failColour(), tr("What fails framing"));
    m_legend->setText(entries.join(QStringLiteral("<br>")));
    m_legend->setVisible(!entries.isEmpty());
    if (!entries.isEmpty()) {
        m_legend->adjustSize();
        m_legend->move(8, std::max(8, height() - m_legend->height() - 8));
    }
}

void PhotoViewer::clear()
{
    ++m_request;
    m_path.clear();
    m_image = QImage();
    m_assessment.reset();
    m_label.reset();
    m_message.clear();
    m_fitted = true;
    updateLegend();
    viewChanged();
}

void PhotoViewer::setPhoto(const QString& path, const std::optional<Assessment>& assessment)
{
    m_assessment = assessment;
    m_label.reset();
    if (path == m_path && !m_image.isNull()) {
        updateLegend();
        update();
        return;
    }
    m_path = path;
    m_image = QImage();
    m_message = tr("Loading…");
    m_fitted = true;
    updateLegend();
    viewChanged();
    const quint64 request = ++m_request;
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const int longSide = screen
        ? int(std::max(screen->size().width(), screen->size().height()) * screen->devicePixelRatio())
        : 2048;
    QPointer<PhotoViewer> guard(this);
    (void)QtConcurrent::run([guard, request, path, longSide] {
        DecodeOptions options;
        options.maxLongSide = longSide;
        auto decoded = decodeImageFile(path, options);
        QImage image;
        QSize original;
        QString message;
        if (decoded) {
            const cv::Mat& m = decoded->bgr;
            image = QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).copy();
            original = QSize(decoded->originalSize.width, decoded->originalSize.height);
        } else {
            message = errorSentence(decoded.error());
        }
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, request, image, original, message] {
                // Only the latest request may change what is shown.
                if (!guard || request != guard->m_request)
                    return;
                guard->m_image = image;
                guard->m_originalSize = original;
                guard->m_message = message;
                guard->fitToWindow();
                guard->updateLegend();
                Q_EMIT guard->imageShown(guard->m_path);
            },
            Qt::QueuedConnection);
    });
}

void PhotoViewer::setAssessment(const std::optional<Assessment>& assessment)
{
    m_assessment = assessment;
    updateLegend();
    update();
}

void PhotoViewer::setOverlay(Overlay overlay, bool on)
{
    m_overlays.setFlag(overlay, on);
    updateLegend();
    update();
}

QSizeF PhotoViewer::originalSize() const
{
    return m_originalSize.isValid() ? QSizeF(m_originalSize) : QSizeF(m_image.size());
}

void PhotoViewer::fitToWindow()
{
    m_fitted = true;
    m_view = fitViewport(originalSize(), QSizeF(size()));
    viewChanged();
}

void PhotoViewer::zoomIn()
{
    m_fitted = false;
    m_view = zoomAbout(m_view, QPointF(width() / 2.0, height() / 2.0), 1.25);
    viewChanged();
}

void PhotoViewer::zoomOut()
{
    m_fitted = false;
    m_view = zoomAbout(m_view, QPointF(width() / 2.0, height() / 2.0), 0.8);
    viewChanged();
}

void PhotoViewer::zoomToActualSize(const QPointF& widgetPoint)
{
    if (m_image.isNull() || m_view.scale <= 0)
        return;
    m_fitted = false;
    m_view = zoomAbout(m_view, widgetPoint, 1.0 / m_view.scale);
    m_view.scale = 1.0; // exactly, whatever the rounding of the factor
    viewChanged();
}

void PhotoViewer::toggleActualSize()
{
    if (m_image.isNull())
        return;
    if (!m_fitted && std::abs(m_view.scale - 1.0) < 1e-9) {
        fitToWindow();
        return;
    }
    const bool overViewer = m_pointerInside && rect().contains(m_pointer.toPoint());
    zoomToActualSize(overViewer ? m_pointer : QPointF(width() / 2.0, height() / 2.0));
}

QString PhotoViewer::zoomText() const
{
    if (m_fitted || m_image.isNull())
        return tr("Fit");
    return tr("%1%").arg(qRound(m_view.scale * 100.0));
}

void PhotoViewer::viewChanged()
{
    const QString text = zoomText();
    if (m_zoomLabel->text() != text) {
        m_zoomLabel->setText(text);
        Q_EMIT zoomChanged(text);
    }
    m_zoomLabel->setToolTip(tr("Zoom: %1% (Z: 100% or fit, 0: fit, +/-: zoom)").arg(qRound(m_view.scale * 100.0)));
    m_zoomLabel->setVisible(!m_image.isNull());
    placeZoomLabel();
    update();
}

void PhotoViewer::placeZoomLabel()
{
    m_zoomLabel->adjustSize();
    m_zoomLabel->move(std::max(0, width() - m_zoomLabel->width() - 8), 8);
}

void PhotoViewer::resizeEvent(QResizeEvent*)
{
    if (m_fitted)
        m_view = fitViewport(originalSize(), QSizeF(size()));
    if (m_legend->isVisible())
        m_legend->move(8, std::max(8, height() - m_legend->height() - 8));
    viewChanged();
}

void PhotoViewer::leaveEvent(QEvent* event)
{
    m_pointerInside = false;
    QWidget::leaveEvent(event);
}

void PhotoViewer::wheelEvent(QWheelEvent* event)
{
    if (m_image.isNull())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    m_fitted = false;
    m_view = zoomAbout(m_view, event->position(), std::pow(1.25, steps));
    viewChanged();
    event->accept();
}

void PhotoViewer::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void PhotoViewer::mouseMoveEvent(QMouseEvent* event)
{
    m_pointer = event->position();
    m_pointerInside = true;
    if (!m_dragging)
        return;
    m_fitted = false;
    m_view = panBy(m_view, event->position() - m_dragStart);
    m_dragStart = event->position();
    viewChanged();
}

void PhotoViewer::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
    unsetCursor();
}

void PhotoViewer::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_Z:
        toggleActualSize();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PhotoViewer::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message.isEmpty() ? tr("Select a photo") : m_message);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_view.scale < 2.0);
    painter.drawImage(imageToWidget(m_view, QRectF(QPointF(0, 0), originalSize())), m_image);
    paintOverlays(painter);
}

void PhotoViewer::paintOverlays(QPainter& painter)
{
    if (!m_assessment || !m_assessment->ok())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    const QSizeF size = originalSize();
    const QColor fail = failColour();
    auto line = [&](QPointF a, QPointF b, const QColor& colour, Qt::PenStyle style, double width = 1.5) {
        painter.setPen(QPen(colour, width, style));
        painter.drawLine(imageToWidget(m_view, a), imageToWidget(m_view, b));
    };
    if (m_overlays & Thirds) {
        for (int i = 1; i <= 2; ++i) {
            line(QPointF(size.width() * i / 3, 0), QPointF(size.width() * i / 3, size.height()), kThirdsColour,
                 Qt::DotLine, 1);
            line(QPointF(0, size.height() * i / 3), QPointF(size.width(), size.height() * i / 3), kThirdsColour,
                 Qt::DotLine, 1);
        }
    }
    if (!m_assessment->face)
        return;
    const FaceGeometry& face = *m_assessment->face;
    // The fail colour means "this is why framing fails": it is used only when the framing verdict in effect fails,
    // and then on the rules the framing measure itself found wanting (the standard-crop rules are stricter than
    // the verdict and would paint a passing photo red).
    const bool showFail = (m_overlays & FailingMargins) && framingFails();
    bool centreFails = false, topFails = false, bottomFails = false;
    if (showFail) {
        const AttributeVerdict& v = m_assessment->verdict(Attribute::Framing);
        const FramingMeasureConfig limits;
        const auto centre = v.evidenceValue("face_centre_offset");
        const auto above = v.evidenceValue("above_eyes_t");
        const auto below = v.evidenceValue("below_eyes_t");
        if (centre || above || below) {
            centreFails = centre && std::abs(*centre) > limits.centreOffsetMax;
            topFails = above && *above < limits.aboveEyesMin;
            bottomFails = below && *below < limits.belowEyesMin;
        } else { // an engine without the measure's figures: the standard-crop rules say where
            const CropRules rules = measureCropRules(face, cv::Size(int(size.width()), int(size.height())));
            centreFails = !rules.centred;
            topFails = !rules.faceNotCut;
            bottomFails = !rules.shouldersIncluded;
        }
    }
    const QColor band(fail.red(), fail.green(), fail.blue(), 50);
    if (m_overlays & CentreLine)
        line(QPointF(size.width() / 2, 0), QPointF(size.width() / 2, size.height()), centreFails ? fail : kCentreColour,
             Qt::DashLine);
    if (m_overlays & HeadChinLines) {
        line(QPointF(0, face.headTopY), QPointF(size.width(), face.headTopY), topFails ? fail : kHeadChinColour,
             Qt::DashLine);
        line(QPointF(0, face.chin.y), QPointF(size.width(), face.chin.y), bottomFails ? fail : kHeadChinColour,
             Qt::DashLine);
        if (bottomFails) // the missing room under the chin is the failing margin
            painter.fillRect(imageToWidget(m_view, QRectF(0, face.chin.y, size.width(), size.height() - face.chin.y)),
                             band);
        if (topFails)
            painter.fillRect(imageToWidget(m_view, QRectF(0, 0, size.width(), std::max(0.0, face.box.y))), band);
    }
    if (m_overlays & EyeLine) {
        const QPointF l(face.eyeLeft.x, face.eyeLeft.y), r(face.eyeRight.x, face.eyeRight.y);
        const QPointF d = r - l;
        if (!d.isNull()) {
            // Extended across the face so a tilt is easy to see.
            line(l - d * 0.6, r + d * 0.6, kEyeColour, Qt::SolidLine);
        }
    }
    if (m_overlays & FaceBox) {
        painter.setPen(QPen(kBoxColour, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(imageToWidget(m_view, QRectF(face.box.x, face.box.y, face.box.width, face.box.height)));
    }
    if ((m_overlays & Landmarks) && !face.landmarks.empty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kLandmarkColour);
        const double r = std::clamp(m_view.scale * 2.0, 1.5, 4.0);
        for (const cv::Point2d& p : face.landmarks)
            painter.drawEllipse(imageToWidget(m_view, QPointF(p.x, p.y)), r, r);
    }
    if (m_overlays & IdealCrop) {
        const QRectF crop = idealCropRect(face, QSize(int(size.width()), int(size.height())));
        if (!crop.isEmpty()) {
            painter.setPen(QPen(showFail ? fail : kCropColour, 2, Qt::DashDotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(imageToWidget(m_view, crop));
        }
    }
}

} // namespace hqa::ui

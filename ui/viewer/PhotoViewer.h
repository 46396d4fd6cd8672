#pragma once
// Shows the selected photo (decoded off-thread at screen resolution; the latest request wins), with zoom, pan
// and framing overlays drawn from the assessment's face geometry, and a zoom readout ("Fit", "100%") in a corner.

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"
#include "ui/viewer/ViewportGeometry.h"

#include <QImage>
#include <QWidget>

class QLabel;

#include <optional>

namespace hqa::ui {

class PhotoViewer : public QWidget {
    Q_OBJECT
public:
    enum Overlay {
        FaceBox = 0x1,
        Landmarks = 0x2,
        EyeLine = 0x4,
        CentreLine = 0x8,
        Thirds = 0x10,
        HeadChinLines = 0x20,
        IdealCrop = 0x40,
        FailingMargins = 0x80,
        AllOverlays = 0xff,
    };
    Q_DECLARE_FLAGS(Overlays, Overlay)

    explicit PhotoViewer(QWidget* parent = nullptr);

    /// Starts decoding path off the GUI thread; an older request still running is ignored when it finishes.
    void setPhoto(const QString& path, const std::optional<hqa::core::Assessment>& assessment);
    void setAssessment(const std::optional<hqa::core::Assessment>& assessment);
    /// The verdicts in effect (reviewers' corrections applied); setPhoto() forgets them, so that the engine's own
    /// framing verdict decides the overlay colours until this is called.
    void setEffectiveLabel(const hqa::core::Label& label);
    /// Whether the framing in effect fails: only then are rules and margins drawn in the fail colour.
    bool framingFails() const;
    void clear();
    QString path() const { return m_path; }
    bool hasImage() const { return !m_image.isNull(); }
    QString message() const { return m_message; }

    void setOverlay(Overlay overlay, bool on);
    Overlays overlays() const { return m_overlays; }
    const Viewport& viewport() const { return m_view; }
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    /// Key Z (as in Lightroom): 100 % (one image pixel per screen pixel) about the pointer when it is over the
    /// viewer, else about the centre; at 100 % back to fit.
    void toggleActualSize();
    /// 100 % keeping the image point under widgetPoint where it is.
    void zoomToActualSize(const QPointF& widgetPoint);
    bool isFitted() const { return m_fitted; }
    /// What the zoom readout says: "Fit" while the photo is fitted to the window, else the zoom ("100%", "250%").
    QString zoomText() const;

Q_SIGNALS:
    void imageShown(const QString& path);
    void zoomChanged(const QString& zoomText);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void paintOverlays(QPainter& painter);
    /// Names and colours of the overlays drawn now, in a corner; hidden when nothing is drawn.
    void updateLegend();
    /// After every change of m_view or m_fitted: the readout, zoomChanged(), a repaint.
    void viewChanged();
    void placeZoomLabel();
    QSizeF originalSize() const;

    QString m_path;
    QImage m_image; ///< decoded at screen resolution
    QSize m_originalSize; ///< oriented full-resolution size (image coordinates)
    std::optional<hqa::core::Assessment> m_assessment;
    // Landmarks are off by default: 68 dots hide a small face; they are one View menu click away.
    Overlays m_overlays = Overlays(AllOverlays) & ~Overlays(Landmarks);
    std::optional<hqa::core::Label> m_label;
    QLabel* m_legend = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QPointF m_pointer; ///< last pointer position over the viewer
    bool m_pointerInside = false;
    Viewport m_view;
    bool m_fitted = true;
    quint64 m_request = 0;
    QString m_message;
    QPointF m_dragStart;
    bool m_dragging = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(PhotoViewer::Overlays)

} // namespace hqa::ui

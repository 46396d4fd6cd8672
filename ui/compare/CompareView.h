#pragma once
// Compare view: two to four photos side by side with zoom and pan synchronised on the faces, one photo
// pinned as the reference while J/K step the other panes through the selection, Z for 100%, E to zoom to the eyes,
// 0 to fit, each pane with its six verdict badges. Photos are decoded off the GUI thread (the latest request wins).

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"
#include "ui/compare/CompareSync.h"

#include <QImage>
#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QToolButton;

namespace hqa::ui {

/// One photo of the compare view.
struct CompareItem {
    qint64 id = 0;
    QString path;
    std::optional<hqa::core::Assessment> assessment;
    hqa::core::Label label = hqa::core::kUnknownLabel; ///< effective verdicts (corrections applied)
};

class CompareView;

/// One photo of the compare view: draws it through the view's shared zoom state, with badges and a pin button.
class ComparePane : public QWidget {
    Q_OBJECT
public:
    explicit ComparePane(CompareView* view, int index);

    void setItem(const CompareItem& item);
    void clearItem();
    const CompareItem& item() const { return m_item; }
    bool hasItem() const { return !m_item.path.isEmpty(); }
    bool hasImage() const { return !m_image.isNull(); }
    /// Decoded size over original size (1 when the full resolution is loaded).
    double imageScale() const { return m_imageScale; }
    QSizeF originalSize() const;
    FaceAnchor anchor() const { return m_anchor; }
    /// The viewport the pane paints with now (derived from the view's shared state).
    Viewport viewport() const;
    QToolButton* pinButton() const { return m_pin; }
    void setPinned(bool pinned);
    void setActive(bool active);
    QString message() const { return m_message; }
    /// Where the badge of attribute index i (0..5) is drawn, pane coordinates.
    QRectF badgeRect(int i) const;

Q_SIGNALS:
    void imageShown(int pane);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void load(bool fullResolution);
    void placePin();
    /// The dark caption band (file name over the badges) and the bold font it is written in.
    QRect captionBand(QFont* font) const;

    CompareView* m_view;
    int m_index;
    CompareItem m_item;
    QImage m_image;
    QSize m_originalSize;
    double m_imageScale = 1.0;
    bool m_fullRequested = false;
    FaceAnchor m_anchor;
    quint64 m_request = 0;
    QString m_message;
    QToolButton* m_pin = nullptr;
    bool m_pinned = false;
    bool m_active = false;
    bool m_dragging = false;
    QPointF m_dragStart;
};

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    /// The photos to compare (in selection order); shows the first ones, fitted, with the first pinned as the
    /// reference when there are more photos than panes.
    void setItems(const QList<CompareItem>& items);
    QList<CompareItem> items() const { return m_items; }
    /// 2, 3 or 4 panes (never more than there are photos, never fewer than 2).
    void setPaneCount(int count);
    int paneCount() const { return int(m_panes.size()); }
    ComparePane* pane(int i) const { return i >= 0 && i < m_panes.size() ? m_panes[i] : nullptr; }
    /// Index of the pinned pane, -1 when none.
    int pinnedPane() const { return m_pinned; }
    void setPinnedPane(int pane);
    void togglePin(int pane);
    int activePane() const { return m_active; }
    void setActivePane(int pane);
    /// The photo ids the panes show, pane order.
    QList<qint64> shownIds() const;

    const CompareSync& sync() const { return m_sync; }
    /// Steps the unpinned panes through the photos that are not pinned (J: +1, K: -1).
    void step(int delta);
    void fitAll();
    /// Z: every photo at 100% on its eyes, and back to where it was.
    void toggleActualSize();
    /// E: every face at the same size, eyes centred, the eye distance a third of the pane width.
    void zoomToEyes();
    void zoomBy(double factor);

    // Used by the panes --------------------------------------------------------------------------------------------
    void zoomFromPane(int pane, const QPointF& at, double factor);
    void panFromPane(int pane, const QPointF& delta);

Q_SIGNALS:
    /// G: back to the grid.
    void closeRequested();
    void syncChanged();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void rebuildPanes(int count);
    void showCandidates();
    void setSync(const CompareSync& sync);
    /// The state in which `pane` looks exactly as now, in Face mode (a fitted view becomes face-synchronised).
    CompareSync syncFromPane(int pane) const;
    void updateHeader();

    QList<CompareItem> m_items;
    QList<ComparePane*> m_panes;
    QGridLayout* m_grid = nullptr;
    QLabel* m_header = nullptr;
    QComboBox* m_layoutBox = nullptr;
    int m_pinned = -1;
    int m_pinnedItem = -1; ///< index in m_items of the pinned photo
    int m_start = 0; ///< first candidate shown by the unpinned panes
    int m_active = 0;
    CompareSync m_sync;
    std::optional<CompareSync> m_beforeActual;
};

} // namespace hqa::ui

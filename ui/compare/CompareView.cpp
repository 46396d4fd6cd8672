#include "ui/compare/CompareView.h"

#include "core/image/ImageDecoder.h"
#include "ui/grid/BadgePainter.h"
#include "ui/worker/AssessmentWorker.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace hqa::ui {

using namespace hqa::core;

namespace {
const QColor kReferenceColour(255, 196, 0);
const QColor kActiveColour(80, 160, 255);
constexpr int kBadgeHeight = 14;
constexpr int kBadgeWidth = 26;

bool isCompareKey(int key)
{
    switch (key) {
    case Qt::Key_J:
    case Qt::Key_K:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Z:
    case Qt::Key_E:
    case Qt::Key_0:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_R:
    case Qt::Key_G:
        return true;
    default:
        return false;
    }
}
} // namespace

// ComparePane ------------------------------------------------------------------------------------------------------

ComparePane::ComparePane(CompareView* view, int index)
    : QWidget(view)
    , m_view(view)
    , m_index(index)
{
    setObjectName(QStringLiteral("comparePane%1").arg(index));
    setMinimumSize(160, 160);
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Compared photo %1").arg(index + 1));
    m_pin = new QToolButton(this);
    m_pin->setObjectName(QStringLiteral("pinButton"));
    m_pin->setCheckable(true);
    m_pin->setFocusPolicy(Qt::NoFocus);
    m_pin->setText(tr("Pin"));
    m_pin->setToolTip(tr("Pin this photo as the reference: J and K then change the other photos only (R)"));
    m_pin->setAccessibleName(tr("Pin as the reference"));
    connect(m_pin, &QToolButton::clicked, this, [this] { m_view->togglePin(m_index); });
    placePin();
}

QSizeF ComparePane::originalSize() const
{
    if (m_originalSize.isValid())
        return QSizeF(m_originalSize);
    if (m_item.assessment && m_item.assessment->imageSize.width > 0)
        return QSizeF(m_item.assessment->imageSize.width, m_item.assessment->imageSize.height);
    return QSizeF(m_image.size());
}

Viewport ComparePane::viewport() const
{
    return paneViewport(m_view->sync(), m_anchor, originalSize(), QSizeF(size()));
}

void ComparePane::setPinned(bool pinned)
{
    m_pinned = pinned;
    m_pin->setChecked(pinned);
    m_pin->setText(pinned ? tr("Reference") : tr("Pin"));
    placePin();
    update();
}

void ComparePane::setActive(bool active)
{
    m_active = active;
    update();
}

void ComparePane::clearItem()
{
    ++m_request;
    m_item = CompareItem();
    m_image = QImage();
    m_originalSize = QSize();
    m_message.clear();
    update();
}

void ComparePane::setItem(const CompareItem& item)
{
    const bool samePhoto = item.path == m_item.path && !m_image.isNull();
    m_item = item;
    if (samePhoto) {
        m_anchor = faceAnchor(m_item.assessment, originalSize());
        update();
        return;
    }
    m_image = QImage();
    m_originalSize = QSize();
    m_fullRequested = false;
    m_anchor = faceAnchor(m_item.assessment, originalSize());
    load(false);
}

void ComparePane::load(bool fullResolution)
{
    m_message = tr("Loading…");
    update();
    const quint64 request = ++m_request;
    const QString path = m_item.path;
    int longSide = 0; // full resolution
    if (!fullResolution) {
        const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        longSide = screen ? int(std::max(screen->size().width(), screen->size().height()) * screen->devicePixelRatio())
                          : 2048;
    } else {
        m_fullRequested = true;
    }
    QPointer<ComparePane> guard(this);
    (void)QtConcurrent::run([guard, request, path, longSide] {
        DecodeOptions options;
        options.maxLongSide = longSide;
        auto decoded = decodeImageFile(path, options);
        QImage image;
        QSize original;
        double scale = 1.0;
        QString message;
        if (decoded) {
            const cv::Mat& m = decoded->bgr;
            image = QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).copy();
            original = QSize(decoded->originalSize.width, decoded->originalSize.height);
            scale = decoded->scale;
        } else {
            message = errorSentence(decoded.error());
        }
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, request, image, original, scale, message] {
                if (!guard || request != guard->m_request) // only the latest request may change what is shown
                    return;
                guard->m_image = image;
                guard->m_originalSize = original;
                guard->m_imageScale = scale;
                guard->m_message = message;
                guard->m_anchor = faceAnchor(guard->m_item.assessment, guard->originalSize());
                guard->update();
                Q_EMIT guard->imageShown(guard->m_index);
            },
            Qt::QueuedConnection);
    });
}

void ComparePane::placePin()
{
    m_pin->adjustSize();
    m_pin->move(width() - m_pin->width() - 6, 6);
}

QRect ComparePane::captionBand(QFont* font) const
{
    QFont f = this->font();
    f.setBold(true);
    const QFontMetrics fm(f);
    const int bandHeight = fm.height() + kBadgeHeight + 12;
    const int bandWidth =
        std::max(kBadgeWidth * kAttributeCount, fm.horizontalAdvance(QFileInfo(m_item.path).fileName())) + 12;
    if (font)
        *font = f;
    return QRect(6, 6, std::max(kBadgeWidth * kAttributeCount + 12, std::min(bandWidth, width() - 12 - m_pin->width())),
                 bandHeight);
}

QRectF ComparePane::badgeRect(int i) const
{
    QFont f;
    const QRect band = captionBand(&f);
    const QFontMetrics fm(f);
    // paintBadgeStrip: equal slots, one pixel of gap on each side.
    return QRectF(band.left() + 6 + i * kBadgeWidth + 1, band.top() + 6 + fm.height(), kBadgeWidth - 2, kBadgeHeight);
}

void ComparePane::resizeEvent(QResizeEvent*) { placePin(); }

void ComparePane::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QColor text = palette().color(QPalette::BrightText);
    if (m_image.isNull()) {
        painter.setPen(text);
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         m_item.path.isEmpty() ? tr("No photo") : m_message);
    } else {
        const Viewport view = viewport();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, view.scale < 2.0);
        painter.drawImage(imageToWidget(view, QRectF(QPointF(0, 0), originalSize())), m_image);
        // Zoomed in past the decoded resolution: fetch the full one (once) so that 100% shows real pixels.
        if (!m_fullRequested && m_imageScale < 0.999 && view.scale > m_imageScale * 1.01)
            QTimer::singleShot(0, this, [this] {
                if (!m_fullRequested && !m_item.path.isEmpty())
                    load(true);
            });
    }
    if (m_item.path.isEmpty())
        return;
    // Caption: file name and the six verdict badges, on a dark band so they read over any photo.
    QFont f;
    const QRect band = captionBand(&f);
    painter.setFont(f);
    const QFontMetrics fm(f);
    painter.fillRect(band, QColor(0, 0, 0, 160));
    painter.setPen(Qt::white);
    painter.drawText(band.adjusted(6, 4, -6, 0), Qt::AlignLeft | Qt::AlignTop,
                     fm.elidedText(QFileInfo(m_item.path).fileName(), Qt::ElideMiddle, band.width() - 12));
    paintBadgeStrip(painter,
                    QRectF(band.left() + 6, band.top() + 6 + fm.height(), kBadgeWidth * kAttributeCount, kBadgeHeight),
                    labelToString(m_item.label));
    if (m_pinned || m_active) {
        painter.setPen(QPen(m_pinned ? kReferenceColour : kActiveColour, m_pinned ? 4 : 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(2, 2, -2, -2));
    }
}

void ComparePane::wheelEvent(QWheelEvent* event)
{
    if (m_image.isNull())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    m_view->setActivePane(m_index);
    m_view->zoomFromPane(m_index, event->position(), std::pow(1.25, steps));
    event->accept();
}

void ComparePane::mousePressEvent(QMouseEvent* event)
{
    m_view->setActivePane(m_index);
    m_view->setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void ComparePane::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging || m_image.isNull())
        return;
    m_view->panFromPane(m_index, event->position() - m_dragStart);
    m_dragStart = event->position();
}

void ComparePane::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
    unsetCursor();
}

void ComparePane::mouseDoubleClickEvent(QMouseEvent*) { m_view->toggleActualSize(); }

// CompareView ------------------------------------------------------------------------------------------------------

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareView"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Compare photos"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("compareHeader"));
    bar->addWidget(m_header, 1);
    m_layoutBox = new QComboBox(this);
    m_layoutBox->setObjectName(QStringLiteral("compareLayoutBox"));
    m_layoutBox->setFocusPolicy(Qt::NoFocus);
    m_layoutBox->addItem(tr("Two side by side"), 2);
    m_layoutBox->addItem(tr("Three side by side"), 3);
    m_layoutBox->addItem(tr("Four (2 × 2)"), 4);
    m_layoutBox->setAccessibleName(tr("Number of photos side by side"));
    connect(m_layoutBox, &QComboBox::activated, this, [this] { setPaneCount(m_layoutBox->currentData().toInt()); });
    bar->addWidget(m_layoutBox);
    const auto button = [this, bar](const QString& name, const QString& text, const QString& tip, auto slot) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, slot);
        bar->addWidget(b);
    };
    button(QStringLiteral("fitButton"), tr("Fit"), tr("Show each photo whole (0)"), [this] { fitAll(); });
    button(QStringLiteral("eyesButton"), tr("Eyes"), tr("Zoom every photo to its eyes (E)"), [this] { zoomToEyes(); });
    button(QStringLiteral("actualButton"), tr("100%"), tr("Every photo at 100% on its eyes, and back (Z)"),
           [this] { toggleActualSize(); });
    button(QStringLiteral("backButton"), tr("Grid"), tr("Back to the photo grid (G)"),
           [this] { Q_EMIT closeRequested(); });
    layout->addLayout(bar);
    auto* keys = new QLabel(tr("J/K: next/previous photo · wheel or +/-: zoom all · drag: pan all · E: eyes · "
                               "Z: 100% · 0: fit · R: pin the reference · G: back to the grid"),
                            this);
    keys->setObjectName(QStringLiteral("compareKeys"));
    keys->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(keys);
    m_grid = new QGridLayout;
    m_grid->setSpacing(4);
    layout->addLayout(m_grid, 1);
    rebuildPanes(2);
    updateHeader();
}

void CompareView::rebuildPanes(int count)
{
    for (ComparePane* p : m_panes) {
        m_grid->removeWidget(p);
        delete p;
    }
    m_panes.clear();
    for (int i = 0; i < count; ++i) {
        auto* p = new ComparePane(this, i);
        m_panes << p;
        if (count == 4)
            m_grid->addWidget(p, i / 2, i % 2);
        else
            m_grid->addWidget(p, 0, i);
    }
    for (int c = 0; c < 4; ++c) {
        m_grid->setColumnStretch(c, c < (count == 4 ? 2 : count) ? 1 : 0);
        m_grid->setRowStretch(c, c < (count == 4 ? 2 : 1) ? 1 : 0);
    }
    m_active = 0;
    for (int i = 0; i < m_panes.size(); ++i) {
        m_panes[i]->setActive(i == m_active);
        m_panes[i]->setPinned(i == m_pinned);
    }
    const int box = m_layoutBox->findData(count);
    if (box >= 0)
        m_layoutBox->setCurrentIndex(box);
}

void CompareView::setItems(const QList<CompareItem>& items)
{
    m_items = items;
    m_start = 0;
    m_sync = CompareSync();
    m_beforeActual.reset();
    const int count = std::clamp(int(items.size()), 1, 4);
    // More photos than panes: the first is the reference and J/K bring the others in turn.
    m_pinned = items.size() > count ? 0 : -1;
    m_pinnedItem = m_pinned >= 0 ? 0 : -1;
    rebuildPanes(std::max(2, count));
    showCandidates();
    Q_EMIT syncChanged();
}

void CompareView::setPaneCount(int count)
{
    count = std::clamp(count, 2, 4);
    if (count == paneCount())
        return;
    if (m_pinned >= count) {
        m_pinned = -1;
        m_pinnedItem = -1;
    }
    rebuildPanes(count);
    showCandidates();
}

void CompareView::showCandidates()
{
    QList<int> candidates;
    for (int i = 0; i < m_items.size(); ++i)
        if (i != m_pinnedItem)
            candidates << i;
    int j = 0;
    for (int p = 0; p < m_panes.size(); ++p) {
        ComparePane* pane = m_panes[p];
        pane->setPinned(p == m_pinned);
        if (p == m_pinned && m_pinnedItem >= 0) {
            pane->setItem(m_items[m_pinnedItem]);
            continue;
        }
        if (j < candidates.size())
            pane->setItem(m_items[candidates[(m_start + j) % candidates.size()]]);
        else
            pane->clearItem();
        ++j;
    }
    updateHeader();
}

QList<qint64> CompareView::shownIds() const
{
    QList<qint64> ids;
    for (ComparePane* p : m_panes)
        ids << (p->hasItem() ? p->item().id : 0);
    return ids;
}

void CompareView::setPinnedPane(int pane)
{
    if (pane < -1 || pane >= m_panes.size() || (pane >= 0 && !m_panes[pane]->hasItem()))
        return;
    // Keep every pane showing what it shows: the candidates' order restarts at the first unpinned pane's photo.
    int firstOther = -1;
    for (int p = 0; p < m_panes.size(); ++p)
        if (p != pane && m_panes[p]->hasItem()) {
            firstOther = p;
            break;
        }
    const auto indexOf = [this](const ComparePane* p) {
        for (int i = 0; i < m_items.size(); ++i)
            if (m_items[i].path == p->item().path && m_items[i].id == p->item().id)
                return i;
        return -1;
    };
    m_pinnedItem = pane >= 0 ? indexOf(m_panes[pane]) : -1;
    m_pinned = pane;
    QList<int> candidates;
    for (int i = 0; i < m_items.size(); ++i)
        if (i != m_pinnedItem)
            candidates << i;
    m_start = firstOther >= 0 ? std::max(0, int(candidates.indexOf(indexOf(m_panes[firstOther])))) : 0;
    // Panes before the first unpinned one (the pinned pane) are skipped by showCandidates().
    showCandidates();
}

void CompareView::togglePin(int pane) { setPinnedPane(pane == m_pinned ? -1 : pane); }

void CompareView::setActivePane(int pane)
{
    if (pane < 0 || pane >= m_panes.size())
        return;
    m_active = pane;
    for (int i = 0; i < m_panes.size(); ++i)
        m_panes[i]->setActive(i == pane);
}

void CompareView::step(int delta)
{
    const int candidates = int(m_items.size()) - (m_pinnedItem >= 0 ? 1 : 0);
    if (candidates <= 0)
        return;
    m_start = ((m_start + delta) % candidates + candidates) % candidates;
    showCandidates();
}

void CompareView::setSync(const CompareSync& sync)
{
    m_sync = sync;
    for (ComparePane* p : m_panes)
        p->update();
    Q_EMIT syncChanged();
}

CompareSync CompareView::syncFromPane(int pane) const
{
    const ComparePane* p = m_panes.value(pane);
    if (!p || !p->hasImage())
        return m_sync;
    return faceSyncFrom(p->viewport(), p->anchor(), QSizeF(p->size()));
}

void CompareView::zoomFromPane(int pane, const QPointF& at, double factor)
{
    const ComparePane* p = m_panes.value(pane);
    if (!p)
        return;
    const CompareSync base = m_sync.mode == CompareSync::Mode::Fit ? syncFromPane(pane) : m_sync;
    // Keep every pane's scale inside the viewer's limits.
    for (const ComparePane* q : m_panes) {
        if (!q->hasImage())
            continue;
        const double g = base.mode == CompareSync::Mode::Face ? 1.0 / q->anchor().ied : 1.0;
        const double scale = base.zoom * g;
        if (scale > 0)
            factor = std::clamp(factor, kMinZoom / scale, kMaxZoom / scale);
    }
    setSync(zoomSync(base, at, QSizeF(p->size()), factor));
}

void CompareView::panFromPane(int pane, const QPointF& delta)
{
    const CompareSync base = m_sync.mode == CompareSync::Mode::Fit ? syncFromPane(pane) : m_sync;
    setSync(panSync(base, delta));
}

void CompareView::zoomBy(double factor)
{
    const ComparePane* p = m_panes.value(m_active);
    if (p)
        zoomFromPane(m_active, QPointF(p->width() / 2.0, p->height() / 2.0), factor);
}

void CompareView::fitAll()
{
    m_beforeActual.reset();
    setSync(CompareSync());
}

void CompareView::toggleActualSize()
{
    if (m_sync.mode == CompareSync::Mode::Actual) {
        const CompareSync back = m_beforeActual.value_or(CompareSync());
        m_beforeActual.reset();
        setSync(back);
        return;
    }
    m_beforeActual = m_sync;
    CompareSync s;
    s.mode = CompareSync::Mode::Actual;
    s.zoom = 1.0;
    setSync(s);
}

void CompareView::zoomToEyes()
{
    const ComparePane* p = m_panes.value(m_active);
    CompareSync s;
    s.mode = CompareSync::Mode::Face;
    s.zoom = std::max(40.0, (p ? p->width() : 300) / 3.0);
    setSync(s);
}

void CompareView::updateHeader()
{
    QString text = tr("%n photo(s) to compare", nullptr, int(m_items.size()));
    if (m_pinned >= 0)
        text += QStringLiteral(" · ") + tr("the reference is pinned in pane %1").arg(m_pinned + 1);
    m_header->setText(text);
}

bool CompareView::event(QEvent* event)
{
    // The main window's single-key shortcuts (J/K next photo, 0 fit, ...) must not fire while comparing.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            && isCompareKey(key->key())) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void CompareView::keyPressEvent(QKeyEvent* event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_J:
    case Qt::Key_Right:
        step(1);
        break;
    case Qt::Key_K:
    case Qt::Key_Left:
        step(-1);
        break;
    case Qt::Key_Z:
        toggleActualSize();
        break;
    case Qt::Key_E:
        zoomToEyes();
        break;
    case Qt::Key_0:
        fitAll();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_R:
        togglePin(m_active);
        break;
    case Qt::Key_G:
        Q_EMIT closeRequested();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace hqa::ui

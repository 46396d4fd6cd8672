#include "ui/grid/PhotoDelegate.h"

#include "ui/grid/BadgePainter.h"
#include "ui/grid/PhotoListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>

namespace hqa::ui {

namespace {
constexpr int kCellMargin = 26; // cell width beyond the thumbnail area
constexpr int kBadgeHeight = 16;

/// The culling marks over the thumbnail, as Lightroom's grid shows them: the pick or reject flag at the top
/// left, the colour label at the top right, the stars along the bottom. Nothing is drawn for a photo without marks.
void paintCullMarks(QPainter& painter, const QRect& thumbRect, const QModelIndex& index)
{
    using hqa::core::ColourLabel;
    using hqa::core::PickFlag;
    const auto flag = PickFlag(index.data(PhotoListModel::FlagRole).toInt());
    const int stars = index.data(PhotoListModel::StarsRole).toInt();
    const auto colour = ColourLabel(index.data(PhotoListModel::ColourRole).toInt());
    if (flag == PickFlag::None && stars == 0 && colour == ColourLabel::None)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    constexpr int kMark = 18;
    if (flag != PickFlag::None) {
        const QRectF box(thumbRect.left() + 2, thumbRect.top() + 2, kMark, kMark);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 170));
        painter.drawRoundedRect(box, 3, 3);
        QPen pen(flag == PickFlag::Accept ? QColor(Qt::white) : QColor(255, 90, 80), 2.0);
        painter.setPen(pen);
        const QRectF g = box.adjusted(5, 4, -5, -4);
        if (flag == PickFlag::Accept) { // a flag on its pole
            painter.drawLine(g.topLeft(), g.bottomLeft());
            painter.setBrush(Qt::white);
            painter.drawPolygon(QPolygonF{g.topLeft(), QPointF(g.right(), g.top() + g.height() * 0.25),
                                          QPointF(g.left(), g.top() + g.height() * 0.5)});
        } else { // a cross
            painter.drawLine(g.topLeft(), g.bottomRight());
            painter.drawLine(g.topRight(), g.bottomLeft());
        }
    }
    if (colour != ColourLabel::None) {
        static const QColor kColours[] = {QColor(),
                                          QColor(220, 50, 47),
                                          QColor(230, 190, 30),
                                          QColor(60, 170, 60),
                                          QColor(50, 110, 220),
                                          QColor(150, 70, 190)};
        const QRectF box(thumbRect.right() - kMark - 1, thumbRect.top() + 2, kMark, kMark);
        painter.setPen(QPen(QColor(0, 0, 0, 170), 1.5));
        painter.setBrush(kColours[std::clamp(int(colour), 0, 5)]);
        painter.drawEllipse(box.adjusted(2, 2, -2, -2));
    }
    if (stars > 0) {
        const QString text = QString(stars, QChar(0x2605)); // black star
        QFont font = painter.font();
        font.setPixelSize(14);
        painter.setFont(font);
        const QFontMetrics fm(font);
        QRect band(0, 0, fm.horizontalAdvance(text) + 8, fm.height() + 2);
        band.moveBottomLeft(QPoint(thumbRect.left() + 2, thumbRect.bottom() - 2));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 170));
        painter.drawRoundedRect(band, 3, 3);
        painter.setPen(QColor(255, 215, 0));
        painter.drawText(band, Qt::AlignCenter, text);
    }
    painter.restore();
}
} // namespace

void PhotoDelegate::setThumbnailSize(int side)
{
    m_thumbSide = std::clamp(side, int(kSmallThumbnails), int(kLargeThumbnails));
}

QSize PhotoDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const int line = option.fontMetrics.height();
    return {m_thumbSide + kCellMargin, m_thumbSide + kBadgeHeight + 2 * line + 12};
}

QRectF PhotoDelegate::badgeStripRect(const QRect& cell, int line) const
{
    const QRect r = cell.adjusted(2, 2, -2, -2);
    return QRectF(r.left() + 4, r.top() + m_thumbSide + line + 2, r.width() - 8, kBadgeHeight);
}

void PhotoDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(r, selected ? option.palette.highlight() : option.palette.base());
    const QImage thumb = index.data(Qt::DecorationRole).value<QImage>();
    const QRect thumbRect(r.left() + 4, r.top() + 4, r.width() - 8, m_thumbSide - 8);
    if (!thumb.isNull()) {
        QSize s = thumb.size().scaled(thumbRect.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(0, 0), s);
        target.moveCenter(thumbRect.center());
        painter->drawImage(target, thumb);
    } else {
        painter->fillRect(thumbRect, option.palette.alternateBase());
    }
    paintCullMarks(*painter, thumbRect, index);
    const int line = option.fontMetrics.height();
    if (index.data(PhotoListModel::VerifiedRole).toBool()) { // a reviewer verified it: seal at the bottom right
        const int seal = std::max(16, line + 4);
        paintVerifiedSeal(*painter, QRectF(thumbRect.right() - seal - 1, thumbRect.bottom() - seal - 1, seal, seal));
    }
    QRect text(r.left() + 4, r.top() + m_thumbSide, r.width() - 8, line);
    painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
    painter->drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, text.width()));
    const QRectF badges = badgeStripRect(option.rect, line);
    paintBadgeStrip(*painter, badges, index.data(PhotoListModel::LabelRole).toString());
    const auto state = PhotoState(index.data(PhotoListModel::StateRole).toInt());
    QRect stateRect(r.left() + 4, int(badges.bottom()) + 3, r.width() - 8, line);
    const QRectF icon(stateRect.left(), stateRect.top() + 1, line - 2, line - 2);
    BadgeKind kind = state == PhotoState::AllPass ? BadgeKind::Pass
        : (state == PhotoState::Failing || state == PhotoState::Error || state == PhotoState::Missing)
        ? BadgeKind::Fail
        : BadgeKind::Unknown;
    const QColor colour = kind == BadgeKind::Pass ? passColour()
        : kind == BadgeKind::Fail                 ? failColour()
                                                  : unknownColour();
    if (selected) { // the red or green symbol on a white disc, not on the highlight it would vanish into
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawRoundedRect(icon.adjusted(-1, -1, 1, 1), 3, 3);
        painter->restore();
    }
    paintVerdictSymbol(*painter, icon, kind, colour);
    stateRect.setLeft(stateRect.left() + line + 2);
    painter->setPen(selected ? option.palette.highlightedText().color() : colour);
    const QString stateText = index.data(PhotoListModel::StateTextRole).toString();
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter, stateText);
    if (index.data(PhotoListModel::VerifiedRole).toBool()) {
        const QString verified = tr("Verified");
        if (option.fontMetrics.horizontalAdvance(stateText + verified) + 12 < stateRect.width()) {
            painter->setPen(selected ? option.palette.highlightedText().color() : verifiedColour());
            painter->drawText(stateRect, Qt::AlignRight | Qt::AlignVCenter, verified);
        }
    }
    painter->restore();
}

} // namespace hqa::ui

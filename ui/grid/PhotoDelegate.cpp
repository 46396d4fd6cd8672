#include "ui/grid/PhotoDelegate.h"

#include "ui/grid/BadgePainter.h"
#include "ui/grid/PhotoListModel.h"

#include <QApplication>
#include <QPainter>

namespace hqa::ui {

namespace {
constexpr int kCellWidth = 176;
constexpr int kThumbArea = 150;
constexpr int kBadgeHeight = 16;
} // namespace

QSize PhotoDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const int line = option.fontMetrics.height();
    return {kCellWidth, kThumbArea + kBadgeHeight + 2 * line + 12};
}

void PhotoDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(r, selected ? option.palette.highlight() : option.palette.base());
    const QImage thumb = index.data(Qt::DecorationRole).value<QImage>();
    const QRect thumbRect(r.left() + 4, r.top() + 4, r.width() - 8, kThumbArea - 8);
    if (!thumb.isNull()) {
        QSize s = thumb.size().scaled(thumbRect.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(0, 0), s);
        target.moveCenter(thumbRect.center());
        painter->drawImage(target, thumb);
    } else {
        painter->fillRect(thumbRect, option.palette.alternateBase());
    }
    const int line = option.fontMetrics.height();
    QRect text(r.left() + 4, r.top() + kThumbArea, r.width() - 8, line);
    painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, text.width()));
    const QRectF badges(r.left() + 4, text.bottom() + 3, r.width() - 8, kBadgeHeight);
    paintBadgeStrip(*painter, badges, index.data(PhotoListModel::LabelRole).toString());
    const auto state = PhotoState(index.data(PhotoListModel::StateRole).toInt());
    QRect stateRect(r.left() + 4, int(badges.bottom()) + 3, r.width() - 8, line);
    const QRectF icon(stateRect.left(), stateRect.top() + 1, line - 2, line - 2);
    BadgeKind kind = state == PhotoState::AllPass ? BadgeKind::Pass
                   : (state == PhotoState::Failing || state == PhotoState::Error || state == PhotoState::Missing)
                         ? BadgeKind::Fail : BadgeKind::Unknown;
    const QColor colour = kind == BadgeKind::Pass ? passColour() : kind == BadgeKind::Fail ? failColour() : unknownColour();
    paintVerdictSymbol(*painter, icon, kind, colour);
    stateRect.setLeft(stateRect.left() + line + 2);
    painter->setPen(selected ? option.palette.highlightedText().color() : colour);
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter, index.data(PhotoListModel::StateTextRole).toString());
    painter->restore();
}

} // namespace hqa::ui

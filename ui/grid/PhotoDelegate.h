#pragma once
// Draws one grid cell: thumbnail, file name, the six-badge strip and the overall state in words, with a seal on
// the thumbnail when a reviewer verified the photo (golden label). The thumbnail size is adjustable.

#include <QStyledItemDelegate>

namespace hqa::ui {

class PhotoDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kSmallThumbnails = 100;
    static constexpr int kMediumThumbnails = 150;
    static constexpr int kLargeThumbnails = 230;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Side of the square thumbnail area in pixels (clamped to small..large); the cell grows with it. The view
    /// must lay its items out again afterwards.
    void setThumbnailSize(int side);
    int thumbnailSize() const { return m_thumbSide; }
    /// Where the six-badge strip of a cell (option.rect) is drawn.
    QRectF badgeStripRect(const QRect& cell, int lineHeight) const;

private:
    int m_thumbSide = kMediumThumbnails;
};

} // namespace hqa::ui

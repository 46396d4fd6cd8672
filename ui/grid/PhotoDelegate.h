#pragma once
// Draws one grid cell: thumbnail, file name, the six-badge strip and the overall state in words.

#include <QStyledItemDelegate>

namespace hqa::ui {

class PhotoDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace hqa::ui

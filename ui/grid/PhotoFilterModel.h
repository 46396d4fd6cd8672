#pragma once
// Filters and sorts the photo grid: by a failing attribute, corrected or not, disagreement with the golden
// label, errors, missing files; sorted by name, by number of failures, or by one attribute's score.

#include "core/Attribute.h"

#include <QCollator>
#include <QHash>
#include <QSortFilterProxyModel>

#include <optional>

namespace hqa::ui {

class PhotoFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter {
        All,
        AnyFailing,
        FailingAttribute,
        PassingAttribute,
        Corrected,
        Uncorrected,
        GoldenDisagreement,
        Error,
        Missing,
        NotAssessed,
        // Culling marks: pick flag, at least three stars, one colour label
        Picked,
        Rejected,
        Unflagged,
        ThreeStarsOrMore,
        ColourRed,
        ColourYellow,
        ColourGreen,
        ColourBlue,
        ColourPurple,
        NotReviewed ///< no correction in effect and no golden label
    };
    /// Rating: best first in ascending order (more stars first, then picked before unflagged before rejected).
    enum class Sort { Name, FailingCount, AttributeScore, Rating };

    explicit PhotoFilterModel(QObject* parent = nullptr);

    /// The attribute argument is used by FailingAttribute and PassingAttribute.
    void setFilter(Filter filter, hqa::core::Attribute attribute = hqa::core::Attribute::Lighting);
    Filter filter() const { return m_filter; }
    void setSortMode(Sort sort, hqa::core::Attribute attribute = hqa::core::Attribute::Lighting,
                     Qt::SortOrder order = Qt::AscendingOrder);
    /// View > Group by sitting (ui/compare/SittingGrouping): photos with a rank come first in rank order (each
    /// sitting's photos consecutive, its best first), whatever the sort mode; an empty map turns grouping off.
    void setGroupOrder(const QHash<qint64, int>& rankByPhotoId);
    bool isGrouped() const { return !m_groupOrder.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    Filter m_filter = Filter::All;
    Sort m_sort = Sort::Name;
    hqa::core::Attribute m_attribute = hqa::core::Attribute::Lighting;
    hqa::core::Attribute m_sortAttribute = hqa::core::Attribute::Lighting;
    QHash<qint64, int> m_groupOrder;
    QCollator m_collator; ///< numeric mode: digit runs compare as numbers (img2 before img10)
};

} // namespace hqa::ui

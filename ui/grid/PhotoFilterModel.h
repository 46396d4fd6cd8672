#pragma once
// Filters and sorts the photo grid: by a failing attribute, corrected or not, disagreement with the golden
// label, errors, missing files; sorted by name, by number of failures, or by one attribute's score.

#include "core/Attribute.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace hqa::ui {

class PhotoFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter { All, AnyFailing, FailingAttribute, PassingAttribute, Corrected, Uncorrected,
                        GoldenDisagreement, Error, Missing, NotAssessed };
    enum class Sort { Name, FailingCount, AttributeScore };

    explicit PhotoFilterModel(QObject* parent = nullptr);

    /// The attribute argument is used by FailingAttribute and PassingAttribute.
    void setFilter(Filter filter, hqa::core::Attribute attribute = hqa::core::Attribute::Lighting);
    Filter filter() const { return m_filter; }
    void setSortMode(Sort sort, hqa::core::Attribute attribute = hqa::core::Attribute::Lighting,
                     Qt::SortOrder order = Qt::AscendingOrder);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    Filter m_filter = Filter::All;
    Sort m_sort = Sort::Name;
    hqa::core::Attribute m_attribute = hqa::core::Attribute::Lighting;
    hqa::core::Attribute m_sortAttribute = hqa::core::Attribute::Lighting;
};

} // namespace hqa::ui

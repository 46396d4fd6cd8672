#include "ui/grid/PhotoFilterModel.h"

#include "ui/grid/PhotoListModel.h"

namespace hqa::ui {

using namespace hqa::core;

PhotoFilterModel::PhotoFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PhotoFilterModel::setFilter(Filter filter, Attribute attribute)
{
    m_filter = filter;
    m_attribute = attribute;
    invalidateFilter();
}

void PhotoFilterModel::setSortMode(Sort sort, Attribute attribute, Qt::SortOrder order)
{
    m_sort = sort;
    m_sortAttribute = attribute;
    invalidate();
    this->sort(0, order);
}

bool PhotoFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = PhotoState(i.data(PhotoListModel::StateRole).toInt());
    const QString label = i.data(PhotoListModel::LabelRole).toString();
    const QChar verdict = label.size() == kAttributeCount ? label[hqa::core::index(m_attribute)] : QLatin1Char('-');
    switch (m_filter) {
    case Filter::All: return true;
    case Filter::AnyFailing: return state == PhotoState::Failing;
    case Filter::FailingAttribute: return verdict == QLatin1Char('0') && state != PhotoState::Missing;
    case Filter::PassingAttribute: return verdict == QLatin1Char('1') && state != PhotoState::Missing;
    case Filter::Corrected: return i.data(PhotoListModel::CorrectedRole).toBool();
    case Filter::Uncorrected: return !i.data(PhotoListModel::CorrectedRole).toBool();
    case Filter::GoldenDisagreement: return i.data(PhotoListModel::GoldenDisagreeRole).toBool();
    case Filter::Error: return state == PhotoState::Error;
    case Filter::Missing: return state == PhotoState::Missing;
    case Filter::NotAssessed: return state == PhotoState::NotAssessed;
    }
    return true;
}

bool PhotoFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    switch (m_sort) {
    case Sort::Name: break;
    case Sort::FailingCount: {
        const int l = left.data(PhotoListModel::FailingCountRole).toInt();
        const int r = right.data(PhotoListModel::FailingCountRole).toInt();
        if (l != r)
            return l < r;
        break;
    }
    case Sort::AttributeScore: {
        const double l = left.data(PhotoListModel::ScoreRole).toList().value(hqa::core::index(m_sortAttribute)).toDouble();
        const double r = right.data(PhotoListModel::ScoreRole).toList().value(hqa::core::index(m_sortAttribute)).toDouble();
        if (l != r)
            return l < r;
        break;
    }
    }
    return QString::localeAwareCompare(left.data(Qt::DisplayRole).toString(),
                                       right.data(Qt::DisplayRole).toString()) < 0;
}

} // namespace hqa::ui

#include "ui/grid/PhotoFilterModel.h"

#include "ui/grid/PhotoListModel.h"

#include <climits>

namespace hqa::ui {

using namespace hqa::core;

PhotoFilterModel::PhotoFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Qt compares by code point in the C locale (LANG=C.UTF-8 is common on servers), numeric mode ignored.
    if (m_collator.locale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English));
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
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
    case Filter::All:
        return true;
    case Filter::AnyFailing:
        return state == PhotoState::Failing;
    case Filter::FailingAttribute:
        return verdict == QLatin1Char('0') && state != PhotoState::Missing;
    case Filter::PassingAttribute:
        return verdict == QLatin1Char('1') && state != PhotoState::Missing;
    case Filter::Corrected:
        return i.data(PhotoListModel::CorrectedRole).toBool();
    case Filter::Uncorrected:
        return !i.data(PhotoListModel::CorrectedRole).toBool();
    case Filter::GoldenDisagreement:
        return i.data(PhotoListModel::GoldenDisagreeRole).toBool();
    case Filter::Error:
        return state == PhotoState::Error;
    case Filter::Missing:
        return state == PhotoState::Missing;
    case Filter::NotAssessed:
        return state == PhotoState::NotAssessed;
    case Filter::NotReviewed:
        return !i.data(PhotoListModel::CorrectedRole).toBool() && !i.data(PhotoListModel::VerifiedRole).toBool();
    case Filter::Picked:
        return i.data(PhotoListModel::FlagRole).toInt() == int(PickFlag::Accept);
    case Filter::Rejected:
        return i.data(PhotoListModel::FlagRole).toInt() == int(PickFlag::Reject);
    case Filter::Unflagged:
        return i.data(PhotoListModel::FlagRole).toInt() == int(PickFlag::None);
    case Filter::ThreeStarsOrMore:
        return i.data(PhotoListModel::StarsRole).toInt() >= 3;
    case Filter::ColourRed:
    case Filter::ColourYellow:
    case Filter::ColourGreen:
    case Filter::ColourBlue:
    case Filter::ColourPurple:
        return i.data(PhotoListModel::ColourRole).toInt()
            == int(ColourLabel::Red) + (int(m_filter) - int(Filter::ColourRed));
    }
    return true;
}

void PhotoFilterModel::setGroupOrder(const QHash<qint64, int>& rankByPhotoId)
{
    m_groupOrder = rankByPhotoId;
    invalidate();
    sort(0, sortOrder());
}

bool PhotoFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_groupOrder.isEmpty()) {
        // Group order reads the same in either sort direction: the view reverses what lessThan says for descending.
        const int l = m_groupOrder.value(left.data(PhotoListModel::PhotoIdRole).toLongLong(), INT_MAX);
        const int r = m_groupOrder.value(right.data(PhotoListModel::PhotoIdRole).toLongLong(), INT_MAX);
        if (l != r)
            return sortOrder() == Qt::AscendingOrder ? l < r : l > r;
    }
    switch (m_sort) {
    case Sort::Name:
        break;
    case Sort::FailingCount: {
        const int l = left.data(PhotoListModel::FailingCountRole).toInt();
        const int r = right.data(PhotoListModel::FailingCountRole).toInt();
        if (l != r)
            return l < r;
        break;
    }
    case Sort::Rating: {
        // Best first under the ascending order the sort box uses: more stars, then pick > none > reject.
        const auto rank = [](const QModelIndex& i) {
            const int flag = i.data(PhotoListModel::FlagRole).toInt();
            const int pick = flag == int(PickFlag::Accept) ? 2 : flag == int(PickFlag::Reject) ? 0 : 1;
            return i.data(PhotoListModel::StarsRole).toInt() * 3 + pick;
        };
        const int l = rank(left), r = rank(right);
        if (l != r)
            return l > r;
        break;
    }
    case Sort::AttributeScore: {
        const double l =
            left.data(PhotoListModel::ScoreRole).toList().value(hqa::core::index(m_sortAttribute)).toDouble();
        const double r =
            right.data(PhotoListModel::ScoreRole).toList().value(hqa::core::index(m_sortAttribute)).toDouble();
        if (l != r)
            return l < r;
        break;
    }
    }
    // Natural order, as a file manager shows names: img2 before img10. Equal names (two folders) by path.
    const int byName = m_collator.compare(left.data(Qt::DisplayRole).toString(),
                                          right.data(Qt::DisplayRole).toString());
    if (byName != 0)
        return byName < 0;
    return m_collator.compare(left.data(PhotoListModel::PathRole).toString(),
                              right.data(PhotoListModel::PathRole).toString())
        < 0;
}

} // namespace hqa::ui

#include "Dataset.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <map>

namespace hqa::core {

namespace {

/// A seeded hash of the group key: the order of groups depends on their names and the seed only, not on the
/// order rows appear in, so reordering a labels.csv does not move photos between train and validation.
quint64 groupRank(const QString& key, std::uint64_t seed)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QByteArray::number(quint64(seed)));
    h.addData(QByteArrayView("\x1f", 1));
    h.addData(key.toUtf8());
    const QByteArray d = h.result();
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(d[i]);
    return v;
}

/// The rows of each group (a row with no key is a group of its own), groups in the seeded hash order: reordering
/// the rows never moves a group between parts or folds.
std::vector<std::vector<int>> groupsInSeededOrder(const std::vector<QString>& groupKeys, std::uint64_t seed)
{
    std::map<QString, std::vector<int>> members;
    for (int i = 0; i < int(groupKeys.size()); ++i) {
        const QString& k = groupKeys[size_t(i)];
        members[k.isEmpty() ? QStringLiteral("\x01item:%1").arg(i) : k].push_back(i);
    }
    std::vector<std::pair<quint64, const QString*>> order;
    order.reserve(members.size());
    for (const auto& [key, idx] : members)
        order.emplace_back(groupRank(key, seed), &key);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    std::vector<std::vector<int>> groups;
    groups.reserve(order.size());
    for (const auto& [rank, key] : order)
        groups.push_back(std::move(members[*key]));
    return groups;
}

} // namespace

std::pair<std::vector<int>, std::vector<int>> splitByGroupKeys(const std::vector<QString>& groupKeys,
                                                               double valFraction, std::uint64_t seed)
{
    const std::vector<std::vector<int>> groups = groupsInSeededOrder(groupKeys, seed);

    // Fill validation greedily in rank order, taking a group only while it brings the count closer to the
    // target: a large group at the boundary goes to train rather than overshooting.
    const double target = std::clamp(valFraction, 0.0, 1.0) * double(groupKeys.size());
    std::vector<int> train, val;
    for (const std::vector<int>& idx : groups) {
        const double now = double(val.size());
        const bool take = valFraction > 0 && std::abs(now + double(idx.size()) - target) < std::abs(now - target);
        auto& dst = take ? val : train;
        dst.insert(dst.end(), idx.begin(), idx.end());
    }
    if (train.empty())
        std::swap(train, val);
    std::sort(train.begin(), train.end());
    std::sort(val.begin(), val.end());
    return {train, val};
}

std::vector<int> foldsByGroupKeys(const std::vector<QString>& groupKeys, int folds, std::uint64_t seed)
{
    folds = std::max(folds, 1);
    const std::vector<std::vector<int>> groups = groupsInSeededOrder(groupKeys, seed);
    std::vector<int> fold(groupKeys.size(), 0), filled(size_t(folds), 0);
    for (const std::vector<int>& idx : groups) {
        const int f = int(std::min_element(filled.begin(), filled.end()) - filled.begin());
        filled[size_t(f)] += int(idx.size());
        for (int i : idx)
            fold[size_t(i)] = f;
    }
    return fold;
}

std::pair<std::vector<int>, std::vector<int>> splitRowsByGroup(const std::vector<LabelRow>& rows, double valFraction,
                                                               std::uint64_t seed)
{
    std::vector<QString> keys;
    keys.reserve(rows.size());
    for (const LabelRow& r : rows)
        keys.push_back(r.group.isEmpty() ? QStringLiteral("\x01row:") + r.file : r.group);
    return splitByGroupKeys(keys, valFraction, seed);
}

} // namespace hqa::core

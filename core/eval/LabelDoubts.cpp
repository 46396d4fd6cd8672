#include "LabelDoubts.h"

#include "core/Assessment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <string>

namespace hqa::core {

namespace {

/// Standardised values further out than this many spreads count as this far: one wild value (a sentinel, an
/// overflow) must not hide every other difference between two photos.
constexpr double kMaxStandardised = 5.0;
/// Median absolute deviation to standard deviation for normally distributed values.
constexpr double kMadToSigma = 1.4826;

/// The photos labelled for one attribute as points in the space of the verdict's evidence (not its score: the
/// look-alikes must speak apart from the engine's decision, or the engine's mistakes would find their company
/// among the photos it decides alike).
struct Points {
    std::vector<int> photo; ///< input index of each point
    std::vector<int> label;
    std::vector<double> values; ///< row-major, `dims` values per point, standardised
    int dims = 0;

    const double* row(size_t p) const { return values.data() + p * size_t(dims); }
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2)
        return *mid;
    return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

/// Each column shifted by its median and divided by its spread (MAD, else the standard deviation, else 1); a
/// value a photo lacks (or a non-finite one) sits at the median.
void standardise(std::vector<double>& values, size_t count, int dims)
{
    for (int d = 0; d < dims; ++d) {
        std::vector<double> column;
        column.reserve(count);
        for (size_t p = 0; p < count; ++p)
            if (const double x = values[p * size_t(dims) + size_t(d)]; std::isfinite(x))
                column.push_back(x);
        const double centre = median(column);
        std::vector<double> deviation(column.size());
        std::transform(column.begin(), column.end(), deviation.begin(),
                       [centre](double x) { return std::abs(x - centre); });
        double spread = kMadToSigma * median(deviation);
        if (!(spread > 1e-12) && column.size() > 1) {
            // Over half the values are equal (a count, a flag): the standard deviation about their mean.
            const double mean = std::accumulate(column.begin(), column.end(), 0.0) / double(column.size());
            double sum = 0;
            for (double x : column)
                sum += (x - mean) * (x - mean);
            spread = std::sqrt(sum / double(column.size() - 1));
        }
        if (!(spread > 1e-12))
            spread = 1.0;
        for (size_t p = 0; p < count; ++p) {
            double& x = values[p * size_t(dims) + size_t(d)];
            x = std::isfinite(x) ? std::clamp((x - centre) / spread, -kMaxStandardised, kMaxStandardised) : 0.0;
        }
    }
}

Points pointsOf(Attribute attribute, const std::vector<Label>& labels, const std::vector<Assessment>& assessments)
{
    Points points;
    std::map<std::string, int, std::less<>> column;
    std::vector<const AttributeVerdict*> verdicts;
    for (size_t i = 0; i < labels.size() && i < assessments.size(); ++i) {
        const int label = labels[i][size_t(index(attribute))];
        if (label < 0 || !assessments[i].ok())
            continue;
        const AttributeVerdict& v = assessments[i].verdict(attribute);
        if (!v.judged)
            continue;
        points.photo.push_back(int(i));
        points.label.push_back(label);
        verdicts.push_back(&v);
        for (const EvidenceValue& e : v.evidence)
            column.try_emplace(e.name, int(column.size()));
    }
    points.dims = int(column.size());
    const size_t count = verdicts.size();
    points.values.assign(count * size_t(points.dims), std::numeric_limits<double>::quiet_NaN());
    for (size_t p = 0; p < count; ++p) {
        double* row = points.values.data() + p * size_t(points.dims);
        for (const EvidenceValue& e : verdicts[p]->evidence)
            row[column.find(e.name)->second] = e.value;
    }
    standardise(points.values, count, points.dims);
    return points;
}

/// How many of point q's `k` nearest other points carry another label than q (ties by input order); `used` is k
/// or fewer when there are fewer other points.
int againstAmongNearest(const Points& points, size_t q, int k, int& used)
{
    const size_t count = points.photo.size();
    std::vector<std::pair<double, size_t>> distance;
    distance.reserve(count);
    const double* a = points.row(q);
    for (size_t p = 0; p < count; ++p) {
        if (p == q)
            continue;
        const double* b = points.row(p);
        double sum = 0;
        for (int d = 0; d < points.dims; ++d)
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        distance.emplace_back(sum, p);
    }
    used = std::min(k, int(distance.size()));
    std::partial_sort(distance.begin(), distance.begin() + used, distance.end());
    int against = 0;
    for (int n = 0; n < used; ++n)
        against += points.label[distance[size_t(n)].second] != points.label[q];
    return against;
}

} // namespace

double verdictConfidence(const AttributeVerdict& verdict)
{
    const double room = verdict.pass ? 1.0 - verdict.threshold : verdict.threshold;
    return room > 0 ? std::clamp(std::abs(verdict.score - verdict.threshold) / room, 0.0, 1.0) : 1.0;
}

std::vector<LabelDoubt> rankLabelDoubts(const std::vector<Label>& labels, const std::vector<Assessment>& assessments,
                                        const LabelDoubtOptions& options)
{
    // Fewer than this many other labelled photos say nothing about a label: the engine's confidence ranks alone.
    constexpr int kMinSimilar = 2;
    std::vector<LabelDoubt> doubts;
    for (Attribute attribute : kAllAttributes) {
        const Points points = pointsOf(attribute, labels, assessments);
        for (size_t q = 0; q < points.photo.size(); ++q) {
            const AttributeVerdict& v = assessments[size_t(points.photo[q])].verdict(attribute);
            if ((v.pass ? 1 : 0) == points.label[q])
                continue;
            LabelDoubt d;
            d.photo = points.photo[q];
            d.attribute = attribute;
            d.label = points.label[q];
            d.confidence = verdictConfidence(v);
            int used = 0;
            // An engine that gives no evidence for the attribute has no look-alikes to ask.
            const int against = options.neighbours > 0 && points.dims > 0
                ? againstAmongNearest(points, q, options.neighbours, used)
                : 0;
            if (used >= kMinSimilar) {
                d.similar = used;
                d.similarAgainst = against;
            }
            const double share = d.similar > 0 ? double(d.similarAgainst) / d.similar : 0.5;
            d.suspicion = options.neighbours > 0 ? 0.5 * (d.confidence + share) : d.confidence;
            doubts.push_back(d);
        }
    }
    std::sort(doubts.begin(), doubts.end(), [](const LabelDoubt& a, const LabelDoubt& b) {
        if (a.suspicion != b.suspicion)
            return a.suspicion > b.suspicion;
        if (a.confidence != b.confidence)
            return a.confidence > b.confidence;
        if (a.photo != b.photo)
            return a.photo < b.photo;
        return index(a.attribute) < index(b.attribute);
    });
    return doubts;
}

} // namespace hqa::core

#pragma once
// The paper's three ways of picking the best face of a group (baseline cost, multi-stage filtering, weakly
// supervised random-forest regression) and the product's own ranking that also weighs the six attributes.
// Every method returns the whole ranking and says in words why the winner won.

#include "core/Error.h"
#include "core/select/FaceCandidate.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace hqa::core {

enum class SelectMethod { Baseline, Filter, Regression, Attributes };
std::string_view selectMethodKey(SelectMethod m);
std::optional<SelectMethod> selectMethodFromKey(std::string_view key);

/// One filtering stage: a face survives when ANY of the three conditions holds.
struct FilterStage {
    SelectFeature feature = SelectFeature::Yaw;
    std::optional<double> threshold; ///< T: value better than this (> for higher-is-better, < otherwise)
    int topM = 0; ///< M: fewer than M surviving faces are strictly better
    std::optional<double> minPercentile; ///< P: percentile (0..100) among the stage's faces at least this
};

/// A quality bucket of the regression's second heuristic: a face enters it when, for every listed feature,
/// its percentile is at least P or its value is better than S.
struct QualityBucket {
    struct Rule {
        SelectFeature feature;
        std::optional<double> minPercentile; ///< P_i
        std::optional<double> value; ///< S_i
    };
    std::vector<Rule> rules;
};

/// Everything the methods can be tuned with; the filter stages and the heuristics live in a JSON file
/// (resources/select/filter-stages.json), the defaults below mirror it.
struct SelectionConfig {
    /// Groups smaller than this never use percentiles (they mean nothing for three faces).
    int minPercentileGroup = 10;
    std::vector<FilterStage> stages;
    /// Below minPercentileGroup faces, M shrinks in proportion (M * n / minPercentileGroup, at least 1): an M tuned
    /// for large groups would otherwise keep most of a small one, blurred faces included, and the absolute
    /// thresholds T are what should decide there. false keeps the paper's literal rule.
    bool scaleTopMInSmallGroups = true;

    /// Regression: features fed to the forest, heuristic-1 weights, buckets (lowest first) and, for small
    /// groups, reference quantiles that replace the group's own percentiles: value at 0,10,...,100 %.
    std::vector<SelectFeature> regressionFeatures;
    std::map<SelectFeature, double> heuristicWeights;
    std::vector<QualityBucket> buckets;
    std::map<SelectFeature, std::vector<double>> referenceQuantiles;
    int forestTrees = 60;
    int forestMaxDepth = 8;

    /// Product ranking: weights of the six attribute scores, of frontal pose and of face size.
    std::array<double, kAttributeCount> attributeWeights{1.5, 0.5, 0.5, 3.0, 0.5, 2.0};
    double frontalWeight = 3.0;
    double sizeWeight = 1.0;

    /// The built-in defaults (identical to the shipped JSON file).
    static SelectionConfig defaults();
    /// Reads a configuration file; keys it lacks keep their default. InvalidArgument/Io on errors.
    static Expected<SelectionConfig> load(const QString& path);
    /// Parses JSON text (the same format as load()).
    static Expected<SelectionConfig> fromJson(const QByteArray& json);
    /// The shipped file: $HQA_SELECT_CONFIG, <exe>/../share/headshot-qa/select/, <exe>/../resources/select/,
    /// then the source tree this was built from. Empty when none exists (the defaults are then used).
    static QString findDefaultFile();
};

/// The paper's baseline: pose cost + size cost (lower is better).
double baselinePoseCost(double yaw, double pitch, double roll);
double baselineSizeCost(double area);
double baselineCost(const FaceCandidate& f);

/// Percentile of values[i] within values: 100 * (others strictly worse + half the others tied) / (n - 1);
/// 100 for a single value. "Worse" follows the feature's direction.
std::vector<double> percentiles(const std::vector<double>& values, bool higherBetter);
/// Percentile of one value against a reference quantile table (value at 0, 10, ..., 100 %), interpolated.
double referencePercentile(double value, const std::vector<double>& quantiles, bool higherBetter);

struct RankedFace {
    int index = 0; ///< into the group's faces
    double score = 0; ///< method's own score: cost for baseline (lower better), otherwise higher better
    int stageReached = -1; ///< filter: stages survived (== stage count for the survivors)
    QString note; ///< why this face sits where it does
};

struct StageReport {
    SelectFeature feature;
    int entered = 0, survived = 0;
    bool percentileUsed = false;
};

struct Ranking {
    SelectMethod method = SelectMethod::Attributes;
    std::vector<RankedFace> order; ///< best first
    std::vector<StageReport> stages;
    bool smallGroup = false; ///< fewer faces than minPercentileGroup
    QString why; ///< one paragraph: why the winner won
    int winner() const { return order.empty() ? -1 : order.front().index; }
};

/// Ranks one group by the chosen method. `pool` is the training population for the regression (all faces of
/// the run; the group itself when empty). Never throws; an empty group gives an empty ranking.
Ranking rankGroup(const std::vector<FaceCandidate>& group, SelectMethod method, const SelectionConfig& config,
                  const std::vector<FaceCandidate>& pool = {});

Ranking rankBaseline(const std::vector<FaceCandidate>& group);
Ranking rankFilter(const std::vector<FaceCandidate>& group, const SelectionConfig& config);
Ranking rankRegression(const std::vector<FaceCandidate>& group, const SelectionConfig& config,
                       const std::vector<FaceCandidate>& pool);
Ranking rankAttributes(const std::vector<FaceCandidate>& group, const SelectionConfig& config);

/// The regression's weak label of each face of `faces` (mean of normalised heuristic 1 and bucket score).
std::vector<double> weakLabels(const std::vector<FaceCandidate>& faces, const SelectionConfig& config);

/// The product's own score (0..1) of one face; shared with the attributes ranking.
double attributeRankScore(const FaceCandidate& f, const SelectionConfig& config);

} // namespace hqa::core

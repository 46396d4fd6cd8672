#pragma once
// Inside the corrections head: one attribute's learned model and the head's data, shared by the head that applies
// it (core/engine/CorrectionsHead.cpp) and the trainer that fits it (core/train/CorrectionsHead.cpp). Not for
// other callers: they use CorrectionsHead.

#include "core/Assessment.h"
#include "core/engine/CorrectionsHead.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace hqa::core {

namespace headmodel {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// The engine's own score is a feature too: it already combines the evidence the way the engine's author
/// thought right, and the head only has to learn how this reviewer differs.
inline constexpr const char* kScoreFeature = "score";
/// Engine scores are clamped to [kScoreFloor, 1 - kScoreFloor] before their log-odds become the head's offset.
inline constexpr double kScoreFloor = 0.01;
/// How far beyond the training range (as a share of it) a feature may lie and the head still judge.
inline constexpr double kRangeMargin = 0.1;

inline std::optional<double> featureOf(const AttributeVerdict& v, const std::string& name)
{
    return name == kScoreFeature ? std::optional<double>(v.score) : v.evidenceValue(name);
}

/// The engine's verdict as log-odds around its own threshold: 0 at the threshold, > 0 for a pass.
inline double engineLogit(const AttributeVerdict& v)
{
    const auto logit = [](double p) {
        p = std::clamp(p, kScoreFloor, 1.0 - kScoreFloor);
        return std::log(p / (1.0 - p));
    };
    return logit(v.score) - logit(v.threshold);
}

/// One attribute's logistic regression over standardised evidence. With engineOffset the engine's own
/// verdict is the starting point: z = c * engineLogit + bias + w.x, and the ridge penalty pulls w towards 0
/// and c towards 1, i.e. towards "judge as the engine does". The head then learns only how the reviewers differ, and needs evidence in proportion to
/// how sure the engine was before it overturns a verdict: a photo the engine fails with score 0 is not passed
/// on the strength of a weak pattern among other people's photos.
struct AttributeModel {
    std::vector<std::string> features;
    std::vector<double> mean, stdev, weights;
    /// The range of every feature in the training rows. A photo with evidence outside it (beyond a margin)
    /// is unlike every photo the head learned from, e.g. another person's far-away framing when the reviewers
    /// only ever saw close portraits; a linear head would extrapolate there, so the engine keeps judging it.
    /// Empty in files of older versions: no guard.
    std::vector<double> low, high;
    double bias = 0;
    double threshold = 0.5;
    int trainSamples = 0;
    bool engineOffset = false; ///< false in files of older versions
    double offsetWeight = 1.0; ///< weight of the engine's log-odds

    /// From raw feature values in `features` order (NaN = missing) and the engine's log-odds.
    std::optional<double> probabilityOf(const double* raw, double offset) const
    {
        double z = bias + (engineOffset ? offsetWeight * offset : 0.0);
        int present = 0;
        for (size_t f = 0; f < features.size(); ++f) {
            if (!std::isfinite(raw[f]))
                continue; // missing evidence contributes its mean, i.e. nothing after standardising
            if (!low.empty()) {
                const double margin = kRangeMargin * (high[f] - low[f]);
                if (raw[f] < low[f] - margin || raw[f] > high[f] + margin)
                    return std::nullopt;
            }
            ++present;
            z += weights[f] * std::clamp((raw[f] - mean[f]) / stdev[f], -6.0, 6.0);
        }
        if (present == 0)
            return std::nullopt;
        return 1.0 / (1.0 + std::exp(-z));
    }

    std::optional<double> probability(const AttributeVerdict& v) const
    {
        std::vector<double> raw(features.size(), kNaN);
        for (size_t f = 0; f < features.size(); ++f)
            if (const auto value = featureOf(v, features[f]))
                raw[f] = *value;
        return probabilityOf(raw.data(), engineLogit(v));
    }

    double rawValue(const AttributeVerdict& v, size_t f) const { return featureOf(v, features[f]).value_or(kNaN); }

    /// The first feature of v outside the training range, if any.
    std::optional<size_t> outsideRange(const AttributeVerdict& v) const
    {
        for (size_t f = 0; f < features.size() && !low.empty(); ++f) {
            const double x = rawValue(v, f), margin = kRangeMargin * (high[f] - low[f]);
            if (std::isfinite(x) && (x < low[f] - margin || x > high[f] + margin))
                return f;
        }
        return std::nullopt;
    }

    QString strongestFeature() const
    {
        size_t best = 0;
        for (size_t f = 1; f < weights.size(); ++f)
            if (std::abs(weights[f]) > std::abs(weights[best]))
                best = f;
        return weights.empty() ? QString() : QString::fromStdString(features[best]);
    }
};

} // namespace headmodel

struct CorrectionsHead::Private {
    std::array<std::optional<headmodel::AttributeModel>, kAttributeCount> models;
    QString version;
    QDateTime created;
    QJsonObject report;
};

/// The trainer fills a head's models, version and report directly.
struct CorrectionsHeadAccess {
    static CorrectionsHead::Private& data(CorrectionsHead& head) { return *head.d; }
};

} // namespace hqa::core

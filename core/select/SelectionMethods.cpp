#include "core/select/SelectionMethods.h"

#include "core/measures/Measure.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/ml.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::Selection", text); }

QString num(double v, int decimals = 1) { return QString::number(v, 'f', decimals); }

QString key(SelectFeature f)
{
    const auto k = selectFeatureKey(f);
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

/// True when a is better than b for this feature.
bool better(SelectFeature f, double a, double b) { return higherIsBetter(f) ? a > b : a < b; }

std::vector<double> column(const std::vector<FaceCandidate>& faces, const std::vector<int>& idx, SelectFeature f)
{
    std::vector<double> v;
    v.reserve(idx.size());
    for (int i : idx)
        v.push_back(faces[i].feature(f));
    return v;
}

std::vector<int> allIndices(size_t n)
{
    std::vector<int> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    return idx;
}

std::optional<double> optNumber(const QJsonObject& o, const char* name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

Expected<SelectFeature> featureFromJson(const QJsonValue& v)
{
    const QByteArray k = v.toString().toLatin1();
    if (auto f = selectFeatureFromKey(std::string_view(k.constData(), static_cast<size_t>(k.size()))))
        return *f;
    return makeError(ErrorCode::InvalidArgument, tr("unknown selection feature \"%1\"").arg(v.toString()));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Configuration

std::string_view selectMethodKey(SelectMethod m)
{
    switch (m) {
    case SelectMethod::Baseline:
        return "baseline";
    case SelectMethod::Filter:
        return "filter";
    case SelectMethod::Regression:
        return "regression";
    case SelectMethod::Attributes:
        return "attributes";
    }
    return "attributes";
}

std::optional<SelectMethod> selectMethodFromKey(std::string_view key)
{
    for (auto m : {SelectMethod::Baseline, SelectMethod::Filter, SelectMethod::Regression, SelectMethod::Attributes})
        if (selectMethodKey(m) == key)
            return m;
    return std::nullopt;
}

SelectionConfig SelectionConfig::defaults()
{
    using F = SelectFeature;
    SelectionConfig c;
    // Pose first (a turned head cannot be fixed), then the expression (blinks, talking), then detail and size;
    // the last stage keeps only the best face of its feature, which makes the winner unambiguous.
    c.stages = {
        {F::Yaw, 8.0, 10, 75.0}, {F::Pitch, 8.0, 8, 70.0},     {F::Expression, 0.8, 5, 70.0},
        {F::Roll, 5.0, 5, 50.0}, {F::Sharpness, 0.8, 3, 50.0}, {F::Area, std::nullopt, 1, std::nullopt},
    };
    c.regressionFeatures = {F::Brightness, F::Area, F::Sharpness, F::Yaw, F::Pitch, F::Roll, F::Expression};
    c.heuristicWeights = {{F::Brightness, 1.0}, {F::Area, 1.5}, {F::Sharpness, 2.0}, {F::Yaw, 2.0},
                          {F::Pitch, 1.5},      {F::Roll, 0.5}, {F::Expression, 2.0}};
    c.buckets = {
        {{{F::Yaw, 30.0, 25.0}, {F::Pitch, 30.0, 20.0}, {F::Sharpness, 30.0, 0.3}, {F::Area, 20.0, std::nullopt}}},
        {{{F::Yaw, 50.0, 15.0},
          {F::Pitch, 50.0, 12.0},
          {F::Sharpness, 50.0, 0.5},
          {F::Brightness, 30.0, 30.0},
          {F::Expression, 40.0, 0.5}}},
        {{{F::Yaw, 70.0, 8.0},
          {F::Pitch, 70.0, 6.0},
          {F::Sharpness, 60.0, 0.7},
          {F::Brightness, 50.0, 35.0},
          {F::Area, 50.0, std::nullopt},
          {F::Expression, 60.0, 0.8}}},
    };
    // Reference distributions for groups too small for their own percentiles (values at 0, 10, ..., 100 %,
    // ascending). Brightness and pose follow the spread of the paper's video faces (Table 3: medians 39.6 V%,
    // |yaw| 22, |pitch| 8.4, |roll| 6.2); scores in 0..1 are taken as uniform.
    c.referenceQuantiles = {
        {F::Brightness, {10, 20, 27, 32, 36, 40, 44, 48, 53, 60, 75}},
        {F::Area, {1600, 3600, 6400, 10000, 14400, 19600, 25600, 32400, 40000, 57600, 90000}},
        {F::Sharpness, {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}},
        {F::Yaw, {0, 2, 4, 6, 8, 11, 14, 18, 24, 32, 60}},
        {F::Pitch, {0, 1.5, 3, 4.5, 6, 8, 10, 13, 17, 22, 40}},
        {F::Roll, {0, 1, 2, 3, 4, 5, 6.5, 8, 10, 14, 30}},
        {F::Expression, {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}},
    };
    return c;
}

Expected<SelectionConfig> SelectionConfig::fromJson(const QByteArray& json)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (doc.isNull() || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         tr("selection configuration is not a JSON object: %1").arg(perr.errorString()));
    const QJsonObject root = doc.object();
    SelectionConfig c = defaults();
    if (auto v = optNumber(root, "min_percentile_group"))
        c.minPercentileGroup = std::max(2, static_cast<int>(*v));
    if (root.value(QLatin1String("scale_m_in_small_groups")).isBool())
        c.scaleTopMInSmallGroups = root.value(QLatin1String("scale_m_in_small_groups")).toBool();

    if (root.contains(QLatin1String("stages"))) {
        c.stages.clear();
        for (const QJsonValue& sv : root.value(QLatin1String("stages")).toArray()) {
            const QJsonObject s = sv.toObject();
            auto f = featureFromJson(s.value(QLatin1String("feature")));
            if (!f)
                return f.error();
            FilterStage stage;
            stage.feature = *f;
            stage.threshold = optNumber(s, "T");
            stage.topM = static_cast<int>(optNumber(s, "M").value_or(0));
            stage.minPercentile = optNumber(s, "P");
            c.stages.push_back(stage);
        }
        if (c.stages.empty())
            return makeError(ErrorCode::InvalidArgument, tr("selection configuration has no filter stages"));
    }

    const QJsonObject reg = root.value(QLatin1String("regression")).toObject();
    if (reg.contains(QLatin1String("features"))) {
        c.regressionFeatures.clear();
        for (const QJsonValue& v : reg.value(QLatin1String("features")).toArray()) {
            auto f = featureFromJson(v);
            if (!f)
                return f.error();
            c.regressionFeatures.push_back(*f);
        }
    }
    if (reg.contains(QLatin1String("weights"))) {
        c.heuristicWeights.clear();
        const QJsonObject w = reg.value(QLatin1String("weights")).toObject();
        for (auto it = w.begin(); it != w.end(); ++it) {
            auto f = featureFromJson(QJsonValue(it.key()));
            if (!f)
                return f.error();
            c.heuristicWeights[*f] = it.value().toDouble();
        }
    }
    if (reg.contains(QLatin1String("buckets"))) {
        c.buckets.clear();
        for (const QJsonValue& bv : reg.value(QLatin1String("buckets")).toArray()) {
            QualityBucket bucket;
            const QJsonObject b = bv.toObject();
            for (auto it = b.begin(); it != b.end(); ++it) {
                auto f = featureFromJson(QJsonValue(it.key()));
                if (!f)
                    return f.error();
                const QJsonObject rule = it.value().toObject();
                bucket.rules.push_back({*f, optNumber(rule, "P"), optNumber(rule, "S")});
            }
            c.buckets.push_back(std::move(bucket));
        }
    }
    if (reg.contains(QLatin1String("reference_quantiles"))) {
        const QJsonObject q = reg.value(QLatin1String("reference_quantiles")).toObject();
        for (auto it = q.begin(); it != q.end(); ++it) {
            auto f = featureFromJson(QJsonValue(it.key()));
            if (!f)
                return f.error();
            std::vector<double> values;
            for (const QJsonValue& v : it.value().toArray())
                values.push_back(v.toDouble());
            if (values.size() != 11 || !std::is_sorted(values.begin(), values.end()))
                return makeError(ErrorCode::InvalidArgument,
                                 tr("reference quantiles of \"%1\" must be 11 ascending values").arg(it.key()));
            c.referenceQuantiles[*f] = std::move(values);
        }
    }
    if (auto v = optNumber(reg, "trees"))
        c.forestTrees = std::clamp(static_cast<int>(*v), 1, 1000);
    if (auto v = optNumber(reg, "max_depth"))
        c.forestMaxDepth = std::clamp(static_cast<int>(*v), 1, 30);

    const QJsonObject attr = root.value(QLatin1String("attributes")).toObject();
    const QJsonObject aw = attr.value(QLatin1String("weights")).toObject();
    for (Attribute a : kAllAttributes) {
        const auto k = attributeKey(a);
        const QJsonValue v = aw.value(QLatin1String(k.data(), static_cast<qsizetype>(k.size())));
        if (v.isDouble())
            c.attributeWeights[index(a)] = v.toDouble();
    }
    if (auto v = optNumber(attr, "frontal"))
        c.frontalWeight = *v;
    if (auto v = optNumber(attr, "size"))
        c.sizeWeight = *v;
    return c;
}

Expected<SelectionConfig> SelectionConfig::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read selection configuration %1: %2").arg(path, file.errorString()));
    auto c = fromJson(file.readAll());
    if (!c)
        return makeError(c.error().code, QStringLiteral("%1: %2").arg(path, c.error().detail));
    return c;
}

QString SelectionConfig::findDefaultFile()
{
    const QString name = QStringLiteral("select/filter-stages.json");
    QStringList candidates;
    const QByteArray env = qgetenv("HQA_SELECT_CONFIG");
    if (!env.isEmpty())
        candidates << QString::fromLocal8Bit(env);
    if (QCoreApplication::instance()) {
        const QDir exe(QCoreApplication::applicationDirPath());
        candidates << exe.filePath(QStringLiteral("../share/headshot-qa/") + name)
                   << exe.filePath(QStringLiteral("../resources/") + name)
                   << exe.filePath(QStringLiteral("../../resources/") + name);
    }
    // Developer builds run from the build tree: the source file's own location finds the resources folder.
    candidates << QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../resources/") + name);
    for (const QString& c : candidates)
        if (QFileInfo(c).isFile())
            return QFileInfo(c).canonicalFilePath();
    return {};
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

double baselinePoseCost(double yaw, double pitch, double roll)
{
    const double s = std::max(std::abs(yaw) - 1.0, 0.0) + 1.5 * std::max(std::abs(pitch) - 1.0, 0.0)
        + 0.5 * std::max(std::abs(roll) - 1.0, 0.0);
    return s * s * s;
}

double baselineSizeCost(double area) { return std::max(200.0 - std::sqrt(std::max(area, 0.0)), 0.0); }

double baselineCost(const FaceCandidate& f)
{
    return baselinePoseCost(f.geometry.yaw, f.geometry.pitch, f.geometry.roll) + baselineSizeCost(f.area);
}

std::vector<double> percentiles(const std::vector<double>& values, bool higherBetter)
{
    const size_t n = values.size();
    std::vector<double> out(n, 100.0);
    if (n < 2)
        return out;
    for (size_t i = 0; i < n; ++i) {
        double worse = 0, tied = 0;
        for (size_t j = 0; j < n; ++j) {
            if (j == i)
                continue;
            if (values[j] == values[i])
                tied += 1;
            else if (higherBetter ? values[j] < values[i] : values[j] > values[i])
                worse += 1;
        }
        out[i] = 100.0 * (worse + 0.5 * tied) / static_cast<double>(n - 1);
    }
    return out;
}

double referencePercentile(double value, const std::vector<double>& q, bool higherBetter)
{
    if (q.size() < 2)
        return 50.0;
    const double step = 100.0 / static_cast<double>(q.size() - 1);
    double p;
    if (value <= q.front())
        p = 0.0;
    else if (value >= q.back())
        p = 100.0;
    else {
        const size_t k = static_cast<size_t>(std::upper_bound(q.begin(), q.end(), value) - q.begin()) - 1;
        const double span = q[k + 1] - q[k];
        p = step * (static_cast<double>(k) + (span > 0 ? (value - q[k]) / span : 0.0));
    }
    return higherBetter ? p : 100.0 - p;
}

// ---------------------------------------------------------------------------------------------------------------
// Baseline

Ranking rankBaseline(const std::vector<FaceCandidate>& group)
{
    Ranking r;
    r.method = SelectMethod::Baseline;
    for (int i = 0; i < static_cast<int>(group.size()); ++i) {
        const FaceCandidate& f = group[i];
        const double pose = baselinePoseCost(f.geometry.yaw, f.geometry.pitch, f.geometry.roll);
        const double size = baselineSizeCost(f.area);
        r.order.push_back({i, pose + size, -1, tr("pose cost %1 + size cost %2").arg(num(pose, 1), num(size, 1))});
    }
    std::stable_sort(r.order.begin(), r.order.end(),
                     [](const RankedFace& a, const RankedFace& b) { return a.score < b.score; });
    if (!r.order.empty()) {
        const FaceCandidate& w = group[r.order.front().index];
        r.why = tr("lowest baseline cost %1 of %2 faces (%3): |yaw| %4, |pitch| %5, |roll| %6 degrees, face %7 px "
                   "on a side")
                    .arg(num(r.order.front().score, 1))
                    .arg(group.size())
                    .arg(r.order.front().note, num(std::abs(w.geometry.yaw)), num(std::abs(w.geometry.pitch)),
                         num(std::abs(w.geometry.roll)), num(std::sqrt(w.area), 0));
    }
    return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Filtering algorithm

Ranking rankFilter(const std::vector<FaceCandidate>& group, const SelectionConfig& config)
{
    Ranking r;
    r.method = SelectMethod::Filter;
    const int n = static_cast<int>(group.size());
    r.smallGroup = n < config.minPercentileGroup;
    if (n == 0)
        return r;

    if (config.stages.empty()) {
        r = rankBaseline(group);
        r.method = SelectMethod::Filter;
        r.why = tr("no filter stages configured; ") + r.why;
        return r;
    }
    const int stageCount = static_cast<int>(config.stages.size());
    std::vector<int> alive = allIndices(group.size());
    std::vector<int> reached(n, 0);
    std::vector<QString> notes(n);
    for (int s = 0; s < stageCount; ++s) {
        const FilterStage& st = config.stages[s];
        const std::vector<double> v = column(group, alive, st.feature);
        const bool usePct = st.minPercentile && static_cast<int>(alive.size()) >= config.minPercentileGroup;
        const std::vector<double> pct = percentiles(v, higherIsBetter(st.feature));
        const int entering = static_cast<int>(alive.size());
        const int topM = (config.scaleTopMInSmallGroups && entering < config.minPercentileGroup && st.topM > 0)
            ? std::max(1, st.topM * entering / config.minPercentileGroup)
            : st.topM;
        std::vector<int> kept;
        for (size_t i = 0; i < alive.size(); ++i) {
            const bool byT = st.threshold && better(st.feature, v[i], *st.threshold);
            int betterCount = 0;
            for (size_t j = 0; j < alive.size(); ++j)
                betterCount += better(st.feature, v[j], v[i]) ? 1 : 0;
            const bool byM = betterCount < topM;
            const bool byP = usePct && pct[i] >= *st.minPercentile;
            if (byT || byM || byP)
                kept.push_back(alive[i]);
            else
                notes[alive[i]] = tr("dropped at stage %1 (%2 %3)").arg(s + 1).arg(key(st.feature), num(v[i], 2));
        }
        // A stage that would drop everyone (no T met, M = 0, no percentile) lets everyone through rather than
        // emptying the group.
        if (kept.empty())
            kept = alive;
        r.stages.push_back({st.feature, static_cast<int>(alive.size()), static_cast<int>(kept.size()), usePct});
        alive = std::move(kept);
        for (int i : alive)
            reached[i] = s + 1;
    }

    // Survivors first, best by the last stage's feature; then faces that went further before dropping out,
    // each set ordered by the feature of the stage that dropped them.
    std::vector<int> order = allIndices(group.size());
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (reached[a] != reached[b])
            return reached[a] > reached[b];
        const SelectFeature f = config.stages[std::min(reached[a], stageCount - 1)].feature;
        return better(f, group[a].feature(f), group[b].feature(f));
    });
    for (int i : order)
        r.order.push_back({i, static_cast<double>(reached[i]), reached[i],
                           reached[i] == stageCount ? tr("survived every stage") : notes[i]});

    QStringList trail;
    for (size_t s = 0; s < r.stages.size(); ++s)
        trail << tr("%1: %2 of %3 kept%4")
                     .arg(key(r.stages[s].feature))
                     .arg(r.stages[s].survived)
                     .arg(r.stages[s].entered)
                     .arg(r.stages[s].percentileUsed || !config.stages[s].minPercentile ? QString()
                                                                                        : tr(" (no percentiles)"));
    const FaceCandidate& w = group[r.order.front().index];
    const SelectFeature lastF = config.stages.back().feature;
    r.why = tr("survived all %1 filter stages (%2) and has the best %3 (%4) among the survivors")
                .arg(stageCount)
                .arg(trail.join(QStringLiteral("; ")), key(lastF), num(w.feature(lastF), 2));
    if (r.smallGroup)
        r.why += tr("; only %1 faces, so percentiles were not used").arg(n);
    return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Weakly supervised regression

std::vector<double> weakLabels(const std::vector<FaceCandidate>& faces, const SelectionConfig& config)
{
    const size_t n = faces.size();
    const bool groupPct = static_cast<int>(n) >= config.minPercentileGroup;
    const std::vector<int> idx = allIndices(n);
    std::map<SelectFeature, std::vector<double>> pct;
    auto percentileOf = [&](SelectFeature f) -> const std::vector<double>& {
        auto it = pct.find(f);
        if (it != pct.end())
            return it->second;
        std::vector<double> v = column(faces, idx, f);
        std::vector<double> p;
        if (groupPct) {
            p = percentiles(v, higherIsBetter(f));
        } else {
            const auto q = config.referenceQuantiles.find(f);
            p.resize(n);
            for (size_t i = 0; i < n; ++i)
                p[i] = q == config.referenceQuantiles.end() ? 50.0
                                                            : referencePercentile(v[i], q->second, higherIsBetter(f));
        }
        return pct.emplace(f, std::move(p)).first->second;
    };

    double weightSum = 0;
    for (const auto& [f, w] : config.heuristicWeights)
        weightSum += std::max(0.0, w);
    std::vector<double> labels(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        double h1 = 0;
        for (const auto& [f, w] : config.heuristicWeights)
            h1 += std::max(0.0, w) * percentileOf(f)[i];
        h1 = weightSum > 0 ? h1 / (100.0 * weightSum) : 0.0;

        int bucket = 0;
        for (size_t b = 0; b < config.buckets.size(); ++b) {
            bool all = true;
            for (const auto& rule : config.buckets[b].rules) {
                const bool byP = rule.minPercentile && percentileOf(rule.feature)[i] >= *rule.minPercentile;
                const bool byS = rule.value && better(rule.feature, faces[i].feature(rule.feature), *rule.value);
                all = all && (byP || byS);
            }
            if (all)
                bucket = static_cast<int>(b) + 1;
        }
        const double bucketScore = config.buckets.empty()
            ? h1
            : static_cast<double>(bucket) / static_cast<double>(config.buckets.size());
        labels[i] = 0.5 * (h1 + bucketScore);
    }
    return labels;
}

Ranking rankRegression(const std::vector<FaceCandidate>& group, const SelectionConfig& config,
                       const std::vector<FaceCandidate>& pool)
{
    Ranking r;
    r.method = SelectMethod::Regression;
    r.smallGroup = static_cast<int>(group.size()) < config.minPercentileGroup;
    if (group.empty())
        return r;
    const std::vector<FaceCandidate>& train = pool.empty() ? group : pool;
    const std::vector<double> labels = weakLabels(train, config);
    const int nf = static_cast<int>(config.regressionFeatures.size());

    auto featureRow = [&](const FaceCandidate& f, float* row) {
        for (int k = 0; k < nf; ++k)
            row[k] = static_cast<float>(f.feature(config.regressionFeatures[k]));
    };

    std::vector<double> scores(group.size());
    bool usedForest = false;
    // A forest fitted to a handful of faces only memorises them; below a few samples the weak label is used as is.
    if (static_cast<int>(train.size()) >= 8 && nf > 0) {
        cv::Mat x(static_cast<int>(train.size()), nf, CV_32F), y(static_cast<int>(train.size()), 1, CV_32F);
        for (int i = 0; i < x.rows; ++i) {
            featureRow(train[i], x.ptr<float>(i));
            y.at<float>(i) = static_cast<float>(labels[i]);
        }
        cv::Ptr<cv::ml::RTrees> forest = cv::ml::RTrees::create();
        forest->setMaxDepth(config.forestMaxDepth);
        forest->setMinSampleCount(2);
        forest->setRegressionAccuracy(0.0f);
        forest->setActiveVarCount(std::max(1, nf / 2));
        forest->setCalculateVarImportance(false);
        forest->setTermCriteria(cv::TermCriteria(cv::TermCriteria::MAX_ITER, config.forestTrees, 0.0));
        // The forest's bootstrap samples come from the thread's RNG: a fixed seed gives the same ranking every run.
        cv::RNG& rng = cv::theRNG();
        const uint64 saved = rng.state;
        rng.state = 0x5eedf00dULL;
        try {
            usedForest = forest->train(cv::ml::TrainData::create(x, cv::ml::ROW_SAMPLE, y));
        } catch (const cv::Exception&) {
            usedForest = false;
        }
        rng.state = saved;
        if (usedForest) {
            cv::Mat row(1, nf, CV_32F);
            for (size_t i = 0; i < group.size(); ++i) {
                featureRow(group[i], row.ptr<float>(0));
                scores[i] = forest->predict(row);
            }
        }
    }
    if (!usedForest)
        scores = pool.empty() ? labels : weakLabels(group, config);

    const std::vector<double> groupLabels = pool.empty() ? labels : weakLabels(group, config);
    for (int i = 0; i < static_cast<int>(group.size()); ++i)
        r.order.push_back(
            {i, scores[i], -1, tr("predicted %1, weak label %2").arg(num(scores[i], 3), num(groupLabels[i], 3))});
    std::stable_sort(r.order.begin(), r.order.end(),
                     [](const RankedFace& a, const RankedFace& b) { return a.score > b.score; });

    const FaceCandidate& w = group[r.order.front().index];
    QStringList values;
    for (SelectFeature f : config.regressionFeatures)
        values << QStringLiteral("%1 %2").arg(key(f), num(w.feature(f), f == SelectFeature::Area ? 0 : 2));
    r.why = (usedForest
                 ? tr("highest random-forest quality score %1 (forest of %2 trees fitted to weak labels of %3 "
                      "faces)")
                       .arg(num(r.order.front().score, 3))
                       .arg(config.forestTrees)
                       .arg(train.size())
                 : tr("highest weak-label score %1 (too few faces to fit a forest)").arg(num(r.order.front().score, 3)))
        + QStringLiteral(": ") + values.join(QStringLiteral(", "));
    if (r.smallGroup)
        r.why += tr("; percentiles against the reference distribution, not the group's %1 faces").arg(group.size());
    return r;
}

// ---------------------------------------------------------------------------------------------------------------
// The product's ranking

double attributeRankScore(const FaceCandidate& f, const SelectionConfig& config)
{
    const double dev = std::abs(f.geometry.yaw) + 1.5 * std::abs(f.geometry.pitch) + 0.5 * std::abs(f.geometry.roll);
    const double frontal = 1.0 - logistic(dev, 12.0, 2.5);
    const double size = logistic(std::sqrt(std::max(0.0, f.area)), 80.0, 15.0);
    double sum = config.frontalWeight * frontal + config.sizeWeight * size;
    double weights = config.frontalWeight + config.sizeWeight;
    for (int a = 0; a < kAttributeCount; ++a) {
        sum += config.attributeWeights[a] * f.attributeScores[a];
        weights += config.attributeWeights[a];
    }
    return weights > 0 ? sum / weights : 0.0;
}

Ranking rankAttributes(const std::vector<FaceCandidate>& group, const SelectionConfig& config)
{
    Ranking r;
    r.method = SelectMethod::Attributes;
    r.smallGroup = static_cast<int>(group.size()) < config.minPercentileGroup;
    // Faces that fail what no crop can repair (expression, sharpness, lighting) rank below every face that
    // passes them, whatever their other scores.
    auto hardFailures = [](const FaceCandidate& f) {
        int n = 0;
        for (Attribute a : {Attribute::Expression, Attribute::Sharpness, Attribute::Lighting})
            n += f.attributeScores[index(a)] < 0.5 ? 1 : 0;
        return n;
    };
    std::vector<int> fails(group.size());
    for (int i = 0; i < static_cast<int>(group.size()); ++i) {
        fails[i] = hardFailures(group[i]);
        QStringList failing;
        for (Attribute a : kAllAttributes)
            if (group[i].attributeScores[index(a)] < 0.5)
                failing << QString::fromLatin1(attributeKey(a).data());
        r.order.push_back({i, attributeRankScore(group[i], config), -1,
                           failing.isEmpty() ? tr("passes all six attributes")
                                             : tr("fails %1").arg(failing.join(QStringLiteral(", ")))});
    }
    std::stable_sort(r.order.begin(), r.order.end(), [&](const RankedFace& a, const RankedFace& b) {
        if (fails[a.index] != fails[b.index])
            return fails[a.index] < fails[b.index];
        return a.score > b.score;
    });
    if (r.order.empty())
        return r;
    const FaceCandidate& w = group[r.order.front().index];
    QStringList scores;
    for (Attribute a : kAllAttributes)
        scores << QStringLiteral("%1 %2").arg(QString::fromLatin1(attributeKey(a).data()),
                                              num(w.attributeScores[index(a)], 2));
    r.why = tr("best combined score %1 of %2 faces (%3): %4; |yaw| %5, |pitch| %6 degrees")
                .arg(num(r.order.front().score, 3))
                .arg(group.size())
                .arg(r.order.front().note, scores.join(QStringLiteral(", ")), num(std::abs(w.geometry.yaw)),
                     num(std::abs(w.geometry.pitch)));
    if (r.order.size() > 1) {
        const RankedFace& second = r.order[1];
        r.why +=
            tr("; runner-up %1 scored %2 (%3)").arg(group[second.index].label(), num(second.score, 3), second.note);
    }
    return r;
}

Ranking rankGroup(const std::vector<FaceCandidate>& group, SelectMethod method, const SelectionConfig& config,
                  const std::vector<FaceCandidate>& pool)
{
    switch (method) {
    case SelectMethod::Baseline:
        return rankBaseline(group);
    case SelectMethod::Filter:
        return rankFilter(group, config);
    case SelectMethod::Regression:
        return rankRegression(group, config, pool);
    case SelectMethod::Attributes:
        return rankAttributes(group, config);
    }
    return rankAttributes(group, config);
}

} // namespace hqa::core

#include "CorrectionsHead.h"

#include "core/store/AtomicFile.h"
#include "core/store/ProjectStore.h"
#include "core/train/Dataset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

namespace hqa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kFormatVersion = 1;
const char* const kFormatName = "headshot-qa-corrections-head";
/// The engine's own score is a feature too: it already combines the evidence the way the engine's author
/// thought right, and the head only has to learn how this reviewer differs.
const char* const kScoreFeature = "score";
/// Engine scores are clamped to [kScoreFloor, 1 - kScoreFloor] before their log-odds become the head's offset.
constexpr double kScoreFloor = 0.01;
/// Balanced accuracy may not drop by more than this (a rounding-level change, far below one photo of the
/// rarer class in any realistic review).
constexpr double kBalancedTolerance = 0.005;
/// How far beyond the training range (as a share of it) a feature may lie and the head still judge.
constexpr double kRangeMargin = 0.1;

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("hqa::CorrectionsHead", text, disambiguation, n);
}

std::optional<double> featureOf(const AttributeVerdict& v, const std::string& name)
{
    return name == kScoreFeature ? std::optional<double>(v.score) : v.evidenceValue(name);
}

/// The engine's verdict as log-odds around its own threshold: 0 at the threshold, > 0 for a pass.
double engineLogit(const AttributeVerdict& v)
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

/// One attribute's reviewed photos as a table: the raw feature values are looked up once, and every fit of
/// the cross-validation works on a subset of rows.
struct Design {
    std::vector<std::string> features;
    std::vector<double> raw; ///< rows x features, NaN where the evidence is missing
    std::vector<int> target; ///< 1 pass, 0 fail
    std::vector<bool> enginePass;
    std::vector<double> offset; ///< engineLogit of every row
    std::vector<QString> person;
    size_t rows() const { return target.size(); }
    const double* row(int i) const { return raw.data() + size_t(i) * features.size(); }
};

/// Balanced-class ridge logistic regression (offset by the engine's log-odds) by Newton's method: a handful of features and a few hundred rows
/// converge in ~10 iterations of a tiny linear solve, far below a millisecond per attribute.
AttributeModel fitAttribute(const Design& design, const std::vector<int>& rows, double l2)
{
    AttributeModel m;
    m.features = design.features;
    const size_t n = rows.size(), d = design.features.size(), p = d + 1;
    m.mean.assign(d, 0.0);
    m.stdev.assign(d, 1.0);
    m.weights.assign(d, 0.0);
    m.low.assign(d, std::numeric_limits<double>::infinity());
    m.high.assign(d, -std::numeric_limits<double>::infinity());
    m.trainSamples = int(n);
    m.engineOffset = true;

    for (size_t f = 0; f < d; ++f) {
        double sum = 0, sq = 0;
        int count = 0;
        for (int i : rows) {
            const double v = design.row(i)[f];
            if (std::isfinite(v)) {
                sum += v;
                sq += v * v;
                ++count;
                m.low[f] = std::min(m.low[f], v);
                m.high[f] = std::max(m.high[f], v);
            }
        }
        if (count == 0) // never seen in these rows: no range to keep to (and its weight stays 0)
            m.low[f] = m.high[f] = kNaN;
        if (count > 0) {
            m.mean[f] = sum / count;
            const double var = sq / count - m.mean[f] * m.mean[f];
            m.stdev[f] = var > 1e-18 ? std::sqrt(var) : 1.0;
        }
    }
    int passes = 0;
    for (int i : rows)
        passes += design.target[size_t(i)];
    const int fails = int(n) - passes;
    std::vector<double> X(n * p, 0.0), y(n), sampleWeight(n), offset(n);
    for (size_t r = 0; r < n; ++r) {
        const int i = rows[r];
        double* x = X.data() + r * p;
        x[0] = 1.0;
        for (size_t f = 0; f < d; ++f) {
            const double v = design.row(i)[f];
            if (std::isfinite(v))
                x[f + 1] = std::clamp((v - m.mean[f]) / m.stdev[f], -6.0, 6.0);
        }
        y[r] = design.target[size_t(i)];
        offset[r] = design.offset[size_t(i)];
        // Each class carries half the total weight, so a reviewer who rarely fails an attribute still teaches it.
        sampleWeight[r] = double(n) / (2.0 * double(y[r] > 0 ? std::max(passes, 1) : std::max(fails, 1)));
    }

    // Unknowns: bias, one weight per feature and the weight of the engine's log-odds (last), which starts at
    // 1 and is penalised towards 1: the head moves away from the engine only as far as the reviews demand.
    const size_t q = p + 1;
    std::vector<double> beta(q, 0.0), g(q), H(q * q);
    beta[p] = 1.0;
    const auto objective = [&](const std::vector<double>& b) {
        double loss = 0;
        for (size_t r = 0; r < n; ++r) {
            const double* x = X.data() + r * p;
            double z = b[p] * offset[r];
            for (size_t k = 0; k < p; ++k)
                z += x[k] * b[k];
            // log(1 + e^z) - y z, computed without overflow
            loss += sampleWeight[r] * ((z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z))) - y[r] * z);
        }
        for (size_t k = 1; k < p; ++k)
            loss += 0.5 * l2 * b[k] * b[k];
        return loss + 0.5 * l2 * (b[p] - 1.0) * (b[p] - 1.0);
    };
    double current = objective(beta);
    for (int iter = 0; iter < 30; ++iter) {
        std::fill(g.begin(), g.end(), 0.0);
        std::fill(H.begin(), H.end(), 0.0);
        std::vector<double> x(q);
        for (size_t r = 0; r < n; ++r) {
            std::copy(X.data() + r * p, X.data() + (r + 1) * p, x.begin());
            x[p] = offset[r];
            double z = 0;
            for (size_t k = 0; k < q; ++k)
                z += x[k] * beta[k];
            const double prob = 1.0 / (1.0 + std::exp(-z));
            const double resid = sampleWeight[r] * (prob - y[r]);
            const double curv = sampleWeight[r] * std::max(prob * (1 - prob), 1e-9);
            for (size_t a = 0; a < q; ++a) {
                g[a] += resid * x[a];
                const double xa = curv * x[a];
                for (size_t b = 0; b <= a; ++b)
                    H[a * q + b] += xa * x[b];
            }
        }
        for (size_t a = 0; a < q; ++a)
            for (size_t b = a + 1; b < q; ++b)
                H[a * q + b] = H[b * q + a];
        for (size_t k = 1; k < p; ++k) { // the bias is not penalised
            g[k] += l2 * beta[k];
            H[k * q + k] += l2;
        }
        g[p] += l2 * (beta[p] - 1.0);
        H[p * q + p] += l2;
        H[0] += 1e-9;
        const int dim = static_cast<int>(q);
        const cv::Mat Hm(dim, dim, CV_64F, H.data()), gm(dim, 1, CV_64F, g.data());
        cv::Mat step;
        if (!cv::solve(Hm, gm, step, cv::DECOMP_CHOLESKY) && !cv::solve(Hm, gm, step, cv::DECOMP_SVD))
            break;
        // Newton's step, halved until the penalised loss goes down (near-separable reviews can overshoot).
        double t = 1.0;
        std::vector<double> next(q);
        double value = current;
        for (int halving = 0; halving < 30; ++halving, t *= 0.5) {
            for (size_t k = 0; k < q; ++k)
                next[k] = beta[k] - t * step.at<double>(int(k));
            value = objective(next);
            if (value <= current)
                break;
        }
        if (!(value <= current))
            break;
        beta = next;
        const bool converged = current - value < 1e-10 * std::max(1.0, current);
        current = value;
        if (converged || t * cv::norm(step, cv::NORM_INF) < 1e-8)
            break;
    }
    m.offsetWeight = beta[p];
    m.bias = beta[0];
    for (size_t f = 0; f < d; ++f)
        m.weights[f] = beta[f + 1];
    return m;
}

struct Counts {
    int tp = 0, fn = 0, tn = 0, fp = 0;
    void add(bool truthPass, bool predictedPass)
    {
        if (truthPass)
            (predictedPass ? tp : fn)++;
        else
            (predictedPass ? fp : tn)++;
    }
    int total() const { return tp + fn + tn + fp; }
    double accuracy() const { return total() ? double(tp + tn) / total() : kNaN; }
    double balanced() const
    {
        return (tp + fn > 0 && tn + fp > 0) ? 0.5 * (double(tp) / (tp + fn) + double(tn) / (tn + fp)) : kNaN;
    }
};

/// The head's verdict on one row, or the engine's where the head has none of its evidence.
bool headPasses(const AttributeModel& m, const Design& design, int i)
{
    const auto p = m.probabilityOf(design.row(i), design.offset[size_t(i)]);
    return p ? *p >= m.threshold : bool(design.enginePass[size_t(i)]);
}

/// Picks the ridge penalty by 3-fold cross-validation over people of the training rows: a reviewer's rule can
/// be a sharp cut on one value (needs little penalty) or a vague preference over many (needs more), and a
/// few hundred samples cannot tell which without trying. Balanced accuracy, ties to the larger penalty.
double chooseL2(const Design& design, const std::vector<int>& train, double fallback)
{
    constexpr int kFolds = 3;
    // Seeded by the person keys only (Qt's string hash depends on the process's random hash seed).
    std::vector<QString> keys;
    keys.reserve(train.size());
    for (int i : train)
        keys.push_back(design.person[size_t(i)]);
    const std::vector<int> foldOfRow = foldsByGroupKeys(keys, kFolds, 7);
    std::array<std::vector<int>, kFolds> folds;
    for (size_t r = 0; r < train.size(); ++r)
        folds[size_t(foldOfRow[r])].push_back(train[r]);
    if (std::any_of(folds.begin(), folds.end(), [](const auto& f) { return f.empty(); }))
        return fallback;
    double best = fallback, bestScore = -1;
    for (double l2 : {10.0, 3.0, 1.0, 0.3, 0.1, 0.03, 0.01}) {
        Counts c;
        for (int f = 0; f < kFolds; ++f) {
            std::vector<int> fit;
            for (int g = 0; g < kFolds; ++g)
                if (g != f)
                    fit.insert(fit.end(), folds[size_t(g)].begin(), folds[size_t(g)].end());
            int passes = 0;
            for (int i : fit)
                passes += design.target[size_t(i)];
            if (passes == 0 || passes == int(fit.size()))
                return fallback;
            const AttributeModel m = fitAttribute(design, fit, l2);
            for (int i : folds[size_t(f)])
                c.add(design.target[size_t(i)] == 1, headPasses(m, design, i));
        }
        const double score = std::isfinite(c.balanced()) ? c.balanced() : c.accuracy();
        if (score > bestScore + 1e-9) {
            bestScore = score;
            best = l2;
        }
    }
    return best;
}

/// P(X >= b) for X ~ Binomial(b + c, 1/2): the exact one-sided McNemar test on the discordant pairs.
double mcNemarOneSided(int b, int c)
{
    const int n = b + c;
    if (n == 0)
        return 1.0;
    double p = 0;
    for (int k = b; k <= n; ++k)
        p += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) - n * std::log(2.0));
    return std::min(p, 1.0);
}

/// Percentile bootstrap of the accuracy gain over people: each resample draws as many people as were held
/// out, with replacement, and takes all photos of each drawn person, so photos of one person move together.
std::pair<double, double> gainInterval(const std::vector<std::pair<int, int>>& perPerson, double confidence,
                                       int resamples, std::uint64_t seed)
{
    if (perPerson.empty() || resamples <= 0)
        return {kNaN, kNaN};
    std::mt19937_64 rng(seed);
    std::vector<double> gains;
    gains.reserve(size_t(resamples));
    const auto people = perPerson.size();
    for (int r = 0; r < resamples; ++r) {
        long long diff = 0, photos = 0;
        for (size_t k = 0; k < people; ++k) {
            const auto& [d, n] = perPerson[size_t(rng() % people)];
            diff += d;
            photos += n;
        }
        gains.push_back(photos > 0 ? double(diff) / double(photos) : 0.0);
    }
    std::sort(gains.begin(), gains.end());
    const double tail = (1.0 - confidence) / 2.0;
    const auto at = [&](double q) {
        const size_t i = size_t(std::clamp(q * double(resamples - 1), 0.0, double(resamples - 1)));
        return gains[i];
    };
    return {at(tail), at(1.0 - tail)};
}

QString signedPoints(double v)
{
    const QString s = QString::number(100.0 * v, 'f', 1);
    return v >= 0 ? QStringLiteral("+") + s : s;
}

QJsonArray toArray(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

std::vector<double> fromArray(const QJsonValue& v)
{
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toDouble(kNaN));
    return out;
}

} // namespace

struct CorrectionsHead::Private {
    std::array<std::optional<AttributeModel>, kAttributeCount> models;
    QString version;
    QDateTime created;
    QJsonObject report;
};

CorrectionsHead::CorrectionsHead()
    : d(std::make_unique<Private>())
{ }
CorrectionsHead::~CorrectionsHead() = default;
CorrectionsHead::CorrectionsHead(const CorrectionsHead& o)
    : d(std::make_unique<Private>(*o.d))
{ }
CorrectionsHead& CorrectionsHead::operator=(const CorrectionsHead& o)
{
    if (this != &o)
        d = std::make_unique<Private>(*o.d);
    return *this;
}
CorrectionsHead::CorrectionsHead(CorrectionsHead&&) noexcept = default;
CorrectionsHead& CorrectionsHead::operator=(CorrectionsHead&&) noexcept = default;

bool CorrectionsHead::covers(Attribute a) const { return d->models[size_t(index(a))].has_value(); }

bool CorrectionsHead::empty() const
{
    return std::none_of(d->models.begin(), d->models.end(), [](const auto& m) { return m.has_value(); });
}

QString CorrectionsHead::version() const { return d->version; }

std::optional<double> CorrectionsHead::predict(Attribute a, const AttributeVerdict& verdict) const
{
    const auto& m = d->models[size_t(index(a))];
    if (!m || !verdict.judged)
        return std::nullopt;
    return m->probability(verdict);
}

void CorrectionsHead::apply(Assessment& assessment) const
{
    if (!assessment.ok() || empty())
        return;
    bool applied = false;
    for (Attribute a : kAllAttributes) {
        AttributeVerdict& v = assessment.verdict(a);
        const auto p = predict(a, v);
        if (!p) {
            // Covered, but this photo is unlike every photo the head learned from: say so, keep the engine's.
            const auto& m = d->models[size_t(index(a))];
            if (m && v.judged)
                if (const auto outside = m->outsideRange(v))
                    v.reason += u' '
                        + tr("(The head learned from %1 reviewed photos left this to the measures: %2 = %3 "
                             "is outside what it learned from, %4 to %5.)")
                              .arg(m->trainSamples)
                              .arg(QString::fromStdString(m->features[*outside]))
                              .arg(m->rawValue(v, *outside), 0, 'g', 3)
                              .arg(m->low[*outside], 0, 'g', 3)
                              .arg(m->high[*outside], 0, 'g', 3);
            continue;
        }
        const auto& m = *d->models[size_t(index(a))];
        const QString measured = v.reason;
        v.decide(*p, m.threshold);
        v.source = v.source.isEmpty() ? QStringLiteral("head") : v.source + QStringLiteral("+head");
        v.reason =
            tr("%1 by the head learned from %2 reviewed photos (p = %3, weighing most: %4); the measures said: %5")
                .arg(v.pass ? tr("Passes") : tr("Fails"))
                .arg(m.trainSamples)
                .arg(*p, 0, 'f', 2)
                .arg(m.strongestFeature(), measured);
        applied = true;
    }
    if (applied)
        assessment.modelVersion = assessment.modelVersion.isEmpty() ? d->version
                                                                    : assessment.modelVersion + u'+' + d->version;
}

QJsonObject CorrectionsHead::toJson() const
{
    QJsonObject attrs;
    for (Attribute a : kAllAttributes) {
        const auto& m = d->models[size_t(index(a))];
        if (!m)
            continue;
        QJsonArray names;
        for (const auto& f : m->features)
            names.append(QString::fromStdString(f));
        attrs[QString::fromLatin1(attributeKey(a).data(), qsizetype(attributeKey(a).size()))] = QJsonObject{
            {QStringLiteral("features"), names},
            {QStringLiteral("mean"), toArray(m->mean)},
            {QStringLiteral("std"), toArray(m->stdev)},
            {QStringLiteral("min"), toArray(m->low)},
            {QStringLiteral("max"), toArray(m->high)},
            {QStringLiteral("weights"), toArray(m->weights)},
            {QStringLiteral("bias"), m->bias},
            {QStringLiteral("threshold"), m->threshold},
            {QStringLiteral("train_samples"), m->trainSamples},
            {QStringLiteral("engine_offset"), m->engineOffset},
            {QStringLiteral("engine_weight"), m->offsetWeight},
        };
    }
    return QJsonObject{
        {QStringLiteral("format"), QString::fromLatin1(kFormatName)},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("version"), d->version},
        {QStringLiteral("created"), d->created.toString(Qt::ISODate)},
        {QStringLiteral("attributes"), attrs},
        {QStringLiteral("report"), d->report},
    };
}

std::optional<Error> CorrectionsHead::save(const QString& path) const
{
    const QByteArray bytes = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    if (auto failure = replaceFileContents(path, bytes))
        return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(path, *failure)};
    return std::nullopt;
}

Expected<CorrectionsHead> CorrectionsHead::load(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Model, tr("cannot read the corrections head %1: %2").arg(path, f.errorString())};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 * 1024 * 1024), &pe);
    const QJsonObject o = doc.object();
    if (pe.error != QJsonParseError::NoError
        || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName))
        return Error{ErrorCode::Model, tr("%1 is not a corrections head file").arg(path)};
    const int version = o.value(QStringLiteral("format_version")).toInt();
    if (version < 1 || version > kFormatVersion)
        return Error{ErrorCode::Model,
                     tr("%1 was written in head format %2; this version reads up to %3")
                         .arg(path)
                         .arg(version)
                         .arg(kFormatVersion)};
    CorrectionsHead head;
    head.d->version = o.value(QStringLiteral("version")).toString();
    head.d->created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    head.d->report = o.value(QStringLiteral("report")).toObject();
    const QJsonObject attrs = o.value(QStringLiteral("attributes")).toObject();
    for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        const auto a = attributeFromKey(it.key().toStdString());
        const QJsonObject mo = it.value().toObject();
        AttributeModel m;
        for (const QJsonValue& n : mo.value(QStringLiteral("features")).toArray())
            m.features.push_back(n.toString().toStdString());
        m.mean = fromArray(mo.value(QStringLiteral("mean")));
        m.stdev = fromArray(mo.value(QStringLiteral("std")));
        m.low = fromArray(mo.value(QStringLiteral("min")));
        m.high = fromArray(mo.value(QStringLiteral("max")));
        m.weights = fromArray(mo.value(QStringLiteral("weights")));
        m.bias = mo.value(QStringLiteral("bias")).toDouble(kNaN);
        m.threshold = mo.value(QStringLiteral("threshold")).toDouble(kNaN);
        m.trainSamples = mo.value(QStringLiteral("train_samples")).toInt();
        m.engineOffset = mo.value(QStringLiteral("engine_offset")).toBool(false);
        m.offsetWeight = mo.value(QStringLiteral("engine_weight")).toDouble(1.0);
        const size_t nf = m.features.size();
        const auto finite = [](const std::vector<double>& v) {
            return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
        };
        if (m.low.size() != nf || m.high.size() != nf) // a file without ranges (or with broken ones): no guard
            m.low.clear(), m.high.clear();
        if (!a || nf == 0 || m.mean.size() != nf || m.stdev.size() != nf || m.weights.size() != nf || !finite(m.mean)
            || !finite(m.stdev) || !finite(m.weights) || !std::isfinite(m.bias) || !(m.threshold > 0 && m.threshold < 1)
            || std::any_of(m.stdev.begin(), m.stdev.end(), [](double s) { return s <= 0; }))
            return Error{ErrorCode::Model, tr("%1: the head for \"%2\" is damaged").arg(path, it.key())};
        head.d->models[size_t(index(*a))] = std::move(m);
    }
    if (head.empty())
        return Error{ErrorCode::Model, tr("%1 holds no trained attribute").arg(path)};
    return head;
}

Expected<std::vector<CorrectionSample>> correctionSamples(const ProjectStore& store, const QString& engine)
{
    auto history = store.corrections(0);
    if (!history)
        return history.error();
    auto golden = store.goldenLabels();
    if (!golden)
        return golden.error();

    // An edit counts unless it was undone more often than redone.
    std::map<qint64, int> undoBalance;
    for (const Correction& c : *history)
        if (c.kind != CorrectionKind::Edit)
            undoBalance[c.revertsId] += c.kind == CorrectionKind::Undo ? 1 : -1;
    std::map<PhotoId, Label> targets;
    for (const Correction& c : *history) // in order: a later edit of the same attribute wins
        if (c.kind == CorrectionKind::Edit && undoBalance[c.id] <= 0 && c.newValue >= 0) {
            auto [it, inserted] = targets.try_emplace(c.photoId, kUnknownLabel);
            it->second[size_t(index(c.attribute))] = std::int8_t(c.newValue);
        }
    for (const GoldenLabel& g : *golden) {
        auto [it, inserted] = targets.try_emplace(g.photoId, kUnknownLabel);
        for (int k = 0; k < kAttributeCount; ++k)
            if (g.label[size_t(k)] >= 0)
                it->second[size_t(k)] = g.label[size_t(k)];
    }

    const QDir projectDir = QFileInfo(store.path()).absoluteDir();
    std::vector<CorrectionSample> out;
    for (const auto& [photoId, target] : targets) {
        if (std::all_of(target.begin(), target.end(), [](std::int8_t v) { return v < 0; }))
            continue;
        auto latest = store.latestAssessment(photoId, engine);
        if (!latest)
            return latest.error();
        if (!*latest || !(*latest)->assessment.ok())
            continue;
        auto photo = store.photo(photoId);
        if (!photo)
            return photo.error();
        CorrectionSample s;
        s.assessment = (*latest)->assessment;
        s.target = target;
        s.group = *photo ? (*photo)->sha256 : QString::number(photoId);
        // The folder as the person (see the header): frames and shoots of one person share one.
        // Named relative to the project's own folder, so that the held-out folds (seeded hashes of these keys)
        // do not change when the project and its photos move together.
        if (*photo && !(*photo)->path.isEmpty())
            s.person = projectDir.relativeFilePath(QFileInfo((*photo)->path).absolutePath());
        out.push_back(std::move(s));
    }
    return out;
}

QString gainSummary(const AttributeHeadReport& r, double confidence)
{
    if (!std::isfinite(r.gain))
        return tr("no held-out comparison");
    const QString where = tr("on %n photo(s)", nullptr, r.heldOutSamples) + u' '
        + tr("of %n different people", nullptr, r.heldOutPeople);
    if (!std::isfinite(r.gainLow))
        return tr("%1 points %2").arg(signedPoints(r.gain), where);
    return tr("%1 points, %2% interval %3 to %4, %5")
        .arg(signedPoints(r.gain))
        .arg(qRound(100 * confidence))
        .arg(signedPoints(r.gainLow), signedPoints(r.gainHigh), where);
}

Expected<std::pair<CorrectionsHead, HeadTrainingReport>>
trainCorrectionsHead(const std::vector<CorrectionSample>& samples, const HeadTrainingOptions& options,
                     const std::function<bool(int, int)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    HeadTrainingReport report;
    report.photos = int(samples.size());
    report.confidence = options.confidence;
    const double alpha = 1.0 - options.confidence;
    // The person of every sample: photos of one person are held out together, never split.
    std::vector<QString> personOf;
    for (const CorrectionSample& s : samples)
        personOf.push_back(!s.person.isEmpty() ? s.person : !s.group.isEmpty() ? s.group : QString());
    for (size_t i = 0; i < personOf.size(); ++i)
        if (personOf[i].isEmpty())
            personOf[i] = QStringLiteral("\x01sample:%1").arg(i);
    report.people = int(std::set<QString>(personOf.begin(), personOf.end()).size());
    const int folds = std::min(std::max(options.folds, 2), report.people);
    const std::vector<int> foldOf = foldsByGroupKeys(personOf, std::max(folds, 1), options.seed);
    report.folds = report.people >= 2 ? folds : 0;
    report.trainPhotos = report.photos;
    report.heldOutPhotos = report.people >= 2 ? report.photos : 0;
    report.heldOutPeople = report.people >= 2 ? report.people : 0;

    CorrectionsHead head;
    head.d->created = QDateTime::currentDateTimeUtc();
    for (int k = 0; k < kAttributeCount; ++k) {
        if (progress && !progress(k, kAttributeCount)) {
            report.cancelled = true;
            break;
        }
        AttributeHeadReport& r = report.attributes[size_t(k)];
        r.accuracyBefore = r.accuracyAfter = r.balancedBefore = r.balancedAfter = kNaN;
        r.gain = r.gainLow = r.gainHigh = r.pValue = r.peoplePValue = kNaN;

        // The attribute's reviewed, judged photos.
        std::vector<int> sampleOf;
        for (int i = 0; i < int(samples.size()); ++i) {
            const CorrectionSample& s = samples[size_t(i)];
            if (s.target[size_t(k)] >= 0 && s.assessment.verdicts[size_t(k)].judged)
                sampleOf.push_back(i);
        }
        std::set<std::string> names{kScoreFeature};
        for (int i : sampleOf)
            for (const EvidenceValue& ev : samples[size_t(i)].assessment.verdicts[size_t(k)].evidence)
                if (std::isfinite(ev.value))
                    names.insert(ev.name);
        Design design;
        design.features.assign(names.begin(), names.end());
        design.raw.assign(sampleOf.size() * design.features.size(), kNaN);
        for (size_t row = 0; row < sampleOf.size(); ++row) {
            const CorrectionSample& s = samples[size_t(sampleOf[row])];
            const AttributeVerdict& v = s.assessment.verdicts[size_t(k)];
            for (size_t f = 0; f < design.features.size(); ++f)
                if (const auto value = featureOf(v, design.features[f]); value && std::isfinite(*value))
                    design.raw[row * design.features.size() + f] = *value;
            design.target.push_back(s.target[size_t(k)] > 0 ? 1 : 0);
            design.enginePass.push_back(v.pass);
            design.offset.push_back(engineLogit(v));
            design.person.push_back(personOf[size_t(sampleOf[row])]);
        }
        std::vector<int> all(sampleOf.size());
        for (int i = 0; i < int(all.size()); ++i)
            all[size_t(i)] = i;
        r.trainSamples = int(all.size());
        for (int t : design.target)
            (t ? r.trainPasses : r.trainFails)++;
        r.people = int(std::set<QString>(design.person.begin(), design.person.end()).size());
        if (std::min(r.trainPasses, r.trainFails) < options.minSamplesPerClass) {
            r.note = tr("needs at least %1 reviewed passes and fails to learn from (has %2 and %3)")
                         .arg(options.minSamplesPerClass)
                         .arg(r.trainPasses)
                         .arg(r.trainFails);
            continue;
        }

        // Held out by person: every person's photos judged by a head that learned from the other people.
        if (r.people >= 2) {
            Counts before, after;
            std::map<QString, std::pair<int, int>> perPerson; // person -> (head right - engine right, photos)
            for (int f = 0; f < folds; ++f) {
                std::vector<int> fit, held;
                for (int i : all)
                    (foldOf[size_t(sampleOf[size_t(i)])] == f ? held : fit).push_back(i);
                if (held.empty())
                    continue;
                int passes = 0;
                for (int i : fit)
                    passes += design.target[size_t(i)];
                std::optional<AttributeModel> m;
                if (passes > 0 && passes < int(fit.size())) {
                    const double l2 = options.l2 > 0 ? options.l2 : chooseL2(design, fit, 1.0);
                    m = fitAttribute(design, fit, l2);
                }
                for (int i : held) {
                    const bool truth = design.target[size_t(i)] == 1;
                    const bool engine = design.enginePass[size_t(i)];
                    // No head for this fold (one class only in its training part): the engine's verdict stands.
                    const bool headVerdict = m ? headPasses(*m, design, i) : engine;
                    before.add(truth, engine);
                    after.add(truth, headVerdict);
                    const int headRight = headVerdict == truth, engineRight = engine == truth;
                    r.headRightEngineWrong += headRight && !engineRight;
                    r.engineRightHeadWrong += engineRight && !headRight;
                    auto& pp = perPerson[design.person[size_t(i)]];
                    pp.first += headRight - engineRight;
                    pp.second += 1;
                }
            }
            r.heldOutSamples = before.total();
            r.heldOutPeople = int(perPerson.size());
            r.accuracyBefore = before.accuracy();
            r.accuracyAfter = after.accuracy();
            r.balancedBefore = before.balanced();
            r.balancedAfter = after.balanced();
            r.gain = r.accuracyAfter - r.accuracyBefore;
            std::vector<std::pair<int, int>> people;
            for (const auto& [key, v] : perPerson)
                people.push_back(v);
            std::tie(r.gainLow, r.gainHigh) = gainInterval(people, options.confidence, options.bootstrapResamples,
                                                           options.seed + std::uint64_t(k));
            r.pValue = mcNemarOneSided(r.headRightEngineWrong, r.engineRightHeadWrong);
            for (const auto& [key, v] : perPerson) {
                r.peopleBetter += v.first > 0;
                r.peopleWorse += v.first < 0;
            }
            r.peoplePValue = mcNemarOneSided(r.peopleBetter, r.peopleWorse);
        }

        const QString figures = gainSummary(r, options.confidence);
        const QString test = tr("%1 photo(s) better, %2 worse (McNemar p = %3); %4 people better, %5 worse (sign "
                                "test p = %6)")
                                 .arg(r.headRightEngineWrong)
                                 .arg(r.engineRightHeadWrong)
                                 .arg(r.pValue, 0, 'g', 2)
                                 .arg(r.peopleBetter)
                                 .arg(r.peopleWorse)
                                 .arg(r.peoplePValue, 0, 'g', 2);
        if (options.requireHeldOutGain) {
            QString refused;
            if (r.people < 2)
                refused = tr("all %n reviewed photo(s) show one person, so nobody else is left to check the head on; "
                             "one person is no evidence about others",
                             nullptr, r.trainSamples);
            else if (r.heldOutPeople < options.minHeldOutPeople)
                refused = tr("only %1 different people held out (%2), at least %3 are needed before a head may "
                             "replace the engine")
                              .arg(r.heldOutPeople)
                              .arg(figures)
                              .arg(options.minHeldOutPeople);
            else if (!(r.gainLow > 0) || !(r.pValue < alpha / 2) || !(r.peoplePValue < alpha / 2))
                refused = tr("the gain is not larger than the noise of %1 held-out photo(s): %2; %3")
                              .arg(r.heldOutSamples)
                              .arg(figures, test);
            else if (std::isfinite(r.balancedBefore) && std::isfinite(r.balancedAfter)
                     && r.balancedAfter < r.balancedBefore - kBalancedTolerance)
                refused = tr("balanced accuracy would drop from %1 to %2 (%3)")
                              .arg(r.balancedBefore, 0, 'f', 3)
                              .arg(r.balancedAfter, 0, 'f', 3)
                              .arg(figures);
            if (!refused.isEmpty()) {
                r.note = refused + tr("; the engine keeps judging");
                continue;
            }
        }
        // Checked by person; the head that ships learns from every reviewed photo.
        const double l2 = options.l2 > 0 ? options.l2 : chooseL2(design, all, 1.0);
        AttributeModel final = fitAttribute(design, all, l2);
        r.trained = true;
        r.note = tr("%1; %2; weighs most: %3").arg(figures, test, final.strongestFeature());
        head.d->models[size_t(k)] = std::move(final);
    }
    report.milliseconds = double(timer.nsecsElapsed()) / 1e6;

    const auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
    QJsonObject rep{{QStringLiteral("photos"), report.photos},
                    {QStringLiteral("people"), report.people},
                    {QStringLiteral("train_photos"), report.trainPhotos},
                    {QStringLiteral("held_out_photos"), report.heldOutPhotos},
                    {QStringLiteral("held_out_people"), report.heldOutPeople},
                    {QStringLiteral("folds"), report.folds},
                    {QStringLiteral("confidence"), report.confidence},
                    {QStringLiteral("rule"),
                     QStringLiteral("held out by person (grouped %1-fold); replaces the engine only with >= %2 "
                                    "people held out, exact one-sided McNemar p < %3 over photos and sign-test p < %3 "
                                    "over people, the %4% people-bootstrap interval of the accuracy gain above 0 "
                                    "and balanced accuracy not lower by more than %5")
                         .arg(report.folds)
                         .arg(options.minHeldOutPeople)
                         .arg(alpha / 2)
                         .arg(qRound(100 * options.confidence))
                         .arg(kBalancedTolerance)}};
    for (int k = 0; k < kAttributeCount; ++k) {
        const AttributeHeadReport& r = report.attributes[size_t(k)];
        rep[QString::fromLatin1(kAttributeKeys[size_t(k)].data(), qsizetype(kAttributeKeys[size_t(k)].size()))] =
            QJsonObject{{QStringLiteral("trained"), r.trained},
                        {QStringLiteral("train_samples"), r.trainSamples},
                        {QStringLiteral("people"), r.people},
                        {QStringLiteral("held_out_samples"), r.heldOutSamples},
                        {QStringLiteral("held_out_people"), r.heldOutPeople},
                        {QStringLiteral("accuracy_before"), num(r.accuracyBefore)},
                        {QStringLiteral("accuracy_after"), num(r.accuracyAfter)},
                        {QStringLiteral("balanced_before"), num(r.balancedBefore)},
                        {QStringLiteral("balanced_after"), num(r.balancedAfter)},
                        {QStringLiteral("gain"), num(r.gain)},
                        {QStringLiteral("gain_low"), num(r.gainLow)},
                        {QStringLiteral("gain_high"), num(r.gainHigh)},
                        {QStringLiteral("head_better"), r.headRightEngineWrong},
                        {QStringLiteral("engine_better"), r.engineRightHeadWrong},
                        {QStringLiteral("p_value"), num(r.pValue)},
                        {QStringLiteral("people_better"), r.peopleBetter},
                        {QStringLiteral("people_worse"), r.peopleWorse},
                        {QStringLiteral("people_p_value"), num(r.peoplePValue)},
                        {QStringLiteral("note"), r.note}};
    }
    head.d->report = rep;
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(8);
    head.d->version = QStringLiteral("head-%1-%2")
                          .arg(head.d->created.toString(QStringLiteral("yyyyMMdd-HHmmss")),
                               QString::fromLatin1(digest));
    return std::make_pair(std::move(head), report);
}

namespace {

class HeadedEngine final : public Engine {
public:
    HeadedEngine(std::unique_ptr<Engine> inner, CorrectionsHead head)
        : m_inner(std::move(inner))
        , m_head(std::move(head))
    { }
    QString name() const override { return m_inner->name(); }
    QString version() const override { return m_inner->version() + u'+' + m_head.version(); }
    int preferredLongSide() const override { return m_inner->preferredLongSide(); }
    Assessment assess(const DecodedImage& image, const QString& file) override
    {
        Assessment a = m_inner->assess(image, file);
        m_head.apply(a);
        return a;
    }

private:
    std::unique_ptr<Engine> m_inner;
    CorrectionsHead m_head;
};

} // namespace

Expected<qint64> registerCorrectionsHead(ProjectStore& store, const QString& headPath, const QString& version,
                                         const QJsonObject& metrics)
{
    ModelRecord record;
    record.name = QString::fromLatin1(kCorrectionsHeadModelName);
    record.version = version;
    record.path = QFileInfo(headPath).absoluteFilePath();
    record.sha256 = fileSha256(record.path);
    record.metrics = metrics;
    return store.registerModel(record);
}

Expected<std::unique_ptr<Engine>> withCorrectionsHead(std::unique_ptr<Engine> engine, const QString& headPath)
{
    auto head = CorrectionsHead::load(headPath);
    if (!head)
        return head.error();
    return std::unique_ptr<Engine>(std::make_unique<HeadedEngine>(std::move(engine), std::move(*head)));
}

} // namespace hqa::core

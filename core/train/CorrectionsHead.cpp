#include "CorrectionsHead.h"

#include "core/engine/CorrectionsHeadModel.h"
#include "core/store/ProjectStore.h"
#include "core/train/Dataset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QDir>
#include <QFileInfo>
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

using namespace headmodel;

namespace {

/// Balanced accuracy may not drop by more than this (a rounding-level change, far below one photo of the
/// rarer class in any realistic review).
constexpr double kBalancedTolerance = 0.005;

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("hqa::CorrectionsHead", text, disambiguation, n);
}

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

} // namespace

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
    auto& hd = CorrectionsHeadAccess::data(head);
    hd.created = QDateTime::currentDateTimeUtc();
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
        hd.models[size_t(k)] = std::move(final);
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
    hd.report = rep;
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(8);
    hd.version = QStringLiteral("head-%1-%2")
                     .arg(hd.created.toString(QStringLiteral("yyyyMMdd-HHmmss")), QString::fromLatin1(digest));
    return std::make_pair(std::move(head), report);
}

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

} // namespace hqa::core

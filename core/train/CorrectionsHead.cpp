#include "CorrectionsHead.h"

#include "core/store/ProjectStore.h"
#include "core/train/Dataset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace hqa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kFormatVersion = 1;
const char* const kFormatName = "headshot-qa-corrections-head";
/// The engine's own score is a feature too: it already combines the evidence the way the engine's author
/// thought right, and the head only has to learn how this reviewer differs.
const char* const kScoreFeature = "score";

QString tr(const char* text)
{
    return QCoreApplication::translate("hqa::CorrectionsHead", text);
}

/// One attribute's logistic regression over standardised evidence.
struct AttributeModel {
    std::vector<std::string> features;
    std::vector<double> mean, stdev, weights;
    double bias = 0;
    double threshold = 0.5;
    int trainSamples = 0;

    std::optional<double> probability(const AttributeVerdict& v) const
    {
        double z = bias;
        int present = 0;
        for (size_t f = 0; f < features.size(); ++f) {
            const auto value = features[f] == kScoreFeature ? std::optional<double>(v.score) : v.evidenceValue(features[f]);
            if (!value || !std::isfinite(*value))
                continue; // missing evidence contributes its mean, i.e. nothing after standardising
            ++present;
            z += weights[f] * std::clamp((*value - mean[f]) / stdev[f], -6.0, 6.0);
        }
        if (present == 0)
            return std::nullopt;
        return 1.0 / (1.0 + std::exp(-z));
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

struct Example {
    const AttributeVerdict* verdict;
    int target;
    const QString* group;
};

/// Balanced-class ridge logistic regression by Newton's method: a handful of features and a few hundred rows
/// converge in ~10 iterations of a tiny linear solve, far below a millisecond per attribute.
AttributeModel fitAttribute(const std::vector<Example>& examples, const std::vector<std::string>& features, double l2)
{
    AttributeModel m;
    m.features = features;
    const size_t n = examples.size(), d = features.size();
    m.mean.assign(d, 0.0);
    m.stdev.assign(d, 1.0);
    m.weights.assign(d, 0.0);
    m.trainSamples = int(n);

    cv::Mat X(int(n), int(d) + 1, CV_64F, cv::Scalar(0));
    std::vector<double> y(n), sampleWeight(n);
    for (size_t f = 0; f < d; ++f) {
        double sum = 0, sq = 0;
        int count = 0;
        for (const Example& e : examples) {
            const auto v = features[f] == kScoreFeature ? std::optional<double>(e.verdict->score)
                                                         : e.verdict->evidenceValue(features[f]);
            if (v && std::isfinite(*v)) {
                sum += *v;
                sq += *v * *v;
                ++count;
            }
        }
        if (count > 0) {
            m.mean[f] = sum / count;
            const double var = sq / count - m.mean[f] * m.mean[f];
            m.stdev[f] = var > 1e-18 ? std::sqrt(var) : 1.0;
        }
    }
    int passes = 0;
    for (const Example& e : examples)
        passes += e.target;
    const int fails = int(n) - passes;
    for (size_t i = 0; i < n; ++i) {
        const AttributeVerdict& v = *examples[i].verdict;
        X.at<double>(int(i), 0) = 1.0;
        for (size_t f = 0; f < d; ++f) {
            const auto value = features[f] == kScoreFeature ? std::optional<double>(v.score) : v.evidenceValue(features[f]);
            if (value && std::isfinite(*value))
                X.at<double>(int(i), int(f) + 1) = std::clamp((*value - m.mean[f]) / m.stdev[f], -6.0, 6.0);
        }
        y[i] = examples[i].target;
        // Each class carries half the total weight, so a reviewer who rarely fails an attribute still teaches it.
        sampleWeight[i] = double(n) / (2.0 * double(examples[i].target ? std::max(passes, 1) : std::max(fails, 1)));
    }

    cv::Mat beta(int(d) + 1, 1, CV_64F, cv::Scalar(0));
    for (int iter = 0; iter < 30; ++iter) {
        cv::Mat H(int(d) + 1, int(d) + 1, CV_64F, cv::Scalar(0));
        cv::Mat g(int(d) + 1, 1, CV_64F, cv::Scalar(0));
        for (size_t i = 0; i < n; ++i) {
            const cv::Mat row = X.row(int(i));
            const double z = row.dot(beta.t());
            const double p = 1.0 / (1.0 + std::exp(-z));
            const double w = sampleWeight[i];
            g += w * (p - y[i]) * row.t();
            H += w * std::max(p * (1 - p), 1e-9) * (row.t() * row);
        }
        for (int k = 1; k <= int(d); ++k) { // the bias is not penalised
            g.at<double>(k) += l2 * beta.at<double>(k);
            H.at<double>(k, k) += l2;
        }
        H.at<double>(0, 0) += 1e-9;
        cv::Mat step;
        if (!cv::solve(H, g, step, cv::DECOMP_CHOLESKY) && !cv::solve(H, g, step, cv::DECOMP_SVD))
            break;
        beta -= step;
        if (cv::norm(step, cv::NORM_INF) < 1e-8)
            break;
    }
    m.bias = beta.at<double>(0);
    for (size_t f = 0; f < d; ++f)
        m.weights[f] = beta.at<double>(int(f) + 1);
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

/// Picks the ridge penalty by 3-fold cross-validation over groups of the training part: a reviewer's rule can
/// be a sharp cut on one value (needs little penalty) or a vague preference over many (needs more), and a
/// few hundred samples cannot tell which without trying. Balanced accuracy, ties to the larger penalty.
double chooseL2(const std::vector<Example>& train, const std::vector<std::string>& features, double fallback)
{
    constexpr int kFolds = 3;
    std::array<std::vector<Example>, kFolds> folds;
    for (const Example& e : train)
        folds[size_t(qHash(*e.group, 7) % kFolds)].push_back(e);
    if (std::any_of(folds.begin(), folds.end(), [](const auto& f) { return f.empty(); }))
        return fallback;
    double best = fallback, bestScore = -1;
    for (double l2 : {10.0, 3.0, 1.0, 0.3, 0.1, 0.03, 0.01}) {
        Counts c;
        for (int f = 0; f < kFolds; ++f) {
            std::vector<Example> fit;
            for (int g = 0; g < kFolds; ++g)
                if (g != f)
                    fit.insert(fit.end(), folds[size_t(g)].begin(), folds[size_t(g)].end());
            int passes = 0;
            for (const Example& e : fit)
                passes += e.target;
            if (passes == 0 || passes == int(fit.size()))
                return fallback;
            const AttributeModel m = fitAttribute(fit, features, l2);
            for (const Example& e : folds[size_t(f)]) {
                const auto p = m.probability(*e.verdict);
                c.add(e.target == 1, p ? *p >= m.threshold : e.verdict->pass);
            }
        }
        const double score = std::isfinite(c.balanced()) ? c.balanced() : c.accuracy();
        if (score > bestScore + 1e-9) {
            bestScore = score;
            best = l2;
        }
    }
    return best;
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

CorrectionsHead::CorrectionsHead() : d(std::make_unique<Private>()) {}
CorrectionsHead::~CorrectionsHead() = default;
CorrectionsHead::CorrectionsHead(const CorrectionsHead& o) : d(std::make_unique<Private>(*o.d)) {}
CorrectionsHead& CorrectionsHead::operator=(const CorrectionsHead& o)
{
    if (this != &o)
        d = std::make_unique<Private>(*o.d);
    return *this;
}
CorrectionsHead::CorrectionsHead(CorrectionsHead&&) noexcept = default;
CorrectionsHead& CorrectionsHead::operator=(CorrectionsHead&&) noexcept = default;

bool CorrectionsHead::covers(Attribute a) const
{
    return d->models[size_t(index(a))].has_value();
}

bool CorrectionsHead::empty() const
{
    return std::none_of(d->models.begin(), d->models.end(), [](const auto& m) { return m.has_value(); });
}

QString CorrectionsHead::version() const
{
    return d->version;
}

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
        if (!p)
            continue;
        const auto& m = *d->models[size_t(index(a))];
        const QString measured = v.reason;
        v.score = *p;
        v.threshold = m.threshold;
        v.pass = *p >= m.threshold;
        v.source = v.source.isEmpty() ? QStringLiteral("head") : v.source + QStringLiteral("+head");
        v.reason = tr("%1 by the head learned from %2 reviewed photos (p = %3, weighing most: %4); the measures said: %5")
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
            {QStringLiteral("weights"), toArray(m->weights)},
            {QStringLiteral("bias"), m->bias},
            {QStringLiteral("threshold"), m->threshold},
            {QStringLiteral("train_samples"), m->trainSamples},
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
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString())};
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
    if (pe.error != QJsonParseError::NoError || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName))
        return Error{ErrorCode::Model, tr("%1 is not a corrections head file").arg(path)};
    const int version = o.value(QStringLiteral("format_version")).toInt();
    if (version < 1 || version > kFormatVersion)
        return Error{ErrorCode::Model,
                     tr("%1 was written in head format %2; this version reads up to %3").arg(path).arg(version).arg(kFormatVersion)};
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
        m.weights = fromArray(mo.value(QStringLiteral("weights")));
        m.bias = mo.value(QStringLiteral("bias")).toDouble(kNaN);
        m.threshold = mo.value(QStringLiteral("threshold")).toDouble(kNaN);
        m.trainSamples = mo.value(QStringLiteral("train_samples")).toInt();
        const size_t nf = m.features.size();
        const auto finite = [](const std::vector<double>& v) {
            return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
        };
        if (!a || nf == 0 || m.mean.size() != nf || m.stdev.size() != nf || m.weights.size() != nf
            || !finite(m.mean) || !finite(m.stdev) || !finite(m.weights) || !std::isfinite(m.bias)
            || !(m.threshold > 0 && m.threshold < 1)
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
        out.push_back(std::move(s));
    }
    return out;
}

Expected<std::pair<CorrectionsHead, HeadTrainingReport>> trainCorrectionsHead(
    const std::vector<CorrectionSample>& samples, const HeadTrainingOptions& options,
    const std::function<bool(int, int)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    HeadTrainingReport report;
    report.photos = int(samples.size());
    std::vector<QString> groups;
    for (const CorrectionSample& s : samples)
        groups.push_back(s.group);
    const auto [trainIdx, heldIdx] = splitByGroupKeys(groups, options.validationFraction, options.seed);
    report.trainPhotos = int(trainIdx.size());
    report.heldOutPhotos = int(heldIdx.size());

    CorrectionsHead head;
    head.d->created = QDateTime::currentDateTimeUtc();
    for (int k = 0; k < kAttributeCount; ++k) {
        if (progress && !progress(k, kAttributeCount)) {
            report.cancelled = true;
            break;
        }
        AttributeHeadReport& r = report.attributes[size_t(k)];
        r.accuracyBefore = r.accuracyAfter = r.balancedBefore = r.balancedAfter = kNaN;
        const auto examplesOf = [&](const std::vector<int>& idx) {
            std::vector<Example> ex;
            for (int i : idx) {
                const CorrectionSample& s = samples[size_t(i)];
                const AttributeVerdict& v = s.assessment.verdicts[size_t(k)];
                if (s.target[size_t(k)] >= 0 && v.judged)
                    ex.push_back({&v, int(s.target[size_t(k)]), &s.group});
            }
            return ex;
        };
        const std::vector<Example> train = examplesOf(trainIdx), held = examplesOf(heldIdx);
        r.trainSamples = int(train.size());
        r.heldOutSamples = int(held.size());
        for (const Example& e : train)
            (e.target ? r.trainPasses : r.trainFails)++;
        if (std::min(r.trainPasses, r.trainFails) < options.minSamplesPerClass) {
            r.note = tr("needs at least %1 reviewed passes and fails to learn from (has %2 and %3)")
                         .arg(options.minSamplesPerClass).arg(r.trainPasses).arg(r.trainFails);
            continue;
        }
        std::set<std::string> names{kScoreFeature};
        for (const Example& e : train)
            for (const EvidenceValue& ev : e.verdict->evidence)
                if (std::isfinite(ev.value))
                    names.insert(ev.name);
        const std::vector<std::string> features(names.begin(), names.end());
        const double l2 = options.l2 > 0 ? options.l2 : chooseL2(train, features, 1.0);
        const AttributeModel fitted = fitAttribute(train, features, l2);

        Counts before, after;
        for (const Example& e : held) {
            before.add(e.target == 1, e.verdict->pass);
            const auto p = fitted.probability(*e.verdict);
            after.add(e.target == 1, p ? *p >= fitted.threshold : e.verdict->pass);
        }
        r.accuracyBefore = before.accuracy();
        r.accuracyAfter = after.accuracy();
        r.balancedBefore = before.balanced();
        r.balancedAfter = after.balanced();
        if (options.requireHeldOutGain && (held.empty() || after.accuracy() < before.accuracy())) {
            r.note = held.empty() ? tr("no held-out reviewed photos to check it on; the engine keeps judging")
                                  : tr("did not beat the engine on the held-out photos; the engine keeps judging");
            continue;
        }
        // Checked on the held-out part; the head that ships learns from every reviewed photo.
        std::vector<Example> all = train;
        all.insert(all.end(), held.begin(), held.end());
        AttributeModel final = fitAttribute(all, features, l2);
        r.trained = true;
        r.note = tr("weighs most: %1").arg(final.strongestFeature());
        head.d->models[size_t(k)] = std::move(final);
    }
    report.milliseconds = double(timer.nsecsElapsed()) / 1e6;

    QJsonObject rep{{QStringLiteral("photos"), report.photos},
                    {QStringLiteral("train_photos"), report.trainPhotos},
                    {QStringLiteral("held_out_photos"), report.heldOutPhotos}};
    for (int k = 0; k < kAttributeCount; ++k) {
        const AttributeHeadReport& r = report.attributes[size_t(k)];
        const auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
        rep[QString::fromLatin1(kAttributeKeys[size_t(k)].data(), qsizetype(kAttributeKeys[size_t(k)].size()))] =
            QJsonObject{{QStringLiteral("trained"), r.trained},
                        {QStringLiteral("train_samples"), r.trainSamples},
                        {QStringLiteral("held_out_samples"), r.heldOutSamples},
                        {QStringLiteral("accuracy_before"), num(r.accuracyBefore)},
                        {QStringLiteral("accuracy_after"), num(r.accuracyAfter)},
                        {QStringLiteral("note"), r.note}};
    }
    head.d->report = rep;
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256).toHex().left(8);
    head.d->version = QStringLiteral("head-%1-%2")
                          .arg(head.d->created.toString(QStringLiteral("yyyyMMdd-HHmmss")), QString::fromLatin1(digest));
    return std::make_pair(std::move(head), report);
}

namespace {

class HeadedEngine final : public Engine {
public:
    HeadedEngine(std::unique_ptr<Engine> inner, CorrectionsHead head) : m_inner(std::move(inner)), m_head(std::move(head)) {}
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

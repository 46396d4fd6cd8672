#include "core/engine/CorrectionsHead.h"

#include "core/AtomicFile.h"
#include "core/engine/CorrectionsHeadModel.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace hqa::core {

using namespace headmodel;

namespace {

constexpr int kFormatVersion = 1;
const char* const kFormatName = "headshot-qa-corrections-head";

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("hqa::CorrectionsHead", text, disambiguation, n);
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

Expected<std::unique_ptr<Engine>> withCorrectionsHead(std::unique_ptr<Engine> engine, const QString& headPath)
{
    auto head = CorrectionsHead::load(headPath);
    if (!head)
        return head.error();
    return std::unique_ptr<Engine>(std::make_unique<HeadedEngine>(std::move(engine), std::move(*head)));
}

} // namespace hqa::core

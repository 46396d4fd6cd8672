#include "core/model/Fusion.h"
#include "core/engine/AnalysisEngine.h"
#include "core/eval/Metrics.h"
#include "core/model/SwinEngine.h"
#include "core/model/SwinModel.h"
#include "core/eval/ThresholdTuning.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>

namespace hqa::core {
namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::Fusion", s); }
QString key(int a)
{
    return QString::fromLatin1(kAttributeKeys[size_t(a)].data(), qsizetype(kAttributeKeys[size_t(a)].size()));
}
constexpr double kWeights[] = {0.25, 0.5, 0.75};

/// Balanced accuracy of one attribute for predictions given as labels (-1 = not judged, scored as fail).
double balanced(const std::vector<Label>& truth, const std::vector<Label>& pred, int a)
{
    return computeMetrics(truth, pred).attributes[size_t(a)].balancedAccuracy;
}

std::vector<Label> labelsOf(const std::vector<Assessment>& v)
{
    std::vector<Label> out;
    for (const Assessment& x : v)
        out.push_back(labelOf(x));
    return out;
}

bool better(double candidate, double best)
{
    return !std::isnan(candidate) && (std::isnan(best) || candidate > best + 1e-12);
}

} // namespace

QJsonObject FusionChoice::toJson() const
{
    QJsonObject attrs;
    for (int a = 0; a < kAttributeCount; ++a) {
        const AttributeFusion& f = attributes[size_t(a)];
        auto num = [](double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); };
        attrs.insert(
            key(a),
            QJsonObject{{"source", f.source},
                        {"swin_weight", f.swinWeight},
                        {"threshold", f.threshold},
                        {"balanced_accuracy",
                         QJsonObject{{"swin", num(f.swin)}, {"measures", num(f.measures)}, {"blend", num(f.blend)}}},
                        {"scored", f.scored}});
    }
    return {{"attributes", attrs}, {"images", images}, {"labels", labels}};
}

std::optional<FusionChoice> FusionChoice::fromJson(const QJsonObject& o)
{
    const QJsonObject attrs = o.value("attributes").toObject();
    if (attrs.isEmpty())
        return std::nullopt;
    FusionChoice c;
    c.images = o.value("images").toInt();
    c.labels = o.value("labels").toString();
    for (int a = 0; a < kAttributeCount; ++a) {
        const QJsonObject f = attrs.value(key(a)).toObject();
        AttributeFusion& d = c.attributes[size_t(a)];
        d.source = f.value("source").toString(kSwinEngine);
        if (d.source != "swin" && d.source != "measures" && d.source != "blend")
            return std::nullopt;
        d.swinWeight = f.value("swin_weight").toDouble(0.5);
        d.threshold = f.value("threshold").toDouble(0.5);
        const QJsonObject b = f.value("balanced_accuracy").toObject();
        d.swin = b.value("swin").toDouble(NAN);
        d.measures = b.value("measures").toDouble(NAN);
        d.blend = b.value("blend").toDouble(NAN);
        d.scored = f.value("scored").toInt();
    }
    return c;
}

FusionChoice chooseFusion(const std::vector<Assessment>& swin, const std::vector<Assessment>& measures,
                          const std::vector<Label>& truth)
{
    FusionChoice c;
    c.images = int(truth.size());
    const auto swinPred = labelsOf(swin), measPred = labelsOf(measures);
    for (int a = 0; a < kAttributeCount; ++a) {
        AttributeFusion& f = c.attributes[size_t(a)];
        for (const Label& t : truth)
            f.scored += t[size_t(a)] >= 0;
        f.swin = balanced(truth, swinPred, a);
        f.measures = balanced(truth, measPred, a);
        f.blend = NAN;
        // Blend candidates: the weight from a small grid, the threshold tuned on the set for that weight.
        for (double w : kWeights) {
            AttributeFusion probe;
            probe.source = QStringLiteral("blend");
            probe.swinWeight = w;
            std::vector<std::array<float, kAttributeCount>> scores(truth.size());
            std::vector<Label> tuneTruth = truth;
            for (size_t i = 0; i < truth.size(); ++i) {
                const AttributeVerdict& sv = swin[i].verdicts[size_t(a)];
                const AttributeVerdict& mv = measures[i].verdicts[size_t(a)];
                const bool both = swin[i].ok() && measures[i].ok() && sv.judged && mv.judged;
                scores[i].fill(float(w * sv.score + (1.0 - w) * mv.score));
                if (!both)
                    tuneTruth[i] = kUnknownLabel; // only photos with both scores fit the threshold
            }
            probe.threshold = tuneThresholds(scores, tuneTruth)[size_t(a)];
            // Scored exactly as the fused engine will behave (it falls back to the network without a measure).
            std::vector<Label> pred(truth.size(), kUnknownLabel);
            for (size_t i = 0; i < truth.size(); ++i) {
                const auto v = fuseVerdict(probe, swin[i].verdicts[size_t(a)],
                                           measures[i].ok() ? measures[i].verdicts[size_t(a)] : AttributeVerdict{});
                if (swin[i].ok())
                    pred[i][size_t(a)] = labelValue(v);
            }
            const double b = balanced(truth, pred, a);
            if (better(b, f.blend)) {
                f.blend = b;
                f.swinWeight = w;
                f.threshold = probe.threshold;
            }
        }
        double best = f.swin;
        f.source = kSwinEngine;
        if (better(f.measures, best)) {
            best = f.measures;
            f.source = kMeasuresEngine;
        }
        if (better(f.blend, best))
            f.source = QStringLiteral("blend");
    }
    return c;
}

AttributeVerdict fuseVerdict(const AttributeFusion& f, const AttributeVerdict& swin, const AttributeVerdict& measures)
{
    if (f.source == kMeasuresEngine) {
        AttributeVerdict v = measures;
        v.source = kMeasuresEngine;
        return v;
    }
    if (f.source == kSwinEngine || !measures.judged || !swin.judged) {
        // A blend needs both scores; when the measures cannot judge (no face) the network still can.
        AttributeVerdict v = swin;
        v.source = kSwinEngine;
        return v;
    }
    AttributeVerdict v;
    v.source = QStringLiteral("blend");
    v.decide(f.swinWeight * swin.score + (1.0 - f.swinWeight) * measures.score, f.threshold);
    v.reason = tr("Blend of the network (%1, weight %2) and the measures (%3): %4")
                   .arg(swin.score, 0, 'f', 2)
                   .arg(f.swinWeight, 0, 'f', 2)
                   .arg(measures.score, 0, 'f', 2)
                   .arg(measures.reason);
    v.evidence = measures.evidence;
    return v;
}

Expected<FusionChoice> fuseModel(const QString& modelPath, const LabelSet& labels, int threads,
                                 const std::function<void(int, int)>& progress)
{
    EngineOptions so;
    so.name = kSwinEngine;
    so.modelPath = modelPath;
    so.threads = threads;
    auto swinEngine = makeEngine(so);
    if (!swinEngine)
        return swinEngine.error();
    EngineOptions mo;
    auto measuresEngine = makeEngine(mo);
    if (!measuresEngine)
        return measuresEngine.error();
    std::vector<Assessment> s, m;
    std::vector<Label> truth;
    const int total = int(labels.rows.size());
    for (int i = 0; i < total; ++i) {
        const LabelRow& row = labels.rows[size_t(i)];
        s.push_back(assessFile(**swinEngine, row.path));
        m.push_back(assessFile(**measuresEngine, row.path));
        truth.push_back(row.label);
        if (progress)
            progress(i + 1, total);
    }
    if (truth.empty())
        return makeError(ErrorCode::InvalidArgument, tr("the label file lists no photos"));
    FusionChoice choice = chooseFusion(s, m, truth);
    auto model = SwinModel::load(modelPath);
    if (!model)
        return model.error();
    choice.labels = labels.rows.empty() ? QString() : QFileInfo(labels.rows.front().path).absolutePath();
    (*model)->metadata().fusion = choice.toJson();
    if (auto saved = (*model)->save(modelPath); !saved)
        return saved.error();
    return choice;
}

} // namespace hqa::core

#include "core/train/net/FineTuner.h"
#include "core/image/ImageDecoder.h"
#include "core/model/SwinModel.h"
#include "core/model/SwinModelAccess.h"
#include "core/AtomicFile.h"
#include "core/store/ProjectStore.h"

#include <torch/torch.h>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <cmath>
#include <cstring>
#include <set>

namespace hqa::core {
namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::FineTuner", s); }
constexpr quint32 kCacheMagic = 0x48514146; // "HQAF"
constexpr quint32 kCacheVersion = 1;

/// Features depend on the backbone and the preprocessing; the key ties a cache to both.
QString backboneKey(const SwinModel& m)
{
    const auto& meta = m.metadata();
    return QStringLiteral("%1|%2|%3|%4")
        .arg(meta.provenance.value("source_sha256").toString(), meta.modelVersion)
        .arg(meta.preprocessing.size)
        .arg(meta.preprocessing.resize);
}

QHash<QString, QVector<float>> readCache(const QString& path, const QString& key)
{
    QHash<QString, QVector<float>> cache;
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return cache;
    QDataStream in(&f);
    quint32 magic = 0, version = 0;
    QString storedKey;
    in >> magic >> version >> storedKey;
    if (magic != kCacheMagic || version != kCacheVersion || storedKey != key)
        return cache; // another backbone or a foreign file: recompute
    in >> cache;
    if (in.status() != QDataStream::Ok)
        cache.clear();
    return cache;
}

std::optional<Error> writeCache(const QString& path, const QString& key, const QHash<QString, QVector<float>>& cache)
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << kCacheMagic << kCacheVersion << key << cache;
    }
    if (auto failure = replaceFileContents(path, bytes))
        return makeError(ErrorCode::Io, tr("cannot write feature cache %1: %2").arg(path, *failure));
    return std::nullopt;
}

std::array<double, kAttributeCount> accuracy(const torch::Tensor& logits, const torch::Tensor& target,
                                             const torch::Tensor& mask, const std::array<double, kAttributeCount>& thr)
{
    std::array<double, kAttributeCount> out{};
    const auto p = torch::sigmoid(logits);
    for (int a = 0; a < kAttributeCount; ++a) {
        const auto pred = (p.select(1, a) >= thr[size_t(a)]).to(torch::kFloat);
        const auto m = mask.select(1, a);
        const double n = m.sum().item<double>();
        out[size_t(a)] = n > 0 ? ((pred == target.select(1, a)).to(torch::kFloat) * m).sum().item<double>() / n : NAN;
    }
    return out;
}

} // namespace

Expected<FineTuneResult> fineTuneHeads(const std::vector<FineTuneSample>& samples, const FineTuneOptions& o)
{
    if (samples.empty())
        return makeError(ErrorCode::InvalidArgument, tr("there are no corrected or verified photos to learn from"));
    if (o.threads > 0)
        SwinModel::setThreads(o.threads);
    auto loaded = SwinModel::load(o.baseModel);
    if (!loaded)
        return loaded.error();
    SwinModel& model = **loaded;
    if (model.isTorchScript())
        return makeError(ErrorCode::Model, tr("a TorchScript model cannot be fine-tuned; import it first"));
    try {
        auto net = SwinModelAccess::net(model);
        if (!net->heads)
            return makeError(ErrorCode::Model, tr("the model has no attribute heads"));
        FineTuneResult r;
        r.samples = int(samples.size());
        r.parentVersion = model.metadata().modelVersion;
        const QString key = backboneKey(model);
        auto cache = readCache(o.cachePath, key);

        // ---- pooled features: cached by content hash, else computed in batches
        QElapsedTimer timer;
        timer.start();
        const int dim = net->config().featureDim();
        std::vector<int> todo;
        for (int i = 0; i < int(samples.size()); ++i)
            if (!cache.contains(samples[size_t(i)].sha256) || cache[samples[size_t(i)].sha256].size() != dim)
                todo.push_back(i);
        net->eval();
        constexpr int kBatch = 16;
        for (size_t b = 0; b < todo.size(); b += kBatch) {
            const size_t n = std::min<size_t>(kBatch, todo.size() - b);
            const int s = model.metadata().preprocessing.size;
            auto x = torch::empty({int64_t(n), 3, s, s});
            for (size_t k = 0; k < n; ++k) {
                const FineTuneSample& smp = samples[size_t(todo[b + k])];
                DecodeOptions d;
                d.minSide = 16;
                d.maxLongSide = 2 * s;
                auto img = decodeImageFile(smp.path, d);
                if (!img)
                    return makeError(img.error().code, tr("%1: %2").arg(smp.path, img.error().detail));
                const auto v = model.preprocess(img->bgr);
                std::memcpy(x[int64_t(k)].data_ptr<float>(), v.data(), v.size() * sizeof(float));
            }
            torch::NoGradGuard guard;
            const auto f = net->forwardFeatures(x).contiguous();
            for (size_t k = 0; k < n; ++k) {
                QVector<float> row(dim);
                std::memcpy(row.data(), f[int64_t(k)].data_ptr<float>(), sizeof(float) * size_t(dim));
                cache.insert(samples[size_t(todo[b + k])].sha256, row);
            }
        }
        r.featuresComputed = int(todo.size());
        r.featuresCached = r.samples - r.featuresComputed;
        if (!o.cachePath.isEmpty() && !todo.empty())
            if (auto err = writeCache(o.cachePath, key, cache))
                return *err;
        r.featureSeconds = timer.elapsed() / 1000.0;

        // ---- heads on the features: full batch, masked BCE, pos_weight from the corrections' balance
        timer.restart();
        const auto m = int64_t(samples.size());
        auto feats = torch::empty({m, dim});
        auto target = torch::zeros({m, kAttributeCount});
        auto mask = torch::zeros({m, kAttributeCount});
        for (int64_t i = 0; i < m; ++i) {
            const auto& row = cache[samples[size_t(i)].sha256];
            std::memcpy(feats[i].data_ptr<float>(), row.constData(), sizeof(float) * size_t(dim));
            for (int a = 0; a < kAttributeCount; ++a)
                if (samples[size_t(i)].label[size_t(a)] >= 0) {
                    target[i][a] = float(samples[size_t(i)].label[size_t(a)]);
                    mask[i][a] = 1.0f;
                }
        }
        const auto thr = model.metadata().thresholds;
        {
            torch::NoGradGuard guard;
            r.accuracyBefore = accuracy(net->heads->forward(feats), target, mask, thr);
        }
        const auto passes = (target * mask).sum(0), fails = mask.sum(0) - passes;
        const auto posWeight = (fails.clamp_min(1.0) / passes.clamp_min(1.0)).clamp(0.05, 20.0);
        torch::optim::AdamW opt(net->heads->parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(o.weightDecay));
        auto bceOpts = torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions()
                           .reduction(torch::kNone)
                           .pos_weight(posWeight);
        for (int step = 0; step < o.steps; ++step) {
            const auto logits = net->heads->forward(feats);
            const auto loss =
                (torch::nn::functional::binary_cross_entropy_with_logits(logits, target, bceOpts) * mask).sum()
                / mask.sum().clamp_min(1.0);
            opt.zero_grad();
            loss.backward();
            opt.step();
        }
        {
            torch::NoGradGuard guard;
            r.accuracyAfter = accuracy(net->heads->forward(feats), target, mask, thr);
        }
        net->clearCaches();
        r.trainSeconds = timer.elapsed() / 1000.0;

        SwinMetadata& meta = model.metadata();
        meta.modelVersion =
            QStringLiteral("finetuned-%1").arg(QDateTime::currentDateTimeUtc().toString("yyyyMMddHHmmsszzz"));
        meta.headsTrained = true;
        QJsonObject prov = meta.provenance;
        prov.insert(
            "parent",
            QJsonObject{{"model_version", r.parentVersion}, {"path", QFileInfo(o.baseModel).absoluteFilePath()}});
        prov.insert("fine_tune", QJsonObject{{"samples", r.samples}, {"steps", o.steps}, {"lr", o.lr}});
        meta.provenance = prov;
        meta.fusion = {}; // chosen for the parent's heads; re-run `model fuse` for this version
        r.modelVersion = meta.modelVersion;
        if (auto saved = model.save(o.outPath); !saved)
            return saved.error();
        return r;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Model,
                         tr("fine-tuning failed: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
}

Expected<std::vector<FineTuneSample>> correctionSamples(const QString& projectPath)
{
    ProjectStore::OpenOptions oo;
    oo.access = ProjectStore::Access::ReadOnly;
    auto store = ProjectStore::open(projectPath, oo);
    if (!store)
        return store.error();
    auto photos = (*store)->photos();
    if (!photos)
        return photos.error();
    auto corrections = (*store)->corrections();
    if (!corrections)
        return corrections.error();
    std::set<std::pair<PhotoId, int>> corrected;
    for (const Correction& c : *corrections)
        corrected.insert({c.photoId, int(c.attribute)});
    auto golden = (*store)->goldenLabels();
    if (!golden)
        return golden.error();
    QHash<PhotoId, Label> goldenOf;
    for (const GoldenLabel& g : *golden)
        goldenOf.insert(g.photoId, g.label);
    std::vector<FineTuneSample> out;
    for (const PhotoRecord& p : *photos) {
        if (p.missing)
            continue;
        FineTuneSample s;
        s.path = p.path;
        s.sha256 = p.sha256;
        if (goldenOf.contains(p.id))
            s.label = goldenOf.value(p.id);
        else
            for (int a = 0; a < kAttributeCount; ++a)
                if (corrected.count({p.id, a}))
                    s.label[size_t(a)] = p.label[size_t(a)];
        if (s.label != kUnknownLabel)
            out.push_back(s);
    }
    return out;
}

Expected<FineTuneResult> fineTuneFromProject(const QString& projectPath, FineTuneOptions options)
{
    auto samples = correctionSamples(projectPath);
    if (!samples)
        return samples.error();
    if (options.cachePath.isEmpty())
        options.cachePath = projectPath + QStringLiteral(".features");
    auto r = fineTuneHeads(*samples, options);
    if (!r)
        return r;
    auto store = ProjectStore::open(projectPath);
    if (!store)
        return store.error();
    const QString sha256 = fileSha256(options.outPath);
    if (sha256.isEmpty())
        return makeError(ErrorCode::Io, tr("cannot read %1").arg(options.outPath));
    ModelRecord rec;
    rec.name = kSwinEngine;
    rec.version = r->modelVersion;
    rec.path = QFileInfo(options.outPath).absoluteFilePath();
    rec.sha256 = sha256;
    QJsonObject before, after;
    for (int a = 0; a < kAttributeCount; ++a) {
        const QString k = QString::fromLatin1(kAttributeKeys[size_t(a)].data());
        if (!std::isnan(r->accuracyBefore[size_t(a)]))
            before.insert(k, r->accuracyBefore[size_t(a)]);
        if (!std::isnan(r->accuracyAfter[size_t(a)]))
            after.insert(k, r->accuracyAfter[size_t(a)]);
    }
    rec.metrics = QJsonObject{{"parent_version", r->parentVersion},
                              {"samples", r->samples},
                              {"train_accuracy_before", before},
                              {"train_accuracy_after", after}};
    if (auto id = (*store)->registerModel(rec); !id)
        return id.error();
    return r;
}

} // namespace hqa::core

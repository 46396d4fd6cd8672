// Facade over the native network and TorchScript exports. Every LibTorch call is wrapped so that a bad file
// or a shape surprise becomes an Error, never an abort.

#include "SwinModel.h"

#include "SwinCheckpoint.h"
#include "SwinEngine.h"
#include "SwinModelAccess.h"
#include "core/AtomicFile.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <opencv2/imgproc.hpp>

#include <dlfcn.h>

#include <cmath>
#include <sstream>

namespace hqa::core {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::SwinModel", s); }

Error modelError(const QString& detail) { return makeError(ErrorCode::Model, detail); }

QString firstLine(const std::exception& e) { return QString::fromUtf8(e.what()).section('\n', 0, 0); }

QStringList defaultAttributeOrder()
{
    QStringList keys;
    for (auto k : kAttributeKeys)
        keys << QString::fromLatin1(k.data(), qsizetype(k.size()));
    return keys;
}

} // namespace

// ------------------------------------------------------------------------------------------------ metadata

QJsonObject SwinPreprocessing::toJson() const
{
    return QJsonObject{{"input", input},
                       {"resize", resize},
                       {"size", size},
                       {"mean", QJsonArray{mean[0], mean[1], mean[2]}},
                       {"std", QJsonArray{std[0], std[1], std[2]}}};
}

SwinPreprocessing SwinPreprocessing::fromJson(const QJsonObject& o)
{
    SwinPreprocessing p;
    p.input = o.value("input").toString(p.input);
    p.resize = o.value("resize").toString(p.resize);
    p.size = o.value("size").toInt(p.size);
    const QJsonArray m = o.value("mean").toArray(), s = o.value("std").toArray();
    for (int c = 0; c < 3; ++c) {
        if (m.size() == 3)
            p.mean[size_t(c)] = m[c].toDouble();
        if (s.size() == 3 && s[c].toDouble() > 0)
            p.std[size_t(c)] = s[c].toDouble();
    }
    return p;
}

QJsonObject SwinMetadata::toJson() const
{
    QJsonObject thr;
    for (int i = 0; i < kAttributeCount; ++i)
        thr.insert(i < attributeOrder.size() ? attributeOrder[i] : QString::number(i), thresholds[size_t(i)]);
    return QJsonObject{{"format_version", formatVersion},
                       {"config", config.toJson()},
                       {"attribute_order", QJsonArray::fromStringList(attributeOrder)},
                       {"thresholds", thr},
                       {"preprocessing", preprocessing.toJson()},
                       {"model_version", modelVersion},
                       {"heads_trained", headsTrained},
                       {"source_format", sourceFormat},
                       {"provenance", provenance},
                       {"fusion", fusion}};
}

SwinMetadata SwinMetadata::fromJson(const QJsonObject& o)
{
    SwinMetadata m;
    m.formatVersion = o.value("format_version").toInt(m.formatVersion);
    m.config = SwinConfig::fromJson(o.value("config").toObject());
    m.attributeOrder.clear();
    for (const QJsonValue& v : o.value("attribute_order").toArray())
        m.attributeOrder << v.toString();
    if (m.attributeOrder.isEmpty())
        m.attributeOrder = defaultAttributeOrder();
    const QJsonObject thr = o.value("thresholds").toObject();
    for (int i = 0; i < kAttributeCount && i < m.attributeOrder.size(); ++i)
        m.thresholds[size_t(i)] = thr.value(m.attributeOrder[i]).toDouble(0.5);
    m.preprocessing = SwinPreprocessing::fromJson(o.value("preprocessing").toObject());
    m.config.imageSize = m.preprocessing.size;
    m.modelVersion = o.value("model_version").toString();
    m.headsTrained = o.value("heads_trained").toBool();
    m.sourceFormat = o.value("source_format").toString();
    m.provenance = o.value("provenance").toObject();
    m.fusion = o.value("fusion").toObject();
    return m;
}

// ------------------------------------------------------------------------------------------------ model

struct SwinModel::Impl {
    swin::SwinTransformer net{nullptr};
    std::shared_ptr<torch::jit::Module> script;
    SwinMetadata meta;
    bool channelsLast = false;

    /// The TorchScript module's weights under torchvision names, built into a native network.
    Expected<swin::SwinTransformer> nativeFromScript() const
    {
        swin::TensorMap raw;
        for (const auto& p : script->named_parameters(true))
            raw[p.name] = p.value;
        for (const auto& b : script->named_buffers(true))
            raw[b.name] = b.value;
        auto layout = swin::toTorchvisionLayout(raw);
        if (!layout)
            return layout.error();
        auto cfg = swin::inferConfig(layout->tensors);
        if (!cfg)
            return cfg.error();
        cfg->imageSize = meta.preprocessing.size;
        swin::SwinTransformer net(*cfg);
        const auto problems = swin::loadStateDict(*net, layout->tensors);
        if (!problems.empty())
            return modelError(tr("the TorchScript model's weights do not map onto Swin-T: %1")
                                  .arg(swin::summariseProblems(problems)));
        net->eval();
        return net;
    }
};

SwinModel::SwinModel(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{ }
SwinModel::~SwinModel() = default;

const SwinMetadata& SwinModel::metadata() const { return m_impl->meta; }
SwinMetadata& SwinModel::metadata() { return m_impl->meta; }
bool SwinModel::isTorchScript() const { return m_impl->script != nullptr; }

std::int64_t SwinModel::parameterCount() const
{
    std::int64_t n = 0;
    if (m_impl->script)
        for (const auto& p : m_impl->script->parameters(true))
            n += p.numel();
    else
        for (const auto& p : m_impl->net->parameters(true))
            n += p.numel();
    return n;
}

std::unique_ptr<SwinModel> SwinModel::create(const SwinConfig& config, std::uint64_t seed)
{
    torch::manual_seed(seed);
    auto impl = std::make_unique<Impl>();
    impl->net = swin::SwinTransformer(config);
    impl->net->eval();
    impl->meta.config = config;
    impl->meta.preprocessing.size = config.imageSize;
    impl->meta.attributeOrder = defaultAttributeOrder();
    impl->meta.sourceFormat = impl->meta.fileFormat = QStringLiteral("hqa");
    impl->meta.modelVersion = QStringLiteral("fresh-%1").arg(seed);
    return std::unique_ptr<SwinModel>(new SwinModel(std::move(impl)));
}

Expected<std::unique_ptr<SwinModel>> SwinModel::load(const QString& path, const LoadOptions& options)
{
    QFile f(path);
    if (!f.exists())
        return makeError(ErrorCode::Io, tr("model file %1 does not exist").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read model file %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    auto model = loadBytes(bytes, QFileInfo(path).fileName(), options);
    if (!model)
        return makeError(model.error().code, tr("%1: %2").arg(QFileInfo(path).fileName(), model.error().detail));
    return model;
}

Expected<std::unique_ptr<SwinModel>> SwinModel::loadBytes(const QByteArray& bytes, const QString& name,
                                                          const LoadOptions& options)
{
    auto kind = swin::sniffCheckpoint(bytes);
    if (!kind)
        return kind.error();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto impl = std::make_unique<Impl>();
    SwinMetadata& meta = impl->meta;
    meta.attributeOrder = defaultAttributeOrder();
    meta.provenance = QJsonObject{{"source_file", name}, {"source_sha256", sha}};
    try {
        if (*kind == swin::FileKind::TorchScript) {
            torch::jit::ExtraFilesMap extra{{"hqa_meta.json", ""}};
            std::istringstream in(bytes.toStdString());
            impl->script = std::make_shared<torch::jit::Module>(torch::jit::load(in, torch::kCPU, extra));
            impl->script->eval();
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(extra["hqa_meta.json"])).object();
            if (!o.isEmpty()) {
                const SwinMetadata given = SwinMetadata::fromJson(o);
                meta.attributeOrder = given.attributeOrder;
                meta.thresholds = given.thresholds;
                meta.preprocessing = given.preprocessing;
                meta.modelVersion = given.modelVersion;
                meta.provenance.insert("training", given.provenance);
            }
            meta.headsTrained = true; // an exported six-head model is trained by definition
            meta.sourceFormat = meta.fileFormat = QStringLiteral("torchscript");
            if (meta.modelVersion.isEmpty())
                meta.modelVersion = QStringLiteral("torchscript-%1").arg(sha.left(12));
            // Architecture sizes for `model info`; the graph itself may be anything that maps to 6 outputs.
            auto native = impl->nativeFromScript();
            meta.config = native ? native.value()->config() : SwinConfig{};
            meta.config.imageSize = meta.preprocessing.size;
            if (!native)
                meta.provenance.insert("native_mapping", native.error().detail);
        } else if (*kind == swin::FileKind::Product) {
            auto file = swin::readProduct(bytes);
            if (!file)
                return file.error();
            meta = SwinMetadata::fromJson(file->metadata);
            meta.sourceFormat = meta.sourceFormat.isEmpty() ? QStringLiteral("hqa") : meta.sourceFormat;
            meta.fileFormat = QStringLiteral("hqa");
            const QString bad = meta.config.validate();
            if (!bad.isEmpty())
                return modelError(tr("the stored architecture is invalid: %1").arg(bad));
            impl->net = swin::SwinTransformer(meta.config);
            const auto problems = swin::loadStateDict(*impl->net, file->tensors);
            if (!problems.empty())
                return modelError(
                    tr("the weights do not match the stored architecture: %1").arg(swin::summariseProblems(problems)));
        } else {
            auto raw = swin::readTorchSave(bytes);
            if (!raw)
                return raw.error();
            auto layout = swin::toTorchvisionLayout(*raw);
            if (!layout)
                return layout.error();
            auto cfg = swin::inferConfig(layout->tensors);
            if (!cfg)
                return cfg.error();
            const bool hasHeads = cfg->attributeHeads > 0;
            if (hasHeads && cfg->attributeHeads != kAttributeCount)
                return modelError(tr("the checkpoint has %1 attribute heads, expected %2")
                                      .arg(cfg->attributeHeads)
                                      .arg(kAttributeCount));
            if (!hasHeads && options.allowFreshHeads)
                cfg->attributeHeads = kAttributeCount;
            torch::manual_seed(options.seed);
            impl->net = swin::SwinTransformer(*cfg);
            const auto problems = swin::loadStateDict(*impl->net, layout->tensors,
                                                      hasHeads ? std::vector<std::string>{}
                                                               : std::vector<std::string>{"heads."});
            if (!problems.empty())
                return modelError(
                    tr("%1 checkpoint does not fit Swin-T: %2").arg(layout->name, swin::summariseProblems(problems)));
            meta.config = *cfg;
            meta.headsTrained = hasHeads;
            meta.sourceFormat = meta.fileFormat = layout->name;
            meta.modelVersion = QStringLiteral("%1-%2").arg(layout->name, sha.left(12));
            meta.provenance.insert("key_layout", layout->name);
        }
    } catch (const std::exception& e) {
        return modelError(tr("cannot load the model: %1").arg(firstLine(e)));
    }
    if (impl->net)
        impl->net->eval();
    return std::unique_ptr<SwinModel>(new SwinModel(std::move(impl)));
}

Expected<bool> SwinModel::save(const QString& path) const
{
    QByteArray bytes;
    try {
        swin::SwinTransformer net = m_impl->net;
        if (m_impl->script) {
            auto native = m_impl->nativeFromScript();
            if (!native)
                return native.error();
            net = *native;
        }
        SwinMetadata meta = m_impl->meta;
        meta.formatVersion = kSwinFormatVersion;
        meta.config = net->config();
        meta.config.imageSize = meta.preprocessing.size;
        bytes = swin::writeProduct(swin::stateDict(*net), meta.toJson());
    } catch (const std::exception& e) {
        return modelError(tr("cannot serialise the model: %1").arg(firstLine(e)));
    }
    // Written beside the target and renamed when whole: a crash or a full disk never leaves half a model.
    if (auto failure = replaceFileContents(path, bytes))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, *failure));
    return true;
}

std::vector<float> SwinModel::preprocess(const cv::Mat& bgr) const
{
    const SwinPreprocessing& p = m_impl->meta.preprocessing;
    const int s = p.size;
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb,
                 bgr.channels() == 4       ? cv::COLOR_BGRA2RGB
                     : bgr.channels() == 1 ? cv::COLOR_GRAY2RGB
                                           : cv::COLOR_BGR2RGB);
    cv::Mat sized;
    if (p.resize == QLatin1String("letterbox")) {
        const double scale = double(s) / std::max(rgb.cols, rgb.rows);
        const int w = std::max(1, int(std::lround(rgb.cols * scale))),
                  h = std::max(1, int(std::lround(rgb.rows * scale)));
        cv::Mat inner;
        cv::resize(rgb, inner, {w, h}, 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        // Padding with the mean colour makes it zero after normalisation.
        sized = cv::Mat(s, s, CV_8UC3, cv::Scalar(p.mean[0] * 255, p.mean[1] * 255, p.mean[2] * 255));
        inner.copyTo(sized(cv::Rect((s - w) / 2, (s - h) / 2, w, h)));
    } else {
        const bool shrinking = rgb.cols > s && rgb.rows > s;
        cv::resize(rgb, sized, {s, s}, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    }
    std::vector<float> out(size_t(3) * s * s);
    for (int y = 0; y < s; ++y) {
        const auto* row = sized.ptr<uint8_t>(y);
        for (int x = 0; x < s; ++x)
            for (int c = 0; c < 3; ++c)
                out[(size_t(c) * s + y) * s + x] = float((row[3 * x + c] / 255.0 - p.mean[size_t(c)])
                                                         / p.std[size_t(c)]);
    }
    return out;
}

Expected<SwinOutputs> SwinModel::run(const float* input, int batch) const
{
    const int s = m_impl->meta.preprocessing.size;
    if (batch < 1 || !input)
        return makeError(ErrorCode::InvalidArgument, tr("empty batch"));
    try {
        torch::InferenceMode guard;
        auto x = torch::from_blob(const_cast<float*>(input), {batch, 3, s, s}, torch::kFloat);
        SwinOutputs out;
        out.batch = batch;
        auto copy = [batch](const torch::Tensor& t, std::vector<float>& dst) {
            auto c = t.to(torch::kFloat).contiguous().view({batch, -1});
            dst.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        };
        if (m_impl->script) {
            auto result = m_impl->script->forward({x});
            torch::Tensor logits;
            if (result.isTensor())
                logits = result.toTensor();
            else if (result.isTuple() && !result.toTupleRef().elements().empty()
                     && result.toTupleRef().elements()[0].isTensor())
                logits = result.toTupleRef().elements()[0].toTensor();
            if (!logits.defined() || logits.dim() != 2 || logits.size(0) != batch || logits.size(1) != kAttributeCount)
                return modelError(tr("the TorchScript model must return [batch, %1] logits").arg(kAttributeCount));
            copy(logits, out.attributeLogits);
            return out;
        }
        if (m_impl->channelsLast)
            x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        auto y = m_impl->net->forward(x);
        if (y.attributes.defined())
            copy(y.attributes, out.attributeLogits);
        if (y.imagenet.defined())
            copy(y.imagenet, out.imagenetLogits);
        return out;
    } catch (const std::exception& e) {
        return modelError(tr("inference failed: %1").arg(firstLine(e)));
    }
}

void SwinModel::setThreads(int threads)
{
    threads = std::max(1, threads);
    at::set_num_threads(threads);
    // The pthread OpenBLAS keeps its own pool; without this it uses every core whatever LibTorch is told.
    using SetFn = void (*)(int);
    if (auto fn = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        fn(threads);
}

int SwinModel::threads() { return at::get_num_threads(); }

void SwinModel::setFusedAttention(bool on)
{
    if (m_impl->net)
        m_impl->net->setFused(on);
}

void SwinModel::setOneDnn(bool on)
{
    if (m_impl->net)
        m_impl->net->setOneDnn(on);
}

void SwinModel::setChannelsLast(bool on) { m_impl->channelsLast = on; }

// ------------------------------------------------------------------------------------------------ engine

namespace {

QString attributePhrase(Attribute a)
{
    switch (a) {
    case Attribute::Lighting:
        return QCoreApplication::translate("hqa::SwinEngine", "even frontal lighting");
    case Attribute::Background:
        return QCoreApplication::translate("hqa::SwinEngine", "a clean background");
    case Attribute::Attire:
        return QCoreApplication::translate("hqa::SwinEngine", "professional attire");
    case Attribute::Expression:
        return QCoreApplication::translate("hqa::SwinEngine", "a neutral professional expression");
    case Attribute::Framing:
        return QCoreApplication::translate("hqa::SwinEngine", "proper framing");
    case Attribute::Sharpness:
        return QCoreApplication::translate("hqa::SwinEngine", "a sharp image");
    }
    return {};
}

} // namespace

SwinEngine::~SwinEngine() = default;

Expected<std::unique_ptr<SwinEngine>> SwinEngine::create(const EngineOptions& options)
{
    if (options.modelPath.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("hqa::SwinEngine", "the swin engine needs a model file (--model)"));
    auto model = SwinModel::load(options.modelPath);
    if (!model)
        return model.error();
    const SwinMetadata& meta = (*model)->metadata();
    if (!(*model)->isTorchScript() && meta.config.attributeHeads != kAttributeCount)
        return modelError(
            QCoreApplication::translate("hqa::SwinEngine",
                                        "%1 has no six-attribute heads (an ImageNet backbone?); import it "
                                        "with 'headshot-qa model import' and train the heads first")
                .arg(options.modelPath));
    if (!meta.headsTrained)
        return modelError(
            QCoreApplication::translate("hqa::SwinEngine", "the six heads of %1 are untrained; train them first")
                .arg(options.modelPath));
    std::unique_ptr<SwinEngine> engine(new SwinEngine);
    for (int a = 0; a < kAttributeCount; ++a) {
        const int head = int(meta.attributeOrder.indexOf(QString::fromLatin1(kAttributeKeys[size_t(a)].data())));
        if (head < 0 || head >= kAttributeCount)
            return modelError(QCoreApplication::translate("hqa::SwinEngine", "the model has no head for \"%1\"")
                                  .arg(QString::fromLatin1(kAttributeKeys[size_t(a)].data())));
        engine->m_headOf[size_t(a)] = head;
        engine->m_thresholds[size_t(a)] = options.thresholds[size_t(a)].value_or(meta.thresholds[size_t(head)]);
    }
    SwinModel::setThreads(options.threads);
    engine->m_model = std::move(model.value());
    // Measured (benchmarks/swin/README.md): with one thread OpenBLAS wins; with two, OpenBLAS's pthread pool
    // stalls on a busy machine while oneDNN's OpenMP kernels keep going.
    engine->m_model->setOneDnn(options.threads > 1);
    return engine;
}

QString SwinEngine::name() const { return kSwinEngine; }

QString SwinEngine::version() const { return m_model->metadata().modelVersion; }

const SwinMetadata& SwinEngine::metadata() const { return m_model->metadata(); }

int SwinEngine::preferredLongSide() const { return 2 * m_model->metadata().preprocessing.size; }

Assessment SwinEngine::assess(const DecodedImage& image, const QString& file)
{
    return assessBatch({&image}, {file}).front();
}

std::vector<Assessment> SwinEngine::assessBatch(const std::vector<const DecodedImage*>& images,
                                                const QStringList& files)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<Assessment> results(images.size());
    std::vector<float> input;
    std::vector<size_t> rows; // result index of each batch row
    for (size_t i = 0; i < images.size(); ++i) {
        Assessment& r = results[i];
        r.file = i < size_t(files.size()) ? files[qsizetype(i)] : QString();
        r.engine = name();
        r.modelVersion = version();
        if (!images[i] || images[i]->bgr.empty()) {
            r.error = makeError(ErrorCode::InvalidArgument,
                                QCoreApplication::translate("hqa::SwinEngine", "no decoded image"));
            continue;
        }
        r.imageSize = images[i]->originalSize.empty() ? images[i]->bgr.size() : images[i]->originalSize;
        const auto x = m_model->preprocess(images[i]->bgr);
        input.insert(input.end(), x.begin(), x.end());
        rows.push_back(i);
    }
    if (rows.empty())
        return results;
    QElapsedTimer modelTimer;
    modelTimer.start();
    auto out = m_model->run(input.data(), int(rows.size()));
    const double modelMs = double(modelTimer.nsecsElapsed()) / 1e6;
    for (size_t b = 0; b < rows.size(); ++b) {
        Assessment& r = results[rows[b]];
        r.timings.modelMs = modelMs / double(rows.size());
        if (!out) {
            r.error = out.error();
            continue;
        }
        for (Attribute a : kAllAttributes) {
            const float logit = out->attributeLogits[b * kAttributeCount + size_t(m_headOf[size_t(index(a))])];
            const double p = 1.0 / (1.0 + std::exp(-double(logit)));
            AttributeVerdict& v = r.verdict(a);
            v.decide(p, m_thresholds[size_t(index(a))]);
            v.source = name();
            v.reason = QCoreApplication::translate("hqa::SwinEngine", "network: %1 probability of %2")
                           .arg(p, 0, 'f', 2)
                           .arg(attributePhrase(a));
            v.evidence = {{"swin_logit", double(logit)}, {"swin_probability", p}};
        }
    }
    const double total = double(timer.nsecsElapsed()) / 1e6;
    for (auto& r : results)
        r.elapsedMs = total / double(results.size());
    return results;
}

Expected<std::unique_ptr<Engine>> makeSwinEngine(const EngineOptions& options)
{
    auto engine = SwinEngine::create(options);
    if (!engine)
        return engine.error();
    return std::unique_ptr<Engine>(std::move(engine.value()));
}

HQA_REGISTER_ENGINE(swin, kSwinEngine, 20, makeSwinEngine);

} // namespace hqa::core

namespace hqa::core {
swin::SwinTransformer SwinModelAccess::net(SwinModel& model) { return model.m_impl->net; }
} // namespace hqa::core

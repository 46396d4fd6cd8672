#include "core/model/FusedEngine.h"
#include "core/engine/AnalysisEngine.h"
#include "core/model/SwinEngine.h"
#include "core/model/SwinModel.h"

#include <QCoreApplication>
#include <algorithm>

namespace hqa::core {

FusedEngine::~FusedEngine() = default;

Expected<std::unique_ptr<FusedEngine>> FusedEngine::create(const EngineOptions& options)
{
    if (options.modelPath.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("hqa::FusedEngine", "the fused engine needs --model MODEL"));
    EngineOptions so = options;
    so.name = kSwinEngine;
    auto swin = SwinEngine::create(so);
    if (!swin)
        return swin.error();
    auto choice = FusionChoice::fromJson((*swin)->metadata().fusion);
    if (!choice)
        return makeError(
            ErrorCode::Model,
            QCoreApplication::translate("hqa::FusedEngine",
                                        "%1 holds no fusion choice; run `headshot-qa model fuse %1 LABELS.csv` first")
                .arg(options.modelPath));
    EngineOptions mo = options;
    mo.name = kMeasuresEngine;
    auto measures = std::make_unique<AnalysisEngine>(mo);
    if (auto err = measures->load())
        return *err;
    std::unique_ptr<FusedEngine> e(new FusedEngine);
    e->m_swin = std::move(*swin);
    e->m_measures = std::move(measures);
    e->m_choice = *choice;
    return e;
}

QString FusedEngine::version() const { return m_swin->version() + QStringLiteral("+") + m_measures->version(); }

int FusedEngine::preferredLongSide() const
{
    // The measures need the larger image; the network squashes whatever it gets to its input size.
    const int a = m_swin->preferredLongSide(), b = m_measures->preferredLongSide();
    return (a == 0 || b == 0) ? 0 : std::max(a, b);
}

Assessment FusedEngine::assess(const DecodedImage& image, const QString& file)
{
    const Assessment s = m_swin->assess(image, file);
    Assessment out = m_measures->assess(image, file);
    out.engine = kFusedEngine;
    out.modelVersion = version();
    out.timings.modelMs = s.timings.modelMs;
    if (!s.ok())
        return s; // the network failing means the photo itself could not be read
    for (int a = 0; a < kAttributeCount; ++a)
        out.verdicts[size_t(a)] = fuseVerdict(m_choice.attributes[size_t(a)], s.verdicts[size_t(a)],
                                              out.ok() ? out.verdicts[size_t(a)] : AttributeVerdict{});
    if (!out.ok() && s.ok()) // measures failed (e.g. an error in face models): the network's verdicts stand
        out.error.reset();
    return out;
}

Expected<std::unique_ptr<Engine>> makeFusedEngine(const EngineOptions& options)
{
    auto e = FusedEngine::create(options);
    if (!e)
        return e.error();
    return std::unique_ptr<Engine>(std::move(*e));
}

HQA_REGISTER_ENGINE(fused, kFusedEngine, 30, makeFusedEngine);

} // namespace hqa::core

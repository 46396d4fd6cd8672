#include "AnalysisEngine.h"

#include "core/face/FaceAnalyzer.h"
#include "core/measures/Measure.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace hqa::core {

QString asSentence(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
        text += u'.';
    return text;
}

void applyThreshold(AttributeVerdict& verdict, double threshold, const QString& passReason, const QString& failReason)
{
    verdict.decide(verdict.score, threshold);
    verdict.reason = asSentence(verdict.pass ? passReason : failReason);
}

std::optional<Error> AnalysisEngine::load() { return m_faces->load(); }

AnalysisEngine::AnalysisEngine(const EngineOptions& options)
    : m_faces(std::make_unique<FaceAnalyzer>())
    , m_measures(makeAllMeasures())
{
    for (int i = 0; i < kAttributeCount; ++i)
        m_thresholds[i] = options.thresholds[i].value_or(kDefaultMeasureThreshold);
}

AnalysisEngine::~AnalysisEngine() = default;

QString AnalysisEngine::version() const { return QStringLiteral("measures-" HQA_VERSION); }

Assessment AnalysisEngine::assess(const DecodedImage& image, const QString& file)
{
    QElapsedTimer timer;
    timer.start();
    Assessment a;
    a.file = file;
    a.engine = name();
    a.modelVersion = version();
    a.imageSize = image.originalSize;
    const double scaleToOriginal = image.scale > 0 ? 1.0 / image.scale : 1.0;

    auto evidence = m_faces->analyze(image.bgr, scaleToOriginal);
    if (!evidence) {
        a.error = evidence.error();
        a.elapsedMs = timer.nsecsElapsed() / 1e6;
        return a;
    }
    const FaceEvidence& ev = *evidence;
    a.timings.faceMs = ev.faceMs;
    a.timings.maskMs = ev.maskMs;
    a.faceCount = static_cast<int>(ev.faces.size());
    if (!ev.hasFace()) {
        a.error = makeError(
            ErrorCode::NoFace,
            QCoreApplication::translate("hqa::Engine", "no face found in the image")
                + (ev.detectorNote.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(ev.detectorNote)));
        a.elapsedMs = timer.nsecsElapsed() / 1e6;
        return a;
    }
    a.face = geometryInOriginal(ev.geometry, scaleToOriginal);
    a.face->detectionConfidence = ev.faces.front().confidence;

    QElapsedTimer measureTimer;
    measureTimer.start();
    for (const auto& m : m_measures) {
        const int i = index(m->attribute());
        MeasureResult r = m->evaluate(ev);
        AttributeVerdict& v = a.verdicts[i];
        v.score = std::clamp(r.score, 0.0, 1.0);
        v.evidence = std::move(r.evidence);
        v.source = name();
        applyThreshold(v, m_thresholds[i], r.passReason, r.failReason);
        // Background and attire are measured on the person mask: say when it is not the one asked for.
        if (!ev.maskNote.isEmpty() && (m->attribute() == Attribute::Background || m->attribute() == Attribute::Attire))
            v.reason += QStringLiteral(" (%1)").arg(ev.maskNote);
        // The background's scene probe needs its network: say when it judged on the hand measures alone.
        if (!ev.sceneNote.isEmpty() && m->attribute() == Attribute::Background)
            v.reason += QStringLiteral(" (%1)").arg(ev.sceneNote);
    }
    a.timings.measuresMs = measureTimer.nsecsElapsed() / 1e6;
    a.elapsedMs = timer.nsecsElapsed() / 1e6;
    return a;
}

namespace {

Expected<std::unique_ptr<Engine>> makeAnalysisEngine(const EngineOptions& options)
{
    auto engine = std::make_unique<AnalysisEngine>(options);
    if (auto error = engine->load())
        return *error;
    return std::unique_ptr<Engine>(std::move(engine));
}

} // namespace

HQA_REGISTER_ENGINE(measures, kMeasuresEngine, 10, makeAnalysisEngine);

} // namespace hqa::core

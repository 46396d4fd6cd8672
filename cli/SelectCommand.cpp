// headshot-qa select: picks the best face of each group (folder, list of photos, or each person tracked in a
// video), prints the ranking with each face's features and why the winner won, and cuts the standard crop.

#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "core/select/FaceCollector.h"
#include "core/select/FaceScorer.h"
#include "core/select/SelectionMethods.h"
#include "core/select/StandardCrop.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>

#include <cmath>

namespace hqa::cli {

using namespace core;

namespace {

QString latin(std::string_view s) { return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size())); }

QJsonObject faceJson(const FaceCandidate& f)
{
    QJsonObject o;
    o[QStringLiteral("face")] = f.label();
    o[QStringLiteral("source")] = f.source;
    if (f.frameIndex >= 0) {
        o[QStringLiteral("frame")] = f.frameIndex;
        o[QStringLiteral("time_s")] = std::round(f.timeSeconds * 1000.0) / 1000.0;
        o[QStringLiteral("track")] = f.track;
    }
    const cv::Rect2d& b = f.geometry.box;
    o[QStringLiteral("box")] = QJsonArray{std::round(b.x), std::round(b.y), std::round(b.width), std::round(b.height)};
    QJsonObject features;
    for (int i = 0; i < kSelectFeatureCount; ++i) {
        const auto feat = static_cast<SelectFeature>(i);
        features[latin(selectFeatureKey(feat))] = std::round(f.feature(feat) * 1000.0) / 1000.0;
    }
    o[QStringLiteral("features")] = features;
    QJsonObject attrs;
    for (Attribute a : kAllAttributes)
        attrs[latin(attributeKey(a))] = QJsonObject{
            {QStringLiteral("score"), std::round(f.attributeScores[index(a)] * 1000.0) / 1000.0},
            {QStringLiteral("pass"), f.attributePass[index(a)]},
            {QStringLiteral("reason"), f.attributeReasons[index(a)]}};
    o[QStringLiteral("attributes")] = attrs;
    return o;
}

QString fixed(double v, int width, int decimals) { return QString::number(v, 'f', decimals).rightJustified(width); }

struct CropOutcome {
    QString file;
    CropPlan plan;
    CropRules rules;
    QString error;
};

CropOutcome writeCrop(const FaceCandidate& winner, const QString& dir, const QString& groupTag,
                      const CropOptions& options)
{
    CropOutcome c;
    auto image = loadCandidateImage(winner);
    if (!image) {
        c.error = image.error().detail;
        return c;
    }
    // Geometry is in original pixels; the reloaded image is at original size (photo decoded in full, frame).
    c.plan = planStandardCrop(winner.geometry, image->size(), options);
    if (!c.plan.valid) {
        c.error = QCoreApplication::translate("hqa::SelectCommand", "the face has no landmarks to place the crop");
        return c;
    }
    const cv::Mat crop = renderCrop(*image, c.plan);
    const FaceGeometry inCrop = transformGeometry(
        winner.geometry, c.plan.scale, cv::Point2d(-c.plan.rect.x * c.plan.scale, -c.plan.rect.y * c.plan.scale));
    c.rules = measureCropRules(inCrop, crop.size());
    QString base = QFileInfo(winner.source).completeBaseName();
    if (winner.frameIndex >= 0)
        base += QStringLiteral("_%1f%2").arg(groupTag).arg(winner.frameIndex, 6, 10, QLatin1Char('0'));
    c.file = QDir(dir).filePath(base + QStringLiteral("_crop.jpg"));
    bool ok = false;
    try {
        ok = cv::imwrite(QFile::encodeName(c.file).toStdString(), crop, {cv::IMWRITE_JPEG_QUALITY, 94});
    } catch (const cv::Exception&) {
        ok = false;
    }
    if (!ok)
        c.error = QCoreApplication::translate("hqa::SelectCommand", "cannot write %1").arg(c.file);
    return c;
}

QJsonObject cropJson(const CropOutcome& c)
{
    QJsonObject o{{QStringLiteral("file"), c.file}};
    if (!c.error.isEmpty()) {
        o[QStringLiteral("error")] = c.error;
        return o;
    }
    o[QStringLiteral("width")] = c.plan.outputSize.width;
    o[QStringLiteral("height")] = c.plan.outputSize.height;
    o[QStringLiteral("source_rect")] = QJsonArray{std::round(c.plan.rect.x), std::round(c.plan.rect.y),
                                                  std::round(c.plan.rect.width), std::round(c.plan.rect.height)};
    o[QStringLiteral("scale")] = std::round(c.plan.scale * 1000.0) / 1000.0;
    o[QStringLiteral("padding")] = QJsonObject{{QStringLiteral("left"), c.plan.padLeft},
                                               {QStringLiteral("top"), c.plan.padTop},
                                               {QStringLiteral("right"), c.plan.padRight},
                                               {QStringLiteral("bottom"), c.plan.padBottom}};
    o[QStringLiteral("upscale_limited")] = c.plan.upscaleLimited;
    o[QStringLiteral("notes")] = QJsonArray::fromStringList(c.plan.notes);
    o[QStringLiteral("rules")] = QJsonObject{{QStringLiteral("head_in_upper_third"), c.rules.headInUpperThird},
                                             {QStringLiteral("centred"), c.rules.centred},
                                             {QStringLiteral("face_not_cut"), c.rules.faceNotCut},
                                             {QStringLiteral("shoulders_included"), c.rules.shouldersIncluded}};
    return o;
}

/// What `select` is asked to do, read from its options.
struct SelectRequest {
    SelectMethod method = SelectMethod::Attributes;
    QString format; ///< text or jsonl
    int top = 5; ///< faces listed per group
    CollectOptions collect;
    CropOptions crop;
    QString cropDir; ///< empty: no crops
};

void addSelectOptions(CommandLine& commandLine)
{
    commandLine.addOption({QStringLiteral("method"),
                           QStringLiteral("baseline, filter, regression or attributes (default)."),
                           QStringLiteral("METHOD"), QStringLiteral("attributes")});
    commandLine.addOption({QStringLiteral("top"), QStringLiteral("Faces listed per group (default 5)."),
                           QStringLiteral("N"), QStringLiteral("5")});
    commandLine.addOption(
        {QStringLiteral("crop"), QStringLiteral("Write each winner's standard crop into DIR."), QStringLiteral("DIR")});
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("text (default) or jsonl (one object per group)."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")});
    commandLine.addOption({QStringLiteral("every"), QStringLiteral("Video: analyse every Nth frame (default 5)."),
                           QStringLiteral("N"), QStringLiteral("5")});
    commandLine.addOption({QStringLiteral("fps"), QStringLiteral("Video: sample this many frames per second instead."),
                           QStringLiteral("F")});
    commandLine.addOption({QStringLiteral("max-frames"), QStringLiteral("Video: stop after N sampled frames."),
                           QStringLiteral("N"), QStringLiteral("0")});
    commandLine.addOption(
        {QStringLiteral("config"),
         QStringLiteral("Filter stages and heuristics (JSON; default resources/select/filter-stages.json)."),
         QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("crop-height"),
                           QStringLiteral("Crop output height in pixels (default 1000)."), QStringLiteral("PX"),
                           QStringLiteral("1000")});
    commandLine.addOption({QStringLiteral("aspect"), QStringLiteral("Crop aspect W:H (default 4:5)."),
                           QStringLiteral("W:H"), QStringLiteral("4:5")});
    commandLine.addOption({QStringLiteral("max-upscale"),
                           QStringLiteral("Largest enlargement of the crop (default 2); beyond it the output shrinks."),
                           QStringLiteral("X"), QStringLiteral("2")});
    commandLine.addOption(
        {QStringLiteral("allow-upscale"), QStringLiteral("Enlarge past --max-upscale anyway (reported).")});
    commandLine.addOption({QStringLiteral("jobs"), QStringLiteral("Analysis threads (default 2)."), QStringLiteral("N"),
                           QStringLiteral("2")});
    commandLine.addPositional(QStringLiteral("PATH"), QStringLiteral("Folders, photos or videos."),
                              QStringLiteral("PATH..."));
}

/// A usage error of `select`: the message and where to look.
void selectUsageError(const CommandLine& commandLine, QTextStream& err, const QString& message)
{
    commandLine.usageError(err, message + QStringLiteral(" (see headshot-qa select --help)"));
}

/// The video sampling and the analysis threads; nullopt after a usage error.
std::optional<CollectOptions> readCollectOptions(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<CollectOptions> {
        selectUsageError(commandLine, err, message);
        return std::nullopt;
    };
    CollectOptions collect;
    bool ok = true;
    collect.every = commandLine.value(QStringLiteral("every")).toInt(&ok);
    if (!ok || collect.every < 1)
        return usage(QStringLiteral("--every must be a positive number"));
    if (commandLine.isSet(QStringLiteral("fps"))) {
        collect.sampleFps = commandLine.value(QStringLiteral("fps")).toDouble(&ok);
        if (!ok || collect.sampleFps <= 0)
            return usage(QStringLiteral("--fps must be a positive number"));
    }
    collect.maxSamples = commandLine.value(QStringLiteral("max-frames")).toInt(&ok);
    if (!ok || collect.maxSamples < 0)
        return usage(QStringLiteral("--max-frames must be 0 or more"));
    collect.threads = commandLine.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || collect.threads < 1 || collect.threads > 64)
        return usage(QStringLiteral("--jobs must be 1..64"));
    return collect;
}

/// The standard crop's size, aspect and enlargement; nullopt after a usage error.
std::optional<CropOptions> readCropOptions(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<CropOptions> {
        selectUsageError(commandLine, err, message);
        return std::nullopt;
    };
    CropOptions crop;
    bool ok = true;
    crop.outputHeight = commandLine.value(QStringLiteral("crop-height")).toInt(&ok);
    if (!ok || crop.outputHeight < 0)
        return usage(QStringLiteral("--crop-height must be 0 or more"));
    const QStringList aspect = commandLine.value(QStringLiteral("aspect")).split(u':');
    const double aw = aspect.size() == 2 ? aspect[0].toDouble() : 0, ah = aspect.size() == 2 ? aspect[1].toDouble() : 0;
    if (aw <= 0 || ah <= 0)
        return usage(QStringLiteral("--aspect must look like 4:5"));
    crop.aspect = aw / ah;
    crop.maxUpscale = commandLine.value(QStringLiteral("max-upscale")).toDouble(&ok);
    if (!ok || crop.maxUpscale < 1.0)
        return usage(QStringLiteral("--max-upscale must be at least 1"));
    crop.allowUpscaleBeyondLimit = commandLine.isSet(QStringLiteral("allow-upscale"));
    return crop;
}

/// The options, checked in the order they are listed; nullopt after the first usage error.
std::optional<SelectRequest> readSelectRequest(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<SelectRequest> {
        selectUsageError(commandLine, err, message);
        return std::nullopt;
    };
    SelectRequest request;
    const QByteArray methodKey = commandLine.value(QStringLiteral("method")).toLatin1();
    const auto method = selectMethodFromKey(
        std::string_view(methodKey.constData(), static_cast<size_t>(methodKey.size())));
    if (!method)
        return usage(QStringLiteral("--method must be baseline, filter, regression or attributes"));
    request.method = *method;
    request.format = commandLine.value(QStringLiteral("format"));
    if (request.format != QLatin1String("text") && request.format != QLatin1String("jsonl"))
        return usage(QStringLiteral("--format must be text or jsonl"));
    bool ok = true;
    request.top = commandLine.value(QStringLiteral("top")).toInt(&ok);
    if (!ok || request.top < 1)
        return usage(QStringLiteral("--top must be a positive number"));
    auto collect = readCollectOptions(commandLine, err);
    if (!collect)
        return std::nullopt;
    request.collect = std::move(*collect);
    const auto crop = readCropOptions(commandLine, err);
    if (!crop)
        return std::nullopt;
    request.crop = *crop;
    request.cropDir = commandLine.value(QStringLiteral("crop"));
    if (commandLine.positionals().isEmpty())
        return usage(QStringLiteral("no PATH given"));
    return request;
}

/// The --config file, else the default file when there is one, else the built-in defaults. A bad --config is a
/// usage error, a bad default file a failure: sets exitCode and returns nullopt.
std::optional<SelectionConfig> loadSelectionConfig(const CommandLine& commandLine, QTextStream& err, int& exitCode)
{
    const bool given = commandLine.isSet(QStringLiteral("config"));
    const QString path = given ? commandLine.value(QStringLiteral("config")) : SelectionConfig::findDefaultFile();
    if (path.isEmpty())
        return SelectionConfig::defaults();
    auto loaded = SelectionConfig::load(path);
    if (!loaded) {
        err << "headshot-qa select: " << loaded.error().detail << "\n";
        exitCode = given ? kExitUsage : kExitSomeFailed;
        return std::nullopt;
    }
    return std::move(*loaded);
}

/// Faces listed for a group: the best `top` of its ranking.
int listedFaces(const Ranking& r, int top) { return std::min<int>(top, static_cast<int>(r.order.size())); }

/// One jsonl line: the group, its winner and why, the ranking and the crop.
QJsonObject groupJson(const FaceGroup& g, const Ranking& r, const SelectRequest& request,
                      const std::optional<CropOutcome>& cropResult)
{
    QJsonObject o;
    o[QStringLiteral("group")] = g.name;
    o[QStringLiteral("source")] = g.source;
    o[QStringLiteral("faces")] = static_cast<int>(g.faces.size());
    o[QStringLiteral("method")] = latin(selectMethodKey(request.method));
    o[QStringLiteral("small_group")] = r.smallGroup;
    o[QStringLiteral("winner")] = faceJson(g.faces[r.order.front().index]);
    o[QStringLiteral("why")] = r.why;
    QJsonArray ranking;
    for (int k = 0; k < listedFaces(r, request.top); ++k) {
        QJsonObject f = faceJson(g.faces[r.order[k].index]);
        f[QStringLiteral("rank")] = k + 1;
        f[QStringLiteral("score")] = std::round(r.order[k].score * 10000.0) / 10000.0;
        f[QStringLiteral("note")] = r.order[k].note;
        ranking.append(f);
    }
    o[QStringLiteral("ranking")] = ranking;
    if (cropResult)
        o[QStringLiteral("crop")] = cropJson(*cropResult);
    return o;
}

/// The text form: a heading, one table row per listed face, the winner with why, and the crop.
void printGroupText(QTextStream& out, const FaceGroup& g, const Ranking& r, const SelectRequest& request,
                    const std::optional<CropOutcome>& cropResult)
{
    out << "== " << g.name << ": " << g.faces.size() << " faces, method " << latin(selectMethodKey(request.method))
        << (r.smallGroup ? " (small group: no percentiles)" : "") << "\n";
    out << "  rank  face                      score  bright    area  sharp   yaw pitch  roll   L    B    A    "
           "E    F    S   note\n";
    for (int k = 0; k < listedFaces(r, request.top); ++k) {
        const FaceCandidate& f = g.faces[r.order[k].index];
        out << "  " << QString::number(k + 1).leftJustified(4) << "  " << f.label().left(24).leftJustified(24)
            << fixed(r.order[k].score, 7, 3) << fixed(f.brightness, 8, 1) << fixed(f.area, 8, 0)
            << fixed(f.feature(SelectFeature::Sharpness), 7, 2) << fixed(f.geometry.yaw, 6, 1)
            << fixed(f.geometry.pitch, 6, 1) << fixed(f.geometry.roll, 6, 1);
        for (Attribute a : kAllAttributes)
            out << fixed(f.attributeScores[index(a)], 5, 2);
        out << "   " << r.order[k].note << "\n";
    }
    const FaceCandidate& winner = g.faces[r.order.front().index];
    out << "  winner: " << winner.label();
    if (winner.timeSeconds >= 0)
        out << " (" << QString::number(winner.timeSeconds, 'f', 2) << " s)";
    out << ": " << r.why << "\n";
    if (cropResult && cropResult->error.isEmpty()) {
        out << "  crop: " << cropResult->file << " " << cropResult->plan.outputSize.width << "x"
            << cropResult->plan.outputSize.height;
        for (const QString& n : cropResult->plan.notes)
            out << "; " << n;
        out << "\n";
    }
}

/// Writes one line per file that could not be used; returns how many.
int reportCollectFailures(const std::vector<CollectFailure>& failures, QTextStream& err)
{
    for (const CollectFailure& f : failures)
        err << "headshot-qa select: " << f.path << ": " << latin(errorCodeKey(f.error.code)) << ": " << f.error.detail
            << "\n";
    return static_cast<int>(failures.size());
}

/// Ranks every group (the regression learns from the faces of all groups), cuts the winners' crops and prints
/// each group as it is done. Returns the number of crops that failed.
int selectInGroups(const CollectResult& collected, const SelectRequest& request, const SelectionConfig& config,
                   QTextStream& out, QTextStream& err)
{
    std::vector<FaceCandidate> pool;
    for (const FaceGroup& g : collected.groups)
        pool.insert(pool.end(), g.faces.begin(), g.faces.end());

    int failed = 0;
    int groupNo = 0;
    for (const FaceGroup& g : collected.groups) {
        ++groupNo;
        const Ranking r = rankGroup(g.faces, request.method, config, pool);
        if (r.order.empty())
            continue;
        std::optional<CropOutcome> cropResult;
        if (!request.cropDir.isEmpty()) {
            cropResult = writeCrop(g.faces[r.order.front().index], request.cropDir, QStringLiteral("g%1").arg(groupNo),
                                   request.crop);
            if (!cropResult->error.isEmpty()) {
                ++failed;
                err << "headshot-qa select: " << g.name << ": crop: " << cropResult->error << "\n";
            }
        }
        if (request.format == QLatin1String("jsonl"))
            out << QJsonDocument(groupJson(g, r, request, cropResult)).toJson(QJsonDocument::Compact) << "\n";
        else
            printGroupText(out, g, r, request, cropResult);
        out.flush();
    }
    return failed;
}

} // namespace

int runSelect(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("select"),
        QStringLiteral(
            "Picks the best headshot of each group and cuts the standard crop. A folder is one person; photos given "
            "as files form one group; a video is sampled and its faces tracked into one group per person.\n"
            "Methods: baseline (the paper's pose+size cost), filter (multi-stage filtering, stages in a JSON file), "
            "regression (random forest on percentile weak labels), attributes (default: the six attributes, pose and "
            "size).\nExit status: 0 all inputs used, 1 some input failed, 2 usage error."));
    addSelectOptions(commandLine);
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const auto request = readSelectRequest(commandLine, err);
    if (!request)
        return kExitUsage;
    int exitCode = kExitOk;
    const auto config = loadSelectionConfig(commandLine, err, exitCode);
    if (!config)
        return exitCode;
    if (!request->cropDir.isEmpty() && !QDir().mkpath(request->cropDir)) {
        err << "headshot-qa select: cannot create " << request->cropDir << "\n";
        return kExitSomeFailed;
    }

    const auto collected = collectGroups(commandLine.positionals(), request->collect);
    if (!collected) {
        err << "headshot-qa select: " << collected.error().detail << "\n";
        return kExitSomeFailed;
    }
    int failed = reportCollectFailures(collected->failures, err);
    failed += selectInGroups(*collected, *request, *config, out, err);
    if (request->format == QLatin1String("text"))
        out << collected->stats.framesSampled << " video frames analysed, " << collected->stats.facesFound << " faces, "
            << collected->groups.size() << " groups, " << QString::number(collected->stats.seconds, 'f', 1) << " s\n";
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli

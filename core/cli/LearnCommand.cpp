// `headshot-qa learn PROJECT.hqa --out HEAD.json`: the corrections head from a project's reviews.
#include "Cli.h"

#include "core/cli/EngineArgs.h"
#include "core/store/ProjectStore.h"
#include "core/train/CorrectionsHead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace hqa::core::cli {

namespace {

QString percent(double v)
{
    return std::isfinite(v) ? QString::number(100.0 * v, 'f', 1) : QStringLiteral("-");
}

int listVersions(ProjectStore& store, QTextStream& out, QTextStream& err)
{
    auto models = store.models();
    if (!models) {
        err << "headshot-qa learn: " << models.error().detail << "\n";
        return kExitSomeFailed;
    }
    int n = 0;
    for (const ModelRecord& m : *models) {
        if (m.name != QLatin1String(kCorrectionsHeadModelName))
            continue;
        ++n;
        out << m.version << "  " << m.registeredAt.toString(Qt::ISODate) << "  " << m.path
            << (QFileInfo::exists(m.path) ? "" : "  (file missing)") << "\n";
    }
    if (n == 0)
        out << "No corrections head has been learned in this project yet.\n";
    else
        out << "Use one with --head FILE (assess, evaluate, verify) or in the application's settings.\n";
    return kExitOk;
}

} // namespace

int runLearn(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Learns the reviewers' standard from a project's corrections and golden labels: per attribute a small "
        "logistic regression over the analysis engine's measured evidence, checked on held-out photos; an "
        "attribute gets a head only when it beats the engine there. The head is registered in the project as a "
        "new version; earlier versions stay listed (--list) and usable with --head."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("project file (.hqa)"));
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where to write the head (JSON)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("List the heads learned in this project and exit.")});
    parser.addOption({QStringLiteral("val"), QStringLiteral("Held-out share of the reviewed photos (default 0.2)."),
                      QStringLiteral("FRACTION"), QStringLiteral("0.2")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the held-out split (default 1)."), QStringLiteral("N"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("engine"), QStringLiteral("Whose assessments to learn on (default measures)."),
                      QStringLiteral("NAME"), QStringLiteral("measures")});
    parser.addOption({QStringLiteral("no-register"), QStringLiteral("Do not record the head in the project.")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    if (auto code = parseCommandLine(parser, QStringLiteral("learn"), args, out, err))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        err << "headshot-qa learn: expects exactly one PROJECT file\n";
        return kExitUsage;
    }
    const bool list = parser.isSet(QStringLiteral("list"));
    if (!list && !parser.isSet(QStringLiteral("out"))) {
        err << "headshot-qa learn: --out FILE is required (or --list)\n";
        return kExitUsage;
    }
    bool okVal = false, okSeed = false;
    HeadTrainingOptions options;
    options.validationFraction = parser.value(QStringLiteral("val")).toDouble(&okVal);
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&okSeed);
    if (!okVal || !okSeed || options.validationFraction <= 0 || options.validationFraction >= 1) {
        err << "headshot-qa learn: --val expects a fraction between 0 and 1 and --seed a whole number\n";
        return kExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err << "headshot-qa learn: --format must be text or json\n";
        return kExitUsage;
    }

    ProjectStore::OpenOptions openOptions;
    openOptions.access = (list || parser.isSet(QStringLiteral("no-register"))) ? ProjectStore::Access::ReadOnly
                                                                               : ProjectStore::Access::ReadWrite;
    auto store = ProjectStore::open(parser.positionalArguments().front(), openOptions);
    if (!store) {
        err << "headshot-qa learn: " << store.error().detail << "\n";
        return kExitSomeFailed;
    }
    if (list)
        return listVersions(**store, out, err);

    auto samples = correctionSamples(**store, parser.value(QStringLiteral("engine")));
    if (!samples) {
        err << "headshot-qa learn: " << samples.error().detail << "\n";
        return kExitSomeFailed;
    }
    if (samples->empty()) {
        err << "headshot-qa learn: the project has no corrected or verified photo with an assessment by "
            << parser.value(QStringLiteral("engine")) << " to learn from\n";
        return kExitSomeFailed;
    }
    auto trained = trainCorrectionsHead(*samples, options);
    if (!trained) {
        err << "headshot-qa learn: " << trained.error().detail << "\n";
        return kExitSomeFailed;
    }
    const auto& [head, report] = *trained;

    if (format == QLatin1String("json")) {
        QJsonObject o = head.toJson().value(QStringLiteral("report")).toObject();
        o[QStringLiteral("version")] = head.version();
        o[QStringLiteral("milliseconds")] = report.milliseconds;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << "Learned from " << report.photos << " reviewed photos (" << report.trainPhotos << " to train, "
            << report.heldOutPhotos << " held out) in " << QString::number(report.milliseconds, 'f', 0) << " ms\n\n";
        out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                   .arg(QStringLiteral("attribute"), -11)
                   .arg(QStringLiteral("train"), 6)
                   .arg(QStringLiteral("held"), 5)
                   .arg(QStringLiteral("engine%"), 8)
                   .arg(QStringLiteral("head%"), 6)
                   .arg(QStringLiteral("result"));
        for (int k = 0; k < kAttributeCount; ++k) {
            const AttributeHeadReport& r = report.attributes[size_t(k)];
            out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                       .arg(QString::fromLatin1(kAttributeKeys[size_t(k)].data(), qsizetype(kAttributeKeys[size_t(k)].size())), -11)
                       .arg(r.trainSamples, 6)
                       .arg(r.heldOutSamples, 5)
                       .arg(percent(r.accuracyBefore), 8)
                       .arg(percent(r.accuracyAfter), 6)
                       .arg((r.trained ? QStringLiteral("learned, ") : QStringLiteral("engine kept: ")) + r.note);
        }
    }
    if (head.empty()) {
        err << "headshot-qa learn: no attribute improved on the held-out photos; nothing written\n";
        return kExitSomeFailed;
    }
    const QString outPath = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
    if (auto e = head.save(outPath)) {
        err << "headshot-qa learn: " << e->detail << "\n";
        return kExitSomeFailed;
    }
    if (format == QLatin1String("text"))
        out << "\nWrote " << outPath << " (version " << head.version() << ")\n";
    if (!parser.isSet(QStringLiteral("no-register"))) {
        const QJsonObject metrics = head.toJson().value(QStringLiteral("report")).toObject();
        if (auto id = registerCorrectionsHead(**store, outPath, head.version(), metrics); !id) {
            err << "headshot-qa learn: the head was written but not registered: " << id.error().detail << "\n";
            return kExitSomeFailed;
        }
    }
    return kExitOk;
}

} // namespace hqa::core::cli

// `headshot-qa learn PROJECT.hqa --out HEAD.json` (or `--labels LABELS.csv`): the corrections head from a
// project's reviews or a label file, checked on held-out people.
#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/engine/BatchRunner.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "core/train/CorrectionsHead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <optional>

namespace hqa::cli {

using namespace core;

namespace {

QString percent(double v) { return std::isfinite(v) ? QString::number(100.0 * v, 'f', 1) : QStringLiteral("-"); }

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

/// Samples from a label file: the engine judges every row's photo, the row's label is the target. The person
/// is the `person` column where there is one, else the `group` column, else the photo's folder: the label
/// file is the only place that knows who is in a photo (this build has no face-identity model).
/// Where the people of a label file come from, as `learn` names it: its person column, else its group column, else
/// the photos' folders.
QString personSourceOf(const LabelSet& labels, qsizetype personColumn)
{
    const bool anyGroup = std::any_of(labels.rows.begin(), labels.rows.end(),
                                      [](const LabelRow& r) { return !r.group.isEmpty(); });
    return personColumn >= 0 ? QStringLiteral("the person column")
        : anyGroup           ? QStringLiteral("the group column")
                             : QStringLiteral("the photos' folders");
}

/// A reviewed photo for the trainer: its assessment, the row's label, its group and its person (person column,
/// else group, else folder).
CorrectionSample sampleOf(const LabelRow& row, const Assessment& a, qsizetype personColumn)
{
    CorrectionSample s;
    s.assessment = a;
    s.target = row.label;
    s.group = row.group.isEmpty() ? row.path : row.group;
    if (personColumn >= 0 && personColumn < row.extra.size() && !row.extra[personColumn].isEmpty())
        s.person = row.extra[personColumn];
    else if (!row.group.isEmpty())
        s.person = row.group;
    else
        s.person = QFileInfo(row.path).absolutePath();
    return s;
}

std::optional<std::vector<CorrectionSample>> labelSamples(const CommandLine& commandLine, const QString& labelsPath,
                                                          QString& personKind, QTextStream& err)
{
    auto options = readEngineOptions(commandLine, err);
    if (!options)
        return std::nullopt;
    auto labels = readLabelFile(labelsPath);
    if (!labels) {
        err << "headshot-qa learn: " << labels.error().detail << "\n";
        return std::nullopt;
    }
    const qsizetype personColumn = labels->extraColumns.indexOf(QStringLiteral("person"));
    personKind = personSourceOf(*labels, personColumn);
    QStringList files;
    for (const LabelRow& r : labels->rows)
        files << r.path;
    auto runner = BatchRunner::create(*options);
    if (!runner) {
        err << "headshot-qa learn: " << runner.error().detail << "\n";
        return std::nullopt;
    }
    std::vector<CorrectionSample> samples;
    int failed = 0;
    Progress progress(err, int(files.size()));
    (*runner)->run(files, [&](int i, const Assessment& a) {
        progress.step(a.file);
        if (a.ok())
            samples.push_back(sampleOf(labels->rows[size_t(i)], a, personColumn));
        else
            ++failed;
    });
    progress.finish();
    if (failed)
        err << "headshot-qa learn: " << failed << " photo(s) of " << labelsPath
            << " could not be assessed and are left out\n";
    return samples;
}

QString signedPercent(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    const QString s = QString::number(100.0 * v, 'f', 1);
    return v >= 0 ? QStringLiteral("+") + s : s;
}
/// What `learn` is asked to do, read from its options.
struct LearnRequest {
    bool fromLabels = false; ///< learn from a labels.csv instead of a project
    bool list = false; ///< only list the heads learned in the project
    bool registerHead = true; ///< record the head in the project (no --no-register)
    HeadTrainingOptions training;
    QString format; ///< text or json
};

/// The samples to learn from, where the people were taken from, and the open project (none with --labels).
struct LearnInput {
    std::unique_ptr<ProjectStore> store;
    std::vector<CorrectionSample> samples;
    QString personKind;
};

void addLearnOptions(CommandLine& commandLine)
{
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("project file (.hqa); none with --labels"));
    commandLine.addOption(
        {QStringLiteral("out"), QStringLiteral("Where to write the head (JSON)."), QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("list"), QStringLiteral("List the heads learned in this project and exit.")});
    commandLine.addOption({QStringLiteral("labels"),
                           QStringLiteral("Learn from this labels.csv instead of a project: the engine judges every "
                                          "photo; columns person or group say who is in it."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("folds"),
                           QStringLiteral("Folds of the held-out check over people (default 5)."), QStringLiteral("N"),
                           QStringLiteral("5")});
    commandLine.addOption({QStringLiteral("min-people"),
                           QStringLiteral("Different people that must be held out before a head may replace the engine "
                                          "(default 5)."),
                           QStringLiteral("N"), QStringLiteral("5")});
    commandLine.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the folds and the bootstrap (default 1)."),
                           QStringLiteral("N"), QStringLiteral("1")});
    addEngineOptions(
        commandLine); // --engine: whose assessments to learn on (project) or which engine judges (--labels)
    commandLine.addOption({QStringLiteral("no-register"), QStringLiteral("Do not record the head in the project.")});
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("text (default) or json."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")});
}

/// The options, checked in the order they are listed; nullopt after the first usage error.
std::optional<LearnRequest> readLearnRequest(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<LearnRequest> {
        commandLine.usageError(err, message);
        return std::nullopt;
    };
    LearnRequest request;
    request.fromLabels = commandLine.isSet(QStringLiteral("labels"));
    if (commandLine.positionals().size() != (request.fromLabels ? 0 : 1))
        return usage(request.fromLabels ? QStringLiteral("--labels takes no PROJECT")
                                        : QStringLiteral("expects exactly one PROJECT file (or --labels FILE)"));
    request.list = commandLine.isSet(QStringLiteral("list"));
    if (request.list && request.fromLabels)
        return usage(QStringLiteral("--list needs a PROJECT"));
    if (!request.list && !commandLine.isSet(QStringLiteral("out")))
        return usage(QStringLiteral("--out FILE is required (or --list)"));
    bool okFolds = false, okPeople = false, okSeed = false;
    HeadTrainingOptions& options = request.training;
    options.folds = commandLine.value(QStringLiteral("folds")).toInt(&okFolds);
    options.minHeldOutPeople = commandLine.value(QStringLiteral("min-people")).toInt(&okPeople);
    options.seed = commandLine.value(QStringLiteral("seed")).toULongLong(&okSeed);
    if (!okFolds || options.folds < 2 || options.folds > 100 || !okPeople || options.minHeldOutPeople < 2 || !okSeed)
        return usage(QStringLiteral("--folds expects 2 to 100, --min-people at least 2 and --seed a whole number"));
    request.format = commandLine.value(QStringLiteral("format"));
    if (request.format != QLatin1String("text") && request.format != QLatin1String("json"))
        return usage(QStringLiteral("--format must be text or json"));
    request.registerHead = !commandLine.isSet(QStringLiteral("no-register"));
    return request;
}

/// The samples of the --labels file; nullopt (after saying why) when there are none.
std::optional<LearnInput> labelInput(const CommandLine& commandLine, QTextStream& err)
{
    LearnInput input;
    const QString labelsPath = commandLine.value(QStringLiteral("labels"));
    auto samples = labelSamples(commandLine, labelsPath, input.personKind, err);
    if (!samples)
        return std::nullopt;
    if (samples->empty()) {
        err << "headshot-qa learn: no photo of " << labelsPath << " could be assessed\n";
        return std::nullopt;
    }
    input.samples = std::move(*samples);
    return input;
}

/// The project, read-only when nothing will be registered in it; nullptr (after saying why) when it cannot open.
std::unique_ptr<ProjectStore> openProject(const CommandLine& commandLine, const LearnRequest& request, QTextStream& err)
{
    ProjectStore::OpenOptions openOptions;
    openOptions.access = (request.list || !request.registerHead) ? ProjectStore::Access::ReadOnly
                                                                 : ProjectStore::Access::ReadWrite;
    auto opened = ProjectStore::open(commandLine.positionals().front(), openOptions);
    if (!opened) {
        err << "headshot-qa learn: " << opened.error().detail << "\n";
        return nullptr;
    }
    return std::move(*opened);
}

/// The project's corrected and verified photos assessed by --engine; false (after saying why) when there are none.
bool readProjectSamples(const CommandLine& commandLine, LearnInput& input, QTextStream& err)
{
    const QString engine = commandLine.value(QStringLiteral("engine"));
    auto samples = correctionSamples(*input.store, engine);
    if (!samples) {
        err << "headshot-qa learn: " << samples.error().detail << "\n";
        return false;
    }
    if (samples->empty()) {
        err << "headshot-qa learn: the project has no corrected or verified photo with an assessment by " << engine
            << " to learn from\n";
        return false;
    }
    input.samples = std::move(*samples);
    input.personKind = QStringLiteral("the photos' folders");
    return true;
}

void printReportJson(const CorrectionsHead& head, const HeadTrainingReport& report, const QString& personKind,
                     QTextStream& out)
{
    QJsonObject o = head.toJson().value(QStringLiteral("report")).toObject();
    o[QStringLiteral("version")] = head.version();
    o[QStringLiteral("milliseconds")] = report.milliseconds;
    o[QStringLiteral("person_key")] = personKind;
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

/// The per-attribute table of the held-out check, header included.
void printAttributeTable(const HeadTrainingReport& report, QTextStream& out)
{
    out << QStringLiteral("%1 %2 %3 %4 %5  %6  %7\n")
               .arg(QStringLiteral("attribute"), -11)
               .arg(QStringLiteral("photos"), 6)
               .arg(QStringLiteral("people"), 6)
               .arg(QStringLiteral("engine%"), 8)
               .arg(QStringLiteral("head%"), 6)
               .arg(QStringLiteral("gain in points [%1% interval]").arg(qRound(100 * report.confidence)), -30)
               .arg(QStringLiteral("result"));
    for (int k = 0; k < kAttributeCount; ++k) {
        const AttributeHeadReport& r = report.attributes[size_t(k)];
        const QString gain = std::isfinite(r.gain)
            ? QStringLiteral("%1 [%2, %3]")
                  .arg(signedPercent(r.gain), signedPercent(r.gainLow), signedPercent(r.gainHigh))
            : QStringLiteral("-");
        out << QStringLiteral("%1 %2 %3 %4 %5  %6  %7\n")
                   .arg(QString::fromLatin1(kAttributeKeys[size_t(k)].data(),
                                            qsizetype(kAttributeKeys[size_t(k)].size())),
                        -11)
                   .arg(r.heldOutSamples, 6)
                   .arg(r.heldOutPeople, 6)
                   .arg(percent(r.accuracyBefore), 8)
                   .arg(percent(r.accuracyAfter), 6)
                   .arg(gain, -30)
                   .arg(r.trained ? QStringLiteral("learned") : QStringLiteral("engine kept"));
    }
}

void printReportText(const HeadTrainingReport& report, const QString& personKind, QTextStream& out)
{
    out << "Learned from " << report.photos << " reviewed photos of " << report.people
        << " different people (people taken from " << personKind << ") in "
        << QString::number(report.milliseconds, 'f', 0) << " ms\n";
    if (report.folds > 0)
        out << "Held out by person: " << report.folds << " folds, each person's photos judged by a head that "
            << "learned from the other people only; interval: " << qRound(100 * report.confidence)
            << "% bootstrap over people\n\n";
    else
        out << "Only one person: nobody is left to hold out, so no head can be checked\n\n";
    printAttributeTable(report, out);
    out << "\n";
    for (int k = 0; k < kAttributeCount; ++k)
        out << kAttributeKeys[size_t(k)].data() << ": "
            << (report.attributes[size_t(k)].trained ? "learned, " : "engine kept: ")
            << report.attributes[size_t(k)].note << "\n";
}

/// Writes the head to --out and registers it in the project (when there is one and --no-register is not set).
int saveHead(const CorrectionsHead& head, const CommandLine& commandLine, const LearnRequest& request,
             ProjectStore* store, QTextStream& out, QTextStream& err)
{
    if (head.empty()) {
        err << "headshot-qa learn: no attribute beat the engine on held-out people by more than the noise; "
               "nothing written\n";
        return kExitSomeFailed;
    }
    const QString outPath = QFileInfo(commandLine.value(QStringLiteral("out"))).absoluteFilePath();
    if (auto e = head.save(outPath)) {
        err << "headshot-qa learn: " << e->detail << "\n";
        return kExitSomeFailed;
    }
    if (request.format == QLatin1String("text"))
        out << "\nWrote " << outPath << " (version " << head.version() << ")\n";
    if (store && request.registerHead) {
        const QJsonObject metrics = head.toJson().value(QStringLiteral("report")).toObject();
        if (auto id = registerCorrectionsHead(*store, outPath, head.version(), metrics); !id) {
            err << "headshot-qa learn: the head was written but not registered: " << id.error().detail << "\n";
            return kExitSomeFailed;
        }
    }
    return kExitOk;
}

/// Trains the head on the samples, prints the held-out report and saves the head.
int learnHead(const CommandLine& commandLine, const LearnRequest& request, const LearnInput& input, QTextStream& out,
              QTextStream& err)
{
    auto trained = trainCorrectionsHead(input.samples, request.training);
    if (!trained) {
        err << "headshot-qa learn: " << trained.error().detail << "\n";
        return kExitSomeFailed;
    }
    const auto& [head, report] = *trained;
    if (request.format == QLatin1String("json"))
        printReportJson(head, report, input.personKind, out);
    else
        printReportText(report, input.personKind, out);
    return saveHead(head, commandLine, request, input.store.get(), out, err);
}

} // namespace

int runLearn(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("learn"),
        QStringLiteral(
            "Learns the reviewers' standard from a project's corrections and golden labels (or from a labels.csv "
            "with --labels): per attribute a small logistic regression over the analysis engine's measured "
            "evidence. Every person's photos are held out together once (grouped k-fold over people; in a project "
            "the photo's folder stands for the person, in a labels.csv the person or group column) and an attribute "
            "gets a head only when at least --min-people different people were held out and the gain on them is "
            "larger than the noise (exact one-sided McNemar p < 0.025 over photos, the same sign test over people, "
            "the 95% people-bootstrap interval of the gain above zero, balanced accuracy not lower). A held-out photo "
            "unlike every photo the head learned from is left to the engine. The head is registered in the project as "
            "a "
            "new version; earlier versions stay listed "
            "(--list) and usable with --head."));
    addLearnOptions(commandLine);
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const auto request = readLearnRequest(commandLine, err);
    if (!request)
        return kExitUsage;

    if (request->fromLabels) {
        const auto input = labelInput(commandLine, err);
        return input ? learnHead(commandLine, *request, *input, out, err) : kExitSomeFailed;
    }
    LearnInput input;
    input.store = openProject(commandLine, *request, err);
    if (!input.store)
        return kExitSomeFailed;
    if (request->list)
        return listVersions(*input.store, out, err);
    if (!readProjectSamples(commandLine, input, err))
        return kExitSomeFailed;
    return learnHead(commandLine, *request, input, out, err);
}

} // namespace hqa::cli

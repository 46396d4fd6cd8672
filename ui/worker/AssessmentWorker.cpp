#include "ui/worker/AssessmentWorker.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace hqa::ui {

using namespace hqa::core;

namespace {

/// Details of the core that only restate the lead sentence of their code (checked in English and in the UI's
/// language, as the core translates them too).
QStringList restatements(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NoFace:
        return {QCoreApplication::translate("hqa::Engine", "no face found in the image"),
                QStringLiteral("no face found in the image"), QStringLiteral("no face found")};
    case ErrorCode::Unreadable:
        return {QStringLiteral("not an image")};
    default:
        return {};
    }
}

/// A detail fragment as a sentence of its own: leading separators and enclosing brackets dropped, a capital
/// first letter and a full stop.
QString asSentence(QString s)
{
    s = s.trimmed();
    while (!s.isEmpty() && QStringLiteral(":;,-").contains(s.front()))
        s = s.mid(1).trimmed();
    if (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')')) && s.count(QLatin1Char('(')) == 1)
        s = s.mid(1, s.size() - 2).trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s[0].toUpper();
    if (!QStringLiteral(".!?").contains(s.back()))
        s += QLatin1Char('.');
    return s;
}

} // namespace

QString errorSentence(const Error& error)
{
    QString lead;
    switch (error.code) {
    case ErrorCode::Unreadable:
        lead = QCoreApplication::translate("hqa::ui", "The file is not a readable image.");
        break;
    case ErrorCode::UnsupportedFormat:
        lead = QCoreApplication::translate("hqa::ui", "This image format is not supported.");
        break;
    case ErrorCode::TooLarge:
        lead = QCoreApplication::translate("hqa::ui", "The image is too large to open safely.");
        break;
    case ErrorCode::TooSmall:
        lead = QCoreApplication::translate("hqa::ui", "The image is too small to judge a headshot.");
        break;
    case ErrorCode::NoFace:
        lead = QCoreApplication::translate("hqa::ui", "No face was found in the photo.");
        break;
    case ErrorCode::Io:
        lead = QCoreApplication::translate("hqa::ui", "The file could not be read.");
        break;
    case ErrorCode::Model:
        lead = QCoreApplication::translate("hqa::ui", "The assessment model could not be loaded.");
        break;
    case ErrorCode::InvalidArgument:
        lead = QCoreApplication::translate("hqa::ui", "The request was not valid.");
        break;
    case ErrorCode::Cancelled:
        lead = QCoreApplication::translate("hqa::ui", "The assessment was cancelled.");
        break;
    }
    // The core's detail is a lower-case fragment for the command line ("no face found in the image"): drop what
    // only repeats the lead and write the rest as a sentence of its own.
    QString detail = error.detail.trimmed();
    for (const QString& r : restatements(error.code))
        if (!r.isEmpty() && detail.startsWith(r, Qt::CaseInsensitive)) {
            detail = detail.mid(r.size());
            break;
        }
    detail = asSentence(detail);
    if (detail.isEmpty() || lead.contains(detail.chopped(1), Qt::CaseInsensitive))
        return lead;
    return lead + QLatin1Char(' ') + detail;
}

AssessmentWorker::AssessmentWorker() = default;
AssessmentWorker::~AssessmentWorker() = default;

void AssessmentWorker::configure(const EngineOptions& options)
{
    m_engine.reset();
    m_engineError.reset();
    auto engine = makeEngine(options);
    if (!engine) {
        m_engineError = engine.error();
        Q_EMIT engineError(errorSentence(engine.error()));
        return;
    }
    m_engine = std::move(engine.value());
}

void AssessmentWorker::openProject(const QString& path)
{
    m_store.reset();
    if (path.isEmpty())
        return;
    auto store = ProjectStore::open(path);
    if (!store) {
        Q_EMIT engineError(errorSentence(store.error()));
        return;
    }
    m_store = std::move(store.value());
}

void AssessmentWorker::addPhotos(quint64 batchId, const QStringList& files)
{
    QList<qint64> ids;
    QStringList errors, sameFiles, keptPaths;
    for (const QString& file : files) {
        if (!m_store) {
            ids << 0;
            errors << tr("No project is open.");
            continue;
        }
        // Files that are not images stay in the project as photos (their assessment says why), so that a reopened
        // project still lists every file the reviewer gave it.
        auto added = m_store->addPhoto(file, true);
        ids << (added ? added->id : 0);
        errors << (added ? QString() : errorSentence(added.error()));
        // The same content under another name is one photo in the store: say which file it is.
        if (added && added->outcome == AddPhotoResult::Outcome::AlreadyKnown) {
            auto record = m_store->photo(added->id);
            const QString here = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
            if (record && *record && (*record)->path != here) {
                sameFiles << file;
                keptPaths << (*record)->path;
            }
        }
    }
    if (!sameFiles.isEmpty())
        Q_EMIT sameContent(batchId, sameFiles, keptPaths);
    Q_EMIT photosAdded(batchId, ids, files, errors);
}

void AssessmentWorker::runBatch(quint64 batchId, const QList<qint64>& ids, const QStringList& paths)
{
    // A cancel aimed at an earlier batch must not stop this one.
    m_cancel.store(false);
    if (!m_engine) {
        // A configuration error is not a verdict on any photo: store nothing, keep the verdicts, say why.
        const Error error = m_engineError.value_or(makeError(ErrorCode::Model, QString()));
        Q_EMIT engineError(
            tr("Nothing was assessed, the verdicts are kept: %1 Check Edit > Preferences.").arg(errorSentence(error)));
        Q_EMIT batchFinished(batchId, true);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    const int total = int(paths.size());
    int done = 0;
    bool cancelled = false;
    for (int i = 0; i < total; ++i) {
        if (m_cancel.load()) {
            cancelled = true;
            break;
        }
        AssessmentResult result;
        result.photoId = i < ids.size() ? ids[i] : 0;
        result.path = paths[i];
        result.assessment = assessFile(*m_engine, paths[i]);
        if (result.assessment.error)
            result.errorText = errorSentence(*result.assessment.error);
        if (m_store && result.photoId > 0 && !m_store->isReadOnly()) {
            auto stored = m_store->addAssessment(result.photoId, result.assessment);
            if (!stored && result.errorText.isEmpty())
                result.errorText = errorSentence(stored.error());
        }
        ++done;
        Q_EMIT resultReady(batchId, result);
        const double seconds = clock.elapsed() / 1000.0;
        Q_EMIT progress(batchId, BatchProgress{done, total, seconds > 0 ? done / seconds : 0});
    }
    Q_EMIT batchFinished(batchId, cancelled);
}

} // namespace hqa::ui

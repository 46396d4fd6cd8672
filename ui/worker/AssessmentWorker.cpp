#include "ui/worker/AssessmentWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace hqa::ui {

using namespace hqa::core;

QString errorSentence(const Error& error)
{
    QString lead;
    switch (error.code) {
    case ErrorCode::Unreadable: lead = QCoreApplication::translate("hqa::ui", "The file is not a readable image."); break;
    case ErrorCode::UnsupportedFormat: lead = QCoreApplication::translate("hqa::ui", "This image format is not supported."); break;
    case ErrorCode::TooLarge: lead = QCoreApplication::translate("hqa::ui", "The image is too large to open safely."); break;
    case ErrorCode::TooSmall: lead = QCoreApplication::translate("hqa::ui", "The image is too small to judge a headshot."); break;
    case ErrorCode::NoFace: lead = QCoreApplication::translate("hqa::ui", "No face was found in the photo."); break;
    case ErrorCode::Io: lead = QCoreApplication::translate("hqa::ui", "The file could not be read."); break;
    case ErrorCode::Model: lead = QCoreApplication::translate("hqa::ui", "The assessment model could not be loaded."); break;
    case ErrorCode::InvalidArgument: lead = QCoreApplication::translate("hqa::ui", "The request was not valid."); break;
    case ErrorCode::Cancelled: lead = QCoreApplication::translate("hqa::ui", "The assessment was cancelled."); break;
    }
    if (error.detail.isEmpty())
        return lead;
    return lead + QLatin1Char(' ') + error.detail;
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
    QStringList errors;
    for (const QString& file : files) {
        if (!m_store) {
            ids << 0;
            errors << tr("No project is open.");
            continue;
        }
        auto added = m_store->addPhoto(file);
        ids << (added ? added->id : 0);
        errors << (added ? QString() : errorSentence(added.error()));
    }
    Q_EMIT photosAdded(batchId, ids, files, errors);
}

void AssessmentWorker::runBatch(quint64 batchId, const QList<qint64>& ids, const QStringList& paths)
{
    // A cancel aimed at an earlier batch must not stop this one.
    m_cancel.store(false);
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
        if (m_engine) {
            result.assessment = assessFile(*m_engine, paths[i]);
        } else {
            result.assessment.file = paths[i];
            result.assessment.error = m_engineError.value_or(makeError(ErrorCode::Model, QString()));
        }
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

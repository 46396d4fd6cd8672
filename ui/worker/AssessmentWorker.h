#pragma once
// Assessment off the GUI thread: one worker object lives on its own QThread and owns the engine and its own
// project-store connection (stores are per-thread). Jobs arrive as queued invocations; results leave as value
// structs over queued signals tagged with the batch id, so the GUI can drop answers to batches it abandoned.

#include "core/Assessment.h"
#include "core/engine/Engine.h"
#include "core/store/ProjectStore.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace hqa::ui {

struct AssessmentResult {
    hqa::core::PhotoId photoId = 0;
    QString path;
    hqa::core::Assessment assessment;
    QString errorText; ///< empty when assessed; otherwise a sentence for the user
};

struct BatchProgress {
    int done = 0;
    int total = 0;
    double imagesPerSecond = 0;
};

/// A sentence for the user describing a core error ("The file is not a readable image: ...").
QString errorSentence(const hqa::core::Error& error);

class AssessmentWorker : public QObject {
    Q_OBJECT
public:
    AssessmentWorker();
    ~AssessmentWorker() override;

    /// Thread-safe: asks the running batch to stop before its next image.
    void requestCancel() { m_cancel.store(true); }

public Q_SLOTS:
    /// (Re)creates the engine; a failure is reported through engineError and later images fail with it.
    void configure(const hqa::core::EngineOptions& options);
    /// Opens this thread's connection to the project (empty path: none).
    void openProject(const QString& path);
    /// Adds files to the project (hashing happens here, not on the GUI thread); answers with photosAdded.
    void addPhotos(quint64 batchId, const QStringList& files);
    /// Assesses the photos in order, storing each assessment; stops early when cancelled.
    void runBatch(quint64 batchId, const QList<qint64>& ids, const QStringList& paths);

Q_SIGNALS:
    /// ids[i] is 0 where files[i] could not be added; errors[i] then says why.
    void photosAdded(quint64 batchId, const QList<qint64>& ids, const QStringList& files, const QStringList& errors);
    /// files[i] has the same content as the project's photo at keptPaths[i] (one photo per content): sent before
    /// photosAdded, whose id for files[i] is that photo's.
    void sameContent(quint64 batchId, const QStringList& files, const QStringList& keptPaths);
    void resultReady(quint64 batchId, const hqa::ui::AssessmentResult& result);
    void progress(quint64 batchId, const hqa::ui::BatchProgress& progress);
    void batchFinished(quint64 batchId, bool cancelled);
    void engineError(const QString& text);

private:
    std::unique_ptr<hqa::core::Engine> m_engine;
    std::optional<hqa::core::Error> m_engineError;
    std::unique_ptr<hqa::core::ProjectStore> m_store;
    std::atomic<bool> m_cancel{false};
};

} // namespace hqa::ui

Q_DECLARE_METATYPE(hqa::ui::AssessmentResult)
Q_DECLARE_METATYPE(hqa::ui::BatchProgress)
Q_DECLARE_METATYPE(hqa::core::EngineOptions)

#pragma once
// Tools > Learn from corrections: trains a small per-attribute head from the project's corrections and golden
// labels on a worker thread (progress, Cancel), shows accuracy before/after per attribute on held-out people with
// the held-out size (photos and people) and the gain's 95% interval, says why the engine keeps judging an
// attribute (too few people, a gain within the noise), and makes the new head active only when the user accepts
// it (registered in the store as a new model version, setting engine/head). Earlier versions can be made active
// again from the version list.
// When the active engine is "swin" or "fused", a second page fine-tunes the model's six heads on the same
// corrections and golden labels (what `headshot-qa train --from-project` does) on a worker thread with progress
// and Cancel, shows the current and the new model's accuracy on held-out people, registers the new version in
// the project and makes it the active model (engine/model) only when the user accepts it, which is offered only
// when it beats the current one there. Without a model file it says so and offers nothing.

#include "core/store/ProjectStore.h"
#include "ui/training/HeadTraining.h"
#include "ui/training/NetworkFineTune.h"

#include <QDialog>

#include <atomic>
#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QThread;

namespace hqa::ui {

class LearnDialog : public QDialog {
    Q_OBJECT
public:
    LearnDialog(hqa::core::ProjectStore* store, QWidget* parent = nullptr,
                HeadTrainingFunction train = defaultHeadTraining(),
                NetworkFineTuneFunction fineTune = defaultNetworkFineTune());
    ~LearnDialog() override;

    bool isTraining() const { return m_thread != nullptr; }
    /// The finished run's outcome, if any.
    const std::optional<HeadTrainingOutcome>& outcome() const { return m_outcome; }
    QTableWidget* figuresTable() const { return m_table; }
    QListWidget* versionList() const { return m_versions; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* useButton() const { return m_use; }
    QPushButton* restoreButton() const { return m_restore; }
    QLabel* statusLabel() const { return m_status; }
    /// Why "Use the new head" is not offered (empty when it is).
    QLabel* useReasonLabel() const { return m_useWhy; }
    /// The line that says what a "-" cell means.
    QLabel* legendLabel() const { return m_legend; }
    QTabWidget* pages() const { return m_pages; }

    // The network page (nullptr when the active engine is not swin or fused).
    QWidget* fineTunePage() const { return m_ftPage; }
    bool isFineTuning() const { return m_ftThread != nullptr; }
    const std::optional<NetworkFineTuneOutcome>& fineTuneOutcome() const { return m_ftOutcome; }
    QPushButton* fineTuneButton() const { return m_ftStart; }
    QPushButton* cancelFineTuneButton() const { return m_ftCancel; }
    QPushButton* acceptModelButton() const { return m_ftAccept; }
    QProgressBar* fineTuneProgressBar() const { return m_ftProgress; }
    QLabel* fineTuneStatusLabel() const { return m_ftStatus; }
    QLabel* acceptReasonLabel() const { return m_ftWhy; }
    QTableWidget* fineTuneTable() const { return m_ftTable; }
    /// The model file the page fine-tunes (engine/model when the dialog opened).
    QString baseModel() const { return m_baseModel; }
    /// Project id of the version the last finished run registered (0: none).
    qint64 registeredModelId() const { return m_ftRegistered; }

public Q_SLOTS:
    void startTraining();
    void cancelTraining();
    /// Registers the trained head as a new model version and makes it active (engine/head).
    bool useNewHead();
    /// Makes the selected earlier version active again.
    bool restoreSelected();
    void reject() override;

    void startFineTune();
    void cancelFineTune();
    /// Makes the fine-tuned version the active model (engine/model); only when it beat the current one.
    bool acceptFineTuned();

Q_SIGNALS:
    void epochFinished(int epoch, double trainLoss, double valLoss, double valMetric);
    void trainingFinished(bool ok);
    /// engine/head changed: the main window re-reads its settings.
    void headChanged();
    void fineTuneProgressed(int done, int total);
    void fineTuneFinished(bool ok);
    /// engine/model (and for "fused", engine/name) changed: the main window re-reads its settings.
    void modelChanged();

private:
    void onFinished(const hqa::core::Expected<HeadTrainingOutcome>& result);
    void fillVersions();
    void showOutcome(const HeadTrainingOutcome& outcome);
    void buildFineTunePage();
    void onFineTuneFinished(const hqa::core::Expected<NetworkFineTuneOutcome>& result);
    void showFineTuneOutcome(const NetworkFineTuneOutcome& outcome);
    bool registerFineTuned(const NetworkFineTuneOutcome& outcome);

    hqa::core::ProjectStore* m_store;
    HeadTrainingFunction m_train;
    std::atomic_bool m_cancelRequested{false};
    QThread* m_thread = nullptr;
    std::optional<HeadTrainingOutcome> m_outcome;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QListWidget* m_versions = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_use = nullptr;
    QPushButton* m_restore = nullptr;
    QLabel* m_useWhy = nullptr;
    QLabel* m_legend = nullptr;
    QTabWidget* m_pages = nullptr;

    NetworkFineTuneFunction m_fineTune;
    QString m_engineName, m_baseModel;
    std::atomic_bool m_ftCancelRequested{false};
    QThread* m_ftThread = nullptr;
    std::optional<NetworkFineTuneOutcome> m_ftOutcome;
    qint64 m_ftRegistered = 0;
    QWidget* m_ftPage = nullptr;
    QLabel* m_ftStatus = nullptr;
    QLabel* m_ftWhy = nullptr;
    QProgressBar* m_ftProgress = nullptr;
    QTableWidget* m_ftTable = nullptr;
    QPushButton* m_ftStart = nullptr;
    QPushButton* m_ftCancel = nullptr;
    QPushButton* m_ftAccept = nullptr;
};

/// Sizes a table's height to all its rows (no row cut off, no vertical scroll bar); call after a change.
void fitTableToRows(QTableWidget* table);

} // namespace hqa::ui

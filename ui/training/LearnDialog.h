#pragma once
// Tools > Learn from corrections: trains a small per-attribute head from the project's corrections and golden
// labels on a worker thread (progress, Cancel), shows accuracy before/after per attribute on held-out people with
// the held-out size (photos and people) and the gain's 95% interval, says why the engine keeps judging an
// attribute (too few people, a gain within the noise), and makes the new head active only when the user accepts
// it (registered in the store as a new model version, setting engine/head). Earlier versions can be made active
// again from the version list.

#include "core/store/ProjectStore.h"
#include "ui/training/HeadTraining.h"

#include <QDialog>

#include <atomic>
#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace hqa::ui {

class LearnDialog : public QDialog {
    Q_OBJECT
public:
    LearnDialog(hqa::core::ProjectStore* store, QWidget* parent = nullptr,
                HeadTrainingFunction train = defaultHeadTraining());
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

public Q_SLOTS:
    void startTraining();
    void cancelTraining();
    /// Registers the trained head as a new model version and makes it active (engine/head).
    bool useNewHead();
    /// Makes the selected earlier version active again.
    bool restoreSelected();
    void reject() override;

Q_SIGNALS:
    void epochFinished(int epoch, double trainLoss, double valLoss, double valMetric);
    void trainingFinished(bool ok);
    /// engine/head changed: the main window re-reads its settings.
    void headChanged();

private:
    void onFinished(const hqa::core::Expected<HeadTrainingOutcome>& result);
    void fillVersions();
    void showOutcome(const HeadTrainingOutcome& outcome);

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
};

} // namespace hqa::ui

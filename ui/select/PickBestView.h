#pragma once
// "Pick best": best-face selection for a folder, a list of photos or a video, shown per group as a ranking
// (thumbnail, score, the paper's features and the six attribute scores), the winner highlighted with why it won,
// and its standard crop. Collection and ranking run on a worker thread; the GUI thread only displays.

#include "core/select/FaceCollector.h"
#include "core/select/SelectionMethods.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <array>
#include <atomic>
#include <map>
#include <memory>

class QComboBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace hqa::ui {

class PickBestView : public QWidget {
    Q_OBJECT
public:
    explicit PickBestView(QWidget* parent = nullptr);
    ~PickBestView() override;

    /// One group's faces with every method's ranking, thumbnails of the faces shown and each method's crop.
    struct GroupResult {
        QString name;
        std::vector<core::FaceCandidate> faces;
        std::array<core::Ranking, 4> rankings; ///< indexed by SelectMethod
        std::map<int, QImage> thumbnails; ///< by face index (the top of every ranking)
        std::array<QImage, 4> crops; ///< the winner's standard crop per method (null when impossible)
        std::array<QStringList, 4> cropNotes;
        /// Median face-appearance distance between the group's photos (-1 when not measured: videos, one face).
        /// Above kMixedPeopleDistance the photos probably show different people, ranked as one.
        double appearanceSpread = -1;
        bool mixedPeople = false;
    };

    bool isRunning() const { return m_thread != nullptr; }
    core::SelectMethod method() const;
    void setMethod(core::SelectMethod method);
    /// What is on screen: the groups of the last finished run, the group shown, its crop.
    const std::vector<GroupResult>& groups() const { return m_groups; }
    int currentGroup() const;
    QImage currentCrop() const;

public Q_SLOTS:
    /// A folder, photo files or a video: starts a selection run (cancelling one that is under way).
    void setInputs(const QStringList& paths);
    void cancel();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

Q_SIGNALS:
    /// Emitted on the GUI thread when a run ends: ok false when it failed or was cancelled (message says why).
    void selectionFinished(bool ok, const QString& message);

private:
    void start();
    void finish(std::shared_ptr<std::vector<GroupResult>> groups, const QString& error, bool cancelled);
    void showGroup();
    void saveCrop();
    void chooseFolder();
    void choosePhotos();
    void chooseVideo();

    QStringList m_inputs;
    std::vector<GroupResult> m_groups;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QComboBox* m_methodBox = nullptr;
    QComboBox* m_groupBox = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_crop = nullptr;
    QLabel* m_why = nullptr;
    QLabel* m_peopleWarning = nullptr;
};

} // namespace hqa::ui

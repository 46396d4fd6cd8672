#pragma once
// The review application's main window: thumbnail grid, viewer, attribute panel, assessment progress. Other
// modes (golden set, dashboard, training, settings) plug in through the public hook points below.

#include "core/store/ProjectStore.h"

#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QUrl;
class QLabel;
class QListView;
class QMenu;
class QProgressBar;
class QPushButton;
class QComboBox;
class QTabWidget;
class QThread;
class QElapsedTimer;

namespace hqa::ui {

class PhotoListModel;
class PhotoFilterModel;
class PhotoViewer;
class PhotoDelegate;
class AttributePanel;
class AssessmentWorker;
struct AssessmentResult;
struct BatchProgress;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Hook points for the other modes ------------------------------------------------------------------------
    /// The open project, or nullptr when none is open. Lives on the GUI thread.
    hqa::core::ProjectStore* store() const;
    /// Central tabs; the "Review" page is the first tab.
    QTabWidget* modeTabs() const;
    QMenu* toolsMenu() const;
    QMenu* viewMenu() const;
    QMenu* editMenu() const;
    /// Absolute paths of the photos selected in the grid.
    QStringList selectedFiles() const;

    // Used by the application entry point and tests ----------------------------------------------------------
    /// Opens or creates a project file (.hqa); false with a status message on failure.
    bool openProject(const QString& path, bool create);
    /// Adds files and folders (recursively) to the project and assesses them; opens the default project when
    /// none is open. Project files (.hqa) in the list are opened instead.
    void addPaths(const QStringList& paths);
    /// Assesses the given photos of the project (all not yet assessed when empty).
    void assessPhotos(const QList<hqa::core::PhotoId>& ids);
    void cancelAssessment();
    bool isAssessing() const;
    PhotoListModel* photoModel() const { return m_model; }
    PhotoFilterModel* filterModel() const { return m_filter; }
    QListView* gridView() const { return m_grid; }
    PhotoViewer* viewer() const { return m_viewer; }
    AttributePanel* attributePanel() const { return m_panel; }
    QProgressBar* progressBar() const { return m_progress; }
    /// Where a project is created when photos are dropped with none open.
    static QString defaultProjectPath();
    /// The folder projects live in by default (the default project's); File > Open project starts there.
    static QString projectsFolder();

    // Projects across sessions ---------------------------------------------------------------------------------
    /// What "headshot-qa gui" with no paths does: reopens the project opened last (QSettings "project/recent"),
    /// or the default project when no project was ever opened but it exists. False with a status message when
    /// the last project is gone or cannot be opened; false and silent when there is nothing to reopen.
    bool reopenLastProject();
    /// Projects opened, most recent first (absolute paths, at most kMaxRecentProjects).
    static QStringList recentProjects();
    static constexpr int kMaxRecentProjects = 8;
    /// File > Recent projects (rebuilt each time it is shown and after each project is opened).
    QMenu* recentProjectsMenu() const { return m_recentMenu; }
    /// Copies the open project to path (a consistent snapshot, safe while it is open) and works on in the copy;
    /// false with a status message when nothing was copied.
    bool saveProjectAs(const QString& path);
    /// Copies the open project to path and works on in the open one.
    bool copyProjectTo(const QString& path);
    /// Opens the folder of the current photo in the file manager.
    void revealSelectedInFolder();
    /// Test seam: when set, called instead of QDesktopServices::openUrl (Reveal in folder).
    static std::function<bool(const QUrl&)>& openUrlHook();

    // Grid ------------------------------------------------------------------------------------------------------
    /// "5 of 25 shown" beside the filter.
    QLabel* shownCountLabel() const { return m_shownCount; }
    /// The text over the grid when it shows no photo (a filter matches nothing, or the project is empty).
    QLabel* emptyGridLabel() const { return m_emptyGrid; }
    /// Side of the thumbnails in pixels (View > Thumbnail size; kept in QSettings "grid/thumbnailSize").
    int thumbnailSize() const;
    void setThumbnailSize(int side);

public Q_SLOTS:
    /// Reloads rows and badges after someone else changed the store.
    void refreshFromStore();
    /// Re-reads QSettings (engine, model, thresholds, reviewer) and restarts the worker's engine.
    void applySettings();

Q_SIGNALS:
    void projectOpened();
    void assessmentsChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private Q_SLOTS:
    void onResult(quint64 batchId, const hqa::ui::AssessmentResult& result);
    void onProgress(quint64 batchId, const hqa::ui::BatchProgress& progress);
    void onBatchFinished(quint64 batchId, bool cancelled);
    void onPhotosAdded(quint64 batchId, const QList<qint64>& ids, const QStringList& files, const QStringList& errors);
    void onSameContent(quint64 batchId, const QStringList& files, const QStringList& keptPaths);
    void onCurrentChanged();
    void flipVerdict(int attributeIndex);
    void acceptAll();
    void undo();
    void redo();
    void moveBy(int delta);

private:
    void buildMenus();
    void buildReviewPage();
    void updateActions();
    void showShortcuts();
    void chooseFiles();
    void chooseFolder();
    void newProject();
    void openProjectDialog();
    /// Asks where to save a copy of the open project (".hqa" added when missing); empty when cancelled or
    /// when no project is open (then `nothingOpen` goes to the status bar).
    QString askProjectTarget(const QString& title, const QString& nothingOpen);
    void saveProjectAsDialog();
    void copyProjectToDialog();
    void rebuildRecentMenu();
    /// Puts path first in the recent projects.
    static void rememberProject(const QString& path);
    /// The "N of M shown" count and the empty-grid text, after every change of the rows shown.
    void updateGridInfo();
    hqa::core::PhotoId currentPhoto() const;
    void showStatus(const QString& text);
    /// Undo (back) or redo one step of the shared corrections/golden-label history.
    void stepHistory(bool back);
    /// The mode tabs besides Review (golden set, metrics, pick best), the dialogs opened from the menus
    /// (preferences, export picks, learn from corrections), the cull and compare actions (MainWindowModes.cpp).
    void installModes();

    std::unique_ptr<hqa::core::ProjectStore> m_store;
    QTabWidget* m_tabs = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_toolsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_thumbnailSizes = nullptr;
    PhotoDelegate* m_delegate = nullptr;
    QLabel* m_shownCount = nullptr;
    QLabel* m_emptyGrid = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    PhotoListModel* m_model = nullptr;
    PhotoFilterModel* m_filter = nullptr;
    QListView* m_grid = nullptr;
    QComboBox* m_filterBox = nullptr;
    QComboBox* m_sortBox = nullptr;
    PhotoViewer* m_viewer = nullptr;
    AttributePanel* m_panel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_rateLabel = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QThread* m_workerThread = nullptr;
    AssessmentWorker* m_worker = nullptr;
    quint64 m_batchId = 0;
    int m_batchErrors = 0;
    int m_pendingErrors = 0; ///< files of the batch that could not even be added (counted with its errors)
    QLabel* m_notice = nullptr; ///< stays until the next drop: which dropped files were the same photo
    bool m_assessing = false;
    QString m_reviewer;
};

} // namespace hqa::ui

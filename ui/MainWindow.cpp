#include "ui/MainWindow.h"
#include "ui/DropPaths.h"

#include "core/image/ImageDecoder.h"
#include "ui/grid/PhotoDelegate.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/panel/AttributePanel.h"
#include "ui/viewer/PhotoViewer.h"
#include "ui/worker/AssessmentWorker.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace hqa::ui {

using namespace hqa::core;

namespace {
const QString kProjectSuffix = QStringLiteral("hqa");

QSettings appSettings() { return QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa")); }

const QString kRecentProjectsKey = QStringLiteral("project/recent");
const QString kThumbnailSizeKey = QStringLiteral("grid/thumbnailSize");
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    qRegisterMetaType<AssessmentResult>();
    qRegisterMetaType<BatchProgress>();
    qRegisterMetaType<EngineOptions>();
    qRegisterMetaType<QList<qint64>>();
    setWindowTitle(tr("Headshot QA"));
    setAcceptDrops(true);
    resize(1400, 860);

    m_model = new PhotoListModel(this);
    m_filter = new PhotoFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->sort(0);

    m_tabs = new QTabWidget(this);
    setCentralWidget(m_tabs);
    buildReviewPage();

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(260);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setVisible(false);
    m_rateLabel = new QLabel(this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelAssessment);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    m_workerThread = new QThread(this);
    m_workerThread->setObjectName(QStringLiteral("assessment"));
    m_worker = new AssessmentWorker;
    m_worker->moveToThread(m_workerThread);
    connect(m_workerThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AssessmentWorker::photosAdded, this, &MainWindow::onPhotosAdded);
    connect(m_worker, &AssessmentWorker::sameContent, this, &MainWindow::onSameContent);
    connect(m_worker, &AssessmentWorker::resultReady, this, &MainWindow::onResult);
    connect(m_worker, &AssessmentWorker::progress, this, &MainWindow::onProgress);
    connect(m_worker, &AssessmentWorker::batchFinished, this, &MainWindow::onBatchFinished);
    connect(m_worker, &AssessmentWorker::engineError, this, &MainWindow::showStatus);
    m_workerThread->start();

    buildMenus();
    setThumbnailSize(appSettings().value(kThumbnailSizeKey, PhotoDelegate::kMediumThumbnails).toInt());
    applySettings();
    updateActions();
    showStatus(tr("Drop photos or folders anywhere on this window, or use File > Open files (Ctrl+O)."));
    installModes();
}

MainWindow::~MainWindow()
{
    m_worker->requestCancel();
    m_workerThread->quit();
    m_workerThread->wait();
}

ProjectStore* MainWindow::store() const { return m_store.get(); }
QTabWidget* MainWindow::modeTabs() const { return m_tabs; }
QMenu* MainWindow::toolsMenu() const { return m_toolsMenu; }
QMenu* MainWindow::viewMenu() const { return m_viewMenu; }
QMenu* MainWindow::editMenu() const { return m_editMenu; }

QStringList MainWindow::selectedFiles() const
{
    QStringList files;
    for (const QModelIndex& i : m_grid->selectionModel()->selectedIndexes())
        files << i.data(PhotoListModel::PathRole).toString();
    return files;
}

QString MainWindow::defaultProjectPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("default.hqa"));
}

QString MainWindow::projectsFolder() { return QFileInfo(defaultProjectPath()).absolutePath(); }

QStringList MainWindow::recentProjects()
{
    QStringList recent = appSettings().value(kRecentProjectsKey).toStringList();
    recent.removeAll(QString());
    recent.removeDuplicates();
    return recent.mid(0, kMaxRecentProjects);
}

void MainWindow::rememberProject(const QString& path)
{
    QStringList recent = recentProjects();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings settings = appSettings();
    settings.setValue(kRecentProjectsKey, recent.mid(0, kMaxRecentProjects));
    settings.sync();
}

bool MainWindow::reopenLastProject()
{
    const QStringList recent = recentProjects();
    // Before the recent list existed, the work went into the default project: that is the last one then.
    const QString last = !recent.isEmpty()        ? recent.front()
        : QFileInfo::exists(defaultProjectPath()) ? defaultProjectPath()
                                                  : QString();
    if (last.isEmpty())
        return false;
    if (!QFileInfo(last).isFile()) {
        showStatus(tr("The last project, %1, is no longer there. Open another with File > Open project or "
                      "File > Recent projects.")
                       .arg(QDir::toNativeSeparators(last)));
        return false;
    }
    if (!openProject(last, false))
        return false; // openProject said why
    if (!m_grid->selectionModel()->hasSelection() && m_filter->rowCount() > 0)
        m_grid->setCurrentIndex(m_filter->index(0, 0));
    showStatus(tr("Reopened the last project, %1, with %n photo(s).", nullptr, m_model->rowCount())
                   .arg(QDir::toNativeSeparators(QFileInfo(last).absoluteFilePath())));
    return true;
}

void MainWindow::rebuildRecentMenu()
{
    // The entries are rebuilt from one of their own triggered() signals (opening a project, "Clear list"): delete
    // them later, not under the signal.
    for (QAction* old : m_recentMenu->actions()) {
        m_recentMenu->removeAction(old);
        old->setParent(nullptr);
        old->deleteLater();
    }
    const QStringList recent = recentProjects();
    int n = 0;
    for (const QString& path : recent) {
        const QFileInfo info(path);
        const bool there = info.isFile();
        ++n;
        QString text = tr("&%1 %2  (%3)").arg(n).arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
        if (!there)
            text += QLatin1Char(' ') + tr("– missing");
        QAction* a = m_recentMenu->addAction(text);
        a->setData(path);
        a->setEnabled(there); // greyed out: a moved or deleted project, kept until the list is cleared
        a->setToolTip(there ? QDir::toNativeSeparators(path)
                            : tr("%1 is no longer there (moved or deleted).").arg(QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path] {
            if (!QFileInfo(path).isFile()) {
                QStringList left = recentProjects();
                left.removeAll(path);
                QSettings settings = appSettings();
                settings.setValue(kRecentProjectsKey, left);
                showStatus(tr("%1 is no longer there; it was removed from the recent projects.")
                               .arg(QDir::toNativeSeparators(path)));
                rebuildRecentMenu();
                return;
            }
            openProject(path, false);
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        QSettings settings = appSettings();
        settings.remove(kRecentProjectsKey);
        settings.sync();
        rebuildRecentMenu();
        showStatus(tr("The list of recent projects was cleared (the projects themselves were not touched)."));
    });
    clear->setObjectName(QStringLiteral("clearRecentProjects"));
    clear->setEnabled(!recent.isEmpty());
}

std::function<bool(const QUrl&)>& MainWindow::openUrlHook()
{
    static std::function<bool(const QUrl&)> hook;
    return hook;
}

void MainWindow::revealSelectedInFolder()
{
    const QModelIndex current = m_grid->currentIndex();
    if (!current.isValid()) {
        showStatus(tr("Select a photo first: Reveal in folder opens the folder that holds it."));
        return;
    }
    const QString file = current.data(PhotoListModel::PathRole).toString();
    const QString folder = QFileInfo(file).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        showStatus(tr("The folder of %1 no longer exists: %2")
                       .arg(QFileInfo(file).fileName(), QDir::toNativeSeparators(folder)));
        return;
    }
    const QUrl url = QUrl::fromLocalFile(folder);
    const auto& hook = openUrlHook();
    const bool opened = hook ? hook(url) : QDesktopServices::openUrl(url);
    showStatus(
        opened ? tr("Opened the folder %1, which holds %2.")
                     .arg(QDir::toNativeSeparators(folder), QFileInfo(file).fileName())
               : tr("Could not open the folder %1: no file manager answered.").arg(QDir::toNativeSeparators(folder)));
}

bool MainWindow::copyProjectTo(const QString& path)
{
    if (!m_store) {
        showStatus(tr("No project is open: there is nothing to copy."));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (auto error = m_store->copyTo(absolute)) {
        showStatus(
            tr("The project was not copied to %1: %2").arg(QDir::toNativeSeparators(absolute), errorSentence(*error)));
        return false;
    }
    showStatus(tr("Copied the project to %1; you are still working in %2.")
                   .arg(QDir::toNativeSeparators(absolute), QDir::toNativeSeparators(m_store->path())));
    return true;
}

bool MainWindow::saveProjectAs(const QString& path)
{
    if (!m_store) {
        showStatus(tr("No project is open: there is nothing to save."));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_assessing)
        cancelAssessment(); // what is assessed after the copy would go into the old project
    if (auto error = m_store->copyTo(absolute)) {
        showStatus(
            tr("The project was not saved as %1: %2").arg(QDir::toNativeSeparators(absolute), errorSentence(*error)));
        return false;
    }
    const QString previous = m_store->path();
    if (!openProject(absolute, false))
        return false;
    showStatus(tr("Saved the project as %1; you are now working in it (%2 is unchanged).")
                   .arg(QDir::toNativeSeparators(absolute), QDir::toNativeSeparators(previous)));
    return true;
}

int MainWindow::thumbnailSize() const { return m_delegate->thumbnailSize(); }

void MainWindow::setThumbnailSize(int side)
{
    m_delegate->setThumbnailSize(side);
    const int applied = m_delegate->thumbnailSize();
    for (QAction* a : m_thumbnailSizes->actions())
        a->setChecked(a->data().toInt() == applied);
    m_grid->doItemsLayout(); // drops the cached cell size
    QSettings settings = appSettings();
    if (settings.value(kThumbnailSizeKey).toInt() != applied)
        settings.setValue(kThumbnailSizeKey, applied);
}

void MainWindow::updateGridInfo()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_shownCount->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    if (shown == 0 && total > 0)
        m_emptyGrid->setText(
            tr("No photo matches this filter.") + QLatin1Char('\n')
            + tr("Choose \"%1\" to see all %n photo(s).", nullptr, total).arg(m_filterBox->itemText(0)));
    else if (total == 0)
        m_emptyGrid->setText(tr("No photos yet: drop photos or folders here, or use File > Open files."));
    m_emptyGrid->setGeometry(m_grid->viewport()->rect());
    m_emptyGrid->setVisible(shown == 0);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_grid->viewport() && event->type() == QEvent::Resize)
        m_emptyGrid->setGeometry(m_grid->viewport()->rect());
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::buildReviewPage()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_filterBox = new QComboBox(page);
    m_filterBox->setObjectName(QStringLiteral("filterBox"));
    using F = PhotoFilterModel::Filter;
    auto addFilter = [this](const QString& text, F filter, int attribute = 0) {
        m_filterBox->addItem(text, QVariantList{int(filter), attribute});
    };
    addFilter(tr("All photos"), F::All);
    addFilter(tr("Any failing attribute"), F::AnyFailing);
    for (Attribute a : kAllAttributes)
        addFilter(tr("Failing: %1").arg(attributeName(a)), F::FailingAttribute, index(a));
    for (Attribute a : kAllAttributes)
        addFilter(tr("Passing: %1").arg(attributeName(a)), F::PassingAttribute, index(a));
    addFilter(tr("Corrected"), F::Corrected);
    addFilter(tr("Not corrected"), F::Uncorrected);
    addFilter(tr("Disagrees with golden label"), F::GoldenDisagreement);
    addFilter(tr("Errors"), F::Error);
    addFilter(tr("Missing files"), F::Missing);
    addFilter(tr("Not assessed"), F::NotAssessed);
    addFilter(tr("Not yet reviewed"), F::NotReviewed);
    connect(m_filterBox, &QComboBox::currentIndexChanged, this, [this] {
        const QVariantList v = m_filterBox->currentData().toList();
        m_filter->setFilter(F(v.value(0).toInt()), kAllAttributes[size_t(v.value(1).toInt())]);
        updateGridInfo();
    });
    m_sortBox = new QComboBox(page);
    m_sortBox->setObjectName(QStringLiteral("sortBox"));
    using S = PhotoFilterModel::Sort;
    m_sortBox->addItem(tr("Sort by name"), QVariantList{int(S::Name), 0});
    m_sortBox->addItem(tr("Sort by failures (most first)"), QVariantList{int(S::FailingCount), 0});
    for (Attribute a : kAllAttributes)
        m_sortBox->addItem(tr("Sort by score: %1").arg(attributeName(a)),
                           QVariantList{int(S::AttributeScore), index(a)});
    connect(m_sortBox, &QComboBox::currentIndexChanged, this, [this] {
        const QVariantList v = m_sortBox->currentData().toList();
        const auto sort = S(v.value(0).toInt());
        m_filter->setSortMode(sort, kAllAttributes[size_t(v.value(1).toInt())],
                              sort == S::FailingCount ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    auto* filterLabel = new QLabel(tr("&Show:"), page);
    filterLabel->setBuddy(m_filterBox);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filterBox);
    bar->addWidget(m_sortBox);
    m_shownCount = new QLabel(page);
    m_shownCount->setObjectName(QStringLiteral("shownCountLabel"));
    bar->addWidget(m_shownCount);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_notice = new QLabel(page);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);

    auto* splitter = new QSplitter(Qt::Horizontal, page);
    m_grid = new QListView(splitter);
    m_grid->setObjectName(QStringLiteral("photoGrid"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_delegate = new PhotoDelegate(m_grid);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setModel(m_filter);
    m_emptyGrid = new QLabel(m_grid->viewport());
    m_emptyGrid->setObjectName(QStringLiteral("emptyGridLabel"));
    m_emptyGrid->setAlignment(Qt::AlignCenter);
    m_emptyGrid->setWordWrap(true);
    m_emptyGrid->setMargin(16);
    m_emptyGrid->setAttribute(Qt::WA_TransparentForMouseEvents); // drops and clicks reach the grid
    m_emptyGrid->setForegroundRole(QPalette::PlaceholderText);
    m_grid->viewport()->installEventFilter(this);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateGridInfo);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateGridInfo);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateGridInfo);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateGridInfo);
    m_grid->setMinimumWidth(380);
    m_grid->setAccessibleName(tr("Photos"));
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentChanged);
    m_viewer = new PhotoViewer(splitter);
    m_panel = new AttributePanel(splitter);
    m_panel->setMinimumWidth(320);
    connect(m_panel, &AttributePanel::flipRequested, this, &MainWindow::flipVerdict);
    splitter->addWidget(m_grid);
    splitter->addWidget(m_viewer);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);
    m_tabs->addTab(page, tr("Review"));
    updateGridInfo();
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(tr("&New project…"), QKeySequence::New, this, &MainWindow::newProject);
    m_fileMenu->addAction(tr("Open &project…"), QKeySequence(tr("Ctrl+Shift+P")), this, &MainWindow::openProjectDialog);
    m_recentMenu = m_fileMenu->addMenu(tr("&Recent projects"));
    m_recentMenu->setObjectName(QStringLiteral("recentProjectsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    m_fileMenu
        ->addAction(tr("&Save project as…"), QKeySequence(tr("Ctrl+Shift+S")), this, &MainWindow::saveProjectAsDialog)
        ->setObjectName(QStringLiteral("saveProjectAs"));
    m_fileMenu->addAction(tr("&Copy project to…"), this, &MainWindow::copyProjectToDialog)
        ->setObjectName(QStringLiteral("copyProjectTo"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Open files…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    m_fileMenu->addAction(tr("Open &folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::chooseFolder);
    m_fileMenu->addAction(tr("Re&veal in folder"), this, &MainWindow::revealSelectedInFolder)
        ->setObjectName(QStringLiteral("revealInFolder"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_editMenu->addAction(tr("&Undo correction"), QKeySequence::Undo, this, &MainWindow::undo);
    m_redoAction = m_editMenu->addAction(tr("&Redo correction"), QKeySequence(tr("Ctrl+Shift+Z")), this,
                                         &MainWindow::redo);
    m_editMenu->addSeparator();
    for (int i = 0; i < kAttributeCount; ++i) {
        QAction* flip = m_editMenu->addAction(tr("Flip verdict: %1").arg(attributeName(kAllAttributes[size_t(i)])),
                                              QKeySequence(Qt::Key_1 + i), this, [this, i] { flipVerdict(i); });
        flip->setObjectName(QStringLiteral("flip%1").arg(i + 1));
    }
    QAction* accept = m_editMenu->addAction(tr("&Accept all verdicts of the photo"), this, &MainWindow::acceptAll);
    accept->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editMenu->addSeparator();
    QAction* next = m_editMenu->addAction(tr("&Next photo"), this, [this] { moveBy(1); });
    next->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_PageDown)});
    QAction* previous = m_editMenu->addAction(tr("&Previous photo"), this, [this] { moveBy(-1); });
    previous->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_PageUp)});

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("Zoom &in"), QKeySequence(Qt::Key_Plus), m_viewer, &PhotoViewer::zoomIn);
    m_viewMenu->addAction(tr("Zoom &out"), QKeySequence(Qt::Key_Minus), m_viewer, &PhotoViewer::zoomOut);
    m_viewMenu->addAction(tr("&Fit to window"), QKeySequence(Qt::Key_0), m_viewer, &PhotoViewer::fitToWindow);
    m_viewMenu
        ->addAction(tr("100% or &fit (about the pointer)"), QKeySequence(Qt::Key_Z), m_viewer,
                    &PhotoViewer::toggleActualSize)
        ->setObjectName(QStringLiteral("zoomActualSize"));
    QMenu* sizes = m_viewMenu->addMenu(tr("&Thumbnail size"));
    m_thumbnailSizes = new QActionGroup(this);
    const std::pair<int, QString> thumbnailSizes[] = {
        {PhotoDelegate::kSmallThumbnails, tr("&Small")},
        {PhotoDelegate::kMediumThumbnails, tr("&Medium")},
        {PhotoDelegate::kLargeThumbnails, tr("&Large")},
    };
    for (const auto& [side, text] : thumbnailSizes) {
        QAction* a = sizes->addAction(text);
        a->setCheckable(true);
        a->setData(side);
        a->setObjectName(QStringLiteral("thumbnails%1").arg(side));
        m_thumbnailSizes->addAction(a);
        const int s = side;
        connect(a, &QAction::triggered, this, [this, s] { setThumbnailSize(s); });
    }
    m_viewMenu->addSeparator();
    const std::pair<PhotoViewer::Overlay, QString> overlays[] = {
        {PhotoViewer::FaceBox, tr("Face box")},
        {PhotoViewer::Landmarks, tr("Landmarks")},
        {PhotoViewer::EyeLine, tr("Eye line")},
        {PhotoViewer::CentreLine, tr("Vertical centre line")},
        {PhotoViewer::Thirds, tr("Rule-of-thirds grid")},
        {PhotoViewer::HeadChinLines, tr("Head-top and chin lines")},
        {PhotoViewer::IdealCrop, tr("Ideal headshot crop")},
        {PhotoViewer::FailingMargins, tr("Failing margins in the fail colour")},
    };
    for (const auto& [flag, text] : overlays) {
        QAction* a = m_viewMenu->addAction(text);
        a->setCheckable(true);
        a->setChecked(m_viewer->overlays() & flag);
        const auto f = flag;
        connect(a, &QAction::toggled, this, [this, f](bool on) { m_viewer->setOverlay(f, on); });
    }

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu->addAction(tr("&Assess selected photos again"), QKeySequence(tr("Ctrl+R")), this, [this] {
        QList<PhotoId> ids;
        for (const QModelIndex& i : m_grid->selectionModel()->selectedIndexes())
            ids << i.data(PhotoListModel::PhotoIdRole).toLongLong();
        if (!ids.isEmpty())
            assessPhotos(ids);
    });
    m_toolsMenu->addAction(tr("&Cancel assessment"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancelAssessment);
    m_toolsMenu->addSeparator();

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
    m_helpMenu->addAction(tr("&About Headshot QA"), this, [this] {
        QMessageBox::about(this, tr("About Headshot QA"),
                           tr("Headshot QA %1 judges professional headshots on six attributes.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto addRow = [table](const QString& action, const QString& keys) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(action));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    };
    for (QMenu* menu : {m_fileMenu, m_editMenu, m_viewMenu, m_toolsMenu, m_helpMenu}) {
        for (QAction* a : menu->actions()) {
            if (a->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence& k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            addRow(a->text().remove(QLatin1Char('&')), keys.join(tr(" or ")));
        }
    }
    addRow(tr("Move between photos in the grid"), tr("Arrow keys"));
    addRow(tr("Zoom about the pointer"), tr("Mouse wheel"));
    addRow(tr("Pan"), tr("Drag with the left button"));
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

void MainWindow::showStatus(const QString& text) { statusBar()->showMessage(text); }

void MainWindow::applySettings()
{
    QSettings settings = appSettings();
    EngineOptions options;
    options.name = settings.value(QStringLiteral("engine/name"), core::kMeasuresEngine).toString();
    options.modelPath = settings.value(QStringLiteral("engine/model")).toString();
    // The corrections head the reviewer accepted in "Learn from corrections" (applied after any engine).
    options.headPath = settings.value(QStringLiteral("engine/head")).toString();
    for (Attribute a : kAllAttributes) {
        const QString key = QStringLiteral("engine/threshold/%1").arg(QString::fromLatin1(attributeKey(a).data()));
        bool ok = false;
        const double value = settings.value(key).toDouble(&ok);
        if (settings.contains(key) && ok)
            options.thresholds[size_t(index(a))] = value;
    }
    m_reviewer = defaultReviewerName();
    // Functor invocations run in the worker's thread (the context object's), queued behind earlier jobs.
    AssessmentWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, options] { worker->configure(options); }, Qt::QueuedConnection);
}

bool MainWindow::openProject(const QString& path, bool create)
{
    if (m_assessing)
        cancelAssessment();
    if (create)
        QDir().mkpath(QFileInfo(path).absolutePath());
    auto store = create ? ProjectStore::create(path) : ProjectStore::open(path);
    if (!store) {
        showStatus(
            tr("Cannot open the project %1: %2").arg(QDir::toNativeSeparators(path), errorSentence(store.error())));
        return false;
    }
    m_store = std::move(store.value());
    m_model->clearRejected();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    AssessmentWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, absolute] { worker->openProject(absolute); }, Qt::QueuedConnection);
    setWindowTitle(tr("%1 – Headshot QA").arg(QFileInfo(path).fileName()));
    if (m_store->isReadOnly())
        showStatus(m_store->readOnlyReason());
    else
        showStatus(tr("Project %1 opened.").arg(QDir::toNativeSeparators(absolute)));
    m_store->refreshMissing();
    rememberProject(absolute);
    rebuildRecentMenu();
    refreshFromStore();
    Q_EMIT projectOpened();
    return true;
}

void MainWindow::newProject()
{
    QDir().mkpath(projectsFolder());
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), projectsFolder(),
                                                tr("Headshot QA projects (*.hqa)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + kProjectSuffix;
    openProject(path, true);
}

void MainWindow::openProjectDialog()
{
    QDir().mkpath(projectsFolder());
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), projectsFolder(),
                                                      tr("Headshot QA projects (*.hqa)"));
    if (!path.isEmpty())
        openProject(path, false);
}

QString MainWindow::askProjectTarget(const QString& title, const QString& nothingOpen)
{
    if (!m_store) {
        showStatus(nothingOpen);
        return {};
    }
    const QFileInfo current(m_store->path());
    QString path = QFileDialog::getSaveFileName(
        this, title,
        QDir(projectsFolder()).filePath(current.completeBaseName() + tr("-copy") + QLatin1Char('.') + kProjectSuffix),
        tr("Headshot QA projects (*.hqa)"));
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + kProjectSuffix;
    return path;
}

void MainWindow::saveProjectAsDialog()
{
    const QString path = askProjectTarget(tr("Save project as"), tr("No project is open: there is nothing to save."));
    if (!path.isEmpty())
        saveProjectAs(path);
}

void MainWindow::copyProjectToDialog()
{
    const QString path = askProjectTarget(tr("Copy project to"), tr("No project is open: there is nothing to copy."));
    if (!path.isEmpty())
        copyProjectTo(path);
}

void MainWindow::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open photos"), QString(), tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)"));
    if (!files.isEmpty())
        addPaths(files);
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of photos"));
    if (!dir.isEmpty())
        addPaths({dir});
}

void MainWindow::addPaths(const QStringList& paths)
{
    QStringList files;
    for (const QString& p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QDirIterator it(info.absoluteFilePath(), QDir::Files, QDirIterator::Subdirectories);
            QStringList found;
            while (it.hasNext()) {
                const QString f = it.next();
                if (hasImageExtension(f))
                    found << f;
            }
            found.sort();
            files << found;
        } else if (info.suffix().compare(kProjectSuffix, Qt::CaseInsensitive) == 0) {
            openProject(info.absoluteFilePath(), !info.exists());
        } else {
            files << info.absoluteFilePath();
        }
    }
    if (files.isEmpty())
        return;
    if (!m_store) {
        const QString path = defaultProjectPath();
        if (!openProject(path, !QFileInfo::exists(path)))
            return;
        showStatus(
            tr("No project was open: the photos go into the default project %1.").arg(QDir::toNativeSeparators(path)));
    }
    m_notice->clear();
    m_notice->setVisible(false);
    m_assessing = true;
    ++m_batchId;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_rateLabel->setText(tr("Adding %n photo(s)…", nullptr, int(files.size())));
    AssessmentWorker* worker = m_worker;
    const quint64 batch = m_batchId;
    QMetaObject::invokeMethod(
        worker, [worker, batch, files] { worker->addPhotos(batch, files); }, Qt::QueuedConnection);
}

void MainWindow::onPhotosAdded(quint64 batchId, const QList<qint64>& ids, const QStringList& files,
                               const QStringList& errors)
{
    if (batchId != m_batchId)
        return;
    QList<PhotoId> toAssess;
    QStringList problems;
    for (int i = 0; i < ids.size(); ++i) {
        if (ids[i] > 0) {
            if (!toAssess.contains(ids[i])) // identical files are one photo: assess it once
                toAssess << ids[i];
        } else
            problems << QStringLiteral("%1: %2").arg(QFileInfo(files.value(i)).fileName(), errors.value(i));
    }
    refreshFromStore();
    for (int i = 0; i < ids.size(); ++i)
        if (ids[i] <= 0)
            m_model->addRejected(files.value(i), errors.value(i));
    if (!problems.isEmpty())
        showStatus(tr("%n file(s) could not be added: ", nullptr, int(problems.size()))
                   + problems.join(QStringLiteral("; ")));
    m_assessing = false;
    // The finished line counts every file that failed, those refused here as well as those the engine could not read.
    m_pendingErrors = int(problems.size());
    for (int i = 0; i < ids.size(); ++i) {
        const PhotoRow* row = ids[i] > 0 ? m_model->rowFor(ids[i]) : nullptr;
        const QString file = QDir::cleanPath(QFileInfo(files.value(i)).absoluteFilePath());
        if (row && row->path != file) // the same content as a photo kept at another path
            m_model->addSameContent(ids[i], file);
    }
    if (!toAssess.isEmpty()) {
        assessPhotos(toAssess);
    } else {
        m_batchErrors = m_pendingErrors;
        m_pendingErrors = 0;
        onBatchFinished(m_batchId, false);
    }
}

void MainWindow::onSameContent(quint64 batchId, const QStringList& files, const QStringList& keptPaths)
{
    if (batchId != m_batchId)
        return;
    // The store keeps one photo per content: say which files were the same instead of letting one vanish.
    QStringList pairs;
    for (int i = 0; i < files.size(); ++i)
        pairs << tr("%1 = %2").arg(QFileInfo(files[i]).fileName(), QFileInfo(keptPaths.value(i)).fileName());
    m_notice->setText(tr("%n file(s) had exactly the same content as another photo and share its tile (same "
                         "verdicts, one entry in the project): ",
                         nullptr, int(files.size()))
                      + pairs.join(QStringLiteral("; ")));
    m_notice->setVisible(true);
}

void MainWindow::assessPhotos(const QList<PhotoId>& requested)
{
    if (!m_store)
        return;
    QList<PhotoId> ids = requested;
    if (ids.isEmpty()) {
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->rowAt(r)->state() == PhotoState::NotAssessed)
                ids << m_model->rowAt(r)->id;
    }
    QList<qint64> idList;
    QStringList paths;
    for (PhotoId id : ids)
        if (const PhotoRow* row = m_model->rowFor(id); row && !row->missing) {
            idList << id;
            paths << row->path;
        }
    if (m_assessing)
        m_worker->requestCancel(); // the new batch replaces the running one
    m_assessing = true;
    m_batchErrors = m_pendingErrors;
    m_pendingErrors = 0;
    ++m_batchId;
    m_progress->setRange(0, int(paths.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_cancelButton->setEnabled(true);
    m_rateLabel->setText(tr("Assessing…"));
    AssessmentWorker* worker = m_worker;
    const quint64 batch = m_batchId;
    QMetaObject::invokeMethod(
        worker, [worker, batch, idList, paths] { worker->runBatch(batch, idList, paths); }, Qt::QueuedConnection);
}

void MainWindow::cancelAssessment()
{
    if (!m_assessing)
        return;
    m_worker->requestCancel();
    m_cancelButton->setEnabled(false);
    m_rateLabel->setText(tr("Cancelling…"));
}

bool MainWindow::isAssessing() const { return m_assessing; }

void MainWindow::onResult(quint64 batchId, const AssessmentResult& result)
{
    if (batchId != m_batchId)
        return;
    m_model->applyResult(result.photoId, result.assessment, result.errorText);
    if (!result.errorText.isEmpty()) {
        ++m_batchErrors;
        showStatus(tr("%1: %2").arg(QFileInfo(result.path).fileName(), result.errorText));
    }
    if (result.photoId == currentPhoto())
        onCurrentChanged();
}

void MainWindow::onProgress(quint64 batchId, const BatchProgress& progress)
{
    if (batchId != m_batchId)
        return;
    m_progress->setRange(0, progress.total);
    m_progress->setValue(progress.done);
    m_rateLabel->setText(
        tr("%1 of %2 · %3 images/s").arg(progress.done).arg(progress.total).arg(progress.imagesPerSecond, 0, 'f', 1));
}

void MainWindow::onBatchFinished(quint64 batchId, bool cancelled)
{
    if (batchId != m_batchId)
        return;
    m_assessing = false;
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_rateLabel->setText(
        cancelled ? tr("Assessment cancelled at %1 of %2.").arg(m_progress->value()).arg(m_progress->maximum())
                  : tr("Assessment finished: %n error(s).", nullptr, m_batchErrors));
    // Something to look at when the batch ends, unless the reviewer already chose a photo.
    if (!m_grid->selectionModel()->hasSelection() && m_filter->rowCount() > 0)
        m_grid->setCurrentIndex(m_filter->index(0, 0));
    Q_EMIT assessmentsChanged();
}

void MainWindow::refreshFromStore()
{
    const PhotoId current = currentPhoto();
    m_model->reload(m_store.get());
    if (current > 0) {
        const QModelIndex source = m_model->index(m_model->rowOf(current), 0);
        const QModelIndex proxy = m_filter->mapFromSource(source);
        if (proxy.isValid())
            m_grid->setCurrentIndex(proxy);
    }
    onCurrentChanged();
    updateActions();
}

PhotoId MainWindow::currentPhoto() const
{
    const QModelIndex i = m_grid->currentIndex();
    return i.isValid() ? i.data(PhotoListModel::PhotoIdRole).toLongLong() : 0;
}

void MainWindow::onCurrentChanged()
{
    const PhotoRow* row = m_model->rowFor(currentPhoto());
    if (!row) {
        m_viewer->clear();
        m_panel->clear();
        return;
    }
    m_viewer->setPhoto(row->path, row->assessment);
    m_viewer->setEffectiveLabel(row->label); // the overlays follow the reviewer's framing verdict
    QString state = PhotoListModel::stateText(*row);
    if (!row->errorText.isEmpty())
        state += QStringLiteral(": ") + row->errorText;
    if (row->corrected)
        state += QLatin1Char(' ') + tr("(corrected)");
    m_panel->showPhoto(QDir::toNativeSeparators(row->path), row->label, row->assessment, state);
    m_panel->setVerified(row->verified(), row->verifiedBy);
}

void MainWindow::flipVerdict(int attributeIndex)
{
    const PhotoId id = currentPhoto();
    const PhotoRow* row = m_model->rowFor(id);
    if (!m_store || !row || attributeIndex < 0 || attributeIndex >= kAttributeCount)
        return;
    const int old = row->label[size_t(attributeIndex)];
    const int value = old == 0 ? 1 : 0; // an unjudged attribute becomes a fail: the reviewer saw a problem
    auto done = m_store->correct(id, kAllAttributes[size_t(attributeIndex)], value, m_reviewer);
    if (!done) {
        showStatus(tr("The correction was not saved: %1").arg(errorSentence(done.error())));
        return;
    }
    m_model->refreshPhoto(m_store.get(), id);
    onCurrentChanged();
    updateActions();
    showStatus(tr("%1 set to %2 by %3.")
                   .arg(attributeName(kAllAttributes[size_t(attributeIndex)]), value == 1 ? tr("pass") : tr("fail"),
                        m_reviewer));
    Q_EMIT assessmentsChanged();
}

void MainWindow::acceptAll()
{
    const PhotoId id = currentPhoto();
    if (!m_store || id <= 0)
        return;
    // Accepting all six verdicts is a human verification of the photo: it becomes its golden label, which the
    // golden set, the metrics and the corrections head all learn from (and one Ctrl+Z takes back).
    auto photo = m_store->photo(id);
    if (!photo || !*photo) {
        showStatus(tr("Could not accept the verdicts: %1")
                       .arg(photo ? tr("the photo is no longer in the project") : errorSentence(photo.error())));
        return;
    }
    if (std::any_of((*photo)->label.begin(), (*photo)->label.end(), [](std::int8_t v) { return v < 0; })) {
        showStatus(tr("This photo has verdicts the engine could not give; set them (keys 1-6) before accepting."));
        return;
    }
    if (auto error = m_store->setGoldenLabel(id, (*photo)->label, m_reviewer)) {
        showStatus(tr("Could not accept the verdicts: %1").arg(errorSentence(*error)));
        return;
    }
    m_model->refreshPhoto(m_store.get(), id);
    updateActions();
    showStatus(tr("All six verdicts accepted and verified by %1.").arg(m_reviewer));
    Q_EMIT assessmentsChanged();
    moveBy(1);
}

void MainWindow::undo() { stepHistory(true); }

void MainWindow::redo() { stepHistory(false); }

void MainWindow::stepHistory(bool back)
{
    if (!m_store)
        return;
    // One timeline for corrections and golden labels, as a reviewer expects from one Ctrl+Z.
    auto step = back ? m_store->undo(m_reviewer) : m_store->redo(m_reviewer);
    if (!step) {
        showStatus((back ? tr("Undo failed: %1") : tr("Redo failed: %1")).arg(errorSentence(step.error())));
        return;
    }
    if (!*step) {
        showStatus(back ? tr("Nothing to undo.") : tr("Nothing to redo."));
        return;
    }
    const PhotoId id = (*step)->photoId();
    m_model->refreshPhoto(m_store.get(), id);
    if (const auto& marks = (*step)->marks) // a flag/rating step may span several photos (ui/cull/CullActions)
        for (const MarkEdit& e : *marks)
            m_model->refreshPhoto(m_store.get(), e.photoId);
    // The history outlives the session, so the step may be on any photo: select it on the Review tab (showing
    // every photo when the filter hides it) and name it, so that nothing changes out of sight.
    const PhotoRow* row = m_model->rowFor(id);
    if (row) {
        m_tabs->setCurrentIndex(0);
        QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (!proxy.isValid()) {
            m_filterBox->setCurrentIndex(0);
            proxy = m_filter->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        }
        if (proxy.isValid()) {
            m_grid->setCurrentIndex(proxy);
            m_grid->scrollTo(proxy);
        }
    }
    onCurrentChanged();
    updateActions();
    const QString name = row ? QFileInfo(row->path).fileName() : tr("photo %1").arg(id);
    if (const auto& c = (*step)->correction) {
        const QString value = c->newValue == 1 ? tr("pass") : c->newValue == 0 ? tr("fail") : tr("not judged");
        showStatus(
            (back ? tr("Undid the change of %1 on %2: %1 is %3 again.") : tr("Redid the change of %1 on %2: %1 is %3."))
                .arg(attributeName(c->attribute), name, value));
    } else if (const auto& marks = (*step)->marks) {
        QSet<PhotoId> photos;
        for (const MarkEdit& e : *marks)
            photos.insert(e.photoId);
        const int n = int(photos.size());
        showStatus(n == 1 ? (back ? tr("Undid the flag, rating or colour label change of %1.")
                                  : tr("Redid the flag, rating or colour label change of %1."))
                                .arg(name)
                          : (back ? tr("Undid the flag, rating or colour label change of %n photo(s).", nullptr, n)
                                  : tr("Redid the flag, rating or colour label change of %n photo(s).", nullptr, n)));
    } else {
        const auto& g = *(*step)->golden;
        const QString now = g.newLabel ? tr("golden label %1").arg(labelToString(*g.newLabel)) : tr("not verified");
        showStatus((back ? tr("Undid the golden-label change of %1: now %2.")
                         : tr("Redid the golden-label change of %1: now %2."))
                       .arg(name, now));
    }
    Q_EMIT assessmentsChanged();
}

void MainWindow::moveBy(int delta)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_grid->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    m_grid->setCurrentIndex(m_filter->index(row, 0));
}

void MainWindow::updateActions()
{
    bool canUndo = false, canRedo = false;
    if (m_store) {
        const auto u = m_store->canUndo();
        const auto r = m_store->canRedo();
        canUndo = u && *u;
        canRedo = r && *r;
    }
    m_undoAction->setEnabled(canUndo);
    m_redoAction->setEnabled(canRedo);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localDropPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_worker->requestCancel();
    QMainWindow::closeEvent(event);
}

} // namespace hqa::ui

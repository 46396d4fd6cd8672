#include "ui/compare/CompareWiring.h"

#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/compare/CompareView.h"
#include "ui/compare/SittingGrouping.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/worker/AssessmentWorker.h"

#include <QAction>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>
#include <utility>

namespace hqa::ui {

using namespace hqa::core;

CompareWiring* CompareWiring::install(MainWindow* window) { return new CompareWiring(window); }

CompareWiring::CompareWiring(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("compareWiring"));
    m_compare = new CompareView(window);
    window->modeTabs()->addTab(m_compare, tr("Compare"));
    connect(m_compare, &CompareView::closeRequested, this, [this] {
        m_window->modeTabs()->setCurrentIndex(0);
        m_window->gridView()->setFocus();
    });

    QMenu* view = window->viewMenu();
    view->addSeparator();
    m_compareAction = view->addAction(tr("&Compare selected photos"));
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence(Qt::Key_C));
    connect(m_compareAction, &QAction::triggered, this, &CompareWiring::compareSelection);

    m_grouping = new SittingGrouping(this);
    m_grouping->setObjectName(QStringLiteral("sittingGrouping"));
    m_grouping->applyKeepBest = [this](const SittingGrouping::KeepBest& k) { return writeKeepBest(k.keep, k.reject); };
    connect(m_grouping, &SittingGrouping::finished, this, &CompareWiring::applyGroups);
    m_groupAction = view->addAction(tr("&Group by sitting"));
    m_groupAction->setObjectName(QStringLiteral("groupBySittingAction"));
    m_groupAction->setCheckable(true);
    m_groupAction->setToolTip(tr("Show the photos of one sitting (the same person, taken close in time or nearly "
                                 "identical) together, the best first"));
    connect(m_groupAction, &QAction::toggled, this, [this](bool on) {
        if (on) {
            regroup();
        } else {
            m_grouping->clear();
            m_window->filterModel()->setGroupOrder({});
        }
    });
    // New verdicts and corrections change who is best; a new project changes everything.
    connect(window, &MainWindow::assessmentsChanged, this, [this] {
        if (m_groupAction->isChecked())
            regroup();
    });
    connect(window, &MainWindow::projectOpened, this, [this] {
        m_grouping->clear();
        if (m_groupAction->isChecked())
            regroup();
    });

    QMenu* edit = window->editMenu();
    m_keepBestAction = edit->addAction(tr("Keep the &best of the sitting, reject the rest"));
    m_keepBestAction->setObjectName(QStringLiteral("keepBestAction"));
    m_keepBestAction->setShortcut(QKeySequence(Qt::Key_B));
    connect(m_keepBestAction, &QAction::triggered, this, &CompareWiring::keepBestOfCurrent);
}

bool CompareWiring::compareSelection()
{
    QModelIndexList selected = m_window->gridView()->selectionModel()->selectedIndexes();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<CompareItem> items;
    for (const QModelIndex& i : selected) {
        const PhotoRow* row = m_window->photoModel()->rowFor(i.data(PhotoListModel::PhotoIdRole).toLongLong());
        if (!row || row->missing)
            continue;
        items << CompareItem{row->id, row->path, row->assessment, row->label};
    }
    if (items.size() < 2) {
        m_window->statusBar()->showMessage(tr("Select two to four photos to compare (Ctrl+click in the grid), then "
                                              "press C."));
        return false;
    }
    m_compare->setItems(items);
    m_window->modeTabs()->setCurrentWidget(m_compare);
    m_compare->setFocus(Qt::ShortcutFocusReason);
    return true;
}

void CompareWiring::regroup()
{
    QList<SittingGrouping::Photo> photos;
    const PhotoListModel* model = m_window->photoModel();
    for (int r = 0; r < model->rowCount(); ++r) {
        const PhotoRow* row = model->rowAt(r);
        if (!row || row->id <= 0 || row->missing)
            continue;
        photos << SittingGrouping::Photo{row->id, row->path, row->assessment, row->label};
    }
    m_window->statusBar()->showMessage(tr("Grouping %n photo(s) by sitting…", nullptr, int(photos.size())));
    m_grouping->start(photos);
}

void CompareWiring::applyGroups()
{
    if (!m_groupAction->isChecked() && m_pendingKeepBest == 0)
        return;
    if (m_groupAction->isChecked())
        m_window->filterModel()->setGroupOrder(m_grouping->order());
    const auto groups = m_grouping->groups();
    const int several = int(std::count_if(groups.begin(), groups.end(), [](const auto& g) { return g.size() > 1; }));
    m_window->statusBar()->showMessage(tr("%n sitting(s) found; ", nullptr, int(groups.size()))
                                       + tr("%n with more than one photo.", nullptr, several));
    if (const qint64 pending = std::exchange(m_pendingKeepBest, 0); pending > 0) {
        const auto k = m_grouping->keepBestOf(pending);
        if (m_grouping->applyKeepBest)
            m_grouping->applyKeepBest(k);
    }
}

void CompareWiring::keepBestOfCurrent()
{
    const QModelIndex current = m_window->gridView()->currentIndex();
    const qint64 id = current.isValid() ? current.data(PhotoListModel::PhotoIdRole).toLongLong() : 0;
    if (id <= 0) {
        m_window->statusBar()->showMessage(tr("Select a photo of the sitting first."));
        return;
    }
    // Without the grouped view (or while it regroups) the groups may be stale: group first, then apply.
    if (!m_groupAction->isChecked() || m_grouping->isRunning() || m_grouping->groupOf(id).isEmpty()) {
        m_pendingKeepBest = id;
        if (!m_grouping->isRunning())
            regroup();
        return;
    }
    if (m_grouping->applyKeepBest)
        m_grouping->applyKeepBest(m_grouping->keepBestOf(id));
}

bool CompareWiring::writeKeepBest(qint64 keep, const QList<qint64>& reject)
{
    QStatusBar* status = m_window->statusBar();
    ProjectStore* store = m_window->store();
    if (!store || keep <= 0) {
        status->showMessage(tr("Open a project first."));
        return false;
    }
    if (reject.isEmpty()) {
        status->showMessage(tr("This sitting has one photo only: nothing to reject."));
        return false;
    }
    if (store->isReadOnly()) {
        status->showMessage(tr("The project is open read-only: %1").arg(store->readOnlyReason()));
        return false;
    }
    // Stars and colour labels stay; only the pick flags change, all in one undo step.
    std::vector<std::pair<PhotoId, CullMarks>> items;
    QList<qint64> all{keep};
    all << reject;
    for (qint64 id : all) {
        auto marks = store->marks(id);
        if (!marks) {
            status->showMessage(tr("Could not read the flags: %1").arg(errorSentence(marks.error())));
            return false;
        }
        CullMarks m = *marks;
        m.flag = id == keep ? PickFlag::Accept : PickFlag::Reject;
        items.emplace_back(id, m);
    }
    auto step = store->setMarks(items, defaultReviewerName());
    if (!step) {
        status->showMessage(tr("Could not save the flags: %1").arg(errorSentence(step.error())));
        return false;
    }
    m_window->refreshFromStore();
    const PhotoListModel* model = m_window->photoModel();
    const PhotoRow* best = model->rowFor(keep);
    status->showMessage(
        tr("Kept %1 (the best of its sitting) and rejected %n other photo(s).", nullptr, int(reject.size()))
            .arg(best ? QFileInfo(best->path).fileName() : QString::number(keep)),
        8000);
    return true;
}

} // namespace hqa::ui

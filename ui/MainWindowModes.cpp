// The main window's modes besides Review and the dialogs opened from its menus: the golden set, metrics and pick
// best tabs, Edit > Preferences, File > Export picks, Tools > Learn from corrections, the cull and compare actions.
// Uses only MainWindow's hook points (store(), modeTabs(), toolsMenu(), viewMenu(), editMenu(), selectedFiles(),
// refreshFromStore(), applySettings(), projectOpened(), assessmentsChanged()).
#include "ui/MainWindow.h"

#include "ui/cull/CullActions.h"
#include "ui/compare/CompareWiring.h"
#include "ui/dashboard/MetricsDashboard.h"
#include "ui/export/ExportPicksDialog.h"
#include "ui/dashboard/TrainingCurves.h"
#include "ui/golden/GoldenSetView.h"
#include "ui/select/PickBestView.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/training/LearnDialog.h"

#include <QAction>
#include <QMenu>
#include <QTabWidget>

namespace hqa::ui {

void MainWindow::installModes()
{
    CullActions::install(this); // P/X/U flags, Ctrl+0-5 stars, Ctrl+6-9 colour labels, filters, rating sort
    CompareWiring::install(this); // compare view (C), group by sitting, keep the best (B)
    auto* golden = new GoldenSetView(this);
    golden->setObjectName(QStringLiteral("goldenSetView"));
    modeTabs()->addTab(golden, tr("Golden set"));
    auto* dashboard = new MetricsDashboard(this);
    dashboard->setObjectName(QStringLiteral("metricsDashboard"));
    modeTabs()->addTab(dashboard, tr("Metrics"));

    const auto attach = [this, golden, dashboard] {
        golden->setStore(store());
        dashboard->setStore(store());
    };
    connect(this, &MainWindow::projectOpened, this, attach);
    // New verdicts change the predictions both pages show; golden edits change the dashboard's truth.
    connect(this, &MainWindow::assessmentsChanged, golden, &GoldenSetView::reload);
    connect(this, &MainWindow::assessmentsChanged, dashboard, &MetricsDashboard::reload);
    connect(golden, &GoldenSetView::goldenChanged, dashboard, &MetricsDashboard::reload);
    // ... and the Review grid's golden state (its "Disagrees with golden label" filter).
    connect(golden, &GoldenSetView::goldenChanged, this, &MainWindow::refreshFromStore);
    connect(dashboard, &MetricsDashboard::thresholdsApplied, this, &MainWindow::applySettings);
    attach();

    auto* preferences = editMenu()->addAction(tr("&Preferences..."));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence::Preferences);
    connect(preferences, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            applySettings();
    });

    auto* showGolden = viewMenu()->addAction(tr("&Golden set"));
    connect(showGolden, &QAction::triggered, this, [this, golden] { modeTabs()->setCurrentWidget(golden); });
    auto* showMetrics = viewMenu()->addAction(tr("&Metrics dashboard"));
    connect(showMetrics, &QAction::triggered, this, [this, dashboard] { modeTabs()->setCurrentWidget(dashboard); });

    // File > Export picks…, above Quit.
    auto* exportPicks = new QAction(tr("E&xport picks…"), this);
    connect(exportPicks, &QAction::triggered, this, [this] {
        ExportPicksDialog dialog(store(), selectedFiles(), this);
        connect(&dialog, &ExportPicksDialog::photosMoved, this, [this] {
            if (store())
                (void)store()->refreshMissing();
            refreshFromStore();
        });
        dialog.exec();
    });
    QAction* beforeQuit = nullptr;
    for (QAction* a : m_fileMenu->actions())
        if (a->isSeparator())
            beforeQuit = a;
    m_fileMenu->insertAction(beforeQuit, exportPicks);

    auto* learn = toolsMenu()->addAction(tr("&Learn from corrections..."));
    connect(learn, &QAction::triggered, this, [this, dashboard] {
        if (!store())
            return;
        LearnDialog dialog(store(), this);
        // The dashboard shows the loss and validation curves live while the dialog trains.
        dashboard->trainingCurves()->clear();
        dashboard->trainingCurves()->show();
        connect(&dialog, &LearnDialog::epochFinished, dashboard->trainingCurves(), &TrainingCurves::addEpoch);
        connect(&dialog, &LearnDialog::headChanged, this, &MainWindow::applySettings);
        // An accepted fine-tuned network (engine/model) is used from the next assessment on.
        connect(&dialog, &LearnDialog::modelChanged, this, &MainWindow::applySettings);
        dialog.exec();
    });

    auto* pick = new PickBestView(this);
    modeTabs()->addTab(pick, tr("Pick best"));
    auto* pickAction = toolsMenu()->addAction(tr("&Pick best from selection"));
    connect(pickAction, &QAction::triggered, this, [this, pick] {
        pick->setInputs(selectedFiles());
        modeTabs()->setCurrentWidget(pick);
    });
}

} // namespace hqa::ui

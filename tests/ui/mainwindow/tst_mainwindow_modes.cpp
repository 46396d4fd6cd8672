// MainWindow::installModes(): the main window gets the Golden set and Metrics tabs, Edit > Preferences and Tools > Learn
// from corrections, and opening a project hands the store to both pages.
#include "ui/MainWindow.h"
#include "ui/dashboard/MetricsDashboard.h"
#include "ui/golden/GoldenSetView.h"

#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QAction>
#include <QMenu>
#include <QTabWidget>
#include <QtTest>

using namespace hqa::ui;

namespace {
QStringList actionTexts(QMenu* menu)
{
    QStringList out;
    for (QAction* a : menu->actions())
        out << a->text();
    return out;
}
} // namespace

class TestMainWindowModes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir()); }

    void pagesAndMenus()
    {
        // A project with one photo and a golden label, made before the window opens it.
        const QString project = hqa::test::tempDir() + QStringLiteral("/wiring.hqa");
        {
            auto store = hqa::core::ProjectStore::create(project);
            QVERIFY(store);
            auto added = (*store)->addPhoto(hqa::test::cachePath(QStringLiteral("photos/astronaut.png")));
            QVERIFY(added);
            QVERIFY(!(*store)->setGoldenLabel(added->id, {1, 1, 0, 1, 1, 1}, QStringLiteral("t")));
        }
        MainWindow window;
        QStringList tabs;
        for (int i = 0; i < window.modeTabs()->count(); ++i)
            tabs << window.modeTabs()->tabText(i);
        QVERIFY2(tabs.contains(QStringLiteral("Golden set")), qPrintable(tabs.join(u',')));
        QVERIFY(tabs.contains(QStringLiteral("Metrics")));
        QVERIFY(actionTexts(window.editMenu()).contains(QStringLiteral("&Preferences...")));
        QVERIFY(actionTexts(window.toolsMenu()).contains(QStringLiteral("&Learn from corrections...")));

        auto* golden = window.findChild<GoldenSetView*>(QStringLiteral("goldenSetView"));
        auto* dashboard = window.findChild<MetricsDashboard*>(QStringLiteral("metricsDashboard"));
        QVERIFY(golden && dashboard);
        QVERIFY(window.openProject(project, false));
        QCOMPARE(golden->rowCount(), 1);
        QVERIFY(golden->isVerified(0));
        QCOMPARE(hqa::core::labelToString(golden->labelAt(0)), QStringLiteral("110111"));
    }
};

QTEST_MAIN(TestMainWindowModes)
#include "tst_mainwindow_modes.moc"

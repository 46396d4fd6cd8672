// Screenshots of the review window for the README (scripts/screenshots), kept out of the product binary.
// Opens the main window as "headshot-qa gui PATH..." does (same application identity, so the same settings and
// data folders; the configured interface language), waits until the paths given are assessed, selects a photo and
// saves main-window.png and viewer.png into OUT_DIR, then quits.
// Usage: screenshot_main_window OUT_DIR PATH...   (HQA_SCREENSHOT_ROW: the grid row to select, default 0)
#include "ui/MainWindow.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/settings/Translation.h"
#include "ui/viewer/PhotoViewer.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QListView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

/// 256 colours keep the committed PNGs small; the UI's flat colours survive unchanged.
void save(QWidget* widget, const QDir& dir, const QString& name)
{
    widget->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::DiffuseDither).save(dir.filePath(name));
}

/// Polls until an assessment has started and ended with photos in the grid, then selects the row and saves both
/// pictures once the viewer shows it (half a second later, so the overlays are painted).
void saveWhenAssessed(hqa::ui::MainWindow& window, const QDir& dir, int row)
{
    auto* poll = new QTimer(&window);
    auto started = std::make_shared<bool>(false);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, dir, row, started] {
        if (window.isAssessing() || window.filterModel()->rowCount() == 0) {
            *started = true;
            return;
        }
        if (!*started)
            return;
        poll->stop();
        QObject::connect(window.viewer(), &hqa::ui::PhotoViewer::imageShown, &window, [&window, dir] {
            QTimer::singleShot(500, &window, [&window, dir] {
                save(&window, dir, QStringLiteral("main-window.png"));
                save(window.viewer(), dir, QStringLiteral("viewer.png"));
                QCoreApplication::quit();
            });
        });
        // The window selects the first photo itself when a batch ends: clear the selection first, so that selecting
        // the row always loads it into the viewer (and imageShown follows).
        window.gridView()->setCurrentIndex(QModelIndex());
        window.gridView()->setCurrentIndex(
            window.filterModel()->index(std::min(row, window.filterModel()->rowCount() - 1), 0));
    });
    poll->start(200);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HQA_VERSION));
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: screenshot_main_window OUT_DIR PATH...\n";
        return 2;
    }
    const QDir dir(args.front());
    QDir().mkpath(dir.path());
    const QStringList paths = args.mid(1);

    hqa::ui::installConfiguredLanguage(); // ui/language, before any window is built
    hqa::ui::MainWindow window;
    window.show();
    window.resize(1200, 760);
    QTimer::singleShot(0, &window, [&window, paths] { window.addPaths(paths); });
    saveWhenAssessed(window, dir, qEnvironmentVariableIntValue("HQA_SCREENSHOT_ROW"));
    return app.exec();
}

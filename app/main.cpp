// headshot-qa: runs a command-line command on the core with no display needed, or opens the review window
// ("gui", or no command at all when a display is available).
#include "core/cli/Cli.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef HQA_HAVE_UI
#include "ui/MainWindow.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/viewer/PhotoViewer.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QTimer>
#if __has_include("ui/plots/PlotRenderer.h")
#include "ui/plots/PlotRenderer.h"
#define HQA_HAVE_PLOT_RENDERER 1
#endif
#include "ui/settings/Translation.h"
#endif

#include <cstdio>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HQA_VERSION));
}

bool displayAvailable()
{
    // A platform plugin that draws nowhere (offscreen, minimal; the test harness sets offscreen) is no display:
    // a bare "headshot-qa" then prints the help and exits 2 as a command-line tool should.
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool headlessPlatform = platform.startsWith(QLatin1String("offscreen"))
        || platform.startsWith(QLatin1String("minimal"));
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || (!platform.isEmpty() && !headlessPlatform);
}

int runCli(const QStringList& args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = hqa::core::cli::run(args, out, err);
    out.flush();
    err.flush();
    return code;
}

#ifdef HQA_HAVE_UI
/// Screenshot hook for scripts/screenshots: with HQA_SCREENSHOT_DIR set, waits for the assessment, selects the
/// first photo, saves main-window.png and viewer.png there and quits.
void armScreenshots(hqa::ui::MainWindow& window, const QString& dir)
{
    QDir().mkpath(dir);
    window.resize(1200, 760);
    auto* poll = new QTimer(&window);
    auto started = std::make_shared<bool>(false);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, dir, started] {
        if (window.isAssessing() || window.filterModel()->rowCount() == 0) {
            *started = true;
            return;
        }
        if (!*started)
            return;
        poll->stop();
        QObject::connect(window.viewer(), &hqa::ui::PhotoViewer::imageShown, &window, [&window, dir] {
            QTimer::singleShot(500, &window, [&window, dir] {
                // 256 colours keep the committed PNGs small; the UI's flat colours survive unchanged.
                auto save = [&dir](QWidget* widget, const QString& name) {
                    widget->grab()
                        .toImage()
                        .convertToFormat(QImage::Format_Indexed8, Qt::DiffuseDither)
                        .save(QDir(dir).filePath(name));
                };
                save(&window, QStringLiteral("main-window.png"));
                save(window.viewer(), QStringLiteral("viewer.png"));
                QCoreApplication::quit();
            });
        });
        const int row = qEnvironmentVariableIntValue("HQA_SCREENSHOT_ROW");
        window.gridView()->setCurrentIndex(
            window.filterModel()->index(std::min(row, window.filterModel()->rowCount() - 1), 0));
    });
    poll->start(200);
}

int runGui(int argc, char** argv, const QStringList& paths)
{
    QApplication app(argc, argv);
    setIdentity();
    hqa::ui::installConfiguredLanguage(); // ui/language, before any window is built
#ifdef HQA_HAVE_PLOT_RENDERER
    hqa::ui::registerPlotRenderer();
#endif
    hqa::ui::MainWindow window;
    window.show();
    if (!paths.isEmpty())
        QTimer::singleShot(0, &window, [&window, paths] { window.addPaths(paths); });
    else // the work of the last session, not an empty window
        QTimer::singleShot(0, &window, [&window] { window.reopenLastProject(); });
    const QString shots = qEnvironmentVariable("HQA_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        armScreenshots(window, shots);
    return app.exec();
}
#endif

} // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
#ifdef HQA_HAVE_UI
    if ((!args.isEmpty() && args.front() == QLatin1String("gui")) || (args.isEmpty() && displayAvailable()))
        return runGui(argc, argv, args.mid(1));
    // evaluate --report draws plots with QCustomPlot, a QWidget: it needs a QApplication, offscreen is enough.
    if (!args.isEmpty() && args.front() == QLatin1String("evaluate") && args.contains(QLatin1String("--report"))) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setIdentity();
#ifdef HQA_HAVE_PLOT_RENDERER
        hqa::ui::registerPlotRenderer();
#endif
        return runCli(args);
    }
#endif
    QCoreApplication app(argc, argv);
    setIdentity();
    return runCli(app.arguments().mid(1));
}

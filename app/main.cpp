// headshot-qa: runs a command-line command on the core with no display needed, or opens the review window
// ("gui", or no command at all when a display is available).
#include "cli/Cli.h"
#include "cli/ReportPlots.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef HQA_HAVE_UI
#include "ui/MainWindow.h"
#include "ui/plots/PlotRenderer.h"
#include "ui/settings/Translation.h"

#include <QApplication>
#include <QTimer>
#endif

#include <cstdio>

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
    const int code = hqa::cli::run(args, out, err);
    out.flush();
    err.flush();
    return code;
}

#ifdef HQA_HAVE_UI
int runGui(int argc, char** argv, const QStringList& paths)
{
    QApplication app(argc, argv);
    setIdentity();
    hqa::ui::installConfiguredLanguage(); // ui/language, before any window is built
    hqa::cli::setPlotRenderer(&hqa::ui::renderReportPlots);
    hqa::ui::MainWindow window;
    window.show();
    if (!paths.isEmpty())
        QTimer::singleShot(0, &window, [&window, paths] { window.addPaths(paths); });
    else // the work of the last session, not an empty window
        QTimer::singleShot(0, &window, [&window] { window.reopenLastProject(); });
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
        hqa::cli::setPlotRenderer(&hqa::ui::renderReportPlots);
        return runCli(args);
    }
#endif
    QCoreApplication app(argc, argv);
    setIdentity();
    return runCli(app.arguments().mid(1));
}

// Throughput of best-face selection from a video: decode, sample every Nth frame, analyse every face (detection,
// landmarks, pose, masks, the six measures), track, rank. Reports sampled frames analysed per second, how that
// compares with real time, and the process's peak resident memory.
//
//   bench_select [--video PATH] [--every N] [--threads 1,2] [--max-frames N] [--target-ied PX] [--no-upscale]
//
// --target-ied 0 analyses every frame at full resolution (up to 720 px) instead of the adaptive scale.
//
// Without --video it uses franck.mp4 from the test cache ($HQA_TEST_CACHE or ~/.cache/headshot-qa/testdata).
// franck.mp4 is 360x288; unless --no-upscale is given, a 720x576 copy is also written (cv::VideoWriter, MJPG)
// and measured, since 720x576 is the size the target of 25 sampled frames per second is stated for.

#include "core/select/FaceCollector.h"
#include "core/select/SelectionMethods.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>

using namespace hqa::core;

namespace {

/// VmHWM: the largest resident set the process has had, in MiB.
double peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

QString cacheDir()
{
    const QByteArray env = qgetenv("HQA_TEST_CACHE");
    return env.isEmpty() ? QDir::home().filePath(QStringLiteral(".cache/headshot-qa/testdata"))
                         : QString::fromLocal8Bit(env);
}

QString defaultVideo() { return QDir(cacheDir()).filePath(QStringLiteral("photos/franck.mp4")); }

/// The 1-minute load average, to print beside wall-clock figures taken on a shared machine.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 0);
}

/// Writes `src` resized to `size` (every frame) as MJPG; empty on failure.
QString writeResized(const QString& src, cv::Size size, const QString& dir, int maxFrames)
{
    cv::VideoCapture in(QFile::encodeName(src).toStdString());
    if (!in.isOpened())
        return {};
    const double fps = in.get(cv::CAP_PROP_FPS) > 0 ? in.get(cv::CAP_PROP_FPS) : 25.0;
    const QString out = QDir(dir).filePath(
        QStringLiteral("%1_%2x%3_%4.avi")
            .arg(QFileInfo(src).completeBaseName())
            .arg(size.width)
            .arg(size.height)
            .arg(maxFrames > 0 ? QString::number(maxFrames) : QStringLiteral("all")));
    // Reused between runs (the test cache, never committed): writing it costs more than a short measurement.
    if (QFileInfo(out).size() > 0)
        return out;
    QDir().mkpath(dir);
    // The writer picks the container from the extension, so the unfinished copy keeps ".avi".
    const QString partial = QDir(dir).filePath(QStringLiteral("partial_") + QFileInfo(out).fileName());
    cv::VideoWriter writer(QFile::encodeName(partial).toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           size);
    if (!writer.isOpened())
        return {};
    cv::Mat frame, big;
    for (int i = 0; (maxFrames <= 0 || i < maxFrames) && in.read(frame); ++i) {
        cv::resize(frame, big, size, 0, 0, cv::INTER_CUBIC);
        writer.write(big);
    }
    writer.release();
    // Renamed only when complete, so an interrupted run never leaves a short copy that looks finished.
    if (!QFile::rename(partial, out))
        return {};
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QString video = defaultVideo();
    int every = 5, maxFrames = 0, repeats = 1;
    bool upscale = true;
    double targetIed = CollectOptions{}.targetIed;
    QList<int> threads = {1, 2};
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--video")) {
            video = next;
            ++i;
        } else if (a == QLatin1String("--every")) {
            every = std::max(1, next.toInt());
            ++i;
        } else if (a == QLatin1String("--max-frames")) {
            maxFrames = std::max(0, next.toInt());
            ++i;
        } else if (a == QLatin1String("--threads")) {
            threads.clear();
            for (const QString& t : next.split(u','))
                threads << std::max(1, t.toInt());
            ++i;
        } else if (a == QLatin1String("--target-ied")) {
            targetIed = std::max(0.0, next.toDouble());
            ++i;
        } else if (a == QLatin1String("--repeats")) {
            repeats = std::max(1, next.toInt());
            ++i;
        } else if (a == QLatin1String("--no-upscale")) {
            upscale = false;
        } else {
            std::fprintf(stderr,
                         "usage: bench_select [--video PATH] [--every N] [--threads 1,2] [--max-frames N] "
                         "[--target-ied PX] [--repeats R] [--no-upscale]\n");
            return 2;
        }
    }
    if (!QFileInfo(video).isFile()) {
        std::fprintf(stderr, "bench_select: no video at %s\n", qPrintable(video));
        return 1;
    }

    QStringList videos = {video};
    if (upscale) {
        cv::VideoCapture probe(QFile::encodeName(video).toStdString());
        const cv::Size size(static_cast<int>(probe.get(cv::CAP_PROP_FRAME_WIDTH)),
                            static_cast<int>(probe.get(cv::CAP_PROP_FRAME_HEIGHT)));
        if (size != cv::Size(720, 576)) {
            // Only as many frames as the run will read, so the copy costs little.
            const QString big = writeResized(video, cv::Size(720, 576),
                                             QDir(cacheDir()).filePath(QStringLiteral("derived")),
                                             maxFrames > 0 ? maxFrames * every : 0);
            if (big.isEmpty())
                std::fprintf(stderr, "bench_select: could not write a 720x576 copy; measuring the original only\n");
            else
                videos << big;
        }
    }

    // Wall-clock figures depend on what else the machine runs; CPU time per sampled frame (all threads) and its
    // split (decode wall / FaceAnalyzer CPU / six measures CPU / FaceAnalyzer's own wall split) do much less, so
    // both are printed.
    out << "video\tsize\tthreads\tevery\tsampled\tfaces\tgroups\tseconds\tsampled_fps\trealtime_x\tcpu_ms_per_frame"
           "\tdecode_ms\tanalyze_cpu_ms\tmeasures_cpu_ms\tface_wall_ms\tmask_wall_ms\tpeak_rss_mib\tload1\n";
    for (const QString& v : videos) {
        for (int t : threads) {
            std::vector<double> fpsRuns;
            for (int rep = 0; rep < repeats; ++rep) {
                CollectOptions o;
                o.every = every;
                o.threads = t;
                o.maxSamples = maxFrames;
                o.targetIed = targetIed;
                QElapsedTimer timer;
                timer.start();
                const double cpu0 = cpuSeconds();
                auto r = collectVideo(v, o);
                if (!r) {
                    std::fprintf(stderr, "bench_select: %s\n", qPrintable(r.error().detail));
                    return 1;
                }
                // Ranking is part of selection: the attributes and regression methods on every group.
                for (const FaceGroup& g : r->groups) {
                    rankGroup(g.faces, SelectMethod::Attributes, SelectionConfig::defaults());
                    rankGroup(g.faces, SelectMethod::Regression, SelectionConfig::defaults(), g.faces);
                }
                const double s = timer.nsecsElapsed() / 1e9;
                const double n = std::max(1, r->stats.framesSampled);
                const double cpuMs = (cpuSeconds() - cpu0) * 1000.0 / n;
                const double fps = r->stats.framesSampled / std::max(1e-9, s);
                const double realtime = r->stats.videoFps > 0 ? fps * every / r->stats.videoFps : 0.0;
                out << QFileInfo(v).fileName() << "\t" << r->stats.frameSize.width << "x" << r->stats.frameSize.height
                    << "\t" << t << "\t" << every << "\t" << r->stats.framesSampled << "\t" << r->stats.facesFound
                    << "\t" << r->groups.size() << "\t" << QString::number(s, 'f', 2) << "\t"
                    << QString::number(fps, 'f', 1) << "\t" << QString::number(realtime, 'f', 2) << "\t"
                    << QString::number(cpuMs, 'f', 1) << "\t" << QString::number(r->stats.decodeMs / n, 'f', 1) << "\t"
                    << QString::number(r->stats.analyzeMs / n, 'f', 1) << "\t"
                    << QString::number(r->stats.measuresMs / n, 'f', 1) << "\t"
                    << QString::number(r->stats.faceWallMs / n, 'f', 1) << "\t"
                    << QString::number(r->stats.maskWallMs / n, 'f', 1) << "\t" << QString::number(peakRssMiB(), 'f', 0)
                    << "\t" << loadAverage() << "\n";
                out.flush();
                fpsRuns.push_back(fps);
            }
            std::sort(fpsRuns.begin(), fpsRuns.end());
            const size_t m = fpsRuns.size();
            const double median = m % 2 ? fpsRuns[m / 2] : (fpsRuns[m / 2 - 1] + fpsRuns[m / 2]) / 2;
            out << "# median sampled_fps over " << m << " runs: " << QFileInfo(v).fileName() << " threads " << t << ": "
                << QString::number(median, 'f', 1) << "\n";
            out.flush();
        }
    }
    return 0;
}

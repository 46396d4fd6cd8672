// Throughput and peak memory of `headshot-qa assess` on 1-megapixel photos.
//
// Makes N one-megapixel JPEGs from the real test photos (astronaut and franck frames, resized to 1155x866 or
// 866x1155), then runs the real CLI as a child process R times for each worker count and reports the median
// images/s and the peak resident memory of the child (wait4's ru_maxrss). The start-up cost (loading the
// 100 MB landmark model) is measured separately with a one-image run and reported, and the steady rate is
// (N - 1) / (t_N - t_1). As a same-run reference, it also times the decoder alone on the same files.
//
// Usage: bench_assess [--images N] [--repeats R] [--jobs 1,2] [--cache DIR]

#include "core/image/ImageDecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct ChildRun {
    double seconds = 0;
    long maxRssKb = 0;
    int exitCode = -1;
};

ChildRun runChild(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    ChildRun r;
    r.seconds = t.nsecsElapsed() / 1e9;
    r.maxRssKb = usage.ru_maxrss;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int images = 40, repeats = 5;
    QList<int> jobsList{1, 2};
    QString cache = qEnvironmentVariable("HQA_TEST_CACHE",
                                         QDir::homePath() + QStringLiteral("/.cache/headshot-qa/testdata"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--images"))
            images = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--repeats"))
            repeats = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--cache"))
            cache = args[i + 1];
        else if (args[i] == QLatin1String("--jobs")) {
            jobsList.clear();
            for (const QString& j : args[i + 1].split(u','))
                jobsList << j.toInt();
        }
    }
    QStringList sources{cache + QStringLiteral("/photos/astronaut.png")};
    for (const QString& f : QDir(cache + QStringLiteral("/frames")).entryList({"*.png"}, QDir::Files, QDir::Name))
        sources << cache + QStringLiteral("/frames/") + f;
    if (sources.size() < 2 || !QFileInfo::exists(sources.front())) {
        std::fprintf(stderr, "bench_assess: test photos missing in %s (run scripts/fetch-test-data)\n",
                     qPrintable(cache));
        return 1;
    }
    QTemporaryDir dir;
    QStringList files;
    for (int i = 0; i < images; ++i) {
        cv::Mat src = cv::imread(sources[i % sources.size()].toStdString());
        const bool portrait = i % 3 == 0;
        // Resize (upscaling the 720x576 frames a little) to about one megapixel, then crop to the exact size.
        const cv::Size target = portrait ? cv::Size(866, 1155) : cv::Size(1155, 866);
        const double s = std::max(double(target.width) / src.cols, double(target.height) / src.rows);
        cv::resize(src, src, {}, s, s, cv::INTER_CUBIC);
        src = src(cv::Rect((src.cols - target.width) / 2, 0, target.width, target.height)).clone();
        const QString path = dir.filePath(QStringLiteral("img%1.jpg").arg(i, 3, 10, QLatin1Char('0')));
        cv::imwrite(path.toStdString(), src, {cv::IMWRITE_JPEG_QUALITY, 92});
        files << path;
    }

    // Reference in the same run: the decoder alone, single thread.
    std::vector<double> decodeRates;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        t.start();
        for (const QString& f : files)
            (void)hqa::core::decodeImageFile(f);
        decodeRates.push_back(files.size() / (t.nsecsElapsed() / 1e9));
    }

    std::printf("bench_assess: %d photos of 1.0 MP (JPEG q92), %d repeats, medians\n", images, repeats);
    std::printf("reference: decode only, 1 thread: %.1f images/s\n", median(decodeRates));
    std::printf("%-6s %12s %12s %14s %12s\n", "jobs", "startup s", "total s", "steady img/s", "peak RSS MB");
    double rateOne = 0;
    for (int jobs : jobsList) {
        std::vector<double> startup, total, steady, rss;
        std::vector<std::string> one{HQA_CLI_PATH, "assess", "--jobs", std::to_string(jobs),
                                     files.front().toStdString()};
        std::vector<std::string> all{HQA_CLI_PATH, "assess", "--jobs", std::to_string(jobs)};
        for (const QString& f : files)
            all.push_back(f.toStdString());
        for (int r = 0; r < repeats; ++r) {
            const ChildRun a = runChild(one);
            const ChildRun b = runChild(all);
            // Exit 1 means some photo had no judgeable face; it still counts as work done.
            if (a.exitCode > 1 || b.exitCode > 1 || a.exitCode < 0 || b.exitCode < 0) {
                std::fprintf(stderr, "bench_assess: headshot-qa exited with %d/%d\n", a.exitCode, b.exitCode);
                return 1;
            }
            startup.push_back(a.seconds);
            total.push_back(b.seconds);
            steady.push_back((images - 1) / std::max(1e-6, b.seconds - a.seconds));
            rss.push_back(b.maxRssKb / 1024.0);
        }
        const double rate = median(steady);
        if (jobs == jobsList.front())
            rateOne = rate;
        std::printf("%-6d %12.2f %12.2f %14.1f %12.0f", jobs, median(startup), median(total), rate,
                    *std::max_element(rss.begin(), rss.end()));
        if (jobs != jobsList.front() && rateOne > 0)
            std::printf("   (%.2fx of jobs=%d)", rate / rateOne, jobsList.front());
        std::printf("\n");
    }
    return 0;
}

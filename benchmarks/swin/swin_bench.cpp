// Swin-T inference speed: this program (LibTorch, fused attention) against torchvision eager in Python on
// the same weights and thread count, batch 1 and 8, median of repeated runs, peak memory, GFLOP/s.
// Usage: swin_bench [--threads 1,2] [--reps 10] [--rounds 3] [--work DIR] [--no-python]

#include "core/model/BlasInfo.h"
#include "core/model/SwinModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>
#include <ctime>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

using namespace hqa::core;

namespace {

// Multiply-accumulates of one 224 px Swin forward pass, counted layer by layer (torchvision's "4.49 GFLOPS"
// for swin_t is this MAC count; a FLOP is half a MAC).
double swinMacs(const SwinConfig& c)
{
    double macs = 0;
    double side = double(c.imageSize) / c.patchSize;
    macs += side * side * 3.0 * c.patchSize * c.patchSize * c.embedDim;
    const double n = double(c.windowSize) * c.windowSize;
    for (size_t s = 0; s < c.depths.size(); ++s) {
        const double dim = double(c.embedDim << s), tokens = side * side;
        const double padded = std::ceil(side / c.windowSize) * c.windowSize;
        const double block = tokens * (4 * dim * dim + 2 * c.mlpRatio * dim * dim) + 2 * padded * padded * n * dim;
        macs += c.depths[s] * block;
        if (s + 1 < c.depths.size()) {
            side = std::ceil(side / 2);
            macs += side * side * 4 * dim * 2 * dim;
        }
    }
    macs += double(c.featureDim()) * c.numClasses;
    return macs;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList threadList{QStringLiteral("1")};
    int reps = 10;
    int rounds = 3;
    QString work = QDir::tempPath() + QStringLiteral("/hqa-swin-bench");
    bool python = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            threadList = args[++i].split(QLatin1Char(','));
        else if (args[i] == QLatin1String("--reps") && i + 1 < args.size())
            reps = std::max(3, args[++i].toInt());
        else if (args[i] == QLatin1String("--work") && i + 1 < args.size())
            work = args[++i];
        else if (args[i] == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--no-python"))
            python = false;
    }
    QDir().mkpath(work);
    const QString script = QStringLiteral(HQA_SOURCE_DIR "/benchmarks/swin/bench_torchvision.py");
    const QString weights = work + QStringLiteral("/swin_t_seed0.pth");
    auto runPython = [&](const QStringList& a, int threads) -> QByteArray {
        QProcess p;
        // torch.set_num_threads does not reach the pthread OpenBLAS pool; the environment does.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENBLAS_NUM_THREADS"), QString::number(threads));
        env.insert(QStringLiteral("OMP_NUM_THREADS"), QString::number(threads));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("/usr/bin/python3"), QStringList{script} + a);
        if (!p.waitForFinished(1'800'000) || p.exitCode() != 0) {
            out << "python failed: " << p.readAllStandardError().right(1500) << "\n";
            return {};
        }
        return p.readAllStandardOutput();
    };
    if (!QFile::exists(weights)) {
        runPython({QStringLiteral("--save-weights"), weights}, 1);
        if (!QFile::exists(weights))
            return 1;
    }
    auto model = SwinModel::load(weights);
    if (!model) {
        out << "cannot load " << weights << ": " << model.error().detail << "\n";
        return 1;
    }
    const SwinConfig cfg = (*model)->metadata().config;
    const double gmacs = swinMacs(cfg) / 1e9;
    out << "BLAS: " << blasDescription() << "\n";
    out << QStringLiteral("Swin-T: %1 GMAC (= %2 GFLOP) per 224 px image; weights %3\n")
               .arg(gmacs, 0, 'f', 2)
               .arg(2 * gmacs, 0, 'f', 2)
               .arg(weights);

    std::mt19937 rng(1);
    std::normal_distribution<float> dist;
    std::vector<float> input(size_t(8) * 3 * 224 * 224);
    for (float& v : input)
        v = dist(rng);

    struct Variant {
        const char* name;
        bool fused, oneDnn, channelsLast;
    };
    const Variant variants[] = {{"C++ reference path, BLAS", false, false, false},
                                {"C++ fused attention, BLAS", true, false, false},
                                {"C++ fused attention, oneDNN", true, true, false},
                                {"C++ fused, oneDNN, channels-last in", true, true, true}};
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("engine"), -36)
               .arg(QStringLiteral("thr"), 3)
               .arg(QStringLiteral("batch"), 5)
               .arg(QStringLiteral("median ms"), 10)
               .arg(QStringLiteral("img/s"), 7)
               .arg(QStringLiteral("GFLOP/s  vs python   cpu ms   cpu vs py"), 40);
    for (const QString& t : threadList) {
        const int threads = std::max(1, t.toInt());
        SwinModel::setThreads(threads);
        // Rounds alternate Python and C++ so that load from other processes hits both alike.
        std::map<int, std::vector<double>> pyMs, pyCpu;
        std::map<std::pair<int, int>, std::vector<double>> cppMs, cppCpu;
        double pyPeak = 0;
        for (int round = 0; round < rounds; ++round) {
            if (python) {
                const QByteArray json = runPython({QStringLiteral("--weights"), weights, QStringLiteral("--threads"),
                                                   QString::number(threads), QStringLiteral("--reps"),
                                                   QString::number(reps)},
                                                  threads);
                const QJsonObject py = QJsonDocument::fromJson(json.trimmed().split('\n').last()).object();
                for (int batch : {1, 8})
                    for (const QJsonValue& v : py.value("batches")
                                                   .toObject()
                                                   .value(QString::number(batch))
                                                   .toObject()
                                                   .value("times_ms")
                                                   .toArray())
                        pyMs[batch].push_back(v.toDouble());
                for (int batch : {1, 8})
                    for (const QJsonValue& v : py.value("batches")
                                                   .toObject()
                                                   .value(QString::number(batch))
                                                   .toObject()
                                                   .value("cpu_ms")
                                                   .toArray())
                        pyCpu[batch].push_back(v.toDouble());
                pyPeak = std::max(pyPeak, py.value("peak_rss_mb").toDouble());
            }
            for (int batch : {1, 8})
                for (int vi = 0; vi < int(std::size(variants)); ++vi) {
                    const Variant& v = variants[vi];
                    (*model)->setFusedAttention(v.fused);
                    (*model)->setOneDnn(v.oneDnn);
                    (*model)->setChannelsLast(v.channelsLast);
                    for (int r = 0; r < reps + 2; ++r) {
                        QElapsedTimer timer;
                        timer.start();
                        const double cpu0 = processCpuMs();
                        auto result = (*model)->run(input.data(), batch);
                        if (!result) {
                            out << result.error().detail << "\n";
                            return 1;
                        }
                        if (r >= 2) {
                            cppMs[{vi, batch}].push_back(double(timer.nsecsElapsed()) / 1e6);
                            cppCpu[{vi, batch}].push_back(processCpuMs() - cpu0);
                        }
                    }
                }
        }
        for (int batch : {1, 8}) {
            const double py = pyMs[batch].empty() ? 0.0 : median(pyMs[batch]);
            const double pyC = pyCpu[batch].empty() ? 0.0 : median(pyCpu[batch]);
            if (py > 0)
                out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                           .arg(QStringLiteral("Python torchvision eager"), -36)
                           .arg(threads, 3)
                           .arg(batch, 5)
                           .arg(py, 10, 'f', 1)
                           .arg(1000.0 * batch / py, 7, 'f', 2)
                           .arg(2 * gmacs * batch / (py / 1000), 8, 'f', 1)
                           .arg(QString(), 10)
                           .arg(pyC, 9, 'f', 1);
            for (int vi = 0; vi < int(std::size(variants)); ++vi) {
                const double m = median(cppMs[{vi, batch}]), c = median(cppCpu[{vi, batch}]);
                out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                           .arg(QString::fromLatin1(variants[vi].name), -36)
                           .arg(threads, 3)
                           .arg(batch, 5)
                           .arg(m, 10, 'f', 1)
                           .arg(1000.0 * batch / m, 7, 'f', 2)
                           .arg(2 * gmacs * batch / (m / 1000), 8, 'f', 1)
                           .arg(py > 0 ? QStringLiteral("%1x").arg(m / py, 0, 'f', 3) : QStringLiteral("-"), 10)
                           .arg(c, 9, 'f', 1)
                           .arg(pyC > 0 ? QStringLiteral("%1x").arg(c / pyC, 0, 'f', 3) : QStringLiteral("-"), 10);
            }
            out.flush();
        }
        if (python)
            out << QStringLiteral("Python peak RSS %1 MB (whole process)\n").arg(pyPeak, 0, 'f', 0);
    }
    out << QStringLiteral("C++ peak RSS %1 MB (whole process, includes reading the 113 MB file)\n")
               .arg(peakRssMb(), 0, 'f', 0);
    return 0;
}

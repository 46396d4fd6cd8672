// One full training step of Swin-T with six heads (forward, BCE-with-logits backward, AdamW update) in C++
// against Python torchvision on the same seeded weights, same batch and thread count. Batches 8 and 32 at
// 224 px; medians of repeats; the ratio C++/Python comes from the same run (rounds alternate the two).
// Usage: train_bench [--threads 2] [--reps 3] [--rounds 1] [--batches 8,32] [--work DIR] [--no-python]
#include "core/model/SwinModel.h"
#include "core/model/SwinModelAccess.h"

#include <torch/torch.h>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <algorithm>
#include <map>

using namespace hqa::core;

namespace {
double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int threads = 2, reps = 3, rounds = 1;
    QString work = QDir::tempPath() + "/hqa-train-bench", batchList = "8,32";
    bool python = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--threads" && i + 1 < args.size())
            threads = args[++i].toInt();
        else if (args[i] == "--reps" && i + 1 < args.size())
            reps = args[++i].toInt();
        else if (args[i] == "--rounds" && i + 1 < args.size())
            rounds = args[++i].toInt();
        else if (args[i] == "--batches" && i + 1 < args.size())
            batchList = args[++i];
        else if (args[i] == "--work" && i + 1 < args.size())
            work = args[++i];
        else if (args[i] == "--no-python")
            python = false;
    }
    QDir().mkpath(work);
    const QString script = QStringLiteral(HQA_SOURCE_DIR "/benchmarks/train/bench_train_torchvision.py");
    const QString weights = work + "/swin_t_seed0.pth";
    auto runPython = [&](const QStringList& a) -> QByteArray {
        QProcess p;
        // torch.set_num_threads does not reach the pthread OpenBLAS pool; the environment does.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OPENBLAS_NUM_THREADS", QString::number(threads));
        env.insert("OMP_NUM_THREADS", QString::number(threads));
        p.setProcessEnvironment(env);
        p.start("/usr/bin/python3", QStringList{script} + a);
        if (!p.waitForFinished(-1) || p.exitCode() != 0) {
            out << "python failed: " << p.readAllStandardError().right(1500) << "\n";
            return {};
        }
        return p.readAllStandardOutput();
    };
    if (!QFile::exists(weights))
        runPython({"--save-weights", weights});
    SwinLoadOptions lo;
    lo.allowFreshHeads = true;
    auto model = SwinModel::load(weights, lo);
    if (!model) {
        out << "cannot load " << weights << ": " << model.error().detail << "\n";
        return 1;
    }
    SwinModel::setThreads(threads);
    auto net = SwinModelAccess::net(**model);
    net->train();
    torch::optim::AdamW opt(net->parameters(), torch::optim::AdamWOptions(5e-5));
    torch::manual_seed(1);

    std::vector<int> batches;
    for (const QString& b : batchList.split(','))
        batches.push_back(b.toInt());
    std::map<int, std::vector<double>> cpp, py;
    for (int round = 0; round < rounds; ++round) {
        for (int b : batches) {
            const auto x = torch::randn({b, 3, 224, 224});
            const auto y = (torch::rand({b, 6}) < 0.5).to(torch::kFloat);
            auto step = [&] {
                const auto logits = net->forward(x).attributes;
                const auto loss = torch::nn::functional::binary_cross_entropy_with_logits(logits, y);
                opt.zero_grad();
                loss.backward();
                opt.step();
            };
            step(); // warm-up: allocations, AdamW state
            for (int r = 0; r < reps; ++r) {
                QElapsedTimer t;
                t.start();
                step();
                cpp[b].push_back(double(t.nsecsElapsed()) / 1e6);
            }
        }
        if (python) {
            const auto json = QJsonDocument::fromJson(
                                  runPython({"--weights", weights, "--threads", QString::number(threads), "--reps",
                                             QString::number(reps), "--batches", batchList}))
                                  .object();
            for (int b : batches)
                for (const auto& v : json["batches"].toObject()[QString::number(b)].toObject()["times_ms"].toArray())
                    py[b].push_back(v.toDouble());
        }
    }
    out << QString("training step, Swin-T + six heads, 224 px, AdamW, %1 thread(s), %2 reps x %3 round(s)\n")
               .arg(threads)
               .arg(reps)
               .arg(rounds);
    out << QString("%1 %2 %3 %4 %5 %6\n")
               .arg("batch", 5)
               .arg("C++ ms", 10)
               .arg("ms/img", 8)
               .arg("Python ms", 10)
               .arg("ms/img", 8)
               .arg("C++/Py", 7);
    for (int b : batches) {
        const double c = median(cpp[b]), p = median(py[b]);
        out << QString("%1 %2 %3 %4 %5 %6\n")
                   .arg(b, 5)
                   .arg(c, 10, 'f', 0)
                   .arg(c / b, 8, 'f', 1)
                   .arg(p, 10, 'f', 0)
                   .arg(p / b, 8, 'f', 1)
                   .arg(p > 0 ? QString::number(c / p, 'f', 2) : QString("n/a"), 7);
    }
    return 0;
}

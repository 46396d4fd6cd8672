// Fine-tuning from 200 corrections (heads on cached Swin-T features): cold (features computed) and warm
// (features from the cache) wall time, medians over repeats. Photos are variants of the cached franck frames.
// Usage: finetune_bench [--photos 200] [--reps 3] [--threads 2] [--work DIR]
#include "core/model/SwinModel.h"
#include "core/store/ProjectStore.h"
#include "core/train/net/FineTuner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>

using namespace hqa::core;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int photos = 200, reps = 3, threads = 2;
    QString work = QDir::tempPath() + "/hqa-finetune-bench";
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--photos")
            photos = args[++i].toInt();
        else if (args[i] == "--reps")
            reps = args[++i].toInt();
        else if (args[i] == "--threads")
            threads = args[++i].toInt();
        else if (args[i] == "--work")
            work = args[++i];
    }
    QDir(work).removeRecursively();
    QDir().mkpath(work);
    const QString cache = qEnvironmentVariable("HQA_TEST_CACHE", QDir::homePath() + "/.cache/headshot-qa/testdata");
    const QStringList frames = QDir(cache + "/frames").entryList({"franck_*.png"}, QDir::Files, QDir::Name);
    if (frames.isEmpty()) {
        out << "no frames under " << cache << "/frames\n";
        return 1;
    }
    SwinModel::setThreads(threads);
    SwinConfig c; // Swin-T
    c.numClasses = 0;
    const QString base = work + "/base.hqa";
    if (!SwinModel::create(c, 1)->save(base)) {
        out << "cannot write " << base << "\n";
        return 1;
    }
    const QString project = work + "/p.hqa";
    {
        auto store = ProjectStore::create(project);
        if (!store) {
            out << store.error().detail << "\n";
            return 1;
        }
        for (int i = 0; i < photos; ++i) {
            cv::Mat img = cv::imread((cache + "/frames/" + frames[i % frames.size()]).toStdString());
            const int variant = i / int(frames.size());
            if (i % 2)
                cv::GaussianBlur(img, img, {0, 0}, 3.0 + variant);
            if (variant % 2)
                cv::flip(img, img, 1);
            // Some franck frames are identical; a tiny mark keeps every photo distinct (the store dedups by content).
            cv::putText(img, std::to_string(i), {4, img.rows - 4}, cv::FONT_HERSHEY_PLAIN, 0.8, {255, 255, 255});
            const QString path = QString("%1/%2.jpg").arg(work).arg(i);
            cv::imwrite(path.toStdString(), img);
            auto added = (*store)->addPhoto(path);
            if (!added || !(*store)->correct(added->id, Attribute::Sharpness, i % 2 ? 0 : 1, "bench")) {
                out << "cannot add " << path << "\n";
                return 1;
            }
        }
    }
    std::vector<double> cold, warm;
    for (int r = 0; r < reps; ++r) {
        QFile::remove(project + ".features");
        for (int pass = 0; pass < 2; ++pass) {
            FineTuneOptions o;
            o.baseModel = base;
            o.outPath = work + "/v.hqa";
            QElapsedTimer t;
            t.start();
            auto res = fineTuneFromProject(project, o);
            const double s = t.elapsed() / 1000.0;
            if (!res) {
                out << res.error().detail << "\n";
                return 1;
            }
            (pass == 0 ? cold : warm).push_back(s);
            out << QString("rep %1 %2: %3 s (features %4 computed %5 s, %6 cached; heads %7 s)\n")
                       .arg(r + 1)
                       .arg(pass == 0 ? "cold" : "warm")
                       .arg(s, 0, 'f', 2)
                       .arg(res->featuresComputed)
                       .arg(res->featureSeconds, 0, 'f', 2)
                       .arg(res->featuresCached)
                       .arg(res->trainSeconds, 0, 'f', 2);
        }
    }
    out << QString("fine-tune from %1 corrections, Swin-T 224 px, %2 thread(s): cold median %3 s, warm median %4 s "
                   "(whole call: project read, model load, features, 300 head steps, save, register)\n")
               .arg(photos)
               .arg(threads)
               .arg(median(cold), 0, 'f', 2)
               .arg(median(warm), 0, 'f', 2);
    return 0;
}

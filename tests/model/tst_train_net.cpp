// Training the Swin network (core/train/net/Trainer): a tiny configuration learns sharpness and framing from
// generated variants of real video frames (held-out frames never seen in training), and an interrupted run
// resumes exactly where it stopped.
#include "core/eval/LabelFile.h"
#include "core/model/SwinModel.h"
#include "core/train/net/Trainer.h"
#include "core/eval/ThresholdTuning.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <cmath>

using namespace hqa::core;

namespace {

constexpr int kFraming = int(Attribute::Framing), kSharpness = int(Attribute::Sharpness);

struct Sample {
    QString path;
    Label label = kUnknownLabel;
    QString group;
};

/// Four variants per frame: {centred, pushed to a side} x {sharp, blurred}. Known labels for framing and
/// sharpness; the other four attributes are unknown ('-') and must be masked out of the loss.
std::vector<Sample> makeVariants(const QString& dir, const QStringList& frames, int out)
{
    std::vector<Sample> samples;
    int k = 0;
    for (const QString& name : frames) {
        const cv::Mat img = cv::imread(hqa::test::cachePath("frames/" + name).toStdString());
        if (img.empty())
            continue;
        const int side = int(0.75 * std::min(img.cols, img.rows));
        const int cx = img.cols / 2, y0 = (img.rows - side) / 2;
        for (int framed = 0; framed < 2; ++framed)
            for (int sharp = 0; sharp < 2; ++sharp) {
                int x0 = cx - side / 2;
                if (!framed) // the face lands near the left or right border
                    x0 = std::clamp(x0 + ((k++ % 2) ? 1 : -1) * int(0.42 * side), 0, img.cols - side);
                cv::Mat crop = img(cv::Rect(x0, y0, side, side)).clone();
                if (!sharp)
                    cv::GaussianBlur(crop, crop, {0, 0}, side / 28.0);
                cv::Mat small;
                cv::resize(crop, small, {out, out}, 0, 0, cv::INTER_AREA);
                const QString file =
                    QStringLiteral("%1_f%2_s%3.png").arg(QFileInfo(name).baseName()).arg(framed).arg(sharp);
                cv::imwrite((dir + "/" + file).toStdString(), small);
                Sample s;
                s.path = dir + "/" + file;
                s.label[size_t(kFraming)] = std::int8_t(framed);
                s.label[size_t(kSharpness)] = std::int8_t(sharp);
                s.group = QFileInfo(name).baseName();
                samples.push_back(s);
            }
    }
    return samples;
}

LabelSet toLabelSet(const std::vector<Sample>& samples)
{
    LabelSet set;
    int line = 2;
    for (const Sample& s : samples) {
        LabelRow r;
        r.file = QFileInfo(s.path).fileName();
        r.path = s.path;
        r.label = s.label;
        r.group = s.group;
        r.line = line++;
        set.rows.push_back(r);
    }
    return set;
}

SwinConfig tinyConfig()
{
    SwinConfig c;
    c.imageSize = 64;
    c.patchSize = 4;
    c.windowSize = 4;
    c.embedDim = 24;
    c.depths = {2, 2};
    c.numHeads = {2, 4};
    c.stochasticDepthProb = 0.1;
    c.numClasses = 0;
    c.attributeHeads = kAttributeCount;
    return c;
}

QStringList frameNames()
{
    QDir d(hqa::test::cachePath("frames"));
    return d.entryList({"franck_*.png"}, QDir::Files, QDir::Name);
}

} // namespace

class TstTrainNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        HQA_REQUIRE_DATA(frameNames().size() >= 20, "franck frames (frames/franck_*.png)");
        SwinModel::setThreads(2);
    }

    void tinySwinLearnsSharpnessAndFraming()
    {
        const QString dir = hqa::test::tempDir() + "/learn";
        QDir().mkpath(dir);
        QStringList trainFrames, testFrames;
        const QStringList all = frameNames();
        for (int i = 0; i < all.size(); ++i)
            (i % 5 == 0 ? testFrames : trainFrames) << all[i]; // whole frames held out, never seen in training
        const auto train = makeVariants(dir, trainFrames, 80);
        const auto test = makeVariants(dir, testFrames, 80);
        QVERIFY(train.size() >= 200);

        TrainOptions o;
        o.outPath = dir + "/tiny.hqa";
        o.config = tinyConfig();
        o.size = 64;
        o.epochs = 14;
        o.batch = 16;
        o.lr = 1e-3;
        o.maxLr = 2e-3;
        o.valFraction = 0.2;
        o.seed = 7;
        Trainer trainer(o);
        std::vector<EpochReport> reports;
        trainer.setProgress([&](const EpochReport& r) {
            reports.push_back(r);
            qInfo("epoch %d/%d train loss %.4f val loss %.4f val hamming %.3f framing bal.acc %.3f sharpness bal.acc "
                  "%.3f (%.1f s)",
                  r.epoch, r.epochs, r.trainLoss, r.valLoss, r.hammingAccuracy, r.balancedAccuracy[size_t(kFraming)],
                  r.balancedAccuracy[size_t(kSharpness)], r.seconds);
        });
        QElapsedTimer t;
        t.start();
        auto result = trainer.run(toLabelSet(train));
        QVERIFY2(result, result ? "" : qPrintable(result.error().detail));
        qInfo("trained %d images (+%d validation) in %.1f s", result->trainImages, result->valImages,
              t.elapsed() / 1000.0);
        QCOMPARE(result->epochsDone, o.epochs);
        QCOMPARE(int(reports.size()), o.epochs);
        QVERIFY(result->valImages > 0 && result->trainImages > 3 * result->valImages);
        // The loss falls: last epoch well under the first.
        QVERIFY2(reports.back().trainLoss < 0.8 * reports.front().trainLoss,
                 qPrintable(QString("%1 -> %2").arg(reports.front().trainLoss).arg(reports.back().trainLoss)));

        // Held-out frames through the saved model at its tuned thresholds.
        auto model = SwinModel::load(o.outPath);
        QVERIFY2(model, model ? "" : qPrintable(model.error().detail));
        QVERIFY((*model)->metadata().headsTrained);
        int correct[kAttributeCount] = {}, total = 0;
        for (const Sample& s : test) {
            const cv::Mat img = cv::imread(s.path.toStdString());
            const auto input = (*model)->preprocess(img);
            auto out = (*model)->run(input.data(), 1);
            QVERIFY(out);
            for (int a : {kFraming, kSharpness}) {
                const double p = 1.0 / (1.0 + std::exp(-out->attributeLogits[size_t(a)]));
                correct[a] += int((p >= (*model)->metadata().thresholds[size_t(a)]) == bool(s.label[size_t(a)]));
            }
            ++total;
        }
        const double framing = double(correct[kFraming]) / total, sharpness = double(correct[kSharpness]) / total;
        qInfo("held-out accuracy on %d images from %d unseen frames: framing %.3f, sharpness %.3f (chance 0.5)", total,
              int(testFrames.size()), framing, sharpness);
        QVERIFY2(sharpness >= 0.85, qPrintable(QString::number(sharpness)));
        QVERIFY2(framing >= 0.80, qPrintable(QString::number(framing)));
    }

    void resumeContinuesExactly()
    {
        const QString dir = hqa::test::tempDir() + "/resume";
        QDir().mkpath(dir);
        const auto samples = makeVariants(dir, frameNames().mid(0, 16), 64);
        const LabelSet set = toLabelSet(samples);
        TrainOptions o;
        o.config = tinyConfig();
        o.config.depths = {1, 1};
        o.size = 64;
        o.epochs = 3;
        o.batch = 8;
        o.lr = 1e-3;
        o.maxLr = 2e-3;
        o.seed = 11;
        o.threads = 1; // bitwise-reproducible reductions, so the resumed run can be compared exactly

        // Reference: three uninterrupted epochs.
        o.outPath = dir + "/ref.hqa";
        auto ref = Trainer(o).run(set);
        QVERIFY2(ref, ref ? "" : qPrintable(ref.error().detail));
        QCOMPARE(int(ref->history.size()), 3);

        // Cancel in the middle of epoch 2.
        o.outPath = dir + "/run.hqa";
        Trainer first(o);
        int batches = 0;
        first.setBatchProgress([&](int, int, double) {
            if (++batches == 8)
                first.cancel();
        });
        auto part = first.run(set);
        QVERIFY2(part, part ? "" : qPrintable(part.error().detail));
        QVERIFY(part->cancelled);
        QCOMPARE(part->epochsDone, 1);
        QCOMPARE(int(part->history.size()), 1);
        QVERIFY(QFile::exists(part->resumePath));
        QCOMPARE(part->history[0].trainLoss, ref->history[0].trainLoss);

        // Resume: counters continue, and the losses are those of the uninterrupted run (same optimiser moments,
        // schedule position, shuffling order and random state), not a restart.
        TrainOptions r;
        r.outPath = o.outPath;
        r.resume = part->resumePath;
        r.threads = 1;
        auto rest = Trainer(r).run(set);
        QVERIFY2(rest, rest ? "" : qPrintable(rest.error().detail));
        QCOMPARE(rest->startEpoch, 1);
        QCOMPARE(rest->epochsDone, 3);
        QCOMPARE(int(rest->history.size()), 2);
        QCOMPARE(rest->history[0].epoch, 2);
        for (int i = 0; i < 2; ++i) {
            qInfo("epoch %d: uninterrupted train loss %.6f val loss %.6f, resumed %.6f / %.6f", i + 2,
                  ref->history[size_t(i + 1)].trainLoss, ref->history[size_t(i + 1)].valLoss,
                  rest->history[size_t(i)].trainLoss, rest->history[size_t(i)].valLoss);
            QVERIFY(std::abs(rest->history[size_t(i)].trainLoss - ref->history[size_t(i + 1)].trainLoss) < 1e-4);
            QVERIFY(std::abs(rest->history[size_t(i)].valLoss - ref->history[size_t(i + 1)].valLoss) < 1e-4);
        }
        // A restart from scratch would repeat epoch 1's loss instead.
        QVERIFY(std::abs(rest->history[0].trainLoss - ref->history[0].trainLoss) > 1e-4);

        // A damaged checkpoint is refused with a clear error, and a truncated copy too.
        QFile src(part->resumePath);
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray bytes = src.readAll();
        for (const QByteArray& bad : {bytes.left(bytes.size() / 2), QByteArray("not a checkpoint at all")}) {
            const QString path = dir + "/bad.resume";
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bad);
            f.close();
            TrainOptions b;
            b.outPath = dir + "/bad.hqa";
            b.resume = path;
            auto res = Trainer(b).run(set);
            QVERIFY(!res);
            QCOMPARE(res.error().code, ErrorCode::Model);
            QVERIFY2(res.error().detail.contains("not a usable training checkpoint"), qPrintable(res.error().detail));
            QVERIFY(!QFile::exists(b.outPath));
        }
    }

    void splitKeepsGroupsTogether()
    {
        std::vector<LabelRow> rows;
        for (int i = 0; i < 50; ++i) {
            LabelRow r;
            r.file = QString("img%1.png").arg(i);
            r.group = QString("g%1").arg(i / 5);
            rows.push_back(r);
        }
        const auto [train, val] = splitRowsByGroup(rows, 0.2, 3);
        QCOMPARE(int(train.size() + val.size()), 50);
        QCOMPARE(int(val.size()), 10);
        for (int v : val)
            for (int t : train)
                QVERIFY(rows[size_t(v)].group != rows[size_t(t)].group);
        QCOMPARE(splitRowsByGroup(rows, 0.2, 3).second, val); // deterministic by seed
    }

    void thresholdMaximisesBalancedAccuracy()
    {
        // Passes score 0.2..0.4, fails 0.05..0.15: only a threshold between 0.15 and 0.2 separates them.
        std::vector<std::array<float, kAttributeCount>> probs;
        std::vector<Label> truth;
        for (float p : {0.2f, 0.3f, 0.4f, 0.05f, 0.1f, 0.15f}) {
            std::array<float, kAttributeCount> a{};
            a.fill(p);
            probs.push_back(a);
            Label l = kUnknownLabel;
            l[0] = p >= 0.2f ? 1 : 0;
            truth.push_back(l);
        }
        const auto thr = tuneThresholds(probs, truth);
        QVERIFY(thr[0] > 0.15 && thr[0] < 0.2);
        QCOMPARE(thr[1], 0.5); // all unknown: untouched
    }
};

QTEST_GUILESS_MAIN(TstTrainNet)
#include "tst_train_net.moc"

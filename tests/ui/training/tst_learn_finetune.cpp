// Fine-tuning the network from the window: with the engine "swin" (or "fused"), Tools > Learn from
// corrections fine-tunes the model's six heads on the project's corrections and golden labels through the build's
// real fine-tuner (core's fineTuneHeads, what `train --from-project` runs) on a worker thread. The test network is
// tst_finetune's tiny Swin (64 px, two stages) on 120x90 frames, so that a run takes seconds on a CPU. Checked:
// progress advances, Cancel stops the run and leaves nothing behind, the new version is registered in the project
// with its held-out figures but the active model (engine/model) changes only on Accept, Accept is offered only
// when the new version beats the current one on held-out people (and says why not otherwise), and without a model
// file nothing is offered and the dialog says so.
#include "ui/settings/AppSettings.h"
#include "ui/training/LearnDialog.h"

#include "core/model/SwinModel.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace hqa::ui;
using namespace hqa::core;

namespace {
constexpr int kPeople = 30;

/// The build's fine-tuner with small chunks (more progress steps); records the thread it ran on and can slow
/// every progress report down (a slow machine) so that Cancel arrives mid-run.
NetworkFineTuneFunction fineTuner(std::atomic<Qt::HANDLE>* ranOn, int sleepPerStepMs = 0)
{
    const NetworkFineTuneFunction real = defaultNetworkFineTune();
    return [=](const NetworkFineTuneInput& input, const std::function<void(const NetworkFineTuneProgress&)>& progress,
               const std::atomic_bool& cancel) {
        *ranOn = QThread::currentThreadId();
        NetworkFineTuneInput in = input;
        in.chunk = 4;
        return real(
            in,
            [&](const NetworkFineTuneProgress& p) {
                progress(p);
                if (sleepPerStepMs > 0)
                    QThread::msleep(sleepPerStepMs);
            },
            cancel);
    };
}

/// A run whose new version judges the held-out people worse than the current model.
NetworkFineTuneFunction worseFineTuner()
{
    return [](const NetworkFineTuneInput& in, const std::function<void(const NetworkFineTuneProgress&)>& progress,
              const std::atomic_bool&) -> Expected<NetworkFineTuneOutcome> {
        progress({1, 2, QStringLiteral("scripted")});
        QFile f(in.outPath);
        if (!f.open(QIODevice::WriteOnly))
            return Error{ErrorCode::Io, in.outPath};
        f.write("not a real model");
        f.close();
        progress({2, 2, QStringLiteral("scripted")});
        NetworkFineTuneOutcome out;
        out.trainPhotos = 40;
        out.trainPeople = 20;
        out.heldOutPhotos = 10;
        out.heldOutPeople = 5;
        const int sharpness = index(Attribute::Sharpness);
        out.heldOutLabels[size_t(sharpness)] = 10;
        out.before[size_t(sharpness)] = 0.8;
        out.after[size_t(sharpness)] = 0.7;
        out.heldOutLabelsTotal = 10;
        out.beforeOverall = 0.8;
        out.afterOverall = 0.7;
        out.modelPath = in.outPath;
        out.modelVersion = QStringLiteral("scripted-worse");
        out.parentVersion = QStringLiteral("fresh-3");
        return out;
    };
}

QStringList modelFiles(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*.model-*.hqa")}, QDir::Files);
}
} // namespace

class TstLearnFinetune : public QObject {
    Q_OBJECT
    QString m_dir, m_base;
    std::unique_ptr<ProjectStore> m_store;
    std::atomic<Qt::HANDLE> m_ranOn{nullptr};

    void useEngine(const QString& name, const QString& model)
    {
        QSettings s = settings::appSettings();
        s.setValue(settings::kEngineName, name);
        if (model.isEmpty())
            s.remove(settings::kEngineModel);
        else
            s.setValue(settings::kEngineModel, model);
        s.sync();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        settings::appSettings().clear();
        const QStringList frames = QDir(hqa::test::cachePath(QStringLiteral("frames")))
                                       .entryList({QStringLiteral("franck_*.png")}, QDir::Files, QDir::Name);
        HQA_REQUIRE_DATA(frames.size() >= kPeople, "franck frames (frames/franck_*.png)");
        SwinModel::setThreads(2);
        m_dir = hqa::test::tempDir() + QStringLiteral("/finetune");
        QVERIFY(QDir().mkpath(m_dir));
        // tst_finetune's test network: untrained, so fine-tuning has something to gain.
        SwinConfig c;
        c.imageSize = 64;
        c.windowSize = 4;
        c.embedDim = 24;
        c.depths = {2, 2};
        c.numHeads = {2, 4};
        c.numClasses = 0;
        m_base = m_dir + QStringLiteral("/base.hqa");
        QVERIFY(SwinModel::create(c, 3)->save(m_base));

        auto created = ProjectStore::create(m_dir + QStringLiteral("/p.hqa"));
        QVERIFY2(created, created ? "" : qPrintable(created.error().detail));
        m_store = std::move(*created);
        // One folder per "person" (the dialog's person key): a sharp frame passes sharpness, its blurred copy
        // fails. Most are corrections, every fourth person's photos are verified golden labels instead.
        for (int i = 0; i < kPeople; ++i) {
            const cv::Mat img = cv::imread(hqa::test::cachePath(QStringLiteral("frames/") + frames[i]).toStdString());
            QVERIFY(!img.empty());
            const QString person = QStringLiteral("%1/person_%2").arg(m_dir).arg(i, 2, 10, QLatin1Char('0'));
            QVERIFY(QDir().mkpath(person));
            for (int sharp = 0; sharp < 2; ++sharp) {
                cv::Mat v = img.clone();
                if (!sharp)
                    cv::GaussianBlur(v, v, {0, 0}, img.cols / 60.0);
                cv::resize(v, v, {120, 90}, 0, 0, cv::INTER_AREA);
                const QString path = QStringLiteral("%1/%2.png")
                                         .arg(person, sharp ? QStringLiteral("sharp") : QStringLiteral("blurred"));
                QVERIFY(cv::imwrite(path.toStdString(), v));
                auto added = m_store->addPhoto(path);
                QVERIFY2(added, added ? "" : qPrintable(added.error().detail));
                if (i % 4 == 0) {
                    Label golden = kUnknownLabel;
                    golden[size_t(index(Attribute::Sharpness))] = std::int8_t(sharp);
                    QVERIFY(!m_store->setGoldenLabel(added->id, golden, QStringLiteral("tester")));
                } else {
                    QVERIFY(m_store->correct(added->id, Attribute::Sharpness, sharp, QStringLiteral("tester")));
                }
            }
        }
    }

    /// No checkpoint file: the page says so and offers no button; the measures engine gets no page at all.
    void notOfferedWithoutWeights()
    {
        useEngine(QStringLiteral("swin"), m_dir + QStringLiteral("/absent.hqa"));
        {
            LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, fineTuner(&m_ranOn));
            QVERIFY(dialog.fineTunePage());
            QVERIFY(!dialog.fineTuneButton());
            QVERIFY(!dialog.acceptModelButton());
            QVERIFY2(dialog.fineTuneStatusLabel()->text().contains(QStringLiteral("No trained weights"))
                         && dialog.fineTuneStatusLabel()->text().contains(QStringLiteral("absent.hqa")),
                     qPrintable(dialog.fineTuneStatusLabel()->text()));
        }
        useEngine(QStringLiteral("fused"), QString());
        {
            LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, fineTuner(&m_ranOn));
            QVERIFY(dialog.fineTunePage());
            QVERIFY(!dialog.fineTuneButton());
            QVERIFY2(dialog.fineTuneStatusLabel()->text().contains(QStringLiteral("no model file")),
                     qPrintable(dialog.fineTuneStatusLabel()->text()));
        }
        useEngine(QStringLiteral("measures"), m_base);
        {
            LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, fineTuner(&m_ranOn));
            QVERIFY(!dialog.fineTunePage());
            QCOMPARE(dialog.pages()->count(), 1);
        }
    }

    /// Cancel mid-run: the worker stops at the next chunk, nothing is registered, no model file is left.
    void cancelStops()
    {
        useEngine(QStringLiteral("swin"), m_base);
        const size_t models = m_store->models()->size();
        const QStringList filesBefore = modelFiles(m_dir);
        std::atomic<Qt::HANDLE> ranOn{nullptr};
        LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, fineTuner(&ranOn, 300));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.pages()->setCurrentWidget(dialog.fineTunePage());
        QSignalSpy progressed(&dialog, &LearnDialog::fineTuneProgressed);
        QSignalSpy finished(&dialog, &LearnDialog::fineTuneFinished);
        QTest::mouseClick(dialog.fineTuneButton(), Qt::LeftButton);
        QVERIFY(dialog.isFineTuning());
        QVERIFY(progressed.wait(60000));
        // Wait for a chunk past the start, so that Cancel really stops a run that is under way.
        QTRY_VERIFY_WITH_TIMEOUT(progressed.last().at(0).toInt() > 0, 60000);
        const int total = progressed.last().at(1).toInt();
        QVERIFY(dialog.cancelFineTuneButton()->isEnabled());
        QTest::mouseClick(dialog.cancelFineTuneButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!dialog.isFineTuning());
        const int reached = progressed.last().at(0).toInt();
        qInfo("cancelled at step %d of %d", reached, total);
        QVERIFY(reached < total);
        QVERIFY2(dialog.fineTuneStatusLabel()->text().contains(QStringLiteral("cancelled")),
                 qPrintable(dialog.fineTuneStatusLabel()->text()));
        QVERIFY(!dialog.acceptModelButton()->isEnabled());
        QVERIFY(dialog.fineTuneButton()->isEnabled()); // can start again
        QCOMPARE(m_store->models()->size(), models);
        QCOMPARE(modelFiles(m_dir), filesBefore);
        QCOMPARE(settings::appSettings().value(settings::kEngineModel).toString(), m_base);
    }

    /// A whole run: progress, before/after on held-out people, registered but not active until accepted.
    void fineTuneRegisterAccept()
    {
        useEngine(QStringLiteral("swin"), m_base);
        const size_t models = m_store->models()->size();
        std::atomic<Qt::HANDLE> ranOn{nullptr};
        LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, fineTuner(&ranOn));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.pages()->setCurrentWidget(dialog.fineTunePage());
        QCOMPARE(dialog.baseModel(), m_base);
        QVERIFY(!dialog.acceptModelButton()->isEnabled());
        QSignalSpy progressed(&dialog, &LearnDialog::fineTuneProgressed);
        QSignalSpy finished(&dialog, &LearnDialog::fineTuneFinished);
        QSignalSpy changed(&dialog, &LearnDialog::modelChanged);
        QTest::mouseClick(dialog.fineTuneButton(), Qt::LeftButton);
        QVERIFY(dialog.isFineTuning());
        QVERIFY(!dialog.fineTuneButton()->isEnabled());
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.fineTuneStatusLabel()->text()));
        QVERIFY(ranOn.load() != QThread::currentThreadId()); // never on the GUI thread

        // Progress advanced step by step to its total.
        QVERIFY(progressed.count() >= 5);
        int last = -1;
        for (const auto& p : progressed) {
            QVERIFY(p.at(0).toInt() >= last);
            last = p.at(0).toInt();
        }
        QCOMPARE(last, progressed.last().at(1).toInt());
        QVERIFY(progressed.first().at(0).toInt() < last);

        const NetworkFineTuneOutcome& o = *dialog.fineTuneOutcome();
        const int sharpness = index(Attribute::Sharpness);
        qInfo("%d photos of %d people trained, %d photos of %d people held out: sharpness %.3f -> %.3f", o.trainPhotos,
              o.trainPeople, o.heldOutPhotos, o.heldOutPeople, o.before[size_t(sharpness)], o.after[size_t(sharpness)]);
        QCOMPARE(o.trainPhotos + o.heldOutPhotos, 2 * kPeople);
        QCOMPARE(o.trainPeople + o.heldOutPeople, kPeople);
        QVERIFY(o.heldOutPeople >= 5);
        QCOMPARE(o.heldOutLabels[size_t(sharpness)], o.heldOutPhotos);
        QCOMPARE(o.heldOutLabelsTotal, o.heldOutPhotos); // nobody judged another attribute
        QCOMPARE(dialog.fineTuneTable()->item(sharpness, 0)->text(),
                 QString::number(o.before[size_t(sharpness)], 'f', 3));
        QCOMPARE(dialog.fineTuneTable()->item(sharpness, 1)->text(),
                 QString::number(o.after[size_t(sharpness)], 'f', 3));
        // Lighting: nobody reviewed it, a "-" that explains itself.
        QCOMPARE(dialog.fineTuneTable()->item(0, 0)->text(), QStringLiteral("-"));
        QVERIFY(dialog.fineTuneTable()->item(0, 0)->toolTip().contains(QStringLiteral("Not enough reviewed photos")));
        QVERIFY2(dialog.fineTuneStatusLabel()->text().contains(QStringLiteral("%1 other people").arg(o.heldOutPeople)),
                 qPrintable(dialog.fineTuneStatusLabel()->text()));
        // Sharp against blurred is learnable: the new heads judge people they never saw better than the
        // untrained ones.
        QVERIFY2(o.beatsCurrent(), qPrintable(dialog.acceptReasonLabel()->text()));
        QVERIFY(o.after[size_t(sharpness)] > o.before[size_t(sharpness)]);
        // With HQA_SCREENSHOT_DIR set: the page after a run, before Accept.
        if (const QString shots = qEnvironmentVariable("HQA_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QVERIFY(QDir().mkpath(shots));
            QTest::qWait(100); // the labels' new texts laid out
            QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("learn-finetune.png"))));
        }

        // Registered at once, with its parent and held-out figures...
        auto registered = m_store->models();
        QVERIFY(registered);
        QCOMPARE(registered->size(), models + 1);
        const ModelRecord& rec = registered->back();
        QCOMPARE(rec.id, dialog.registeredModelId());
        QCOMPARE(rec.name, QStringLiteral("swin"));
        QCOMPARE(rec.path, QFileInfo(o.modelPath).absoluteFilePath());
        QCOMPARE(rec.version, o.modelVersion);
        QCOMPARE(rec.sha256, fileSha256(o.modelPath));
        QCOMPARE(rec.metrics.value(QStringLiteral("parent_version")).toString(), QStringLiteral("fresh-3"));
        QCOMPARE(rec.metrics.value(QStringLiteral("held_out_people")).toInt(), o.heldOutPeople);
        QCOMPARE(rec.metrics.value(QStringLiteral("held_out_accuracy_after"))
                     .toObject()
                     .value(QStringLiteral("sharpness"))
                     .toDouble(),
                 o.after[size_t(sharpness)]);
        auto loaded = SwinModel::load(o.modelPath);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().detail));
        QCOMPARE((*loaded)->metadata().modelVersion, o.modelVersion);
        // ... but not the active model until the user accepts it.
        QCOMPARE(settings::appSettings().value(settings::kEngineModel).toString(), m_base);
        QCOMPARE(changed.count(), 0);
        QVERIFY(dialog.acceptModelButton()->isEnabled());
        QTest::mouseClick(dialog.acceptModelButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(settings::appSettings().value(settings::kEngineModel).toString(), rec.path);
        QCOMPARE(settings::appSettings().value(settings::kEngineName).toString(), QStringLiteral("swin"));
        QVERIFY(!dialog.acceptModelButton()->isEnabled());
        QCOMPARE(dialog.baseModel(), rec.path); // a next run starts from the accepted version
    }

    /// A version that does not beat the current one: registered for reference, Accept not offered, and why.
    void worseIsNotOffered()
    {
        useEngine(QStringLiteral("fused"), m_base);
        const size_t models = m_store->models()->size();
        LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{}, worseFineTuner());
        QSignalSpy finished(&dialog, &LearnDialog::fineTuneFinished);
        dialog.startFineTune();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!dialog.acceptModelButton()->isEnabled());
        QVERIFY(!dialog.acceptFineTuned());
        QVERIFY2(dialog.acceptReasonLabel()->text().contains(QStringLiteral("does not beat the current one")),
                 qPrintable(dialog.acceptReasonLabel()->text()));
        QCOMPARE(m_store->models()->size(), models + 1);
        QCOMPARE(m_store->models()->back().metrics.value(QStringLiteral("beats_current")).toBool(), false);
        QCOMPARE(settings::appSettings().value(settings::kEngineModel).toString(), m_base);
        QCOMPARE(settings::appSettings().value(settings::kEngineName).toString(), QStringLiteral("fused"));
    }
};

QTEST_MAIN(TstLearnFinetune)
#include "tst_learn_finetune.moc"

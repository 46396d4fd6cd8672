// The "Learn from corrections" dialog's own behaviour, with a scripted trainer standing in for the corrections
// head (not in this build yet): the trainer runs off the GUI thread, progress arrives as epochs, Cancel stops
// it and nothing changes, the new head becomes active only on "Use", and an earlier version can be restored.
// This does not test any learning: that belongs to the trainer's own tests.
#include "ui/settings/AppSettings.h"
#include "ui/training/LearnDialog.h"

#include "core/engine/Engine.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QThread>
#include <QtTest>

using namespace hqa::ui;
using namespace hqa::core;

namespace {
/// Writes a head file and reports `epochs` epochs; stops early when cancelled.
HeadTrainingFunction scriptedTrainer(int epochs, std::atomic<Qt::HANDLE>* ranOn, int sleepMs)
{
    return [=](const HeadTrainingInput& in, const std::function<void(const HeadTrainingProgress&)>& progress,
               const std::atomic_bool& cancel) -> Expected<HeadTrainingOutcome> {
        *ranOn = QThread::currentThreadId();
        for (int e = 1; e <= epochs; ++e) {
            if (cancel)
                return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
            QThread::msleep(sleepMs);
            progress({e, epochs, 1.0 / e, 1.2 / e, 0.5 + 0.05 * e});
        }
        QFile f(in.outPath);
        if (!f.open(QIODevice::WriteOnly))
            return Error{ErrorCode::Io, in.outPath};
        f.write("{\"head\":1}");
        HeadTrainingOutcome out;
        out.headPath = in.outPath;
        out.version = QStringLiteral("v%1").arg(epochs);
        out.trainSamples = 30;
        out.heldOutSamples = 10;
        for (size_t i = 0; i < out.attributes.size(); ++i)
            out.attributes[i] = {0.6, 0.7 + 0.01 * double(i), 10};
        return out;
    };
}
} // namespace

class TstLearnDialog : public QObject {
    Q_OBJECT
    std::unique_ptr<ProjectStore> m_store;
private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        settings::appSettings().clear();
        auto s = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/learn.hqa"));
        QVERIFY(s);
        m_store = std::move(*s);
    }

    void trainUseRestore()
    {
        std::atomic<Qt::HANDLE> ranOn{nullptr};
        QString firstHead;
        {
            LearnDialog dialog(m_store.get(), nullptr, scriptedTrainer(3, &ranOn, 5));
            QSignalSpy epochs(&dialog, &LearnDialog::epochFinished);
            QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
            QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
            QVERIFY(dialog.isTraining());
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.first().first().toBool(), true);
            QCOMPARE(epochs.count(), 3);
            QCOMPARE(epochs.at(2).at(0).toInt(), 3);
            QVERIFY(ranOn.load() != QThread::currentThreadId()); // not on the GUI thread
            QCOMPARE(dialog.figuresTable()->item(2, 1)->text(), QStringLiteral("0.720"));
            // Nothing active before the user accepts.
            QVERIFY(!settings::appSettings().contains(settings::kEngineHead));
            QVERIFY(m_store->models()->empty());
            QVERIFY(dialog.useButton()->isEnabled());
            QSignalSpy changed(&dialog, &LearnDialog::headChanged);
            QTest::mouseClick(dialog.useButton(), Qt::LeftButton);
            QCOMPARE(changed.count(), 1);
            firstHead = dialog.outcome()->headPath;
            QCOMPARE(settings::appSettings().value(settings::kEngineHead).toString(), firstHead);
            QCOMPARE(int(m_store->models()->size()), 1);
            QCOMPARE(m_store->models()->front().version, QStringLiteral("v3"));
            QCOMPARE(dialog.versionList()->count(), 1);
        }
        QTest::qWait(1100); // the output file name carries seconds: the second run must not overwrite it
        {
            LearnDialog dialog(m_store.get(), nullptr, scriptedTrainer(2, &ranOn, 5));
            QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
            dialog.startTraining();
            QVERIFY(finished.wait(10000));
            QVERIFY(dialog.useNewHead());
            QCOMPARE(dialog.versionList()->count(), 2);
            QVERIFY(settings::appSettings().value(settings::kEngineHead).toString() != firstHead);
            // Back to the first version from the list.
            for (int i = 0; i < dialog.versionList()->count(); ++i)
                if (dialog.versionList()->item(i)->data(Qt::UserRole).toString() == firstHead)
                    dialog.versionList()->setCurrentRow(i);
            QVERIFY(dialog.restoreSelected());
            QCOMPARE(settings::appSettings().value(settings::kEngineHead).toString(), firstHead);
        }
    }

    void cancelLeavesHeadAlone()
    {
        const QVariant before = settings::appSettings().value(settings::kEngineHead);
        const size_t models = m_store->models()->size();
        std::atomic<Qt::HANDLE> ranOn{nullptr};
        LearnDialog dialog(m_store.get(), nullptr, scriptedTrainer(1000, &ranOn, 10));
        QSignalSpy epochs(&dialog, &LearnDialog::epochFinished);
        QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
        dialog.startTraining();
        QVERIFY(epochs.wait(5000));
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(epochs.count() < 1000);
        QVERIFY(!dialog.useButton()->isEnabled());
        QCOMPARE(settings::appSettings().value(settings::kEngineHead), before);
        QCOMPARE(m_store->models()->size(), models);
    }

    /// The build's real trainer (the corrections head) through the dialog: golden labels of labelled photos,
    /// verdicts of the measures engine, before/after figures on the held-out photos, the head file registered.
    void realTrainer()
    {
        if (!defaultHeadTraining())
            QSKIP("no corrections-head trainer in this build");
        auto set = readLabelFile(hqa::test::cachePath(QStringLiteral("eval/labels.csv")));
        QVERIFY(set);
        auto created = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/real.hqa"));
        QVERIFY(created);
        auto store = std::move(*created);
        auto engine = makeEngine(EngineOptions{});
        QVERIFY(engine);
        int photos = 0;
        for (size_t k = 0; k < set->rows.size() && photos < 40; k += 4) {
            auto added = store->addPhoto(set->rows[k].path);
            QVERIFY(added);
            if (added->outcome != AddPhotoResult::Outcome::Added)
                continue;
            QVERIFY(store->addAssessment(added->id, assessFile(**engine, set->rows[k].path)));
            QVERIFY(!store->setGoldenLabel(added->id, set->rows[k].label, QStringLiteral("eval set")));
            ++photos;
        }
        LearnDialog dialog(store.get());
        QVERIFY(dialog.startButton()->isEnabled());
        QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
        dialog.startTraining();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
        const auto& outcome = *dialog.outcome();
        QVERIFY(outcome.heldOutSamples > 0);
        QVERIFY(QFile::exists(outcome.headPath));
        int compared = 0;
        for (const auto& f : outcome.attributes)
            if (f.heldOut > 0 && !std::isnan(f.before) && !std::isnan(f.after))
                ++compared;
        QVERIFY(compared > 0);
        for (size_t i = 0; i < outcome.attributes.size(); ++i)
            qInfo("%s: held-out %d, accuracy before %.3f, after %.3f", kAttributeKeys[i].data(),
                  outcome.attributes[i].heldOut, outcome.attributes[i].before, outcome.attributes[i].after);
        QVERIFY(dialog.figuresTable()->item(0, 2)->text().toInt() >= 0);
        QVERIFY(dialog.useNewHead());
        QCOMPARE(store->models()->back().path, outcome.headPath);
        QCOMPARE(store->models()->back().version, outcome.version);
    }

    void noTrainerSaysSo()
    {
        LearnDialog dialog(m_store.get(), nullptr, HeadTrainingFunction{});
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("CorrectionsHead")));
    }
};

QTEST_MAIN(TstLearnDialog)
#include "tst_learn_dialog.moc"

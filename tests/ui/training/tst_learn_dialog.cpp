// The "Learn from corrections" dialog's own behaviour, with a scripted trainer standing in for the corrections
// head: the trainer runs off the GUI thread, progress arrives as epochs, Cancel stops it and nothing changes,
// the held-out size (photos, people) and the gain's interval are shown, the new head becomes active only on
// "Use", nothing can be used when no attribute beat the engine (and the dialog says why), and an earlier
// version can be restored. The learning itself belongs to the trainer's own tests; realTrainer runs it once.
#include "ui/settings/AppSettings.h"
#include "ui/training/LearnDialog.h"

#include "core/engine/Engine.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        out.heldOutPeople = 7;
        for (size_t i = 0; i < out.attributes.size(); ++i) {
            out.attributes[i] = BeforeAfter{};
            out.attributes[i].before = 0.6;
            out.attributes[i].after = 0.7 + 0.01 * double(i);
            out.attributes[i].heldOut = 10;
            out.attributes[i].heldOutPeople = 7;
            out.attributes[i].gain = 0.1 + 0.01 * double(i);
            out.attributes[i].gainLow = 0.02;
            out.attributes[i].gainHigh = 0.18;
        }
        return out;
    };
}

/// A run in which no attribute beat the engine: no head file, the reasons per attribute.
HeadTrainingFunction nothingLearnedTrainer()
{
    return [](const HeadTrainingInput&, const std::function<void(const HeadTrainingProgress&)>&,
              const std::atomic_bool&) -> Expected<HeadTrainingOutcome> {
        HeadTrainingOutcome out;
        out.trainSamples = 51;
        out.heldOutSamples = 51;
        out.heldOutPeople = 3;
        for (auto& f : out.attributes) {
            f = BeforeAfter{};
            f.before = 0.8;
            f.after = 0.8;
            f.heldOut = 51;
            f.heldOutPeople = 3;
            f.gain = 0.2;
            f.gainLow = -0.1;
            f.gainHigh = 0.4;
            f.replaced = false;
            f.note = QStringLiteral("only 3 different people held out; the engine keeps judging");
        }
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
            // The held-out size and the uncertainty, not only the point figures.
            QCOMPARE(dialog.figuresTable()->item(2, 2)->text(), QStringLiteral("10"));
            QCOMPARE(dialog.figuresTable()->item(2, 3)->text(), QStringLiteral("7"));
            QCOMPARE(dialog.figuresTable()->item(2, 4)->text(), QStringLiteral("+12.0 (+2.0 to +18.0)"));
            QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("of 7 different people")),
                     qPrintable(dialog.statusLabel()->text()));
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

    void nothingLearnedSaysWhy()
    {
        const QVariant before = settings::appSettings().value(settings::kEngineHead);
        const size_t models = m_store->models()->size();
        LearnDialog dialog(m_store.get(), nullptr, nothingLearnedTrainer());
        QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
        dialog.startTraining();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!dialog.useButton()->isEnabled());
        QVERIFY(!dialog.useNewHead());
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("engine keeps judging every attribute")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("51 held-out photo")));
        QVERIFY(dialog.figuresTable()->item(0, 5)->text().contains(QStringLiteral("only 3 different people")));
        QCOMPARE(dialog.figuresTable()->item(0, 4)->text(), QStringLiteral("+20.0 (-10.0 to +40.0)"));
        QCOMPARE(settings::appSettings().value(settings::kEngineHead), before);
        QCOMPARE(m_store->models()->size(), models);
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

    /// The build's real trainer (the corrections head) through the dialog: portraits of different people, each
    /// in a folder of its own (the folder is the person), reviewed by someone stricter about lighting than the
    /// engine (a lighting score the engine passes but below the reviewer's cut fails); the head must be learned,
    /// with its held-out people and interval shown, and registered on "Use".
    void realTrainer()
    {
        QVERIFY(defaultHeadTraining());
        const QDir portraits(hqa::test::sourcePath(QStringLiteral("../shared/data/portraits")));
        const QStringList files = portraits.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 200, qPrintable(portraits.path()));
        auto created = ProjectStore::create(hqa::test::tempDir() + QStringLiteral("/real.hqa"));
        QVERIFY(created);
        auto store = std::move(*created);
        auto engine = makeEngine(EngineOptions{});
        QVERIFY(engine);
        struct Reviewed {
            PhotoId id;
            Assessment assessment;
        };
        std::vector<Reviewed> reviewed;
        for (int k = 0; k < files.size() && reviewed.size() < 100; k += 2) {
            const QString dir = hqa::test::tempDir() + QStringLiteral("/people/")
                + QFileInfo(files[k]).completeBaseName();
            QVERIFY(QDir().mkpath(dir));
            const QString copy = dir + u'/' + files[k];
            QVERIFY(QFile::copy(portraits.filePath(files[k]), copy));
            const Assessment a = assessFile(**engine, copy);
            if (!a.ok() || !a.verdict(Attribute::Lighting).judged)
                continue;
            auto added = store->addPhoto(copy);
            QVERIFY(added);
            QVERIFY(store->addAssessment(added->id, a));
            reviewed.push_back({added->id, a});
        }
        std::vector<double> passing;
        for (const auto& r : reviewed)
            if (r.assessment.verdict(Attribute::Lighting).pass)
                passing.push_back(r.assessment.verdict(Attribute::Lighting).score);
        QVERIFY(passing.size() > 30);
        std::sort(passing.begin(), passing.end());
        const double cut = passing[passing.size() / 2];
        for (const auto& r : reviewed) {
            Label golden = kUnknownLabel;
            golden[size_t(index(Attribute::Lighting))] = r.assessment.verdict(Attribute::Lighting).score >= cut ? 1 : 0;
            QVERIFY(!store->setGoldenLabel(r.id, golden, QStringLiteral("strict reviewer")));
        }
        LearnDialog dialog(store.get());
        QVERIFY(dialog.startButton()->isEnabled());
        QSignalSpy finished(&dialog, &LearnDialog::trainingFinished);
        dialog.startTraining();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
        const auto& outcome = *dialog.outcome();
        const int lighting = index(Attribute::Lighting);
        qInfo("%d reviewed photos; lighting: %s", int(reviewed.size()),
              qPrintable(dialog.figuresTable()->item(lighting, 5)->text()));
        QVERIFY2(outcome.attributes[size_t(lighting)].replaced, qPrintable(outcome.attributes[size_t(lighting)].note));
        QVERIFY(QFile::exists(outcome.headPath));
        QCOMPARE(outcome.heldOutPeople, int(reviewed.size()));
        QCOMPARE(dialog.figuresTable()->item(lighting, 3)->text(), QString::number(reviewed.size()));
        QVERIFY(outcome.attributes[size_t(lighting)].gainLow > 0);
        QVERIFY2(dialog.figuresTable()->item(lighting, 4)->text().contains(QStringLiteral(" to +")),
                 qPrintable(dialog.figuresTable()->item(lighting, 4)->text()));
        QVERIFY(dialog.figuresTable()->item(lighting, 5)->text().startsWith(QStringLiteral("Learned")));
        // Nobody reviewed the other attributes: the engine keeps them.
        QVERIFY(!outcome.attributes[size_t(index(Attribute::Sharpness))].replaced);
        QVERIFY(dialog.useButton()->isEnabled());
        QVERIFY(dialog.useNewHead());
        QCOMPARE(store->models()->back().path, outcome.headPath);
        QCOMPARE(store->models()->back().version, outcome.version);
        QCOMPARE(store->models()->back().metrics.value(QStringLiteral("held_out_people")).toInt(),
                 int(reviewed.size()));
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

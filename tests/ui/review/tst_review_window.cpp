// The review window driven like a user: photos dropped as mime data, verdicts flipped with keys, undo, filters,
// cancel, broken files. Real photos from the eval set, real engine on the worker thread.
#include "ReviewTestUtil.h"

#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/panel/AttributePanel.h"
#include "ui/viewer/PhotoViewer.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUrl>

using namespace hqa;
using namespace hqa::ui;
using hqa::core::Attribute;

namespace {
using hqa::test::dropFiles;
using hqa::test::sourceRowOf;
constexpr int kBatchTimeoutMs = 120000;
const QString kReviewer = QStringLiteral("Test Reviewer");

void selectPhoto(MainWindow& w, const QString& path)
{
    const QModelIndex source = w.photoModel()->index(sourceRowOf(w, path), 0);
    const QModelIndex proxy = w.filterModel()->mapFromSource(source);
    QVERIFY(proxy.isValid());
    w.gridView()->setCurrentIndex(proxy);
}
} // namespace

class TestReviewWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa"))
            .setValue(QStringLiteral("review/reviewer"), kReviewer);
        const auto eval = test::evalPhotos();
        QVERIFY2(eval.size() > 100, "eval set missing: run the testdata_fetch test");
        // Two photos whose known label fails framing or lighting, and two that pass all the judged ones.
        // One photo per group (variants of one frame may share bytes, and the store keeps one photo per content).
        QSet<QString> groups;
        for (const auto& p : eval) {
            const QString group = QFileInfo(p.path).dir().dirName();
            if (groups.contains(group))
                continue;
            if (m_failing.size() < 2 && p.label.contains(QLatin1Char('0'))) {
                m_failing << p.path;
                groups.insert(group);
            } else if (m_passing.size() < 2 && !p.label.contains(QLatin1Char('0'))) {
                m_passing << p.path;
                groups.insert(group);
            }
        }
        QCOMPARE(m_failing.size(), 2);
        QCOMPARE(m_passing.size(), 2);
        const QString dir = test::tempDir();
        m_truncated = dir + QStringLiteral("/truncated.jpg");
        QVERIFY(QFile::copy(test::cachePath(QStringLiteral("photos/misc/truncated.jpg")), m_truncated));
        m_text = dir + QStringLiteral("/x.jpg");
        QFile text(m_text);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is a text file with an image name\n");
        text.close();
        for (const auto& p : eval)
            m_many << p.path;
        QFile::remove(MainWindow::defaultProjectPath());
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void dropShowsThumbnailsAndBadges()
    {
        MainWindow& w = *m_window;
        QVERIFY(w.store() == nullptr);
        QSignalSpy opened(&w, &MainWindow::projectOpened);
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        dropFiles(&w, m_passing + m_failing + QStringList{m_truncated, m_text});
        // No project was open: the default one is created and the status bar says so.
        QVERIFY(w.store() != nullptr);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(QFileInfo(w.store()->path()).absoluteFilePath(),
                 QFileInfo(MainWindow::defaultProjectPath()).absoluteFilePath());
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("default project")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() == 1, kBatchTimeoutMs);
        QCOMPARE(w.photoModel()->rowCount(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() == 1, kBatchTimeoutMs);
        for (const QString& f : m_passing + m_failing) {
            const PhotoRow* row = w.photoModel()->rowAt(sourceRowOf(w, f));
            QVERIFY(row);
            QVERIFY2(row->state() == PhotoState::AllPass || row->state() == PhotoState::Failing, qPrintable(f));
            QVERIFY(row->assessment && row->assessment->ok());
            // The badges show the engine's verdicts: at least lighting and background are judged on a real face.
            const QString label = w.photoModel()->index(sourceRowOf(w, f)).data(PhotoListModel::LabelRole).toString();
            QCOMPARE(label.size(), 6);
            QVERIFY2(label[0] != QLatin1Char('-') && label[1] != QLatin1Char('-'), qPrintable(label));
            // ... and the store holds the assessment written by the worker's own connection.
            auto stored = w.store()->latestAssessment(row->id);
            QVERIFY(stored && stored->has_value());
            QCOMPARE(QString::fromStdString((*stored)->assessment.label()), label);
        }
        // Broken files show their error in words; the batch went on past them.
        for (const QString& f : {m_truncated, m_text}) {
            const PhotoRow* row = w.photoModel()->rowAt(sourceRowOf(w, f));
            QVERIFY(row);
            QCOMPARE(row->state(), PhotoState::Error);
            QVERIFY2(row->errorText.contains(QStringLiteral("not a readable image")), qPrintable(row->errorText));
            QCOMPARE(w.photoModel()->index(sourceRowOf(w, f)).data(PhotoListModel::StateTextRole).toString(),
                     QStringLiteral("Error"));
        }
        // Thumbnails are made off-thread for the rows the grid shows.
        QTRY_VERIFY_WITH_TIMEOUT(w.photoModel()->thumbnailsReady() >= 4, 30000);
        const QModelIndex failingIndex = w.photoModel()->index(sourceRowOf(w, m_failing[0]));
        QVERIFY(!failingIndex.data(Qt::DecorationRole).value<QImage>().isNull());
        QVERIFY(failingIndex.data(Qt::DecorationRole).value<QImage>().width() <= PhotoListModel::kThumbnailSide);
    }

    void viewerShowsSelectedPhoto()
    {
        MainWindow& w = *m_window;
        selectPhoto(w, m_passing[0]);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->hasImage() && w.viewer()->path() == m_passing[0], 30000);
        QVERIFY(w.viewer()->viewport().scale > 0);
        const double fitted = w.viewer()->viewport().scale;
        w.viewer()->zoomIn();
        QVERIFY(w.viewer()->viewport().scale > fitted);
        w.viewer()->fitToWindow();
        QCOMPARE(w.viewer()->viewport().scale, fitted);
        // A broken file: the viewer says why instead of showing a picture.
        selectPhoto(w, m_text);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->message().contains(QStringLiteral("not a readable image")), 30000);
        QVERIFY(!w.viewer()->hasImage());
    }

    void flipWithKeyAndUndo()
    {
        MainWindow& w = *m_window;
        selectPhoto(w, m_passing[0]);
        const PhotoRow* row = w.photoModel()->rowAt(sourceRowOf(w, m_passing[0]));
        const core::PhotoId id = row->id;
        const int before = row->label[size_t(core::index(Attribute::Attire))];
        const QString textBefore = w.attributePanel()->verdictText(Attribute::Attire);
        QVERIFY(w.store()->corrections(id)->empty());

        QTest::keyClick(w.gridView(), Qt::Key_3);
        auto history = w.store()->corrections(id);
        QVERIFY(history);
        QCOMPARE(history->size(), size_t(1));
        const core::Correction c = history->front(); // a copy: history is read again below
        QCOMPARE(c.attribute, Attribute::Attire);
        QCOMPARE(c.oldValue, before);
        QCOMPARE(c.newValue, before == 0 ? 1 : 0);
        QCOMPARE(c.reviewer, kReviewer);
        QCOMPARE(c.kind, core::CorrectionKind::Edit);
        QCOMPARE(c.engine, row->assessment->engine);
        // The photo's badge and the panel follow the correction.
        row = w.photoModel()->rowAt(sourceRowOf(w, m_passing[0]));
        QCOMPARE(int(row->label[size_t(core::index(Attribute::Attire))]), c.newValue);
        QVERIFY(row->corrected);
        QVERIFY(w.attributePanel()->verdictText(Attribute::Attire) != textBefore);

        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        history = w.store()->corrections(id);
        QCOMPARE(history->size(), size_t(2));
        QCOMPARE(history->back().kind, core::CorrectionKind::Undo);
        QCOMPARE(history->back().revertsId, c.id);
        QCOMPARE(history->back().reviewer, kReviewer);
        row = w.photoModel()->rowAt(sourceRowOf(w, m_passing[0]));
        QCOMPARE(int(row->label[size_t(core::index(Attribute::Attire))]), before);
        QCOMPARE(w.attributePanel()->verdictText(Attribute::Attire), textBefore);

        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        history = w.store()->corrections(id);
        QCOMPARE(history->size(), size_t(3));
        QCOMPARE(history->back().kind, core::CorrectionKind::Redo);
        row = w.photoModel()->rowAt(sourceRowOf(w, m_passing[0]));
        QCOMPARE(int(row->label[size_t(core::index(Attribute::Attire))]), c.newValue);

        // Enter accepts all six verdicts: the photo's effective label becomes its golden label, verified by the
        // reviewer, and the selection moves on. One Ctrl+Z takes the acceptance back (shared timeline).
        selectPhoto(w, m_passing[0]);
        const core::Label effective = w.photoModel()->rowAt(sourceRowOf(w, m_passing[0]))->label;
        QVERIFY(!*w.store()->goldenLabel(id));
        QTest::keyClick(w.gridView(), Qt::Key_Return);
        auto golden = w.store()->goldenLabel(id);
        QVERIFY(golden && *golden);
        QCOMPARE((*golden)->label, effective);
        QCOMPARE((*golden)->verifiedBy, kReviewer);
        QVERIFY(w.gridView()->currentIndex().row()
                != w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, m_passing[0]), 0)).row());
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!*w.store()->goldenLabel(id));
        QCOMPARE(w.store()->corrections(id)->size(), size_t(3)); // the corrections were not touched
    }

    void keysMoveBetweenPhotos()
    {
        MainWindow& w = *m_window;
        w.gridView()->setCurrentIndex(w.filterModel()->index(0, 0));
        QTest::keyClick(w.gridView(), Qt::Key_J);
        QCOMPARE(w.gridView()->currentIndex().row(), 1);
        QTest::keyClick(w.gridView(), Qt::Key_PageDown);
        QCOMPARE(w.gridView()->currentIndex().row(), 2);
        QTest::keyClick(w.gridView(), Qt::Key_K);
        QCOMPARE(w.gridView()->currentIndex().row(), 1);
    }

    void filterToFailing()
    {
        MainWindow& w = *m_window;
        auto* box = w.findChild<QComboBox*>(QStringLiteral("filterBox"));
        QVERIFY(box);
        int expected = 0;
        for (int r = 0; r < w.photoModel()->rowCount(); ++r)
            expected += w.photoModel()->rowAt(r)->state() == PhotoState::Failing ? 1 : 0;
        QVERIFY2(expected >= 1, "the photos with known failures must fail something");
        box->setCurrentIndex(box->findText(QStringLiteral("Any failing attribute")));
        QCOMPARE(w.filterModel()->rowCount(), expected);
        for (int r = 0; r < w.filterModel()->rowCount(); ++r) {
            const QModelIndex i = w.filterModel()->index(r, 0);
            QCOMPARE(PhotoState(i.data(PhotoListModel::StateRole).toInt()), PhotoState::Failing);
            QVERIFY(i.data(PhotoListModel::LabelRole).toString().contains(QLatin1Char('0')));
            QVERIFY(i.data(PhotoListModel::StateTextRole).toString().endsWith(QStringLiteral("failing")));
        }
        box->setCurrentIndex(box->findText(QStringLiteral("Errors")));
        QCOMPARE(w.filterModel()->rowCount(), 2);
        box->setCurrentIndex(box->findText(QStringLiteral("Corrected")));
        QCOMPARE(w.filterModel()->rowCount(), 1);
        QCOMPARE(w.filterModel()->index(0, 0).data(PhotoListModel::PathRole).toString(), m_passing[0]);
        box->setCurrentIndex(0);
        QCOMPARE(w.filterModel()->rowCount(), 6);
    }

    void cancelRunningBatch()
    {
        MainWindow& w = *m_window;
        const QString project = test::tempDir() + QStringLiteral("/cancel.hqa");
        QVERIFY(w.openProject(project, true));
        QCOMPARE(w.photoModel()->rowCount(), 0);
        const QStringList files = m_many.mid(0, 40);
        dropFiles(&w, files);
        QTRY_COMPARE_WITH_TIMEOUT(w.photoModel()->rowCount(), 40, kBatchTimeoutMs);
        // Cancel as soon as the first few results are in.
        QTRY_VERIFY_WITH_TIMEOUT(w.progressBar()->value() >= 2, kBatchTimeoutMs);
        w.cancelAssessment();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing(), kBatchTimeoutMs);
        int assessed = 0, notAssessed = 0;
        for (int r = 0; r < w.photoModel()->rowCount(); ++r)
            (w.photoModel()->rowAt(r)->state() == PhotoState::NotAssessed ? notAssessed : assessed)++;
        QVERIFY2(notAssessed > 0 && assessed >= 2, qPrintable(QStringLiteral("%1 assessed").arg(assessed)));
        auto summary = w.store()->summary();
        QCOMPARE(summary->assessed, assessed);
        // The worker takes a new batch after the cancel: assess what is left.
        w.assessPhotos({});
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing(), kBatchTimeoutMs);
        for (int r = 0; r < w.photoModel()->rowCount(); ++r)
            QVERIFY(w.photoModel()->rowAt(r)->state() != PhotoState::NotAssessed);
        QCOMPARE(w.store()->summary()->assessed, 40);
    }

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_passing, m_failing, m_many;
    QString m_truncated, m_text;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_window.moc"

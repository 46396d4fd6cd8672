// Faulty input and what the panel says about it, driven like a reviewer on real widgets with real photos: identical files under two names,
// broken files in a project, the framing overlays and their legend, and the error and score texts of the panel.
#include "ReviewTestUtil.h"

#include "core/engine/Engine.h"
#include "core/select/StandardCrop.h"
#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/grid/BadgePainter.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/panel/AttributePanel.h"
#include "ui/viewer/PhotoViewer.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QRegularExpression>
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

bool selectPhoto(MainWindow& w, const QString& path)
{
    const QModelIndex proxy = w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, path), 0));
    if (!proxy.isValid())
        return false;
    w.gridView()->setCurrentIndex(proxy);
    return true;
}

/// The label of the panel that shows the photo's state ("Error: ..."), found by what it shows.
QLabel* stateLabel(AttributePanel* panel, const QString& containing)
{
    for (QLabel* l : panel->findChildren<QLabel*>())
        if (l->text().contains(containing))
            return l;
    return nullptr;
}

/// Pixels of `after` that show the fail colour where `before` did not: drawn in it (lines) or tinted towards it
/// (the translucent margin bands).
int failColouredPixels(const QImage& before, const QImage& after, const QRect& skip)
{
    const QColor f = failColour();
    int count = 0;
    for (int y = 0; y < after.height(); ++y)
        for (int x = 0; x < after.width(); ++x) {
            const QColor a = before.pixelColor(x, y), b = after.pixelColor(x, y);
            if (a == b || skip.contains(x, y)) // the legend is text, not a drawn rule
                continue;
            auto near = [](int u, int v, int tolerance) { return std::abs(u - v) <= tolerance; };
            const bool line = near(b.red(), f.red(), 40) && near(b.green(), f.green(), 40)
                && near(b.blue(), f.blue(), 40);
            // A band blends about 20 % of the fail colour in: recover the tint and compare it with the colour.
            const double k = 50.0 / 255.0;
            auto tint = [&](int bv, int av) { return int(std::lround((bv - (1 - k) * av) / k)); };
            const bool band = near(tint(b.red(), a.red()), f.red(), 45)
                && near(tint(b.green(), a.green()), f.green(), 45) && near(tint(b.blue(), a.blue()), f.blue(), 45);
            count += (line || band) ? 1 : 0;
        }
    return count;
}
} // namespace

class TestReviewFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa"))
            .setValue(QStringLiteral("review/reviewer"), QStringLiteral("Test Reviewer"));
        const auto eval = test::evalPhotos();
        QVERIFY2(eval.size() > 100, "eval set missing: run the testdata_fetch test");
        QSet<QString> groups;
        for (const auto& p : eval) {
            const QString group = QFileInfo(p.path).dir().dirName();
            if (!groups.contains(group)) {
                groups.insert(group);
                m_onePerGroup << p.path;
            }
        }
        QVERIFY(m_onePerGroup.size() >= 20);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->activateWindow(); // the verdict keys are window shortcuts
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    /// The same photo under two names (two employees' records) must not vanish: every path is shown, or
    /// the reviewer is told which files were the same; the progress counts what is really assessed.
    void identicalFilesAreNamed()
    {
        MainWindow& w = *m_window;
        const QString dir = test::tempDir() + QStringLiteral("/records");
        QVERIFY(QDir().mkpath(dir));
        QStringList files;
        QList<QPair<QString, QString>> pairs;
        for (int i = 0; i < 3; ++i) {
            const QString a = dir + QStringLiteral("/employee_%1.jpg").arg(1001 + i);
            const QString b = dir + QStringLiteral("/employee_%1.jpg").arg(2001 + i);
            QVERIFY(QFile::copy(m_onePerGroup[i], a));
            QVERIFY(QFile::copy(m_onePerGroup[i], b));
            files << a << b;
            pairs << qMakePair(a, b);
        }
        QVERIFY(w.openProject(test::tempDir() + QStringLiteral("/identical.hqa"), true));
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        dropFiles(&w, files);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() >= 1, kBatchTimeoutMs);

        auto* notice = w.findChild<QLabel*>(QStringLiteral("noticeLabel"));
        for (const auto& [a, b] : pairs) {
            const int ra = sourceRowOf(w, a), rb = sourceRowOf(w, b);
            QVERIFY2(ra >= 0 || rb >= 0, qPrintable(QStringLiteral("neither %1 nor its copy has a tile").arg(a)));
            for (int r : {ra, rb}) {
                if (r < 0)
                    continue;
                const PhotoRow* row = w.photoModel()->rowAt(r);
                QVERIFY2(row->state() == PhotoState::AllPass || row->state() == PhotoState::Failing,
                         qPrintable(row->path + QStringLiteral(": ") + PhotoListModel::stateText(*row)));
            }
            if (ra >= 0 && rb >= 0)
                continue; // a tile per path
            // One tile for both: it names the other file, and the window says which files were the same.
            const int kept = ra >= 0 ? ra : rb;
            const QString other = QFileInfo(ra >= 0 ? b : a).fileName();
            const QString tip = w.photoModel()->index(kept, 0).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(other), qPrintable(tip));
            QVERIFY2(notice && notice->isVisible(), "no message says which files were identical");
            QVERIFY2(notice->text().contains(QFileInfo(a).fileName())
                         && notice->text().contains(QFileInfo(b).fileName()),
                     qPrintable(notice->text()));
        }
        // The progress counted the photos it assessed, not the paths dropped.
        QCOMPARE(w.progressBar()->maximum(), w.photoModel()->rowCount());
    }

    /// Broken files are kept in the project (they are still there after reopening it) and the status
    /// bar counts every file that failed.
    void brokenFilesKeptAndCounted()
    {
        MainWindow& w = *m_window;
        const QString dir = test::tempDir() + QStringLiteral("/broken");
        QVERIFY(QDir().mkpath(dir));
        QStringList broken;
        auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
            broken << f.fileName();
        };
        write(QStringLiteral("notes.jpg"), "this is a text file with an image name\n");
        write(QStringLiteral("empty.jpg"), QByteArray());
        QFile rocket(test::cachePath(QStringLiteral("photos/misc/rocket.jpg")));
        QVERIFY(rocket.open(QIODevice::ReadOnly));
        write(QStringLiteral("cut.jpg"), rocket.read(300));
        for (const char* name : {"truncated.jpg", "tiny.gif"}) {
            const QString target = dir + QLatin1Char('/') + QLatin1String(name);
            QVERIFY(QFile::copy(test::cachePath(QStringLiteral("photos/misc/") + QLatin1String(name)), target));
            broken << target;
        }
        const QString good = m_onePerGroup[5];
        const QString project = test::tempDir() + QStringLiteral("/broken.hqa");
        QVERIFY(w.openProject(project, true));
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        dropFiles(&w, broken + QStringList{good});
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() >= 1, kBatchTimeoutMs);

        QCOMPARE(w.photoModel()->rowCount(), 6);
        const auto rate = w.statusBar()->findChildren<QLabel*>();
        QString finished;
        for (QLabel* l : rate)
            if (l->text().contains(QStringLiteral("error")))
                finished = l->text();
        QVERIFY2(finished.contains(QStringLiteral("5 error")), qPrintable(finished));

        // Reopened, the project still holds every broken file with its error.
        QVERIFY(w.openProject(test::tempDir() + QStringLiteral("/other.hqa"), true));
        QVERIFY(w.openProject(project, false));
        QCOMPARE(w.photoModel()->rowCount(), 6);
        for (const QString& f : broken) {
            const int r = sourceRowOf(w, f);
            QVERIFY2(r >= 0, qPrintable(f + QStringLiteral(" is not in the reopened project")));
            const PhotoRow* row = w.photoModel()->rowAt(r);
            QCOMPARE(row->state(), PhotoState::Error);
            QVERIFY2(!row->errorText.isEmpty(), qPrintable(f));
        }
        QCOMPARE(w.store()->summary()->photos, 6);
    }

    /// With framing passing, nothing is drawn in the fail colour; a failing framing still is. A legend
    /// names the overlays; landmarks are off by default.
    void overlaysFollowFramingVerdict()
    {
        auto engine = core::makeEngine(core::EngineOptions{});
        QVERIFY(engine);
        std::optional<core::Assessment> passing, failing;
        QString passingPath, failingPath;
        for (const QString& path : m_onePerGroup) {
            core::Assessment a = core::assessFile(**engine, path);
            if (!a.ok() || !a.face || a.face->landmarks.size() != 68 || !a.verdict(Attribute::Framing).judged)
                continue;
            const bool pass = a.verdict(Attribute::Framing).pass;
            const core::CropRules rules = core::measureCropRules(*a.face, a.imageSize);
            if (pass && !rules.allPass() && !passing) {
                passing = a;
                passingPath = path;
            } else if (!pass && !failing) {
                failing = a;
                failingPath = path;
            }
            if (passing && failing)
                break;
        }
        QVERIFY2(passing, "no photo whose framing passes while a standard-crop rule misses");
        QVERIFY2(failing, "no photo whose framing fails");

        PhotoViewer viewer;
        viewer.resize(700, 700);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QVERIFY2(!(viewer.overlays() & PhotoViewer::Landmarks), "landmarks are on by default");

        const PhotoViewer::Overlays framing = PhotoViewer::IdealCrop | PhotoViewer::HeadChinLines
            | PhotoViewer::CentreLine | PhotoViewer::FailingMargins;
        auto failPixels = [&](const QString& path, const core::Assessment& a) {
            QSignalSpy shown(&viewer, &PhotoViewer::imageShown);
            viewer.setPhoto(path, a);
            if (!viewer.hasImage() || viewer.path() != path)
                shown.wait(30000);
            for (int bit = 1; bit <= 0x80; bit <<= 1)
                viewer.setOverlay(PhotoViewer::Overlay(bit), false);
            const QImage before = viewer.grab().toImage().convertToFormat(QImage::Format_RGB32);
            for (int bit = 1; bit <= 0x80; bit <<= 1)
                viewer.setOverlay(PhotoViewer::Overlay(bit), framing.testFlag(PhotoViewer::Overlay(bit)));
            const QImage after = viewer.grab().toImage().convertToFormat(QImage::Format_RGB32);
            auto* legend = viewer.findChild<QLabel*>(QStringLiteral("overlayLegend"));
            return failColouredPixels(before, after, legend && legend->isVisible() ? legend->geometry() : QRect());
        };
        const int onFailing = failPixels(failingPath, *failing);
        QVERIFY2(
            onFailing > 200,
            qPrintable(
                QStringLiteral("%1 fail-coloured pixels on a failing framing (%2)").arg(onFailing).arg(failingPath)));
        const int onPassing = failPixels(passingPath, *passing);
        QVERIFY2(onPassing < 20,
                 qPrintable(QStringLiteral("%1 fail-coloured pixels although framing passes (%2)")
                                .arg(onPassing)
                                .arg(passingPath)));

        // The legend names what is drawn.
        auto* legend = viewer.findChild<QLabel*>(QStringLiteral("overlayLegend"));
        QVERIFY2(legend, "no overlay legend");
        QVERIFY(legend->isVisible());
        const QString text = legend->text();
        QVERIFY2(text.contains(QStringLiteral("Ideal")) && text.contains(QStringLiteral("chin")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Landmarks")), qPrintable(text));
    }

    /// Error texts read as sentences without repeating themselves, the panel header shows all of a long
    /// error, and a verdict a reviewer set is not shown next to a bare engine "score 0%".
    void errorTextsRead()
    {
        MainWindow& w = *m_window;
        m_window->activateWindow(); // the viewer test's own window took the focus
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        const QString dir = test::tempDir() + QStringLiteral("/texts");
        QVERIFY(QDir().mkpath(dir));
        const QString noFace = dir + QStringLiteral("/rocket.jpg");
        const QString truncated = dir + QStringLiteral("/a_rather_long_file_name_of_a_truncated_photo.jpg");
        QVERIFY(QFile::copy(test::cachePath(QStringLiteral("photos/misc/rocket.jpg")), noFace));
        QVERIFY(QFile::copy(test::cachePath(QStringLiteral("photos/misc/truncated.jpg")), truncated));
        QVERIFY(w.openProject(test::tempDir() + QStringLiteral("/texts.hqa"), true));
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        // Framing of the eval photos: find one the engine fails on some attribute with a low score.
        dropFiles(&w, QStringList{noFace, truncated} + m_onePerGroup.mid(6, 6));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() >= 1, kBatchTimeoutMs);
        w.resize(1400, 860);
        QApplication::processEvents();

        const QRegularExpression lowerAfterStop(QStringLiteral("[.!?]\\s+[a-z]"));
        for (const QString& f : {noFace, truncated}) {
            QVERIFY(selectPhoto(w, f));
            const PhotoRow* row = w.photoModel()->rowAt(sourceRowOf(w, f));
            QCOMPARE(row->state(), PhotoState::Error);
            const QString error = row->errorText;
            QVERIFY2(!lowerAfterStop.match(error).hasMatch(), qPrintable(error));
            QVERIFY2(error.count(QStringLiteral("face"), Qt::CaseInsensitive) <= 1, qPrintable(error));
            QVERIFY2(error.count(QStringLiteral("image"), Qt::CaseInsensitive) <= 1, qPrintable(error));
            QVERIFY2(error.endsWith(QLatin1Char('.')), qPrintable(error));
            QLabel* state = stateLabel(w.attributePanel(), error);
            QVERIFY2(state, "the panel does not show the error");
            QVERIFY2(state->wordWrap() || state->fontMetrics().horizontalAdvance(state->text()) <= state->width(),
                     qPrintable(QStringLiteral("cut: '%1' in %2 px").arg(state->text()).arg(state->width())));
        }

        // A reviewer overrules an engine fail: the score bar beside "Pass" must not read as a bare "score N%".
        int target = -1, attribute = -1;
        for (int r = 0; r < w.photoModel()->rowCount() && target < 0; ++r) {
            const PhotoRow* row = w.photoModel()->rowAt(r);
            if (!row->assessment || !row->assessment->ok())
                continue;
            for (int i = 0; i < core::kAttributeCount; ++i) {
                const auto& v = row->assessment->verdict(core::kAllAttributes[size_t(i)]);
                if (v.judged && !v.pass) {
                    target = r;
                    attribute = i;
                    break;
                }
            }
        }
        QVERIFY2(target >= 0, "no engine fail among the photos");
        QVERIFY(selectPhoto(w, w.photoModel()->rowAt(target)->path));
        QTest::keyClick(w.gridView(), Qt::Key(Qt::Key_1 + attribute));
        QVERIFY2(w.photoModel()->rowAt(target)->corrected, qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(w.attributePanel()->verdictText(core::kAllAttributes[size_t(attribute)]), QStringLiteral("Pass"));
        const auto bars = w.attributePanel()->findChildren<QProgressBar*>();
        QCOMPARE(bars.size(), qsizetype(core::kAttributeCount));
        const QString barText = bars[attribute]->text();
        QVERIFY2(bars[attribute]->isTextVisible() && barText.contains(QStringLiteral("engine"), Qt::CaseInsensitive),
                 qPrintable(barText));
    }

private:
    std::unique_ptr<MainWindow> m_window;
    QStringList m_onePerGroup;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewFaults test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_faults.moc"

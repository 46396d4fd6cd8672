// Driven on real widgets with real photos: the compare view (zoom and pan synchronised on each photo's own
// face, a pinned reference while J/K change the other panes, Z for 100%, E for the eyes, the six badges), opened with
// C from the grid; and the sitting groups in the grid with B "keep the best, reject the rest".
// With HQA_SCREENSHOT_DIR set, writes compare-view.png there (the README's screenshot).
#include "ReviewTestUtil.h"

#include "core/engine/Engine.h"
#include "core/select/SittingGroups.h"
#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/compare/CompareView.h"
#include "ui/compare/SittingGrouping.h"
#include "ui/grid/BadgePainter.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QListView>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace hqa;
using namespace hqa::ui;

namespace {
using hqa::test::dropFiles;
using hqa::test::sourceRowOf;
constexpr int kBatchTimeoutMs = 180000;

QStringList franckFrames(int count)
{
    const QDir d(test::cachePath(QStringLiteral("frames")));
    const QStringList all = d.entryList({QStringLiteral("franck_*.png")}, QDir::Files, QDir::Name);
    // Consecutive frames of the sampled set: a few seconds of one sitting.
    QStringList out;
    for (int i = 0; i < count && 10 + i < all.size(); ++i)
        out << d.filePath(all[10 + i]);
    return out;
}

QStringList portraits(int count)
{
    const QDir d(QDir::cleanPath(QStringLiteral(HQA_PORTRAITS_DIR))); // the project keeps clean absolute paths
    const QStringList all = d.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
    QStringList out;
    for (int i = 0; i < count && i < all.size(); ++i)
        out << d.filePath(all[i * 7]);
    return out;
}

void wheel(QWidget* w, const QPointF& at, int angle)
{
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                  false);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget* w, const QPointF& from, const QPointF& to)
{
    QMouseEvent press(QEvent::MouseButtonPress, from, w->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(w, &press);
    QMouseEvent move(QEvent::MouseMove, to, w->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &move);
    QMouseEvent release(QEvent::MouseButtonRelease, to, w->mapToGlobal(to), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(w, &release);
}

/// Eye midpoint of a pane's face in pane pixels, relative to the pane centre.
QPointF eyesFromCentre(const ComparePane* p)
{
    return imageToWidget(p->viewport(), p->anchor().eyes) - QPointF(p->width() / 2.0, p->height() / 2.0);
}

/// Widget pixels per inter-eye distance: the face's size on screen.
double faceSize(const ComparePane* p) { return p->viewport().scale * p->anchor().ied; }

int pixelsNear(const QImage& img, const QRectF& r, const QColor& c)
{
    int n = 0;
    for (int y = int(r.top()); y < int(r.bottom()); ++y)
        for (int x = int(r.left()); x < int(r.right()); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) + std::abs(p.blue() - c.blue()) < 60)
                ++n;
        }
    return n;
}
} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_frames = franckFrames(5);
        m_people = portraits(3);
        QVERIFY2(m_frames.size() == 5, "franck frames missing from the test cache");
        QVERIFY2(m_people.size() == 3, "portraits missing (../shared/data/portraits)");
        // Real assessments (face geometry, verdicts) for the compare items.
        auto engine = core::makeEngine(core::EngineOptions{});
        QVERIFY(engine);
        for (const QString& f : QStringList{m_frames[0], m_people[0], m_frames[3], m_people[1], m_people[2]}) {
            CompareItem item;
            item.id = m_items.size() + 1;
            item.path = f;
            item.assessment = core::assessFile(**engine, f);
            QVERIFY2(item.assessment->ok() && item.assessment->face, qPrintable(f));
            for (int i = 0; i < core::kAttributeCount; ++i) {
                const auto& v = item.assessment->verdicts[size_t(i)];
                item.label[size_t(i)] = v.judged ? (v.pass ? 1 : 0) : -1;
            }
            m_items << item;
        }
    }

    void zoomAndPanFollowEveryFace()
    {
        CompareView view;
        view.resize(1200, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setItems(m_items.mid(0, 4));
        QCOMPARE(view.paneCount(), 4);
        QCOMPARE(view.pinnedPane(), -1); // four photos, four panes: nothing to step through
        for (int i = 0; i < 4; ++i)
            QTRY_VERIFY_WITH_TIMEOUT(view.pane(i)->hasImage(), 20000);
        // Fitted: each photo whole in its pane; the faces have different sizes (franck is small in his frame).
        for (int i = 0; i < 4; ++i) {
            const Viewport fit = fitViewport(view.pane(i)->originalSize(), QSizeF(view.pane(i)->size()));
            QCOMPARE(view.pane(i)->viewport().scale, fit.scale);
        }
        QVERIFY(std::abs(faceSize(view.pane(0)) - faceSize(view.pane(1))) > 5);

        // A wheel step over pane 0's eyes: the image point under the pointer stays put in pane 0, and every pane
        // now shows its face at the same size and in the same place relative to the pane centre.
        ComparePane* p0 = view.pane(0);
        const QPointF at = imageToWidget(p0->viewport(), p0->anchor().eyes) + QPointF(12, -7);
        const QPointF imageUnder = widgetToImage(p0->viewport(), at);
        const double before = p0->viewport().scale;
        wheel(p0, at, 120);
        QCOMPARE(view.sync().mode, CompareSync::Mode::Face);
        QVERIFY(std::abs(p0->viewport().scale / before - 1.25) < 1e-9);
        const QPointF still = imageToWidget(p0->viewport(), imageUnder);
        QVERIFY2(QLineF(still, at).length() < 1e-6, "the point under the wheel moved");
        for (int i = 1; i < 4; ++i) {
            QVERIFY2(
                std::abs(faceSize(view.pane(i)) - faceSize(p0)) < 1e-6,
                qPrintable(
                    QStringLiteral("pane %1: face %2 px vs %3").arg(i).arg(faceSize(view.pane(i))).arg(faceSize(p0))));
            QVERIFY(QLineF(eyesFromCentre(view.pane(i)), eyesFromCentre(p0)).length() < 1e-6);
        }
        // Two more steps on pane 2 (another photo, another face size): still the same face size everywhere.
        wheel(view.pane(2), QPointF(100, 80), 240);
        for (int i = 0; i < 4; ++i)
            QVERIFY(std::abs(faceSize(view.pane(i)) - faceSize(view.pane(2))) < 1e-6);
        QVERIFY(faceSize(p0) > 1.25 * 1.25 * 1.25 * before * p0->anchor().ied * 0.999);

        // Dragging pane 1 pans every pane by the same amount.
        const QPointF eyesBefore = eyesFromCentre(view.pane(3));
        drag(view.pane(1), QPointF(200, 200), QPointF(230, 180));
        for (int i = 0; i < 4; ++i)
            QVERIFY(QLineF(eyesFromCentre(view.pane(i)), eyesBefore + QPointF(30, -20)).length() < 1e-6);

        // E: every face the same size with the eyes in the pane centre ("zoom to the eyes of every candidate").
        QTest::keyClick(&view, Qt::Key_E);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::abs(faceSize(view.pane(i)) - view.pane(0)->width() / 3.0) < 1.0);
            QVERIFY(QLineF(eyesFromCentre(view.pane(i)), QPointF()).length() < 1e-6);
            // The eyes themselves are inside every pane.
            const auto& face = *view.items()[i].assessment->face;
            for (const cv::Point2d& e : {face.eyeLeft, face.eyeRight})
                QVERIFY(view.pane(i)->rect().contains(
                    imageToWidget(view.pane(i)->viewport(), QPointF(e.x, e.y)).toPoint()));
        }
        // Z: 100% -- one image pixel per screen pixel in every pane, on the eyes; Z again goes back.
        const double eyesZoom = faceSize(p0);
        QTest::keyClick(&view, Qt::Key_Z);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(view.pane(i)->viewport().scale, 1.0);
            QVERIFY(QLineF(eyesFromCentre(view.pane(i)), QPointF()).length() < 1e-6);
        }
        QTest::keyClick(&view, Qt::Key_Z);
        QVERIFY(std::abs(faceSize(p0) - eyesZoom) < 1e-6);
        // 0: fit again.
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.sync().mode, CompareSync::Mode::Fit);
    }

    void pinnedReferenceWhileOthersStep()
    {
        CompareView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setItems(m_items); // five photos
        QCOMPARE(view.paneCount(), 4);
        // More photos than panes: the first is pinned as the reference; J/K step the other panes.
        QCOMPARE(view.pinnedPane(), 0);
        QVERIFY(view.pane(0)->pinButton()->isChecked());
        QCOMPARE(view.shownIds(), (QList<qint64>{1, 2, 3, 4}));
        QTest::keyClick(&view, Qt::Key_J);
        QCOMPARE(view.shownIds(), (QList<qint64>{1, 3, 4, 5}));
        QTest::keyClick(&view, Qt::Key_J);
        QCOMPARE(view.shownIds(), (QList<qint64>{1, 4, 5, 2}));
        QTest::keyClick(&view, Qt::Key_K);
        QCOMPARE(view.shownIds(), (QList<qint64>{1, 3, 4, 5}));

        // Two side by side: the reference and one candidate at a time.
        view.setPaneCount(2);
        QCOMPARE(view.paneCount(), 2);
        QCOMPARE(view.pinnedPane(), 0);
        const qint64 candidate = view.shownIds()[1];
        QTest::keyClick(&view, Qt::Key_J);
        QCOMPARE(view.shownIds()[0], qint64(1));
        QVERIFY(view.shownIds()[1] != candidate);

        // Pinning the other pane with its button: now pane 1 stays and pane 0 steps.
        QTest::mouseClick(view.pane(1)->pinButton(), Qt::LeftButton);
        QCOMPARE(view.pinnedPane(), 1);
        QVERIFY(!view.pane(0)->pinButton()->isChecked());
        const qint64 reference = view.shownIds()[1];
        QList<qint64> seen;
        for (int i = 0; i < 4; ++i) {
            QTest::keyClick(&view, Qt::Key_J);
            QCOMPARE(view.shownIds()[1], reference);
            seen << view.shownIds()[0];
        }
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen.size(), 4);
        QVERIFY(std::unique(seen.begin(), seen.end()) == seen.end()); // every other photo came by once
        QVERIFY(!seen.contains(reference));

        // R on the active pane unpins (a click makes a pane active).
        QTest::mouseClick(view.pane(1), Qt::LeftButton, Qt::NoModifier, QPoint(50, 200));
        QCOMPARE(view.activePane(), 1);
        QTest::keyClick(&view, Qt::Key_R);
        QCOMPARE(view.pinnedPane(), -1);
    }

    void actualSizeLoadsFullResolution()
    {
        // A photo larger than the screen is decoded at screen size first; 100% then brings its real pixels.
        const cv::Mat small = cv::imread(m_items[1].path.toStdString());
        QVERIFY(!small.empty());
        cv::Mat big;
        cv::resize(small, big, cv::Size(), 4.0, 4.0, cv::INTER_CUBIC);
        const QString file = test::tempDir() + QStringLiteral("/big.jpg");
        QVERIFY(cv::imwrite(file.toStdString(), big));
        CompareItem item = m_items[1];
        item.id = 99;
        item.path = file;
        auto& face = *item.assessment->face;
        face.eyeLeft *= 4.0;
        face.eyeRight *= 4.0;
        item.assessment->imageSize = big.size();
        CompareView view;
        view.resize(900, 520);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setItems({item, m_items[0]});
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(0)->hasImage() && view.pane(1)->hasImage(), 20000);
        QCOMPARE(view.pane(0)->originalSize(), QSizeF(big.cols, big.rows));
        QVERIFY2(view.pane(0)->imageScale() < 0.9, qPrintable(QString::number(view.pane(0)->imageScale())));
        QTest::keyClick(&view, Qt::Key_Z);
        QCOMPARE(view.pane(0)->viewport().scale, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(view.pane(0)->imageScale(), 1.0, 20000);
        // The eyes stay where they were put while the sharper image arrives.
        QVERIFY(QLineF(eyesFromCentre(view.pane(0)), QPointF()).length() < 1e-6);
    }

    void badgesShowTheVerdicts()
    {
        CompareView view;
        view.resize(900, 520);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<CompareItem> items = m_items.mid(0, 2);
        items[0].label = {1, 0, 1, 0, 1, 0};
        view.setItems(items);
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(0)->hasImage() && view.pane(1)->hasImage(), 20000);
        const QImage shot = view.pane(0)->grab().toImage();
        for (int i = 0; i < core::kAttributeCount; ++i) {
            const QRectF r = view.pane(0)->badgeRect(i);
            const int pass = pixelsNear(shot, r, passColour()), fail = pixelsNear(shot, r, failColour());
            QVERIFY2(
                i % 2 == 0 ? pass > 8 && fail == 0 : fail > 8 && pass == 0,
                qPrintable(
                    QStringLiteral("badge %1: %2 pass-coloured, %3 fail-coloured pixels").arg(i).arg(pass).arg(fail)));
        }
    }

    void screenshotForTheReadme()
    {
        const QString dir = qEnvironmentVariable("HQA_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("HQA_SCREENSHOT_DIR is not set");
        // Four shots of one sitting (franck's frames from across the video), the first pinned as the reference.
        const QDir frames(test::cachePath(QStringLiteral("frames")));
        const QStringList all = frames.entryList({QStringLiteral("franck_*.png")}, QDir::Files, QDir::Name);
        QVERIFY(all.size() >= 70);
        auto engine = core::makeEngine(core::EngineOptions{});
        QVERIFY(engine);
        QList<CompareItem> items;
        for (int k : {5, 28, 47, 66}) {
            CompareItem item;
            item.id = k;
            item.path = frames.filePath(all[k]);
            item.assessment = core::assessFile(**engine, item.path);
            for (int i = 0; i < core::kAttributeCount; ++i) {
                const auto& v = item.assessment->verdicts[size_t(i)];
                item.label[size_t(i)] = v.judged ? (v.pass ? 1 : 0) : -1;
            }
            items << item;
        }
        CompareView view;
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setItems(items);
        for (int i = 0; i < 4; ++i)
            QTRY_VERIFY_WITH_TIMEOUT(view.pane(i)->hasImage(), 20000);
        view.togglePin(0);
        // Zoom to the eyes, then out a little: every face at the same size and place, head and shoulders visible.
        QTest::keyClick(&view, Qt::Key_E);
        wheel(view.pane(1), QPointF(view.pane(1)->width() / 2.0, view.pane(1)->height() / 2.0 - 30), -240);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("compare-view.png"))));
    }

    void compareAndGroupsInTheReviewWindow()
    {
        QFile::remove(MainWindow::defaultProjectPath());
        MainWindow w;
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.openProject(test::tempDir() + QStringLiteral("/compare.hqa"), true));
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        dropFiles(&w, m_frames + m_people);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing() && changed.count() >= 1, kBatchTimeoutMs);
        QCOMPARE(w.photoModel()->rowCount(), 8);

        // C with two photos selected: the Compare tab shows exactly those two.
        auto* compare = w.findChild<CompareView*>(QStringLiteral("compareView"));
        QVERIFY(compare);
        QListView* grid = w.gridView();
        grid->setFocus();
        const auto proxyOf = [&](const QString& path) {
            return w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, path), 0));
        };
        grid->selectionModel()->clearSelection();
        grid->setCurrentIndex(proxyOf(m_people[1]));
        grid->selectionModel()->select(proxyOf(m_frames[2]), QItemSelectionModel::Select);
        QCOMPARE(grid->selectionModel()->selectedIndexes().size(), 2);
        QTest::keyClick(grid, Qt::Key_C);
        QVERIFY2(w.modeTabs()->currentWidget() == compare, qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(compare->paneCount(), 2);
        const QList<qint64> shownList = compare->shownIds();
        const QSet<qint64> shown(shownList.begin(), shownList.end());
        const qint64 frameId = w.photoModel()->rowAt(sourceRowOf(w, m_frames[2]))->id;
        const qint64 personId = w.photoModel()->rowAt(sourceRowOf(w, m_people[1]))->id;
        QCOMPARE(shown, (QSet<qint64>{frameId, personId}));
        // In the compare tab J does not move the grid (the window's J shortcut), it steps the compare view.
        const QModelIndex gridCurrent = grid->currentIndex();
        QTest::keyClick(compare, Qt::Key_J);
        QCOMPARE(grid->currentIndex(), gridCurrent);
        // G: back to the grid.
        QTest::keyClick(compare, Qt::Key_G);
        QCOMPARE(w.modeTabs()->currentIndex(), 0);

        // View > Group by sitting: franck's five frames become consecutive rows, best first; each portrait alone.
        auto* grouping = w.findChild<SittingGrouping*>(QStringLiteral("sittingGrouping"));
        auto* groupAction = w.findChild<QAction*>(QStringLiteral("groupBySittingAction"));
        QVERIFY(grouping && groupAction);
        QSignalSpy grouped(grouping, &SittingGrouping::finished);
        groupAction->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(grouped.count() >= 1, 60000);
        QVERIFY(w.filterModel()->isGrouped());
        QList<qint64> frameIds;
        for (const QString& f : m_frames)
            frameIds << w.photoModel()->rowAt(sourceRowOf(w, f))->id;
        const QList<qint64> franckGroup = grouping->groupOf(frameIds[0]);
        QCOMPARE(QSet<qint64>(franckGroup.begin(), franckGroup.end()), QSet<qint64>(frameIds.begin(), frameIds.end()));
        for (const QString& p : m_people)
            QCOMPARE(grouping->groupOf(w.photoModel()->rowAt(sourceRowOf(w, p))->id).size(), 1);
        // The best of the sitting by the rule: most passes, then eyes open, then expression.
        const auto quality = [&](qint64 id) {
            const PhotoRow* r = w.photoModel()->rowFor(id);
            return core::sittingQuality(r->label, r->assessment);
        };
        for (int i = 1; i < franckGroup.size(); ++i)
            QVERIFY(!core::rankedBefore(quality(franckGroup[i]), quality(franckGroup[i - 1])));
        // ... and in the grid the sitting's rows are consecutive in that order.
        int firstRow = -1;
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            if (w.filterModel()->index(r, 0).data(PhotoListModel::PhotoIdRole).toLongLong() == franckGroup.front())
                firstRow = r;
        QVERIFY(firstRow >= 0);
        for (int i = 0; i < franckGroup.size(); ++i)
            QCOMPARE(w.filterModel()->index(firstRow + i, 0).data(PhotoListModel::PhotoIdRole).toLongLong(),
                     franckGroup[i]);

        // B on any frame of the sitting: the best is flagged pick, the other four reject, the portraits untouched;
        // one Ctrl+Z takes all five flags back.
        grid->setFocus();
        grid->setCurrentIndex(w.filterModel()->index(firstRow + 2, 0));
        QTest::keyClick(grid, Qt::Key_B);
        QTRY_COMPARE_WITH_TIMEOUT(w.store()->marks(franckGroup.front())->flag, core::PickFlag::Accept, 20000);
        for (int i = 1; i < franckGroup.size(); ++i)
            QCOMPARE(w.store()->marks(franckGroup[i])->flag, core::PickFlag::Reject);
        for (const QString& p : m_people)
            QCOMPARE(w.store()->marks(w.photoModel()->rowAt(sourceRowOf(w, p))->id)->flag, core::PickFlag::None);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("rejected 4")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        for (qint64 id : franckGroup)
            QCOMPARE(w.store()->marks(id)->flag, core::PickFlag::None);

        // The action goes through its interface: a replacement sees exactly the ids to keep and reject.
        SittingGrouping::KeepBest seen;
        grouping->applyKeepBest = [&seen](const SittingGrouping::KeepBest& k) {
            seen = k;
            return true;
        };
        grid->setCurrentIndex(proxyOf(m_people[0]));
        QTest::keyClick(grid, Qt::Key_B);
        QTRY_COMPARE_WITH_TIMEOUT(seen.keep, w.photoModel()->rowAt(sourceRowOf(w, m_people[0]))->id, 20000);
        QVERIFY(seen.reject.isEmpty());
        grid->setCurrentIndex(w.filterModel()->index(firstRow + 4, 0));
        QTest::keyClick(grid, Qt::Key_B);
        QTRY_COMPARE_WITH_TIMEOUT(seen.keep, franckGroup.front(), 20000);
        QCOMPARE(seen.reject, franckGroup.mid(1));

        // Grouping off: the grid's own order again.
        groupAction->setChecked(false);
        QVERIFY(!w.filterModel()->isGrouped());
    }

private:
    QStringList m_frames, m_people;
    QList<CompareItem> m_items;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestCompareView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_compare_view.moc"

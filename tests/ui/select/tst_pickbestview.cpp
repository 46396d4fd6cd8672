// The "Pick best" view on real franck.mp4 frames: the ranking it shows is the core's ranking for the chosen
// method, the winner is highlighted first, the crop is the winner's standard crop, and a run can be cancelled.

#include "tests/support/TestData.h"
#include "ui/select/PickBestView.h"

#include "core/select/StandardCrop.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace hqa;

class TestPickBestView : public QObject {
    Q_OBJECT

    QStringList m_frames;

    /// Labels of the faces in the order the table shows them.
    static QStringList shownOrder(QTableWidget* table, const ui::PickBestView::GroupResult& g)
    {
        QStringList out;
        for (int row = 0; row < table->rowCount(); ++row)
            out << g.faces[table->item(row, 0)->data(Qt::UserRole).toInt()].label();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QDir dir(test::cachePath(QStringLiteral("frames")));
        const QStringList all = dir.entryList({QStringLiteral("franck_*.png")}, QDir::Files, QDir::Name);
        QVERIFY2(all.size() >= 20, "franck frames missing from the test cache");
        // Spread over the clip so that blinks, turns and good frames all take part.
        for (qsizetype i = 0; i < all.size() && m_frames.size() < 8; i += all.size() / 8)
            m_frames << dir.filePath(all[i]);
    }

    void showsCoreRankingAndCrop()
    {
        ui::PickBestView view;
        view.resize(1200, 700);
        view.show();
        QSignalSpy finished(&view, &ui::PickBestView::selectionFinished);
        view.setInputs(m_frames);
        QVERIFY(view.isRunning());
        // The GUI thread stays free while the worker runs: events are processed until the signal comes.
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.front().at(0).toBool(), true);
        QCOMPARE(view.groups().size(), size_t(1));

        // The same selection computed here, directly on the core.
        auto collected = core::collectPhotos(m_frames, QStringLiteral("files"), {});
        QVERIFY(collected.ok());
        const auto& faces = collected->groups.front().faces;
        QCOMPARE(view.groups().front().faces.size(), faces.size());
        auto* table = view.findChild<QTableWidget*>(QStringLiteral("rankingTable"));
        QVERIFY(table);
        for (core::SelectMethod m : {core::SelectMethod::Attributes, core::SelectMethod::Baseline}) {
            view.setMethod(m);
            const core::Ranking expected = core::rankGroup(faces, m, core::SelectionConfig::defaults(), faces);
            QStringList expectedOrder;
            for (const core::RankedFace& rf : expected.order)
                expectedOrder << faces[rf.index].label();
            QCOMPARE(table->rowCount(), static_cast<int>(faces.size()));
            QCOMPARE(shownOrder(table, view.groups().front()), expectedOrder);
            // The winner's row is highlighted, the others are not; every shown face has a thumbnail.
            QVERIFY(table->item(0, 1)->background().style() != Qt::NoBrush);
            QCOMPARE(table->item(1, 1)->background().style(), Qt::NoBrush);
            QVERIFY(!table->item(0, 0)->icon().isNull());
            QVERIFY(!view.findChild<QLabel*>(QStringLiteral("whyLabel"))->text().isEmpty());

            // The crop is the winner's standard crop: 4:5, the planned size, shown on screen.
            const core::FaceCandidate& winner = faces[expected.winner()];
            core::CropOptions options;
            options.outputHeight = 500;
            const core::CropPlan plan = core::planStandardCrop(winner.geometry, winner.imageSize, options);
            QVERIFY(plan.valid);
            const QImage crop = view.currentCrop();
            QCOMPARE(crop.size(), QSize(plan.outputSize.width, plan.outputSize.height));
            QVERIFY(std::abs(double(crop.width()) / crop.height() - 0.8) < 0.01);
            QVERIFY(!view.findChild<QLabel*>(QStringLiteral("cropLabel"))->pixmap().isNull());
            QVERIFY(view.findChild<QPushButton*>(QStringLiteral("saveCropButton"))->isEnabled());
        }
        // The chooser offers the four methods.
        QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("methodBox"))->count(), 4);
    }

    void cancelStopsTheRun()
    {
        ui::PickBestView view;
        QSignalSpy finished(&view, &ui::PickBestView::selectionFinished);
        view.setInputs({test::cachePath(QStringLiteral("frames"))});
        view.cancel();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.front().at(0).toBool(), false);
        QVERIFY(!view.isRunning());
        QVERIFY(view.groups().empty());
        QCOMPARE(view.findChild<QTableWidget*>(QStringLiteral("rankingTable"))->rowCount(), 0);
    }
};

QTEST_MAIN(TestPickBestView)
#include "tst_pickbestview.moc"

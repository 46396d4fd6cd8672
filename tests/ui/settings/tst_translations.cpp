// The German catalogue is embedded in the binary and translates real interface strings, including ones that
// lupdate would file under an unqualified context (see translations/update-translations.py).
#include "ui/settings/Translation.h"
#include "ui/settings/SettingsDialog.h"

#include <QCoreApplication>
#include <QFile>
#include <QGroupBox>
#include <QTranslator>
#include <QtTest>

class TstTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueEmbedded()
    {
        for (const QString& lang : hqa::ui::availableLanguages())
            QVERIFY2(QFile::exists(hqa::ui::translationResource(lang)), qPrintable(lang));
        QTranslator de;
        QVERIFY(de.load(hqa::ui::translationResource(QStringLiteral("de"))));
        QCOMPARE(de.translate("hqa::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(de.translate("hqa::ui::SettingsDialog", "Preferences"), QStringLiteral("Einstellungen"));
        QCOMPARE(de.translate("hqa::ui::GoldenSetView", "Golden label differs from prediction"),
                 QStringLiteral("Referenzlabel weicht von der Vorhersage ab"));
        QCOMPARE(de.translate("hqa::ui::Plots", "Balanced accuracy"), QStringLiteral("Balancierte Genauigkeit"));
        QCOMPARE(de.translate("hqa::ui::Badge", "B", "Background"), QStringLiteral("H"));
        QCOMPARE(de.translate("hqa::ui::MainWindow", "Adding %n photo(s)…", nullptr, 3),
                 QStringLiteral("%n Fotos werden hinzugefügt …"));
        // An unknown string stays untranslated rather than being guessed.
        QVERIFY(de.translate("hqa::ui::MainWindow", "no such string").isEmpty());
    }

    void installedLanguageTranslatesWidgets()
    {
        QVERIFY(hqa::ui::installLanguage(QStringLiteral("de")));
        {
            hqa::ui::SettingsDialog dialog;
            QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
            const auto groups = dialog.findChildren<QGroupBox*>();
            QStringList titles;
            for (auto* g : groups)
                titles << g->title();
            QVERIFY2(titles.contains(QStringLiteral("Prüfung")), qPrintable(titles.join(u',')));
        }
        QVERIFY(hqa::ui::installLanguage(QStringLiteral("en")));
        hqa::ui::SettingsDialog english;
        QCOMPARE(english.windowTitle(), QStringLiteral("Preferences"));
        QVERIFY(!hqa::ui::installLanguage(QStringLiteral("xx")));
    }
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"

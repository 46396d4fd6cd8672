#include "ui/settings/Translation.h"

#include "ui/settings/AppSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QTranslator>

namespace hqa::ui {

namespace {
QPointer<QTranslator>& current()
{
    static QPointer<QTranslator> translator;
    return translator;
}
} // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de")}; }

QString translationResource(const QString& language)
{
    return QStringLiteral(":/i18n/headshot-qa_%1.qm").arg(language);
}

bool installLanguage(const QString& language)
{
    if (current()) {
        QCoreApplication::removeTranslator(current());
        delete current();
    }
    // The source strings are English: no catalogue needed, removing the old one is enough.
    if (language.isEmpty() || language == QLatin1String("en"))
        return true;
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(translationResource(language))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    current() = translator;
    return true;
}

void installConfiguredLanguage()
{
    const QString language = settings::appSettings().value(settings::kLanguage).toString();
    if (!language.isEmpty())
        installLanguage(language);
}

} // namespace hqa::ui

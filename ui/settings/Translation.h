#pragma once
// Interface language: the compiled .qm catalogues are embedded as resources (:/i18n/headshot-qa_<lang>.qm), so
// nothing depends on where the program is installed.

#include <QString>
#include <QStringList>

namespace hqa::ui {

/// Language codes offered in the preferences ("en", "de").
QStringList availableLanguages();
/// Resource path of a language's catalogue.
QString translationResource(const QString& language);
/// Replaces the application's interface translator with the given language's ("en" removes it). Widgets built
/// afterwards use it; windows already open keep their text until the next start. False when not found.
bool installLanguage(const QString& language);
/// Installs the language stored in the ui/language setting (nothing for English or none set).
void installConfiguredLanguage();

} // namespace hqa::ui

#pragma once
// The QSettings keys the application reads (ui-core's MainWindow::applySettings and core's
// defaultReviewerName) and the one place the settings scope is named, so the dialogs write where they read.

#include "core/Attribute.h"

#include <QSettings>
#include <QString>

namespace hqa::ui::settings {

inline const QString kEngineName = QStringLiteral("engine/name");
inline const QString kEngineModel = QStringLiteral("engine/model");
inline const QString kEngineHead = QStringLiteral("engine/head");
inline const QString kReviewer = QStringLiteral("review/reviewer");
inline const QString kLanguage = QStringLiteral("ui/language");

inline QString thresholdKey(hqa::core::Attribute a)
{
    const auto key = hqa::core::attributeKey(a);
    return QStringLiteral("engine/threshold/") + QString::fromLatin1(key.data(), qsizetype(key.size()));
}

/// Same organisation and application names as the main window uses.
inline QSettings appSettings() { return QSettings(QStringLiteral("Headshot QA"), QStringLiteral("headshot-qa")); }

} // namespace hqa::ui::settings

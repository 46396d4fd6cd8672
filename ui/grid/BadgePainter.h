#pragma once
// The six-badge strip: per attribute a small box with the attribute's letter and a drawn tick, cross or
// question mark, so a verdict never depends on colour alone.

#include "core/Attribute.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace hqa::ui {

/// 1 pass, 0 fail, -1 not judged.
enum class BadgeKind { Pass, Fail, Unknown };

QColor passColour();
QColor failColour();
QColor unknownColour();
/// The fill of a failing badge: opaque, so that the badge reads the same on a selected (highlighted) tile.
QColor failFillColour();
/// The "verified" (golden label) seal.
QColor verifiedColour();
/// One letter per attribute: L, B, A, E, F, S (translatable).
QString attributeLetter(hqa::core::Attribute a);
BadgeKind badgeKindFor(int value);

/// Draws one badge (letter + symbol) inside rect.
void paintBadge(QPainter& painter, const QRectF& rect, hqa::core::Attribute a, BadgeKind kind);
/// Draws the six badges of a label string ("10-111") side by side inside rect.
void paintBadgeStrip(QPainter& painter, const QRectF& rect, const QString& label);
/// Draws the tick, cross or question mark alone.
void paintVerdictSymbol(QPainter& painter, const QRectF& rect, BadgeKind kind, const QColor& colour);
/// Draws the verified seal (a white tick on a disc of verifiedColour(), white rim) inside rect.
void paintVerifiedSeal(QPainter& painter, const QRectF& rect);

} // namespace hqa::ui

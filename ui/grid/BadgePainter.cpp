#include "ui/grid/BadgePainter.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace hqa::ui {

using namespace hqa::core;

QColor passColour() { return QColor(0x1b, 0x7f, 0x3b); }
QColor failColour() { return QColor(0xc6, 0x28, 0x28); }
QColor unknownColour() { return QColor(0x75, 0x75, 0x75); }
// The fail colour at 16 % over white, as the badge always looked on a white tile, but opaque: a translucent fill
// turned dark blue on the selection highlight and hid the red cross (contrast 1.5:1; now 4.4:1 everywhere).
QColor failFillColour() { return QColor(0xf6, 0xdd, 0xdd); }
QColor verifiedColour() { return QColor(0x15, 0x65, 0xc0); }

QString attributeLetter(Attribute a)
{
    switch (a) {
    case Attribute::Lighting:
        return QCoreApplication::translate("hqa::ui::Badge", "L", "Lighting");
    case Attribute::Background:
        return QCoreApplication::translate("hqa::ui::Badge", "B", "Background");
    case Attribute::Attire:
        return QCoreApplication::translate("hqa::ui::Badge", "A", "Attire");
    case Attribute::Expression:
        return QCoreApplication::translate("hqa::ui::Badge", "E", "Expression");
    case Attribute::Framing:
        return QCoreApplication::translate("hqa::ui::Badge", "F", "Framing");
    case Attribute::Sharpness:
        return QCoreApplication::translate("hqa::ui::Badge", "S", "Sharpness");
    }
    return {};
}

BadgeKind badgeKindFor(int value)
{
    return value == 1 ? BadgeKind::Pass : value == 0 ? BadgeKind::Fail : BadgeKind::Unknown;
}

void paintVerdictSymbol(QPainter& painter, const QRectF& r, BadgeKind kind, const QColor& colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, std::max(1.5, r.width() / 6.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF s = r.adjusted(r.width() * 0.15, r.height() * 0.15, -r.width() * 0.15, -r.height() * 0.15);
    QPainterPath path;
    switch (kind) {
    case BadgeKind::Pass:
        path.moveTo(s.left(), s.center().y());
        path.lineTo(s.left() + s.width() * 0.4, s.bottom());
        path.lineTo(s.right(), s.top());
        break;
    case BadgeKind::Fail:
        path.moveTo(s.topLeft());
        path.lineTo(s.bottomRight());
        path.moveTo(s.topRight());
        path.lineTo(s.bottomLeft());
        break;
    case BadgeKind::Unknown:
        painter.drawText(r, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    painter.drawPath(path);
    painter.restore();
}

void paintBadge(QPainter& painter, const QRectF& rect, Attribute a, BadgeKind kind)
{
    const QColor colour = kind == BadgeKind::Pass ? passColour()
        : kind == BadgeKind::Fail                 ? failColour()
                                                  : unknownColour();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1));
    painter.setBrush(kind == BadgeKind::Fail ? failFillColour() : QColor(Qt::white));
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    QFont f = painter.font();
    f.setPixelSize(std::max(7, int(rect.height() * 0.6)));
    f.setBold(true);
    painter.setFont(f);
    const QRectF letter(rect.left() + 1, rect.top(), rect.width() / 2, rect.height());
    painter.setPen(Qt::black);
    painter.drawText(letter, Qt::AlignCenter, attributeLetter(a));
    const QRectF symbol(rect.center().x(), rect.top() + 1, rect.width() / 2 - 1, rect.height() - 2);
    paintVerdictSymbol(painter, symbol, kind, colour);
    painter.restore();
}

void paintVerifiedSeal(QPainter& painter, const QRectF& rect)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double side = std::min(rect.width(), rect.height());
    QRectF disc(0, 0, side, side);
    disc.moveCenter(rect.center());
    painter.setPen(QPen(Qt::white, std::max(1.5, side / 10.0)));
    painter.setBrush(verifiedColour());
    painter.drawEllipse(disc.adjusted(1, 1, -1, -1));
    paintVerdictSymbol(painter, disc.adjusted(side * 0.2, side * 0.2, -side * 0.2, -side * 0.2), BadgeKind::Pass,
                       Qt::white);
    painter.restore();
}

void paintBadgeStrip(QPainter& painter, const QRectF& rect, const QString& label)
{
    const double w = rect.width() / kAttributeCount;
    for (int i = 0; i < kAttributeCount; ++i) {
        const QChar c = i < label.size() ? label[i] : QLatin1Char('-');
        const int value = c == QLatin1Char('1') ? 1 : c == QLatin1Char('0') ? 0 : -1;
        paintBadge(painter, QRectF(rect.left() + i * w + 1, rect.top(), w - 2, rect.height()),
                   kAllAttributes[size_t(i)], badgeKindFor(value));
    }
}

} // namespace hqa::ui

#include "ui/panel/AttributePanel.h"

#include "ui/grid/BadgePainter.h"

#include "core/measures/FixAdvice.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace hqa::ui {

using namespace hqa::core;

namespace {
QIcon verdictIcon(Attribute a, BadgeKind kind)
{
    QPixmap pixmap(36, 20);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintBadge(painter, QRectF(0, 0, 36, 20), a, kind);
    return QIcon(pixmap);
}
} // namespace

AttributePanel::AttributePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_state->setWordWrap(true); // a long error must be read whole, not cut at the panel's edge
    m_verified = new QLabel(this);
    m_verified->setObjectName(QStringLiteral("verifiedLabel"));
    m_verified->setWordWrap(true);
    m_verified->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(verifiedColour().name()));
    m_verified->hide();
    outer->addWidget(m_title);
    outer->addWidget(m_state);
    outer->addWidget(m_verified);
    auto* grid = new QGridLayout;
    outer->addLayout(grid);
    for (int i = 0; i < kAttributeCount; ++i) {
        const Attribute a = kAllAttributes[size_t(i)];
        Row& row = m_rows[size_t(i)];
        row.verdict = new QPushButton(this);
        row.verdict->setObjectName(QStringLiteral("verdict_%1").arg(QString::fromLatin1(attributeKey(a).data())));
        row.verdict->setToolTip(tr("Flip this verdict (key %1)").arg(i + 1));
        row.verdict->setMinimumWidth(110);
        row.verdict->setIconSize(QSize(36, 20));
        row.verdict->setFocusPolicy(Qt::NoFocus);
        connect(row.verdict, &QPushButton::clicked, this, [this, i] { Q_EMIT flipRequested(i); });
        row.name = new QLabel(QStringLiteral("%1  %2").arg(i + 1).arg(attributeName(a)), this);
        row.score = new QProgressBar(this);
        row.score->setRange(0, 100);
        row.score->setMaximumHeight(14);
        row.score->setFormat(tr("score %p%"));
        row.reason = new QLabel(this);
        row.reason->setWordWrap(true);
        row.reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(row.verdict, i * 2, 0);
        grid->addWidget(row.name, i * 2, 1);
        grid->addWidget(row.score, i * 2, 2);
        grid->addWidget(row.reason, i * 2 + 1, 1, 1, 2);
    }
    grid->setColumnStretch(2, 1);
    outer->addStretch(1);
    clear();
}

void AttributePanel::clear()
{
    m_title->setText(tr("No photo selected"));
    m_state->clear();
    setVerified(false);
    for (int i = 0; i < kAttributeCount; ++i) {
        Row& row = m_rows[size_t(i)];
        row.verdict->setText(tr("Not judged"));
        row.verdict->setIcon(verdictIcon(kAllAttributes[size_t(i)], BadgeKind::Unknown));
        row.verdict->setEnabled(false);
        row.score->setValue(0);
        row.score->setTextVisible(false);
        row.reason->clear();
    }
}

void AttributePanel::showPhoto(const QString& title, const Label& label, const std::optional<Assessment>& assessment,
                               const QString& stateText)
{
    m_title->setText(title);
    m_state->setText(stateText);
    setVerified(false);
    for (int i = 0; i < kAttributeCount; ++i) {
        const Attribute a = kAllAttributes[size_t(i)];
        Row& row = m_rows[size_t(i)];
        const BadgeKind kind = badgeKindFor(label[size_t(i)]);
        row.verdict->setText(kind == BadgeKind::Pass       ? tr("Pass")
                                 : kind == BadgeKind::Fail ? tr("Fail")
                                                           : tr("Not judged"));
        row.verdict->setIcon(verdictIcon(a, kind));
        row.verdict->setEnabled(true);
        const bool judged = assessment && assessment->ok() && assessment->verdict(a).judged;
        row.score->setTextVisible(judged);
        row.score->setValue(judged ? int(std::lround(assessment->verdict(a).score * 100)) : 0);
        QString reason = assessment && assessment->ok() ? assessment->verdict(a).reason : QString();
        const bool engineSays = judged && assessment->verdict(a).pass;
        if (judged && kind != BadgeKind::Unknown && engineSays != (kind == BadgeKind::Pass))
            reason = tr("Corrected by a reviewer (the engine said %1).").arg(engineSays ? tr("pass") : tr("fail"))
                + QLatin1Char(' ') + reason;
        // The bar is the engine's score: beside a verdict a reviewer set the other way it says so.
        row.score->setFormat(judged && kind != BadgeKind::Unknown && engineSays != (kind == BadgeKind::Pass)
                                 ? tr("engine score %p%, overruled")
                                 : tr("score %p%"));
        // How to fix a failing attribute, from the verdict's evidence (a generic line where there is none).
        if (kind == BadgeKind::Fail) {
            const QString fix = judged ? howToFix(a, assessment->verdict(a)) : genericFix(a);
            if (!fix.isEmpty())
                reason += (reason.isEmpty() ? QString() : QStringLiteral("\n")) + tr("How to fix: %1").arg(fix);
        }
        row.reason->setText(reason);
    }
}

QString AttributePanel::verdictText(Attribute a) const { return m_rows[size_t(index(a))].verdict->text(); }
QString AttributePanel::reasonText(Attribute a) const { return m_rows[size_t(index(a))].reason->text(); }
QString AttributePanel::stateText() const { return m_state->text(); }

void AttributePanel::setVerified(bool verified, const QString& verifiedBy)
{
    // The tick is drawn text, the words say it: the state never depends on the colour alone.
    m_verified->setText(!verified ? QString()
                                  : QStringLiteral("\u2713 ")
                                + (verifiedBy.isEmpty() ? tr("Verified (golden label)")
                                                        : tr("Verified by %1 (golden label)").arg(verifiedBy)));
    m_verified->setVisible(verified);
}

QString AttributePanel::verifiedText() const { return m_verified->isHidden() ? QString() : m_verified->text(); }

} // namespace hqa::ui

#include "ui/training/LearnDialog.h"

#include "ui/settings/AppSettings.h"

#include "core/train/CorrectionsHead.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace hqa::ui {

using hqa::core::kAllAttributes;
using hqa::core::kAttributeCount;

namespace {
QString figure(double v)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 3);
}

QString points(double v)
{
    const QString s = QString::number(100.0 * v, 'f', 1);
    return v >= 0 ? QStringLiteral("+") + s : s;
}

enum Column { kBefore, kAfter, kHeldOut, kPeople, kGain, kResult, kColumns };

} // namespace

LearnDialog::LearnDialog(hqa::core::ProjectStore* store, QWidget* parent, HeadTrainingFunction train)
    : QDialog(parent), m_store(store), m_train(std::move(train))
{
    setWindowTitle(tr("Learn from corrections"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Trains a small head per attribute on the engine's evidence, from this "
                                "project's corrections and golden labels. Every person's photos are held out "
                                "once and judged by a head that learned from the other people only (the photo's "
                                "folder stands for the person). A head replaces the engine on an attribute only "
                                "when at least 5 different people were held out and its gain on them is larger "
                                "than the noise: the 95% interval of the gain lies above zero."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);

    m_table = new QTableWidget(kAttributeCount, kColumns, this);
    m_table->setHorizontalHeaderLabels({tr("Accuracy before"), tr("Accuracy after"), tr("Held-out photos"),
                                        tr("Held-out people"), tr("Gain in points (95% interval)"), tr("Result")});
    QStringList rows;
    for (auto a : kAllAttributes)
        rows << hqa::core::attributeName(a);
    m_table->setVerticalHeaderLabels(rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kResult, QHeaderView::Stretch);
    layout->addWidget(m_table);

    layout->addWidget(new QLabel(tr("Versions of the head in this project (the active one is marked):"), this));
    m_versions = new QListWidget(this);
    m_versions->setMaximumHeight(120);
    layout->addWidget(m_versions);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Train"), this);
    m_cancel = new QPushButton(tr("&Cancel training"), this);
    m_use = new QPushButton(tr("&Use the new head"), this);
    m_restore = new QPushButton(tr("&Restore selected version"), this);
    auto* close = new QPushButton(tr("Close"), this);
    for (auto* b : {m_start, m_cancel, m_use, m_restore})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    m_cancel->setEnabled(false);
    m_use->setEnabled(false);

    connect(m_start, &QPushButton::clicked, this, &LearnDialog::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &LearnDialog::cancelTraining);
    connect(m_use, &QPushButton::clicked, this, &LearnDialog::useNewHead);
    connect(m_restore, &QPushButton::clicked, this, &LearnDialog::restoreSelected);
    connect(close, &QPushButton::clicked, this, &LearnDialog::reject);

    if (!m_store) {
        m_status->setText(tr("Open a project first."));
        m_start->setEnabled(false);
    } else if (!m_train) {
        m_status->setText(tr("This build has no corrections-head trainer (core/train/CorrectionsHead.h), so "
                             "training is not available. Earlier versions can still be restored."));
        m_start->setEnabled(false);
    } else {
        m_status->setText(tr("Press Train to start."));
    }
    fillVersions();
}

LearnDialog::~LearnDialog()
{
    // Never leave a thread running into a destroyed dialog.
    m_cancelRequested = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void LearnDialog::startTraining()
{
    if (m_thread || !m_train || !m_store)
        return;
    m_cancelRequested = false;
    m_outcome.reset();
    m_use->setEnabled(false);
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first epoch reports
    m_status->setText(tr("Training…"));

    HeadTrainingInput input;
    input.projectPath = m_store->path();
    const QFileInfo project(m_store->path());
    input.outPath = project.absoluteDir().filePath(
        QStringLiteral("%1.head-%2.json")
            .arg(project.completeBaseName(), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"))));

    QPointer<LearnDialog> self(this);
    const HeadTrainingFunction train = m_train;
    m_thread = QThread::create([self, train, input, this] {
        const auto progress = [self](const HeadTrainingProgress& p) {
            QMetaObject::invokeMethod(self, [self, p] {
                if (!self)
                    return;
                self->m_progress->setRange(0, std::max(1, p.epochs));
                self->m_progress->setValue(p.epoch);
                Q_EMIT self->epochFinished(p.epoch, p.trainLoss, p.valLoss, p.valMetric);
            }, Qt::QueuedConnection);
        };
        auto result = train(input, progress, m_cancelRequested);
        QMetaObject::invokeMethod(self, [self, result] {
            if (self)
                self->onFinished(result);
        }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("learn-corrections"));
    m_thread->start();
}

void LearnDialog::cancelTraining()
{
    if (!m_thread)
        return;
    m_cancelRequested = true;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void LearnDialog::onFinished(const hqa::core::Expected<HeadTrainingOutcome>& result)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    if (!result) {
        m_status->setText(result.error().code == hqa::core::ErrorCode::Cancelled
                              ? tr("Training cancelled; the active head is unchanged.")
                              : tr("Training failed: %1").arg(result.error().detail));
        Q_EMIT trainingFinished(false);
        return;
    }
    if (result->cancelled) {
        m_status->setText(tr("Training cancelled; the active head is unchanged."));
        Q_EMIT trainingFinished(false);
        return;
    }
    m_outcome = *result;
    m_progress->setValue(1);
    showOutcome(*m_outcome);
    const QString checked =
        result->heldOutPeople > 0
            ? tr("Checked on %n held-out photo(s)", nullptr, result->heldOutSamples) + u' '
                  + tr("of %n different people, each judged by a head that learned from the other people only.",
                       nullptr, result->heldOutPeople)
            : tr("Trained on %1 sample(s), compared on %2 held-out sample(s).")
                  .arg(result->trainSamples)
                  .arg(result->heldOutSamples);
    if (result->headPath.isEmpty()) {
        m_use->setEnabled(false);
        m_status->setText(checked + u' '
                          + tr("No attribute beat the engine on held-out people by more than the noise, so the "
                               "engine keeps judging every attribute; the table says why for each."));
    } else {
        m_use->setEnabled(true);
        m_status->setText(checked + u' '
                          + tr("The new head is not active until you press \"Use the new head\"."));
    }
    Q_EMIT trainingFinished(true);
}

void LearnDialog::showOutcome(const HeadTrainingOutcome& outcome)
{
    for (int r = 0; r < kAttributeCount; ++r) {
        const auto& f = outcome.attributes[size_t(r)];
        QString gain = QStringLiteral("-");
        if (!std::isnan(f.gain))
            gain = std::isnan(f.gainLow) ? points(f.gain)
                                         : tr("%1 (%2 to %3)").arg(points(f.gain), points(f.gainLow), points(f.gainHigh));
        const QString result = f.replaced ? tr("Learned") : tr("Engine kept");
        const QStringList cells{figure(f.before), figure(f.after), QString::number(f.heldOut),
                                f.heldOutPeople > 0 ? QString::number(f.heldOutPeople) : QStringLiteral("-"), gain,
                                f.note.isEmpty() ? result : QStringLiteral("%1: %2").arg(result, f.note)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
            item->setToolTip(c == kResult ? cells[c] : QString());
        }
    }
}

bool LearnDialog::useNewHead()
{
    if (!m_outcome || !m_store || m_outcome->headPath.isEmpty())
        return false;
    const QString version = m_outcome->version.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
                                                         : m_outcome->version;
    QJsonObject metrics;
    QJsonArray perAttribute;
    for (int i = 0; i < kAttributeCount; ++i) {
        const auto& f = m_outcome->attributes[size_t(i)];
        QJsonObject o;
        o.insert(QStringLiteral("attribute"), QString::fromLatin1(hqa::core::kAttributeKeys[size_t(i)].data()));
        o.insert(QStringLiteral("before"), std::isnan(f.before) ? QJsonValue() : QJsonValue(f.before));
        o.insert(QStringLiteral("after"), std::isnan(f.after) ? QJsonValue() : QJsonValue(f.after));
        o.insert(QStringLiteral("held_out"), f.heldOut);
        o.insert(QStringLiteral("held_out_people"), f.heldOutPeople);
        o.insert(QStringLiteral("gain"), std::isnan(f.gain) ? QJsonValue() : QJsonValue(f.gain));
        o.insert(QStringLiteral("gain_low"), std::isnan(f.gainLow) ? QJsonValue() : QJsonValue(f.gainLow));
        o.insert(QStringLiteral("gain_high"), std::isnan(f.gainHigh) ? QJsonValue() : QJsonValue(f.gainHigh));
        o.insert(QStringLiteral("replaced"), f.replaced);
        o.insert(QStringLiteral("note"), f.note);
        perAttribute.append(o);
    }
    metrics.insert(QStringLiteral("held_out_accuracy"), perAttribute);
    metrics.insert(QStringLiteral("train_samples"), m_outcome->trainSamples);
    metrics.insert(QStringLiteral("held_out_samples"), m_outcome->heldOutSamples);
    metrics.insert(QStringLiteral("held_out_people"), m_outcome->heldOutPeople);
    metrics.insert(QStringLiteral("confidence"), m_outcome->confidence);
    auto id = hqa::core::registerCorrectionsHead(*m_store, m_outcome->headPath, version, metrics);
    if (!id) {
        m_status->setText(tr("The head could not be registered: %1").arg(id.error().detail));
        return false;
    }
    QSettings s = settings::appSettings();
    s.setValue(settings::kEngineHead, QFileInfo(m_outcome->headPath).absoluteFilePath());
    s.sync();
    m_use->setEnabled(false);
    m_status->setText(tr("The new head (version %1) is active.").arg(version));
    fillVersions();
    Q_EMIT headChanged();
    return true;
}

bool LearnDialog::restoreSelected()
{
    auto* item = m_versions->currentItem();
    if (!item)
        return false;
    const QString path = item->data(Qt::UserRole).toString();
    if (!QFileInfo::exists(path)) {
        m_status->setText(tr("The file of this version is missing: %1").arg(path));
        return false;
    }
    QSettings s = settings::appSettings();
    s.setValue(settings::kEngineHead, path);
    s.sync();
    m_status->setText(tr("Version %1 is active again.").arg(item->data(Qt::UserRole + 1).toString()));
    fillVersions();
    Q_EMIT headChanged();
    return true;
}

void LearnDialog::fillVersions()
{
    m_versions->clear();
    if (!m_store)
        return;
    auto models = m_store->models();
    if (!models)
        return;
    const QString active = settings::appSettings().value(settings::kEngineHead).toString();
    for (const auto& m : *models) {
        if (m.name != QLatin1String(hqa::core::kCorrectionsHeadModelName))
            continue;
        const bool isActive = !active.isEmpty() && m.path == active;
        // Words, not only a marker glyph, say which one is active.
        auto* item = new QListWidgetItem(
            tr("%1 (registered %2)%3").arg(m.version, m.registeredAt.toString(Qt::ISODate),
                                           isActive ? tr(" - active") : QString()),
            m_versions);
        item->setData(Qt::UserRole, m.path);
        item->setData(Qt::UserRole + 1, m.version);
    }
}

void LearnDialog::reject()
{
    if (m_thread) {
        cancelTraining();
        return; // closes once the worker has stopped: the user can press Close again
    }
    QDialog::reject();
}

} // namespace hqa::ui

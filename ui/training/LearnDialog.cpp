#include "ui/training/LearnDialog.h"

#include "ui/settings/AppSettings.h"

#include "core/train/CorrectionsHead.h"

#include <algorithm>
#include <cmath>

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
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace hqa::ui {

using hqa::core::kAllAttributes;
using hqa::core::kAttributeCount;

namespace {
QString figure(double v) { return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 3); }

QString points(double v)
{
    const QString s = QString::number(100.0 * v, 'f', 1);
    return v >= 0 ? QStringLiteral("+") + s : s;
}

enum Column { kBefore, kAfter, kHeldOut, kPeople, kGain, kResult, kColumns };

} // namespace

LearnDialog::LearnDialog(hqa::core::ProjectStore* store, QWidget* parent, HeadTrainingFunction train,
                         NetworkFineTuneFunction fineTune)
    : QDialog(parent)
    , m_store(store)
    , m_train(std::move(train))
    , m_fineTune(std::move(fineTune))
{
    setWindowTitle(tr("Learn from corrections"));
    auto* outer = new QVBoxLayout(this);
    m_pages = new QTabWidget(this);
    outer->addWidget(m_pages, 1);
    auto* headPage = new QWidget(m_pages);
    m_pages->addTab(headPage, tr("Corrections head"));
    auto* layout = new QVBoxLayout(headPage);
    auto* intro = new QLabel(tr("Trains a small head per attribute on the engine's evidence, from this "
                                "project's corrections and golden labels. Every person's photos are held out "
                                "once and judged by a head that learned from the other people only (the photo's "
                                "folder stands for the person). A head replaces the engine on an attribute only "
                                "when at least 5 different people were held out and its gain on them is larger "
                                "than the noise: the 95% interval of the gain lies above zero."),
                             headPage);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(headPage);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(headPage);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);

    m_table = new QTableWidget(kAttributeCount, kColumns, headPage);
    m_table->setHorizontalHeaderLabels({tr("Accuracy before"), tr("Accuracy after"), tr("Held-out photos"),
                                        tr("Held-out people"), tr("Gain in points (95% interval)"), tr("Result")});
    QStringList rows;
    for (auto a : kAllAttributes)
        rows << hqa::core::attributeName(a);
    m_table->setVerticalHeaderLabels(rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kResult, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->setMinimumWidth(1000); // room for the Result column's reasons beside the figures
    layout->addWidget(m_table);
    m_legend = new QLabel(tr("- : not enough reviewed photos of this attribute to learn"), headPage);
    m_legend->setWordWrap(true);
    layout->addWidget(m_legend);
    fitTableToRows(m_table);

    layout->addWidget(new QLabel(tr("Versions of the head in this project (the active one is marked):"), headPage));
    m_versions = new QListWidget(headPage);
    m_versions->setMaximumHeight(120);
    layout->addWidget(m_versions);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Train"), headPage);
    m_cancel = new QPushButton(tr("&Cancel training"), headPage);
    m_use = new QPushButton(tr("&Use the new head"), headPage);
    m_restore = new QPushButton(tr("&Restore selected version"), headPage);
    for (auto* b : {m_start, m_cancel, m_use, m_restore})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_useWhy = new QLabel(tr("\"Use the new head\" is offered once a trained head beats the engine on held-out "
                             "people."),
                          headPage);
    m_useWhy->setWordWrap(true);
    layout->addWidget(m_useWhy);
    m_cancel->setEnabled(false);
    m_use->setEnabled(false);

    auto* closeRow = new QHBoxLayout;
    closeRow->addStretch(1);
    auto* close = new QPushButton(tr("Close"), this);
    closeRow->addWidget(close);
    outer->addLayout(closeRow);

    connect(m_start, &QPushButton::clicked, this, &LearnDialog::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &LearnDialog::cancelTraining);
    connect(m_use, &QPushButton::clicked, this, &LearnDialog::useNewHead);
    connect(m_restore, &QPushButton::clicked, this, &LearnDialog::restoreSelected);
    connect(close, &QPushButton::clicked, this, &LearnDialog::reject);
    // Wrapped text grows a row when a column narrows: the table's height follows.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this] { fitTableToRows(m_table); });

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

    const QSettings s = settings::appSettings();
    m_engineName = s.value(settings::kEngineName, core::kMeasuresEngine).toString();
    m_baseModel = s.value(settings::kEngineModel).toString();
    if (m_engineName == core::kSwinEngine || m_engineName == core::kFusedEngine)
        buildFineTunePage();
}

LearnDialog::~LearnDialog()
{
    // Never leave a thread running into a destroyed dialog.
    m_cancelRequested = true;
    m_ftCancelRequested = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    if (m_ftThread) {
        m_ftThread->wait();
        delete m_ftThread;
    }
}

void LearnDialog::startTraining()
{
    if (m_thread || !m_train || !m_store)
        return;
    m_cancelRequested = false;
    m_outcome.reset();
    m_use->setEnabled(false);
    m_useWhy->setText(tr("\"Use the new head\" is offered once a trained head beats the engine on held-out "
                         "people."));
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first epoch reports
    m_status->setText(tr("Training…"));

    HeadTrainingInput input;
    input.projectPath = m_store->path();
    const QFileInfo project(m_store->path());
    input.outPath = project.absoluteDir().filePath(
        QStringLiteral("%1.head-%2.json")
            .arg(project.completeBaseName(),
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"))));

    QPointer<LearnDialog> self(this);
    const HeadTrainingFunction train = m_train;
    m_thread = QThread::create([self, train, input, this] {
        const auto progress = [self](const HeadTrainingProgress& p) {
            QMetaObject::invokeMethod(
                self,
                [self, p] {
                    if (!self)
                        return;
                    self->m_progress->setRange(0, std::max(1, p.epochs));
                    self->m_progress->setValue(p.epoch);
                    Q_EMIT self->epochFinished(p.epoch, p.trainLoss, p.valLoss, p.valMetric);
                },
                Qt::QueuedConnection);
        };
        auto result = train(input, progress, m_cancelRequested);
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (self)
                    self->onFinished(result);
            },
            Qt::QueuedConnection);
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
    const QString checked = result->heldOutPeople > 0
        ? tr("Checked on %n held-out photo(s)", nullptr, result->heldOutSamples) + u' '
            + tr("of %n different people, each judged by a head that learned from the other people only.", nullptr,
                 result->heldOutPeople)
        : tr("Trained on %1 sample(s), compared on %2 held-out sample(s).")
              .arg(result->trainSamples)
              .arg(result->heldOutSamples);
    if (result->headPath.isEmpty()) {
        m_use->setEnabled(false);
        m_status->setText(checked + u' '
                          + tr("No attribute beat the engine on held-out people by more than the noise, so the "
                               "engine keeps judging every attribute; the table says why for each."));
        m_useWhy->setText(tr("\"Use the new head\" is not offered: the new head does not beat the current "
                             "judgement on any attribute for the held-out people."));
    } else {
        m_use->setEnabled(true);
        m_status->setText(checked + u' ' + tr("The new head is not active until you press \"Use the new head\"."));
        m_useWhy->clear();
    }
    Q_EMIT trainingFinished(true);
}

void LearnDialog::showOutcome(const HeadTrainingOutcome& outcome)
{
    for (int r = 0; r < kAttributeCount; ++r) {
        const auto& f = outcome.attributes[size_t(r)];
        QString gain = QStringLiteral("-");
        if (!std::isnan(f.gain))
            gain = std::isnan(f.gainLow)
                ? points(f.gain)
                : tr("%1 (%2 to %3)").arg(points(f.gain), points(f.gainLow), points(f.gainHigh));
        const QString result = f.replaced ? tr("Learned") : tr("Engine kept");
        const QStringList cells{figure(f.before),
                                figure(f.after),
                                QString::number(f.heldOut),
                                f.heldOutPeople > 0 ? QString::number(f.heldOutPeople) : QStringLiteral("-"),
                                gain,
                                f.note.isEmpty() ? result : QStringLiteral("%1: %2").arg(result, f.note)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
            item->setToolTip(c == kResult ? cells[c]
                                 : cells[c] == QLatin1String("-")
                                 ? tr("Not enough reviewed photos of this attribute to learn")
                                 : QString());
        }
    }
    fitTableToRows(m_table);
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
    m_useWhy->setText(tr("The new head is in use."));
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
            tr("%1 (registered %2)%3")
                .arg(m.version, m.registeredAt.toString(Qt::ISODate), isActive ? tr(" - active") : QString()),
            m_versions);
        item->setData(Qt::UserRole, m.path);
        item->setData(Qt::UserRole + 1, m.version);
    }
}

void LearnDialog::reject()
{
    if (m_thread || m_ftThread) {
        cancelTraining();
        cancelFineTune();
        return; // closes once the worker has stopped: the user can press Close again
    }
    QDialog::reject();
}

void LearnDialog::buildFineTunePage()
{
    m_ftPage = new QWidget(m_pages);
    m_pages->addTab(m_ftPage, tr("Fine-tune the network"));
    auto* layout = new QVBoxLayout(m_ftPage);
    auto* intro = new QLabel(tr("Fine-tunes the six heads of the active model on this project's corrections and "
                                "golden labels, as \"headshot-qa train --from-project\" does; the backbone stays as "
                                "it is. About a quarter of the people are held out (the photo's folder stands for "
                                "the person) and both the current and the new model are judged on them only. The "
                                "new version is registered in the project and used only if you accept it, which "
                                "is offered only when it judges the held-out people better."),
                             m_ftPage);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_ftStatus = new QLabel(m_ftPage);
    m_ftStatus->setWordWrap(true);
    m_ftStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_ftStatus);

    // Nothing to fine-tune: say why and offer no button.
    const QFileInfo model(m_baseModel);
    QString missing;
    if (!m_fineTune)
        missing = tr("This build has no network engine (it was built without LibTorch), so the network cannot "
                     "be fine-tuned here.");
    else if (!m_store)
        missing = tr("Open a project first.");
    else if (m_baseModel.isEmpty())
        missing = tr("No trained weights: the engine \"%1\" has no model file set (Edit > Preferences), so "
                     "there is no network to fine-tune.")
                      .arg(m_engineName);
    else if (!model.isFile())
        missing = tr("No trained weights: the model file %1 does not exist, so there is no network to fine-tune.")
                      .arg(QDir::toNativeSeparators(m_baseModel));
    if (!missing.isEmpty()) {
        m_ftStatus->setText(missing);
        layout->addStretch(1);
        return;
    }
    m_ftStatus->setText(tr("Model: %1. Press \"Fine-tune the network\" to start.")
                            .arg(QDir::toNativeSeparators(model.absoluteFilePath())));

    m_ftProgress = new QProgressBar(m_ftPage);
    m_ftProgress->setRange(0, 1);
    m_ftProgress->setValue(0);
    layout->addWidget(m_ftProgress);
    m_ftTable = new QTableWidget(kAttributeCount, 3, m_ftPage);
    m_ftTable->setHorizontalHeaderLabels(
        {tr("Current model, held-out accuracy"), tr("Fine-tuned model, held-out accuracy"), tr("Held-out labels")});
    QStringList rows;
    for (auto a : kAllAttributes)
        rows << hqa::core::attributeName(a);
    m_ftTable->setVerticalHeaderLabels(rows);
    m_ftTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ftTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_ftTable);
    auto* legend = new QLabel(tr("- : not enough reviewed photos of this attribute to learn"), m_ftPage);
    legend->setWordWrap(true);
    layout->addWidget(legend);
    fitTableToRows(m_ftTable);

    auto* buttons = new QHBoxLayout;
    m_ftStart = new QPushButton(tr("&Fine-tune the network"), m_ftPage);
    m_ftCancel = new QPushButton(tr("Cancel fine-&tuning"), m_ftPage);
    m_ftAccept = new QPushButton(tr("&Accept the fine-tuned model"), m_ftPage);
    for (auto* b : {m_ftStart, m_ftCancel, m_ftAccept})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_ftWhy = new QLabel(tr("The fine-tuned model can be accepted once it beats the current one on held-out "
                            "people."),
                         m_ftPage);
    m_ftWhy->setWordWrap(true);
    layout->addWidget(m_ftWhy);
    layout->addStretch(1);
    m_ftCancel->setEnabled(false);
    m_ftAccept->setEnabled(false);
    connect(m_ftStart, &QPushButton::clicked, this, &LearnDialog::startFineTune);
    connect(m_ftCancel, &QPushButton::clicked, this, &LearnDialog::cancelFineTune);
    connect(m_ftAccept, &QPushButton::clicked, this, &LearnDialog::acceptFineTuned);
}

void LearnDialog::startFineTune()
{
    if (m_ftThread || !m_fineTune || !m_store || !m_ftStart)
        return;
    m_ftCancelRequested = false;
    m_ftOutcome.reset();
    m_ftRegistered = 0;
    m_ftAccept->setEnabled(false);
    m_ftStart->setEnabled(false);
    m_ftCancel->setEnabled(true);
    m_ftProgress->setRange(0, 0); // busy until the first chunk reports
    m_ftStatus->setText(tr("Fine-tuning…"));
    m_ftWhy->setText(tr("The fine-tuned model can be accepted once it beats the current one on held-out "
                        "people."));

    NetworkFineTuneInput input;
    input.projectPath = m_store->path();
    input.baseModel = m_baseModel;
    const QFileInfo project(m_store->path());
    input.outPath = project.absoluteDir().filePath(
        QStringLiteral("%1.model-%2.hqa")
            .arg(project.completeBaseName(),
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmsszzz"))));

    QPointer<LearnDialog> self(this);
    const NetworkFineTuneFunction fineTune = m_fineTune;
    m_ftThread = QThread::create([self, fineTune, input, this] {
        const auto progress = [self](const NetworkFineTuneProgress& p) {
            QMetaObject::invokeMethod(
                self,
                [self, p] {
                    if (!self || !self->m_ftThread)
                        return;
                    self->m_ftProgress->setRange(0, std::max(1, p.total));
                    self->m_ftProgress->setValue(p.done);
                    if (!p.stage.isEmpty() && !self->m_ftCancelRequested)
                        self->m_ftStatus->setText(tr("%1 (%2 of %3 steps)").arg(p.stage).arg(p.done).arg(p.total));
                    Q_EMIT self->fineTuneProgressed(p.done, p.total);
                },
                Qt::QueuedConnection);
        };
        auto result = fineTune(input, progress, m_ftCancelRequested);
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (self)
                    self->onFineTuneFinished(result);
            },
            Qt::QueuedConnection);
    });
    m_ftThread->setObjectName(QStringLiteral("learn-finetune"));
    m_ftThread->start();
}

void LearnDialog::cancelFineTune()
{
    if (!m_ftThread)
        return;
    m_ftCancelRequested = true;
    m_ftCancel->setEnabled(false);
    m_ftStatus->setText(tr("Cancelling the fine-tuning…"));
}

void LearnDialog::onFineTuneFinished(const hqa::core::Expected<NetworkFineTuneOutcome>& result)
{
    if (m_ftThread) {
        m_ftThread->wait();
        delete m_ftThread;
        m_ftThread = nullptr;
    }
    m_ftStart->setEnabled(true);
    m_ftCancel->setEnabled(false);
    m_ftProgress->setRange(0, 1);
    m_ftProgress->setValue(0);
    const QString unchanged = tr("No new version was registered and the active model is unchanged.");
    if (!result || result->cancelled) {
        const bool cancelled = !result ? result.error().code == hqa::core::ErrorCode::Cancelled : true;
        m_ftStatus->setText(cancelled ? tr("Fine-tuning cancelled.") + u' ' + unchanged
                                      : tr("Fine-tuning failed: %1").arg(result.error().detail) + u' ' + unchanged);
        Q_EMIT fineTuneFinished(false);
        return;
    }
    m_ftOutcome = *result;
    m_ftProgress->setValue(1);
    showFineTuneOutcome(*m_ftOutcome);
    if (!registerFineTuned(*m_ftOutcome)) {
        Q_EMIT fineTuneFinished(false);
        return;
    }
    const auto& o = *m_ftOutcome;
    const auto percent = [](double v) {
        return std::isnan(v) ? QStringLiteral("-") : QString::number(100.0 * v, 'f', 1) + u'%';
    };
    m_ftStatus->setText(
        tr("Fine-tuned on %1 photo(s) of %2 people and checked on %3 held-out photo(s) of %4 other people: the "
           "current model judged %5 of their %6 known labels right, the fine-tuned one %7. Registered in the "
           "project as version %8.")
            .arg(o.trainPhotos)
            .arg(o.trainPeople)
            .arg(o.heldOutPhotos)
            .arg(o.heldOutPeople)
            .arg(percent(o.beforeOverall))
            .arg(o.heldOutLabelsTotal)
            .arg(percent(o.afterOverall), o.modelVersion));
    if (o.beatsCurrent()) {
        m_ftAccept->setEnabled(true);
        QString why = tr("The new version is not in use until you press \"Accept the fine-tuned model\".");
        if (m_engineName == core::kFusedEngine)
            why += u' '
                + tr("Accepting also switches the engine from \"fused\" to \"swin\": the fusion choice belongs to "
                     "the current model (run \"headshot-qa model fuse\" on the new one to fuse again).");
        m_ftWhy->setText(why);
    } else {
        m_ftAccept->setEnabled(false);
        m_ftWhy->setText(
            o.heldOutLabelsTotal == 0
                ? tr("Not offered: no held-out photo has a known label, so the new version cannot be compared "
                     "with the current model, which stays in use.")
                : tr("Not offered: the fine-tuned model does not beat the current one on the held-out people (%1 "
                     "against %2 right), so the current model stays in use. The new version stays registered in "
                     "the project for reference.")
                      .arg(percent(o.afterOverall), percent(o.beforeOverall)));
    }
    Q_EMIT fineTuneFinished(true);
}

void LearnDialog::showFineTuneOutcome(const NetworkFineTuneOutcome& outcome)
{
    for (int r = 0; r < kAttributeCount; ++r) {
        const int labels = outcome.heldOutLabels[size_t(r)];
        const QStringList cells{figure(outcome.before[size_t(r)]), figure(outcome.after[size_t(r)]),
                                labels > 0 ? QString::number(labels) : QStringLiteral("-")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = m_ftTable->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_ftTable->setItem(r, c, item);
            }
            item->setText(cells[c]);
            item->setToolTip(cells[c] == QLatin1String("-")
                                 ? tr("Not enough reviewed photos of this attribute to learn")
                                 : QString());
        }
    }
    fitTableToRows(m_ftTable);
}

bool LearnDialog::registerFineTuned(const NetworkFineTuneOutcome& o)
{
    hqa::core::ModelRecord rec;
    rec.name = core::kSwinEngine;
    rec.path = QFileInfo(o.modelPath).absoluteFilePath();
    rec.version = o.modelVersion.isEmpty() ? QFileInfo(o.modelPath).completeBaseName() : o.modelVersion;
    rec.sha256 = hqa::core::fileSha256(rec.path);
    if (rec.sha256.isEmpty()) {
        m_ftStatus->setText(tr("The fine-tuned model cannot be read: %1").arg(QDir::toNativeSeparators(rec.path)));
        m_ftAccept->setEnabled(false);
        return false;
    }
    QJsonObject before, after, labels;
    for (int a = 0; a < kAttributeCount; ++a) {
        const QString key = QString::fromLatin1(hqa::core::kAttributeKeys[size_t(a)].data());
        labels.insert(key, o.heldOutLabels[size_t(a)]);
        if (!std::isnan(o.before[size_t(a)]))
            before.insert(key, o.before[size_t(a)]);
        if (!std::isnan(o.after[size_t(a)]))
            after.insert(key, o.after[size_t(a)]);
    }
    rec.metrics = QJsonObject{{QStringLiteral("parent_version"), o.parentVersion},
                              {QStringLiteral("parent_path"), QFileInfo(m_baseModel).absoluteFilePath()},
                              {QStringLiteral("samples"), o.trainPhotos},
                              {QStringLiteral("train_people"), o.trainPeople},
                              {QStringLiteral("steps"), o.steps},
                              {QStringLiteral("held_out_photos"), o.heldOutPhotos},
                              {QStringLiteral("held_out_people"), o.heldOutPeople},
                              {QStringLiteral("held_out_labels"), labels},
                              {QStringLiteral("held_out_accuracy_before"), before},
                              {QStringLiteral("held_out_accuracy_after"), after},
                              {QStringLiteral("beats_current"), o.beatsCurrent()},
                              {QStringLiteral("source"), QStringLiteral("learn dialog")}};
    auto id = m_store->registerModel(rec);
    if (!id) {
        m_ftStatus->setText(
            tr("The fine-tuned model could not be registered in the project: %1").arg(id.error().detail));
        m_ftAccept->setEnabled(false);
        return false;
    }
    m_ftRegistered = *id;
    return true;
}

bool LearnDialog::acceptFineTuned()
{
    if (!m_ftOutcome || !m_ftOutcome->beatsCurrent() || m_ftRegistered == 0 || m_ftThread)
        return false;
    const QString path = QFileInfo(m_ftOutcome->modelPath).absoluteFilePath();
    if (!QFileInfo::exists(path)) {
        m_ftWhy->setText(tr("The file of the fine-tuned model is missing: %1").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    QSettings s = settings::appSettings();
    s.setValue(settings::kEngineModel, path);
    const bool wasFused = m_engineName == core::kFusedEngine;
    if (wasFused)
        s.setValue(settings::kEngineName, core::kSwinEngine);
    s.sync();
    m_engineName = core::kSwinEngine;
    m_baseModel = path; // a next run starts from the accepted version
    m_ftAccept->setEnabled(false);
    m_ftWhy->setText(
        wasFused ? tr("The fine-tuned model (version %1) is the active model now, with the engine "
                      "\"swin\".")
                       .arg(m_ftOutcome->modelVersion)
                 : tr("The fine-tuned model (version %1) is the active model now.").arg(m_ftOutcome->modelVersion));
    Q_EMIT modelChanged();
    return true;
}

void fitTableToRows(QTableWidget* table)
{
    // Every row whole: rows as tall as their (wrapped) text, the table as tall as its rows.
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->resizeRowsToContents();
    int height = 2 * table->frameWidth();
    if (!table->horizontalHeader()->isHidden())
        height += std::max(table->horizontalHeader()->height(), table->horizontalHeader()->sizeHint().height());
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    if (table->horizontalScrollBar()->isVisible())
        height += table->horizontalScrollBar()->height();
    table->setFixedHeight(height);
}

} // namespace hqa::ui

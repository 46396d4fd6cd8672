#include "ui/settings/SettingsDialog.h"

#include "core/engine/Engine.h"
#include "core/store/ProjectStore.h"
#include "ui/settings/AppSettings.h"
#include "ui/settings/Translation.h"
#include "ui/worker/AssessmentWorker.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace hqa::ui {

using hqa::core::Attribute;
using hqa::core::kAllAttributes;

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);

    auto* engineGroup = new QGroupBox(tr("Engine"), this);
    auto* engineForm = new QFormLayout(engineGroup);
    m_engine = new QComboBox(engineGroup);
    for (const QString& name : hqa::core::availableEngines())
        m_engine->addItem(name, name);
    engineForm->addRow(tr("&Engine:"), m_engine);

    auto* modelRow = new QHBoxLayout;
    m_model = new QLineEdit(engineGroup);
    m_model->setPlaceholderText(tr("engine default"));
    auto* browse = new QPushButton(tr("&Browse..."), engineGroup);
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(browse);
    // With a layout as the field, addRow(QString, ...) makes a label without a buddy, which shows the '&' as text.
    auto* modelLabel = new QLabel(tr("&Model file:"), engineGroup);
    modelLabel->setBuddy(m_model);
    engineForm->addRow(modelLabel, modelRow);
    m_modelStatus = new QLabel(engineGroup);
    m_modelStatus->setWordWrap(true);
    engineForm->addRow(QString(), m_modelStatus);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseModel);
    connect(m_model, &QLineEdit::textChanged, this, &SettingsDialog::validateModel);
    connect(m_engine, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::validateModel);
    layout->addWidget(engineGroup);

    auto* thresholdGroup = new QGroupBox(tr("Pass thresholds (score at or above passes)"), this);
    auto* thresholdForm = new QFormLayout(thresholdGroup);
    for (Attribute a : kAllAttributes) {
        auto* box = new QDoubleSpinBox(thresholdGroup);
        box->setRange(kEngineDefault, 1.0);
        box->setSingleStep(0.01);
        box->setDecimals(2);
        // The minimum stands for "not set", so clearing a threshold is as easy as setting one.
        box->setSpecialValueText(tr("engine default"));
        box->setValue(kEngineDefault);
        box->setObjectName(QStringLiteral("threshold_") + QString::fromLatin1(hqa::core::attributeKey(a).data()));
        m_thresholds[size_t(hqa::core::index(a))] = box;
        thresholdForm->addRow(hqa::core::attributeName(a) + QLatin1Char(':'), box);
    }
    layout->addWidget(thresholdGroup);

    auto* reviewGroup = new QGroupBox(tr("Review"), this);
    auto* reviewForm = new QFormLayout(reviewGroup);
    m_reviewer = new QLineEdit(reviewGroup);
    m_reviewer->setPlaceholderText(hqa::core::defaultReviewerName());
    reviewForm->addRow(tr("&Reviewer name:"), m_reviewer);
    m_language = new QComboBox(reviewGroup);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    reviewForm->addRow(tr("&Language:"), m_language);
    reviewForm->addRow(QString(),
                       new QLabel(tr("A new language applies to dialogs at once and to the main "
                                     "window at the next start."),
                                  reviewGroup));
    layout->addWidget(reviewGroup);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);

    load(settings::appSettings());
}

void SettingsDialog::load(const QSettings& s)
{
    const QString engine = s.value(settings::kEngineName, core::kMeasuresEngine).toString();
    int row = m_engine->findData(engine);
    if (row < 0 && !engine.isEmpty()) {
        // Keep a configured engine this build lacks visible rather than silently switching it.
        m_engine->addItem(tr("%1 (not available in this build)").arg(engine), engine);
        row = m_engine->count() - 1;
    }
    m_engine->setCurrentIndex(std::max(row, 0));
    m_model->setText(s.value(settings::kEngineModel).toString());
    for (Attribute a : kAllAttributes) {
        const QVariant v = s.value(settings::thresholdKey(a));
        bool ok = false;
        const double t = v.toDouble(&ok);
        thresholdBox(a)->setValue(v.isValid() && ok ? t : kEngineDefault);
    }
    m_reviewer->setText(s.value(settings::kReviewer).toString());
    m_loadedLanguage = s.value(settings::kLanguage, QStringLiteral("en")).toString();
    m_language->setCurrentIndex(std::max(m_language->findData(m_loadedLanguage), 0));
    validateModel();
}

void SettingsDialog::save(QSettings& s) const
{
    s.setValue(settings::kEngineName, m_engine->currentData().toString());
    const QString model = m_model->text().trimmed();
    if (model.isEmpty())
        s.remove(settings::kEngineModel);
    else
        s.setValue(settings::kEngineModel, model);
    for (Attribute a : kAllAttributes) {
        const double t = thresholdBox(a)->value();
        if (t <= kEngineDefault + 1e-9)
            s.remove(settings::thresholdKey(a));
        else
            s.setValue(settings::thresholdKey(a), t);
    }
    const QString reviewer = m_reviewer->text().trimmed();
    if (reviewer.isEmpty())
        s.remove(settings::kReviewer);
    else
        s.setValue(settings::kReviewer, reviewer);
    s.setValue(settings::kLanguage, m_language->currentData().toString());
    s.sync();
}

bool SettingsDialog::engineNeedsModel() const
{
    // The learned engines have no built-in model: without a file they cannot start at all.
    return m_engine->currentData().toString() != core::kMeasuresEngine;
}

QString SettingsDialog::modelProblem() const
{
    const QString path = m_model->text().trimmed();
    if (path.isEmpty())
        return engineNeedsModel()
            ? tr("The %1 engine needs a model file; it has no default model.").arg(m_engine->currentData().toString())
            : QString();
    const QFileInfo info(path);
    if (!info.exists())
        return tr("The model file does not exist.");
    if (!info.isFile())
        return tr("The model path is not a file.");
    if (!info.isReadable())
        return tr("The model file cannot be read.");
    if (info.size() == 0)
        return tr("The model file is empty.");
    return {};
}

void SettingsDialog::validateModel()
{
    const QString problem = modelProblem();
    if (m_model->text().trimmed().isEmpty() && problem.isEmpty())
        m_modelStatus->setText(tr("The engine needs no model file."));
    else if (problem.isEmpty())
        m_modelStatus->setText(tr("OK: the model file is readable."));
    else
        m_modelStatus->setText(tr("Problem: %1").arg(problem)); // words, not colour alone
}

void SettingsDialog::chooseModel()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a model file"), m_model->text(),
                                                      tr("Models (*.pt *.pth *.dat *.json);;All files (*)"));
    if (!file.isEmpty())
        m_model->setText(file);
}

QString SettingsDialog::engineProblem() const
{
    if (const QString problem = modelProblem(); !problem.isEmpty())
        return problem;
    if (!engineNeedsModel())
        return {};
    // A readable file is not yet a model: start the engine as the assessment worker will, so that a file the
    // engine refuses is refused here and not at the next assessment.
    hqa::core::EngineOptions options;
    options.name = m_engine->currentData().toString();
    options.modelPath = m_model->text().trimmed();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto engine = hqa::core::makeEngine(options);
    QApplication::restoreOverrideCursor();
    if (!engine)
        return tr("The %1 engine cannot start with this model: %2").arg(options.name, errorSentence(engine.error()));
    return {};
}

void SettingsDialog::accept()
{
    if (const QString problem = engineProblem(); !problem.isEmpty()) {
        m_modelStatus->setText(tr("Problem: %1").arg(problem));
        QMessageBox::warning(this, tr("Preferences"), problem);
        return;
    }
    QSettings s = settings::appSettings();
    save(s);
    const QString language = m_language->currentData().toString();
    if (language != m_loadedLanguage)
        installLanguage(language);
    QDialog::accept();
}

} // namespace hqa::ui

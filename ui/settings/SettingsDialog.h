#pragma once
// Edit > Preferences: engine, model file, per-attribute thresholds, reviewer name and language, read from and
// written to the application's QSettings (keys in AppSettings.h).

#include "core/Attribute.h"

#include <QDialog>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSettings;

namespace hqa::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    /// Fills the widgets from settings (engine defaults where a key is absent).
    void load(const QSettings& settings);
    /// Writes every key; thresholds left at "engine default" are removed so the engine's own value applies.
    void save(QSettings& settings) const;

    /// Empty when the model path is usable for the chosen engine, else why not (a learned engine needs a file;
    /// the measures engine needs none). File checks only; accept() also starts the engine with it.
    QString modelProblem() const;
    /// modelProblem(), then for a learned engine whether it starts with the file; empty when it does.
    QString engineProblem() const;

    QComboBox* engineBox() const { return m_engine; }
    QLineEdit* modelEdit() const { return m_model; }
    QDoubleSpinBox* thresholdBox(hqa::core::Attribute a) const { return m_thresholds[size_t(hqa::core::index(a))]; }
    QLineEdit* reviewerEdit() const { return m_reviewer; }
    QComboBox* languageBox() const { return m_language; }

    /// Value meaning "no threshold set, use the engine's default" (the spin boxes' minimum).
    static constexpr double kEngineDefault = -0.01;

public Q_SLOTS:
    void accept() override;

private:
    void chooseModel();
    void validateModel();
    bool engineNeedsModel() const;

    QComboBox* m_engine = nullptr;
    QLineEdit* m_model = nullptr;
    QLabel* m_modelStatus = nullptr;
    std::array<QDoubleSpinBox*, hqa::core::kAttributeCount> m_thresholds{};
    QLineEdit* m_reviewer = nullptr;
    QComboBox* m_language = nullptr;
    QString m_loadedLanguage;
};

} // namespace hqa::ui

#pragma once
// The six attributes of the current photo: verdict badge (symbol + word), score bar and the reason sentence.
// Clicking a verdict (or keys 1-6 in the main window) asks for it to be flipped.

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"

#include <QWidget>

#include <array>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hqa::ui {

class AttributePanel : public QWidget {
    Q_OBJECT
public:
    explicit AttributePanel(QWidget* parent = nullptr);

    /// Shows the effective label (corrections applied) with the engine's scores and reasons.
    void showPhoto(const QString& title, const hqa::core::Label& label,
                   const std::optional<hqa::core::Assessment>& assessment, const QString& stateText);
    void clear();
    /// The verdict word shown for an attribute ("Pass", "Fail", "Not judged").
    QString verdictText(hqa::core::Attribute a) const;
    QString reasonText(hqa::core::Attribute a) const;
    /// The header line under the title ("All pass (corrected)", "Error: ...").
    QString stateText() const;
    /// Shows (or hides) that a reviewer verified the photo (it has a golden label). showPhoto() and clear() hide it.
    void setVerified(bool verified, const QString& verifiedBy = {});
    /// The verified line as shown; empty when the photo is not verified.
    QString verifiedText() const;

Q_SIGNALS:
    void flipRequested(int attributeIndex);

private:
    struct Row {
        QPushButton* verdict = nullptr;
        QLabel* name = nullptr;
        QProgressBar* score = nullptr;
        QLabel* reason = nullptr;
    };
    QLabel* m_title = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_verified = nullptr;
    std::array<Row, hqa::core::kAttributeCount> m_rows;
};

} // namespace hqa::ui

#pragma once
// File > Export picks…: copies or moves the chosen photos (with their XMP sidecars) into a folder, optionally as the
// standard crop (4:5, and 1:1 for profile sites) with EXIF and the ICC profile kept (core/store/PhotoExport.h).
// Which photos: the project's picks (flag P), the grid's selection, or every photo whose six verdicts pass.

#include "core/store/PhotoExport.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace hqa::core {
class ProjectStore;
}

namespace hqa::ui {

class ExportPicksDialog : public QDialog {
    Q_OBJECT
public:
    /// store may be null (no project: only the selection can be exported, without stored faces for crops).
    ExportPicksDialog(hqa::core::ProjectStore* store, const QStringList& selected, QWidget* parent = nullptr);

    void setTargetFolder(const QString& dir);
    /// The photos the current choice exports.
    QStringList chosenPhotos() const;
    hqa::core::PhotoExportOptions options() const;
    /// Exports now (what the Export button does); returns each photo's outcome and shows the summary.
    std::vector<hqa::core::PhotoExportOutcome> exportNow();
    QString resultText() const;

Q_SIGNALS:
    /// Photos were moved away: the project's paths for them are stale.
    void photosMoved(const QStringList& sources);

private:
    void updateState();

    hqa::core::ProjectStore* m_store = nullptr;
    QStringList m_selected;
    QStringList m_passing;
    QStringList m_picked;
    QLineEdit* m_folder = nullptr;
    QRadioButton* m_usePicked = nullptr;
    QRadioButton* m_useSelection = nullptr;
    QRadioButton* m_usePassing = nullptr;
    QRadioButton* m_copy = nullptr;
    QRadioButton* m_move = nullptr;
    QCheckBox* m_originals = nullptr;
    QCheckBox* m_sidecars = nullptr;
    QCheckBox* m_crop45 = nullptr;
    QCheckBox* m_crop11 = nullptr;
    QLabel* m_result = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace hqa::ui

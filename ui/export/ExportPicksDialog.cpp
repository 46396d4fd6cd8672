#include "ui/export/ExportPicksDialog.h"

#include "core/store/ProjectStore.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace hqa::ui {

using namespace hqa::core;

ExportPicksDialog::ExportPicksDialog(ProjectStore* store, const QStringList& selected, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_selected(selected)
{
    setWindowTitle(tr("Export picks"));
    if (m_store) {
        if (auto passing = allPassingPhotos(*m_store))
            m_passing = *passing;
        if (auto picked = pickedPhotos(*m_store))
            m_picked = *picked;
    }

    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setPlaceholderText(tr("Folder to export into"));
    m_folder->setText(QSettings().value(QStringLiteral("export/folder")).toString());
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder:"), folderRow);

    auto* which = new QVBoxLayout;
    m_usePicked = new QRadioButton(tr("Picked photos (%n)", nullptr, int(m_picked.size())), this);
    m_usePicked->setObjectName(QStringLiteral("exportPicked"));
    m_usePicked->setEnabled(m_store != nullptr);
    m_useSelection = new QRadioButton(tr("Selected photos (%n)", nullptr, int(m_selected.size())), this);
    m_useSelection->setObjectName(QStringLiteral("exportSelection"));
    m_usePassing = new QRadioButton(tr("Photos whose six verdicts pass (%n)", nullptr, int(m_passing.size())), this);
    m_usePassing->setObjectName(QStringLiteral("exportAllPassing"));
    m_usePassing->setEnabled(m_store != nullptr);
    // The picks when there are any, else the selection, else what passes.
    (!m_picked.isEmpty()                     ? m_usePicked
         : !m_selected.isEmpty() || !m_store ? m_useSelection
                                             : m_usePassing)
        ->setChecked(true);
    auto* whichGroup = new QButtonGroup(this); // apart from Copy/Move, which share the dialog as parent
    whichGroup->addButton(m_usePicked);
    whichGroup->addButton(m_useSelection);
    whichGroup->addButton(m_usePassing);
    which->addWidget(m_usePicked);
    which->addWidget(m_useSelection);
    which->addWidget(m_usePassing);
    form->addRow(tr("Photos:"), which);

    auto* how = new QHBoxLayout;
    m_copy = new QRadioButton(tr("Copy"), this);
    m_move = new QRadioButton(tr("Move"), this);
    m_move->setObjectName(QStringLiteral("exportMove"));
    m_move->setToolTip(tr("Each source is deleted only after its copy was written and verified."));
    m_copy->setChecked(true);
    auto* howGroup = new QButtonGroup(this);
    howGroup->addButton(m_copy);
    howGroup->addButton(m_move);
    how->addWidget(m_copy);
    how->addWidget(m_move);
    how->addStretch(1);
    form->addRow(tr("Files:"), how);

    auto* what = new QVBoxLayout;
    m_originals = new QCheckBox(tr("Originals"), this);
    m_originals->setChecked(true);
    m_sidecars = new QCheckBox(tr("XMP sidecars with the originals"), this);
    m_sidecars->setChecked(true);
    m_crop45 = new QCheckBox(tr("Standard crop 4:5 (EXIF and colour profile kept)"), this);
    m_crop45->setObjectName(QStringLiteral("exportCrop4x5"));
    m_crop11 = new QCheckBox(tr("Square crop 1:1 for profile sites"), this);
    m_crop11->setObjectName(QStringLiteral("exportCrop1x1"));
    for (QCheckBox* box : {m_originals, m_sidecars, m_crop45, m_crop11})
        what->addWidget(box);
    form->addRow(tr("Export:"), what);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { exportNow(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    const std::initializer_list<QAbstractButton*> buttons{m_usePicked, m_useSelection, m_usePassing, m_copy,  m_move,
                                                          m_originals, m_sidecars,     m_crop45,     m_crop11};
    for (QAbstractButton* b : buttons)
        connect(b, &QAbstractButton::toggled, this, &ExportPicksDialog::updateState);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportPicksDialog::updateState);
    updateState();
}

void ExportPicksDialog::setTargetFolder(const QString& dir) { m_folder->setText(dir); }

QStringList ExportPicksDialog::chosenPhotos() const
{
    return m_usePicked->isChecked() ? m_picked : m_usePassing->isChecked() ? m_passing : m_selected;
}

PhotoExportOptions ExportPicksDialog::options() const
{
    PhotoExportOptions o;
    o.targetDir = m_folder->text().trimmed();
    o.originals = m_originals->isChecked();
    o.move = m_move->isChecked() && o.originals;
    o.sidecars = m_sidecars->isChecked();
    if (m_crop45->isChecked())
        o.crops.push_back(ExportCrop::Portrait4x5);
    if (m_crop11->isChecked())
        o.crops.push_back(ExportCrop::Square1x1);
    return o;
}

void ExportPicksDialog::updateState()
{
    // A move takes the originals away, so it needs them in the export; crops alone are always copies.
    m_move->setEnabled(m_originals->isChecked());
    if (!m_originals->isChecked())
        m_copy->setChecked(true);
    m_sidecars->setEnabled(m_originals->isChecked());
    const PhotoExportOptions o = options();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!o.targetDir.isEmpty() && !chosenPhotos().isEmpty() && (o.originals || !o.crops.empty()));
}

std::vector<PhotoExportOutcome> ExportPicksDialog::exportNow()
{
    std::vector<PhotoExportOutcome> outcomes;
    const PhotoExportOptions o = options();
    if (auto error = prepareExportFolder(o.targetDir)) {
        m_result->setText(tr("Nothing exported: %1").arg(error->detail));
        return outcomes;
    }
    QSettings().setValue(QStringLiteral("export/folder"), o.targetDir);
    const std::vector<PhotoExportItem> items = exportItemsFromStore(m_store, chosenPhotos());
    QProgressDialog progress(tr("Exporting…"), tr("Stop"), 0, int(items.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    QStringList moved, problems;
    int exported = 0;
    for (size_t i = 0; i < items.size() && !progress.wasCanceled(); ++i) {
        progress.setValue(int(i));
        QApplication::processEvents();
        outcomes.push_back(exportPhoto(items[i], o));
        const PhotoExportOutcome& r = outcomes.back();
        if (r.ok())
            ++exported;
        else
            problems << r.error->detail;
        if (r.moved)
            moved << r.source;
        problems << r.notes;
    }
    progress.setValue(int(items.size()));
    QString text = (o.move ? tr("%1 of %n photo(s) moved to %2.", nullptr, int(items.size()))
                           : tr("%1 of %n photo(s) exported to %2.", nullptr, int(items.size())))
                       .arg(exported)
                       .arg(o.targetDir);
    if (!problems.isEmpty())
        text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    if (!moved.isEmpty() && m_store) {
        // The project follows the photos to their new folder.
        if (auto followed = followMovedPhotos(*m_store, outcomes); !followed)
            text += QLatin1Char('\n')
                + tr("The project still lists the moved photos at their old place: %1").arg(followed.error().detail);
    }
    m_result->setText(text);
    if (!moved.isEmpty())
        Q_EMIT photosMoved(moved);
    return outcomes;
}

QString ExportPicksDialog::resultText() const { return m_result->text(); }

} // namespace hqa::ui

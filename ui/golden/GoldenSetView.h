#pragma once
// Golden set mode: every photo of the project with its golden label (six toggles per row, keys 1-6 toggle the
// current row's attributes, Space marks it verified), the engine's effective prediction beside it, and
// disagreements marked by icon and text. Export/import of the golden set as labels.csv (ATTRIBUTES.md).

#include "core/eval/LabelDoubts.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"

#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace hqa::ui {

class GoldenSetView : public QWidget {
    Q_OBJECT
public:
    explicit GoldenSetView(QWidget* parent = nullptr);

    /// The store is not owned; nullptr clears the view.
    void setStore(hqa::core::ProjectStore* store);

    enum class Filter { All, Unverified, Disagreeing };
    void setFilter(Filter filter);

    /// Cycles one attribute of a row's golden label (pass -> fail -> unknown -> pass). A verified row is
    /// written to the store at once; an unverified one waits for markVerified().
    void toggle(int row, hqa::core::Attribute attribute);
    /// Stores the row's label as golden, verified by defaultReviewerName().
    bool markVerified(int row);

    /// Writes the verified golden labels as labels.csv; an empty string on success, else the reason.
    QString exportCsv(const QString& path);
    struct ImportResult {
        int matchedByPath = 0;
        int matchedByHash = 0;
        QStringList unmatched; ///< "line N: file" for rows that match no photo of the project
        QString error; ///< the file could not be read at all
    };
    /// Sets golden labels from a labels.csv: rows match photos by path, else by content hash.
    ImportResult importCsv(const QString& path);

    QTableWidget* table() const { return m_table; }
    int rowCount() const;
    hqa::core::PhotoId photoAt(int row) const;
    hqa::core::Label labelAt(int row) const;
    bool isVerified(int row) const;
    /// The golden label and the engine's verdict differ on an attribute both know.
    bool disagrees(int row) const;
    /// The status line's text (import and export results).
    QString statusText() const;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    /// Golden labels were written to the store.
    void goldenChanged();
    /// The words on how the most similar verified photos are labelled were brought up to date (after a reload or
    /// a change of a verified label; computed off the GUI thread).
    void similarUpdated();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row {
        hqa::core::PhotoRecord photo;
        hqa::core::Label label = hqa::core::kUnknownLabel;
        bool verified = false;
        /// The engine's own verdicts (latest assessment, before any correction); nullopt when it gave none.
        std::optional<hqa::core::Label> engine;
        bool assessed = false; ///< the photo has an assessment at all
        QString engineProblem; ///< why the latest assessment has no verdicts (no face, unreadable)
        /// Per attribute where a verified label differs from the engine: how the most similar verified photos are
        /// labelled ("4 of 5 say pass"); empty where it differs with too few verified photos to compare.
        std::array<QString, hqa::core::kAttributeCount> similar;
    };
    void fillRow(int row);
    /// Asks the most similar verified photos about every verified label the engine disagrees with
    /// (core/eval/LabelDoubts) on a worker thread; the answer refreshes the rows whose words change, unless a newer
    /// request has been made meanwhile. Thousands of verified photos take a second or more (bench_label_doubts).
    void updateSimilar();
    void applySimilar(const std::vector<hqa::core::LabelDoubt>& doubts);
    void applyFilter();
    void chooseExport();
    void chooseImport();
    void showStatus(const QString& text);

    hqa::core::ProjectStore* m_store = nullptr;
    std::vector<Row> m_rows;
    /// Each row's latest assessment with its evidence (landmarks dropped; default where there is none), shared with
    /// the worker that ranks the labels.
    std::shared_ptr<const std::vector<hqa::core::Assessment>> m_assessments;
    quint64 m_similarRequest = 0;
    QTableWidget* m_table = nullptr;
    QComboBox* m_filterBox = nullptr;
    QLabel* m_status = nullptr;
    Filter m_filter = Filter::All;
};

} // namespace hqa::ui

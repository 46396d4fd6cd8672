#pragma once
// The project's photos as a list model: one row per photo with its latest assessment, effective verdicts,
// correction and golden state, and a thumbnail made off the GUI thread (the first time a view asks for it).

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QImage>

#include <optional>
#include <vector>

namespace hqa::ui {

enum class PhotoState { NotAssessed, AllPass, Failing, Error, Missing };

struct PhotoRow {
    hqa::core::PhotoId id = 0;
    QString path;
    bool missing = false;
    std::optional<hqa::core::Assessment> assessment;
    QString errorText;
    hqa::core::Label label = hqa::core::kUnknownLabel; ///< effective verdicts (corrections applied)
    bool corrected = false;
    std::optional<hqa::core::Label> golden;
    QString verifiedBy; ///< who set the golden label (empty when there is none)
    hqa::core::CullMarks marks; ///< pick flag, stars, colour label
    QImage thumbnail;
    bool thumbnailRequested = false;
    /// Other files given this session with the same content: the store keeps one photo per content, so they share
    /// this row (and its verdicts) instead of vanishing.
    QStringList sameContentAs;

    PhotoState state() const;
    /// A reviewer verified the photo: it has a golden label.
    bool verified() const { return golden.has_value(); }
    int failingCount() const;
    bool disagreesWithGolden() const;
};

class PhotoListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PhotoIdRole = Qt::UserRole + 1,
        PathRole,
        StateRole, ///< int(PhotoState)
        FailingCountRole,
        LabelRole, ///< QString of six '1'/'0'/'-'
        ErrorTextRole,
        CorrectedRole,
        GoldenDisagreeRole,
        ScoreRole, ///< QVariantList of six scores (-1 when not judged)
        StateTextRole, ///< "All pass", "2 failing", "Error", "Not assessed", "Missing file"
        FlagRole, ///< int(hqa::core::PickFlag)
        StarsRole, ///< 0..5
        ColourRole, ///< int(hqa::core::ColourLabel)
        VerifiedRole, ///< bool: the photo has a golden label
    };
    static constexpr int kThumbnailSide = 240; ///< the largest thumbnail size the grid offers

    explicit PhotoListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Replaces every row with the store's state (keeps thumbnails already made).
    void reload(const hqa::core::ProjectStore* store);
    /// Applies a fresh assessment from the worker (effective label follows it unless corrected).
    void applyResult(hqa::core::PhotoId id, const hqa::core::Assessment& assessment, const QString& errorText);
    /// Shows a file the project refused (not an image at all, unreadable) as an error row; it has a negative id
    /// and survives reloads until the model is cleared for another project.
    void addRejected(const QString& path, const QString& errorText);
    void clearRejected();
    /// Records that `path` has the same content as photo `id` (shown in the tooltip until another project opens).
    void addSameContent(hqa::core::PhotoId id, const QString& path);
    /// Re-reads one photo's effective label and correction state.
    void refreshPhoto(const hqa::core::ProjectStore* store, hqa::core::PhotoId id);

    int rowOf(hqa::core::PhotoId id) const;
    const PhotoRow* rowAt(int row) const;
    const PhotoRow* rowFor(hqa::core::PhotoId id) const;
    int thumbnailsReady() const;

    static QString stateText(const PhotoRow& row);
    /// "Picked, 3 stars, red label"; empty when the photo has no marks.
    static QString marksText(const hqa::core::CullMarks& marks);

private:
    void requestThumbnail(int row) const;
    void setThumbnail(hqa::core::PhotoId id, const QImage& image);

    std::vector<PhotoRow> m_rows;
    QHash<hqa::core::PhotoId, int> m_index;
    QHash<hqa::core::PhotoId, QImage> m_thumbCache;
    std::vector<PhotoRow> m_rejected;
    QHash<hqa::core::PhotoId, QStringList> m_sameContent;
};

} // namespace hqa::ui

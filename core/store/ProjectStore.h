#pragma once
// The project file: one SQLite database (WAL mode, synchronous=FULL) holding photos, assessments, the
// reviewers' corrections (append-only history), golden labels and registered models.

#include "core/Assessment.h"
#include "core/Error.h"
#include "core/eval/LabelFile.h"
#include "core/store/CullMarks.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace hqa::core {

using PhotoId = qint64;

/// A photo is its content: the same bytes added twice are one photo, whatever the path.
struct PhotoRecord {
    PhotoId id = 0;
    QString path; ///< absolute path where the file was last seen
    QString sha256; ///< lower-case hex of the content
    qint64 size = 0;
    int width = 0; ///< oriented pixel size from the header
    int height = 0;
    QDateTime addedAt;
    bool missing = false; ///< not found at path when last checked; its labels are kept
    Label label = kUnknownLabel; ///< effective verdicts: latest assessment with corrections applied
};

/// One engine run over one photo, as stored. assessment.file holds the photo's path.
struct StoredAssessment {
    qint64 id = 0;
    PhotoId photoId = 0;
    QDateTime createdAt;
    Assessment assessment;
};

enum class CorrectionKind { Edit, Undo, Redo };

/// One row of the correction history. Values are 1 pass, 0 fail, -1 unknown.
struct Correction {
    qint64 id = 0;
    PhotoId photoId = 0;
    Attribute attribute = Attribute::Lighting;
    int oldValue = -1;
    int newValue = -1;
    QDateTime createdAt;
    QString reviewer;
    QString engine; ///< engine and version of the verdict that was corrected (empty when none)
    QString modelVersion;
    CorrectionKind kind = CorrectionKind::Edit;
    qint64 revertsId = 0; ///< for Undo/Redo: the Edit row whose change is reverted or re-applied
};

struct GoldenLabel {
    PhotoId photoId = 0;
    Label label = kUnknownLabel;
    QString verifiedBy;
    QDateTime verifiedAt;
};

/// One row of the golden-label history (schema v2, append-only like the corrections): the photo's golden label
/// before and after the row; nullopt label = no golden label. Undo and redo rows name the Edit row they act on.
struct GoldenEdit {
    qint64 id = 0;
    PhotoId photoId = 0;
    CorrectionKind kind = CorrectionKind::Edit;
    qint64 revertsId = 0;
    std::optional<Label> oldLabel, newLabel;
    QString oldVerifiedBy, newVerifiedBy;
    QDateTime oldVerifiedAt, newVerifiedAt;
    QString reviewer;
    QDateTime createdAt;
};

/// One row of the marks history (schema v3, append-only): a photo's flag, stars and colour label before and after.
/// The rows one setMarks call writes (several photos at once) share `step`, the id of its first row, and are
/// undone and redone together; undo and redo rows name the step they act on.
struct MarkEdit {
    qint64 id = 0;
    qint64 step = 0;
    PhotoId photoId = 0;
    CorrectionKind kind = CorrectionKind::Edit;
    qint64 revertsStep = 0;
    CullMarks oldMarks, newMarks;
    QString reviewer;
    QDateTime createdAt;
};

/// One step of the shared undo timeline: exactly one of correction, golden and marks is set (marks holds the
/// rows of one marks step, one per photo).
struct HistoryStep {
    std::optional<Correction> correction;
    std::optional<GoldenEdit> golden;
    std::optional<std::vector<MarkEdit>> marks;
    PhotoId photoId() const
    {
        return correction              ? correction->photoId
            : golden                   ? golden->photoId
            : marks && !marks->empty() ? marks->front().photoId
                                       : 0;
    }
};

/// A registered checkpoint with its evaluation figures.
struct ModelRecord {
    qint64 id = 0;
    QString name;
    QString version;
    QString path;
    QString sha256;
    QDateTime registeredAt;
    QJsonObject metrics;
};

struct AddPhotoResult {
    enum class Outcome { Added, AlreadyKnown, Relocated };
    PhotoId id = 0;
    Outcome outcome = Outcome::Added;
    QString previousPath; ///< for Relocated: where the photo was before
};

struct ProjectSummary {
    int photos = 0;
    int missing = 0;
    int assessed = 0; ///< photos with at least one assessment
    qint64 assessments = 0;
    int corrections = 0; ///< history rows, undo/redo included
    int golden = 0;
    int models = 0;
    int picked = 0; ///< photos flagged pick / reject (schema v3 marks)
    int rejected = 0;
    std::array<int, kAttributeCount> failing{}; ///< photos whose effective verdict fails each attribute
};

/// Which labels an export writes.
enum class LabelSource {
    Golden, ///< verified golden labels only
    Corrected, ///< photos with at least one correction: their effective label
    All, ///< every labelled photo: golden where verified, else the effective label
};

/// Name to record with corrections: QSettings "review/reviewer", else the login name.
QString defaultReviewerName();

/// Lower-case hex SHA-256 of a file's content (streamed), as the store identifies photos and models; empty when
/// the file cannot be read.
QString fileSha256(const QString& path);

/// The typed API over one project file. Not thread-safe: use an object from the thread that opened it (each
/// thread or process opens its own; SQLite's locking keeps them apart).
class ProjectStore {
public:
    enum class Access { ReadWrite, ReadOnly };
    struct OpenOptions {
        Access access = Access::ReadWrite;
        int busyTimeoutMs = 5000; ///< how long a write waits for another process's write to finish
    };

    /// Creates a new project file; InvalidArgument when something already exists at path.
    static Expected<std::unique_ptr<ProjectStore>> create(const QString& path);
    /// Opens an existing project, migrating an older schema (read-write only). A file that cannot be written
    /// is opened read-only; readOnlyReason() says why.
    static Expected<std::unique_ptr<ProjectStore>> open(const QString& path, const OpenOptions& options);
    static Expected<std::unique_ptr<ProjectStore>> open(const QString& path) { return open(path, OpenOptions{}); }

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    QString path() const;
    bool isReadOnly() const;
    /// Empty when read-write; otherwise a sentence for the user.
    QString readOnlyReason() const;
    int schemaVersion() const;

    // Photos ---------------------------------------------------------------------------------------------------
    /// Hashes the file and adds it, or finds it again by content (moved or renamed) and updates its path.
    /// keepUnreadable: a file that exists but is not a readable image is added too (0 x 0 pixels), so that a
    /// project keeps every file it was given; its assessment then records why it cannot be judged.
    Expected<AddPhotoResult> addPhoto(const QString& file, bool keepUnreadable = false);
    Expected<std::optional<PhotoRecord>> photo(PhotoId id) const;
    Expected<std::optional<PhotoRecord>> photoByPath(const QString& file) const;
    Expected<std::optional<PhotoRecord>> photoBySha256(const QString& sha256) const;
    Expected<std::vector<PhotoRecord>> photos() const;
    /// Checks every photo's path on disk and updates its missing flag; returns how many are missing.
    Expected<int> refreshMissing();
    /// Photos whose effective verdict fails the attribute.
    Expected<std::vector<PhotoId>> photosFailing(Attribute attribute) const;

    // Assessments ----------------------------------------------------------------------------------------------
    Expected<qint64> addAssessment(PhotoId photo, const Assessment& assessment);
    /// Stores many in one transaction (all or none).
    Expected<std::vector<qint64>> addAssessments(const std::vector<std::pair<PhotoId, Assessment>>& items);
    /// Latest assessment of a photo, optionally of one engine.
    Expected<std::optional<StoredAssessment>> latestAssessment(PhotoId photo, const QString& engine = {}) const;
    Expected<std::vector<StoredAssessment>> assessments(PhotoId photo) const;
    /// Calls back with each photo's latest assessment (photo order); returns how many. Streams rows so that
    /// exports of large projects do not build a copy in memory.
    Expected<qint64> forEachLatestAssessment(const std::function<void(const StoredAssessment&)>& callback) const;

    // Corrections (append-only history) --------------------------------------------------------------------------
    /// Sets one attribute of a photo (1 pass, 0 fail, -1 unknown), recording the old effective value and the
    /// engine/model version of the verdict it corrects. Returns the new row's id.
    Expected<qint64> correct(PhotoId photo, Attribute attribute, int value, const QString& reviewer);
    /// History in order; photo 0 means all photos.
    Expected<std::vector<Correction>> corrections(PhotoId photo = 0) const;

    // The undo timeline: corrections, golden-label changes and marks steps, in the order they were made -------------
    /// Reverts the most recent step of any kind that is not undone, by appending history rows (never deleting
    /// one); nullopt when there is nothing to undo.
    Expected<std::optional<HistoryStep>> undo(const QString& reviewer);
    /// Re-applies the most recently undone step; nullopt when there is none (a new edit of any kind after an undo
    /// clears the redo stack, as in every editor).
    Expected<std::optional<HistoryStep>> redo(const QString& reviewer);
    Expected<bool> canUndo() const;
    Expected<bool> canRedo() const;
    /// Golden-label history in order; photo 0 means all photos.
    Expected<std::vector<GoldenEdit>> goldenHistory(PhotoId photo = 0) const;

    // Golden labels (each change also appends a golden-history row, so it can be undone) ------------------------
    std::optional<Error> setGoldenLabel(PhotoId photo, const Label& label, const QString& verifiedBy);
    std::optional<Error> clearGoldenLabel(PhotoId photo);
    Expected<std::optional<GoldenLabel>> goldenLabel(PhotoId photo) const;
    Expected<std::vector<GoldenLabel>> goldenLabels() const;

    // Culling marks: pick flag, stars, colour label (schema v3; on the shared undo timeline) ----------------------
    /// Sets one photo's marks: one history row (none when they do not change). Returns the step id, 0 for no change.
    Expected<qint64> setMarks(PhotoId photo, const CullMarks& marks, const QString& reviewer);
    /// Sets the marks of several photos as ONE undo step (photos whose marks do not change get no row). Stars
    /// outside 0..5 or an unknown photo are InvalidArgument and nothing is written. Returns the step id or 0.
    Expected<qint64> setMarks(const std::vector<std::pair<PhotoId, CullMarks>>& marks, const QString& reviewer);
    /// A photo's marks (empty marks when none were set).
    Expected<CullMarks> marks(PhotoId photo) const;
    /// Every photo with marks that are not empty, by photo id.
    Expected<std::vector<std::pair<PhotoId, CullMarks>>> allMarks() const;
    /// Marks history in order; photo 0 means all photos.
    Expected<std::vector<MarkEdit>> markHistory(PhotoId photo = 0) const;

    // Models ---------------------------------------------------------------------------------------------------
    /// Registers a checkpoint; registering the same name and version again updates it. Returns its id.
    Expected<qint64> registerModel(const ModelRecord& model);
    Expected<std::vector<ModelRecord>> models() const;

    // Whole project --------------------------------------------------------------------------------------------
    Expected<ProjectSummary> summary() const;
    /// Labels for a labels.csv; row paths are absolute, row.file is relative to baseDir.
    Expected<LabelSet> labelSet(LabelSource source, const QString& baseDir) const;
    /// PRAGMA integrity_check; "ok" for a sound file.
    Expected<QString> integrityCheck() const;
    /// Writes a consistent snapshot of the project (committed state, WAL included) to path with VACUUM INTO,
    /// through a temporary file in path's folder renamed over path, so a failed copy leaves path as it was.
    /// Safe while this store is open; refuses path when it is this project's own file.
    std::optional<Error> copyTo(const QString& path) const;

private:
    struct Private;
    explicit ProjectStore(std::unique_ptr<Private> d);
    static Expected<std::unique_ptr<ProjectStore>> openWith(const QString& path, const OpenOptions& options,
                                                            bool creating);
    std::unique_ptr<Private> d;
};

} // namespace hqa::core

#include "ProjectStore.h"

#include "core/AssessmentJson.h"
#include "core/image/ImageDecoder.h"
#include "core/store/ProjectSchema.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QThread>

#include <cerrno>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include <fcntl.h>
#include <pwd.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace hqa::core {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::ProjectStore", s); }

QString keyOf(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), attributeKey(a).size()); }

std::optional<Attribute> attributeOf(const QString& key) { return attributeFromKey(key.toStdString()); }

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

QString labelText(const Label& l) { return labelToString(l); }

Label labelFromText(const QString& s) { return parseLabel(s).value_or(kUnknownLabel); }

int failMaskOf(const Label& l)
{
    int m = 0;
    for (int i = 0; i < kAttributeCount; ++i)
        if (l[i] == 0)
            m |= 1 << i;
    return m;
}

const char* kScoreColumns = "score_lighting, score_background, score_attire, score_expression, score_framing, "
                            "score_sharpness";

QString assessmentSelect()
{
    return QStringLiteral("SELECT a.id, a.photo_id, a.created_at, p.path, a.engine, a.model_version, a.error_code, "
                          "a.error_detail, a.face_count, a.image_width, a.image_height, a.label, %1, a.elapsed_ms, "
                          "a.details FROM assessments a JOIN photos p ON p.id = a.photo_id ")
        .arg(QString::fromLatin1(kScoreColumns).replace(QStringLiteral("score_"), QStringLiteral("a.score_")));
}

StoredAssessment assessmentFrom(const QSqlQuery& q)
{
    StoredAssessment s;
    s.id = q.value(0).toLongLong();
    s.photoId = q.value(1).toLongLong();
    s.createdAt = fromMs(q.value(2).toLongLong());
    Assessment& a = s.assessment;
    a.file = q.value(3).toString();
    a.engine = q.value(4).toString();
    a.modelVersion = q.value(5).toString();
    if (!q.value(6).isNull())
        a.error = Error{errorCodeFromKey(q.value(6).toString().toStdString()), q.value(7).toString()};
    a.faceCount = q.value(8).toInt();
    a.imageSize = cv::Size(q.value(9).toInt(), q.value(10).toInt());
    const Label l = labelFromText(q.value(11).toString());
    for (int i = 0; i < kAttributeCount; ++i) {
        AttributeVerdict& v = a.verdicts[i];
        v.judged = l[i] >= 0;
        v.pass = l[i] == 1;
        v.score = q.value(12 + i).isNull() ? 0.0 : q.value(12 + i).toDouble();
    }
    a.elapsedMs = q.value(18).toDouble();
    readAssessmentDetails(q.value(19).toByteArray(), a);
    return s;
}

const char* kPhotoColumns = "id, sha256, path, size, width, height, added_at, missing, label";

PhotoRecord photoFrom(const QSqlQuery& q)
{
    PhotoRecord p;
    p.id = q.value(0).toLongLong();
    p.sha256 = q.value(1).toString();
    p.path = q.value(2).toString();
    p.size = q.value(3).toLongLong();
    p.width = q.value(4).toInt();
    p.height = q.value(5).toInt();
    p.addedAt = fromMs(q.value(6).toLongLong());
    p.missing = q.value(7).toBool();
    p.label = labelFromText(q.value(8).toString());
    return p;
}

CorrectionKind kindFrom(const QString& s)
{
    if (s == QLatin1String("undo"))
        return CorrectionKind::Undo;
    if (s == QLatin1String("redo"))
        return CorrectionKind::Redo;
    return CorrectionKind::Edit;
}

QString kindText(CorrectionKind k)
{
    switch (k) {
    case CorrectionKind::Undo:
        return QStringLiteral("undo");
    case CorrectionKind::Redo:
        return QStringLiteral("redo");
    case CorrectionKind::Edit:
        break;
    }
    return QStringLiteral("edit");
}

const char* kCorrectionColumns =
    "id, photo_id, attribute, old_value, new_value, created_at, reviewer, engine, model_version, kind, reverts_id";

Correction correctionFrom(const QSqlQuery& q)
{
    Correction c;
    c.id = q.value(0).toLongLong();
    c.photoId = q.value(1).toLongLong();
    c.attribute = attributeOf(q.value(2).toString()).value_or(Attribute::Lighting);
    c.oldValue = q.value(3).toInt();
    c.newValue = q.value(4).toInt();
    c.createdAt = fromMs(q.value(5).toLongLong());
    c.reviewer = q.value(6).toString();
    c.engine = q.value(7).toString();
    c.modelVersion = q.value(8).toString();
    c.kind = kindFrom(q.value(9).toString());
    c.revertsId = q.value(10).toLongLong();
    return c;
}

/// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

QString cleanAbsolute(const QString& file) { return QDir::cleanPath(QFileInfo(file).absoluteFilePath()); }

/// Removes an id from an undo or redo stack. The row an undo or redo reverts is almost always the stack's top, so
/// searching from the back keeps replaying a long history linear (std::erase scanned the whole stack per row).
void eraseFromStack(std::vector<qint64>& stack, qint64 id)
{
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        if (*it == id) {
            stack.erase(std::next(it).base());
            return;
        }
}

} // namespace

QString fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString defaultReviewerName()
{
    const QString configured = QSettings().value(QStringLiteral("review/reviewer")).toString().trimmed();
    if (!configured.isEmpty())
        return configured;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

struct ProjectStore::Private {
    QString connection;
    QString path;
    QSqlDatabase db;
    bool readOnly = false;
    QString readOnlyReason;
    int busyTimeoutMs = 5000;
    int schemaVersion = 0;

    ~Private()
    {
        if (db.isValid())
            db.close();
        db = QSqlDatabase();
        if (!connection.isEmpty())
            QSqlDatabase::removeDatabase(connection);
    }

    QSqlQuery query() const
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        return q;
    }

    /// Turns an SQLite failure into a sentence that says what to do about it.
    Error sqlError(const QSqlError& e, const QString& what) const
    {
        const QString native = e.nativeErrorCode();
        const int code = native.toInt() & 0xff; // primary result code of an extended one
        if (code == 5 || code == 6)
            return makeError(ErrorCode::Io,
                             tr("%1: the project is busy; another window or process has been "
                                "writing to %2 for more than %3 s. Nothing was changed; try again.")
                                 .arg(what, path)
                                 .arg(busyTimeoutMs / 1000.0));
        if (code == 8)
            return makeError(ErrorCode::Io, tr("%1: %2 is open read-only").arg(what, path));
        if (code == 13 || (code == 10 && diskAlmostFull()))
            return diskFullError(what);
        if (code == 11 || code == 26)
            return makeError(ErrorCode::Unreadable,
                             tr("%1: %2 is damaged or not a project (%3)").arg(what, path, e.databaseText()));
        return makeError(ErrorCode::Io, tr("%1: %2").arg(what, e.text()));
    }

    /// Bytes a normal user may still write in the project's folder; -1 when unknown. statvfs rather than
    /// QStorageInfo: that one asks the mount point, not the folder.
    qint64 freeBytes() const
    {
        struct statvfs fs;
        if (::statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &fs) != 0)
            return -1;
        return static_cast<qint64>(fs.f_bavail) * static_cast<qint64>(fs.f_frsize ? fs.f_frsize : fs.f_bsize);
    }

    /// SQLite reports ENOSPC as SQLITE_FULL when writing pages, but as a plain I/O error when it cannot grow the
    /// shared-memory index beside the project (opening on a full disk): then the free space tells.
    bool diskAlmostFull() const
    {
        const qint64 free = freeBytes();
        return free >= 0 && free < kNearlyFullBytes;
    }

    Error diskFullError(const QString& what) const
    {
        return makeError(ErrorCode::Io,
                         tr("%1: the disk holding %2 is full; nothing was saved and the project is as "
                            "it was. Free some space and try again.")
                             .arg(what, path));
    }

    static constexpr qint64 kNearlyFullBytes = 1 << 20;

    Error readOnlyError() const
    {
        return makeError(ErrorCode::InvalidArgument, tr("%1 is open read-only: %2").arg(path, readOnlyReason));
    }

    /// BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies to it instead of a deferred
    /// transaction failing half-way when another process wrote in between.
    std::optional<Error> begin()
    {
        QSqlQuery q(db);
        for (int attempt = 0;; ++attempt) {
            if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
                return std::nullopt;
            const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
            if ((code != 5 && code != 6) || attempt >= 1)
                return sqlError(q.lastError(), tr("cannot start writing"));
            QThread::msleep(50);
        }
    }

    std::optional<Error> commit()
    {
        QSqlQuery q(db);
        for (int attempt = 0;; ++attempt) {
            if (q.exec(QStringLiteral("COMMIT")))
                return std::nullopt;
            const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
            if ((code != 5 && code != 6) || attempt >= 3)
                return sqlError(q.lastError(), tr("cannot save"));
            QThread::msleep(50);
        }
    }

    void rollback() { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); }

    /// Runs body inside one write transaction: everything it did is kept, or none of it.
    template<typename T, typename F> Expected<T> write(F&& body)
    {
        if (readOnly)
            return readOnlyError();
        if (auto e = begin())
            return *e;
        Expected<T> r = body();
        if (!r.ok()) {
            rollback();
            return r;
        }
        if (auto e = commit()) {
            rollback();
            return *e;
        }
        return r;
    }

    bool exec(QSqlQuery& q, const QString& sql, const QVariantList& values = {}) const
    {
        if (!q.prepare(sql))
            return false;
        for (const QVariant& v : values)
            q.addBindValue(v);
        return q.exec();
    }

    /// The current effective label of a photo (nullopt when there is no such photo).
    Expected<std::optional<Label>> effectiveLabel(PhotoId photo)
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT label FROM photos WHERE id = ?"), {photo}))
            return sqlError(q.lastError(), tr("cannot read photo"));
        if (!q.next())
            return std::optional<Label>{};
        return std::optional<Label>(labelFromText(q.value(0).toString()));
    }

    std::optional<Error> storeEffective(PhotoId photo, const Label& label)
    {
        QSqlQuery q(db);
        if (!exec(q, QStringLiteral("UPDATE photos SET label = ?, fail_mask = ? WHERE id = ?"),
                  {labelText(label), failMaskOf(label), photo}))
            return sqlError(q.lastError(), tr("cannot update photo"));
        return std::nullopt;
    }

    /// Latest assessment label with the photo's corrections replayed on top.
    std::optional<Error> recomputeEffective(PhotoId photo, const Label& assessed)
    {
        Label l = assessed;
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT attribute, new_value FROM corrections WHERE photo_id = ? ORDER BY id"),
                  {photo}))
            return sqlError(q.lastError(), tr("cannot read corrections"));
        while (q.next())
            if (auto a = attributeOf(q.value(0).toString()))
                l[index(*a)] = static_cast<std::int8_t>(q.value(1).toInt());
        return storeEffective(photo, l);
    }

    /// Keys of the shared timeline: id * 4 + tag, tag 0 for a correction, 1 for a golden-history row, 2 for a
    /// marks step (its step id).
    enum TimelineTag : qint64 { kTagCorrection = 0, kTagGolden = 1, kTagMarks = 2 };
    static qint64 timelineKey(qint64 id, TimelineTag tag) { return id * 4 + tag; }

    /// The timeline replayed: an edit clears the redo stack, an undo moves its edit to it, a redo moves it back.
    struct UndoState {
        std::vector<qint64> done; ///< timelineKey()s of the edits in effect, oldest first
        std::vector<qint64> undone; ///< timelineKey()s of undone edits, most recently undone last
    };

    // Golden-label history (schema v2) ------------------------------------------------------------------------------
    struct GoldenState {
        std::optional<Label> label;
        QString verifiedBy;
        qint64 verifiedAtMs = 0;
    };

    Expected<GoldenState> goldenState(PhotoId photo) const
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT label, verified_by, verified_at FROM golden_labels WHERE photo_id = ?"),
                  {photo}))
            return sqlError(q.lastError(), tr("cannot read golden labels"));
        GoldenState g;
        if (q.next())
            g = {labelFromText(q.value(0).toString()), q.value(1).toString(), q.value(2).toLongLong()};
        return g;
    }

    /// Appends one golden-history row (the state before and after) and makes `after` the photo's golden label.
    /// Runs inside the caller's write transaction.
    Expected<qint64> appendGolden(PhotoId photo, const GoldenState& after, CorrectionKind kind, qint64 revertsId,
                                  const QString& reviewer)
    {
        auto before = goldenState(photo);
        if (!before)
            return before.error();
        QSqlQuery q(db);
        if (after.label) {
            if (!exec(q,
                      QStringLiteral("INSERT INTO golden_labels(photo_id, label, verified_by, verified_at) "
                                     "VALUES (?, ?, ?, ?) ON CONFLICT(photo_id) DO UPDATE SET "
                                     "label = excluded.label, verified_by = excluded.verified_by, "
                                     "verified_at = excluded.verified_at"),
                      {photo, labelText(*after.label), after.verifiedBy, after.verifiedAtMs})) {
                const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
                if (code == 19) // constraint: no such photo
                    return makeError(ErrorCode::InvalidArgument, tr("photo %1 is not in the project").arg(photo));
                return sqlError(q.lastError(), tr("cannot store the golden label"));
            }
        } else if (!exec(q, QStringLiteral("DELETE FROM golden_labels WHERE photo_id = ?"), {photo})) {
            return sqlError(q.lastError(), tr("cannot clear the golden label"));
        }
        const auto labelOrNull = [](const std::optional<Label>& l) { return l ? QVariant(labelText(*l)) : QVariant(); };
        const auto textOrNull = [](const GoldenState& g) { return g.label ? QVariant(g.verifiedBy) : QVariant(); };
        const auto timeOrNull = [](const GoldenState& g) { return g.label ? QVariant(g.verifiedAtMs) : QVariant(); };
        if (!exec(q,
                  QStringLiteral("INSERT INTO golden_history(photo_id, kind, reverts_id, old_label, old_verified_by, "
                                 "old_verified_at, new_label, new_verified_by, new_verified_at, reviewer, created_at, "
                                 "after_correction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "(SELECT coalesce(max(id), 0) FROM corrections))"),
                  {photo, kindText(kind), revertsId ? QVariant(revertsId) : QVariant(), labelOrNull(before->label),
                   textOrNull(*before), timeOrNull(*before), labelOrNull(after.label), textOrNull(after),
                   timeOrNull(after), reviewer, nowMs()}))
            return sqlError(q.lastError(), tr("cannot record the golden label change"));
        return q.lastInsertId().toLongLong();
    }

    static GoldenEdit goldenEditFrom(const QSqlQuery& q)
    {
        GoldenEdit g;
        g.id = q.value(0).toLongLong();
        g.photoId = q.value(1).toLongLong();
        g.kind = kindFrom(q.value(2).toString());
        g.revertsId = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            g.oldLabel = labelFromText(q.value(4).toString());
        g.oldVerifiedBy = q.value(5).toString();
        if (!q.value(6).isNull())
            g.oldVerifiedAt = fromMs(q.value(6).toLongLong());
        if (!q.value(7).isNull())
            g.newLabel = labelFromText(q.value(7).toString());
        g.newVerifiedBy = q.value(8).toString();
        if (!q.value(9).isNull())
            g.newVerifiedAt = fromMs(q.value(9).toLongLong());
        g.reviewer = q.value(10).toString();
        g.createdAt = fromMs(q.value(11).toLongLong());
        return g;
    }

    static constexpr const char* kGoldenColumns =
        "id, photo_id, kind, reverts_id, old_label, old_verified_by, old_verified_at, new_label, new_verified_by, "
        "new_verified_at, reviewer, created_at";

    Expected<GoldenEdit> goldenEditById(qint64 id) const
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT %1 FROM golden_history WHERE id = ?").arg(QLatin1String(kGoldenColumns)),
                  {id}))
            return sqlError(q.lastError(), tr("cannot read the golden label history"));
        if (!q.next())
            return makeError(ErrorCode::InvalidArgument, tr("golden label change %1 does not exist").arg(id));
        return goldenEditFrom(q);
    }

    /// The shared timeline replayed. Each event's place is (correction, golden, marks step): a correction k is
    /// (k, 0, 0); a golden row g written after correction k is (k, g, 0); a marks step m written after correction k
    /// and golden row g is (k, g, m). All three tables are append-only and every write holds SQLite's lock, so
    /// these places are in the order the rows were written.
    Expected<UndoState> undoState() const
    {
        struct Event {
            qint64 key; // timelineKey()
            CorrectionKind kind;
            qint64 target; // timelineKey() of the edit an undo or redo acts on
        };
        using Place = std::tuple<qint64, qint64, qint64>;
        std::vector<std::pair<Place, Event>> events;
        QSqlQuery q = query();
        if (!q.exec(QStringLiteral("SELECT id, kind, reverts_id FROM corrections")))
            return sqlError(q.lastError(), tr("cannot read corrections"));
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            events.push_back({{id, 0, 0},
                              {timelineKey(id, kTagCorrection), kindFrom(q.value(1).toString()),
                               timelineKey(q.value(2).toLongLong(), kTagCorrection)}});
        }
        QSqlQuery g = query();
        if (!g.exec(QStringLiteral("SELECT id, kind, reverts_id, after_correction FROM golden_history")))
            return sqlError(g.lastError(), tr("cannot read the golden label history"));
        while (g.next()) {
            const qint64 id = g.value(0).toLongLong();
            events.push_back({{g.value(3).toLongLong(), id, 0},
                              {timelineKey(id, kTagGolden), kindFrom(g.value(1).toString()),
                               timelineKey(g.value(2).toLongLong(), kTagGolden)}});
        }
        QSqlQuery m = query(); // one event per step: its first row
        if (!m.exec(QStringLiteral("SELECT step, kind, reverts_step, after_correction, after_golden FROM mark_history "
                                   "WHERE id = step")))
            return sqlError(m.lastError(), tr("cannot read the marks history"));
        while (m.next()) {
            const qint64 step = m.value(0).toLongLong();
            events.push_back({{m.value(3).toLongLong(), m.value(4).toLongLong(), step},
                              {timelineKey(step, kTagMarks), kindFrom(m.value(1).toString()),
                               timelineKey(m.value(2).toLongLong(), kTagMarks)}});
        }
        std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        UndoState s;
        for (const auto& [order, e] : events) {
            if (e.kind == CorrectionKind::Edit) {
                s.done.push_back(e.key);
                s.undone.clear();
            } else if (e.kind == CorrectionKind::Undo) {
                eraseFromStack(s.done, e.target);
                s.undone.push_back(e.target);
            } else {
                eraseFromStack(s.undone, e.target);
                s.done.push_back(e.target);
            }
        }
        return s;
    }

    Expected<std::optional<HistoryStep>> appendStep(CorrectionKind kind, const QString& reviewer)
    {
        return write<std::optional<HistoryStep>>([&]() -> Expected<std::optional<HistoryStep>> {
            auto state = undoState();
            if (!state)
                return state.error();
            const auto& stack = kind == CorrectionKind::Undo ? state->done : state->undone;
            if (stack.empty())
                return std::optional<HistoryStep>{};
            const qint64 key = stack.back();
            const qint64 targetId = key / 4;
            HistoryStep step;
            if (key % 4 == kTagMarks) {
                auto rows = markStepRows(targetId);
                if (!rows)
                    return rows.error();
                std::vector<std::pair<PhotoId, CullMarks>> items;
                if (kind == CorrectionKind::Undo) // back to each row's old marks, last row first
                    for (auto it = rows->rbegin(); it != rows->rend(); ++it)
                        items.emplace_back(it->photoId, it->oldMarks);
                else
                    for (const MarkEdit& e : *rows)
                        items.emplace_back(e.photoId, e.newMarks);
                auto id = appendMarks(items, kind, targetId, reviewer);
                if (!id)
                    return id.error();
                auto written = markStepRows(*id);
                if (!written)
                    return written.error();
                step.marks = *written;
            } else if (key % 4 == kTagCorrection) {
                auto target = correctionById(targetId);
                if (!target)
                    return target.error();
                Correction c = *target;
                c.kind = kind;
                c.revertsId = target->id;
                if (kind == CorrectionKind::Undo)
                    c.newValue = target->oldValue;
                c.reviewer = reviewer;
                auto id = appendCorrection(c);
                if (!id)
                    return id.error();
                auto row = correctionById(*id);
                if (!row)
                    return row.error();
                step.correction = *row;
            } else {
                auto target = goldenEditById(targetId);
                if (!target)
                    return target.error();
                GoldenState after;
                if (kind == CorrectionKind::Undo) {
                    after.label = target->oldLabel;
                    after.verifiedBy = target->oldVerifiedBy;
                    after.verifiedAtMs = target->oldVerifiedAt.isValid() ? target->oldVerifiedAt.toMSecsSinceEpoch()
                                                                         : 0;
                } else {
                    after.label = target->newLabel;
                    after.verifiedBy = target->newVerifiedBy;
                    after.verifiedAtMs = target->newVerifiedAt.isValid() ? target->newVerifiedAt.toMSecsSinceEpoch()
                                                                         : 0;
                }
                auto id = appendGolden(target->photoId, after, kind, target->id, reviewer);
                if (!id)
                    return id.error();
                auto row = goldenEditById(*id);
                if (!row)
                    return row.error();
                step.golden = *row;
            }
            return std::optional<HistoryStep>(step);
        });
    }

    // Culling marks (schema v3) -------------------------------------------------------------------------------------
    static int flagCode(PickFlag f) { return f == PickFlag::Accept ? 1 : f == PickFlag::Reject ? 2 : 0; }
    static PickFlag flagFromCode(int c)
    {
        return c == 1 ? PickFlag::Accept : c == 2 ? PickFlag::Reject : PickFlag::None;
    }
    static int colourCode(ColourLabel c) { return static_cast<int>(c); }
    static ColourLabel colourFromCode(int c)
    {
        return c >= 0 && c <= static_cast<int>(ColourLabel::Purple) ? static_cast<ColourLabel>(c) : ColourLabel::None;
    }
    static CullMarks marksFrom(const QSqlQuery& q, int first)
    {
        return {flagFromCode(q.value(first).toInt()), std::clamp(q.value(first + 1).toInt(), 0, kMaxStars),
                colourFromCode(q.value(first + 2).toInt())};
    }

    Expected<CullMarks> marksState(PhotoId photo) const
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT flag, stars, colour FROM marks WHERE photo_id = ?"), {photo}))
            return sqlError(q.lastError(), tr("cannot read flags and ratings"));
        return q.next() ? marksFrom(q, 0) : CullMarks{};
    }

    static constexpr const char* kMarkColumns =
        "id, step, photo_id, kind, reverts_step, old_flag, old_stars, old_colour, new_flag, new_stars, new_colour, "
        "reviewer, created_at";

    static MarkEdit markEditFrom(const QSqlQuery& q)
    {
        MarkEdit e;
        e.id = q.value(0).toLongLong();
        e.step = q.value(1).toLongLong();
        e.photoId = q.value(2).toLongLong();
        e.kind = kindFrom(q.value(3).toString());
        e.revertsStep = q.value(4).toLongLong();
        e.oldMarks = marksFrom(q, 5);
        e.newMarks = marksFrom(q, 8);
        e.reviewer = q.value(11).toString();
        e.createdAt = fromMs(q.value(12).toLongLong());
        return e;
    }

    Expected<std::vector<MarkEdit>> markStepRows(qint64 step) const
    {
        QSqlQuery q = query();
        if (!exec(q,
                  QStringLiteral("SELECT %1 FROM mark_history WHERE step = ? ORDER BY id")
                      .arg(QLatin1String(kMarkColumns)),
                  {step}))
            return sqlError(q.lastError(), tr("cannot read the marks history"));
        std::vector<MarkEdit> out;
        while (q.next())
            out.push_back(markEditFrom(q));
        if (out.empty())
            return makeError(ErrorCode::InvalidArgument, tr("marks change %1 does not exist").arg(step));
        return out;
    }

    /// Writes the photos' new marks and one history row each, all sharing one step (the first row's id); runs
    /// inside the caller's write transaction. An edit that changes nothing writes no row (step 0 when no photo
    /// changed); an undo or redo always writes its rows, so that it takes its place on the timeline.
    Expected<qint64> appendMarks(const std::vector<std::pair<PhotoId, CullMarks>>& items, CorrectionKind kind,
                                 qint64 revertsStep, const QString& reviewer)
    {
        qint64 step = 0;
        const qint64 now = nowMs();
        QSqlQuery q(db);
        for (const auto& [photo, after] : items) {
            if (after.stars < 0 || after.stars > kMaxStars)
                return makeError(ErrorCode::InvalidArgument,
                                 tr("a rating is 0 to %1 stars, not %2").arg(kMaxStars).arg(after.stars));
            QSqlQuery known = query();
            if (!exec(known, QStringLiteral("SELECT 1 FROM photos WHERE id = ?"), {photo}))
                return sqlError(known.lastError(), tr("cannot read photo"));
            if (!known.next())
                return makeError(ErrorCode::InvalidArgument, tr("photo %1 is not in the project").arg(photo));
            known.finish();
            auto before = marksState(photo);
            if (!before)
                return before.error();
            if (kind == CorrectionKind::Edit && *before == after)
                continue;
            const bool ok = after.isEmpty()
                ? exec(q, QStringLiteral("DELETE FROM marks WHERE photo_id = ?"), {photo})
                : exec(q,
                       QStringLiteral(
                           "INSERT INTO marks(photo_id, flag, stars, colour, updated_at) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT(photo_id) DO UPDATE SET flag = excluded.flag, stars = excluded.stars, "
                           "colour = excluded.colour, updated_at = excluded.updated_at"),
                       {photo, flagCode(after.flag), after.stars, colourCode(after.colour), now});
            if (!ok)
                return sqlError(q.lastError(), tr("cannot store the flags and ratings"));
            if (!exec(
                    q,
                    QStringLiteral("INSERT INTO mark_history(step, photo_id, kind, reverts_step, old_flag, old_stars, "
                                   "old_colour, new_flag, new_stars, new_colour, reviewer, created_at, "
                                   "after_correction, after_golden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                   "(SELECT coalesce(max(id), 0) FROM corrections), "
                                   "(SELECT coalesce(max(id), 0) FROM golden_history))"),
                    {step, photo, kindText(kind), revertsStep ? QVariant(revertsStep) : QVariant(),
                     flagCode(before->flag), before->stars, colourCode(before->colour), flagCode(after.flag),
                     after.stars, colourCode(after.colour), reviewer, now}))
                return sqlError(q.lastError(), tr("cannot record the flags and ratings change"));
            if (step == 0) {
                step = q.lastInsertId().toLongLong();
                if (!exec(q, QStringLiteral("UPDATE mark_history SET step = ? WHERE id = ?"), {step, step}))
                    return sqlError(q.lastError(), tr("cannot record the flags and ratings change"));
            }
        }
        return step;
    }

    Expected<Correction> correctionById(qint64 id) const
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT %1 FROM corrections WHERE id = ?").arg(QLatin1String(kCorrectionColumns)),
                  {id}))
            return sqlError(q.lastError(), tr("cannot read corrections"));
        if (!q.next())
            return makeError(ErrorCode::InvalidArgument, tr("correction %1 does not exist").arg(id));
        return correctionFrom(q);
    }

    /// Appends one history row and applies its new value to the photo's effective label.
    Expected<qint64> appendCorrection(Correction c)
    {
        auto current = effectiveLabel(c.photoId);
        if (!current)
            return current.error();
        if (!current->has_value())
            return makeError(ErrorCode::InvalidArgument, tr("photo %1 is not in the project").arg(c.photoId));
        Label label = **current;
        c.oldValue = label[index(c.attribute)];
        QSqlQuery q(db);
        if (!exec(q,
                  QStringLiteral("INSERT INTO corrections(photo_id, attribute, old_value, new_value, created_at, "
                                 "reviewer, engine, model_version, kind, reverts_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {c.photoId, keyOf(c.attribute), c.oldValue, c.newValue, nowMs(), text(c.reviewer), text(c.engine),
                   text(c.modelVersion), kindText(c.kind), c.revertsId ? QVariant(c.revertsId) : QVariant()}))
            return sqlError(q.lastError(), tr("cannot record the correction"));
        const qint64 id = q.lastInsertId().toLongLong();
        label[index(c.attribute)] = static_cast<std::int8_t>(c.newValue);
        if (auto e = storeEffective(c.photoId, label))
            return *e;
        return id;
    }

    Expected<std::optional<PhotoRecord>> photoWhere(const QString& where, const QVariant& value) const
    {
        QSqlQuery q = query();
        if (!exec(q, QStringLiteral("SELECT %1 FROM photos WHERE %2").arg(QLatin1String(kPhotoColumns), where),
                  {value}))
            return sqlError(q.lastError(), tr("cannot read photos"));
        if (!q.next())
            return std::optional<PhotoRecord>{};
        return std::optional<PhotoRecord>(photoFrom(q));
    }

    Expected<qint64> insertAssessment(QSqlQuery& insert, QSqlQuery& update, PhotoId photo, const Assessment& a)
    {
        const Label l = labelOf(a);
        insert.bindValue(0, photo);
        insert.bindValue(1, text(a.engine));
        insert.bindValue(2, text(a.modelVersion));
        insert.bindValue(3, nowMs());
        if (a.error) {
            const auto k = errorCodeKey(a.error->code);
            insert.bindValue(4, QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size())));
            insert.bindValue(5, a.error->detail);
        } else {
            insert.bindValue(4, QVariant());
            insert.bindValue(5, QVariant());
        }
        insert.bindValue(6, a.faceCount);
        insert.bindValue(7, a.imageSize.width);
        insert.bindValue(8, a.imageSize.height);
        insert.bindValue(9, labelText(l));
        insert.bindValue(10, failMaskOf(l));
        for (int i = 0; i < kAttributeCount; ++i)
            insert.bindValue(11 + i,
                             a.verdicts[i].judged && std::isfinite(a.verdicts[i].score) ? QVariant(a.verdicts[i].score)
                                                                                        : QVariant());
        insert.bindValue(17, a.elapsedMs);
        insert.bindValue(18, QString::fromUtf8(assessmentDetailsJson(a)));
        if (!insert.exec())
            return sqlError(insert.lastError(), tr("cannot store the assessment"));
        const qint64 id = insert.lastInsertId().toLongLong();
        update.bindValue(0, id);
        update.bindValue(1, photo);
        if (!update.exec())
            return sqlError(update.lastError(), tr("cannot store the assessment"));
        if (update.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidArgument, tr("photo %1 is not in the project").arg(photo));
        if (auto e = recomputeEffective(photo, l))
            return *e;
        return id;
    }

    bool prepareAssessmentStatements(QSqlQuery& insert, QSqlQuery& update)
    {
        return insert.prepare(QStringLiteral("INSERT INTO assessments(photo_id, engine, model_version, created_at, "
                                             "error_code, error_detail, face_count, image_width, image_height, "
                                             "label, fail_mask, %1, elapsed_ms, details) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                  .arg(QLatin1String(kScoreColumns)))
            && update.prepare(QStringLiteral("UPDATE photos SET latest_assessment_id = ? WHERE id = ?"));
    }
};

namespace {
QAtomicInteger<quint64> g_connectionCounter;
} // namespace

Expected<std::unique_ptr<ProjectStore>> ProjectStore::openWith(const QString& path, const OpenOptions& options,
                                                               bool creating)
{
    auto d = std::make_unique<Private>();
    d->path = path;
    d->busyTimeoutMs = std::max(0, options.busyTimeoutMs);
    const QFileInfo fi(path);
    if (options.access == Access::ReadOnly) {
        d->readOnly = true;
        d->readOnlyReason = tr("opened read-only on request");
    } else if (!creating && !fi.isWritable()) {
        d->readOnly = true;
        d->readOnlyReason = tr("the project file is not writable");
    } else if (!QFileInfo(fi.absolutePath()).isWritable()) {
        d->readOnly = true; // WAL needs its -wal and -shm files beside the project
        d->readOnlyReason = tr("the folder %1 is not writable").arg(fi.absolutePath());
    }
    if (creating && d->readOnly)
        return makeError(ErrorCode::Io, tr("cannot create %1: %2").arg(path, d->readOnlyReason));

    d->connection = QStringLiteral("hqa-project-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connection);
    if (!d->db.isValid())
        return makeError(ErrorCode::Io, tr("the Qt SQLite driver is not installed (libqt6sql6-sqlite)"));
    d->db.setDatabaseName(path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(d->busyTimeoutMs);
    if (d->readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    d->db.setConnectOptions(connectOptions);
    if (!d->db.open())
        return d->sqlError(d->db.lastError(), tr("cannot open %1").arg(path));

    auto info = readSchemaInfo(d->db);
    if (!info) {
        if (info.error().code == ErrorCode::Io && d->diskAlmostFull())
            return d->diskFullError(tr("cannot open the project"));
        return info.error();
    }
    if (!creating && info->empty)
        return makeError(ErrorCode::Unreadable,
                         tr("%1 is empty, not a project (create one with "
                            "\"headshot-qa project create\")")
                             .arg(path));
    if (auto e = checkSchemaCompatible(*info, path))
        return *e;
    // Only now that the file is known to be ours (or new) is anything written to it.
    QSqlQuery q(d->db);
    if (!d->readOnly) {
        // WAL: readers never block the writer and a killed writer leaves the last committed state.
        // synchronous=FULL also makes each commit durable across a power cut, not only a process crash.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return d->sqlError(q.lastError(), tr("cannot open %1").arg(path));
        q.next();
        if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return makeError(ErrorCode::Io,
                             tr("cannot open %1: the file system does not support SQLite's "
                                "write-ahead log (journal mode %2)")
                                 .arg(path, q.value(0).toString()));
        q.finish();
    }
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));

    if (info->version < kProjectSchemaVersion) {
        if (d->readOnly)
            return makeError(ErrorCode::Io,
                             tr("%1 uses project schema version %2 and needs upgrading to %3, "
                                "which cannot be done read-only (%4)")
                                 .arg(path)
                                 .arg(info->version)
                                 .arg(kProjectSchemaVersion)
                                 .arg(d->readOnlyReason));
        if (auto e = migrateSchema(d->db, *info))
            return *e;
    }
    d->schemaVersion = kProjectSchemaVersion; // older files were migrated, newer ones refused
    return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(d)));
}

ProjectStore::ProjectStore(std::unique_ptr<Private> p)
    : d(std::move(p))
{ }
ProjectStore::~ProjectStore() = default;

Expected<std::unique_ptr<ProjectStore>> ProjectStore::create(const QString& path)
{
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::InvalidArgument, tr("%1 already exists; open it instead").arg(path));
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return makeError(ErrorCode::Io, tr("cannot create %1: the folder does not exist").arg(path));
    auto store = openWith(path, OpenOptions{}, true);
    if (!store) {
        QFile::remove(path);
        return store.error();
    }
    return store;
}

Expected<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString& path, const OpenOptions& options)
{
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::Io, tr("there is no project at %1").arg(path));
    return openWith(path, options, false);
}

QString ProjectStore::path() const { return d->path; }
bool ProjectStore::isReadOnly() const { return d->readOnly; }
QString ProjectStore::readOnlyReason() const { return d->readOnly ? d->readOnlyReason : QString(); }
int ProjectStore::schemaVersion() const { return d->schemaVersion; }

// Photos ---------------------------------------------------------------------------------------------------------

Expected<AddPhotoResult> ProjectStore::addPhoto(const QString& file, bool keepUnreadable)
{
    if (d->readOnly)
        return d->readOnlyError();
    const QString path = cleanAbsolute(file);
    const QFileInfo fi(path);
    if (!fi.isFile())
        return makeError(ErrorCode::Io, tr("%1: no such file").arg(file));
    const qint64 size = fi.size();
    const qint64 mtime = fi.lastModified().toMSecsSinceEpoch();

    // Unchanged size and time at a known path: the content is what we hashed before.
    {
        QSqlQuery q = d->query();
        if (!d->exec(q, QStringLiteral("SELECT id, missing FROM photos WHERE path = ? AND size = ? AND mtime = ?"),
                     {path, size, mtime}))
            return d->sqlError(q.lastError(), tr("cannot read photos"));
        if (q.next()) {
            const PhotoId id = q.value(0).toLongLong();
            const bool missing = q.value(1).toBool();
            q.finish();
            if (missing) {
                auto r = d->write<bool>([&]() -> Expected<bool> {
                    QSqlQuery u(d->db);
                    if (!d->exec(u, QStringLiteral("UPDATE photos SET missing = 0 WHERE id = ?"), {id}))
                        return d->sqlError(u.lastError(), tr("cannot update photo"));
                    return true;
                });
                if (!r)
                    return r.error();
            }
            return AddPhotoResult{id, AddPhotoResult::Outcome::AlreadyKnown, {}};
        }
    }

    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(file, f.errorString()));
    const QByteArray bytes = f.readAll();
    if (bytes.size() != size)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(file, f.errorString()));
    auto header = probeImage(bytes);
    if (!header && !keepUnreadable)
        return makeError(header.error().code, tr("%1: %2").arg(file, header.error().detail));
    const int width = header ? header->orientedWidth() : 0, height = header ? header->orientedHeight() : 0;
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    return d->write<AddPhotoResult>([&]() -> Expected<AddPhotoResult> {
        QSqlQuery q(d->db);
        // Whatever was recorded at this path with other content is no longer there.
        if (!d->exec(q, QStringLiteral("UPDATE photos SET missing = 1 WHERE path = ? AND sha256 <> ?"), {path, sha}))
            return d->sqlError(q.lastError(), tr("cannot update photos"));
        auto known = d->photoWhere(QStringLiteral("sha256 = ?"), sha);
        if (!known)
            return known.error();
        if (known->has_value()) {
            const PhotoRecord& p = **known;
            AddPhotoResult r{p.id, AddPhotoResult::Outcome::AlreadyKnown, {}};
            // A second copy of a photo that is still at its old place stays one photo at the old path.
            const bool keepOld = p.path != path && QFileInfo::exists(p.path);
            if (p.path != path && !keepOld) {
                r.outcome = AddPhotoResult::Outcome::Relocated;
                r.previousPath = p.path;
            }
            if (!keepOld
                && !d->exec(q,
                            QStringLiteral("UPDATE photos SET path = ?, size = ?, mtime = ?, missing = 0 "
                                           "WHERE id = ?"),
                            {path, size, mtime, p.id}))
                return d->sqlError(q.lastError(), tr("cannot update photo"));
            return r;
        }
        if (!d->exec(q,
                     QStringLiteral("INSERT INTO photos(sha256, path, size, mtime, width, height, added_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {sha, path, size, mtime, width, height, nowMs()}))
            return d->sqlError(q.lastError(), tr("cannot add %1").arg(file));
        return AddPhotoResult{q.lastInsertId().toLongLong(), AddPhotoResult::Outcome::Added, {}};
    });
}

Expected<std::optional<PhotoRecord>> ProjectStore::photo(PhotoId id) const
{
    return d->photoWhere(QStringLiteral("id = ?"), id);
}

Expected<std::optional<PhotoRecord>> ProjectStore::photoByPath(const QString& file) const
{
    return d->photoWhere(QStringLiteral("path = ? ORDER BY missing, id DESC LIMIT 1"), cleanAbsolute(file));
}

Expected<std::optional<PhotoRecord>> ProjectStore::photoBySha256(const QString& sha256) const
{
    return d->photoWhere(QStringLiteral("sha256 = ?"), sha256.toLower());
}

Expected<std::vector<PhotoRecord>> ProjectStore::photos() const
{
    QSqlQuery q = d->query();
    if (!q.exec(QStringLiteral("SELECT %1 FROM photos ORDER BY id").arg(QLatin1String(kPhotoColumns))))
        return d->sqlError(q.lastError(), tr("cannot read photos"));
    std::vector<PhotoRecord> out;
    while (q.next())
        out.push_back(photoFrom(q));
    return out;
}

Expected<int> ProjectStore::refreshMissing()
{
    std::vector<std::pair<PhotoId, bool>> changed;
    int missing = 0;
    {
        QSqlQuery q = d->query();
        if (!q.exec(QStringLiteral("SELECT id, path, missing FROM photos")))
            return d->sqlError(q.lastError(), tr("cannot read photos"));
        while (q.next()) {
            const bool gone = !QFileInfo::exists(q.value(1).toString());
            missing += gone ? 1 : 0;
            if (gone != q.value(2).toBool())
                changed.emplace_back(q.value(0).toLongLong(), gone);
        }
    }
    if (changed.empty() || d->readOnly)
        return missing;
    auto r = d->write<bool>([&]() -> Expected<bool> {
        QSqlQuery u(d->db);
        if (!u.prepare(QStringLiteral("UPDATE photos SET missing = ? WHERE id = ?")))
            return d->sqlError(u.lastError(), tr("cannot update photos"));
        for (const auto& [id, gone] : changed) {
            u.bindValue(0, gone ? 1 : 0);
            u.bindValue(1, id);
            if (!u.exec())
                return d->sqlError(u.lastError(), tr("cannot update photos"));
        }
        return true;
    });
    if (!r)
        return r.error();
    return missing;
}

Expected<std::vector<PhotoId>> ProjectStore::photosFailing(Attribute attribute) const
{
    QSqlQuery q = d->query();
    if (!d->exec(q, QStringLiteral("SELECT id FROM photos WHERE (fail_mask & ?) <> 0 ORDER BY id"),
                 {1 << index(attribute)}))
        return d->sqlError(q.lastError(), tr("cannot read photos"));
    std::vector<PhotoId> out;
    while (q.next())
        out.push_back(q.value(0).toLongLong());
    return out;
}

// Assessments ----------------------------------------------------------------------------------------------------

Expected<qint64> ProjectStore::addAssessment(PhotoId photo, const Assessment& assessment)
{
    auto r = addAssessments({{photo, assessment}});
    if (!r)
        return r.error();
    return r->front();
}

Expected<std::vector<qint64>> ProjectStore::addAssessments(const std::vector<std::pair<PhotoId, Assessment>>& items)
{
    return d->write<std::vector<qint64>>([&]() -> Expected<std::vector<qint64>> {
        QSqlQuery insert(d->db), update(d->db);
        if (!d->prepareAssessmentStatements(insert, update))
            return d->sqlError(insert.lastError().isValid() ? insert.lastError() : update.lastError(),
                               tr("cannot store assessments"));
        std::vector<qint64> ids;
        ids.reserve(items.size());
        for (const auto& [photo, a] : items) {
            auto id = d->insertAssessment(insert, update, photo, a);
            if (!id)
                return id.error();
            ids.push_back(*id);
        }
        return ids;
    });
}

Expected<std::optional<StoredAssessment>> ProjectStore::latestAssessment(PhotoId photo, const QString& engine) const
{
    QSqlQuery q = d->query();
    const bool ok = engine.isEmpty()
        ? d->exec(q, assessmentSelect() + QStringLiteral("WHERE a.photo_id = ? ORDER BY a.id DESC LIMIT 1"), {photo})
        : d->exec(
            q, assessmentSelect() + QStringLiteral("WHERE a.photo_id = ? AND a.engine = ? ORDER BY a.id DESC LIMIT 1"),
            {photo, engine});
    if (!ok)
        return d->sqlError(q.lastError(), tr("cannot read assessments"));
    if (!q.next())
        return std::optional<StoredAssessment>{};
    return std::optional<StoredAssessment>(assessmentFrom(q));
}

Expected<std::vector<StoredAssessment>> ProjectStore::assessments(PhotoId photo) const
{
    QSqlQuery q = d->query();
    if (!d->exec(q, assessmentSelect() + QStringLiteral("WHERE a.photo_id = ? ORDER BY a.id"), {photo}))
        return d->sqlError(q.lastError(), tr("cannot read assessments"));
    std::vector<StoredAssessment> out;
    while (q.next())
        out.push_back(assessmentFrom(q));
    return out;
}

Expected<qint64>
ProjectStore::forEachLatestAssessment(const std::function<void(const StoredAssessment&)>& callback) const
{
    QSqlQuery q = d->query();
    QString sql = assessmentSelect();
    sql.replace(QStringLiteral("JOIN photos p ON p.id = a.photo_id"),
                QStringLiteral("JOIN photos p ON p.latest_assessment_id = a.id"));
    if (!q.exec(sql + QStringLiteral("ORDER BY p.id")))
        return d->sqlError(q.lastError(), tr("cannot read assessments"));
    qint64 n = 0;
    while (q.next()) {
        callback(assessmentFrom(q));
        ++n;
    }
    return n;
}

// Corrections ----------------------------------------------------------------------------------------------------

Expected<qint64> ProjectStore::correct(PhotoId photo, Attribute attribute, int value, const QString& reviewer)
{
    if (value < -1 || value > 1)
        return makeError(ErrorCode::InvalidArgument, tr("a label value is 1, 0 or -1, not %1").arg(value));
    if (reviewer.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("a correction needs a reviewer name"));
    return d->write<qint64>([&]() -> Expected<qint64> {
        Correction c;
        c.photoId = photo;
        c.attribute = attribute;
        c.newValue = value;
        c.reviewer = reviewer.trimmed();
        QSqlQuery q = d->query();
        if (!d->exec(q,
                     QStringLiteral("SELECT a.engine, a.model_version FROM photos p JOIN assessments a "
                                    "ON a.id = p.latest_assessment_id WHERE p.id = ?"),
                     {photo}))
            return d->sqlError(q.lastError(), tr("cannot read assessments"));
        if (q.next()) {
            c.engine = q.value(0).toString();
            c.modelVersion = q.value(1).toString();
        }
        q.finish();
        return d->appendCorrection(c);
    });
}

Expected<std::vector<Correction>> ProjectStore::corrections(PhotoId photo) const
{
    QSqlQuery q = d->query();
    const QString base = QStringLiteral("SELECT %1 FROM corrections ").arg(QLatin1String(kCorrectionColumns));
    const bool ok = photo ? d->exec(q, base + QStringLiteral("WHERE photo_id = ? ORDER BY id"), {photo})
                          : q.exec(base + QStringLiteral("ORDER BY id"));
    if (!ok)
        return d->sqlError(q.lastError(), tr("cannot read corrections"));
    std::vector<Correction> out;
    while (q.next())
        out.push_back(correctionFrom(q));
    return out;
}

// Golden labels --------------------------------------------------------------------------------------------------

std::optional<Error> ProjectStore::setGoldenLabel(PhotoId photo, const Label& label, const QString& verifiedBy)
{
    if (verifiedBy.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("a golden label needs the name of who verified it"));
    auto r = d->write<qint64>([&]() -> Expected<qint64> {
        return d->appendGolden(photo, {label, verifiedBy.trimmed(), nowMs()}, CorrectionKind::Edit, 0,
                               verifiedBy.trimmed());
    });
    return r ? std::nullopt : std::optional<Error>(r.error());
}

std::optional<Error> ProjectStore::clearGoldenLabel(PhotoId photo)
{
    auto r = d->write<qint64>([&]() -> Expected<qint64> {
        auto before = d->goldenState(photo);
        if (!before)
            return before.error();
        if (!before->label)
            return qint64(0); // nothing to clear: no history row for a no-op
        // Who cleared it is not a parameter of this call; the row keeps who had verified the label.
        return d->appendGolden(photo, {}, CorrectionKind::Edit, 0, before->verifiedBy);
    });
    return r ? std::nullopt : std::optional<Error>(r.error());
}

Expected<std::vector<GoldenEdit>> ProjectStore::goldenHistory(PhotoId photo) const
{
    QSqlQuery q = d->query();
    const QString base = QStringLiteral("SELECT %1 FROM golden_history ").arg(QLatin1String(Private::kGoldenColumns));
    const bool ok = photo ? d->exec(q, base + QStringLiteral("WHERE photo_id = ? ORDER BY id"), {photo})
                          : q.exec(base + QStringLiteral("ORDER BY id"));
    if (!ok)
        return d->sqlError(q.lastError(), tr("cannot read the golden label history"));
    std::vector<GoldenEdit> out;
    while (q.next())
        out.push_back(Private::goldenEditFrom(q));
    return out;
}

// Undo timeline (corrections, golden labels, marks) --------------------------------------------------------------

Expected<std::optional<HistoryStep>> ProjectStore::undo(const QString& reviewer)
{
    return d->appendStep(CorrectionKind::Undo, reviewer);
}

Expected<std::optional<HistoryStep>> ProjectStore::redo(const QString& reviewer)
{
    return d->appendStep(CorrectionKind::Redo, reviewer);
}

Expected<bool> ProjectStore::canUndo() const
{
    auto s = d->undoState();
    if (!s)
        return s.error();
    return !s->done.empty();
}

Expected<bool> ProjectStore::canRedo() const
{
    auto s = d->undoState();
    if (!s)
        return s.error();
    return !s->undone.empty();
}

Expected<std::optional<GoldenLabel>> ProjectStore::goldenLabel(PhotoId photo) const
{
    QSqlQuery q = d->query();
    if (!d->exec(q,
                 QStringLiteral("SELECT photo_id, label, verified_by, verified_at FROM golden_labels "
                                "WHERE photo_id = ?"),
                 {photo}))
        return d->sqlError(q.lastError(), tr("cannot read golden labels"));
    if (!q.next())
        return std::optional<GoldenLabel>{};
    return std::optional<GoldenLabel>(GoldenLabel{q.value(0).toLongLong(), labelFromText(q.value(1).toString()),
                                                  q.value(2).toString(), fromMs(q.value(3).toLongLong())});
}

Expected<std::vector<GoldenLabel>> ProjectStore::goldenLabels() const
{
    QSqlQuery q = d->query();
    if (!q.exec(
            QStringLiteral("SELECT photo_id, label, verified_by, verified_at FROM golden_labels ORDER BY photo_id")))
        return d->sqlError(q.lastError(), tr("cannot read golden labels"));
    std::vector<GoldenLabel> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), labelFromText(q.value(1).toString()), q.value(2).toString(),
                       fromMs(q.value(3).toLongLong())});
    return out;
}

// Culling marks --------------------------------------------------------------------------------------------------

Expected<qint64> ProjectStore::setMarks(PhotoId photo, const CullMarks& marks, const QString& reviewer)
{
    return setMarks(std::vector<std::pair<PhotoId, CullMarks>>{{photo, marks}}, reviewer);
}

Expected<qint64> ProjectStore::setMarks(const std::vector<std::pair<PhotoId, CullMarks>>& marks,
                                        const QString& reviewer)
{
    if (reviewer.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("flags and ratings need a reviewer name"));
    return d->write<qint64>(
        [&]() -> Expected<qint64> { return d->appendMarks(marks, CorrectionKind::Edit, 0, reviewer.trimmed()); });
}

Expected<CullMarks> ProjectStore::marks(PhotoId photo) const { return d->marksState(photo); }

Expected<std::vector<std::pair<PhotoId, CullMarks>>> ProjectStore::allMarks() const
{
    QSqlQuery q = d->query();
    if (!q.exec(QStringLiteral("SELECT photo_id, flag, stars, colour FROM marks ORDER BY photo_id")))
        return d->sqlError(q.lastError(), tr("cannot read flags and ratings"));
    std::vector<std::pair<PhotoId, CullMarks>> out;
    while (q.next()) {
        const CullMarks m = Private::marksFrom(q, 1);
        if (!m.isEmpty())
            out.emplace_back(q.value(0).toLongLong(), m);
    }
    return out;
}

Expected<std::vector<MarkEdit>> ProjectStore::markHistory(PhotoId photo) const
{
    QSqlQuery q = d->query();
    const QString base = QStringLiteral("SELECT %1 FROM mark_history ").arg(QLatin1String(Private::kMarkColumns));
    const bool ok = photo ? d->exec(q, base + QStringLiteral("WHERE photo_id = ? ORDER BY id"), {photo})
                          : q.exec(base + QStringLiteral("ORDER BY id"));
    if (!ok)
        return d->sqlError(q.lastError(), tr("cannot read the marks history"));
    std::vector<MarkEdit> out;
    while (q.next())
        out.push_back(Private::markEditFrom(q));
    return out;
}

// Models ---------------------------------------------------------------------------------------------------------

Expected<qint64> ProjectStore::registerModel(const ModelRecord& model)
{
    if (model.name.isEmpty() || model.version.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("a model needs a name and a version"));
    return d->write<qint64>([&]() -> Expected<qint64> {
        QSqlQuery q(d->db);
        if (!d->exec(q,
                     QStringLiteral("INSERT INTO models(name, version, path, sha256, registered_at, metrics) "
                                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name, version) DO UPDATE SET "
                                    "path = excluded.path, sha256 = excluded.sha256, metrics = excluded.metrics"),
                     {model.name, model.version, text(model.path), text(model.sha256),
                      model.registeredAt.isValid() ? model.registeredAt.toMSecsSinceEpoch() : nowMs(),
                      QString::fromUtf8(QJsonDocument(model.metrics).toJson(QJsonDocument::Compact))}))
            return d->sqlError(q.lastError(), tr("cannot register the model"));
        if (!d->exec(q, QStringLiteral("SELECT id FROM models WHERE name = ? AND version = ?"),
                     {model.name, model.version})
            || !q.next())
            return d->sqlError(q.lastError(), tr("cannot register the model"));
        return q.value(0).toLongLong();
    });
}

Expected<std::vector<ModelRecord>> ProjectStore::models() const
{
    QSqlQuery q = d->query();
    if (!q.exec(
            QStringLiteral("SELECT id, name, version, path, sha256, registered_at, metrics FROM models ORDER BY id")))
        return d->sqlError(q.lastError(), tr("cannot read models"));
    std::vector<ModelRecord> out;
    while (q.next()) {
        ModelRecord m;
        m.id = q.value(0).toLongLong();
        m.name = q.value(1).toString();
        m.version = q.value(2).toString();
        m.path = q.value(3).toString();
        m.sha256 = q.value(4).toString();
        m.registeredAt = fromMs(q.value(5).toLongLong());
        m.metrics = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
        out.push_back(std::move(m));
    }
    return out;
}

// Whole project --------------------------------------------------------------------------------------------------

Expected<ProjectSummary> ProjectStore::summary() const
{
    ProjectSummary s;
    QSqlQuery q = d->query();
    QString failing;
    for (int i = 0; i < kAttributeCount; ++i)
        failing += QStringLiteral(", coalesce(sum((fail_mask & %1) <> 0), 0)").arg(1 << i);
    if (!q.exec(QStringLiteral("SELECT count(*), coalesce(sum(missing), 0), count(latest_assessment_id)%1 FROM photos")
                    .arg(failing))
        || !q.next())
        return d->sqlError(q.lastError(), tr("cannot read the project"));
    s.photos = q.value(0).toInt();
    s.missing = q.value(1).toInt();
    s.assessed = q.value(2).toInt();
    for (int i = 0; i < kAttributeCount; ++i)
        s.failing[i] = q.value(3 + i).toInt();
    q.finish();
    // max(id) rather than count(*): rows are never deleted, and it avoids scanning a million assessments.
    if (!q.exec(
            QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM assessments), (SELECT count(*) FROM corrections), "
                           "(SELECT count(*) FROM golden_labels), (SELECT count(*) FROM models)"))
        || !q.next())
        return d->sqlError(q.lastError(), tr("cannot read the project"));
    s.assessments = q.value(0).toLongLong();
    s.corrections = q.value(1).toInt();
    s.golden = q.value(2).toInt();
    s.models = q.value(3).toInt();
    q.finish();
    if (!q.exec(QStringLiteral("SELECT coalesce(sum(flag = 1), 0), coalesce(sum(flag = 2), 0) FROM marks"))
        || !q.next())
        return d->sqlError(q.lastError(), tr("cannot read the project"));
    s.picked = q.value(0).toInt();
    s.rejected = q.value(1).toInt();
    return s;
}

Expected<LabelSet> ProjectStore::labelSet(LabelSource source, const QString& baseDir) const
{
    LabelSet set;
    set.extraColumns = {QStringLiteral("source"), QStringLiteral("verified_by"), QStringLiteral("verified_at")};
    const QDir base(baseDir);
    QString sql;
    switch (source) {
    case LabelSource::Golden:
        sql = QStringLiteral("SELECT p.path, g.label, g.verified_by, g.verified_at, 0, 0 FROM golden_labels g "
                             "JOIN photos p ON p.id = g.photo_id ORDER BY p.path");
        break;
    case LabelSource::Corrected:
        sql = QStringLiteral("SELECT p.path, NULL, NULL, NULL, p.label, 1 FROM photos p WHERE EXISTS "
                             "(SELECT 1 FROM corrections c WHERE c.photo_id = p.id) ORDER BY p.path");
        break;
    case LabelSource::All:
        sql = QStringLiteral("SELECT p.path, g.label, g.verified_by, g.verified_at, p.label, "
                             "EXISTS (SELECT 1 FROM corrections c WHERE c.photo_id = p.id) FROM photos p "
                             "LEFT JOIN golden_labels g ON g.photo_id = p.id "
                             "WHERE g.label IS NOT NULL OR p.label <> '------' ORDER BY p.path");
        break;
    }
    QSqlQuery q = d->query();
    if (!q.exec(sql))
        return d->sqlError(q.lastError(), tr("cannot read labels"));
    // QDir::relativeFilePath costs microseconds per call; photos come in folders, so relate each folder once.
    QHash<QString, QString> relativeDirs;
    while (q.next()) {
        LabelRow row;
        row.path = q.value(0).toString();
        const qsizetype slash = row.path.lastIndexOf(u'/');
        const QString dir = slash >= 0 ? row.path.left(slash) : QString();
        auto it = relativeDirs.find(dir);
        if (it == relativeDirs.end()) {
            QString rel = base.relativeFilePath(dir.isEmpty() ? QStringLiteral("/") : dir);
            it = relativeDirs.insert(dir, rel == QLatin1String(".") ? QString() : rel + u'/');
        }
        row.file = *it + row.path.mid(slash + 1);
        if (!q.value(1).isNull()) {
            row.label = labelFromText(q.value(1).toString());
            row.extra = {QStringLiteral("golden"), q.value(2).toString(),
                         fromMs(q.value(3).toLongLong()).toString(Qt::ISODate)};
        } else {
            row.label = labelFromText(q.value(4).toString());
            row.extra = {q.value(5).toBool() ? QStringLiteral("corrected") : QStringLiteral("engine"), QString(),
                         QString()};
        }
        set.rows.push_back(std::move(row));
    }
    return set;
}

Expected<QString> ProjectStore::integrityCheck() const
{
    QSqlQuery q = d->query();
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return d->sqlError(q.lastError(), tr("cannot check the project"));
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(u'\n');
}

std::optional<Error> ProjectStore::copyTo(const QString& path) const
{
    const QFileInfo target(path);
    if (path.isEmpty() || target.fileName().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("a copy of the project needs a file name"));
    const QFileInfo own(d->path);
    if (target.absoluteFilePath() == own.absoluteFilePath()
        || (target.exists() && !target.canonicalFilePath().isEmpty()
            && target.canonicalFilePath() == own.canonicalFilePath()))
        return makeError(ErrorCode::InvalidArgument,
                         tr("%1 is the open project itself; choose another file").arg(path));
    if (target.isDir())
        return makeError(ErrorCode::InvalidArgument, tr("%1 is a folder; choose a file name").arg(path));
    const QString folder = target.absolutePath();
    if (!QFileInfo(folder).isDir())
        return makeError(ErrorCode::Io, tr("cannot copy the project to %1: the folder does not exist").arg(path));

    // VACUUM INTO writes only into a new or empty file: an empty temporary one beside the target, so that the
    // final rename stays on one file system and replaces the target in one step.
    QTemporaryFile temp(folder + QStringLiteral("/.") + target.fileName() + QStringLiteral(".copy-XXXXXX"));
    temp.setAutoRemove(true);
    if (!temp.open())
        return makeError(ErrorCode::Io, tr("cannot copy the project to %1: %2").arg(path, temp.errorString()));
    const QString tempPath = temp.fileName();
    temp.close();

    QSqlQuery q(d->db);
    if (!q.prepare(QStringLiteral("VACUUM INTO ?")))
        return d->sqlError(q.lastError(), tr("cannot copy the project"));
    q.addBindValue(tempPath);
    if (!q.exec()) {
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (code == 13)
            return makeError(ErrorCode::Io,
                             tr("cannot copy the project: the disk holding %1 is full; the open "
                                "project is unchanged")
                                 .arg(path));
        return makeError(ErrorCode::Io, tr("cannot copy the project to %1: %2").arg(path, q.lastError().text()));
    }
    q.finish();

    // Durable before it takes the target's name: a power cut leaves either the old target or the whole copy.
    const QByteArray tempName = QFile::encodeName(tempPath);
    const int fd = ::open(tempName.constData(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!synced)
        return makeError(ErrorCode::Io,
                         tr("cannot copy the project to %1: the copy could not be written to disk").arg(path));
    // A log left beside an older file of that name would be replayed into the copy when it is opened.
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(target.absoluteFilePath() + QLatin1String(suffix));
    if (::rename(tempName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return makeError(
            ErrorCode::Io,
            tr("cannot copy the project to %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    temp.setAutoRemove(false); // renamed away; nothing left to remove
    const int dirFd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return std::nullopt;
}

} // namespace hqa::core

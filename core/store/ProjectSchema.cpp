#include "ProjectSchema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

namespace hqa::core {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::ProjectStore", s); }

// Version 1. Times are milliseconds since the Unix epoch (UTC). photos.label and photos.fail_mask are the
// effective verdicts (latest assessment with the reviewers' corrections applied), kept in the same transaction
// as the rows they derive from so that filtering 100,000 photos is one table scan without joins.
const char* const kSchemaV1[] = {
    R"(CREATE TABLE photos(
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime INTEGER NOT NULL DEFAULT 0,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        added_at INTEGER NOT NULL,
        missing INTEGER NOT NULL DEFAULT 0,
        latest_assessment_id INTEGER,
        label TEXT NOT NULL DEFAULT '------',
        fail_mask INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX photos_path ON photos(path)",
    R"(CREATE TABLE assessments(
        id INTEGER PRIMARY KEY,
        photo_id INTEGER NOT NULL REFERENCES photos(id),
        engine TEXT NOT NULL,
        model_version TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        error_code TEXT,
        error_detail TEXT,
        face_count INTEGER NOT NULL DEFAULT 0,
        image_width INTEGER NOT NULL DEFAULT 0,
        image_height INTEGER NOT NULL DEFAULT 0,
        label TEXT NOT NULL,
        fail_mask INTEGER NOT NULL,
        score_lighting REAL, score_background REAL, score_attire REAL,
        score_expression REAL, score_framing REAL, score_sharpness REAL,
        elapsed_ms REAL NOT NULL DEFAULT 0,
        details TEXT NOT NULL DEFAULT '{}'))",
    "CREATE INDEX assessments_photo ON assessments(photo_id, engine, id)",
    // Append-only: an undo or redo is a new row naming the row it reverts, never an update or delete.
    R"(CREATE TABLE corrections(
        id INTEGER PRIMARY KEY,
        photo_id INTEGER NOT NULL REFERENCES photos(id),
        attribute TEXT NOT NULL,
        old_value INTEGER NOT NULL,
        new_value INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        reviewer TEXT NOT NULL,
        engine TEXT NOT NULL DEFAULT '',
        model_version TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'edit' CHECK(kind IN ('edit', 'undo', 'redo')),
        reverts_id INTEGER REFERENCES corrections(id)))",
    "CREATE INDEX corrections_photo ON corrections(photo_id, attribute, id)",
    R"(CREATE TABLE golden_labels(
        photo_id INTEGER PRIMARY KEY REFERENCES photos(id),
        label TEXT NOT NULL,
        verified_by TEXT NOT NULL,
        verified_at INTEGER NOT NULL))",
    R"(CREATE TABLE models(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        registered_at INTEGER NOT NULL,
        metrics TEXT NOT NULL DEFAULT '{}',
        UNIQUE(name, version)))",
};

// Version 2: golden-label changes become history rows too, so that they can be undone and redone like corrections.
// after_correction is the largest corrections.id when the row was written: with both tables append-only and
// every write serialised by SQLite's lock, (after_correction, id) places each row on one timeline with the
// corrections. Golden labels of a v1 file have no history (nothing to undo), which is what a v1 user had.
const char* const kSchemaV2[] = {
    R"(CREATE TABLE golden_history(
        id INTEGER PRIMARY KEY,
        photo_id INTEGER NOT NULL REFERENCES photos(id),
        kind TEXT NOT NULL DEFAULT 'edit' CHECK(kind IN ('edit', 'undo', 'redo')),
        reverts_id INTEGER REFERENCES golden_history(id),
        old_label TEXT, old_verified_by TEXT, old_verified_at INTEGER,
        new_label TEXT, new_verified_by TEXT, new_verified_at INTEGER,
        reviewer TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        after_correction INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX golden_history_photo ON golden_history(photo_id, id)",
};

// Version 3: a photographer's culling marks (pick flag, 0-5 stars, colour label). `marks` holds each photo's current
// marks (no row = none); `mark_history` is append-only like the other two histories. The rows of one edit (several
// selected photos marked at once) share `step`, the id of the step's first row, and are undone as one. Their place
// on the shared undo timeline is (after_correction, after_golden, step): the largest corrections.id and
// golden_history.id when the step was written. flag: 0 none, 1 pick, 2 reject; colour: 0 none, 1 red, 2 yellow,
// 3 green, 4 blue, 5 purple. A v2 file has no marks and no marks history.
const char* const kSchemaV3[] = {
    R"(CREATE TABLE marks(
        photo_id INTEGER PRIMARY KEY REFERENCES photos(id),
        flag INTEGER NOT NULL DEFAULT 0 CHECK(flag BETWEEN 0 AND 2),
        stars INTEGER NOT NULL DEFAULT 0 CHECK(stars BETWEEN 0 AND 5),
        colour INTEGER NOT NULL DEFAULT 0 CHECK(colour BETWEEN 0 AND 5),
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE mark_history(
        id INTEGER PRIMARY KEY,
        step INTEGER NOT NULL,
        photo_id INTEGER NOT NULL REFERENCES photos(id),
        kind TEXT NOT NULL DEFAULT 'edit' CHECK(kind IN ('edit', 'undo', 'redo')),
        reverts_step INTEGER,
        old_flag INTEGER NOT NULL, old_stars INTEGER NOT NULL, old_colour INTEGER NOT NULL,
        new_flag INTEGER NOT NULL, new_stars INTEGER NOT NULL, new_colour INTEGER NOT NULL,
        reviewer TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        after_correction INTEGER NOT NULL DEFAULT 0,
        after_golden INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX mark_history_photo ON mark_history(photo_id, id)",
    "CREATE INDEX mark_history_step ON mark_history(step, id)",
};

struct Migration {
    int toVersion;
    std::vector<const char*> statements;
};

// Append a Migration here for every schema change, and keep a fixture of the previous version in
// tests/core/store/fixtures/ so the test opens it.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = {
        {1, std::vector<const char*>(std::begin(kSchemaV1), std::end(kSchemaV1))},
        {2, std::vector<const char*>(std::begin(kSchemaV2), std::end(kSchemaV2))},
        {3, std::vector<const char*>(std::begin(kSchemaV3), std::end(kSchemaV3))},
    };
    return all;
}

int pragmaInt(QSqlDatabase& db, const char* pragma, bool* ok)
{
    QSqlQuery q(db);
    *ok = q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(pragma))) && q.next();
    return *ok ? q.value(0).toInt() : 0;
}

} // namespace

Expected<SchemaInfo> readSchemaInfo(QSqlDatabase& db)
{
    SchemaInfo info;
    bool ok1 = false, ok2 = false;
    info.version = pragmaInt(db, "user_version", &ok1);
    info.applicationId = pragmaInt(db, "application_id", &ok2);
    QSqlQuery q(db);
    const bool ok3 = q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next();
    if (!ok1 || !ok2 || !ok3) {
        const QString detail = q.lastError().text();
        // Only a file SQLite cannot parse is "not a project"; an I/O failure (a full disk, a vanished mount)
        // says nothing about the file and must not make the user think the project is lost.
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (code != 11 && code != 26)
            return makeError(ErrorCode::Io, tr("cannot read %1 (%2)").arg(db.databaseName(), detail));
        return makeError(ErrorCode::Unreadable, tr("%1 is not a project file (%2)").arg(db.databaseName(), detail));
    }
    info.empty = q.value(0).toInt() == 0;
    return info;
}

std::optional<Error> checkSchemaCompatible(const SchemaInfo& info, const QString& path)
{
    if (info.empty && info.version == 0)
        return std::nullopt;
    if (info.applicationId != kProjectApplicationId)
        return makeError(ErrorCode::Unreadable, tr("%1 is an SQLite database but not a headshot-qa project").arg(path));
    if (info.version > kProjectSchemaVersion)
        return makeError(ErrorCode::UnsupportedFormat,
                         tr("%1 was written by a newer headshot-qa (project schema version %2; this version "
                            "reads up to %3). Open it with the newer version; it was left unchanged.")
                             .arg(path)
                             .arg(info.version)
                             .arg(kProjectSchemaVersion));
    if (info.version < 1)
        return makeError(ErrorCode::Unreadable, tr("%1 has no project schema version").arg(path));
    return std::nullopt;
}

std::optional<Error> migrateSchema(QSqlDatabase& db, const SchemaInfo& info)
{
    for (const Migration& m : migrations()) {
        if (m.toVersion <= info.version)
            continue;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return makeError(ErrorCode::Io, tr("cannot start upgrading the project: %1").arg(q.lastError().text()));
        auto fail = [&](const QString& what) {
            const QString detail = q.lastError().text();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return makeError(
                ErrorCode::Io,
                tr("cannot upgrade the project to schema version %1 (%2): %3").arg(m.toVersion).arg(what, detail));
        };
        // Another process may have migrated the file while we waited for the lock.
        bool ok = false;
        const int now = pragmaInt(db, "user_version", &ok);
        if (ok && now >= m.toVersion) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            continue;
        }
        for (const char* sql : m.statements)
            if (!q.exec(QString::fromLatin1(sql)))
                return fail(QString::fromLatin1(sql).simplified().left(60));
        if (!q.exec(QStringLiteral("PRAGMA application_id = %1").arg(kProjectApplicationId))
            || !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.toVersion)))
            return fail(QStringLiteral("version stamp"));
        if (!q.exec(QStringLiteral("COMMIT")))
            return fail(QStringLiteral("commit"));
    }
    return std::nullopt;
}

} // namespace hqa::core

#pragma once
// The project file's schema and its forward migrations. The version lives in SQLite's `PRAGMA user_version`
// and the file is marked as ours with `PRAGMA application_id`, so a foreign SQLite file is refused rather than
// modified.

#include "core/Error.h"

#include <QSqlDatabase>

#include <optional>

namespace hqa::core {

/// 'HQA1' as a big-endian 32-bit integer; written into the SQLite header of every project file.
inline constexpr int kProjectApplicationId = 0x48514131;

/// The schema version this build writes. Files with a lower version are migrated on open (read-write), files
/// with a higher one are refused because this build would not know what the newer columns mean.
inline constexpr int kProjectSchemaVersion = 3;

/// Reads user_version and application_id. An empty file (fresh) reports version 0.
struct SchemaInfo {
    int version = 0;
    int applicationId = 0;
    bool empty = true; ///< no tables at all: a brand-new file
};

Expected<SchemaInfo> readSchemaInfo(QSqlDatabase& db);

/// Checks that a file can be opened by this build: ours (or empty) and not newer than kProjectSchemaVersion.
std::optional<Error> checkSchemaCompatible(const SchemaInfo& info, const QString& path);

/// Runs every migration from info.version up to kProjectSchemaVersion, each in its own transaction, so a crash
/// leaves the file at a whole version. Version 0 means a new file: the first migration creates the tables.
std::optional<Error> migrateSchema(QSqlDatabase& db, const SchemaInfo& info);

} // namespace hqa::core

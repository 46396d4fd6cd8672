#pragma once
// Writing a file so that a failure (a full disk, a removed stick, a crash) leaves the previous version exactly as it
// was. QSaveFile alone is not enough in Qt 6.4: commit() ignores a failure of its final flush, so the buffered tail
// of a file that did not fit on a full disk was dropped and the truncated file renamed over the good one; and a
// write cut short by the disk reports "Unknown error" instead of the system's reason.

#include <QByteArrayView>
#include <QSaveFile>
#include <QString>

#include <optional>

namespace hqa::core {

/// Streams content into a temporary file beside `path` (unbuffered, every byte accounted for) and renames it over
/// `path` on commit() only when all of it was written; destroyed without commit(), it leaves `path` untouched.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(const QString& path);
    /// The system's reason when the temporary file cannot be created.
    std::optional<QString> open();
    /// False once a write failed; the reason is kept for commit().
    bool append(QByteArrayView bytes);
    /// Renames the file into place; on failure returns the system's reason (e.g. "No space left on device") and
    /// removes the temporary file.
    std::optional<QString> commit();

private:
    QSaveFile m_file;
    QString m_failure;
};

/// Replaces the file at path with bytes, or leaves it as it was; returns the system's reason on failure.
std::optional<QString> replaceFileContents(const QString& path, QByteArrayView bytes);

} // namespace hqa::core

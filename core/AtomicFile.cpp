#include "AtomicFile.h"

namespace hqa::core {

AtomicFileWriter::AtomicFileWriter(const QString& path)
    : m_file(path)
{ }

std::optional<QString> AtomicFileWriter::open()
{
    // Unbuffered: with no buffer, nothing is left for commit()'s unchecked flush to lose.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return m_file.errorString();
    return std::nullopt;
}

bool AtomicFileWriter::append(QByteArrayView bytes)
{
    if (!m_failure.isEmpty() || !m_file.isOpen()) {
        if (m_failure.isEmpty())
            m_failure = m_file.errorString();
        return false;
    }
    qint64 done = 0;
    while (done < bytes.size()) {
        // A short write (the disk filled part-way) is not an error to Qt; the next write then fails with the
        // system's reason, which is what the user should read.
        const qint64 n = m_file.write(bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            m_failure = m_file.errorString();
            m_file.cancelWriting();
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<QString> AtomicFileWriter::commit()
{
    if (!m_failure.isEmpty()) {
        m_file.cancelWriting();
        m_file.commit(); // after cancelWriting() this removes the temporary file and leaves the target alone
        return m_failure;
    }
    if (!m_file.commit())
        return m_file.errorString();
    return std::nullopt;
}

std::optional<QString> replaceFileContents(const QString& path, QByteArrayView bytes)
{
    AtomicFileWriter w(path);
    if (auto failure = w.open())
        return failure;
    w.append(bytes);
    return w.commit();
}

} // namespace hqa::core

#include "TestData.h"

#include <QDir>
#include <QTemporaryDir>

#include <memory>

namespace hqa::test {

QString cacheDir()
{
    const QByteArray env = qgetenv("HQA_TEST_CACHE");
    return env.isEmpty() ? QStringLiteral(HQA_TEST_CACHE_DIR) : QString::fromLocal8Bit(env);
}

QString cachePath(const QString& relative) { return QDir(cacheDir()).filePath(relative); }

QString sourcePath(const QString& relative) { return QDir(QStringLiteral(HQA_SOURCE_DIR)).filePath(relative); }

QString cliPath()
{
    const QByteArray env = qgetenv("HQA_CLI");
    return env.isEmpty() ? QDir(QStringLiteral(HQA_BINARY_DIR)).filePath(QStringLiteral("app/headshot-qa"))
                         : QString::fromLocal8Bit(env);
}

QString tempDir()
{
    static std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    return dir->path();
}

} // namespace hqa::test

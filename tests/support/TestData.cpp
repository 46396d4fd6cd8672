#include "TestData.h"

#include <QDir>
#include <QProcess>
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

CliRun runCli(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(cliPath(), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString tempDir()
{
    static std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    return dir->path();
}

bool missingDataAllowed() { return qEnvironmentVariableIntValue("HQA_ALLOW_MISSING_DATA") == 1; }

QByteArray missingDataMessage(const QString& what)
{
    return what.toUtf8() + QByteArrayLiteral(" missing: run scripts/fetch-test-data")
        + (missingDataAllowed() ? QByteArrayLiteral(" (skipped: HQA_ALLOW_MISSING_DATA=1)")
                                : QByteArrayLiteral(" (or set HQA_ALLOW_MISSING_DATA=1 to skip locally)"));
}

QByteArray missingDataMessage(const char* what) { return missingDataMessage(QString::fromUtf8(what)); }

} // namespace hqa::test

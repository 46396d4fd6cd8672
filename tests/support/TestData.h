#pragma once
// Where test data lives. Paths come from compile definitions, never from the working directory.

#include <QString>
#include <QStringList>

namespace hqa::test {

/// Cache folder with fetched photos and generated variants (scripts/fetch-test-data).
QString cacheDir();
/// Path inside the cache; the file is not required to exist.
QString cachePath(const QString& relative);
/// The project's source tree (for committed fixtures under tests/).
QString sourcePath(const QString& relative);
/// The headshot-qa executable built alongside the tests.
QString cliPath();
/// One run of the headshot-qa executable: exit code (-2 when it crashed, -1 when it timed out and was killed)
/// and everything it printed.
struct CliRun {
    int exitCode = -1;
    QByteArray out, err;
};
CliRun runCli(const QStringList& args, int timeoutMs = 300000);

/// A fresh temporary directory that lives as long as the process.
QString tempDir();

} // namespace hqa::test

#pragma once
// Where test data lives. Paths come from compile definitions, never from the working directory.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>

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

/// True when a developer opted out of the fetched test data locally (HQA_ALLOW_MISSING_DATA=1): a test whose data
/// is missing then skips. Otherwise (CI, which fetches the data) it fails.
bool missingDataAllowed();
/// "<what> missing: run scripts/fetch-test-data (or set HQA_ALLOW_MISSING_DATA=1 to skip)".
QByteArray missingDataMessage(const QString& what);
QByteArray missingDataMessage(const char* what);

} // namespace hqa::test

/// In a test function (or a void helper it returns through): when `present` is false the data the test needs is
/// missing, and the test fails naming scripts/fetch-test-data, or skips when HQA_ALLOW_MISSING_DATA=1.
#define HQA_REQUIRE_DATA(present, what)                                                                                \
    do {                                                                                                               \
        if (!(present)) {                                                                                              \
            const QByteArray hqaMissingData = ::hqa::test::missingDataMessage(what);                                   \
            if (::hqa::test::missingDataAllowed())                                                                     \
                QSKIP(hqaMissingData.constData());                                                                     \
            QFAIL(hqaMissingData.constData());                                                                         \
        }                                                                                                              \
    } while (false)

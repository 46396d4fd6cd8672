#pragma once
// Shared set-up of the review window tests: isolated settings and app-data folders, eval-set photos by label.

#include "tests/support/TestData.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace hqa::test {

/// Points QSettings and QStandardPaths at throw-away folders; call before the QApplication exists.
inline void isolateUserFolders()
{
    const QString home = tempDir();
    qputenv("XDG_CONFIG_HOME", QDir(home).filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", QDir(home).filePath(QStringLiteral("data")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
}

struct EvalPhoto {
    QString path;
    QString label; ///< six chars 1/0/- from eval/labels.csv
};

/// The eval set's rows in file order (absolute paths).
inline QList<EvalPhoto> evalPhotos()
{
    QList<EvalPhoto> rows;
    QFile f(cachePath(QStringLiteral("eval/labels.csv")));
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    QTextStream in(&f);
    in.readLine(); // header
    const QDir base(cachePath(QStringLiteral("eval")));
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(QLatin1Char(','));
        if (cells.size() >= 2)
            rows.push_back({base.filePath(cells[0]), cells[1]});
    }
    return rows;
}

} // namespace hqa::test

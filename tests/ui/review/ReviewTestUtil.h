#pragma once
// Shared set-up of the review window tests: isolated settings and app-data folders, eval-set photos by label.

#include "tests/support/TestData.h"
#include "ui/MainWindow.h"
#include "ui/grid/PhotoListModel.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QtTest>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace hqa::test {

/// Drops files on a widget as a file manager would (drag enter, then drop); both must be accepted.
inline void dropFiles(QWidget* target, const QStringList& files)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& f : files)
        urls << QUrl::fromLocalFile(f);
    mime.setUrls(urls);
    const QPoint at(target->width() / 2, target->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

/// The photo model's row of a path, or -1.
inline int sourceRowOf(const ui::MainWindow& w, const QString& path)
{
    for (int r = 0; r < w.photoModel()->rowCount(); ++r)
        if (w.photoModel()->rowAt(r)->path == path)
            return r;
    return -1;
}

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

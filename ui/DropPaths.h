#pragma once
// What a drop of files carries: the local paths of its URLs (photos, folders, projects, videos).

#include <QMimeData>
#include <QStringList>
#include <QUrl>

namespace hqa::ui {

/// Local file paths of the dropped URLs, in their order; remote URLs are left out.
inline QStringList localDropPaths(const QMimeData* mime)
{
    QStringList paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace hqa::ui

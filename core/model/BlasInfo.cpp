#include "BlasInfo.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <dlfcn.h>
#include <link.h>

#include <string>
#include <vector>

namespace hqa::core {

namespace {

std::vector<std::string> loadedLibraries()
{
    std::vector<std::string> libs;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            if (info->dlpi_name && *info->dlpi_name)
                static_cast<std::vector<std::string>*>(data)->emplace_back(info->dlpi_name);
            return 0;
        },
        &libs);
    return libs;
}

// The generic libblas.so.3 is an alternatives symlink; its target tells which implementation it is.
QString loadedBlasPath()
{
    for (const auto& lib : loadedLibraries()) {
        const QString path = QString::fromStdString(lib);
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QLatin1String("libblas.so")) || name.startsWith(QLatin1String("libopenblas"))
            || name.startsWith(QLatin1String("libblis")) || name.startsWith(QLatin1String("libmkl_rt")))
            return QFileInfo(path).canonicalFilePath().isEmpty() ? path : QFileInfo(path).canonicalFilePath();
    }
    return {};
}

} // namespace

QString blasDescription()
{
    using ConfigFn = char* (*)();
    if (auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config")))
        return QStringLiteral("OpenBLAS (%1)").arg(QString::fromLatin1(fn()).trimmed());
    if (auto fn = reinterpret_cast<const char* (*)()>(dlsym(RTLD_DEFAULT, "bli_info_get_version_str")))
        return QStringLiteral("BLIS %1").arg(QString::fromLatin1(fn()));
    if (dlsym(RTLD_DEFAULT, "MKL_Get_Version"))
        return QStringLiteral("Intel MKL");
    const QString path = loadedBlasPath();
    if (path.isEmpty())
        return QStringLiteral("unknown");
    if (path.contains(QLatin1String("/blas/libblas.so")))
        return QStringLiteral("reference BLAS (%1)").arg(path);
    return path;
}

std::optional<QString> blasWarning()
{
    if (!blasDescription().startsWith(QLatin1String("reference BLAS")))
        return std::nullopt;
    return QCoreApplication::translate("hqa::BlasInfo",
                                       "LibTorch runs on the reference BLAS (%1), which makes the network about "
                                       "20 times slower; install libopenblas0-pthread")
        .arg(loadedBlasPath());
}

} // namespace hqa::core

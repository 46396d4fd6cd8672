#pragma once
// Which BLAS LibTorch runs on. Debian's reference BLAS makes Swin-T about 20x slower than OpenBLAS
// (TOOLCHAIN.md trap 1), so the application warns at startup when it finds itself on it.

#include <QString>

#include <optional>

namespace hqa::core {

/// "OpenBLAS 0.3.21 ...", "reference BLAS (/usr/lib/.../blas/libblas.so.3)", or "unknown".
QString blasDescription();

/// A sentence for the user when the loaded BLAS is the slow reference implementation; nullopt otherwise.
std::optional<QString> blasWarning();

} // namespace hqa::core

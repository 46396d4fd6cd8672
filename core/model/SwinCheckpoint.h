#pragma once
// INTERNAL header (includes LibTorch through SwinNet.h): reading public checkpoints without Python, mapping
// their key layouts onto torchvision's names, and the product's own file format.

#include "core/Error.h"
#include "core/model/SwinNet.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hqa::core::swin {

enum class FileKind { Product, TorchScript, TorchSave };

/// Tells the three zip-based kinds apart; a clear Model error for anything else (empty, legacy
/// pre-1.6 pickles, foreign files, damaged archives).
Expected<FileKind> sniffCheckpoint(const QByteArray& bytes);

/// Reads the tensors of a file written by Python's torch.save (zip format) with a minimal, non-executing
/// pickle reader: OrderedDicts, nested {"model": ...} wrappers and tensors; unknown objects stay opaque.
/// Returns every tensor reachable through string-keyed dicts, keys joined with '.' below the state dict.
Expected<TensorMap> readTorchSave(const QByteArray& bytes);

struct Layout {
    TensorMap tensors; ///< torchvision names
    QString name; ///< "torchvision", "microsoft", "timm"
};

/// Maps Microsoft's/timm's names (patch_embed, layers.N.blocks.M, downsample, mlp.fc1, head.fc) and
/// wrapper prefixes (module., backbone., ...) onto torchvision's; drops known derived buffers (attn_mask).
Expected<Layout> toTorchvisionLayout(const TensorMap& source);

/// Reads the architecture sizes off the tensor shapes (torchvision names). imageSize stays at its default.
Expected<SwinConfig> inferConfig(const TensorMap& tv);

/// Product format: a zip (PyTorch's own container) with hqa/meta.json and one raw little-endian record per
/// tensor. Returns the file bytes.
QByteArray writeProduct(const TensorMap& tensors, const QJsonObject& metadata);
struct ProductFile {
    TensorMap tensors;
    QJsonObject metadata;
};
/// Refuses files whose format_version is newer than kSwinFormatVersion.
Expected<ProductFile> readProduct(const QByteArray& bytes);

/// "a, b, c and 12 more": keeps error messages readable for wholly foreign files.
QString summariseProblems(const std::vector<std::string>& problems, int maxShown = 12);

} // namespace hqa::core::swin

#pragma once
// INTERNAL header (includes LibTorch): lets core/train/net reach the native network inside a SwinModel
// without exposing torch types in SwinModel.h.
#include "core/model/SwinModel.h"
#include "core/model/SwinNet.h"

namespace hqa::core {

struct SwinModelAccess {
    /// The native network; null for a TorchScript model (convert it by saving and reloading first).
    static swin::SwinTransformer net(SwinModel& model);
};

} // namespace hqa::core

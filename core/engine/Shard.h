#pragma once
// A deterministic share of a batch, so that N machines (GNU parallel, a Slurm job array, a Kubernetes indexed Job)
// split one corpus with no coordination: shard K of N takes the inputs whose position in the expanded input list
// is K-1 modulo N. Every machine that sees the same files in the same order takes a disjoint share, the shares
// cover the list, and their sizes differ by at most one. Adding a file to the corpus reassigns later files, so
// shard a corpus that is complete.

#include "core/Error.h"

#include <QStringList>

namespace hqa::core {

struct Shard {
    int index = 1; ///< 1-based, as job arrays number their tasks from 1 (SLURM_ARRAY_TASK_ID=1..N)
    int count = 1;
};

/// Parses "K/N" with 1 <= K <= N. The error says what was expected.
Expected<Shard> parseShard(const QString& text);

/// The inputs of one shard, in their original order.
QStringList selectShard(const QStringList& inputs, const Shard& shard);

} // namespace hqa::core

#pragma once
// Output formats of `assess`: JSON Lines (one object per input), CSV (doubles as a labels.csv) and a table.

#include "core/Assessment.h"

#include <QJsonObject>
#include <QString>

namespace hqa::core::cli {

/// The jsonl object: file, status, error (only on error), engine, faces, label, attributes, face, elapsed_ms.
/// withEvidence adds each attribute's raw evidence values (off by default: the documented keys are fixed).
QJsonObject assessmentToJson(const Assessment& a, bool withEvidence = false);

QString csvHeader();
QString assessmentToCsv(const Assessment& a);

QString tableHeader();
QString assessmentToTableRow(const Assessment& a);

} // namespace hqa::core::cli

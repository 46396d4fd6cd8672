#pragma once
// Output formats of `assess`: JSON Lines (one object per input: core::assessmentToJson, the codec the store and
// the project exports share), CSV (doubles as a labels.csv) and a table.

#include "core/Assessment.h"
#include "core/AssessmentJson.h"

#include <QString>

namespace hqa::cli {

QString csvHeader();
QString assessmentToCsv(const core::Assessment& a);

QString tableHeader();
QString assessmentToTableRow(const core::Assessment& a);

} // namespace hqa::cli

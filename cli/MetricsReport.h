#pragma once
// Metrics as JSON, CSV and a text table: what `evaluate` prints and writes with --report.

#include "core/eval/Metrics.h"

#include <QJsonObject>
#include <QString>

namespace hqa::cli {

QJsonObject metricsToJson(const core::Metrics& m);
/// One row per attribute plus an "overall" row.
QString metricsToCsv(const core::Metrics& m);
/// Human-readable summary for a terminal.
QString metricsToText(const core::Metrics& m);

} // namespace hqa::cli

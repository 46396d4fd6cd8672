#pragma once
// Metrics as JSON, CSV and a text table (shared by `evaluate`, training reports and the dashboard).

#include "core/eval/Metrics.h"

#include <QJsonObject>
#include <QString>

namespace hqa::core {

QJsonObject metricsToJson(const Metrics& m);
/// One row per attribute plus an "overall" row.
QString metricsToCsv(const Metrics& m);
/// Human-readable summary for a terminal.
QString metricsToText(const Metrics& m);

} // namespace hqa::core

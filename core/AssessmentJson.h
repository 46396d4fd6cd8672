#pragma once
// The one JSON codec of Assessment. It writes and reads two documents:
//  - the report object: what `assess --format jsonl` and `project export --jsonl` print and `project import
//    --jsonl` reads back. Documented keys only, scores rounded to 3 decimals, face box and pose to 1.
//  - the details object: what a project keeps of an assessment beside its own columns (thresholds, reasons,
//    sources, evidence, the whole face geometry, timings), unrounded, so that a stored assessment reads back
//    whole. Its short keys are part of the project file format: never rename them.

#include "Assessment.h"
#include "Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hqa::core {

/// Optional parts of the report object.
struct AssessmentJsonOptions {
    bool evidence = false; ///< each judged attribute's raw evidence values ("evidence"), non-finite ones as null
    bool modelVersion = false; ///< the engine's model version ("model_version"), as a project exports it
};

/// The report object: file, status, error (only on error), engine, faces, label, attributes (judged ones: pass,
/// score, reason, source when another engine than `engine` decided), face (box and pose, or null), elapsed_ms.
QJsonObject assessmentToJson(const Assessment& a, const AssessmentJsonOptions& options = {});

/// The inverse of assessmentToJson for what it writes (landmarks, thresholds and timings are not in it); `file`
/// becomes Assessment::file. Unreadable when an attribute object has no boolean "pass".
Expected<Assessment> assessmentFromJson(const QJsonObject& o, const QString& file);

/// The details object as compact JSON text.
QByteArray assessmentDetailsJson(const Assessment& a);

/// Fills in what assessmentDetailsJson wrote (thresholds, reasons, sources, evidence, face, timings); the rest
/// of `a` (file, engine, error, pass/score/judged, ...) comes from elsewhere and is left as it is.
void readAssessmentDetails(const QByteArray& json, Assessment& a);

} // namespace hqa::core

#pragma once
// The fast way to learn a reviewer's standard: per attribute, a small logistic regression over the analysis
// engine's raw evidence (the values behind each verdict, e.g. a luminance ratio or a blur measure), trained
// from the project's corrections and golden labels in well under a second. Needs no network weights, so it
// works on a fresh install; the second seed's "regression on measured features" applied to our evidence.

#include "core/Assessment.h"
#include "core/Error.h"
#include "core/engine/Engine.h"
#include "core/eval/LabelFile.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace hqa::core {

class ProjectStore;

/// One photo a person has judged: what the engine measured and what the person decided (unknown = -1 for
/// attributes nobody reviewed).
struct CorrectionSample {
    Assessment assessment;
    Label target = kUnknownLabel;
    QString group; ///< photos sharing a group are never split between training and held-out (content hash)
};

/// Photos with corrections or golden labels and their latest assessment by `engine` ("measures" by default).
/// Target per attribute: the golden label where the photo is verified, else the corrected value of every
/// attribute that has an edit which is not undone; other attributes stay unknown.
Expected<std::vector<CorrectionSample>> correctionSamples(const ProjectStore& store,
                                                          const QString& engine = QStringLiteral("measures"));

struct HeadTrainingOptions {
    double validationFraction = 0.2; ///< held-out share of the photos, by group
    std::uint64_t seed = 1;
    int minSamplesPerClass = 4;      ///< in the training part, for an attribute to get a head
    double l2 = 0;                   ///< ridge penalty on the standardised weights; 0 = chosen by cross-validation
    /// The head replaces the engine on an attribute only when held-out accuracy is not worse than the engine's
    /// (and, with no held-out samples, never).
    bool requireHeldOutGain = true;
};

struct AttributeHeadReport {
    bool trained = false;  ///< a head covers this attribute in the result
    int trainSamples = 0, heldOutSamples = 0;
    int trainPasses = 0, trainFails = 0;
    double accuracyBefore = 0, accuracyAfter = 0;   ///< held-out: the engine's verdicts, the head's; NaN when none
    double balancedBefore = 0, balancedAfter = 0;   ///< NaN when a class is missing from the held-out part
    QString note; ///< why an attribute is not covered, or which evidence weighs most
};

struct HeadTrainingReport {
    std::array<AttributeHeadReport, kAttributeCount> attributes{};
    int photos = 0, trainPhotos = 0, heldOutPhotos = 0;
    double milliseconds = 0;
    bool cancelled = false;
};

/// The learned heads (one per covered attribute), applied on top of an engine's assessment.
class CorrectionsHead {
public:
    CorrectionsHead();
    ~CorrectionsHead();
    CorrectionsHead(const CorrectionsHead&);
    CorrectionsHead& operator=(const CorrectionsHead&);
    CorrectionsHead(CorrectionsHead&&) noexcept;
    CorrectionsHead& operator=(CorrectionsHead&&) noexcept;

    /// Model error naming the problem for a missing, unreadable, corrupt or newer file.
    static Expected<CorrectionsHead> load(const QString& path);
    /// Atomic: a crash leaves the previous file or the new one.
    std::optional<Error> save(const QString& path) const;

    bool covers(Attribute a) const;
    bool empty() const;
    /// "head-YYYYMMDD-HHMMSS-<hash>", unique per training.
    QString version() const;
    QJsonObject toJson() const;

    /// Probability of pass from the head for one judged verdict; nullopt when the attribute is not covered or
    /// the verdict carries none of the head's evidence.
    std::optional<double> predict(Attribute a, const AttributeVerdict& verdict) const;
    /// Rewrites score, pass, reason and source ("<engine>+head") of covered, judged attributes; records the
    /// head's version in assessment.modelVersion.
    void apply(Assessment& assessment) const;

private:
    friend Expected<std::pair<CorrectionsHead, HeadTrainingReport>> trainCorrectionsHead(
        const std::vector<CorrectionSample>&, const HeadTrainingOptions&, const std::function<bool(int, int)>&);
    struct Private;
    std::unique_ptr<Private> d;
};

/// Trains on a held-out split first (for the report's before/after figures), then refits covered attributes on
/// all samples. progress(done, total) is called per attribute; returning false cancels (report.cancelled).
Expected<std::pair<CorrectionsHead, HeadTrainingReport>> trainCorrectionsHead(
    const std::vector<CorrectionSample>& samples, const HeadTrainingOptions& options = {},
    const std::function<bool(int done, int total)>& progress = {});

/// Name under which heads are registered in a project's models table (every version is kept).
inline constexpr const char* kCorrectionsHeadModelName = "corrections-head";

/// Registers a written head file in the project's models table as a new version; returns the row id.
Expected<qint64> registerCorrectionsHead(ProjectStore& store, const QString& headPath, const QString& version,
                                         const QJsonObject& metrics);

/// Wraps an engine so that every assessment passes through the head loaded from headPath (Model error when it
/// cannot be read). The wrapped engine's name stays; its version gains the head's.
Expected<std::unique_ptr<Engine>> withCorrectionsHead(std::unique_ptr<Engine> engine, const QString& headPath);

} // namespace hqa::core

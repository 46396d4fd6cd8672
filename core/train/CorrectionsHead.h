#pragma once
// The fast way to learn a reviewer's standard: per attribute, a small logistic regression over the analysis
// engine's raw evidence (the values behind each verdict, e.g. a luminance ratio or a blur measure), trained
// from the project's corrections and golden labels in well under a second. Needs no network weights, so it
// works on a fresh install; the second seed's "regression on measured features" applied to our evidence.
// Built to carry to people it has not seen: it starts from the engine's own verdict (the engine's log-odds are
// an offset whose weight is pulled towards 1, the evidence weights towards 0), it leaves photos whose evidence
// lies outside everything it learned from to the engine, and it replaces the engine on an attribute only when
// held-out people show a gain beyond the noise (see HeadTrainingOptions for the bound).
// This file learns the head; applying it (CorrectionsHead, withCorrectionsHead) is core/engine/CorrectionsHead.h.

#include "core/Assessment.h"
#include "core/Error.h"
#include "core/engine/CorrectionsHead.h"
#include "core/eval/LabelFile.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
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
    QString group; ///< the source photo (content hash); kept for callers that know no person
    /// Who is in the photo. The held-out check never puts one person on both sides: a head checked on other
    /// photos of the people it learned from measures memory of those people, not judgement of new ones.
    /// Empty: the group stands in for the person.
    QString person;
};

/// Photos with corrections or golden labels and their latest assessment by `engine` ("measures" by default).
/// Target per attribute: the golden label where the photo is verified, else the corrected value of every
/// attribute that has an edit which is not undone; other attributes stay unknown.
/// Person key: the photo's folder, relative to the project file's folder. A project keeps no person or face identity per photo (only path, content
/// hash, size and date), and this build has no face-identity model, so the folder is a proxy: a shoot, a
/// person's set or the frames of one video usually share one; the content hash would split frames of one
/// person across the check. A folder of many people counts as one (the check gets stricter, never laxer);
/// one person spread over several folders counts as several (keep each person's photos in one folder).
Expected<std::vector<CorrectionSample>> correctionSamples(const ProjectStore& store,
                                                          const QString& engine = kMeasuresEngine);

/// The bound on "better than the engine" (all figures held out by person):
/// 1. Grouped k-fold over people: every person's photos are held out together once, judged by a head trained
///    on the other people only (its ridge penalty chosen on those too). Every reviewed photo is evidence.
/// 2. Paired comparison on the same held-out photos: b = photos the head gets right and the engine wrong,
///    c = the reverse. Gain = (b - c) / photos.
/// 3. The head replaces the engine on an attribute only when all of these hold:
///    - at least minHeldOutPeople different people were held out (one person is no evidence about others);
///    - exact one-sided McNemar (sign) test on the b + c discordant photos: P(X >= b | b + c, 1/2) < alpha/2
///      (0.025 at 95%), i.e. the gain is larger than what chance disagreement on that many photos gives;
///    - the same sign test over people: of the people whose photos the head judges better or worse on
///      balance, significantly more are better (p < alpha/2). Photos of one person are not independent (one
///      man's video frames share his face, light and backdrop), so a gain that many photos of a few people
///      carry is not yet a gain on new people;
///    - the 95% interval of the gain, a percentile bootstrap that resamples people (so that many photos of
///      one person weigh as one person, not as many independent photos), lies wholly above zero;
///    - balanced accuracy does not drop by more than 0.005 (a head that only favours the common verdict is
///      no gain).
///    Otherwise the engine keeps judging and the note says which condition failed, with the numbers.
struct HeadTrainingOptions {
    int folds = 5; ///< grouped k-fold over people (fewer people: one fold per person)
    std::uint64_t seed = 1; ///< fold assignment and bootstrap
    int minSamplesPerClass = 4; ///< reviewed passes and fails needed for an attribute to get a head
    double l2 = 0; ///< ridge penalty on the standardised weights; 0 = chosen by cross-validation
    int minHeldOutPeople = 5; ///< fewer different people held out: the engine keeps judging
    double confidence = 0.95; ///< level of the gain's interval and of the McNemar test (two-sided)
    int bootstrapResamples = 2000;
    /// Replace the engine only when the gain passes the bound above. false: every attribute with enough
    /// passes and fails gets a head (the figures are still computed), for experiments only.
    bool requireHeldOutGain = true;
};

struct AttributeHeadReport {
    bool trained = false; ///< a head covers this attribute in the result
    int trainSamples = 0, heldOutSamples = 0; ///< photos the shipped head learns from; photos judged held out
    int people = 0, heldOutPeople = 0; ///< different people among them
    int trainPasses = 0, trainFails = 0;
    double accuracyBefore = 0, accuracyAfter = 0; ///< held-out: the engine's verdicts, the head's; NaN when none
    double balancedBefore = 0, balancedAfter = 0; ///< NaN when a class is missing from the held-out part
    double gain = 0, gainLow = 0, gainHigh = 0; ///< accuracy after - before and its interval; NaN when none
    int headRightEngineWrong = 0, engineRightHeadWrong = 0; ///< the discordant photos (b, c)
    double pValue = 0; ///< exact one-sided McNemar on the discordant photos; NaN when not computed
    int peopleBetter = 0, peopleWorse = 0; ///< people whose photos the head judges better (worse) on balance
    double peoplePValue = 0; ///< exact one-sided sign test over those people; NaN when not computed
    QString note; ///< why an attribute is not covered (with the numbers), or which evidence weighs most
};

struct HeadTrainingReport {
    std::array<AttributeHeadReport, kAttributeCount> attributes{};
    int photos = 0, people = 0;
    int trainPhotos = 0, heldOutPhotos = 0; ///< every photo is held out once (k-fold); the head learns from all
    int heldOutPeople = 0, folds = 0;
    double confidence = 0.95;
    double milliseconds = 0;
    bool cancelled = false;
};

/// "+12.0 points, 95% interval +4.0 to +20.0, on 40 photos of 9 people" (translated), or why there is none.
QString gainSummary(const AttributeHeadReport& r, double confidence = 0.95);

/// Checks each attribute by grouped k-fold over people first (the report's before/after figures and the bound
/// above), then fits the attributes that pass it on all samples. progress(done, total) is called per
/// attribute; returning false cancels (report.cancelled).
Expected<std::pair<CorrectionsHead, HeadTrainingReport>>
trainCorrectionsHead(const std::vector<CorrectionSample>& samples, const HeadTrainingOptions& options = {},
                     const std::function<bool(int done, int total)>& progress = {});

/// Name under which heads are registered in a project's models table (every version is kept).
inline constexpr const char* kCorrectionsHeadModelName = "corrections-head";

/// Registers a written head file in the project's models table as a new version; returns the row id.
Expected<qint64> registerCorrectionsHead(ProjectStore& store, const QString& headPath, const QString& version,
                                         const QJsonObject& metrics);

} // namespace hqa::core

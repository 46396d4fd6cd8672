#pragma once
// A learned corrections head applied after an engine: per attribute, a small logistic regression over the engine's
// raw evidence and its own verdict (core/train/CorrectionsHead.h learns it from a reviewer's corrections). Lives
// with the engines because makeEngine() wraps any engine in one (EngineOptions::headPath).

#include "core/Assessment.h"
#include "core/Error.h"
#include "core/engine/Engine.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace hqa::core {

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
    friend struct CorrectionsHeadAccess; // the trainer (core/train/CorrectionsHead.h) fills the models
    struct Private;
    std::unique_ptr<Private> d;
};

/// Wraps an engine so that every assessment passes through the head loaded from headPath (Model error when it
/// cannot be read). The wrapped engine's name stays; its version gains the head's.
Expected<std::unique_ptr<Engine>> withCorrectionsHead(std::unique_ptr<Engine> engine, const QString& headPath);

} // namespace hqa::core

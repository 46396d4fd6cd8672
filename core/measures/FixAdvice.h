#pragma once
// "How to fix": one line a photographer can act on for a failing attribute ("light the image-left side of the
// face", "step back: the face fills 78% of the image height", "plain backdrop or a wider aperture"). Derived from
// the verdict's measured evidence: the defect that the evidence shows worst (the same sub-scores and default
// boundaries as the measures in this folder) names the action, with the figure where one helps. A verdict without
// usable evidence (the network's, or one whose evidence shows nothing wrong, e.g. a reviewer's correction) gets a
// generic line for its attribute.

#include "core/Assessment.h"

#include <QString>

namespace hqa::core {

/// The advice line for `attribute`; callers show it beside a failing verdict. Empty for a verdict that was not
/// judged (no face: nothing to advise on but finding one).
QString howToFix(Attribute attribute, const AttributeVerdict& verdict);

/// The line used when the evidence does not point at a defect (no evidence, or none beyond its boundary).
QString genericFix(Attribute attribute);

} // namespace hqa::core

#pragma once
// The dominant face's eye line and axes, shared by the measures that sample regions relative to the eyes.

#include "core/face/FaceEvidence.h"

#include <opencv2/core/types.hpp>

namespace hqa::core {

/// Eye line and face axis of the dominant face, in analysis-image pixels. Falls back on the face box when
/// the landmarks are missing so that a measure still says something sensible.
struct FaceFrame {
    cv::Point2d eyeLeft, eyeRight, eyeMid, mouth;
    cv::Point2d right{1, 0}, down{0, 1};
    double ied = 0;
    double eyeToMouth = 0;
};

/// Requires ev.hasFace().
FaceFrame faceFrame(const FaceEvidence& ev);

} // namespace hqa::core

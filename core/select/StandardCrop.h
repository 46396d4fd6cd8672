#pragma once
// The standard professional crop (the paper's photography rules): head in the upper third, centred, hair may be
// partly cut but never the face, shoulders included. Lengths are in T (eye midpoint to chin) so the layout
// holds for any face size; the output has a chosen size and aspect, is never upscaled past a limit without
// saying so, and is padded only when the frame has no room, which is then reported.

#include "core/Assessment.h"

#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>

namespace hqa::core {

struct CropOptions {
    double aspect = 4.0 / 5.0; ///< width / height
    int outputHeight = 1000; ///< requested output height (width follows the aspect); 0 = crop's own size
    double maxUpscale = 2.0; ///< larger enlargements are refused: the output shrinks and says so
    bool allowUpscaleBeyondLimit = false; ///< upscale anyway (still reported)
    double heightInT = 3.8; ///< crop height in eye-to-chin distances (shoulders below, hair above)
    double minHeightInT = 3.2; ///< tightest layout tried when the frame has no room for the preferred one
    double eyeLine = 0.32; ///< eye midpoint at this share of the height (head centre near the upper third)
};

/// Where the crop lies in the source image and how it is scaled.
struct CropPlan {
    bool valid = false;
    cv::Rect2d rect; ///< source pixels; may extend past the image when padding is needed
    cv::Size outputSize;
    double scale = 1.0; ///< output pixels per source pixel
    bool upscaleLimited = false; ///< the requested size was reduced to respect maxUpscale
    bool upscaledBeyondLimit = false;
    int padLeft = 0, padTop = 0, padRight = 0, padBottom = 0; ///< output pixels filled by padding
    QStringList notes; ///< sentences for the user (padding, upscaling, tighter layout)
    bool padded() const { return padLeft + padTop + padRight + padBottom > 0; }
};

/// The four rules measured on a face in a framed image (crop coordinates).
struct CropRules {
    double headCentreShare = 0; ///< (head top + chin) / 2 / H
    double eyeShare = 0; ///< eye midpoint y / H
    double centreOffset = 0; ///< (face centre x - W/2) / W
    double foreheadMarginT = 0; ///< space above the forehead line (eyes - 0.75 T), in T; < 0 = face cut
    int landmarksOutside = 0;
    double belowChinT = 0; ///< space under the chin, in T (shoulders need about 0.8)
    bool headInUpperThird = false, centred = false, faceNotCut = false, shouldersIncluded = false;
    bool allPass() const { return headInUpperThird && centred && faceNotCut && shouldersIncluded; }
};

/// Plans the crop for a face of `image` size. Invalid when the geometry has no landmarks or T.
CropPlan planStandardCrop(const FaceGeometry& face, cv::Size image, const CropOptions& options = {});

/// Cuts and scales the crop; where the plan says so, pads with the mean colour of the frame's outer edge.
cv::Mat renderCrop(const cv::Mat& bgr, const CropPlan& plan);

/// Measures the rules on a face located in an image of `size` (for example landmarks found on a crop).
CropRules measureCropRules(const FaceGeometry& face, cv::Size size);

} // namespace hqa::core

#pragma once
// Variants of a real portrait in which the face is harder to find, made in memory with the true eye positions
// carried along: pushed past the left or right border (20, 33, 45% of the face width outside), the top of the head
// cut (through the hair, and just above the brows), a small face (8% of a 1600 x 1200 frame's width) and in-plane
// rotations of 15, 22 and 30 degrees either way. Every variant still shows at least half of the face.

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace hqa::test {

struct FaceVariant {
    std::string kind;
    cv::Mat bgr;
    cv::Point2d eyeLeft, eyeRight; ///< where the eyes are in the variant (may lie outside it)
};

/// `eyeLeft`, `eyeRight`, `faceBox` (landmark box) and `headTopY` describe the face in `bgr`; `seed` places the
/// small face.
inline std::vector<FaceVariant> makeFaceVariants(const cv::Mat& bgr, cv::Point2d eyeLeft, cv::Point2d eyeRight,
                                                 const cv::Rect2d& faceBox, double headTopY, unsigned seed)
{
    std::vector<FaceVariant> out;
    const auto addCrop = [&](const std::string& kind, cv::Rect r) {
        r &= cv::Rect(0, 0, bgr.cols, bgr.rows);
        const cv::Point2d o(r.x, r.y);
        out.push_back({kind, bgr(r).clone(), eyeLeft - o, eyeRight - o});
    };
    for (const int percent : {20, 33, 45}) {
        const double f = percent / 100.0;
        const int xl = static_cast<int>(std::lround(faceBox.x + f * faceBox.width));
        addCrop("left" + std::to_string(percent), cv::Rect(xl, 0, bgr.cols - xl, bgr.rows));
        const int xr = static_cast<int>(std::lround(faceBox.br().x - f * faceBox.width));
        addCrop("right" + std::to_string(percent), cv::Rect(0, 0, xr, bgr.rows));
    }
    const int yHair = static_cast<int>(std::lround(std::max(0.0, (headTopY + faceBox.y) / 2)));
    addCrop("top-hair", cv::Rect(0, yHair, bgr.cols, bgr.rows - yHair));
    const int yBrow = static_cast<int>(std::lround(std::max(0.0, faceBox.y - 0.05 * faceBox.height)));
    addCrop("top-brow", cv::Rect(0, yBrow, bgr.cols, bgr.rows - yBrow));

    {
        // The photo shrunk into a larger frame whose background is a blurred enlargement of the photo itself.
        const cv::Size canvas(1600, 1200);
        const double s = 0.08 * canvas.width / faceBox.width;
        cv::Mat small;
        cv::resize(bgr, small, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::Mat frame;
        cv::resize(bgr, frame, canvas);
        cv::GaussianBlur(frame, frame, cv::Size(0, 0), 25);
        std::mt19937 rng(seed);
        const int x = std::uniform_int_distribution<int>(0, std::max(0, canvas.width - small.cols))(rng);
        const int y = std::uniform_int_distribution<int>(0, std::max(0, canvas.height - small.rows))(rng);
        const cv::Rect r(x, y, std::min(small.cols, canvas.width - x), std::min(small.rows, canvas.height - y));
        small(cv::Rect(0, 0, r.width, r.height)).copyTo(frame(r));
        out.push_back({"small", frame, eyeLeft * s + cv::Point2d(x, y), eyeRight * s + cv::Point2d(x, y)});
    }

    for (const int angle : {-30, -22, -15, 15, 22, 30}) {
        const cv::Point2f centre(static_cast<float>((eyeLeft.x + eyeRight.x) / 2),
                                 static_cast<float>((eyeLeft.y + eyeRight.y) / 2));
        const cv::Mat m = cv::getRotationMatrix2D(centre, angle, 1.0);
        cv::Mat rotated;
        cv::warpAffine(bgr, rotated, m, bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        const auto move = [&](cv::Point2d p) {
            return cv::Point2d(m.at<double>(0, 0) * p.x + m.at<double>(0, 1) * p.y + m.at<double>(0, 2),
                               m.at<double>(1, 0) * p.x + m.at<double>(1, 1) * p.y + m.at<double>(1, 2));
        };
        out.push_back({"rot" + std::to_string(angle), rotated, move(eyeLeft), move(eyeRight)});
    }
    return out;
}

} // namespace hqa::test

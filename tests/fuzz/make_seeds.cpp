// Writes small valid images of every decoded format as the starting corpus of fuzz_imagedecode (generated, so no
// binary files are committed).

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    cv::Mat img(48, 40, CV_8UC3, cv::Scalar(30, 120, 200));
    cv::circle(img, {20, 18}, 9, cv::Scalar(220, 200, 170), cv::FILLED);
    cv::Mat grey;
    cv::cvtColor(img, grey, cv::COLOR_BGR2GRAY);
    bool ok = true;
    ok &= cv::imwrite(dir + "/seed.png", img);
    ok &= cv::imwrite(dir + "/seed-grey.png", grey);
    ok &= cv::imwrite(dir + "/seed.jpg", img, {cv::IMWRITE_JPEG_QUALITY, 60});
    ok &= cv::imwrite(dir + "/seed-progressive.jpg", img, {cv::IMWRITE_JPEG_PROGRESSIVE, 1});
    ok &= cv::imwrite(dir + "/seed.bmp", img);
    ok &= cv::imwrite(dir + "/seed.tif", img);
    ok &= cv::imwrite(dir + "/seed.webp", img, {cv::IMWRITE_WEBP_QUALITY, 50});
    return ok ? 0 : 1;
}

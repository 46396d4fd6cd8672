#include "LogisticFit.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace hqa::core {

LinearProbe fitLogistic(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
                        const LogisticFitOptions& options)
{
    LinearProbe probe;
    const size_t n = rows.size();
    if (n == 0 || labels.size() != n || rows.front().empty())
        return probe;
    const size_t d = rows.front().size();
    probe.mean.assign(d, 0.0);
    probe.scale.assign(d, 0.0);
    probe.weight.assign(d, 0.0);
    for (const auto& r : rows)
        for (size_t j = 0; j < d; ++j)
            probe.mean[j] += r[j] / double(n);
    for (const auto& r : rows)
        for (size_t j = 0; j < d; ++j)
            probe.scale[j] += (r[j] - probe.mean[j]) * (r[j] - probe.mean[j]) / double(n);
    for (double& s : probe.scale)
        s = std::sqrt(s) + 1e-6;
    cv::Mat x(int(n), int(d), CV_64F);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < d; ++j)
            x.at<double>(int(i), int(j)) = (rows[i][j] - probe.mean[j]) / probe.scale[j];
    const double positives = double(std::count(labels.begin(), labels.end(), 1));
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0)
        return LinearProbe{};
    // Each class carries half of the loss: weight n / (2 * class count) per photo, the loss averaged over n.
    std::vector<double> classWeight(n);
    for (size_t i = 0; i < n; ++i)
        classWeight[i] = 0.5 * double(n) / (labels[i] == 1 ? positives : negatives);

    std::vector<double> w(d, 0.0);
    double b = 0;
    for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
        cv::Mat hessian = cv::Mat::zeros(int(d + 1), int(d + 1), CV_64F);
        cv::Mat gradient = cv::Mat::zeros(int(d + 1), 1, CV_64F);
        for (size_t i = 0; i < n; ++i) {
            const double* xi = x.ptr<double>(int(i));
            double z = b;
            for (size_t j = 0; j < d; ++j)
                z += w[j] * xi[j];
            const double p = 1.0 / (1.0 + std::exp(-z));
            const double g = classWeight[i] * (p - labels[i]) / double(n);
            const double h = classWeight[i] * p * (1 - p) / double(n);
            for (size_t j = 0; j < d; ++j) {
                gradient.at<double>(int(j)) += g * xi[j];
                double* hj = hessian.ptr<double>(int(j));
                for (size_t k = j; k < d; ++k)
                    hj[k] += h * xi[j] * xi[k];
                hj[d] += h * xi[j];
            }
            gradient.at<double>(int(d)) += g;
            hessian.at<double>(int(d), int(d)) += h;
        }
        for (size_t j = 0; j < d; ++j) {
            gradient.at<double>(int(j)) += options.lambda * w[j];
            hessian.at<double>(int(j), int(j)) += options.lambda;
            for (size_t k = j + 1; k <= d; ++k)
                hessian.at<double>(int(k), int(j)) = hessian.at<double>(int(j), int(k));
        }
        hessian.at<double>(int(d), int(d)) += 1e-9;
        cv::Mat step;
        if (!cv::solve(hessian, gradient, step, cv::DECOMP_CHOLESKY)
            && !cv::solve(hessian, gradient, step, cv::DECOMP_SVD))
            break;
        double largest = 0;
        for (size_t j = 0; j < d; ++j) {
            w[j] -= step.at<double>(int(j));
            largest = std::max(largest, std::abs(step.at<double>(int(j))));
        }
        b -= step.at<double>(int(d));
        largest = std::max(largest, std::abs(step.at<double>(int(d))));
        if (largest < 1e-9)
            break;
    }
    probe.weight = w;
    probe.bias = b;
    return probe;
}

std::vector<double> crossValidatedProbabilities(const std::vector<std::vector<double>>& rows,
                                                const std::vector<int>& labels, const std::vector<QString>& groups,
                                                int folds, const LogisticFitOptions& options)
{
    const size_t n = rows.size();
    std::vector<double> out(n, std::numeric_limits<double>::quiet_NaN());
    if (n == 0 || labels.size() != n || groups.size() != n || folds < 2)
        return out;
    std::vector<QString> distinct(groups.begin(), groups.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::mt19937 shuffle(20261203);
    std::shuffle(distinct.begin(), distinct.end(), shuffle);
    std::map<QString, int> foldOf;
    for (size_t g = 0; g < distinct.size(); ++g)
        foldOf[distinct[g]] = int(g % size_t(folds));
    for (int f = 0; f < folds; ++f) {
        std::vector<std::vector<double>> train;
        std::vector<int> trainLabels;
        for (size_t i = 0; i < n; ++i)
            if (foldOf[groups[i]] != f) {
                train.push_back(rows[i]);
                trainLabels.push_back(labels[i]);
            }
        const LinearProbe probe = fitLogistic(train, trainLabels, options);
        if (!probe.fits(rows.front().size()))
            continue;
        for (size_t i = 0; i < n; ++i)
            if (foldOf[groups[i]] == f)
                out[i] = probe.probability(rows[i]);
    }
    return out;
}

} // namespace hqa::core

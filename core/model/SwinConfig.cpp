#include "SwinConfig.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hqa::core {

namespace {

QJsonArray toArray(const std::vector<int>& v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

std::vector<int> fromArray(const QJsonValue& v, const std::vector<int>& fallback)
{
    if (!v.isArray())
        return fallback;
    std::vector<int> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toInt());
    return out;
}

} // namespace

QString SwinConfig::validate() const
{
    auto tr = [](const char* s) { return QCoreApplication::translate("hqa::SwinConfig", s); };
    if (patchSize < 1 || windowSize < 1 || embedDim < 1 || imageSize < patchSize)
        return tr("patch size, window size, embedding width and image size must be positive");
    if (depths.empty() || depths.size() != numHeads.size())
        return tr("depths and head counts must be non-empty lists of the same length");
    for (size_t i = 0; i < depths.size(); ++i) {
        const int dim = embedDim << int(i);
        if (depths[i] < 1 || numHeads[i] < 1 || dim % numHeads[i] != 0)
            return tr("stage %1: %2 channels cannot be split into %3 heads").arg(i).arg(dim).arg(numHeads[i]);
    }
    if (mlpRatio <= 0 || stochasticDepthProb < 0 || stochasticDepthProb >= 1 || numClasses < 0 || attributeHeads < 0)
        return tr("MLP ratio, stochastic depth or head counts out of range");
    return {};
}

QJsonObject SwinConfig::toJson() const
{
    return QJsonObject{{"image_size", imageSize},   {"patch_size", patchSize},
                       {"window_size", windowSize}, {"embed_dim", embedDim},
                       {"depths", toArray(depths)}, {"num_heads", toArray(numHeads)},
                       {"mlp_ratio", mlpRatio},     {"stochastic_depth_prob", stochasticDepthProb},
                       {"num_classes", numClasses}, {"attribute_heads", attributeHeads}};
}

SwinConfig SwinConfig::fromJson(const QJsonObject& o)
{
    SwinConfig c;
    c.imageSize = o.value("image_size").toInt(c.imageSize);
    c.patchSize = o.value("patch_size").toInt(c.patchSize);
    c.windowSize = o.value("window_size").toInt(c.windowSize);
    c.embedDim = o.value("embed_dim").toInt(c.embedDim);
    c.depths = fromArray(o.value("depths"), c.depths);
    c.numHeads = fromArray(o.value("num_heads"), c.numHeads);
    c.mlpRatio = o.value("mlp_ratio").toDouble(c.mlpRatio);
    c.stochasticDepthProb = o.value("stochastic_depth_prob").toDouble(c.stochasticDepthProb);
    c.numClasses = o.value("num_classes").toInt(c.numClasses);
    c.attributeHeads = o.value("attribute_heads").toInt(c.attributeHeads);
    return c;
}

} // namespace hqa::core

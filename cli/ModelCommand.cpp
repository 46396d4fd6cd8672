#include "ModelCommand.h"
#include "Cli.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#ifdef HQA_WITH_TORCH
#include "core/model/SwinModel.h"
#endif

namespace hqa::cli {

using namespace core;

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::ModelCommand", s); }

int usage(QTextStream& err)
{
    err << tr("usage: headshot-qa model info FILE\n"
              "       headshot-qa model import SRC DEST [--seed N]\n"
              "SRC: torchvision swin_t-*.pth, Microsoft/timm swin_tiny_patch4_window7_224.pth, a TorchScript\n"
              "six-head export or a headshot-qa model; DEST is written in headshot-qa's format.\n");
    err.flush();
    return 2;
}

#ifdef HQA_WITH_TORCH
QString joinInts(const std::vector<int>& v)
{
    QStringList s;
    for (int x : v)
        s << QString::number(x);
    return s.join('-');
}

void printInfo(const QString& file, const SwinModel& model, QTextStream& out)
{
    const SwinMetadata& m = model.metadata();
    const SwinConfig& c = m.config;
    out << tr("file: %1\n").arg(file);
    QString format;
    if (m.fileFormat == QLatin1String("hqa"))
        format = tr("headshot-qa model, format version %1 (origin: %2)").arg(m.formatVersion).arg(m.sourceFormat);
    else if (m.fileFormat == QLatin1String("torchscript"))
        format = tr("TorchScript export");
    else
        format = tr("PyTorch state dict, %1 key layout").arg(m.fileFormat);
    out << tr("format: %1\n").arg(format);
    out << tr("model version: %1\n").arg(m.modelVersion);
    out << tr("architecture: Swin (patch %1, window %2, embed %3, depths %4, heads %5, MLP ratio %6)\n")
               .arg(c.patchSize)
               .arg(c.windowSize)
               .arg(c.embedDim)
               .arg(joinInts(c.depths), joinInts(c.numHeads))
               .arg(c.mlpRatio);
    out << tr("parameters: %1 (%2 M)\n").arg(model.parameterCount()).arg(model.parameterCount() / 1e6, 0, 'f', 2);
    out << tr("ImageNet head: %1\n").arg(c.numClasses > 0 ? tr("%1 classes").arg(c.numClasses) : tr("none"));
    out << tr("attribute heads: %1\n")
               .arg(model.isTorchScript() || c.attributeHeads > 0
                        ? (m.headsTrained ? tr("6, trained") : tr("6, freshly initialised (untrained)"))
                        : tr("none"));
    QStringList thr;
    for (int i = 0; i < m.attributeOrder.size() && i < kAttributeCount; ++i)
        thr << QStringLiteral("%1 %2").arg(m.attributeOrder[i]).arg(m.thresholds[size_t(i)], 0, 'f', 3);
    out << tr("attribute order and thresholds: %1\n").arg(thr.join(QStringLiteral(", ")));
    const SwinPreprocessing& p = m.preprocessing;
    out << tr("preprocessing: %1, %2 to %3x%3, mean %4/%5/%6, std %7/%8/%9\n")
               .arg(p.input, p.resize)
               .arg(p.size)
               .arg(p.mean[0])
               .arg(p.mean[1])
               .arg(p.mean[2])
               .arg(p.std[0])
               .arg(p.std[1])
               .arg(p.std[2]);
    out << tr("provenance: %1\n").arg(QString::fromUtf8(QJsonDocument(m.provenance).toJson(QJsonDocument::Compact)));
    out.flush();
}
#endif

} // namespace

int runModelCommand(const QStringList& argsIn, QTextStream& out, QTextStream& err)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.front() == QLatin1String("model"))
        args.removeFirst();
    if (args.isEmpty())
        return usage(err);
    const QString sub = args.takeFirst();
#ifdef HQA_WITH_TORCH
    if (sub == QLatin1String("fuse"))
        return runModelFuse(args, out, err);
#endif
    if (sub != QLatin1String("info") && sub != QLatin1String("import"))
        return usage(err);
#ifndef HQA_WITH_TORCH
    err << tr("this build of headshot-qa has no LibTorch support\n");
    err.flush();
    return 1;
#else
    if (sub == QLatin1String("info")) {
        if (args.size() != 1)
            return usage(err);
        auto model = SwinModel::load(args[0]);
        if (!model) {
            err << tr("error: %1\n").arg(model.error().detail);
            err.flush();
            return 1;
        }
        printInfo(args[0], **model, out);
        return 0;
    }
    SwinModel::LoadOptions options;
    options.allowFreshHeads = true;
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--seed") && i + 1 < args.size()) {
            bool ok = false;
            options.seed = args[++i].toULongLong(&ok);
            if (!ok)
                return usage(err);
        } else if (args[i].startsWith(QLatin1String("--"))) {
            return usage(err);
        } else {
            positional << args[i];
        }
    }
    if (positional.size() != 2)
        return usage(err);
    auto model = SwinModel::load(positional[0], options);
    if (!model) {
        err << tr("error: %1\n").arg(model.error().detail);
        err.flush();
        return 1;
    }
    SwinMetadata& meta = (*model)->metadata();
    meta.provenance.insert("imported_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    meta.provenance.insert("imported_by", QStringLiteral("headshot-qa model import"));
    if (!meta.headsTrained)
        meta.provenance.insert("fresh_heads_seed", QString::number(options.seed));
    auto saved = (*model)->save(positional[1]);
    if (!saved) {
        err << tr("error: %1\n").arg(saved.error().detail);
        err.flush();
        return 1;
    }
    out << tr("imported %1 (%2) into %3; six heads %4\n")
               .arg(positional[0], meta.sourceFormat, positional[1],
                    meta.headsTrained ? tr("kept from the source") : tr("freshly initialised (train them next)"));
    out.flush();
    return 0;
#endif
}

} // namespace hqa::cli

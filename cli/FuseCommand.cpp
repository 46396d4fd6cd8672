// `headshot-qa model fuse MODEL LABELS.csv`: choose per attribute between the network, the measures and a
// blend on a labelled set, and store the choice in the model (used by --engine fused).
#include "Cli.h"

#ifdef HQA_WITH_TORCH
#include "core/eval/LabelFile.h"
#include "core/model/Fusion.h"

#include <QCoreApplication>
#include <cmath>

namespace hqa::cli {

using namespace core;

namespace {
QString tr(const char* s) { return QCoreApplication::translate("hqa::FuseCommand", s); }
QString fmt(double v) { return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', 3); }
} // namespace

int runModelFuse(const QStringList& args, QTextStream& out, QTextStream& err)
{
    int threads = 1;
    QStringList pos;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--threads" && i + 1 < args.size())
            threads = std::max(1, args[++i].toInt());
        else
            pos << args[i];
    }
    if (pos.size() != 2) {
        err << tr("usage: headshot-qa model fuse MODEL LABELS.csv [--threads N]\n"
                  "Runs the network and the measures over the labelled photos, picks per attribute the source\n"
                  "with the best balanced accuracy (swin, measures or a blend) and stores it in MODEL;\n"
                  "then use --engine fused --model MODEL.\n");
        err.flush();
        return kExitUsage;
    }
    auto labels = readLabelFile(pos[1]);
    if (!labels) {
        err << tr("model fuse: %1\n").arg(labels.error().detail);
        return kExitSomeFailed;
    }
    auto choice = fuseModel(pos[0], *labels, threads);
    if (!choice) {
        err << tr("model fuse: %1\n").arg(choice.error().detail);
        return kExitSomeFailed;
    }
    out << tr("fusion chosen on %1 photos (balanced accuracy: swin / measures / blend)\n").arg(choice->images);
    for (int a = 0; a < kAttributeCount; ++a) {
        const AttributeFusion& f = choice->attributes[size_t(a)];
        out << QStringLiteral("  %1 %2  (%3 / %4 / %5%6)\n")
                   .arg(QString::fromLatin1(kAttributeKeys[size_t(a)].data()).leftJustified(11))
                   .arg(f.source.leftJustified(8), fmt(f.swin), fmt(f.measures), fmt(f.blend),
                        f.source == "blend"
                            ? tr(", network weight %1, threshold %2").arg(f.swinWeight).arg(f.threshold, 0, 'f', 3)
                            : QString());
    }
    out << tr("stored in %1\n").arg(pos[0]);
    return kExitOk;
}

} // namespace hqa::cli
#endif

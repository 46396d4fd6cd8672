// `headshot-qa augment SRC_LABELS OUT_DIR`: variants with known labels from photos that pass.
#include "Cli.h"

#include "core/cli/EngineArgs.h"
#include "core/train/Augment.h"

#include <optional>

namespace hqa::core::cli {

int runAugment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes variants of the photos in SRC_LABELS that break exactly one attribute with a known label: framing "
        "(face pushed left or right, extreme close-up, too far, head cut off), sharpness (defocus, motion blur, "
        "heavy compression), lighting (side shadow, under- and over-exposure, colour cast), background (clutter "
        "behind the person). Only attributes the source passes are broken; attributes a variant may change as a "
        "side effect become '-'. OUT_DIR/labels.csv lists them with group = source photo."));
    parser.addPositionalArgument(QStringLiteral("SRC_LABELS"), QStringLiteral("labels.csv of the source photos"));
    parser.addPositionalArgument(QStringLiteral("OUT_DIR"),
                                 QStringLiteral("folder for the variants and their labels.csv"));
    parser.addOption({QStringLiteral("variants"),
                      QStringLiteral("Comma-separated variants to make (default all): %1.")
                          .arg(augmentVariantNames().join(QStringLiteral(", "))),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed for the random parts (default 1)."),
                      QStringLiteral("N"), QStringLiteral("1")});
    if (auto code = parseCommandLine(parser, QStringLiteral("augment"), args, out, err))
        return *code;
    if (parser.positionalArguments().size() != 2) {
        err << "headshot-qa augment: expects SRC_LABELS and OUT_DIR\n";
        return kExitUsage;
    }
    AugmentOptions options;
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        err << "headshot-qa augment: --seed expects a whole number\n";
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("variants")))
        options.variants = parser.value(QStringLiteral("variants")).split(u',', Qt::SkipEmptyParts);
    const QStringList pos = parser.positionalArguments();
    std::optional<Progress> progress; // the total is known once the labels are read
    auto report = augmentDataset(pos[0], pos[1], options, [&](int done, int total) {
        if (!progress)
            progress.emplace(err, total);
        if (done > 0)
            progress->step(QString());
        return true;
    });
    if (progress)
        progress->finish();
    if (!report) {
        err << "headshot-qa augment: " << report.error().detail << "\n";
        return report.error().code == ErrorCode::InvalidArgument ? kExitUsage : kExitSomeFailed;
    }
    out << "Wrote " << report->variants << " variants of " << report->usedSources << " of " << report->sources
        << " photos to " << pos[1] << " (labels in labels.csv)\n";
    for (const QString& s : report->skipped)
        out << "  skipped " << s << "\n";
    return kExitOk;
}

} // namespace hqa::core::cli

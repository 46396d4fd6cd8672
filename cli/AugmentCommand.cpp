// `headshot-qa augment SRC_LABELS OUT_DIR`: variants with known labels from photos that pass.
#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/train/Augment.h"

#include <optional>

namespace hqa::cli {

using namespace core;

int runAugment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("augment"),
        QStringLiteral(
            "Writes variants of the photos in SRC_LABELS that break exactly one attribute with a known label: framing "
            "(face pushed left or right, extreme close-up, too far, head cut off), sharpness (defocus, motion blur, "
            "heavy compression), lighting (side shadow, under- and over-exposure, colour cast), background (clutter "
            "behind the person). Only attributes the source passes are broken; attributes a variant may change as a "
            "side effect become '-'. OUT_DIR/labels.csv lists them with group = source photo."));
    commandLine.addPositional(QStringLiteral("SRC_LABELS"), QStringLiteral("labels.csv of the source photos"));
    commandLine.addPositional(QStringLiteral("OUT_DIR"),
                              QStringLiteral("folder for the variants and their labels.csv"));
    commandLine.addOption({QStringLiteral("variants"),
                           QStringLiteral("Comma-separated variants to make (default all): %1.")
                               .arg(augmentVariantNames().join(QStringLiteral(", "))),
                           QStringLiteral("LIST")});
    commandLine.addOption({QStringLiteral("seed"), QStringLiteral("Seed for the random parts (default 1)."),
                           QStringLiteral("N"), QStringLiteral("1")});
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    if (commandLine.positionals().size() != 2)
        return commandLine.usageError(err, QStringLiteral("expects SRC_LABELS and OUT_DIR"));
    AugmentOptions options;
    bool ok = false;
    options.seed = commandLine.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return commandLine.usageError(err, QStringLiteral("--seed expects a whole number"));
    if (commandLine.isSet(QStringLiteral("variants")))
        options.variants = commandLine.value(QStringLiteral("variants")).split(u',', Qt::SkipEmptyParts);
    const QStringList pos = commandLine.positionals();
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

} // namespace hqa::cli

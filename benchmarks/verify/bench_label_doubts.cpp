// Label verification's ranking on synthetic label sets: the time rankLabelDoubts takes with the 5 most similar
// photos asked, and (same run, same data) with the engine's confidence alone, median of repeated runs per size.
//
//   bench_label_doubts [--sizes N,N,...] [--evidence E] [--disagree F] [--repeats R]
//
// Each photo has six judged attributes with E evidence values each (default 20, about what the measures give);
// a share F of the verdicts (default 0.08) disagrees with its label. The Golden set tab runs this ranking on the GUI
// thread when a verified label changes, so its time for a project's size is what a reviewer waits for.

#include "core/Assessment.h"
#include "core/eval/LabelDoubts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace hqa::core;

namespace {

struct LabelledSet {
    std::vector<Label> labels;
    std::vector<Assessment> assessments;
};

LabelledSet synthetic(int photos, int evidence, double disagree, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<std::string> names;
    for (int e = 0; e < evidence; ++e)
        names.push_back("value_" + std::to_string(e));
    LabelledSet set;
    set.labels.resize(size_t(photos));
    set.assessments.resize(size_t(photos));
    for (int i = 0; i < photos; ++i) {
        for (Attribute a : kAllAttributes) {
            const auto k = size_t(index(a));
            const bool pass = unit(rng) < 0.8;
            set.labels[size_t(i)][k] = std::int8_t(pass ? 1 : 0);
            AttributeVerdict& v = set.assessments[size_t(i)].verdicts[k];
            for (int e = 0; e < evidence; ++e)
                v.evidence.push_back({names[size_t(e)], (pass ? 0.0 : 2.0) + noise(rng) * (1.0 + 0.1 * e)});
            const bool says = unit(rng) < disagree ? !pass : pass;
            v.decide(says ? 0.5 + 0.5 * unit(rng) : 0.5 * unit(rng), 0.5);
        }
    }
    return set;
}

double medianMs(const LabelledSet& set, int neighbours, int repeats, size_t& doubts)
{
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        doubts = rankLabelDoubts(set.labels, set.assessments, LabelDoubtOptions{neighbours}).size();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times label verification's ranking on synthetic label sets."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("Photos per set, comma-separated."), QStringLiteral("N"),
                      QStringLiteral("500,2000,8000")});
    parser.addOption({QStringLiteral("evidence"), QStringLiteral("Evidence values per attribute."), QStringLiteral("E"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("disagree"), QStringLiteral("Share of verdicts against their label."),
                      QStringLiteral("F"), QStringLiteral("0.08")});
    parser.addOption(
        {QStringLiteral("repeats"), QStringLiteral("Timed runs per size."), QStringLiteral("R"), QStringLiteral("5")});
    parser.process(app);
    const int evidence = std::max(1, parser.value(QStringLiteral("evidence")).toInt());
    const double disagree = std::clamp(parser.value(QStringLiteral("disagree")).toDouble(), 0.0, 1.0);
    const int repeats = std::max(1, parser.value(QStringLiteral("repeats")).toInt());
    std::printf("photos  doubts  with 5 similar (ms)  confidence alone (ms)  ratio\n");
    for (const QString& text : parser.value(QStringLiteral("sizes")).split(QLatin1Char(','))) {
        const int photos = text.toInt();
        if (photos < 2) {
            std::fprintf(stderr, "bench_label_doubts: size %s is not a number of photos (2 or more)\n",
                         qPrintable(text));
            return 2;
        }
        const LabelledSet set = synthetic(photos, evidence, disagree, 7);
        size_t doubts = 0, doubtsAlone = 0;
        const double similar = medianMs(set, 5, repeats, doubts);
        const double alone = medianMs(set, 0, repeats, doubtsAlone);
        if (doubts != doubtsAlone) {
            std::fprintf(stderr, "bench_label_doubts: the two rankings list different doubts\n");
            return 1;
        }
        std::printf("%6d  %6zu  %19.1f  %21.1f  %5.1f\n", photos, doubts, similar, alone, similar / alone);
    }
    return 0;
}

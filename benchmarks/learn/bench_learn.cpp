// Times training the corrections head from N reviewed photos (the evaluation set's labels stand in for a
// reviewer's golden labels), median over repeats, against the time the analysis engine takes for one photo in
// the same run. Usage: bench_learn [--photos 200] [--reps 9] [--labels eval/labels.csv]
#include "core/engine/BatchRunner.h"
#include "core/eval/LabelFile.h"
#include "core/train/CorrectionsHead.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace hqa::core;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int photos = 200, reps = 9;
    QString labels = QStringLiteral(HQA_TEST_CACHE_DIR "/eval/labels.csv");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--photos"))
            photos = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--reps"))
            reps = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--labels"))
            labels = args[i + 1];
    }
    auto set = readLabelFile(labels);
    if (!set) {
        std::fprintf(stderr, "bench_learn: %s (run scripts/fetch-test-data)\n", qPrintable(set.error().detail));
        return 1;
    }
    // Spread the picks over the whole set so many source photos (groups) take part.
    std::vector<CorrectionSample> samples;
    QStringList files;
    std::vector<const LabelRow*> rows;
    const size_t step = std::max<size_t>(1, set->rows.size() / size_t(std::max(photos, 1)));
    for (size_t i = 0; i < set->rows.size() && int(rows.size()) < photos; i += step) {
        rows.push_back(&set->rows[i]);
        files << set->rows[i].path;
    }
    auto runner = BatchRunner::create(BatchOptions{});
    if (!runner)
        return 1;
    std::vector<double> assessMs;
    (*runner)->run(files, [&](int i, const Assessment& a) {
        assessMs.push_back(a.elapsedMs);
        if (a.ok())
            samples.push_back({a, rows[size_t(i)]->label, rows[size_t(i)]->group, QString()});
    });
    std::vector<double> trainMs;
    int covered = 0;
    for (int r = 0; r < reps; ++r) {
        QElapsedTimer t;
        t.start();
        auto trained = trainCorrectionsHead(samples);
        trainMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!trained)
            return 1;
        covered = 0;
        for (Attribute a : kAllAttributes)
            covered += trained->first.covers(a);
    }
    const double head = median(trainMs), one = median(assessMs);
    std::printf("corrections head from %zu reviewed photos: median %.1f ms over %d runs (target <= 2000 ms); "
                "%d attributes covered\nreference, same run: one analysis-engine assessment median %.1f ms; "
                "training = %.2f assessments\n",
                samples.size(), head, reps, covered, one, head / one);
    return 0;
}

// Sitting groups on a folder of a few hundred photos: how long the grouping takes (features from the pixels and
// the stored face geometry, linking, ranking; median of repeated runs) and how well it separates people.
//
//   bench_sittings [--sitting DIR]... [--people DIR]... [--limit N] [--repeats R] [--threads T]
//                  [--geometry-cache FILE] [--pairs]
//
// --sitting DIR: every photo in DIR is one sitting of one person (default: the franck frames of the test cache).
// --people DIR: every photo in DIR is a different person (default: ../shared/data/portraits, 215 people).
// Face geometry is what the review window has stored from the assessment; here FaceAnalyzer finds it once, before
// the timed runs (--geometry-cache keeps it between runs). --pairs prints the similarity distributions of pairs of
// the same and of different people (what the thresholds were chosen on).

#include "core/face/FaceAnalyzer.h"
#include "core/image/ImageDecoder.h"
#include "core/select/SittingGroups.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <numeric>

using namespace hqa::core;

namespace {

QString testCache()
{
    const QByteArray env = qgetenv("HQA_TEST_CACHE");
    return env.isEmpty() ? QDir::home().filePath(QStringLiteral(".cache/headshot-qa/testdata"))
                         : QString::fromLocal8Bit(env);
}

QStringList imagesIn(const QString& dir)
{
    QStringList out;
    const QDir d(dir);
    for (const QString& name : d.entryList(QDir::Files, QDir::Name))
        if (hasImageExtension(name))
            out << d.filePath(name);
    return out;
}

std::map<QString, std::optional<FaceGeometry>> readCache(const QString& file)
{
    std::map<QString, std::optional<FaceGeometry>> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char('\t'));
        if (c.size() == 2) {
            out[c[0]] = std::nullopt;
        } else if (c.size() == 5) {
            FaceGeometry g;
            g.eyeLeft = {c[1].toDouble(), c[2].toDouble()};
            g.eyeRight = {c[3].toDouble(), c[4].toDouble()};
            g.interEyeDistance = cv::norm(g.eyeRight - g.eyeLeft);
            out[c[0]] = g;
        }
    }
    return out;
}

void writeCache(const QString& file, const QStringList& paths, const std::vector<std::optional<FaceGeometry>>& faces)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QTextStream out(&f);
    for (int i = 0; i < paths.size(); ++i) {
        const auto& g = faces[size_t(i)];
        if (g)
            out << paths[i] << '\t' << g->eyeLeft.x << '\t' << g->eyeLeft.y << '\t' << g->eyeRight.x << '\t'
                << g->eyeRight.y << '\n';
        else
            out << paths[i] << "\tnone\n";
    }
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[size_t(std::clamp(q, 0.0, 1.0) * (v.size() - 1))];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sitting-group benchmark"));
    parser.addHelpOption();
    const QCommandLineOption sittingOpt(QStringLiteral("sitting"), QStringLiteral("Folder of one sitting."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption peopleOpt(QStringLiteral("people"), QStringLiteral("Folder of different people."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), QStringLiteral("At most N photos per folder."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption repeatsOpt(QStringLiteral("repeats"), QStringLiteral("Timed runs."), QStringLiteral("R"),
                                        QStringLiteral("5"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Feature threads (0: all cores)."),
                                        QStringLiteral("T"), QStringLiteral("0"));
    const QCommandLineOption cacheOpt(QStringLiteral("geometry-cache"), QStringLiteral("Face geometry cache file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption pairsOpt(QStringLiteral("pairs"), QStringLiteral("Print pair similarity distributions."));
    const QCommandLineOption searchOpt(QStringLiteral("search"), QStringLiteral("Score every threshold combination."));
    parser.addOptions({sittingOpt, peopleOpt, limitOpt, repeatsOpt, threadsOpt, cacheOpt, pairsOpt, searchOpt});
    parser.process(app);

    QStringList sittings = parser.values(sittingOpt), people = parser.values(peopleOpt);
    if (sittings.isEmpty() && people.isEmpty()) {
        sittings << QDir(testCache()).filePath(QStringLiteral("frames"));
        people << QStringLiteral(HQA_PORTRAITS_DIR);
    }
    const int limit = parser.value(limitOpt).toInt();
    QStringList paths;
    std::vector<QString> person;
    auto take = [&](const QStringList& files) {
        if (limit <= 0 || files.size() <= limit)
            return files;
        QStringList out; // evenly spread, so a sitting keeps its range of poses
        for (int i = 0; i < limit; ++i)
            out << files[int(qint64(i) * files.size() / limit)];
        return out;
    };
    for (const QString& dir : sittings)
        for (const QString& f : take(imagesIn(dir))) {
            paths << f;
            person.push_back(QStringLiteral("sitting:") + dir);
        }
    for (const QString& dir : people)
        for (const QString& f : take(imagesIn(dir))) {
            paths << f;
            person.push_back(f);
        }
    if (paths.isEmpty()) {
        std::fprintf(stderr, "no photos found\n");
        return 1;
    }

    // Face geometry (the assessment's, in the review window): found once, outside the timed runs.
    QElapsedTimer timer;
    timer.start();
    std::vector<std::optional<FaceGeometry>> faces(size_t(paths.size()));
    const QString cacheFile = parser.value(cacheOpt);
    auto cached = cacheFile.isEmpty() ? decltype(readCache({})){} : readCache(cacheFile);
    std::vector<int> todo;
    for (int i = 0; i < paths.size(); ++i) {
        if (auto it = cached.find(paths[i]); it != cached.end())
            faces[size_t(i)] = it->second;
        else
            todo.push_back(i);
    }
    QtConcurrent::blockingMap(todo, [&](int i) { faces[size_t(i)] = faceGeometryOfFile(paths[i]); });
    if (!cacheFile.isEmpty() && !todo.empty())
        writeCache(cacheFile, paths, faces);
    const int withFace = int(std::count_if(faces.begin(), faces.end(), [](const auto& f) { return f.has_value(); }));
    std::printf("photos: %lld (%d with a face); face geometry: %.1f s (%zu found now, not timed below)\n",
                qlonglong(paths.size()), withFace, timer.elapsed() / 1000.0, todo.size());

    std::vector<SittingPhoto> photos;
    for (int i = 0; i < paths.size(); ++i) {
        SittingPhoto p;
        p.path = paths[i];
        Assessment a;
        a.file = paths[i];
        a.face = faces[size_t(i)];
        p.assessment = a;
        photos.push_back(p);
    }
    SittingOptions options;
    options.threads = parser.value(threadsOpt).toInt();
    const int repeats = std::max(1, parser.value(repeatsOpt).toInt());
    std::vector<double> total, feature, grouping;
    SittingResult result;
    for (int r = 0; r < repeats; ++r) {
        timer.restart();
        result = groupPhotoSittings(photos, options);
        total.push_back(timer.nsecsElapsed() / 1e6);
        feature.push_back(result.featuresMs);
        grouping.push_back(result.groupingMs);
        std::printf("run %d: %.0f ms (features %.0f, grouping %.1f)\n", r + 1, total.back(), result.featuresMs,
                    result.groupingMs);
    }
    const double median = quantile(total, 0.5);
    std::printf("median of %d runs: %.0f ms for %lld photos (%.2f ms per photo; features %.0f ms, grouping %.1f ms), "
                "%d threads\n",
                repeats, median, qlonglong(paths.size()), median / paths.size(), quantile(feature, 0.5),
                quantile(grouping, 0.5), options.threads > 0 ? options.threads : QThread::idealThreadCount());

    // Pairwise precision and recall against the known people.
    std::vector<int> groupOf(size_t(paths.size()), -1);
    for (size_t g = 0; g < result.groups.size(); ++g)
        for (int m : result.groups[g].members)
            groupOf[size_t(m)] = int(g);
    qint64 tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < paths.size(); ++i)
        for (int j = i + 1; j < paths.size(); ++j) {
            const bool same = person[size_t(i)] == person[size_t(j)];
            const bool grouped = groupOf[size_t(i)] == groupOf[size_t(j)];
            tp += same && grouped;
            fp += !same && grouped;
            fn += same && !grouped;
        }
    int mixed = 0;
    for (const SittingGroup& g : result.groups) {
        std::vector<QString> who;
        for (int m : g.members)
            who.push_back(person[size_t(m)]);
        std::sort(who.begin(), who.end());
        if (std::unique(who.begin(), who.end()) - who.begin() > 1) {
            ++mixed;
            std::printf("a group mixing people:");
            for (int m : g.members)
                if (!person[size_t(m)].startsWith(QStringLiteral("sitting:")))
                    std::printf(" %s", qPrintable(QFileInfo(paths[m]).fileName()));
            std::printf(" (and %lld photos of a sitting)\n",
                        qlonglong(std::count_if(g.members.begin(), g.members.end(), [&](int m) {
                            return person[size_t(m)].startsWith(QStringLiteral("sitting:"));
                        })));
        }
    }
    std::printf(
        "groups: %zu; groups mixing people: %d; pairwise precision %.4f, recall %.4f (%lld/%lld/%lld tp/fp/fn)\n",
        result.groups.size(), mixed, tp + fp > 0 ? double(tp) / (tp + fp) : 1.0,
        tp + fn > 0 ? double(tp) / (tp + fn) : 1.0, qlonglong(tp), qlonglong(fp), qlonglong(fn));
    for (const QString& dir : sittings) {
        std::map<int, int> sizes;
        for (int i = 0; i < paths.size(); ++i)
            if (person[size_t(i)] == QStringLiteral("sitting:") + dir)
                ++sizes[groupOf[size_t(i)]];
        std::printf("sitting %s: in %zu group(s):", qPrintable(QFileInfo(dir).fileName()), sizes.size());
        for (const auto& [g, n] : sizes)
            std::printf(" %d", n);
        std::printf("\n");
    }

    if (parser.isSet(searchOpt)) {
        // Every combination of the four same-sitting thresholds, scored by pairwise F1 (what the defaults were
        // chosen from); near-identical links are left out.
        const int n = int(paths.size());
        std::vector<SittingSimilarity> sims(size_t(n) * size_t(n));
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                sims[size_t(i) * n + j] = compareSittingFeatures(result.features[size_t(i)],
                                                                 result.features[size_t(j)]);
        struct Row {
            double f, s, c, k, precision, recall, f1;
            int mixed;
        };
        std::vector<Row> rows;
        for (double tf : {0.70, 0.75, 0.80, 0.84, 0.88, 0.90, 0.92})
            for (double ts : {0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90})
                for (double tc : {0.80, 0.85, 0.90, 0.93, 0.95})
                    for (double tk : {0.80, 0.85, 0.90, 0.93, 0.95}) {
                        std::vector<int> parent(static_cast<size_t>(n));
                        std::iota(parent.begin(), parent.end(), 0);
                        std::function<int(int)> find = [&](int x) {
                            return parent[size_t(x)] == x ? x : parent[size_t(x)] = find(parent[size_t(x)]);
                        };
                        for (int i = 0; i < n; ++i)
                            for (int j = i + 1; j < n; ++j) {
                                if (!result.features[size_t(i)].faceAligned || !result.features[size_t(j)].faceAligned)
                                    continue;
                                const SittingSimilarity& s = sims[size_t(i) * n + j];
                                if (s.face >= tf && s.shape >= ts && s.colour >= tc && s.skin >= tk)
                                    parent[size_t(find(i))] = find(j);
                            }
                        qint64 tp = 0, fp = 0, fn = 0;
                        for (int i = 0; i < n; ++i)
                            for (int j = i + 1; j < n; ++j) {
                                const bool same = person[size_t(i)] == person[size_t(j)], g = find(i) == find(j);
                                tp += same && g;
                                fp += !same && g;
                                fn += same && !g;
                            }
                        const double p = tp + fp ? double(tp) / (tp + fp) : 1.0,
                                     r = tp + fn ? double(tp) / (tp + fn) : 1.0;
                        rows.push_back({tf, ts, tc, tk, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, 0});
                    }
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.f1 > b.f1; });
        const size_t shown = qEnvironmentVariableIsSet("HQA_SEARCH_ALL") ? rows.size()
                                                                         : std::min<size_t>(25, rows.size());
        for (size_t k = 0; k < shown; ++k)
            std::printf("face>=%.2f shape>=%.2f colour>=%.2f skin>=%.2f: precision %.4f recall %.4f F1 %.4f\n",
                        rows[k].f, rows[k].s, rows[k].c, rows[k].k, rows[k].precision, rows[k].recall, rows[k].f1);
    }

    if (parser.isSet(pairsOpt)) {
        std::vector<double> sameFace, sameColour, diffFace, diffColour, sameBits, diffBits;
        struct Near {
            double face, colour;
            int i, j;
        };
        std::vector<Near> nearest;
        std::vector<double> bestSame(size_t(paths.size()), -2); // each sitting photo's best link to its sitting
        for (int i = 0; i < paths.size(); ++i)
            for (int j = i + 1; j < paths.size(); ++j) {
                const auto& a = result.features[size_t(i)];
                const auto& b = result.features[size_t(j)];
                if (!a.faceAligned || !b.faceAligned)
                    continue;
                const SittingSimilarity s = compareSittingFeatures(a, b);
                if (person[size_t(i)] == person[size_t(j)]) {
                    sameFace.push_back(s.face);
                    sameColour.push_back(s.colour);
                    sameBits.push_back(s.hashBits);
                    const double m = std::min(s.face - options.minFaceCorrelation,
                                              s.colour - options.minColourSimilarity);
                    bestSame[size_t(i)] = std::max(bestSame[size_t(i)], m);
                    bestSame[size_t(j)] = std::max(bestSame[size_t(j)], m);
                } else {
                    diffFace.push_back(s.face);
                    diffColour.push_back(s.colour);
                    diffBits.push_back(s.hashBits);
                    nearest.push_back({s.face, s.colour, i, j});
                }
            }
        auto row = [](const char* name, const std::vector<double>& v) {
            std::printf("%-22s n=%-6zu min %.3f  p1 %.3f  p5 %.3f  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f\n", name,
                        v.size(), quantile(v, 0), quantile(v, 0.01), quantile(v, 0.05), quantile(v, 0.5),
                        quantile(v, 0.95), quantile(v, 0.99), quantile(v, 1));
        };
        {
            std::vector<double> ss, ds, sk, dk;
            for (int i = 0; i < paths.size(); ++i)
                for (int j = i + 1; j < paths.size(); ++j) {
                    const auto s = compareSittingFeatures(result.features[size_t(i)], result.features[size_t(j)]);
                    (person[size_t(i)] == person[size_t(j)] ? ss : ds).push_back(s.shape);
                    (person[size_t(i)] == person[size_t(j)] ? sk : dk).push_back(s.skin);
                }
            row("same: shape", ss);
            row("diff: shape", ds);
            row("same: skin", sk);
            row("diff: skin", dk);
        }
        row("same: face corr", sameFace);
        row("same: colour", sameColour);
        row("same: hash bits", sameBits);
        row("diff: face corr", diffFace);
        row("diff: colour", diffColour);
        row("diff: hash bits", diffBits);
        std::vector<double> nn;
        for (size_t i = 0; i < bestSame.size(); ++i)
            if (bestSame[i] > -2)
                nn.push_back(bestSame[i]);
        row("same: best link margin", nn);
        std::sort(nearest.begin(), nearest.end(), [](const Near& a, const Near& b) {
            return std::min(a.face - 0.8, a.colour - 0.8) > std::min(b.face - 0.8, b.colour - 0.8);
        });
        for (size_t k = 0; k < std::min<size_t>(12, nearest.size()); ++k)
            std::printf("closest different people: face %.3f colour %.3f  %s  %s\n", nearest[k].face, nearest[k].colour,
                        qPrintable(QFileInfo(paths[nearest[k].i]).fileName()),
                        qPrintable(QFileInfo(paths[nearest[k].j]).fileName()));
    }
    return 0;
}

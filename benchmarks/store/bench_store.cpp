// Load benchmark of the project store: a project with 100,000 photos and 1,000,000 assessment rows; times
// opening it, filtering by a failing attribute and exporting labels (each should stay under 1 s).
//
//   bench_store [--photos N] [--assessments M] [--project FILE] [--reuse] [--runs R]
//
// Photos are inserted with SQL (hashing 100,000 real files would measure the disk, not the store); assessments,
// corrections and golden labels go through the public API.

#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

#include <time.h>

using namespace hqa::core;

namespace {

Assessment syntheticAssessment(QRandomGenerator& rng, int photo)
{
    Assessment a;
    a.engine = rng.bounded(2) ? QStringLiteral("measures") : QStringLiteral("swin");
    a.modelVersion = a.engine + QStringLiteral("-0.1.0");
    a.faceCount = 1;
    a.imageSize = cv::Size(1200, 1600);
    a.elapsedMs = 80 + rng.bounded(60);
    for (int i = 0; i < kAttributeCount; ++i) {
        AttributeVerdict& v = a.verdicts[i];
        v.judged = true;
        v.score = rng.generateDouble();
        v.threshold = 0.5;
        v.pass = v.score >= 0.5 || rng.bounded(4) != 0; // about 1 in 8 fails per attribute
        v.reason =
            QStringLiteral("face centre %1% left of the image centre (photo %2)").arg(rng.bounded(40)).arg(photo);
        v.source = a.engine;
        v.evidence = {{"raw_a", rng.generateDouble()}, {"raw_b", rng.generateDouble() * 100}};
    }
    FaceGeometry f;
    f.box = cv::Rect2d(400, 300, 380, 420);
    f.yaw = 3;
    f.interEyeDistance = 120;
    f.eyeToChin = 200;
    a.face = f;
    return a;
}

std::optional<Error> generate(const QString& path, int photos, qint64 assessments)
{
    QElapsedTimer t;
    t.start();
    {
        auto created = ProjectStore::create(path);
        if (!created)
            return created.error();
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-fill"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO photos(sha256, path, size, mtime, width, height, added_at) "
                                 "VALUES (?, ?, ?, 0, 1200, 1600, ?)"));
        for (int i = 0; i < photos; ++i) {
            q.bindValue(0, QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0')));
            q.bindValue(1,
                        QStringLiteral("/photos/shoot-%1/img_%2.jpg")
                            .arg(i / 500, 4, 10, QLatin1Char('0'))
                            .arg(i, 6, 10, QLatin1Char('0')));
            q.bindValue(2, 2'000'000 + i);
            q.bindValue(3, QDateTime::currentMSecsSinceEpoch());
            q.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-fill"));
    std::printf("photos inserted: %d in %.1f s\n", photos, t.elapsed() / 1000.0);

    auto store = ProjectStore::open(path);
    if (!store)
        return store.error();
    QRandomGenerator rng(42);
    constexpr int kBatch = 20000;
    std::vector<std::pair<PhotoId, Assessment>> batch;
    for (qint64 i = 0; i < assessments; ++i) {
        const int photo = static_cast<int>(i % photos);
        batch.emplace_back(photo + 1, syntheticAssessment(rng, photo));
        if (batch.size() == kBatch || i + 1 == assessments) {
            auto r = (*store)->addAssessments(batch);
            if (!r)
                return r.error();
            batch.clear();
        }
    }
    std::printf("assessments added: %lld in %.1f s\n", static_cast<long long>(assessments), t.elapsed() / 1000.0);
    for (int i = 0; i < 1000; ++i) {
        auto r = (*store)->correct(1 + rng.bounded(photos), static_cast<Attribute>(rng.bounded(kAttributeCount)),
                                   static_cast<int>(rng.bounded(2)), QStringLiteral("bench"));
        if (!r)
            return r.error();
    }
    for (int i = 0; i < 2000; ++i) {
        Label l{};
        for (auto& v : l)
            v = static_cast<std::int8_t>(rng.bounded(2));
        if (auto e = (*store)->setGoldenLabel(1 + i * (photos / 2000), l, QStringLiteral("bench")))
            return e;
    }
    std::printf("generated in %.1f s, file %.0f MB\n", t.elapsed() / 1000.0, QFileInfo(path).size() / 1e6);
    return std::nullopt;
}

struct Timing {
    QString name;
    std::vector<double> ms;
    std::vector<double> cpuMs;
};

/// Process CPU time: on the shared 2-core build machine the wall time also counts waiting for a core.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// Wall and CPU stopwatch for one measured operation.
class Stopwatch {
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_wall.restart();
        m_cpu = cpuMs();
    }
    void record(Timing& t) const
    {
        t.ms.push_back(m_wall.nsecsElapsed() / 1e6);
        t.cpuMs.push_back(cpuMs() - m_cpu);
    }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Project store load benchmark."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("photos"), QStringLiteral("Photos (default 100000)."), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("assessments"), QStringLiteral("Assessment rows (default 1000000)."),
                      QStringLiteral("M"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (default: a temporary one)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("reuse"), QStringLiteral("Reuse --project if it exists instead of generating.")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs per operation (default 5)."),
                      QStringLiteral("R"), QStringLiteral("5")});
    parser.process(app);
    const int photos = parser.value(QStringLiteral("photos")).toInt();
    const qint64 assessments = parser.value(QStringLiteral("assessments")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QTemporaryDir tmp;
    const QString path = parser.isSet(QStringLiteral("project")) ? parser.value(QStringLiteral("project"))
                                                                 : tmp.filePath(QStringLiteral("bench.hqa"));
    if (!(parser.isSet(QStringLiteral("reuse")) && QFileInfo::exists(path))) {
        QFile::remove(path);
        if (auto e = generate(path, photos, assessments)) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(e->detail));
            return 1;
        }
    }

    std::vector<Timing> timings;
    for (const char* name : {"open", "open + summary", "filter failing framing", "filter failing, worst of 6",
                             "export labels (all)", "export labels (golden)", "  of which labelSet(all)"})
        timings.push_back(Timing{QString::fromUtf8(name), {}, {}});
    size_t failingFraming = 0, exported = 0;
    const QString csvDir = tmp.path();
    for (int r = 0; r < runs; ++r) {
        Stopwatch t;
        auto store = ProjectStore::open(path);
        if (!store) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(store.error().detail));
            return 1;
        }
        t.record(timings[0]);
        auto summary = (*store)->summary();
        t.record(timings[1]);
        if (r == 0)
            std::printf("project: %d photos, %lld assessments, %d corrections, %d golden\n", summary->photos,
                        static_cast<long long>(summary->assessments), summary->corrections, summary->golden);

        t.restart();
        failingFraming = (*store)->photosFailing(Attribute::Framing)->size();
        t.record(timings[2]);
        Timing worst;
        for (Attribute a : kAllAttributes) {
            t.restart();
            (*store)->photosFailing(a);
            t.record(worst);
        }
        timings[3].ms.push_back(*std::max_element(worst.ms.begin(), worst.ms.end()));
        timings[3].cpuMs.push_back(*std::max_element(worst.cpuMs.begin(), worst.cpuMs.end()));

        for (auto [index, source] : {std::pair{4, LabelSource::All}, std::pair{5, LabelSource::Golden}}) {
            t.restart();
            auto set = (*store)->labelSet(source, csvDir);
            if (source == LabelSource::All)
                t.record(timings[6]);
            if (!set || writeLabelFile(QDir(csvDir).filePath(QStringLiteral("labels.csv")), *set)) {
                std::fprintf(stderr, "bench_store: export failed\n");
                return 1;
            }
            t.record(timings[static_cast<size_t>(index)]);
            if (source == LabelSource::All)
                exported = set->rows.size();
        }
    }
    std::printf("failing framing: %zu photos; labels exported (all): %zu rows\n", failingFraming, exported);
    std::printf("%-30s %10s %10s %12s %10s\n", "operation", "median ms", "max ms", "median cpu", "max cpu");
    // The goal is judged on the median wall time; the max and CPU columns show how much was contention.
    bool underOneSecond = true;
    for (const Timing& t : timings) {
        underOneSecond = underOneSecond && median(t.ms) < 1000.0;
        std::printf("%-30s %10.1f %10.1f %12.1f %10.1f\n", qPrintable(t.name), median(t.ms),
                    *std::max_element(t.ms.begin(), t.ms.end()), median(t.cpuMs),
                    *std::max_element(t.cpuMs.begin(), t.cpuMs.end()));
    }
    std::printf("load average at the end: ");
    if (QFile f(QStringLiteral("/proc/loadavg")); f.open(QIODevice::ReadOnly))
        std::printf("%s", f.readAll().constData());
    std::printf("%s\n", underOneSecond ? "all under 1 s (median)" : "SOME OPERATION TOOK 1 s OR MORE (median)");
    return underOneSecond ? 0 : 1;
}

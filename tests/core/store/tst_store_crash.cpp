// Crash safety with a real process kill: a child process writes corrections (and batches of assessments) in a
// loop, printing each id only after its transaction committed; the parent kills it with SIGKILL at random
// moments, then checks that the project opens, passes PRAGMA integrity_check and holds every reported row.
//
// Kill count: HQA_CRASH_KILLS (default 60) or the first argument, e.g. `tst_store_crash 1000`.
// Seed: HQA_CRASH_SEED (default: random, printed so a failure can be replayed).

#include "core/store/ProjectStore.h"

#include "StoreTestUtil.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include <sys/types.h>

using namespace hqa::core;

namespace {

/// The writer: never returns on its own, it is meant to be killed.
int childMain(const QString& project)
{
    auto store = ProjectStore::open(project, {ProjectStore::Access::ReadWrite, 20000});
    if (!store) {
        std::printf("E open: %s\n", qPrintable(store.error().detail));
        return 3;
    }
    auto photos = (*store)->photos();
    if (!photos || photos->empty()) {
        std::printf("E no photos\n");
        return 3;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("R\n"); // ready: the parent starts the kill timer now
    std::fflush(stdout);
    auto* rng = QRandomGenerator::global();
    for (quint64 i = 0;; ++i) {
        // A reviewer's writes come apart in time; without a gap this loop would hold SQLite's write lock almost
        // continuously and starve the parent's concurrent writer on a loaded machine (busy timeout 5 s).
        if (i > 0)
            QThread::usleep(2000);
        const PhotoRecord& p = (*photos)[rng->bounded(static_cast<quint32>(photos->size()))];
        const int attr = static_cast<int>(rng->bounded(kAttributeCount));
        const int value = static_cast<int>(rng->bounded(2));
        if (i % 40 == 39) {
            // A multi-row transaction: either all 25 rows are there after the kill or none is.
            std::vector<std::pair<PhotoId, Assessment>> batch;
            for (int k = 0; k < 25; ++k)
                batch.emplace_back(p.id, hqa::test::makeAssessment(QStringLiteral("1101-1")));
            auto ids = (*store)->addAssessments(batch);
            if (!ids) {
                std::printf("E batch: %s\n", qPrintable(ids.error().detail));
                return 3;
            }
            std::printf("A %lld %lld\n", static_cast<long long>(ids->front()), static_cast<long long>(ids->back()));
            std::fflush(stdout);
            continue;
        }
        if (i % 17 == 16) {
            auto u = (*store)->undo(QStringLiteral("crash-child"));
            if (!u) {
                std::printf("E undo: %s\n", qPrintable(u.error().detail));
                return 3;
            }
            if (u->has_value())
                std::printf("C %lld %lld %d %d\n", static_cast<long long>((*u)->id), static_cast<long long>((*u)->photoId),
                            index((*u)->attribute), (*u)->newValue);
            std::fflush(stdout);
            continue;
        }
        auto id = (*store)->correct(p.id, static_cast<Attribute>(attr), value, QStringLiteral("crash-child"));
        if (!id) {
            std::printf("E correct: %s\n", qPrintable(id.error().detail));
            return 3;
        }
        std::printf("C %lld %lld %d %d\n", static_cast<long long>(*id), static_cast<long long>(p.id), attr, value);
        std::fflush(stdout);
    }
}

struct Reported {
    PhotoId photo;
    int attribute;
    int value;
};

} // namespace

class TestStoreCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedWriterNeverLosesCommittedRows();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestStoreCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("crash.hqa"));
    auto s = ProjectStore::create(m_project);
    QVERIFY(s.ok());
    for (int i = 0; i < 8; ++i) {
        auto p = (*s)->addPhoto(hqa::test::writeImage(m_dir.filePath(QStringLiteral("p%1.png").arg(i)), 500 + i));
        QVERIFY(p.ok());
        QVERIFY((*s)->addAssessment(p->id, hqa::test::makeAssessment(QStringLiteral("111111"))).ok());
    }
}

void TestStoreCrash::killedWriterNeverLosesCommittedRows()
{
    const int kills = qEnvironmentVariableIsSet("HQA_CRASH_KILLS") ? qEnvironmentVariableIntValue("HQA_CRASH_KILLS") : 60;
    const quint32 seed = qEnvironmentVariableIsSet("HQA_CRASH_SEED")
        ? static_cast<quint32>(qEnvironmentVariableIntValue("HQA_CRASH_SEED")) : QRandomGenerator::system()->generate();
    qInfo("kills: %d, seed: %u (HQA_CRASH_SEED replays the kill timing)", kills, seed);
    QRandomGenerator rng(seed);

    std::map<qint64, Reported> reported; // correction id -> what the child said it committed
    std::vector<std::pair<qint64, qint64>> batches;
    int survived = 0, killedMidWrite = 0, parentWrites = 0;
    for (int k = 0; k < kills; ++k) {
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), m_project});
        QVERIFY2(child.waitForStarted(10000), "child did not start");
        // Most kills land while the child writes; every fifth lands early, during process start, open, WAL
        // recovery or the first transactions.
        QByteArray output;
        const bool early = k % 5 == 0;
        if (!early) {
            QElapsedTimer ready;
            ready.start();
            while (!output.contains("R\n") && ready.elapsed() < 20000 && child.state() == QProcess::Running)
                if (child.waitForReadyRead(100))
                    output += child.readAllStandardOutput();
            QVERIFY2(output.contains("R\n"), "child never became ready");
        }
        if (!early && k % 3 == 1) {
            // A second process writing alongside: this one waits for the child's transactions (busy timeout)
            // and its own correction must survive the child's death like the child's do.
            auto mine = ProjectStore::open(m_project);
            QVERIFY2(mine.ok(), qPrintable(mine.ok() ? QString() : mine.error().detail));
            const PhotoId photo = (*mine)->photos()->front().id;
            const int value = static_cast<int>(rng.bounded(2));
            auto id = (*mine)->correct(photo, Attribute::Background, value, QStringLiteral("parent"));
            QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().detail));
            reported[*id] = {photo, index(Attribute::Background), value};
            ++parentWrites;
        }
        const int lifeMs = static_cast<int>(rng.bounded(early ? 400 : 300)) + 1;
        QElapsedTimer alive;
        alive.start();
        while (alive.elapsed() < lifeMs && child.state() == QProcess::Running)
            if (child.waitForReadyRead(std::max<int>(1, lifeMs - static_cast<int>(alive.elapsed()))))
                output += child.readAllStandardOutput();
        const qint64 pid = child.processId();
        if (child.state() == QProcess::Running)
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        output += child.readAllStandardOutput();
        QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("child exited by itself: ") + QString::fromUtf8(output.right(300))));
        if (!output.endsWith('\n') && !output.isEmpty())
            ++killedMidWrite;
        for (const QByteArray& line : output.split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (line.startsWith("E "))
                QFAIL(line.constData());
            if (f.size() == 5 && f[0] == "C")
                reported[f[1].toLongLong()] = {f[2].toLongLong(), f[3].toInt(), f[4].toInt()};
            else if (f.size() == 3 && f[0] == "A")
                batches.emplace_back(f[1].toLongLong(), f[2].toLongLong());
        }

        // After every kill: the file opens, is sound, and holds everything the child reported.
        auto store = ProjectStore::open(m_project);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
        QCOMPARE((*store)->integrityCheck().value(), QStringLiteral("ok"));
        auto rows = (*store)->corrections();
        QVERIFY(rows.ok());
        std::map<qint64, Correction> byId;
        for (const auto& c : *rows)
            byId[c.id] = c;
        for (const auto& [id, r] : reported) {
            auto it = byId.find(id);
            QVERIFY2(it != byId.end(), qPrintable(QStringLiteral("kill %1: committed correction %2 lost").arg(k).arg(id)));
            QCOMPARE(it->second.photoId, r.photo);
            QCOMPARE(index(it->second.attribute), r.attribute);
            QCOMPARE(it->second.newValue, r.value);
        }
        // Batches are all-or-nothing; reported ones are whole.
        // (Results are held in locals: a range-for over a temporary's value() would dangle.)
        const std::vector<PhotoRecord> photos = (*store)->photos().value();
        std::set<qint64> assessmentIds;
        for (const auto& p : photos) {
            const auto stored = (*store)->assessments(p.id).value();
            for (const auto& a : stored)
                assessmentIds.insert(a.id);
        }
        for (const auto& [first, last] : batches)
            for (qint64 id = first; id <= last; ++id)
                QVERIFY2(assessmentIds.count(id), qPrintable(QStringLiteral("kill %1: assessment %2 lost").arg(k).arg(id)));
        // The denormalised effective label always matches a replay of the history.
        for (const auto& p : photos) {
            Label expected = kUnknownLabel;
            const auto latest = (*store)->latestAssessment(p.id).value();
            if (latest)
                for (int i = 0; i < kAttributeCount; ++i)
                    if (latest->assessment.verdicts[i].judged)
                        expected[i] = latest->assessment.verdicts[i].pass ? 1 : 0;
            const auto history = (*store)->corrections(p.id).value();
            for (const auto& c : history)
                expected[index(c.attribute)] = static_cast<std::int8_t>(c.newValue);
            QCOMPARE(labelToString(p.label), labelToString(expected));
        }
        ++survived;
    }
    qInfo("survived %d of %d SIGKILLs; %zu committed corrections (%d written by this process while the child wrote) "
          "and %zu committed batches verified after every kill (%d kills cut a report line short)",
          survived, kills, reported.size(), parentWrites, batches.size(), killedMidWrite);
    QCOMPARE(survived, kills);
    QVERIFY2(reported.size() > static_cast<size_t>(kills) / 4, "the child committed too little to prove anything");
}

int main(int argc, char** argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return childMain(QString::fromLocal8Bit(argv[2]));
    }
    // `tst_store_crash 1000` runs a longer campaign.
    std::vector<char*> args(argv, argv + argc);
    if (argc >= 2 && std::strspn(argv[1], "0123456789") == std::strlen(argv[1]) && *argv[1]) {
        qputenv("HQA_CRASH_KILLS", argv[1]);
        args.erase(args.begin() + 1);
    }
    int n = static_cast<int>(args.size());
    QCoreApplication app(n, args.data());
    TestStoreCrash test;
    return QTest::qExec(&test, n, args.data());
}

#include "tst_store_crash.moc"

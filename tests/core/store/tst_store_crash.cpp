// Crash safety with a real process kill: a child process writes corrections (and batches of assessments) in a
// loop, reporting each id only after its transaction committed; the parent kills it with SIGKILL at random
// moments, then checks that the project opens, passes PRAGMA integrity_check and holds every reported row.
//
// Kill count: HQA_CRASH_KILLS (default 60) or the first argument. The long campaign is
//     nice -n 10 build/tests/core/store/tst_store_crash 1000
// which raises QtTest's per-function watchdog to 1.5 s per kill (25 min for 1000; at least QtTest's 300 s), so
// the watchdog itself asserts the campaign's speed; QTEST_FUNCTION_TIMEOUT (ms) set by the caller wins.
// Seed: HQA_CRASH_SEED (default: random, printed so a failure can be replayed). HQA_CRASH_TAMPER_AT=k deletes one
// already verified correction after kill k, to see the check fail (a check of this test, not of the store).
//
// What keeps 1000 kills cheap (each kill costs about the same, not more than the one before):
// - The writer is a fork() of this process, not an exec: starting this binary loads LibTorch and ~290 libraries
//   (1.3-4 s per start on a loaded 2-core machine), which was most of a kill's cost. The child opens its own
//   connection after the fork; the parent holds none across it (SQLite's rule for fork).
// - Each committed row is checked in full once, after the first kill that finds it; after every later kill the
//   rows seen before are proven unchanged by one aggregate query (count and a per-row hash summed in SQLite)
//   instead of being read back, parsed and compared row by row. The effective labels are replayed from a running
//   per-photo state. Only the last kill re-reads everything through the store API, as the old check did each time.
// - Failure messages are built only when a check fails.

#include "core/store/ProjectStore.h"

#include "StoreTestUtil.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hqa::core;

namespace {

/// Writes one whole line to the pipe (the parent reads lines; a kill may still cut one short).
void say(int fd, const char* format, ...)
{
    char line[256];
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    for (int done = 0; done < n;) {
        const ssize_t w = ::write(fd, line + done, static_cast<size_t>(n - done));
        if (w <= 0)
            return;
        done += static_cast<int>(w);
    }
}

/// The writer, in the forked child: never returns on its own, it is meant to be killed.
int childMain(const QString& project, int out, quint32 seed)
{
    auto store = ProjectStore::open(project, {ProjectStore::Access::ReadWrite, 20000});
    if (!store) {
        say(out, "E open: %s\n", qPrintable(store.error().detail));
        return 3;
    }
    auto photos = (*store)->photos();
    if (!photos || photos->empty()) {
        say(out, "E no photos\n");
        return 3;
    }
    say(out, "R\n"); // ready: the parent starts the kill timer now
    QRandomGenerator rng(seed);
    for (quint64 i = 0;; ++i) {
        // A reviewer's writes come apart in time; without a gap this loop would hold SQLite's write lock almost
        // continuously and starve the parent's concurrent writer on a loaded machine (busy timeout 5 s).
        if (i > 0)
            QThread::usleep(2000);
        const PhotoRecord& p = (*photos)[rng.bounded(static_cast<quint32>(photos->size()))];
        const int attr = static_cast<int>(rng.bounded(kAttributeCount));
        const int value = static_cast<int>(rng.bounded(2));
        if (i % 10 == 9) {
            // A multi-row transaction: either all 25 rows are there after the kill or none is. Every tenth write,
            // so that a child's short life (at most 300 ms) holds one or two and kills land inside them.
            std::vector<std::pair<PhotoId, Assessment>> batch;
            for (int k = 0; k < 25; ++k)
                batch.emplace_back(p.id, hqa::test::makeAssessment(QStringLiteral("1101-1")));
            auto ids = (*store)->addAssessments(batch);
            if (!ids) {
                say(out, "E batch: %s\n", qPrintable(ids.error().detail));
                return 3;
            }
            say(out, "A %lld %lld\n", static_cast<long long>(ids->front()), static_cast<long long>(ids->back()));
            continue;
        }
        if (i % 17 == 16) {
            auto u = (*store)->undo(QStringLiteral("crash-child"));
            if (!u) {
                say(out, "E undo: %s\n", qPrintable(u.error().detail));
                return 3;
            }
            if (u->has_value() && (*u)->correction) {
                const Correction& c = *(*u)->correction;
                say(out, "C %lld %lld %d %d\n", static_cast<long long>(c.id), static_cast<long long>(c.photoId),
                    index(c.attribute), c.newValue);
            }
            continue;
        }
        auto id = (*store)->correct(p.id, static_cast<Attribute>(attr), value, QStringLiteral("crash-child"));
        if (!id) {
            say(out, "E correct: %s\n", qPrintable(id.error().detail));
            return 3;
        }
        say(out, "C %lld %lld %d %d\n", static_cast<long long>(*id), static_cast<long long>(p.id), attr, value);
    }
}

struct Writer {
    pid_t pid = -1;
    int fd = -1; ///< read end of the child's report pipe
};

Writer forkWriter(const QString& project, quint32 seed)
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0)
        return {};
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[0]);
        ::_exit(childMain(project, p[1], seed)); // _exit: no atexit handlers or Qt teardown of the parent's state
    }
    ::close(p[1]);
    if (pid < 0) {
        ::close(p[0]);
        return {};
    }
    return {pid, p[0]};
}

/// Reads what is there within timeoutMs; false at end of file (the child is gone).
bool readSome(int fd, QByteArray& into, int timeoutMs)
{
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, std::max(0, timeoutMs)) <= 0)
        return true;
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0)
        into.append(buf, n);
    return n > 0 || (n < 0 && errno == EINTR);
}

struct Reported {
    PhotoId photo;
    int attribute;
    int value;
};

/// Row count and the sum of a per-row hash over a prefix of a table's ids. Computed by SQLite over the rows with
/// id <= watermark after every kill, and by the parent from the rows as it first read them: a row that vanished,
/// changed or appeared below the watermark changes one of the two.
struct Digest {
    qint64 rows = 0;
    qint64 hashSum = 0;
    bool operator==(const Digest&) const = default;
};

// Per-row hashes, reduced mod 2^31 - 1 so that the sum of a million rows cannot overflow SQLite's integers.
const char* const kCorrectionHash =
    "((id * 1000003 + photo_id * 8191 + unicode(attribute) * 131 + length(attribute) * 31 + (old_value + 2) * 7 "
    "+ (new_value + 2) + length(kind) * 3 + coalesce(reverts_id, 0) * 17) % 2147483647)";
const char* const kAssessmentHash =
    "((id * 1000003 + photo_id * 8191 + fail_mask * 131 + length(label) * 31 + unicode(label) * 7 "
    "+ length(details)) % 2147483647)";

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
    const int kills = qEnvironmentVariableIsSet("HQA_CRASH_KILLS") ? qEnvironmentVariableIntValue("HQA_CRASH_KILLS")
                                                                   : 60;
    const quint32 seed = qEnvironmentVariableIsSet("HQA_CRASH_SEED")
        ? static_cast<quint32>(qEnvironmentVariableIntValue("HQA_CRASH_SEED"))
        : QRandomGenerator::system()->generate();
    qInfo("kills: %d, seed: %u (HQA_CRASH_SEED replays the kill timing)", kills, seed);
    QRandomGenerator rng(seed);
    const int tamperAt = qEnvironmentVariableIsSet("HQA_CRASH_TAMPER_AT")
        ? qEnvironmentVariableIntValue("HQA_CRASH_TAMPER_AT")
        : -1;
    QElapsedTimer campaign;
    campaign.start();

    std::map<qint64, Reported> reported; // every correction id the child or the parent said was committed
    std::unordered_map<qint64, Reported> unchecked; // those not yet found in the file
    std::vector<std::pair<qint64, qint64>> batches, uncheckedBatches;
    // What the file held at the previous check, as first read: watermarks, digests and the replayed labels.
    qint64 correctionsSeen = 0, assessmentsSeen = 0;
    Digest corrections, assessments;
    std::map<PhotoId, Label> corrected; // per photo: the last correction's value per attribute (-2: none)
    int survived = 0, killedMidWrite = 0, parentWrites = 0;
    for (int k = 0; k < kills; ++k) {
        Writer child = forkWriter(m_project, rng.generate());
        QVERIFY2(child.pid > 0, "cannot fork the writer");
        // Most kills land while the child writes; every fifth lands early, during open, WAL recovery or the first
        // transactions.
        QByteArray output;
        bool open = true;
        const bool early = k % 5 == 0;
        if (!early) {
            QElapsedTimer ready;
            ready.start();
            while (open && !output.contains("R\n") && ready.elapsed() < 20000)
                open = readSome(child.fd, output, 100);
            if (!output.contains("R\n")) {
                ::kill(child.pid, SIGKILL);
                ::waitpid(child.pid, nullptr, 0);
                QFAIL(qPrintable(QStringLiteral("kill %1: the child never became ready: ").arg(k)
                                 + QString::fromUtf8(output.right(300))));
            }
        }
        if (!early && k % 3 == 1) {
            // A second process writing alongside: this one waits for the child's transactions (busy timeout)
            // and its own correction must survive the child's death like the child's do.
            auto mine = ProjectStore::open(m_project);
            if (!mine)
                QFAIL(qPrintable(mine.error().detail));
            const PhotoId photo = (*mine)->photos()->front().id;
            const int value = static_cast<int>(rng.bounded(2));
            auto id = (*mine)->correct(photo, Attribute::Background, value, QStringLiteral("parent"));
            if (!id)
                QFAIL(qPrintable(id.error().detail));
            reported[*id] = unchecked[*id] = {photo, index(Attribute::Background), value};
            ++parentWrites;
        }
        const int lifeMs = static_cast<int>(rng.bounded(early ? 400 : 300)) + 1;
        QElapsedTimer alive;
        alive.start();
        while (open && alive.elapsed() < lifeMs)
            open = readSome(child.fd, output, lifeMs - static_cast<int>(alive.elapsed()));
        ::kill(child.pid, SIGKILL); // a child that already ended is a zombie until waited for: this is harmless
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        while (readSome(child.fd, output, 1000)) { }
        ::close(child.fd);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            QFAIL(qPrintable(QStringLiteral("kill %1: the child exited by itself: ").arg(k)
                             + QString::fromUtf8(output.right(300))));
        if (!output.endsWith('\n') && !output.isEmpty())
            ++killedMidWrite;
        for (const QByteArray& line : output.split('\n')) {
            if (line.startsWith("E "))
                QFAIL(line.constData());
            const QList<QByteArray> f = line.split(' ');
            if (f.size() == 5 && f[0] == "C") {
                const qint64 id = f[1].toLongLong();
                reported[id] = unchecked[id] = {f[2].toLongLong(), f[3].toInt(), f[4].toInt()};
            } else if (f.size() == 3 && f[0] == "A") {
                batches.emplace_back(f[1].toLongLong(), f[2].toLongLong());
                uncheckedBatches.push_back(batches.back());
            }
        }

        // After every kill: the file opens through the store and is sound ...
        auto store = ProjectStore::open(m_project);
        if (!store)
            QFAIL(qPrintable(QStringLiteral("kill %1: %2").arg(k).arg(store.error().detail)));
        const auto integrity = (*store)->integrityCheck();
        if (!integrity || *integrity != QLatin1String("ok"))
            QFAIL(qPrintable(QStringLiteral("kill %1: integrity_check: %2")
                                 .arg(k)
                                 .arg(integrity ? *integrity : integrity.error().detail)));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crash-verify"));
            db.setDatabaseName(m_project);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.setForwardOnly(true);
            const auto prefix = [&](const char* table, const char* hash, qint64 seen) {
                q.prepare(QStringLiteral("SELECT count(*), coalesce(sum(%1), 0) FROM %2 WHERE id <= ?")
                              .arg(QLatin1String(hash), QLatin1String(table)));
                q.addBindValue(seen);
                Digest d{-1, -1};
                if (q.exec() && q.next())
                    d = {q.value(0).toLongLong(), q.value(1).toLongLong()};
                q.finish();
                return d;
            };
            // ... every row found by an earlier check is still there, unchanged ...
            if (k == tamperAt && correctionsSeen > 0) {
                // Self-check of this test (HQA_CRASH_TAMPER_AT=k): lose one row an earlier kill verified; the
                // check below must fail at this kill.
                q.prepare(QStringLiteral("DELETE FROM corrections WHERE id = (SELECT max(id) FROM corrections "
                                         "WHERE id <= ?)"));
                q.addBindValue(correctionsSeen / 2);
                QVERIFY(q.exec());
                q.finish();
                qInfo("kill %d: deleted one correction at or below id %lld (HQA_CRASH_TAMPER_AT)", k,
                      static_cast<long long>(correctionsSeen / 2));
            }
            const Digest oldCorrections = prefix("corrections", kCorrectionHash, correctionsSeen);
            if (!(oldCorrections == corrections))
                QFAIL(qPrintable(QStringLiteral("kill %1: the corrections up to id %2 changed: %3 rows (hash %4), "
                                                "%5 (hash %6) before")
                                     .arg(k)
                                     .arg(correctionsSeen)
                                     .arg(oldCorrections.rows)
                                     .arg(oldCorrections.hashSum)
                                     .arg(corrections.rows)
                                     .arg(corrections.hashSum)));
            const Digest oldAssessments = prefix("assessments", kAssessmentHash, assessmentsSeen);
            if (!(oldAssessments == assessments))
                QFAIL(qPrintable(QStringLiteral("kill %1: the assessments up to id %2 changed: %3 rows (hash %4), "
                                                "%5 (hash %6) before")
                                     .arg(k)
                                     .arg(assessmentsSeen)
                                     .arg(oldAssessments.rows)
                                     .arg(oldAssessments.hashSum)
                                     .arg(assessments.rows)
                                     .arg(assessments.hashSum)));
            // ... and the rows new since then hold everything reported since then, as reported.
            q.prepare(QStringLiteral("SELECT id, photo_id, attribute, new_value, %1 FROM corrections WHERE id > ? "
                                     "ORDER BY id")
                          .arg(QLatin1String(kCorrectionHash)));
            q.addBindValue(correctionsSeen);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                const PhotoId photo = q.value(1).toLongLong();
                const auto attribute = attributeFromKey(q.value(2).toString().toStdString());
                const int value = q.value(3).toInt();
                if (!attribute)
                    QFAIL(qPrintable(QStringLiteral("kill %1: correction %2 names no attribute").arg(k).arg(id)));
                corrections.rows += 1;
                corrections.hashSum += q.value(4).toLongLong();
                correctionsSeen = id;
                auto [it, added] = corrected.try_emplace(photo);
                if (added)
                    it->second.fill(-2);
                it->second[index(*attribute)] = static_cast<std::int8_t>(value);
                if (auto r = unchecked.find(id); r != unchecked.end()) {
                    if (r->second.photo != photo || r->second.attribute != index(*attribute)
                        || r->second.value != value)
                        QFAIL(qPrintable(QStringLiteral("kill %1: correction %2 is photo %3 attribute %4 value %5, "
                                                        "reported as photo %6 attribute %7 value %8")
                                             .arg(k)
                                             .arg(id)
                                             .arg(photo)
                                             .arg(index(*attribute))
                                             .arg(value)
                                             .arg(r->second.photo)
                                             .arg(r->second.attribute)
                                             .arg(r->second.value)));
                    unchecked.erase(r);
                }
            }
            q.finish();
            if (!unchecked.empty())
                QFAIL(qPrintable(
                    QStringLiteral("kill %1: committed correction %2 lost").arg(k).arg(unchecked.begin()->first)));
            // Batches are all-or-nothing; reported ones are whole.
            std::unordered_set<qint64> newAssessments;
            q.prepare(QStringLiteral("SELECT id, %1 FROM assessments WHERE id > ? ORDER BY id")
                          .arg(QLatin1String(kAssessmentHash)));
            q.addBindValue(assessmentsSeen);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            while (q.next()) {
                assessmentsSeen = q.value(0).toLongLong();
                newAssessments.insert(assessmentsSeen);
                assessments.rows += 1;
                assessments.hashSum += q.value(1).toLongLong();
            }
            q.finish();
            for (const auto& [first, last] : uncheckedBatches)
                for (qint64 id = first; id <= last; ++id)
                    if (!newAssessments.count(id))
                        QFAIL(qPrintable(QStringLiteral("kill %1: assessment %2 lost").arg(k).arg(id)));
            uncheckedBatches.clear();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("crash-verify")); // no connection may cross the next fork
        // The denormalised effective label always matches a replay of the history.
        const auto photos = (*store)->photos();
        QVERIFY(photos.ok());
        for (const auto& p : *photos) {
            Label expected = kUnknownLabel;
            const auto latest = (*store)->latestAssessment(p.id);
            QVERIFY(latest.ok());
            if (*latest)
                for (int i = 0; i < kAttributeCount; ++i)
                    if ((*latest)->assessment.verdicts[i].judged)
                        expected[i] = (*latest)->assessment.verdicts[i].pass ? 1 : 0;
            if (auto c = corrected.find(p.id); c != corrected.end())
                for (int i = 0; i < kAttributeCount; ++i)
                    if (c->second[i] != -2)
                        expected[i] = c->second[i];
            if (p.label != expected)
                QFAIL(qPrintable(QStringLiteral("kill %1: photo %2 has the effective label %3, its history says %4")
                                     .arg(k)
                                     .arg(p.id)
                                     .arg(labelToString(p.label), labelToString(expected))));
        }
        ++survived;
    }

    // Once, at the end: everything reported, read back through the store API and compared row by row.
    {
        auto store = ProjectStore::open(m_project);
        QVERIFY(store.ok());
        const std::vector<Correction> rows = (*store)->corrections().value();
        std::unordered_map<qint64, const Correction*> byId;
        for (const auto& c : rows)
            byId[c.id] = &c;
        for (const auto& [id, r] : reported) {
            auto it = byId.find(id);
            if (it == byId.end() || it->second->photoId != r.photo || index(it->second->attribute) != r.attribute
                || it->second->newValue != r.value)
                QFAIL(qPrintable(QStringLiteral("committed correction %1 lost or changed").arg(id)));
        }
        // (Results are held in locals: a range-for over a temporary's value() would dangle.)
        std::set<qint64> assessmentIds;
        const std::vector<PhotoRecord> photos = (*store)->photos().value();
        for (const auto& p : photos) {
            const std::vector<StoredAssessment> stored = (*store)->assessments(p.id).value();
            for (const auto& a : stored)
                assessmentIds.insert(a.id);
        }
        for (const auto& [first, last] : batches)
            for (qint64 id = first; id <= last; ++id)
                if (!assessmentIds.count(id))
                    QFAIL(qPrintable(QStringLiteral("committed assessment %1 lost").arg(id)));
        QCOMPARE(static_cast<qint64>(rows.size()), corrections.rows);
    }
    qInfo("survived %d of %d SIGKILLs in %.1f s; %zu reported corrections (%d written by this process while the "
          "child wrote) and %zu reported batches of 25 assessments verified; %lld corrections and %lld assessments "
          "in the file, each checked when first found and proven unchanged after every later kill (%d kills cut a "
          "report line short)",
          survived, kills, campaign.elapsed() / 1000.0, reported.size(), parentWrites, batches.size(),
          static_cast<long long>(corrections.rows), static_cast<long long>(assessments.rows), killedMidWrite);
    QCOMPARE(survived, kills);
    QVERIFY2(reported.size() > static_cast<size_t>(kills) / 4, "the child committed too little to prove anything");
}

int main(int argc, char** argv)
{
    // `tst_store_crash 1000` runs a longer campaign.
    std::vector<char*> args(argv, argv + argc);
    if (argc >= 2 && std::strspn(argv[1], "0123456789") == std::strlen(argv[1]) && *argv[1]) {
        qputenv("HQA_CRASH_KILLS", argv[1]);
        args.erase(args.begin() + 1);
    }
    // QtTest's watchdog (300 s per test function) would stop a long campaign: allow 1.5 s per kill, which is also
    // the speed this test promises on a loaded 2-core machine (1000 kills in under 25 minutes).
    const int kills = qEnvironmentVariableIntValue("HQA_CRASH_KILLS");
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT") && kills * 1500 > 300000)
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(kills * 1500));
    int n = static_cast<int>(args.size());
    QCoreApplication app(n, args.data());
    TestStoreCrash test;
    return QTest::qExec(&test, n, args.data());
}

#include "tst_store_crash.moc"

// A full disk under the project, an export folder, the photos' folder (XMP sidecars) and a model folder: every
// write fails with a message that says the disk is full, and what was there before stays whole and usable.
//
// The full disk is EnospcShim (libhqa_enospc), no mount needed: linked into this test it interposes libc's write
// calls, so writes to files under a chosen folder get a given number of bytes and then fail with ENOSPC (a write
// larger than the space left is cut short first, which is how a checkpoint write gets interrupted half-way);
// statvfs of the folder reports that space. The command-line case preloads the same library into the real
// headshot-qa. Each case also checks that the shim refused writes, so a case cannot pass without a full disk.
//
// The window shows the store's Error::detail as is ("The correction was not saved: <detail>", MainWindow), so the
// store API cases below are what the reviewer reads.

#include "cli/ProjectCommand.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "core/store/XmpSidecar.h"
#include "core/train/CorrectionsHead.h"

#include "EnospcShim.h"
#include "StoreTestUtil.h"
#include "tests/support/TestData.h"

#ifdef HQA_WITH_TORCH
#include "core/model/SwinModel.h"
#include "core/train/net/Trainer.h"
#endif

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace hqa::core;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// File names and contents of a folder: the "before" picture that must survive a failed write unchanged
/// (no half-written file, no temporary file left behind).
QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden))
        out.insert(fi.fileName(), QCryptographicHash::hash(readAll(fi.filePath()), QCryptographicHash::Sha256));
    return out;
}

/// Fills the folder's "disk" for as long as it lives.
class FullDisk {
public:
    explicit FullDisk(const QString& dir, qint64 freeBytes = 0)
    {
        hqaEnospcFill(QFile::encodeName(dir).constData(), freeBytes);
    }
    ~FullDisk() { hqaEnospcClear(); }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;
};

struct Run {
    int code = -1;
    QString out, err;
};

Run projectCommand(const QStringList& args)
{
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.code = hqa::cli::runProjectCommand(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/// What a project holds, to compare before and after a failed write.
QString projectState(ProjectStore& s)
{
    // (Results are held in locals: a range-for over a temporary's value() would dangle.)
    QStringList parts;
    const std::vector<PhotoRecord> photos = s.photos().value();
    for (const auto& p : photos)
        parts << QStringLiteral("photo %1 %2 %3").arg(p.id).arg(QFileInfo(p.path).fileName(), labelToString(p.label));
    const std::vector<Correction> corrections = s.corrections().value();
    for (const auto& c : corrections)
        parts << QStringLiteral("correction %1 %2 %3 %4")
                     .arg(c.id)
                     .arg(c.photoId)
                     .arg(index(c.attribute))
                     .arg(c.newValue);
    const std::vector<GoldenLabel> golden = s.goldenLabels().value();
    for (const auto& g : golden)
        parts << QStringLiteral("golden %1 %2").arg(g.photoId).arg(labelToString(g.label));
    const auto sum = s.summary().value();
    parts << QStringLiteral("assessments %1 models %2").arg(sum.assessments).arg(sum.models);
    return parts.join(u'\n');
}

bool saysDiskFull(const QString& message, const QString& path)
{
    return message.contains(QLatin1String("disk holding")) && message.contains(QLatin1String("is full"))
        && message.contains(path);
}

} // namespace

class TestStoreFullDisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shimFillsOnlyItsFolder();
    void projectWritesFailWholeAndTheProjectStaysUsable();
    void interruptedBatchLeavesNothingHalfWritten();
    void openingOnAFullDiskSaysSo();
    void exportsAndSidecarsKeepThePreviousFile();
    void commandLineSaysTheDiskIsFull();
    void correctionsHeadKeepsThePreviousFile();
#ifdef HQA_WITH_TORCH
    void interruptedCheckpointKeepsThePreviousModelAndCheckpoint();
#endif

private:
    QTemporaryDir m_root;
    QString m_projectDir, m_photoDir, m_exportDir, m_project;
    std::vector<PhotoId> m_photos;
};

void TestStoreFullDisk::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_projectDir = m_root.filePath(QStringLiteral("project"));
    m_photoDir = m_root.filePath(QStringLiteral("photos"));
    m_exportDir = m_root.filePath(QStringLiteral("export"));
    for (const QString& d : {m_projectDir, m_photoDir, m_exportDir})
        QVERIFY(QDir().mkpath(d));
    m_project = QDir(m_projectDir).filePath(QStringLiteral("p.hqa"));
    auto s = ProjectStore::create(m_project);
    QVERIFY(s.ok());
    for (int i = 0; i < 4; ++i) {
        auto p = (*s)->addPhoto(
            hqa::test::writeImage(QDir(m_photoDir).filePath(QStringLiteral("p%1.png").arg(i)), 700 + i));
        QVERIFY(p.ok());
        m_photos.push_back(p->id);
        QVERIFY((*s)->addAssessment(p->id, hqa::test::makeAssessment(QStringLiteral("110110"))).ok());
    }
    QVERIFY((*s)->correct(m_photos[0], Attribute::Lighting, 0, QStringLiteral("tester")).ok());
    QVERIFY(!(*s)->setGoldenLabel(m_photos[1], *parseLabel(QStringLiteral("111111")), QStringLiteral("tester")));
}

void TestStoreFullDisk::shimFillsOnlyItsFolder()
{
    const QString inside = QDir(m_exportDir).filePath(QStringLiteral("probe.txt"));
    const QString outside = m_root.filePath(QStringLiteral("probe.txt"));
    {
        FullDisk full(m_exportDir, 10);
        QFile a(inside), b(outside);
        QVERIFY(a.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QCOMPARE(b.write(QByteArray(100, 'x')), qint64(100));
        QVERIFY(a.write(QByteArray(100, 'x')) < 100); // 10 bytes go in, then ENOSPC
        QCOMPARE(a.write(QByteArray(100, 'x')), qint64(-1));
        QVERIFY2(a.errorString().contains(QLatin1String("No space left")), qPrintable(a.errorString()));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(QFileInfo(inside).size(), qint64(10));
    QCOMPARE(QFileInfo(outside).size(), qint64(100));
    QFile::remove(inside);
    QFile::remove(outside);
}

void TestStoreFullDisk::projectWritesFailWholeAndTheProjectStaysUsable()
{
    // The window's situation: the project is open (its write-ahead log and index exist) when the disk fills.
    auto s = ProjectStore::open(m_project);
    QVERIFY(s.ok());
    const QString before = projectState(**s);
    const QString newPhoto = hqa::test::writeImage(QDir(m_photoDir).filePath(QStringLiteral("new.png")), 799);
    {
        FullDisk full(m_projectDir);
        auto c = (*s)->correct(m_photos[2], Attribute::Framing, 0, QStringLiteral("tester"));
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Io);
        QVERIFY2(saysDiskFull(c.error().detail, m_project), qPrintable(c.error().detail));
        QVERIFY2(c.error().detail.contains(QLatin1String("nothing was saved")), qPrintable(c.error().detail));
        auto g = (*s)->setGoldenLabel(m_photos[2], *parseLabel(QStringLiteral("101010")), QStringLiteral("tester"));
        QVERIFY(g);
        QVERIFY2(saysDiskFull(g->detail, m_project), qPrintable(g->detail));
        auto u = (*s)->undo(QStringLiteral("tester"));
        QVERIFY(!u);
        QVERIFY2(saysDiskFull(u.error().detail, m_project), qPrintable(u.error().detail));
        auto a = (*s)->addAssessment(m_photos[3], hqa::test::makeAssessment(QStringLiteral("000000")));
        QVERIFY(!a);
        QVERIFY2(saysDiskFull(a.error().detail, m_project), qPrintable(a.error().detail));
        auto p = (*s)->addPhoto(newPhoto);
        QVERIFY(!p);
        QVERIFY2(saysDiskFull(p.error().detail, m_project), qPrintable(p.error().detail));
        QVERIFY(hqaEnospcRefused() > 0);
        // Reading still works on the full disk, and shows the project as it was.
        QCOMPARE(projectState(**s), before);
    }
    // Space is back: the same open project takes the next write, and nothing of the failed ones appeared.
    QCOMPARE(projectState(**s), before);
    QCOMPARE((*s)->integrityCheck().value(), QStringLiteral("ok"));
    auto c = (*s)->correct(m_photos[2], Attribute::Framing, 0, QStringLiteral("tester"));
    QVERIFY2(c, c ? "" : qPrintable(c.error().detail));
    s->reset();
    auto again = ProjectStore::open(m_project);
    QVERIFY(again.ok());
    QCOMPARE((*again)->corrections().value().back().id, *c);
}

void TestStoreFullDisk::interruptedBatchLeavesNothingHalfWritten()
{
    // A batch of 200 assessments is several hundred KB of log: with 40 KB left the write stops part-way through
    // the transaction's pages. All or nothing: none of the 200 may appear, and the file must stay sound.
    auto s = ProjectStore::open(m_project);
    QVERIFY(s.ok());
    const QString before = projectState(**s);
    std::vector<std::pair<PhotoId, Assessment>> batch;
    for (int i = 0; i < 200; ++i)
        batch.emplace_back(m_photos[size_t(i) % m_photos.size()], hqa::test::makeAssessment(QStringLiteral("010101")));
    {
        FullDisk full(m_projectDir, 40 * 1024);
        auto ids = (*s)->addAssessments(batch);
        QVERIFY(!ids);
        QVERIFY2(saysDiskFull(ids.error().detail, m_project), qPrintable(ids.error().detail));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(projectState(**s), before);
    s->reset();
    auto again = ProjectStore::open(m_project); // recovery from the log with the cut-off frames in it
    QVERIFY(again.ok());
    QCOMPARE((*again)->integrityCheck().value(), QStringLiteral("ok"));
    QCOMPARE(projectState(**again), before);
    auto ids = (*again)->addAssessments(batch);
    QVERIFY2(ids, ids ? "" : qPrintable(ids.error().detail));
    QCOMPARE(ids->size(), size_t(200));
}

void TestStoreFullDisk::openingOnAFullDiskSaysSo()
{
    // Closed, the project has no index file beside it; SQLite must create one to open it, which a full disk
    // refuses. The message must say so, not that the file is not a project.
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("-shm")));
    QString before;
    {
        auto s = ProjectStore::open(m_project);
        QVERIFY(s.ok());
        before = projectState(**s);
    }
    const QByteArray bytes = readAll(m_project);
    {
        FullDisk full(m_projectDir);
        auto s = ProjectStore::open(m_project);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Io);
        QVERIFY2(saysDiskFull(s.error().detail, m_project), qPrintable(s.error().detail));
        QVERIFY2(!s.error().detail.contains(QLatin1String("not a project")), qPrintable(s.error().detail));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(readAll(m_project), bytes);
    auto s = ProjectStore::open(m_project);
    QVERIFY2(s, s ? "" : qPrintable(s.error().detail));
    QCOMPARE(projectState(**s), before);
}

void TestStoreFullDisk::exportsAndSidecarsKeepThePreviousFile()
{
    auto s = ProjectStore::open(m_project);
    QVERIFY(s.ok());
    const QString labels = QDir(m_exportDir).filePath(QStringLiteral("labels.csv"));
    auto set = (*s)->labelSet(LabelSource::All, m_exportDir);
    QVERIFY(set.ok());
    QVERIFY(!writeLabelFile(labels, *set)); // the previous export
    const QString photo = (*s)->photo(m_photos[0]).value()->path;
    XmpVerdicts v;
    v.label = *parseLabel(QStringLiteral("011111"));
    v.source = QStringLiteral("corrected");
    QVERIFY(!writeXmpSidecar(photo, v)); // the previous sidecar
    const auto exportBefore = snapshot(m_exportDir);
    const auto photosBefore = snapshot(m_photoDir);

    // Nothing left (the temporary file cannot take a byte) and a little left (it is cut off part-way).
    for (qint64 free : {qint64(0), qint64(40)}) {
        {
            FullDisk full(m_exportDir, free);
            auto e = writeLabelFile(labels, *set);
            QVERIFY(e);
            QCOMPARE(e->code, ErrorCode::Io);
            QVERIFY2(e->detail.contains(labels) && e->detail.contains(QLatin1String("No space left on device")),
                     qPrintable(e->detail));
            QVERIFY(hqaEnospcRefused() > 0);
        }
        QCOMPARE(snapshot(m_exportDir), exportBefore);
        QVERIFY(readLabelFile(labels).ok());
        {
            FullDisk full(m_photoDir, free);
            XmpVerdicts w = v;
            w.label = *parseLabel(QStringLiteral("000000"));
            auto e = writeXmpSidecar(photo, w);
            QVERIFY(e);
            QVERIFY2(e->detail.contains(xmpSidecarPath(photo)) && e->detail.contains(QLatin1String("No space left")),
                     qPrintable(e->detail));
            QVERIFY(hqaEnospcRefused() > 0);
        }
        QCOMPARE(snapshot(m_photoDir), photosBefore);
    }
}

void TestStoreFullDisk::commandLineSaysTheDiskIsFull()
{
    // In-process first (the same code as the command), then the real binary with the shim preloaded.
    const QString newPhoto = hqa::test::writeImage(QDir(m_photoDir).filePath(QStringLiteral("cli.png")), 811);
    const QString labels = QDir(m_exportDir).filePath(QStringLiteral("labels.csv"));
    QVERIFY(QFileInfo::exists(labels));
    const auto exportBefore = snapshot(m_exportDir);
    QString before;
    {
        auto s = ProjectStore::open(m_project);
        QVERIFY(s.ok());
        before = projectState(**s);
    }
    {
        FullDisk full(m_projectDir);
        const Run r = projectCommand({QStringLiteral("add"), m_project, newPhoto, QStringLiteral("--no-assess")});
        QVERIFY(r.code != 0);
        QVERIFY2(saysDiskFull(r.err, m_project), qPrintable(r.err));
    }
    {
        FullDisk full(m_exportDir);
        const Run r = projectCommand({QStringLiteral("export"), m_project, QStringLiteral("--labels"), labels,
                                      QStringLiteral("--source"), QStringLiteral("all")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(labels) && r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
    }
    QCOMPARE(snapshot(m_exportDir), exportBefore);
    // The JSON Lines export streams row by row: a disk that fills after the first rows keeps the previous file.
    const QString jsonl = QDir(m_exportDir).filePath(QStringLiteral("latest.jsonl"));
    const QStringList jsonlArgs{QStringLiteral("export"), m_project, QStringLiteral("--jsonl"), jsonl};
    const Run first = projectCommand(jsonlArgs);
    QVERIFY2(first.code == 0, qPrintable(first.err));
    const auto jsonlBefore = snapshot(m_exportDir);
    QVERIFY(QFileInfo(jsonl).size() > 1000);
    for (qint64 free : {qint64(0), qint64(600)}) {
        FullDisk full(m_exportDir, free);
        const Run r = projectCommand(jsonlArgs);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(jsonl) && r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(snapshot(m_exportDir), jsonlBefore);

    const QString shim = QStringLiteral(HQA_ENOSPC_SHIM);
    QVERIFY2(QFileInfo::exists(shim), qPrintable(shim));
    const auto run = [&](const QString& fullDir, const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), shim);
        env.insert(QStringLiteral("HQA_ENOSPC_DIR"), fullDir);
        env.insert(QStringLiteral("HQA_ENOSPC_FREE"), QStringLiteral("0"));
        p.setProcessEnvironment(env);
        p.start(hqa::test::cliPath(), args);
        if (!p.waitForFinished(120000))
            return Run{-1, QString(), p.errorString()};
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    };
    const Run add = run(
        m_projectDir,
        {QStringLiteral("project"), QStringLiteral("add"), m_project, newPhoto, QStringLiteral("--no-assess")});
    QVERIFY2(add.code == 1, qPrintable(QStringLiteral("exit code %1: %2").arg(add.code).arg(add.err)));
    QVERIFY2(saysDiskFull(add.err, m_project), qPrintable(add.err));
    const Run exported = run(m_exportDir,
                             {QStringLiteral("project"), QStringLiteral("export"), m_project,
                              QStringLiteral("--labels"), labels, QStringLiteral("--source"), QStringLiteral("all")});
    QVERIFY2(exported.code == 1, qPrintable(QStringLiteral("exit code %1: %2").arg(exported.code).arg(exported.err)));
    QVERIFY2(exported.err.contains(QLatin1String("No space left on device")), qPrintable(exported.err));
    QCOMPARE(snapshot(m_exportDir), jsonlBefore);

    // Afterwards the project is as it was and takes the photo.
    auto s = ProjectStore::open(m_project);
    QVERIFY(s.ok());
    QCOMPARE(projectState(**s), before);
    const Run ok = projectCommand({QStringLiteral("add"), m_project, newPhoto, QStringLiteral("--no-assess")});
    QVERIFY2(ok.code == 0, qPrintable(ok.err));
}

void TestStoreFullDisk::correctionsHeadKeepsThePreviousFile()
{
    // Tools > Learn from corrections writes the trained head; a full disk must leave the active one in place.
    const QString dir = m_root.filePath(QStringLiteral("heads"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(QStringLiteral("head.json"));
    const CorrectionsHead head;
    QVERIFY(!head.save(path));
    const auto before = snapshot(dir);
    const bool loadable = CorrectionsHead::load(path).ok();
    for (qint64 free : {qint64(0), QFileInfo(path).size() / 2}) {
        FullDisk full(dir, free);
        auto e = head.save(path);
        QVERIFY(e);
        QCOMPARE(e->code, ErrorCode::Io);
        QVERIFY2(e->detail.contains(path) && e->detail.contains(QLatin1String("No space left on device")),
                 qPrintable(e->detail));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(snapshot(dir), before);
    QCOMPARE(CorrectionsHead::load(path).ok(), loadable);
}

#ifdef HQA_WITH_TORCH
void TestStoreFullDisk::interruptedCheckpointKeepsThePreviousModelAndCheckpoint()
{
    // A tiny network trained one epoch of three, then stopped: model.hqa and model.hqa.resume exist. Resuming
    // writes the next epoch's model, then its checkpoint. (1) No space: the model write fails. (2) Space for the
    // model and half the checkpoint: the checkpoint write is interrupted part-way. Both times the run fails
    // saying so, the previous checkpoint is byte for byte what it was and still resumes training, and no
    // temporary file is left.
    const QString modelDir = m_root.filePath(QStringLiteral("models"));
    const QString imageDir = m_root.filePath(QStringLiteral("train"));
    QVERIFY(QDir().mkpath(modelDir) && QDir().mkpath(imageDir));
    LabelSet set;
    for (int i = 0; i < 16; ++i) {
        LabelRow r;
        r.path = hqa::test::writeImage(QDir(imageDir).filePath(QStringLiteral("t%1.png").arg(i)), 900 + i * 7, 64, 64);
        r.file = QFileInfo(r.path).fileName();
        r.label = *parseLabel(i % 2 ? QStringLiteral("1----1") : QStringLiteral("0----0"));
        r.group = QString::number(i);
        r.line = i + 2;
        set.rows.push_back(r);
    }
    SwinModel::setThreads(1);
    TrainOptions o;
    o.outPath = QDir(modelDir).filePath(QStringLiteral("model.hqa"));
    o.config.imageSize = 64;
    o.config.patchSize = 4;
    o.config.windowSize = 4;
    o.config.embedDim = 24;
    o.config.depths = {1, 1};
    o.config.numHeads = {2, 4};
    o.config.numClasses = 0;
    o.config.attributeHeads = kAttributeCount;
    o.size = 64;
    o.epochs = 3;
    o.batch = 8;
    o.valFraction = 0; // every epoch's model is written
    o.threads = 1;
    {
        Trainer first(o);
        first.setProgress([&](const EpochReport&) { first.cancel(); });
        auto r = first.run(set);
        QVERIFY2(r, r ? "" : qPrintable(r.error().detail));
        QVERIFY(r->cancelled);
        QCOMPARE(r->epochsDone, 1);
    }
    const QString resume = o.outPath + QStringLiteral(".resume");
    QVERIFY(QFileInfo::exists(o.outPath) && QFileInfo::exists(resume));
    const auto before = snapshot(modelDir);
    const QByteArray resumeBytes = readAll(resume);

    TrainOptions r;
    r.outPath = o.outPath;
    r.resume = resume;
    r.threads = 1;
    {
        FullDisk full(modelDir);
        auto res = Trainer(r).run(set);
        QVERIFY(!res);
        QCOMPARE(res.error().code, ErrorCode::Io);
        QVERIFY2(res.error().detail.contains(o.outPath) && res.error().detail.contains(QLatin1String("No space left")),
                 qPrintable(res.error().detail));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(snapshot(modelDir), before);
    QVERIFY(SwinModel::load(o.outPath).ok());

    // Room for the next model (about the size of this one) and half of the checkpoint.
    {
        FullDisk full(modelDir, QFileInfo(o.outPath).size() + 8192 + resumeBytes.size() / 2);
        auto res = Trainer(r).run(set);
        QVERIFY(!res);
        QVERIFY2(res.error().detail.contains(resume) && res.error().detail.contains(QLatin1String("No space left")),
                 qPrintable(res.error().detail));
        QVERIFY(hqaEnospcRefused() > 0);
    }
    QCOMPARE(readAll(resume), resumeBytes);
    QCOMPARE(QDir(modelDir).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary file left
    auto model = SwinModel::load(o.outPath); // the newer model, written whole before the checkpoint failed
    QVERIFY2(model, model ? "" : qPrintable(model.error().detail));

    // Space is back: the kept checkpoint resumes at epoch 2 and finishes the run.
    auto res = Trainer(r).run(set);
    QVERIFY2(res, res ? "" : qPrintable(res.error().detail));
    QCOMPARE(res->startEpoch, 1);
    QCOMPARE(res->epochsDone, 3);
    QVERIFY(SwinModel::load(o.outPath).ok());
}
#endif

QTEST_GUILESS_MAIN(TestStoreFullDisk)
#include "tst_store_fulldisk.moc"

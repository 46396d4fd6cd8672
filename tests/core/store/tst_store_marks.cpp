// Flags and ratings: pick / reject flags, 0-5 stars and colour labels stored in the project (schema v3)
// with an append-only history on the one undo timeline the corrections and golden labels use; older projects open
// and migrate; `project mark`, `project marks`, `project status`; XMP export of the marks and `project import-xmp`
// of sidecars another tool wrote.

#include "cli/ProjectCommand.h"
#include "core/store/ProjectSchema.h"
#include "core/store/ProjectStore.h"
#include "core/store/XmpSidecar.h"

#include "StoreTestUtil.h"
#include "tests/support/TestData.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace hqa::core;
using hqa::test::xmpAttributes;

namespace {

using Run = hqa::test::ProjectRun;

Run project(const QStringList& args) { return hqa::test::runProject(args); }

QString fixturesDir() { return hqa::test::sourcePath(QStringLiteral("tests/core/store/fixtures")); }

const QString kDee = QStringLiteral("Dee");

CullMarks marks(PickFlag f, int stars, ColourLabel c) { return CullMarks{f, stars, c}; }

QString describe(const CullMarks& m)
{
    return QStringLiteral("%1/%2/%3").arg(pickFlagKey(m.flag)).arg(m.stars).arg(colourLabelKey(m.colour));
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int rawTableCount(const QString& path, const QString& table)
{
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-marks"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                           .arg(table))
                && q.next())
                n = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw-marks"));
    return n;
}

} // namespace

class TestStoreMarks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oldProjectsMigrate_data();
    void oldProjectsMigrate();
    void marksAndHistory();
    void invalidMarksWriteNothing();
    void severalPhotosAreOneUndoStep();
    void oneTimelineWithCorrectionsAndGolden();
    void undoSurvivesReopening();
    void cliMarkListAndStatus();
    void xmpExportWritesMarksAndKeepsOtherTools();
    void xmpImportReadsAnotherToolsSidecars();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    /// A new project with `n` photos, each assessed with label `labels[i]`.
    std::unique_ptr<ProjectStore> makeProject(const QString& name, const QStringList& labels, std::vector<PhotoId>* ids,
                                              QStringList* files = nullptr);
    QTemporaryDir m_dir;
};

void TestStoreMarks::initTestCase() { QVERIFY(m_dir.isValid()); }

std::unique_ptr<ProjectStore> TestStoreMarks::makeProject(const QString& name, const QStringList& labels,
                                                          std::vector<PhotoId>* ids, QStringList* files)
{
    auto s = ProjectStore::create(path(name + QStringLiteral(".hqa")));
    if (!s)
        return nullptr;
    for (int i = 0; i < labels.size(); ++i) {
        const QString f = hqa::test::writeImage(path(QStringLiteral("%1/photo-%2.png").arg(name).arg(i)),
                                                700 + i * 7 + name.size());
        const PhotoId id = (*s)->addPhoto(f).value().id;
        (*s)->addAssessment(id, hqa::test::makeAssessment(labels[i]));
        ids->push_back(id);
        if (files)
            *files << QFileInfo(f).absoluteFilePath();
    }
    return std::move(*s);
}

void TestStoreMarks::oldProjectsMigrate_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("v1") << 1;
    QTest::newRow("v2") << 2;
}

void TestStoreMarks::oldProjectsMigrate()
{
    QFETCH(int, version);
    const QString copy = path(QStringLiteral("old-v%1.hqa").arg(version));
    QVERIFY(QFile::copy(QDir(fixturesDir()).filePath(QStringLiteral("project-v%1.hqa").arg(version)), copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(rawTableCount(copy, QStringLiteral("mark_history")), 0);
    {
        auto s = ProjectStore::open(copy);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().detail));
        ProjectStore& store = **s;
        QCOMPARE(store.schemaVersion(), 3);
        QCOMPARE(kProjectSchemaVersion, 3);
        QCOMPARE(store.integrityCheck().value(), QStringLiteral("ok"));
        QVERIFY(store.allMarks().value().empty());
        QVERIFY(store.markHistory().value().empty());
        const auto photos = store.photos().value();
        QCOMPARE(photos.size(), size_t(3));
        QCOMPARE(labelToString(photos[0].label), QStringLiteral("111111")); // the old data is all there
        QVERIFY(store.marks(photos[0].id).value().isEmpty());

        // The old file's history and the new marks are one timeline: the v1 fixture's last row is a correction undo,
        // so its redo stack holds that correction until a new edit (a mark) clears it.
        // (A v2 fixture's golden label was set after that undo, which cleared the shared redo stack already.)
        QCOMPARE(store.canRedo().value(), version < 2);
        QVERIFY(store.setMarks(photos[1].id, marks(PickFlag::Accept, 4, ColourLabel::Green), kDee).value() > 0);
        QCOMPARE(store.canRedo().value(), false);
        QCOMPARE(describe(store.marks(photos[1].id).value()), QStringLiteral("pick/4/green"));
        auto undone = store.undo(kDee).value();
        QVERIFY(undone && undone->marks && !undone->correction && !undone->golden);
        QVERIFY(store.marks(photos[1].id).value().isEmpty());
        // Under the mark: the fixture's own edits (a v2 file's golden label first, then the correction).
        undone = store.undo(kDee).value();
        QVERIFY(undone.has_value());
        QVERIFY(version >= 2 ? undone->golden.has_value() : undone->correction.has_value());
        QVERIFY(store.redo(kDee).value().has_value());
        QVERIFY(store.redo(kDee).value()->marks.has_value());
        QCOMPARE(describe(store.marks(photos[1].id).value()), QStringLiteral("pick/4/green"));
    }
    QCOMPARE(rawTableCount(copy, QStringLiteral("mark_history")), 1);
    auto again = ProjectStore::open(copy);
    QVERIFY(again.ok());
    QCOMPARE(describe((*again)->marks((*again)->photos().value()[1].id).value()), QStringLiteral("pick/4/green"));
}

void TestStoreMarks::marksAndHistory()
{
    std::vector<PhotoId> ids;
    auto s = makeProject(QStringLiteral("history"), {QStringLiteral("111111"), QStringLiteral("110111")}, &ids);
    QVERIFY(s);
    QVERIFY(s->marks(ids[0]).value().isEmpty());
    QCOMPARE(s->setMarks(ids[0], marks(PickFlag::Accept, 0, ColourLabel::None), kDee).value() > 0, true);
    QCOMPARE(s->setMarks(ids[0], marks(PickFlag::Accept, 3, ColourLabel::None), kDee).value() > 0, true);
    QCOMPARE(s->setMarks(ids[0], marks(PickFlag::Accept, 3, ColourLabel::Purple), QStringLiteral(" Eve ")).value() > 0,
             true);
    // Setting what is already there writes no row.
    QCOMPARE(s->setMarks(ids[0], marks(PickFlag::Accept, 3, ColourLabel::Purple), kDee).value(), qint64(0));
    QCOMPARE(s->setMarks(ids[1], marks(PickFlag::Reject, 1, ColourLabel::Red), kDee).value() > 0, true);

    QCOMPARE(describe(s->marks(ids[0]).value()), QStringLiteral("pick/3/purple"));
    QCOMPARE(describe(s->marks(ids[1]).value()), QStringLiteral("reject/1/red"));
    const auto all = s->allMarks().value();
    QCOMPARE(all.size(), size_t(2));
    QCOMPARE(all[0].first, ids[0]);
    QCOMPARE(all[1].first, ids[1]);

    const auto history = s->markHistory(ids[0]).value();
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(describe(history[0].oldMarks), QStringLiteral("none/0/"));
    QCOMPARE(describe(history[0].newMarks), QStringLiteral("pick/0/"));
    QCOMPARE(describe(history[1].oldMarks), QStringLiteral("pick/0/"));
    QCOMPARE(describe(history[2].newMarks), QStringLiteral("pick/3/purple"));
    QCOMPARE(history[2].reviewer, QStringLiteral("Eve"));
    QCOMPARE(history[2].kind, CorrectionKind::Edit);
    QCOMPARE(history[2].step, history[2].id); // a one-photo step is its own row
    QVERIFY(history[2].createdAt.isValid());
    QCOMPARE(s->markHistory().value().size(), size_t(4));
    const ProjectSummary summary = s->summary().value();
    QCOMPARE(summary.picked, 1);
    QCOMPARE(summary.rejected, 1);

    // Clearing every mark removes the photo from allMarks() but keeps its history.
    QVERIFY(s->setMarks(ids[1], CullMarks{}, kDee).value() > 0);
    QCOMPARE(s->allMarks().value().size(), size_t(1));
    QCOMPARE(s->markHistory(ids[1]).value().size(), size_t(2));
}

void TestStoreMarks::invalidMarksWriteNothing()
{
    std::vector<PhotoId> ids;
    auto s = makeProject(QStringLiteral("invalid"), {QStringLiteral("111111")}, &ids);
    QVERIFY(s);
    auto tooMany = s->setMarks(ids[0], marks(PickFlag::None, 6, ColourLabel::None), kDee);
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().code, ErrorCode::InvalidArgument);
    // A batch with one unknown photo stores none of it.
    auto unknown = s->setMarks({{ids[0], marks(PickFlag::Accept, 2, ColourLabel::None)},
                                {ids[0] + 999, marks(PickFlag::Accept, 2, ColourLabel::None)}},
                               kDee);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);
    QVERIFY(s->marks(ids[0]).value().isEmpty());
    QVERIFY(s->markHistory().value().empty());
    QVERIFY(!s->setMarks(ids[0], marks(PickFlag::Accept, 2, ColourLabel::None), QStringLiteral("  ")).ok());
    QCOMPARE(s->canUndo().value(), false);
}

void TestStoreMarks::severalPhotosAreOneUndoStep()
{
    std::vector<PhotoId> ids;
    auto s = makeProject(QStringLiteral("batch"),
                         {QStringLiteral("111111"), QStringLiteral("011111"), QStringLiteral("101111")}, &ids);
    QVERIFY(s);
    QVERIFY(s->setMarks(ids[1], marks(PickFlag::None, 2, ColourLabel::Blue), kDee).value() > 0);
    // Reject all three at once: each keeps its own stars and colour.
    std::vector<std::pair<PhotoId, CullMarks>> batch;
    for (PhotoId id : ids) {
        CullMarks m = s->marks(id).value();
        m.flag = PickFlag::Reject;
        batch.emplace_back(id, m);
    }
    const qint64 step = s->setMarks(batch, kDee).value();
    QVERIFY(step > 0);
    QCOMPARE(describe(s->marks(ids[1]).value()), QStringLiteral("reject/2/blue"));
    const auto rows = s->markHistory().value();
    QCOMPARE(rows.size(), size_t(4));
    for (size_t i = 1; i < rows.size(); ++i)
        QCOMPARE(rows[i].step, step);

    auto undone = s->undo(kDee).value();
    QVERIFY(undone && undone->marks);
    QCOMPARE(undone->marks->size(), size_t(3));
    QCOMPARE(undone->photoId(), ids[2]); // the rows are reverted last first
    QCOMPARE(undone->marks->front().kind, CorrectionKind::Undo);
    QCOMPARE(undone->marks->front().revertsStep, step);
    QVERIFY(s->marks(ids[0]).value().isEmpty());
    QCOMPARE(describe(s->marks(ids[1]).value()), QStringLiteral("none/2/blue"));
    QVERIFY(s->marks(ids[2]).value().isEmpty());

    // The next undo is the earlier one-photo step, not a part of the batch.
    undone = s->undo(kDee).value();
    QVERIFY(undone && undone->marks);
    QCOMPARE(undone->marks->size(), size_t(1));
    QVERIFY(s->marks(ids[1]).value().isEmpty());
    QCOMPARE(s->undo(kDee).value().has_value(), false);

    QVERIFY(s->redo(kDee).value().has_value());
    auto redone = s->redo(kDee).value();
    QVERIFY(redone && redone->marks);
    QCOMPARE(redone->marks->size(), size_t(3));
    QCOMPARE(redone->marks->front().kind, CorrectionKind::Redo);
    for (PhotoId id : ids)
        QCOMPARE(s->marks(id).value().flag, PickFlag::Reject);
    QCOMPARE(describe(s->marks(ids[1]).value()), QStringLiteral("reject/2/blue"));
    QCOMPARE(s->canRedo().value(), false);
}

void TestStoreMarks::oneTimelineWithCorrectionsAndGolden()
{
    std::vector<PhotoId> ids;
    auto s = makeProject(QStringLiteral("timeline"), {QStringLiteral("111111"), QStringLiteral("110111")}, &ids);
    QVERIFY(s);
    // correction, mark, golden, mark, correction: undone in exactly the reverse order.
    QVERIFY(s->correct(ids[0], Attribute::Lighting, 0, kDee).ok());
    QVERIFY(s->setMarks(ids[0], marks(PickFlag::Accept, 5, ColourLabel::None), kDee).value() > 0);
    QVERIFY(!s->setGoldenLabel(ids[1], *parseLabel(u"111111"), kDee));
    QVERIFY(s->setMarks(ids[1], marks(PickFlag::Reject, 0, ColourLabel::Yellow), kDee).value() > 0);
    QVERIFY(s->correct(ids[1], Attribute::Framing, 1, kDee).ok());

    auto u = s->undo(kDee).value();
    QVERIFY(u && u->correction && u->correction->attribute == Attribute::Framing);
    u = s->undo(kDee).value();
    QVERIFY(u && u->marks && u->photoId() == ids[1]);
    QVERIFY(s->marks(ids[1]).value().isEmpty());
    u = s->undo(kDee).value();
    QVERIFY(u && u->golden);
    QVERIFY(!s->goldenLabel(ids[1]).value().has_value());
    u = s->undo(kDee).value();
    QVERIFY(u && u->marks && u->photoId() == ids[0]);
    QVERIFY(s->marks(ids[0]).value().isEmpty());
    u = s->undo(kDee).value();
    QVERIFY(u && u->correction && u->correction->attribute == Attribute::Lighting);
    QCOMPARE(labelToString(s->photo(ids[0]).value()->label), QStringLiteral("111111"));
    QCOMPARE(s->undo(kDee).value().has_value(), false);

    // Redo walks forward again, across all three kinds.
    QVERIFY(s->redo(kDee).value()->correction);
    QVERIFY(s->redo(kDee).value()->marks);
    QCOMPARE(describe(s->marks(ids[0]).value()), QStringLiteral("pick/5/"));
    QVERIFY(s->redo(kDee).value()->golden);
    // A new edit of any kind (here a correction) clears the redo stack, marks included.
    QVERIFY(s->correct(ids[0], Attribute::Attire, 0, kDee).ok());
    QCOMPARE(s->canRedo().value(), false);
    QCOMPARE(s->redo(kDee).value().has_value(), false);
    QVERIFY(s->marks(ids[1]).value().isEmpty());
    // The next undo takes back that correction, not a mark.
    u = s->undo(kDee).value();
    QVERIFY(u && u->correction && u->correction->attribute == Attribute::Attire);
    QCOMPARE(describe(s->marks(ids[0]).value()), QStringLiteral("pick/5/"));
}

void TestStoreMarks::undoSurvivesReopening()
{
    std::vector<PhotoId> ids;
    const QString file = path(QStringLiteral("reopen.hqa"));
    {
        auto s = makeProject(QStringLiteral("reopen"), {QStringLiteral("111111"), QStringLiteral("111111")}, &ids);
        QVERIFY(s);
        QVERIFY(s->setMarks({{ids[0], marks(PickFlag::Accept, 0, ColourLabel::None)},
                             {ids[1], marks(PickFlag::Accept, 0, ColourLabel::None)}},
                            kDee)
                    .value()
                > 0);
        QVERIFY(s->correct(ids[0], Attribute::Expression, 0, kDee).ok());
        QVERIFY(s->undo(kDee).value()->correction);
    }
    auto s = ProjectStore::open(file);
    QVERIFY(s.ok());
    auto u = (*s)->undo(kDee).value();
    QVERIFY(u && u->marks && u->marks->size() == 2);
    QCOMPARE((*s)->allMarks().value().size(), size_t(0));
    QVERIFY((*s)->redo(kDee).value()->marks);
    QVERIFY((*s)->redo(kDee).value()->correction);
    QCOMPARE((*s)->allMarks().value().size(), size_t(2));
}

void TestStoreMarks::cliMarkListAndStatus()
{
    std::vector<PhotoId> ids;
    QStringList files;
    {
        auto s = makeProject(QStringLiteral("cli"),
                             {QStringLiteral("111111"), QStringLiteral("011111"), QStringLiteral("111111")}, &ids,
                             &files);
        QVERIFY(s);
    }
    const QString proj = path(QStringLiteral("cli.hqa"));
    Run r = project({"mark", proj, files[0], files[1], "--reject", "--stars", "2", "--colour", "purple", "--reviewer",
                     "Cli Person"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(files[0] + QStringLiteral(": reject, 2 stars, purple")), qPrintable(r.out));
    r = project({"mark", proj, files[1], "--pick"}); // keeps its stars and colour
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(project({"mark", proj, files[2], "--stars", "9"}).code, 2);
    QCOMPARE(project({"mark", proj, files[2], "--colour", "teal"}).code, 2);
    QCOMPARE(project({"mark", proj, files[2], "--pick", "--reject"}).code, 2);
    QCOMPARE(project({"mark", proj, files[2]}).code, 2);
    r = project({"mark", proj, path(QStringLiteral("nowhere.png")), "--pick"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(QStringLiteral("not in the project")), qPrintable(r.err));

    r = project({"marks", proj});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(files[0] + QStringLiteral(": reject, 2 stars, purple")), qPrintable(r.out));
    QVERIFY2(r.out.contains(files[1] + QStringLiteral(": pick, 2 stars, purple")), qPrintable(r.out));
    QVERIFY(!r.out.contains(files[2]));
    r = project({"status", proj});
    QVERIFY2(r.out.contains(QStringLiteral("1 picked, 1 rejected")), qPrintable(r.out));

    auto s = ProjectStore::open(proj);
    QVERIFY(s.ok());
    const auto history = (*s)->markHistory().value();
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(history[0].step, history[1].step); // the two files of one command are one undo step
    QCOMPARE(history[0].reviewer, QStringLiteral("Cli Person"));
    QVERIFY((*s)->undo(kDee).value()->marks->size() == 1);
    QVERIFY((*s)->undo(kDee).value()->marks->size() == 2);
    QVERIFY((*s)->allMarks().value().empty());
}

void TestStoreMarks::xmpExportWritesMarksAndKeepsOtherTools()
{
    std::vector<PhotoId> ids;
    QStringList files;
    {
        auto s = makeProject(QStringLiteral("xmpout"),
                             {QStringLiteral("110111"), QStringLiteral("111111"), QStringLiteral("011111")}, &ids,
                             &files);
        QVERIFY(s);
        // A failing photo the reviewer picks anyway, a passing one rejected, the third left to its verdicts.
        QVERIFY(s->setMarks(ids[0], marks(PickFlag::Accept, 4, ColourLabel::Blue), kDee).ok());
        QVERIFY(s->setMarks(ids[1], marks(PickFlag::Reject, 3, ColourLabel::Purple), kDee).ok());
    }
    const QString proj = path(QStringLiteral("xmpout.hqa"));
    // darktable had already written a sidecar for the picked photo, with its own history.
    const QByteArray darktable =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:darktable=\"http://darktable.sf.net/\"\n"
        "   darktable:xmp_version=\"5\" darktable:history_end=\"1\">\n"
        "   <darktable:history><rdf:Seq>\n"
        "    <rdf:li darktable:operation=\"exposure\" darktable:enabled=\"1\" darktable:params=\"0000803f\"/>\n"
        "   </rdf:Seq></darktable:history>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n";
    writeText(xmpSidecarPath(files[0]), darktable);

    Run r = project({"export", proj, "--xmp"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    auto picked = xmpAttributes(xmpSidecarPath(files[0]));
    QCOMPARE(picked.value("xmp:Rating"), QStringLiteral("4"));
    QCOMPARE(picked.value("xmp:Label"), QStringLiteral("Blue"));
    QCOMPARE(picked.value("digiKam:PickLabel"), QStringLiteral("3"));
    QCOMPARE(picked.value("darktable:history_end"), QStringLiteral("1"));
    QVERIFY(QString::fromUtf8(readBytes(xmpSidecarPath(files[0])))
                .contains(QLatin1String("darktable:operation=\"exposure\"")));
    auto rejected = xmpAttributes(xmpSidecarPath(files[1]));
    QCOMPARE(rejected.value("xmp:Rating"), QStringLiteral("-1")); // darktable's reject, whatever the stars
    QCOMPARE(rejected.value("digiKam:PickLabel"), QStringLiteral("1"));
    QCOMPARE(rejected.value("xmp:Label"), QStringLiteral("Purple"));
    auto verdicts = xmpAttributes(xmpSidecarPath(files[2])); // no marks: the verdicts' reject, as before
    QCOMPARE(verdicts.value("xmp:Rating"), QStringLiteral("-1"));
    QCOMPARE(verdicts.value("xmp:Label"), QStringLiteral("Red"));

    // A second export changes nothing.
    const QByteArray before = readBytes(xmpSidecarPath(files[0]));
    QVERIFY(project({"export", proj, "--xmp"}).code == 0);
    QCOMPARE(readBytes(xmpSidecarPath(files[0])), before);

    // Reading back: the marks come back as they were; the verdict-derived reject of the third photo does not
    // become a mark.
    r = project({"import-xmp", proj, "--reviewer", kDee});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("read 3 XMP sidecars; changed the marks of 0 photos")), qPrintable(r.out));
    auto s = ProjectStore::open(proj);
    QVERIFY((*s)->marks(ids[2]).value().isEmpty());
    QCOMPARE(describe((*s)->marks(ids[1]).value()), QStringLiteral("reject/3/purple"));

    // A fresh project of the same photos gets the marks from the sidecars alone.
    const QString fresh = path(QStringLiteral("xmpout-fresh.hqa"));
    {
        auto f = ProjectStore::create(fresh);
        QVERIFY(f.ok());
        for (const QString& file : files)
            QVERIFY((*f)->addPhoto(file).ok());
    }
    r = project({"import-xmp", fresh, "--naming", "darktable"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    auto f = ProjectStore::open(fresh);
    const auto photos = (*f)->photos().value();
    QCOMPARE(describe((*f)->marks(photos[0].id).value()), QStringLiteral("pick/4/blue"));
    QCOMPARE(describe((*f)->marks(photos[1].id).value()), QStringLiteral("reject/0/purple")); // -1 carries no stars
    QVERIFY((*f)->marks(photos[2].id).value().isEmpty());
}

void TestStoreMarks::xmpImportReadsAnotherToolsSidecars()
{
    std::vector<PhotoId> ids;
    QStringList files;
    {
        auto s = makeProject(
            QStringLiteral("xmpin"),
            {QStringLiteral("111111"), QStringLiteral("111111"), QStringLiteral("111111"), QStringLiteral("111111")},
            &ids, &files);
        QVERIFY(s);
        QVERIFY(s->setMarks(ids[3], marks(PickFlag::Reject, 0, ColourLabel::Green), kDee).ok());
    }
    const QString proj = path(QStringLiteral("xmpin.hqa"));
    // Lightroom (photo.xmp): 5 stars and its "Yellow" label, written with the xmp: prefix as elements.
    writeText(
        xmpSidecarPath(files[0], SidecarNaming::BaseName),
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:crs=\"http://ns.adobe.com/camera-raw-settings/1.0/\">\n"
        "   <xmp:Rating>5</xmp:Rating>\n"
        "   <xmp:Label>Yellow</xmp:Label>\n"
        "   <crs:Exposure2012>+0.35</crs:Exposure2012>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n");
    // digiKam (photo.png.xmp): rejected by its pick label, 2 stars, no colour.
    writeText(xmpSidecarPath(files[1]),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
              "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
              "    xmlns:digiKam=\"http://www.digikam.org/ns/1.0/\"\n"
              "   xmp:Rating=\"2\" digiKam:PickLabel=\"1\" digiKam:ColorLabel=\"0\"/>\n"
              " </rdf:RDF>\n"
              "</x:xmpmeta>\n");
    // Bridge (photo.xmp): its default name for the purple label, "To Do".
    writeText(xmpSidecarPath(files[2], SidecarNaming::BaseName),
              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
              "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:Label=\"To Do\"/>\n"
              " </rdf:RDF>\n"
              "</x:xmpmeta>\n");
    // darktable takes back the reject of the fourth photo: rating 1, no pick label; the colour is not its business.
    writeText(xmpSidecarPath(files[3]),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
              "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
              "    xmlns:darktable=\"http://darktable.sf.net/\" xmp:Rating=\"1\" darktable:xmp_version=\"5\"/>\n"
              " </rdf:RDF>\n"
              "</x:xmpmeta>\n");
    const QByteArray lightroomBefore = readBytes(xmpSidecarPath(files[0], SidecarNaming::BaseName));

    Run r = project({"import-xmp", proj, "--reviewer", QStringLiteral("Importer")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("read 4 XMP sidecars; changed the marks of 4 photos")), qPrintable(r.out));
    QCOMPARE(readBytes(xmpSidecarPath(files[0], SidecarNaming::BaseName)), lightroomBefore); // only read

    auto s = ProjectStore::open(proj);
    QVERIFY(s.ok());
    QCOMPARE(describe((*s)->marks(ids[0]).value()), QStringLiteral("none/5/yellow"));
    QCOMPARE(describe((*s)->marks(ids[1]).value()), QStringLiteral("reject/2/"));
    QCOMPARE(describe((*s)->marks(ids[2]).value()), QStringLiteral("none/0/purple"));
    QCOMPARE(describe((*s)->marks(ids[3]).value()), QStringLiteral("none/1/green"));
    // One history step per photo, so each can be undone on its own (last photo first).
    const auto history = (*s)->markHistory().value();
    QCOMPARE(history.size(), size_t(5));
    for (size_t i = 1; i < history.size(); ++i) {
        QCOMPARE(history[i].step, history[i].id);
        QCOMPARE(history[i].reviewer, QStringLiteral("Importer"));
    }
    auto u = (*s)->undo(kDee).value();
    QVERIFY(u && u->marks && u->photoId() == ids[3]);
    QCOMPARE(describe((*s)->marks(ids[3]).value()), QStringLiteral("reject/0/green"));
    QCOMPARE(describe((*s)->marks(ids[0]).value()), QStringLiteral("none/5/yellow"));

    // Importing again changes nothing but the photo whose import was undone; --naming lightroom reads photo.xmp only.
    r = project({"import-xmp", proj, "--naming", "lightroom"});
    QVERIFY2(r.out.contains(QStringLiteral("read 2 XMP sidecars; changed the marks of 0 photos")), qPrintable(r.out));
    QCOMPARE(project({"import-xmp", proj, "--naming", "capture-one"}).code, 2);
    // A sidecar that is not XMP is named and skipped; the others are still read.
    writeText(xmpSidecarPath(files[1]), "not xml at all");
    r = project({"import-xmp", proj});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(xmpSidecarPath(files[1])), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("changed the marks of 1 photos")), qPrintable(r.out));
    s->reset();
    s = ProjectStore::open(proj);
    QCOMPARE(describe((*s)->marks(ids[3]).value()), QStringLiteral("none/1/green"));
}

QTEST_GUILESS_MAIN(TestStoreMarks)
#include "tst_store_marks.moc"

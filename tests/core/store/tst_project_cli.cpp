// `headshot-qa project ...` driven in-process through runProjectCommand, checking what a user would see and
// what ends up in the files.

#include "cli/ProjectCommand.h"
#include "core/AssessmentJson.h"
#include "core/store/ProjectStore.h"
#include "core/store/XmpSidecar.h"

#include "StoreTestUtil.h"
#include "core/store/ProjectSchema.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <limits>

using namespace hqa::core;
using hqa::test::xmpAttributes;

namespace {

using Run = hqa::test::ProjectRun;

Run project(const QStringList& args) { return hqa::test::runProject(args); }

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestProjectCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void createAddStatusAndMove();
    void labelsImportExportRoundTrip();
    void jsonlImportExportRoundTrip();
    void xmpSidecarsCarryPickAndReject();
    void addAssessesWithTheEngine();

private:
    QString path(const QString& rel) const { return QDir(m_dir.path()).filePath(rel); }
    QTemporaryDir m_dir;
};

void TestProjectCli::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestProjectCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList{} << 2 << "Usage";
    QTest::newRow("unknown subcommand") << QStringList{"frobnicate"} << 2 << "unknown subcommand";
    QTest::newRow("create without project") << QStringList{"create"} << 2 << "exactly one PROJECT";
    QTest::newRow("add without paths") << QStringList{"add", "x.hqa"} << 2 << "at least one PATH";
    QTest::newRow("export of nothing") << QStringList{"export", "x.hqa"} << 2 << "say what to export";
    QTest::newRow("bad source") << QStringList{"export", "x.hqa", "--labels", "l.csv", "--source", "guess"} << 2
                                << "--source";
    QTest::newRow("bad import kind") << QStringList{"import", "x.hqa", "--labels", "l.csv", "--as", "maybe"} << 2
                                     << "--as";
    QTest::newRow("unknown option") << QStringList{"status", "x.hqa", "--colour"} << 2 << "colour";
    QTest::newRow("no such project") << QStringList{"status", "/nonexistent/x.hqa"} << 1 << "no project";
}

void TestProjectCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Run r = project(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestProjectCli::createAddStatusAndMove()
{
    const QString proj = path(QStringLiteral("shoot.hqa"));
    Run r = project({"create", proj});
    QCOMPARE(r.code, 0);
    // A new project is created at the newest schema this build knows.
    QVERIFY2(r.out.contains(QStringLiteral("schema version %1").arg(hqa::core::kProjectSchemaVersion)),
             qPrintable(r.out));
    QCOMPARE(project({"create", proj}).code, 1);

    for (int i = 0; i < 3; ++i)
        hqa::test::writeImage(path(QStringLiteral("day1/img%1.png").arg(i)), 300 + i);
    QFile::copy(path(QStringLiteral("day1/img0.png")), path(QStringLiteral("day1/duplicate.png")));
    r = project({"add", proj, path(QStringLiteral("day1")), "--no-assess"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("added 3, already in the project 1")), qPrintable(r.out));
    r = project({"add", proj, path(QStringLiteral("day1")), "--no-assess"});
    QVERIFY2(r.out.contains(QStringLiteral("added 0, already in the project 4")), qPrintable(r.out));

    QVERIFY(QDir(m_dir.path()).rename(QStringLiteral("day1"), QStringLiteral("archive")));
    r = project({"status", proj});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("photos:         3 (3 missing)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("missing:        ")));
    r = project({"add", proj, path(QStringLiteral("archive")), "--no-assess"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("found again after a move 3")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("found again: ")));
    r = project({"status", proj});
    QVERIFY2(r.out.contains(QStringLiteral("photos:         3 (0 missing)")), qPrintable(r.out));

    // A file that is not an image fails clearly, the rest is still added.
    writeText(path(QStringLiteral("archive/broken.jpg")), "not a jpeg");
    r = project({"add", proj, path(QStringLiteral("archive")), "--no-assess"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("broken.jpg")), qPrintable(r.err));
}

void TestProjectCli::labelsImportExportRoundTrip()
{
    const QString proj = path(QStringLiteral("labels.hqa"));
    QCOMPARE(project({"create", proj}).code, 0);
    hqa::test::writeImage(path(QStringLiteral("set/a.png")), 401);
    hqa::test::writeImage(path(QStringLiteral("set/sub/b.png")), 402);
    writeText(path(QStringLiteral("set/labels.csv")), "file,label,note\na.png,110111,ok\nsub/b.png,0-1111,\n");
    Run r = project({"import", proj, "--labels", path(QStringLiteral("set/labels.csv")), "--reviewer", "Jo"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("imported 2 rows")), qPrintable(r.out));

    const QString out = path(QStringLiteral("export/golden.csv"));
    QDir().mkpath(path(QStringLiteral("export")));
    r = project({"export", proj, "--labels", out});
    QCOMPARE(r.code, 0);
    auto set = readLabelFile(out);
    QVERIFY(set.ok());
    QCOMPARE(set->rows.size(), size_t(2));
    QCOMPARE(set->rows[0].file, QStringLiteral("../set/a.png")); // relative to the CSV's folder
    QCOMPARE(set->rows[0].path, QFileInfo(path(QStringLiteral("set/a.png"))).absoluteFilePath());
    QCOMPARE(labelToString(set->rows[0].label), QStringLiteral("110111"));
    QCOMPARE(labelToString(set->rows[1].label), QStringLiteral("0-1111"));
    QCOMPARE(set->rows[1].extra.at(1), QStringLiteral("Jo")); // verified_by

    // As corrections: only attributes that differ from the current verdict become history rows.
    writeText(path(QStringLiteral("set/fix.csv")), "file,label\na.png,1-----\nsub/b.png,00----\n");
    r = project(
        {"import", proj, "--labels", path(QStringLiteral("set/fix.csv")), "--as", "corrections", "--reviewer", "Kim"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("(3 corrections)")), qPrintable(r.out));
    r = project({"export", proj, "--labels", path(QStringLiteral("export/corrected.csv")), "--source", "corrected"});
    QCOMPARE(r.code, 0);
    auto corrected = readLabelFile(path(QStringLiteral("export/corrected.csv")));
    QCOMPARE(corrected->rows.size(), size_t(2));
    QCOMPARE(labelToString(corrected->rows[0].label), QStringLiteral("1-----"));
    QCOMPARE(labelToString(corrected->rows[1].label), QStringLiteral("00----"));

    // A row whose photo does not exist is reported with its line; the others still count.
    writeText(path(QStringLiteral("set/bad.csv")), "file,label\na.png,111111\nghost.png,111111\n");
    r = project({"import", proj, "--labels", path(QStringLiteral("set/bad.csv"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("line 3")) && r.err.contains(QStringLiteral("ghost.png")),
             qPrintable(r.err));
    // A malformed file is refused as a whole with the parser's message.
    writeText(path(QStringLiteral("set/malformed.csv")), "file,label\na.png,11x111\n");
    r = project({"import", proj, "--labels", path(QStringLiteral("set/malformed.csv"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("line 2")), qPrintable(r.err));
}

void TestProjectCli::jsonlImportExportRoundTrip()
{
    const QString proj = path(QStringLiteral("jsonl.hqa"));
    QCOMPARE(project({"create", proj}).code, 0);
    Assessment a = hqa::test::makeAssessment(QStringLiteral("101111"));
    a.file = hqa::test::writeImage(path(QStringLiteral("j/a.png")), 501);
    // A measure that could not be computed: written as null, it must come back as "not measured", not as 0.
    a.verdict(Attribute::Lighting).evidence.push_back({"unmeasured", std::numeric_limits<double>::quiet_NaN()});
    Assessment b;
    b.file = hqa::test::writeImage(path(QStringLiteral("j/b.png")), 502);
    b.error = Error{ErrorCode::NoFace, QStringLiteral("no face found")};
    QByteArray lines;
    for (const Assessment& x : {a, b})
        lines += QJsonDocument(assessmentToJson(x, {.evidence = true})).toJson(QJsonDocument::Compact) + '\n';
    writeText(path(QStringLiteral("j/in.jsonl")), lines + "{\"file\": \n");
    Run r = project({"import", proj, "--jsonl", path(QStringLiteral("j/in.jsonl"))});
    QCOMPARE(r.code, 1); // the truncated last line
    QVERIFY2(r.err.contains(QStringLiteral("line 3")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("imported 2 assessments")), qPrintable(r.out));
    r = project({"status", proj});
    QVERIFY2(r.out.contains(QStringLiteral("assessed:       2 photos, 2 assessments")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("background 1")), qPrintable(r.out));

    r = project({"export", proj, "--jsonl", path(QStringLiteral("j/out.jsonl"))});
    QCOMPARE(r.code, 0);
    const QStringList out = readText(path(QStringLiteral("j/out.jsonl"))).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 2);
    const QJsonObject oa = QJsonDocument::fromJson(out[0].toUtf8()).object();
    const QJsonObject ob = QJsonDocument::fromJson(out[1].toUtf8()).object();
    QCOMPARE(oa.value("file").toString(), QFileInfo(a.file).absoluteFilePath());
    QCOMPARE(oa.value("label").toString(), QStringLiteral("101111"));
    QCOMPARE(oa.value("attributes").toObject().value("attire").toObject().value("reason").toString(),
             a.verdict(Attribute::Attire).reason);
    QCOMPARE(ob.value("status").toString(), QStringLiteral("error"));
    QCOMPARE(ob.value("error").toObject().value("code").toString(), QStringLiteral("no_face"));

    // What one project exports, another imports to the same JSON.
    const QString proj2 = path(QStringLiteral("jsonl2.hqa"));
    QCOMPARE(project({"create", proj2}).code, 0);
    QCOMPARE(project({"import", proj2, "--jsonl", path(QStringLiteral("j/out.jsonl"))}).code, 0);
    r = project({"export", proj2, "--jsonl", "-"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts), out);

    // The evidence went through the import and the store whole, the unmeasured value included.
    r = project({"export", proj, "--jsonl", "-", "--evidence"});
    QCOMPARE(r.code, 0);
    const QJsonObject attrs =
        QJsonDocument::fromJson(r.out.split(u'\n').first().toUtf8()).object().value("attributes").toObject();
    const QJsonObject evidence = attrs.value("lighting").toObject().value("evidence").toObject();
    QCOMPARE(evidence.value("measured_0").toDouble(-1), 0.0);
    QCOMPARE(attrs.value("attire").toObject().value("evidence").toObject().value("measured_2").toDouble(), 3.0);
    QVERIFY(evidence.contains("unmeasured"));
    QVERIFY(evidence.value("unmeasured").isNull());
}

void TestProjectCli::xmpSidecarsCarryPickAndReject()
{
    const QString proj = path(QStringLiteral("xmp.hqa"));
    auto store = ProjectStore::create(proj);
    QVERIFY(store.ok());
    const QString pass = hqa::test::writeImage(path(QStringLiteral("x/pass.png")), 601);
    const QString fail = hqa::test::writeImage(path(QStringLiteral("x/fail.png")), 602);
    const QString gold = hqa::test::writeImage(path(QStringLiteral("x/golden.png")), 603);
    const QString other = hqa::test::writeImage(path(QStringLiteral("x/other.png")), 604);
    bool stored = true;
    auto add = [&](const QString& f, const QString& label) -> PhotoId {
        const PhotoId id = (*store)->addPhoto(f).value().id;
        stored = stored && (*store)->addAssessment(id, hqa::test::makeAssessment(label)).ok();
        return id;
    };
    add(pass, QStringLiteral("111111"));
    add(fail, QStringLiteral("110111"));
    const PhotoId g = add(gold, QStringLiteral("011111"));
    QVERIFY(!(*store)->setGoldenLabel(g, *parseLabel(u"111111"), QStringLiteral("Lu")));
    add(other, QStringLiteral("111110"));
    QVERIFY(stored);
    store->reset();
    // A darktable sidecar of the failing photo: a person's 3-star rating, keywords and an edit history.
    const QByteArray foreign =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:darktable=\"http://darktable.sf.net/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "   xmp:Rating=\"3\" darktable:xmp_version=\"5\" darktable:history_end=\"2\">\n"
        "   <dc:subject><rdf:Bag><rdf:li>board</rdf:li><rdf:li>2026</rdf:li></rdf:Bag></dc:subject>\n"
        "   <darktable:history><rdf:Seq>\n"
        "    <rdf:li darktable:operation=\"exposure\" darktable:enabled=\"1\" darktable:params=\"0000803f\"/>\n"
        "    <rdf:li darktable:operation=\"crop\" darktable:enabled=\"1\" darktable:params=\"cdcc4c3e\"/>\n"
        "   </rdf:Seq></darktable:history>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n";
    writeText(xmpSidecarPath(other), foreign);

    Run r = project({"export", proj, "--xmp"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("wrote 4 XMP sidecars")));

    const auto failAttrs = xmpAttributes(xmpSidecarPath(fail));
    QCOMPARE(failAttrs.value("xmp:Rating"), QStringLiteral("-1"));
    QCOMPARE(failAttrs.value("xmp:Label"), QStringLiteral("Red"));
    QCOMPARE(failAttrs.value("digiKam:PickLabel"), QStringLiteral("1"));
    QCOMPARE(failAttrs.value("hqa:label"), QStringLiteral("110111"));
    QCOMPARE(failAttrs.value("hqa:attire"), QStringLiteral("fail"));
    QCOMPARE(failAttrs.value("hqa:engine"), QStringLiteral("measures"));
    const auto passAttrs = xmpAttributes(xmpSidecarPath(pass));
    QVERIFY(!passAttrs.contains("xmp:Rating"));
    QCOMPARE(passAttrs.value("digiKam:PickLabel"), QStringLiteral("3"));
    QCOMPARE(passAttrs.value("hqa:source"), QStringLiteral("engine"));
    const auto goldAttrs = xmpAttributes(xmpSidecarPath(gold));
    QCOMPARE(goldAttrs.value("hqa:source"), QStringLiteral("golden"));
    QCOMPARE(goldAttrs.value("hqa:label"), QStringLiteral("111111"));

    // darktable's sidecar keeps everything darktable wrote, the person's rating included; the verdicts are added.
    const QString merged = readText(xmpSidecarPath(other));
    for (const char* kept : {"darktable:xmp_version=\"5\"", "darktable:history_end=\"2\"", "<rdf:li>board</rdf:li>",
                             "<rdf:li>2026</rdf:li>", "darktable:operation=\"exposure\"",
                             "darktable:operation=\"crop\"", "darktable:params=\"cdcc4c3e\""})
        QVERIFY2(merged.contains(QLatin1String(kept)), kept);
    auto read = readXmpSidecar(xmpSidecarPath(other));
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().detail));
    QCOMPARE(read->flags.rating, std::optional<int>(3));
    QCOMPARE(read->flags.pickLabel, std::optional<int>(1)); // absent before: the product's reject flag
    QVERIFY(read->label && labelToString(*read->label) == QLatin1String("111110"));

    // A second export changes no byte of any sidecar.
    QMap<QString, QByteArray> before;
    for (const QString& photo : {pass, fail, gold, other})
        before[photo] = readText(xmpSidecarPath(photo)).toUtf8();
    r = project({"export", proj, "--xmp"});
    QCOMPARE(r.code, 0);
    for (const QString& photo : {pass, fail, gold, other})
        QCOMPARE(readText(xmpSidecarPath(photo)).toUtf8(), before[photo]);

    // --overwrite-xmp lets the verdict's reject replace the person's rating; darktable's properties stay.
    r = project({"export", proj, "--xmp", "--overwrite-xmp"});
    QCOMPARE(r.code, 0);
    read = readXmpSidecar(xmpSidecarPath(other));
    QVERIFY(read.ok());
    QCOMPARE(read->flags.rating, std::optional<int>(-1));
    QVERIFY(readText(xmpSidecarPath(other)).contains(QLatin1String("darktable:operation=\"crop\"")));

    // Lightroom and Bridge name the sidecar photo.xmp.
    r = project({"export", proj, "--xmp", "--xmp-naming", "lightroom"});
    QCOMPARE(r.code, 0);
    QVERIFY(QFile::exists(xmpSidecarPath(fail, SidecarNaming::BaseName)));
    QCOMPARE(xmpSidecarPath(fail, SidecarNaming::BaseName), path(QStringLiteral("x/fail.xmp")));
    QCOMPARE(xmpAttributes(path(QStringLiteral("x/fail.xmp"))).value("xmp:Rating"), QStringLiteral("-1"));
    QCOMPARE(project({"export", proj, "--xmp", "--xmp-naming", "bridge"}).code, 2);

    // A sidecar that is not XMP is reported and left as it was.
    writeText(xmpSidecarPath(pass), "this is not XML");
    r = project({"export", proj, "--xmp"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(xmpSidecarPath(pass)) && r.err.contains(QStringLiteral("left unchanged")),
             qPrintable(r.err));
    QCOMPARE(readText(xmpSidecarPath(pass)).toUtf8(), QByteArray("this is not XML"));
}

void TestProjectCli::addAssessesWithTheEngine()
{
    const QString photo = hqa::test::cachePath(QStringLiteral("photos/astronaut.png"));
    HQA_REQUIRE_DATA(QFile::exists(photo), "test photo photos/astronaut.png");
    const QString proj = path(QStringLiteral("engine.hqa"));
    QCOMPARE(project({"create", proj}).code, 0);
    Run r = project({"add", proj, photo, "--jobs", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("assessed 1 with measures")), qPrintable(r.out));
    r = project({"add", proj, photo, "--jobs", "1"});
    QVERIFY2(!r.out.contains(QStringLiteral("assessed")), qPrintable(r.out)); // already assessed by this engine
    r = project({"add", proj, photo, "--jobs", "1", "--reassess"});
    QVERIFY2(r.out.contains(QStringLiteral("assessed 1")), qPrintable(r.out));
    r = project({"status", proj});
    QVERIFY2(r.out.contains(QStringLiteral("assessed:       1 photos, 2 assessments")), qPrintable(r.out));
    r = project({"export", proj, "--jsonl", "-"});
    const QJsonObject o = QJsonDocument::fromJson(r.out.split(u'\n').front().toUtf8()).object();
    QCOMPARE(o.value("engine").toString(), QStringLiteral("measures"));
    QVERIFY(o.value("model_version").toString().startsWith(QStringLiteral("measures-")));
    QCOMPARE(o.value("label").toString().size(), 6);
}

QTEST_GUILESS_MAIN(TestProjectCli)
#include "tst_project_cli.moc"

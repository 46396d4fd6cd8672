#include "core/store/ProjectStore.h"
#include "core/store/ProjectSchema.h"

#include "StoreTestUtil.h"
#include "tests/support/TestData.h"

#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace hqa::core;
using hqa::test::makeAssessment;
using hqa::test::writeImage;

class TestProjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createRefusesExistingAndOpenRefusesMissing();
    void sameContentIsOnePhoto();
    void movedFileIsFoundAgainAndLabelsKept();
    void overwrittenFileBecomesNewPhoto();
    void nonImageIsRefused();
    void assessmentRoundTrip();
    void filterByFailingAttribute_data();
    void filterByFailingAttribute();
    void correctionsAreAppendOnlyWithUndoRedo();
    void correctionSurvivesNewAssessment();
    void goldenEditsShareTheUndoTimeline();
    void goldenLabelsAndLabelExport();
    void modelsRegisterAndUpdate();
    void readOnlyOpenSaysSoAndRefusesWrites();
    void unwritableFileOpensReadOnly();
    void secondWriterWaitsThenGetsClearMessage();
    void twoStoresSeeEachOthersWrites();
    void refusesForeignFiles_data();
    void refusesForeignFiles();
    void reviewerNameComesFromSettings();

private:
    QString freshProject(const QString& name);
    std::unique_ptr<ProjectStore> create(const QString& name);
    QTemporaryDir m_dir;
};

void TestProjectStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keep QSettings away from the user's real configuration.
    qputenv("XDG_CONFIG_HOME", QDir(m_dir.path()).filePath(QStringLiteral("config")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("hqa-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_projectstore"));
}

QString TestProjectStore::freshProject(const QString& name) { return QDir(m_dir.path()).filePath(name + ".hqa"); }

std::unique_ptr<ProjectStore> TestProjectStore::create(const QString& name)
{
    auto s = ProjectStore::create(freshProject(name));
    if (!s) {
        qWarning() << s.error().detail;
        return nullptr;
    }
    return std::move(*s);
}

void TestProjectStore::createRefusesExistingAndOpenRefusesMissing()
{
    auto s = create(QStringLiteral("exists"));
    QVERIFY(s);
    QCOMPARE(s->schemaVersion(), kProjectSchemaVersion);
    QCOMPARE(s->integrityCheck().value(), QStringLiteral("ok"));
    auto again = ProjectStore::create(freshProject(QStringLiteral("exists")));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
    auto missing = ProjectStore::open(freshProject(QStringLiteral("nowhere")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::Io);
    QVERIFY(!QFile::exists(freshProject(QStringLiteral("nowhere")))); // opening must not create a file
    // WAL mode is what makes a killed writer harmless.
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("walcheck"));
    raw.setDatabaseName(freshProject(QStringLiteral("exists")));
    QVERIFY(raw.open());
    QSqlQuery q(raw);
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    q.finish();
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("walcheck"));
}

void TestProjectStore::sameContentIsOnePhoto()
{
    auto s = create(QStringLiteral("same"));
    QVERIFY(s);
    const QString dir = QDir(m_dir.path()).filePath(QStringLiteral("same"));
    const QString a = writeImage(dir + "/a.png", 1);
    QVERIFY(QFile::copy(a, dir + "/copy of a.png"));
    const QString b = writeImage(dir + "/b.png", 2);
    auto ra = s->addPhoto(a);
    QVERIFY2(ra.ok(), qPrintable(ra.ok() ? QString() : ra.error().detail));
    QCOMPARE(ra->outcome, AddPhotoResult::Outcome::Added);
    auto again = s->addPhoto(a);
    QCOMPARE(again->outcome, AddPhotoResult::Outcome::AlreadyKnown);
    QCOMPARE(again->id, ra->id);
    auto copy = s->addPhoto(dir + "/copy of a.png");
    QCOMPARE(copy->outcome, AddPhotoResult::Outcome::AlreadyKnown);
    QCOMPARE(copy->id, ra->id);
    auto rb = s->addPhoto(b);
    QCOMPARE(rb->outcome, AddPhotoResult::Outcome::Added);
    QVERIFY(rb->id != ra->id);
    auto photos = s->photos();
    QCOMPARE(photos->size(), size_t(2));
    const PhotoRecord& p = photos->front();
    QCOMPARE(p.path, QFileInfo(a).absoluteFilePath()); // the first copy's path is kept
    QCOMPARE(p.width, 96);
    QCOMPARE(p.height, 128);
    QCOMPARE(p.size, QFileInfo(a).size());
    QFile f(a);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(p.sha256, QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(s->photoBySha256(p.sha256)->value().id, p.id);
}

void TestProjectStore::movedFileIsFoundAgainAndLabelsKept()
{
    auto s = create(QStringLiteral("moved"));
    QVERIFY(s);
    const QString root = QDir(m_dir.path()).filePath(QStringLiteral("moved"));
    const QString a = writeImage(root + "/shoot/a.png", 11);
    writeImage(root + "/shoot/b.png", 12);
    auto ra = s->addPhoto(a);
    QVERIFY(ra.ok());
    QVERIFY(s->addPhoto(root + "/shoot/b.png").ok());
    QVERIFY(s->addAssessment(ra->id, makeAssessment(QStringLiteral("110111"))).ok());
    QVERIFY(!s->setGoldenLabel(ra->id, *parseLabel(u"100111"), QStringLiteral("Ana")));
    QVERIFY(s->correct(ra->id, Attribute::Attire, 1, QStringLiteral("Ana")).ok());

    // The folder is renamed: both photos are missing, nothing about them is lost.
    QVERIFY(QDir(root).rename(QStringLiteral("shoot"), QStringLiteral("shoot-2024")));
    QCOMPARE(s->refreshMissing().value(), 2);
    auto before = s->photo(ra->id);
    QVERIFY(before->value().missing);
    QCOMPARE(labelToString(s->goldenLabel(ra->id)->value().label), QStringLiteral("100111"));
    QCOMPARE(s->summary()->missing, 2);

    // Re-adding the renamed folder finds both again by content.
    const QString moved = root + "/shoot-2024/a.png";
    auto rm = s->addPhoto(moved);
    QVERIFY(rm.ok());
    QCOMPARE(rm->outcome, AddPhotoResult::Outcome::Relocated);
    QCOMPARE(rm->id, ra->id);
    QCOMPARE(rm->previousPath, QFileInfo(a).absoluteFilePath());
    QCOMPARE(s->addPhoto(root + "/shoot-2024/b.png")->outcome, AddPhotoResult::Outcome::Relocated);
    QCOMPARE(s->refreshMissing().value(), 0);
    auto after = s->photo(ra->id)->value();
    QCOMPARE(after.path, QFileInfo(moved).absoluteFilePath());
    QVERIFY(!after.missing);
    QCOMPARE(labelToString(after.label), QStringLiteral("111111"));
    QCOMPARE(s->corrections(ra->id)->size(), size_t(1));
    QCOMPARE(s->assessments(ra->id)->size(), size_t(1));
    QCOMPARE(s->photos()->size(), size_t(2));
}

void TestProjectStore::overwrittenFileBecomesNewPhoto()
{
    auto s = create(QStringLiteral("overwrite"));
    QVERIFY(s);
    const QString p = writeImage(QDir(m_dir.path()).filePath(QStringLiteral("overwrite/x.png")), 21);
    auto first = s->addPhoto(p);
    QVERIFY(first.ok());
    // A different picture saved under the same name (sizes differ so the size/time shortcut cannot hide it).
    writeImage(p, 22, 120, 150);
    auto second = s->addPhoto(p);
    QVERIFY(second.ok());
    QCOMPARE(second->outcome, AddPhotoResult::Outcome::Added);
    QVERIFY(second->id != first->id);
    QVERIFY(s->photo(first->id)->value().missing);
    QCOMPARE(s->photoByPath(p)->value().id, second->id);
    QCOMPARE(s->photo(second->id)->value().width, 120);
}

void TestProjectStore::nonImageIsRefused()
{
    auto s = create(QStringLiteral("notimage"));
    QVERIFY(s);
    const QString p = QDir(m_dir.path()).filePath(QStringLiteral("notes.jpg"));
    QFile f(p);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a JPEG at all");
    f.close();
    auto r = s->addPhoto(p);
    QVERIFY(!r.ok());
    QVERIFY(r.error().detail.contains(QStringLiteral("notes.jpg")));
    QCOMPARE(s->photos()->size(), size_t(0));
    auto missing = s->addPhoto(QDir(m_dir.path()).filePath(QStringLiteral("ghost.png")));
    QCOMPARE(missing.error().code, ErrorCode::Io);
}

void TestProjectStore::assessmentRoundTrip()
{
    auto s = create(QStringLiteral("assess"));
    QVERIFY(s);
    const QString p = writeImage(QDir(m_dir.path()).filePath(QStringLiteral("assess/a.png")), 31);
    const PhotoId id = s->addPhoto(p)->id;
    Assessment a = makeAssessment(QStringLiteral("10-011"), QStringLiteral("measures"), QStringLiteral("measures-9"));
    QVERIFY(s->addAssessment(id, a).ok());
    Assessment failed;
    failed.engine = QStringLiteral("swin");
    failed.modelVersion = QStringLiteral("swin-2");
    failed.error = Error{ErrorCode::NoFace, QStringLiteral("no face found")};
    QVERIFY(s->addAssessment(id, failed).ok());

    auto m = s->latestAssessment(id, QStringLiteral("measures"));
    QVERIFY(m.ok() && m->has_value());
    const Assessment& b = (*m)->assessment;
    QCOMPARE(b.file, QFileInfo(p).absoluteFilePath());
    QCOMPARE(b.modelVersion, QStringLiteral("measures-9"));
    QCOMPARE(QString::fromStdString(b.label()), QStringLiteral("10-011"));
    QCOMPARE(b.faceCount, 1);
    QCOMPARE(b.imageSize, cv::Size(96, 128));
    for (int i = 0; i < kAttributeCount; ++i) {
        QCOMPARE(b.verdicts[i].judged, a.verdicts[i].judged);
        if (!a.verdicts[i].judged)
            continue;
        QCOMPARE(b.verdicts[i].score, a.verdicts[i].score);
        QCOMPARE(b.verdicts[i].reason, a.verdicts[i].reason);
        QCOMPARE(b.verdicts[i].evidenceValue("measured_" + std::to_string(i)).value_or(-1), 1.5 * i);
    }
    QVERIFY(b.face.has_value());
    QCOMPARE(b.face->box, cv::Rect2d(10, 20, 30, 40));
    QCOMPARE(b.face->landmarks.size(), size_t(2));
    QCOMPARE(b.face->roll, 1.5);

    auto latest = s->latestAssessment(id);
    QCOMPARE((*latest)->assessment.engine, QStringLiteral("swin"));
    QVERIFY(!(*latest)->assessment.ok());
    QCOMPARE((*latest)->assessment.error->code, ErrorCode::NoFace);
    QCOMPARE(s->assessments(id)->size(), size_t(2));
    // An assessment that could not judge leaves the effective label unknown rather than passing.
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("------"));
    QVERIFY(!s->addAssessment(9999, a).ok());
}

void TestProjectStore::filterByFailingAttribute_data()
{
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<int>("attribute");
    QTest::addColumn<QList<int>>("expected"); // indexes into labels
    const QStringList set{QStringLiteral("111111"), QStringLiteral("011111"), QStringLiteral("0-1101"),
                          QStringLiteral("------"), QStringLiteral("110110")};
    QTest::newRow("lighting") << set << index(Attribute::Lighting) << QList<int>{1, 2};
    QTest::newRow("background (unknown is not failing)") << set << index(Attribute::Background) << QList<int>{};
    QTest::newRow("framing") << set << index(Attribute::Framing) << QList<int>{2};
    QTest::newRow("sharpness") << set << index(Attribute::Sharpness) << QList<int>{4};
    QTest::newRow("expression") << set << index(Attribute::Expression) << QList<int>{};
    QTest::newRow("attire") << set << index(Attribute::Attire) << QList<int>{4};
}

void TestProjectStore::filterByFailingAttribute()
{
    QFETCH(QStringList, labels);
    QFETCH(int, attribute);
    QFETCH(QList<int>, expected);
    auto s = create(QStringLiteral("filter-") + QTest::currentDataTag());
    QVERIFY(s);
    std::vector<PhotoId> ids;
    for (int i = 0; i < labels.size(); ++i) {
        const QString p = writeImage(QDir(m_dir.path()).filePath(QStringLiteral("filter/%1.png").arg(i)), 100 + i);
        ids.push_back(s->addPhoto(p)->id);
        QVERIFY(s->addAssessment(ids.back(), makeAssessment(labels[i])).ok());
    }
    std::vector<PhotoId> want;
    for (int i : expected)
        want.push_back(ids[i]);
    QCOMPARE(s->photosFailing(static_cast<Attribute>(attribute)).value(), want);
    QCOMPARE(s->summary()->failing[attribute], int(expected.size()));
}

void TestProjectStore::goldenEditsShareTheUndoTimeline()
{
    auto s = create(QStringLiteral("timeline"));
    QVERIFY(s);
    const QString dir = QDir(m_dir.path()).filePath(QStringLiteral("timeline"));
    const PhotoId a = s->addPhoto(writeImage(QDir(dir).filePath(QStringLiteral("a.png")), 51))->id;
    const PhotoId b = s->addPhoto(writeImage(QDir(dir).filePath(QStringLiteral("b.png")), 52))->id;
    QVERIFY(s->addAssessment(
                 a, makeAssessment(QStringLiteral("111111"), QStringLiteral("measures"), QStringLiteral("measures-7")))
                .ok());
    const auto golden = [&](PhotoId p) {
        auto g = s->goldenLabel(p).value();
        return g ? labelToString(g->label) : QStringLiteral("none");
    };
    QCOMPARE(s->canUndo().value(), false);

    // Timeline: golden a=110111, correction a.Framing=0, golden a=000000, golden b=111111, clear golden b.
    QVERIFY(!s->setGoldenLabel(a, *parseLabel(u"110111"), QStringLiteral("Ana")));
    QVERIFY(s->correct(a, Attribute::Framing, 0, QStringLiteral("Bo")).ok());
    QVERIFY(!s->setGoldenLabel(a, *parseLabel(u"000000"), QStringLiteral("Cy")));
    QVERIFY(!s->setGoldenLabel(b, *parseLabel(u"111111"), QStringLiteral("Cy")));
    QVERIFY(!s->clearGoldenLabel(b));
    QVERIFY(!s->clearGoldenLabel(b)); // nothing to clear: no history row
    QCOMPARE(s->goldenHistory().value().size(), size_t(4));

    // One Ctrl+Z after another walks back through both kinds, newest first.
    auto step = s->undo(QStringLiteral("Dee"));
    QVERIFY(step.ok() && step->has_value() && (*step)->golden);
    QCOMPARE((*step)->photoId(), b);
    QCOMPARE(golden(b), QStringLiteral("111111"));
    QCOMPARE(s->goldenLabel(b).value()->verifiedBy, QStringLiteral("Cy")); // who verified it comes back too
    QVERIFY(s->undo(QStringLiteral("Dee"))->value().golden);
    QCOMPARE(golden(b), QStringLiteral("none"));
    QVERIFY(s->undo(QStringLiteral("Dee"))->value().golden);
    QCOMPARE(golden(a), QStringLiteral("110111"));
    QCOMPARE(s->goldenLabel(a).value()->verifiedBy, QStringLiteral("Ana"));
    step = s->undo(QStringLiteral("Dee"));
    QVERIFY(step->value().correction);
    QCOMPARE(step->value().correction->kind, CorrectionKind::Undo);
    QCOMPARE(labelToString(s->photo(a)->value().label), QStringLiteral("111111"));
    QCOMPARE(golden(a), QStringLiteral("110111")); // the correction's undo left the golden label alone
    QVERIFY(s->undo(QStringLiteral("Dee"))->value().golden);
    QCOMPARE(golden(a), QStringLiteral("none"));
    QCOMPARE(s->canUndo().value(), false);
    QCOMPARE(s->undo(QStringLiteral("Dee"))->has_value(), false);

    // Redo replays them oldest first.
    QVERIFY(s->redo(QStringLiteral("Dee"))->value().golden);
    QCOMPARE(golden(a), QStringLiteral("110111"));
    QVERIFY(s->redo(QStringLiteral("Dee"))->value().correction);
    QCOMPARE(labelToString(s->photo(a)->value().label), QStringLiteral("111101"));
    QVERIFY(s->redo(QStringLiteral("Dee"))->value().golden);
    QCOMPARE(golden(a), QStringLiteral("000000"));
    QCOMPARE(s->canRedo().value(), true);

    // A new golden edit clears the redo stack, correction steps included.
    QVERIFY(!s->setGoldenLabel(b, *parseLabel(u"101010"), QStringLiteral("Eve")));
    QCOMPARE(s->canRedo().value(), false);
    QCOMPARE(s->redo(QStringLiteral("Eve"))->has_value(), false);

    // Append-only: 5 golden edits (4 + Eve's), 4 golden undos, 2 golden redos; corrections 1 edit, 1 undo, 1 redo.
    const auto history = s->goldenHistory().value();
    QCOMPARE(history.size(), size_t(11));
    QCOMPARE(std::count_if(history.begin(), history.end(),
                           [](const GoldenEdit& g) { return g.kind == CorrectionKind::Undo; }),
             4);
    QCOMPARE(history.back().newLabel.has_value(), true);
    QCOMPARE(s->corrections().value().size(), size_t(3));
    QCOMPARE(s->integrityCheck().value(), QStringLiteral("ok"));
}

void TestProjectStore::correctionsAreAppendOnlyWithUndoRedo()
{
    auto s = create(QStringLiteral("undo"));
    QVERIFY(s);
    const PhotoId id = s->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("undo/a.png")), 41))->id;
    QVERIFY(s->addAssessment(
                 id, makeAssessment(QStringLiteral("111111"), QStringLiteral("measures"), QStringLiteral("measures-7")))
                .ok());
    QCOMPARE(s->canUndo().value(), false);
    QCOMPARE(s->undo(QStringLiteral("Bo"))->has_value(), false);

    QVERIFY(s->correct(id, Attribute::Framing, 0, QStringLiteral("Bo")).ok());
    QVERIFY(s->correct(id, Attribute::Lighting, 0, QStringLiteral("Bo")).ok());
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("011101"));
    QCOMPARE(s->photosFailing(Attribute::Framing).value(), std::vector<PhotoId>{id});
    auto history = s->corrections(id).value();
    QCOMPARE(history.size(), size_t(2));
    QCOMPARE(history[0].attribute, Attribute::Framing);
    QCOMPARE(history[0].oldValue, 1);
    QCOMPARE(history[0].newValue, 0);
    QCOMPARE(history[0].reviewer, QStringLiteral("Bo"));
    QCOMPARE(history[0].engine, QStringLiteral("measures"));
    QCOMPARE(history[0].modelVersion, QStringLiteral("measures-7"));

    // Undo reverts the latest edit first, by appending.
    auto u1 = s->undo(QStringLiteral("Cy"));
    QVERIFY(u1.ok() && u1->has_value() && (*u1)->correction);
    QCOMPARE((*u1)->correction->kind, CorrectionKind::Undo);
    QCOMPARE((*u1)->correction->revertsId, history[1].id);
    QCOMPARE((*u1)->correction->reviewer, QStringLiteral("Cy"));
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("111101"));
    QVERIFY(s->undo(QStringLiteral("Cy"))->has_value());
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("111111"));
    QCOMPARE(s->canUndo().value(), false);
    QCOMPARE(s->canRedo().value(), true);
    QVERIFY(s->photosFailing(Attribute::Framing)->empty());

    auto r1 = s->redo(QStringLiteral("Cy"));
    QVERIFY(r1.ok() && r1->has_value() && (*r1)->correction);
    QCOMPARE((*r1)->correction->kind, CorrectionKind::Redo);
    QCOMPARE((*r1)->correction->revertsId, history[0].id);
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("111101"));

    // A new edit after an undo clears what could be redone.
    QVERIFY(s->correct(id, Attribute::Sharpness, 0, QStringLiteral("Bo")).ok());
    QCOMPARE(s->canRedo().value(), false);
    QCOMPARE(s->redo(QStringLiteral("Bo"))->has_value(), false);
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("111100"));

    // Nothing was ever deleted: 3 edits + 2 undos + 1 redo.
    const auto all = s->corrections().value();
    QCOMPARE(all.size(), size_t(6));
    for (size_t i = 0; i < history.size(); ++i)
        QCOMPARE(all[i].id, history[i].id);
    QVERIFY(!s->correct(id, Attribute::Framing, 2, QStringLiteral("Bo")).ok());
    QVERIFY(!s->correct(id, Attribute::Framing, 1, QStringLiteral("  ")).ok());
    QVERIFY(!s->correct(424242, Attribute::Framing, 1, QStringLiteral("Bo")).ok());
    QCOMPARE(s->corrections()->size(), size_t(6));
}

void TestProjectStore::correctionSurvivesNewAssessment()
{
    auto s = create(QStringLiteral("survive"));
    QVERIFY(s);
    const PhotoId id = s->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("survive/a.png")), 51))->id;
    QVERIFY(s->addAssessment(id, makeAssessment(QStringLiteral("111111"))).ok());
    QVERIFY(s->correct(id, Attribute::Expression, 0, QStringLiteral("Di")).ok());
    // A newer engine version disagrees elsewhere; the reviewer's word on expression stands.
    QVERIFY(
        s->addAssessment(id, makeAssessment(QStringLiteral("011111"), QStringLiteral("swin"), QStringLiteral("swin-3")))
            .ok());
    QCOMPARE(labelToString(s->photo(id)->value().label), QStringLiteral("011011"));
}

void TestProjectStore::goldenLabelsAndLabelExport()
{
    auto s = create(QStringLiteral("golden"));
    QVERIFY(s);
    const QString dir = QDir(m_dir.path()).filePath(QStringLiteral("golden"));
    const PhotoId a = s->addPhoto(writeImage(dir + "/sub/a.png", 61))->id;
    const PhotoId b = s->addPhoto(writeImage(dir + "/b.png", 62))->id;
    const PhotoId c = s->addPhoto(writeImage(dir + "/c.png", 63))->id;
    QVERIFY(s->addAssessment(b, makeAssessment(QStringLiteral("111111"))).ok());
    QVERIFY(s->addAssessment(c, makeAssessment(QStringLiteral("110111"))).ok());
    QVERIFY(s->correct(b, Attribute::Lighting, 0, QStringLiteral("Eve")).ok());
    QVERIFY(!s->setGoldenLabel(a, *parseLabel(u"1-0111"), QStringLiteral("Eve")));
    QVERIFY(!s->setGoldenLabel(a, *parseLabel(u"110111"), QStringLiteral("Fay"))); // re-verified
    QVERIFY(s->setGoldenLabel(777, *parseLabel(u"110111"), QStringLiteral("Fay")).has_value());
    QVERIFY(s->setGoldenLabel(a, *parseLabel(u"110111"), QString()).has_value());
    auto g = s->goldenLabel(a)->value();
    QCOMPARE(labelToString(g.label), QStringLiteral("110111"));
    QCOMPARE(g.verifiedBy, QStringLiteral("Fay"));
    QVERIFY(qAbs(g.verifiedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(s->goldenLabels()->size(), size_t(1));

    auto golden = s->labelSet(LabelSource::Golden, dir).value();
    QCOMPARE(golden.rows.size(), size_t(1));
    QCOMPARE(golden.rows[0].file, QStringLiteral("sub/a.png"));
    auto corrected = s->labelSet(LabelSource::Corrected, dir).value();
    QCOMPARE(corrected.rows.size(), size_t(1));
    QCOMPARE(labelToString(corrected.rows[0].label), QStringLiteral("011111"));
    auto all = s->labelSet(LabelSource::All, dir).value();
    QCOMPARE(all.rows.size(), size_t(3));

    // What is written is a labels.csv the shared reader parses back to the same labels and paths.
    const QString csv = dir + "/labels.csv";
    QVERIFY(!writeLabelFile(csv, all));
    auto back = readLabelFile(csv);
    QVERIFY(back.ok());
    QCOMPARE(back->rows.size(), size_t(3));
    for (size_t i = 0; i < all.rows.size(); ++i) {
        QCOMPARE(back->rows[i].path, all.rows[i].path);
        QCOMPARE(labelToString(back->rows[i].label), labelToString(all.rows[i].label));
    }
    QCOMPARE(back->rows[0].extra.front(), QStringLiteral("corrected")); // b.png
    QCOMPARE(back->rows[1].extra.front(), QStringLiteral("engine")); // c.png
    QCOMPARE(back->rows[2].extra.front(), QStringLiteral("golden")); // sub/a.png

    QVERIFY(!s->clearGoldenLabel(a));
    QVERIFY(!s->goldenLabel(a)->has_value());
}

void TestProjectStore::modelsRegisterAndUpdate()
{
    auto s = create(QStringLiteral("models"));
    QVERIFY(s);
    ModelRecord m;
    m.name = QStringLiteral("swin-tiny-heads");
    m.version = QStringLiteral("2024.1");
    m.path = QStringLiteral("/models/a.pt");
    m.metrics = QJsonObject{{QStringLiteral("hamming"), 0.93}};
    const qint64 id = s->registerModel(m).value();
    m.metrics = QJsonObject{{QStringLiteral("hamming"), 0.95}};
    QCOMPARE(s->registerModel(m).value(), id);
    m.version = QStringLiteral("2024.2");
    QVERIFY(s->registerModel(m).value() != id);
    auto models = s->models().value();
    QCOMPARE(models.size(), size_t(2));
    QCOMPARE(models[0].metrics.value(QStringLiteral("hamming")).toDouble(), 0.95);
    m.version.clear();
    QVERIFY(!s->registerModel(m).ok());
}

void TestProjectStore::readOnlyOpenSaysSoAndRefusesWrites()
{
    {
        auto s = create(QStringLiteral("ro"));
        QVERIFY(s);
        QVERIFY(s->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("ro/a.png")), 71)).ok());
    }
    auto ro = ProjectStore::open(freshProject(QStringLiteral("ro")), {ProjectStore::Access::ReadOnly, 1000});
    QVERIFY(ro.ok());
    QVERIFY((*ro)->isReadOnly());
    QVERIFY(!(*ro)->readOnlyReason().isEmpty());
    QCOMPARE((*ro)->photos()->size(), size_t(1));
    auto w = (*ro)->correct((*ro)->photos()->front().id, Attribute::Lighting, 0, QStringLiteral("Gil"));
    QVERIFY(!w.ok());
    QVERIFY2(w.error().detail.contains(QStringLiteral("read-only")), qPrintable(w.error().detail));
    QVERIFY(!(*ro)->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("ro/b.png")), 72)).ok());
}

void TestProjectStore::unwritableFileOpensReadOnly()
{
    if (geteuid() == 0)
        QSKIP("root can write any file");
    {
        QVERIFY(create(QStringLiteral("locked")));
    }
    const QString path = freshProject(QStringLiteral("locked"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    auto s = ProjectStore::open(path);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().detail));
    QVERIFY((*s)->isReadOnly());
    QVERIFY((*s)->readOnlyReason().contains(QStringLiteral("not writable")));
    QCOMPARE((*s)->summary()->photos, 0);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestProjectStore::secondWriterWaitsThenGetsClearMessage()
{
    auto s = create(QStringLiteral("busy"));
    QVERIFY(s);
    const PhotoId id = s->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("busy/a.png")), 81))->id;
    s.reset();
    auto store = ProjectStore::open(freshProject(QStringLiteral("busy")), {ProjectStore::Access::ReadWrite, 300});
    QVERIFY(store.ok());

    // Another writer (a second window, another process: SQLite locks the same way) holds the write lock.
    QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-writer"));
    other.setDatabaseName(freshProject(QStringLiteral("busy")));
    QVERIFY(other.open());
    {
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO models(name, version, registered_at) VALUES ('x', '1', 0)")));
    }
    QElapsedTimer t;
    t.start();
    auto blocked = (*store)->correct(id, Attribute::Lighting, 0, QStringLiteral("Hal"));
    QVERIFY(!blocked.ok());
    QCOMPARE(blocked.error().code, ErrorCode::Io);
    QVERIFY2(blocked.error().detail.contains(QStringLiteral("busy")), qPrintable(blocked.error().detail));
    QVERIFY2(t.elapsed() >= 250, "the busy timeout was not honoured");
    // Reading still works while the other process writes (WAL).
    QCOMPARE((*store)->photos()->size(), size_t(1));
    QVERIFY(QSqlQuery(other).exec(QStringLiteral("COMMIT")));
    QVERIFY((*store)->correct(id, Attribute::Lighting, 0, QStringLiteral("Hal")).ok());
    QCOMPARE((*store)->corrections()->size(), size_t(1)); // the refused write left nothing behind
    QCOMPARE((*store)->models()->size(), size_t(1));
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other-writer"));
}

void TestProjectStore::twoStoresSeeEachOthersWrites()
{
    auto a = create(QStringLiteral("two"));
    QVERIFY(a);
    auto b = ProjectStore::open(freshProject(QStringLiteral("two")));
    QVERIFY(b.ok());
    const PhotoId id = a->addPhoto(writeImage(QDir(m_dir.path()).filePath(QStringLiteral("two/a.png")), 91))->id;
    QCOMPARE((*b)->photos()->size(), size_t(1));
    for (int i = 0; i < 10; ++i) {
        QVERIFY(a->correct(id, Attribute::Framing, i % 2, QStringLiteral("A")).ok());
        QVERIFY((*b)->correct(id, Attribute::Lighting, i % 2, QStringLiteral("B")).ok());
    }
    QCOMPARE(a->corrections()->size(), size_t(20));
    QCOMPARE(labelToString((*b)->photo(id)->value().label), QStringLiteral("1---1-"));
}

void TestProjectStore::refusesForeignFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("sqlite");
    QTest::addColumn<int>("code");
    QTest::newRow("text file") << QByteArray("hello, I am not a database\n").repeated(200) << false
                               << int(ErrorCode::Unreadable);
    QTest::newRow("empty file") << QByteArray() << false << int(ErrorCode::Unreadable);
    QTest::newRow("other sqlite database") << QByteArray() << true << int(ErrorCode::Unreadable);
}

void TestProjectStore::refusesForeignFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, sqlite);
    QFETCH(int, code);
    const QString path = freshProject(QStringLiteral("foreign-") + QTest::currentDataTag());
    if (sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE recipes(name TEXT)")));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    auto s = ProjectStore::open(path);
    QVERIFY(!s.ok());
    QCOMPARE(int(s.error().code), code);
    QVERIFY(s.error().detail.contains(QFileInfo(path).fileName()));
    f.seek(0);
    QCOMPARE(f.readAll(), before); // refused files are left untouched
}

void TestProjectStore::reviewerNameComesFromSettings()
{
    QSettings().remove(QStringLiteral("review/reviewer"));
    const QString login = defaultReviewerName();
    QVERIFY(!login.isEmpty());
    QSettings().setValue(QStringLiteral("review/reviewer"), QStringLiteral("Ingrid Reviewer"));
    QCOMPARE(defaultReviewerName(), QStringLiteral("Ingrid Reviewer"));
    QSettings().remove(QStringLiteral("review/reviewer"));
    QCOMPARE(defaultReviewerName(), login);
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"

// Project files of every schema version ever released are kept in fixtures/ and must open with this build
// (migrated forward); a file from a newer build is refused and left unchanged.
//
// `tst_store_migration --write-fixture DIR` writes project-v<current>.hqa: run it once when the schema version
// is raised, before the change, and commit the file so the old version stays covered.

#include "core/store/ProjectSchema.h"
#include "core/store/ProjectStore.h"

#include "StoreTestUtil.h"
#include "tests/support/TestData.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace hqa::core;

namespace {

QString fixturesDir() { return hqa::test::sourcePath(QStringLiteral("tests/core/store/fixtures")); }

int writeFixture(const QString& dir)
{
    QTemporaryDir photos;
    const QString path = QDir(dir).filePath(QStringLiteral("project-v%1.hqa").arg(kProjectSchemaVersion));
    QFile::remove(path);
    auto s = ProjectStore::create(path);
    if (!s) {
        qCritical("%s", qPrintable(s.error().detail));
        return 1;
    }
    ProjectStore& store = **s;
    std::vector<PhotoId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(
            store.addPhoto(hqa::test::writeImage(photos.filePath(QStringLiteral("fixture-%1.png").arg(i)), 900 + i))
                .value()
                .id);
    store.addAssessment(ids[0],
                        hqa::test::makeAssessment(QStringLiteral("111011"), QStringLiteral("measures"),
                                                  QStringLiteral("measures-0.1.0")));
    store.addAssessment(ids[1],
                        hqa::test::makeAssessment(QStringLiteral("0-1111"), QStringLiteral("measures"),
                                                  QStringLiteral("measures-0.1.0")));
    Assessment failed;
    failed.modelVersion = QStringLiteral("measures-0.1.0");
    failed.error = Error{ErrorCode::NoFace, QStringLiteral("no face found")};
    store.addAssessment(ids[2], failed);
    store.correct(ids[0], Attribute::Expression, 1, QStringLiteral("Fixture Reviewer"));
    store.correct(ids[1], Attribute::Lighting, 1, QStringLiteral("Fixture Reviewer"));
    store.undo(QStringLiteral("Fixture Reviewer"));
    store.setGoldenLabel(ids[2], *parseLabel(u"110111"), QStringLiteral("Fixture Reviewer"));
    ModelRecord m;
    m.name = QStringLiteral("swin-tiny-heads");
    m.version = QStringLiteral("fixture-1");
    m.metrics = QJsonObject{{QStringLiteral("hamming_accuracy"), 0.9389}};
    store.registerModel(m);
    // Schema 3: a reviewer's flag, stars and colour label (one two-photo step, then one more).
    store.setMarks({{ids[0], CullMarks{PickFlag::Accept, 4, ColourLabel::Green}},
                    {ids[1], CullMarks{PickFlag::Reject, 0, ColourLabel::None}}},
                   QStringLiteral("Fixture Reviewer"));
    store.setMarks(ids[2], CullMarks{PickFlag::None, 2, ColourLabel::Purple}, QStringLiteral("Fixture Reviewer"));
    qInfo("wrote %s", qPrintable(path));
    return 0;
}

int rawPragma(const QString& path, const QString& pragma, std::optional<int> set = std::nullopt)
{
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (set)
                q.exec(QStringLiteral("PRAGMA %1 = %2").arg(pragma).arg(*set));
            if (q.exec(QStringLiteral("PRAGMA %1").arg(pragma)) && q.next())
                value = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return value;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestStoreMigration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyVersionHasAFixture();
    void fixtureOpensAndKeepsItsData_data();
    void fixtureOpensAndKeepsItsData();
    void newerVersionIsRefusedAndLeftUnchanged_data();
    void newerVersionIsRefusedAndLeftUnchanged();
    void newFileIsStampedWithCurrentVersion();

private:
    QTemporaryDir m_dir;
};

void TestStoreMigration::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestStoreMigration::everyVersionHasAFixture()
{
    for (int v = 1; v <= kProjectSchemaVersion; ++v)
        QVERIFY2(QFile::exists(QDir(fixturesDir()).filePath(QStringLiteral("project-v%1.hqa").arg(v))),
                 qPrintable(QStringLiteral("no fixture for schema version %1 in %2").arg(v).arg(fixturesDir())));
}

void TestStoreMigration::fixtureOpensAndKeepsItsData_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    const QRegularExpression name(QStringLiteral("^project-v(\\d+)\\.hqa$"));
    for (const QString& f :
         QDir(fixturesDir()).entryList({QStringLiteral("project-v*.hqa")}, QDir::Files, QDir::Name)) {
        const auto m = name.match(f);
        if (m.hasMatch())
            QTest::newRow(qPrintable(f)) << QDir(fixturesDir()).filePath(f) << m.captured(1).toInt();
    }
}

void TestStoreMigration::fixtureOpensAndKeepsItsData()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    const QString copy = m_dir.filePath(QFileInfo(fixture).fileName());
    QFile::remove(copy);
    QVERIFY(QFile::copy(fixture, copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(rawPragma(copy, QStringLiteral("user_version")), version);

    auto s = ProjectStore::open(copy);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().detail));
    ProjectStore& store = **s;
    QCOMPARE(store.schemaVersion(), kProjectSchemaVersion);
    QCOMPARE(store.integrityCheck().value(), QStringLiteral("ok"));

    // The data every version's fixture was written with (writeFixture above).
    auto photos = store.photos().value();
    QCOMPARE(photos.size(), size_t(3));
    QCOMPARE(store.refreshMissing().value(), 3); // the fixture's photos were in a deleted temporary folder
    QCOMPARE(labelToString(photos[0].label), QStringLiteral("111111"));
    QCOMPARE(labelToString(photos[1].label), QStringLiteral("0-1111"));
    QCOMPARE(labelToString(photos[2].label), QStringLiteral("------"));
    auto a = store.latestAssessment(photos[0].id).value();
    QVERIFY(a.has_value());
    QCOMPARE(a->assessment.modelVersion, QStringLiteral("measures-0.1.0"));
    QCOMPARE(a->assessment.verdict(Attribute::Framing).reason, QStringLiteral("reason 4 for 111011"));
    QCOMPARE(store.latestAssessment(photos[2].id).value()->assessment.error->code, ErrorCode::NoFace);
    auto history = store.corrections().value();
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(history[2].kind, CorrectionKind::Undo);
    QCOMPARE(history[2].revertsId, history[1].id);
    QCOMPARE(history[0].reviewer, QStringLiteral("Fixture Reviewer"));
    // The fixture's undone correction can be redone until a later edit: in a v2 or v3 fixture its golden label
    // (on the shared undo timeline from schema 2 on) was set after the undo and cleared the redo stack.
    QCOMPARE(store.canRedo().value(), version < 2);
    auto golden = store.goldenLabel(photos[2].id).value();
    QVERIFY(golden.has_value());
    QCOMPARE(labelToString(golden->label), QStringLiteral("110111"));
    auto models = store.models().value();
    QCOMPARE(models.size(), size_t(1));
    QCOMPARE(models[0].metrics.value(QStringLiteral("hamming_accuracy")).toDouble(), 0.9389);

    // Marks from schema 3 on (a v3 fixture has two marks steps on the timeline after its golden label).
    if (version >= 3) {
        QCOMPARE(store.allMarks().value().size(), size_t(3));
        const CullMarks m0 = store.marks(photos[0].id).value();
        QVERIFY(m0.flag == PickFlag::Accept && m0.stars == 4 && m0.colour == ColourLabel::Green);
        QCOMPARE(store.marks(photos[1].id).value().flag, PickFlag::Reject);
        QCOMPARE(store.markHistory().value().size(), size_t(3));
    } else {
        QVERIFY(store.allMarks().value().empty());
    }

    // The migrated file is writable like a new one (a redo, then new edits) and stamped with the current version.
    QCOMPARE(store.redo(QStringLiteral("tester")).value().has_value(), version < 2);

    // Golden labels share the undo timeline from schema 2 on; a v1 file's golden labels have no history rows.
    QCOMPARE(store.goldenHistory().value().size(), size_t(version >= 2 ? 1 : 0));
    QVERIFY(!store.setGoldenLabel(photos[2].id, *parseLabel(u"111111"), QStringLiteral("tester")));
    QVERIFY(store.correct(photos[0].id, Attribute::Lighting, 0, QStringLiteral("tester")).ok());
    QVERIFY(store.undo(QStringLiteral("tester")).value()->correction.has_value());
    QVERIFY(store.undo(QStringLiteral("tester")).value()->golden.has_value());
    QCOMPARE(labelToString(store.goldenLabel(photos[2].id).value()->label), QStringLiteral("110111"));
    QCOMPARE(store.goldenLabel(photos[2].id).value()->verifiedBy, QStringLiteral("Fixture Reviewer"));
    QVERIFY(store.redo(QStringLiteral("tester")).value()->golden.has_value());
    QCOMPARE(labelToString(store.goldenLabel(photos[2].id).value()->label), QStringLiteral("111111"));
    s->reset();
    QCOMPARE(rawPragma(copy, QStringLiteral("user_version")), kProjectSchemaVersion);
    QCOMPARE(rawPragma(copy, QStringLiteral("application_id")), kProjectApplicationId);
}

void TestStoreMigration::newerVersionIsRefusedAndLeftUnchanged_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestStoreMigration::newerVersionIsRefusedAndLeftUnchanged()
{
    QFETCH(bool, readOnly);
    const QString copy = m_dir.filePath(QStringLiteral("future.hqa"));
    QFile::remove(copy);
    QVERIFY(
        QFile::copy(QDir(fixturesDir()).filePath(QStringLiteral("project-v%1.hqa").arg(kProjectSchemaVersion)), copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(rawPragma(copy, QStringLiteral("user_version"), kProjectSchemaVersion + 1), kProjectSchemaVersion + 1);
    const QByteArray before = fileBytes(copy);
    auto s = ProjectStore::open(copy,
                                {readOnly ? ProjectStore::Access::ReadOnly : ProjectStore::Access::ReadWrite, 1000});
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::UnsupportedFormat);
    QVERIFY2(s.error().detail.contains(QStringLiteral("newer")), qPrintable(s.error().detail));
    QVERIFY(s.error().detail.contains(QString::number(kProjectSchemaVersion + 1)));
    QCOMPARE(fileBytes(copy), before);
}

void TestStoreMigration::newFileIsStampedWithCurrentVersion()
{
    const QString path = m_dir.filePath(QStringLiteral("new.hqa"));
    {
        QVERIFY(ProjectStore::create(path).ok());
    }
    QCOMPARE(rawPragma(path, QStringLiteral("user_version")), kProjectSchemaVersion);
    QCOMPARE(rawPragma(path, QStringLiteral("application_id")), kProjectApplicationId);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--write-fixture") == 0)
        return writeFixture(QString::fromLocal8Bit(argv[2]));
    TestStoreMigration test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store_migration.moc"

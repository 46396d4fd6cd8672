// The corrections head learns a reviewer's standard, and only where that carries to people it has not seen.
// Real photos of many different people: the official portraits (../shared/data/portraits, one person each),
// close-ups made from them (framing fails by construction), and the test cache's evaluation set (Franck's
// video frames and stills, a dozen other people; groups are source photos, so the test maps them to people).
//
// - A reviewer judges lighting more strictly than the engine (faces darker than the reviewer likes fail) on
//   photos of many people in a real project; the head learned from it must judge other people, never in the
//   project, clearly better by that standard, and pass the significance rule (CorrectionsHead.h).
// - Learned from Franck alone, the same standard must not replace the engine: one person is no evidence.
// - Reviewers who pass tight close-ups of a few people must not make framing worse on other people's photos.
// - A head learned from some people's labels, applied to other people, must not make their verdicts worse.
// Evidence names are never named here: the engine's measures change, the reviewer's standard does not.
#include "core/engine/BatchRunner.h"
#include "core/eval/LabelFile.h"
#include "core/store/ProjectStore.h"
#include "core/train/Augment.h"
#include "core/train/CorrectionsHead.h"
#include "core/train/Dataset.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

using namespace hqa::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const int kLighting = index(Attribute::Lighting);
const int kFraming = index(Attribute::Framing);

struct Photo {
    QString path;
    QString person;
    QString kind; ///< eval: the variant's source column; portraits: "portrait" or "closeup"
    Label truth = kUnknownLabel; ///< eval: its labels; portraits: framing only (by construction)
    Assessment assessment;
    double faceBrightness = kNaN; ///< mean grey level in the face box, measured here from the pixels
};

/// The eval set's groups are source photos; the people behind them (Franck's frames and stills are one man).
QString personOfEvalGroup(QString g)
{
    g = g.toLower();
    if (g.startsWith(QLatin1String("frame_")) || g.startsWith(QLatin1String("still_")))
        return QStringLiteral("franck");
    if (g.contains(QLatin1String("bieber")))
        return QStringLiteral("bieber");
    if (g.contains(QLatin1String("clooney")))
        return QStringLiteral("clooney");
    g.remove(QLatin1String("_crop"));
    g.remove(QLatin1String("_small"));
    while (!g.isEmpty() && (g.back().isDigit() || g.back() == u'_'))
        g.chop(1);
    return g;
}

double faceBrightness(const QString& path, const Assessment& a)
{
    if (!a.face)
        return kNaN;
    const cv::Mat bgr = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    if (bgr.empty())
        return kNaN;
    const cv::Rect box = cv::Rect(a.face->box) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (box.area() < 16)
        return kNaN;
    cv::Mat grey;
    cv::cvtColor(bgr(box), grey, cv::COLOR_BGR2GRAY);
    return cv::mean(grey)[0];
}

int verdictOf(const Assessment& a, int k) { return a.verdicts[size_t(k)].pass ? 1 : 0; }

/// Per attribute: accuracy and balanced accuracy of verdicts against targets, over judged, labelled photos.
struct Score {
    int tp = 0, fn = 0, tn = 0, fp = 0;
    void add(int truth, int predicted) { (truth ? (predicted ? tp : fn) : (predicted ? fp : tn))++; }
    int total() const { return tp + fn + tn + fp; }
    double accuracy() const { return total() ? double(tp + tn) / total() : kNaN; }
    double balanced() const
    {
        return (tp + fn > 0 && tn + fp > 0) ? 0.5 * (double(tp) / (tp + fn) + double(tn) / (tn + fp)) : kNaN;
    }
};

struct Comparison {
    std::array<Score, kAttributeCount> engine, head;
    Score engineAll, headAll; ///< Hamming over every labelled, judged attribute
};

/// The engine's verdicts and the head's on the same photos, against `target(photo, attribute)` (-1: none).
template<class Target>
Comparison compare(const CorrectionsHead& head, const std::vector<const Photo*>& photos, Target target)
{
    Comparison c;
    for (const Photo* p : photos) {
        Assessment withHead = p->assessment;
        head.apply(withHead);
        for (int k = 0; k < kAttributeCount; ++k) {
            const int t = target(*p, k);
            if (t < 0 || !p->assessment.verdicts[size_t(k)].judged)
                continue;
            c.engine[size_t(k)].add(t, verdictOf(p->assessment, k));
            c.head[size_t(k)].add(t, verdictOf(withHead, k));
            c.engineAll.add(t, verdictOf(p->assessment, k));
            c.headAll.add(t, verdictOf(withHead, k));
        }
    }
    return c;
}

bool copyInto(const QString& from, const QString& dir, QString& to)
{
    if (!QDir().mkpath(dir))
        return false;
    to = QDir(dir).filePath(QFileInfo(from).fileName());
    return QFile::exists(to) || QFile::copy(from, to);
}

} // namespace

class TestCorrectionsHead : public QObject {
    Q_OBJECT

    std::vector<Photo> m_eval, m_portraits, m_closeups;
    double m_cut = 0;

    /// The reviewer's lighting standard: the engine's verdict, but faces darker than m_cut fail too.
    int reviewer(const Photo& p) const
    {
        return (p.assessment.verdict(Attribute::Lighting).pass && p.faceBrightness >= m_cut) ? 1 : 0;
    }
    static bool lightingJudged(const Photo& p)
    {
        return p.assessment.ok() && p.assessment.verdict(Attribute::Lighting).judged && std::isfinite(p.faceBrightness);
    }

    static void assess(std::vector<Photo>& photos)
    {
        QStringList files;
        for (const Photo& p : photos)
            files << p.path;
        BatchOptions options;
        options.jobs = 2;
        auto runner = BatchRunner::create(options);
        QVERIFY(runner);
        (*runner)->run(files, [&](int i, const Assessment& a) { photos[size_t(i)].assessment = a; });
        for (Photo& p : photos)
            p.faceBrightness = faceBrightness(p.path, p.assessment);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString labelPath = hqa::test::cachePath(QStringLiteral("eval/labels.csv"));
        HQA_REQUIRE_DATA(QFile::exists(labelPath), "evaluation set (eval/labels.csv)");
        auto labels = readLabelFile(labelPath);
        QVERIFY2(labels, qPrintable(labelPath));
        const qsizetype sourceColumn = labels->extraColumns.indexOf(QStringLiteral("source"));
        // Every second row keeps the run short while keeping every source photo represented.
        for (size_t i = 0; i < labels->rows.size(); i += 2) {
            const LabelRow& r = labels->rows[i];
            m_eval.push_back({r.path,
                              personOfEvalGroup(r.group),
                              sourceColumn >= 0 && sourceColumn < r.extra.size() ? r.extra[sourceColumn] : QString(),
                              r.label,
                              {},
                              kNaN});
        }
        const QDir portraits(QStringLiteral(HQA_PORTRAITS_DIR));
        const QStringList files = portraits.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files,
                                                      QDir::Name);
        QVERIFY2(files.size() >= 200,
                 qPrintable(QStringLiteral("expected the 215 portraits in %1").arg(portraits.path())));
        for (const QString& f : files) {
            Label truth = kUnknownLabel;
            truth[size_t(kFraming)] = 1; // official head-and-shoulders portraits
            m_portraits.push_back(
                {portraits.filePath(f), QFileInfo(f).completeBaseName(), QStringLiteral("portrait"), truth, {}, kNaN});
        }
        assess(m_eval);
        assess(m_portraits);

        // Tight close-ups of the portraits (the face fills the frame): framing fails by construction. Each in a
        // folder of its own person, as a reviewer's project would keep them.
        const QString closeDir = hqa::test::tempDir() + QStringLiteral("/closeups");
        for (const Photo& p : m_portraits) {
            if (!p.assessment.ok() || !p.assessment.face || !p.assessment.verdicts[size_t(kFraming)].judged)
                continue;
            const cv::Mat bgr = cv::imread(p.path.toStdString(), cv::IMREAD_COLOR);
            const cv::Mat close = makeVariant(QStringLiteral("framing_closeup"), bgr, *p.assessment.face, cv::Mat(), 1);
            if (close.empty())
                continue;
            const QString dir = closeDir + u'/' + p.person;
            QVERIFY(QDir().mkpath(dir));
            const QString path = dir + QStringLiteral("/closeup.jpg");
            QVERIFY(cv::imwrite(path.toStdString(), close));
            Label truth = kUnknownLabel;
            truth[size_t(kFraming)] = 0;
            m_closeups.push_back({path, p.person, QStringLiteral("closeup"), truth, {}, kNaN});
        }
        assess(m_closeups);

        // The reviewer's cut: the 40th percentile of the face brightness of photos whose lighting the engine
        // passes, over every person: a real disagreement with the engine.
        std::vector<double> lum;
        for (const auto* set : {&m_eval, &m_portraits})
            for (const Photo& p : *set)
                if (lightingJudged(p) && p.assessment.verdict(Attribute::Lighting).pass)
                    lum.push_back(p.faceBrightness);
        QVERIFY(lum.size() > 150);
        std::sort(lum.begin(), lum.end());
        m_cut = lum[lum.size() * 2 / 5];
        int judged = 0;
        for (const Photo& p : m_portraits)
            judged += lightingJudged(p);
        qInfo("assessed %d eval photos, %d portraits (%d with lighting judged), %d close-ups; reviewer's cut: "
              "face grey level %.1f",
              int(m_eval.size()), int(m_portraits.size()), judged, int(m_closeups.size()), m_cut);
        QVERIFY(judged > 150);
        QVERIFY(m_closeups.size() > 100);
    }

    /// A consistent standard over many people is learned, passes the significance rule, and carries to other
    /// people who were never in the project.
    void headLearnsTheReviewersStandard()
    {
        std::vector<const Photo*> photos;
        std::vector<QString> people;
        for (const Photo& p : m_portraits)
            if (lightingJudged(p)) {
                photos.push_back(&p);
                people.push_back(p.person);
            }
        const auto [trainIdx, heldIdx] = splitByGroupKeys(people, 0.3, 11);
        QVERIFY(heldIdx.size() > 40);

        // The reviewer's project: each person's photo in a folder of its own (the folder is the person).
        const QString projectPath = hqa::test::tempDir() + QStringLiteral("/review.hqa");
        auto store = ProjectStore::create(projectPath);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().detail));
        int corrected = 0, accepted = 0;
        for (int i : trainIdx) {
            const Photo& p = *photos[size_t(i)];
            QString copy;
            QVERIFY(copyInto(p.path, hqa::test::tempDir() + QStringLiteral("/people/") + p.person, copy));
            auto added = (*store)->addPhoto(copy);
            QVERIFY(added);
            QVERIFY((*store)->addAssessment(added->id, p.assessment));
            const int wanted = reviewer(p);
            if (wanted != verdictOf(p.assessment, kLighting)) {
                QVERIFY((*store)->correct(added->id, Attribute::Lighting, wanted, QStringLiteral("strict reviewer")));
                ++corrected;
            } else {
                Label golden = kUnknownLabel;
                golden[size_t(kLighting)] = std::int8_t(wanted);
                QVERIFY(!(*store)->setGoldenLabel(added->id, golden, QStringLiteral("strict reviewer")));
                ++accepted;
            }
        }
        QVERIFY(corrected > 10);

        auto samples = correctionSamples(**store);
        QVERIFY(samples);
        QCOMPARE(int(samples->size()), int(trainIdx.size()));
        auto trained = trainCorrectionsHead(*samples);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().detail));
        const auto& [head, report] = *trained;
        const AttributeHeadReport& r = report.attributes[size_t(kLighting)];
        qInfo("project: %d photos of %d people (by folder); lighting: %s", report.photos, report.people,
              qPrintable(r.note));
        QVERIFY2(head.covers(Attribute::Lighting), qPrintable(r.note));
        QVERIFY(!head.covers(Attribute::Sharpness)); // nobody reviewed sharpness
        // The check held out people, and the gain is beyond its noise.
        QCOMPARE(report.people, int(trainIdx.size()));
        QVERIFY(r.heldOutPeople >= 5);
        QCOMPARE(r.heldOutSamples, int(trainIdx.size()));
        QVERIFY(r.gainLow > 0 && r.gainLow <= r.gain && r.gain <= r.gainHigh);
        QVERIFY(r.pValue < 0.025);
        QVERIFY(r.note.contains(QLatin1String("interval")) && r.note.contains(QLatin1String("people")));

        // Other people: never in the project.
        int engineRight = 0, headRight = 0, leftToEngine = 0;
        for (int i : heldIdx) {
            Assessment a = photos[size_t(i)]->assessment;
            const int truth = reviewer(*photos[size_t(i)]);
            engineRight += verdictOf(a, kLighting) == truth;
            head.apply(a);
            headRight += verdictOf(a, kLighting) == truth;
            // The head judges, or says why it left a photo unlike all it learned from to the measures.
            if (a.verdict(Attribute::Lighting).source.endsWith(QLatin1String("+head")))
                QVERIFY(a.verdict(Attribute::Lighting).reason.contains(QLatin1String("the measures said")));
            else
                QVERIFY2(a.verdict(Attribute::Lighting).reason.contains(QLatin1String("left this to the measures")),
                         qPrintable(a.verdict(Attribute::Lighting).reason));
            leftToEngine += !a.verdict(Attribute::Lighting).source.endsWith(QLatin1String("+head"));
        }
        QVERIFY(leftToEngine <= int(heldIdx.size()) / 5);
        const double engineAcc = double(engineRight) / double(heldIdx.size());
        const double headAcc = double(headRight) / double(heldIdx.size());
        qInfo("reviewed %d photos of %d people (%d corrected, %d accepted); %d other people: engine %.1f%%, head "
              "%.1f%% (%d left to the engine); trained in %.1f ms",
              int(trainIdx.size()), report.people, corrected, accepted, int(heldIdx.size()), 100 * engineAcc,
              100 * headAcc, leftToEngine, report.milliseconds);
        QVERIFY2(headAcc >= engineAcc + 0.15, "the head must beat the engine clearly on the reviewer's standard");
        QVERIFY(headAcc >= 0.85);
        QVERIFY(report.milliseconds < 2000);

        // Round trip through a file gives the same judgements and keeps the held-out figures.
        const QString headPath = hqa::test::tempDir() + QStringLiteral("/head.json");
        QVERIFY(!head.save(headPath));
        auto loaded = CorrectionsHead::load(headPath);
        QVERIFY(loaded);
        QCOMPARE(loaded->version(), head.version());
        for (int i : heldIdx) {
            const AttributeVerdict& v = photos[size_t(i)]->assessment.verdict(Attribute::Lighting);
            QCOMPARE(loaded->predict(Attribute::Lighting, v).value_or(-1),
                     head.predict(Attribute::Lighting, v).value_or(-1));
        }
        const QJsonObject metrics = loaded->toJson().value(QStringLiteral("report")).toObject();
        const QJsonObject lighting = metrics.value(QStringLiteral("lighting")).toObject();
        QCOMPARE(metrics.value(QStringLiteral("people")).toInt(), report.people);
        QCOMPARE(lighting.value(QStringLiteral("held_out_people")).toInt(), r.heldOutPeople);
        QCOMPARE(lighting.value(QStringLiteral("gain_low")).toDouble(), r.gainLow);
        QCOMPARE(lighting.value(QStringLiteral("gain_high")).toDouble(), r.gainHigh);
        store->reset(); // the CLI opens the project itself

        // The CLI learns the same from the project and shows the held-out size and the interval.
        QProcess cli;
        const QString cliHead = hqa::test::tempDir() + QStringLiteral("/cli-head.json");
        cli.start(hqa::test::cliPath(), {QStringLiteral("learn"), projectPath, QStringLiteral("--out"), cliHead});
        QVERIFY(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("lighting")) && out.contains(QLatin1String("learned")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("of %1 different people").arg(report.people)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("95% interval")), qPrintable(out));
        QVERIFY(QFile::exists(cliHead));
        cli.start(hqa::test::cliPath(), {QStringLiteral("learn"), projectPath, QStringLiteral("--list")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QLatin1String("head-")));
    }

    /// A standard learned from one man's video frames. However many frames, one person
    /// held out is no evidence about anyone else: the engine keeps judging. Held out by frame instead (what
    /// the photo-level check did), the same samples would have replaced it.
    void onePersonIsNoEvidence()
    {
        // The reviewer's cut inside Franck's own range, so that his frames really disagree with the engine.
        std::vector<const Photo*> frames;
        std::vector<double> lum;
        for (const Photo& p : m_eval)
            if (p.person == QLatin1String("franck") && lightingJudged(p)) {
                frames.push_back(&p);
                if (p.assessment.verdict(Attribute::Lighting).pass)
                    lum.push_back(p.faceBrightness);
            }
        QVERIFY(frames.size() > 60);
        std::sort(lum.begin(), lum.end());
        const double cut = lum[lum.size() * 2 / 5];
        const auto franckReviewer = [&](const Photo& p) {
            return (p.assessment.verdict(Attribute::Lighting).pass && p.faceBrightness >= cut) ? 1 : 0;
        };

        // A project with the frames in one folder, as frames of one video are kept.
        const QString projectPath = hqa::test::tempDir() + QStringLiteral("/franck.hqa");
        auto store = ProjectStore::create(projectPath);
        QVERIFY(store);
        int disagree = 0;
        std::vector<CorrectionSample> byFrame;
        for (const Photo* p : frames) {
            const QString copy = hqa::test::tempDir() + QStringLiteral("/franck/") + QFileInfo(p->path).dir().dirName()
                + u'_' + QFileInfo(p->path).fileName();
            QVERIFY(QDir().mkpath(QFileInfo(copy).path()));
            QVERIFY(QFile::exists(copy) || QFile::copy(p->path, copy));
            auto added = (*store)->addPhoto(copy);
            QVERIFY(added);
            if (added->outcome != AddPhotoResult::Outcome::Added)
                continue; // the same pixels twice
            QVERIFY((*store)->addAssessment(added->id, p->assessment));
            Label golden = kUnknownLabel;
            golden[size_t(kLighting)] = std::int8_t(franckReviewer(*p));
            disagree += golden[size_t(kLighting)] != verdictOf(p->assessment, kLighting);
            QVERIFY(!(*store)->setGoldenLabel(added->id, golden, QStringLiteral("reviewer")));
            byFrame.push_back({p->assessment, golden, p->path, p->path});
        }
        QVERIFY(disagree >= 10);
        auto samples = correctionSamples(**store);
        QVERIFY(samples);
        auto trained = trainCorrectionsHead(*samples);
        QVERIFY(trained);
        const AttributeHeadReport& r = trained->second.attributes[size_t(kLighting)];
        qInfo("Franck only, %d frames (%d disagree with the engine), one folder: %s", int(samples->size()), disagree,
              qPrintable(r.note));
        QCOMPARE(trained->second.people, 1);
        QVERIFY2(!trained->first.covers(Attribute::Lighting), qPrintable(r.note));
        QVERIFY2(r.note.contains(QLatin1String("one person")), qPrintable(r.note));

        // Also with fewer than five people: frames of Franck and of two others (eval-set people).
        std::vector<CorrectionSample> few = *samples;
        for (auto& s : few)
            s.person = QStringLiteral("franck");
        int others = 0;
        for (const Photo& p : m_eval)
            if ((p.person == QLatin1String("seanconnery") || p.person == QLatin1String("cage")) && lightingJudged(p)) {
                Label golden = kUnknownLabel;
                golden[size_t(kLighting)] = std::int8_t(franckReviewer(p));
                few.push_back({p.assessment, golden, p.path, p.person});
                ++others;
            }
        QVERIFY(others > 0);
        auto fewTrained = trainCorrectionsHead(few);
        QVERIFY(fewTrained);
        const AttributeHeadReport& f = fewTrained->second.attributes[size_t(kLighting)];
        qInfo("Franck and two others: %s", qPrintable(f.note));
        QVERIFY(!fewTrained->first.covers(Attribute::Lighting));
        QCOMPARE(f.heldOutPeople, 3);
        QVERIFY2(f.note.contains(QLatin1String("only 3 different people")), qPrintable(f.note));

        // The old check's view: every frame its own group. Then the head would have replaced the engine, so the
        // refusal above is the person rule at work, not a standard too hard to learn.
        auto frameTrained = trainCorrectionsHead(byFrame);
        QVERIFY(frameTrained);
        qInfo("the same frames held out by frame: %s",
              qPrintable(frameTrained->second.attributes[size_t(kLighting)].note));
        QVERIFY(frameTrained->first.covers(Attribute::Lighting));
    }

    /// Reviewers who pass tight close-ups, on photos of a few people. Applied to other
    /// people (the portraits and their close-ups, the eval set's other people), framing must not get worse.
    void closeUpsPassedOnFewPeopleDoNotSpread()
    {
        const std::set<QString> few{QStringLiteral("franck"), QStringLiteral("seanconnery"), QStringLiteral("cage")};
        std::vector<CorrectionSample> samples;
        for (const Photo& p : m_eval) {
            if (!few.count(p.person) || !p.assessment.ok() || p.truth[size_t(kFraming)] < 0)
                continue;
            Label target = kUnknownLabel;
            target[size_t(kFraming)] = p.kind == QLatin1String("closeup") ? 1 : p.truth[size_t(kFraming)];
            samples.push_back({p.assessment, target, p.path, p.person});
        }
        int closeups = 0;
        for (const CorrectionSample& s : samples)
            closeups += s.target[size_t(kFraming)] == 1 && s.assessment.verdicts[size_t(kFraming)].judged
                && !s.assessment.verdicts[size_t(kFraming)].pass;
        QVERIFY(samples.size() >= 40);

        std::vector<const Photo*> others;
        for (const auto* set : {&m_portraits, &m_closeups, &m_eval})
            for (const Photo& p : *set)
                if (!few.count(p.person) && p.assessment.ok())
                    others.push_back(&p);
        const auto truth = [](const Photo& p, int k) { return k == kFraming ? int(p.truth[size_t(k)]) : -1; };

        auto trained = trainCorrectionsHead(samples);
        QVERIFY(trained);
        const AttributeHeadReport& r = trained->second.attributes[size_t(kFraming)];
        const Comparison c = compare(trained->first, others, truth);
        qInfo("close-ups passed on %d photos of %d people (%d close-ups the engine fails): %s", int(samples.size()),
              trained->second.people, closeups, qPrintable(r.note));
        qInfo("framing on %d photos of other people: engine balanced %.3f, with the head %.3f",
              c.engine[size_t(kFraming)].total(), c.engine[size_t(kFraming)].balanced(),
              c.head[size_t(kFraming)].balanced());
        QVERIFY(c.engine[size_t(kFraming)].total() > 200);
        QVERIFY(!trained->first.covers(Attribute::Framing));
        QVERIFY(c.head[size_t(kFraming)].balanced() >= c.engine[size_t(kFraming)].balanced());

        // The second line of defence: forced to learn these reviewers' close-ups anyway (the rule switched off),
        // the head starts from the engine's verdicts and leaves photos unlike its training to the engine, so
        // framing on other people still does not drop by more than a photo or two.
        HeadTrainingOptions unchecked;
        unchecked.requireHeldOutGain = false;
        auto loose = trainCorrectionsHead(samples, unchecked);
        QVERIFY(loose);
        const Comparison u = compare(loose->first, others, truth);
        qInfo("without the rule: framing balanced on other people %.3f (engine %.3f)",
              u.head[size_t(kFraming)].balanced(), u.engine[size_t(kFraming)].balanced());
        QVERIFY(loose->first.covers(Attribute::Framing));
        QVERIFY(u.head[size_t(kFraming)].balanced() >= u.engine[size_t(kFraming)].balanced() - 0.01);
    }

    /// A head learned from some people's labels, applied to other people, does not make their verdicts worse:
    /// labels of the eval set (known by construction) and of the portraits and their close-ups (framing).
    void otherPeopleAreNotJudgedWorse()
    {
        std::vector<const Photo*> all;
        std::vector<QString> people;
        for (const auto* set : {&m_eval, &m_portraits, &m_closeups})
            for (const Photo& p : *set)
                if (p.assessment.ok()) {
                    all.push_back(&p);
                    people.push_back(p.person);
                }
        const auto truth = [](const Photo& p, int k) { return int(p.truth[size_t(k)]); };
        int worseRuns = 0;
        double hammingGain = 0;
        for (std::uint64_t seed : {1, 2, 3}) {
            const auto [aIdx, bIdx] = splitByGroupKeys(people, 0.5, seed);
            std::vector<CorrectionSample> samples;
            std::set<QString> aPeople, bPeople;
            for (int i : aIdx) {
                samples.push_back(
                    {all[size_t(i)]->assessment, all[size_t(i)]->truth, all[size_t(i)]->path, all[size_t(i)]->person});
                aPeople.insert(all[size_t(i)]->person);
            }
            std::vector<const Photo*> b;
            for (int i : bIdx) {
                b.push_back(all[size_t(i)]);
                bPeople.insert(all[size_t(i)]->person);
            }
            auto trained = trainCorrectionsHead(samples);
            QVERIFY(trained);
            const Comparison c = compare(trained->first, b, truth);
            QString covered;
            for (Attribute a : kAllAttributes)
                if (trained->first.covers(a))
                    covered += QString::fromLatin1(attributeKey(a).data()) + u' ';
            qInfo("seed %d: learned on %d photos of %d people (covers: %s), applied to %d photos of %d others: "
                  "Hamming %.1f%% -> %.1f%%",
                  int(seed), int(aIdx.size()), int(aPeople.size()), qPrintable(covered.isEmpty() ? "none" : covered),
                  int(bIdx.size()), int(bPeople.size()), 100 * c.engineAll.accuracy(), 100 * c.headAll.accuracy());
            for (int k = 0; k < kAttributeCount; ++k)
                if (trained->first.covers(kAllAttributes[size_t(k)]))
                    qInfo("  %s: balanced %.3f -> %.3f on %d photos; %s", kAttributeKeys[size_t(k)].data(),
                          c.engine[size_t(k)].balanced(), c.head[size_t(k)].balanced(), c.engine[size_t(k)].total(),
                          qPrintable(trained->second.attributes[size_t(k)].note));
            QVERIFY(aPeople.size() > 50);
            for (const QString& p : bPeople)
                QVERIFY2(!aPeople.count(p), qPrintable(p));
            // No worse beyond noise: on ~340 photos (about 1,700 verdicts) one or two verdicts may flip either way
            // between two samples of people; a head that hurts others loses several points (the 5.4).
            QVERIFY2(c.headAll.accuracy() >= c.engineAll.accuracy() - 0.005,
                     qPrintable(QStringLiteral("%1 -> %2").arg(c.engineAll.accuracy()).arg(c.headAll.accuracy())));
            hammingGain += c.headAll.accuracy() - c.engineAll.accuracy();
            for (int k = 0; k < kAttributeCount; ++k) {
                const double before = c.engine[size_t(k)].balanced(), after = c.head[size_t(k)].balanced();
                if (std::isfinite(before) && std::isfinite(after))
                    worseRuns += after < before - 0.02;
            }
        }
        QCOMPARE(worseRuns, 0);
        // On average over the seeds, no loss (within a tenth of a point of rounding between samples).
        QVERIFY2(hammingGain / 3 >= -0.001, qPrintable(QString::number(hammingGain / 3)));
    }

    /// Grouped k-fold over people: a person's photos share a fold, folds are about equal, order does not matter.
    void foldsKeepPeopleTogether()
    {
        std::vector<QString> keys;
        for (int person = 0; person < 40; ++person)
            for (int photo = 0; photo <= person % 4; ++photo)
                keys.push_back(QStringLiteral("p%1").arg(person));
        const std::vector<int> folds = foldsByGroupKeys(keys, 5, 3);
        std::map<QString, std::set<int>> foldsOf;
        std::array<int, 5> sizes{};
        for (size_t i = 0; i < keys.size(); ++i) {
            foldsOf[keys[i]].insert(folds[i]);
            QVERIFY(folds[i] >= 0 && folds[i] < 5);
            ++sizes[size_t(folds[i])];
        }
        for (const auto& [person, f] : foldsOf)
            QCOMPARE(int(f.size()), 1);
        QVERIFY(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()) <= 4);
        std::vector<QString> reversed(keys.rbegin(), keys.rend());
        const std::vector<int> again = foldsByGroupKeys(reversed, 5, 3);
        for (size_t i = 0; i < keys.size(); ++i)
            QCOMPARE(again[keys.size() - 1 - i], folds[i]);
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "not a corrections head";
        QTest::newRow("other json") << QByteArray("{\"a\":1}") << "not a corrections head";
        QTest::newRow("newer format") << QByteArray(
            "{\"format\":\"headshot-qa-corrections-head\",\"format_version\":99}")
                                      << "format 99";
        QTest::newRow("weights missing") << QByteArray(
            "{\"format\":\"headshot-qa-corrections-head\",\"format_version\":1,\"attributes\":"
            "{\"lighting\":{\"features\":[\"score\"],\"mean\":[0.5],\"std\":[0.1],\"bias\":0,"
            "\"threshold\":0.5}}}") << "damaged";
        QTest::newRow("no attribute") << QByteArray(
            "{\"format\":\"headshot-qa-corrections-head\",\"format_version\":1,\"attributes\":{}}")
                                      << "no trained attribute";
    }
    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = hqa::test::tempDir() + QStringLiteral("/bad.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        auto head = CorrectionsHead::load(path);
        QVERIFY(!head);
        QCOMPARE(head.error().code, ErrorCode::Model);
        QVERIFY2(head.error().detail.contains(message), qPrintable(head.error().detail));
        QVERIFY(!CorrectionsHead::load(path + QStringLiteral(".missing")));
    }
};

QTEST_GUILESS_MAIN(TestCorrectionsHead)
#include "tst_corrections_head.moc"

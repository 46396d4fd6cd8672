// The engine registry (core/engine/Engine.h). This test goes through the registry only and names no built-in
// engine's code: when the link drops a self-registering engine file, the built-in list below comes out short.

#include "core/engine/Engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace hqa::core;

namespace {

const QString kFixedName = QStringLiteral("fixed");

/// Judges sharpness as a fail (score 0.3 against 0.5) with one raw value, "contrast" = 5.
class FixedScoreEngine final : public Engine {
public:
    QString name() const override { return kFixedName; }
    QString version() const override { return QStringLiteral("fixed-1"); }
    Assessment assess(const DecodedImage&, const QString& file) override
    {
        Assessment a;
        a.file = file;
        a.engine = name();
        a.modelVersion = version();
        AttributeVerdict& v = a.verdict(Attribute::Sharpness);
        v.decide(0.3, 0.5);
        v.source = name();
        v.reason = QStringLiteral("measured");
        v.evidence = {{"contrast", 5.0}};
        return a;
    }
};

Expected<std::unique_ptr<Engine>> makeFixed(const EngineOptions&)
{
    return std::unique_ptr<Engine>(new FixedScoreEngine);
}

bool fixedAvailable = true;
bool isFixedAvailable() { return fixedAvailable; }

/// A head for sharpness only: p = sigmoid(1.0 * contrast), no engine offset, no range guard.
QJsonObject sharpnessHead()
{
    const QJsonObject model{{QStringLiteral("features"), QJsonArray{QStringLiteral("contrast")}},
                            {QStringLiteral("mean"), QJsonArray{0.0}},
                            {QStringLiteral("std"), QJsonArray{1.0}},
                            {QStringLiteral("weights"), QJsonArray{1.0}},
                            {QStringLiteral("bias"), 0.0},
                            {QStringLiteral("threshold"), 0.5},
                            {QStringLiteral("train_samples"), 12}};
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("headshot-qa-corrections-head")},
                       {QStringLiteral("format_version"), 1},
                       {QStringLiteral("version"), QStringLiteral("head-test")},
                       {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("sharpness"), model}}}};
}

QStringList builtInEngines()
{
#ifdef HQA_WITH_TORCH
    return {QStringLiteral("measures"), QStringLiteral("swin"), QStringLiteral("fused")};
#else
    return {QStringLiteral("measures")};
#endif
}

} // namespace

class TestEngineRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInEnginesAreListedInOrder();
    void unknownNameListsTheAvailableEngines();
    void learnedEngineIsReachedByName();
    void registeredEngineTakesItsPosition();
    void unavailableEngineIsNeitherListedNorMade();
    void headWrapsARegisteredEngine();
    void unreadableHeadIsAModelError();
};

void TestEngineRegistry::builtInEnginesAreListedInOrder() { QCOMPARE(availableEngines(), builtInEngines()); }

void TestEngineRegistry::unknownNameListsTheAvailableEngines()
{
    EngineOptions options;
    options.name = QStringLiteral("nope");
    const auto engine = makeEngine(options);
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(
        engine.error().detail,
        QStringLiteral("unknown engine \"nope\" (available: %1)").arg(builtInEngines().join(QStringLiteral(", "))));
}

void TestEngineRegistry::learnedEngineIsReachedByName()
{
#ifndef HQA_WITH_TORCH
    QSKIP("built without Torch: no learned engine to reach");
#else
    // The network's own factory answers (it needs a model file), not the registry's "unknown engine".
    EngineOptions options;
    options.name = QStringLiteral("swin");
    const auto engine = makeEngine(options);
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().detail, QStringLiteral("the swin engine needs a model file (--model)"));
#endif
}

void TestEngineRegistry::registeredEngineTakesItsPosition()
{
    QVERIFY(registerEngine(kFixedName, 15, makeFixed));
    QStringList expected = builtInEngines();
    expected.insert(1, kFixedName); // after "measures" (10), before "swin" (20)
    QCOMPARE(availableEngines(), expected);
    // Registering the name again replaces the entry (here: moves it to the end).
    QVERIFY(registerEngine(kFixedName, 1000, makeFixed));
    QCOMPARE(availableEngines(), builtInEngines() + QStringList{kFixedName});

    EngineOptions options;
    options.name = kFixedName;
    auto engine = makeEngine(options);
    QVERIFY(engine.ok());
    QCOMPARE((*engine)->name(), kFixedName);
    QCOMPARE((*engine)->version(), QStringLiteral("fixed-1"));
}

void TestEngineRegistry::unavailableEngineIsNeitherListedNorMade()
{
    QVERIFY(registerEngine(kFixedName, 15, makeFixed, isFixedAvailable));
    fixedAvailable = false;
    QCOMPARE(availableEngines(), builtInEngines());
    EngineOptions options;
    options.name = kFixedName;
    const auto engine = makeEngine(options);
    fixedAvailable = true;
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().code, ErrorCode::InvalidArgument);
    QVERIFY(availableEngines().contains(kFixedName));
}

void TestEngineRegistry::headWrapsARegisteredEngine()
{
    QVERIFY(registerEngine(kFixedName, 15, makeFixed));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString headPath = dir.filePath(QStringLiteral("head.json"));
    QFile f(headPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(sharpnessHead()).toJson());
    f.close();

    EngineOptions options;
    options.name = kFixedName;
    options.headPath = headPath;
    auto engine = makeEngine(options);
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().detail));
    QCOMPARE((*engine)->name(), kFixedName);
    QCOMPARE((*engine)->version(), QStringLiteral("fixed-1+head-test"));

    const Assessment a = (*engine)->assess(DecodedImage{}, QStringLiteral("photo.jpg"));
    const AttributeVerdict& v = a.verdict(Attribute::Sharpness);
    // The fixed-score engine failed it at 0.3; the head passes it at sigmoid(5).
    QVERIFY(v.judged);
    QVERIFY(v.pass);
    QCOMPARE(v.score, 1.0 / (1.0 + std::exp(-5.0)));
    QCOMPARE(v.source, QStringLiteral("fixed+head"));
    QVERIFY2(v.reason.endsWith(QStringLiteral("the measures said: measured")), qPrintable(v.reason));
    QCOMPARE(a.modelVersion, QStringLiteral("fixed-1+head-test"));
    // Attributes the head does not cover keep the engine's verdict (here: not judged).
    QVERIFY(!a.verdict(Attribute::Lighting).judged);
}

void TestEngineRegistry::unreadableHeadIsAModelError()
{
    QVERIFY(registerEngine(kFixedName, 15, makeFixed));
    EngineOptions options;
    options.name = kFixedName;
    options.headPath = QStringLiteral("/nonexistent/head.json");
    const auto engine = makeEngine(options);
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().code, ErrorCode::Model);
    QVERIFY2(
        engine.error().detail.startsWith(QStringLiteral("cannot read the corrections head /nonexistent/head.json")),
        qPrintable(engine.error().detail));
}

QTEST_GUILESS_MAIN(TestEngineRegistry)
#include "tst_engine_registry.moc"

// Parity with code nobody here wrote: torchvision's swin_t (Debian python3-torchvision) builds seeded
// weights, saves them the way users' files are saved (OrderedDict in the zip format) and computes logits;
// the C++ network loads the files without Python and must agree to 1e-4 on every logit. Also covers the
// Microsoft key layout, a traced six-head TorchScript export, import to the product format, the CLI's
// `model` command and broken files.

#include "cli/ModelCommand.h"
#include "core/model/SwinEngine.h"
#include "core/model/SwinModel.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

using namespace hqa::core;
using hqa::cli::runModelCommand;

namespace {

std::vector<float> readFloats(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    std::vector<float> v(size_t(b.size()) / sizeof(float));
    std::memcpy(v.data(), b.constData(), v.size() * sizeof(float));
    return v;
}

float maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty())
        return INFINITY;
    float m = 0;
    for (size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

} // namespace

class TestSwinParity : public QObject {
    Q_OBJECT
private:
    QString m_dir;
    QString ref(const QString& name) const { return m_dir + QLatin1Char('/') + name; }

    /// Loads `file`, runs `input` and compares the chosen logits with Python's.
    void compareLogits(const QString& file, const QString& input, const QString& logits, int size, bool attributes,
                       bool fused = true, bool oneDnn = false)
    {
        auto model = SwinModel::load(ref(file));
        QVERIFY2(model.ok(), model.ok() ? "" : qPrintable(model.error().detail));
        (*model)->metadata().preprocessing.size = size;
        (*model)->setFusedAttention(fused);
        (*model)->setOneDnn(oneDnn);
        const auto x = readFloats(ref(input));
        const auto expected = readFloats(ref(logits));
        const int batch = int(x.size() / (3 * size_t(size) * size));
        QCOMPARE(batch, 2);
        auto out = (*model)->run(x.data(), batch);
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().detail));
        const auto& got = attributes ? out->attributeLogits : out->imagenetLogits;
        const float diff = maxAbsDiff(got, expected);
        float scale = 0;
        for (float v : expected)
            scale = std::max(scale, std::abs(v));
        qInfo("%s: max |C++ - torchvision| = %.3g over %zu logits (largest |logit| %.3g)", qPrintable(file), diff,
              expected.size(), scale);
        QVERIFY2(diff <= 1e-4f, qPrintable(QString::number(diff)));
        QVERIFY(scale > 0.1f); // the comparison is meaningless on near-zero logits
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = hqa::test::tempDir() + QStringLiteral("/swin-reference");
        QString image = hqa::test::cachePath(QStringLiteral("photos/astronaut.png"));
        if (!QFile::exists(image))
            image = QStringLiteral("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start(QStringLiteral("/usr/bin/python3"),
                 {hqa::test::sourcePath(QStringLiteral("tests/model/make_swin_reference.py")), QStringLiteral("--out"),
                  m_dir, QStringLiteral("--image"), image});
        QVERIFY2(py.waitForFinished(600'000), "make_swin_reference.py did not finish");
        QVERIFY2(py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
                 qPrintable(QStringLiteral("make_swin_reference.py failed (needs python3-torchvision): ")
                            + QString::fromUtf8(py.readAll().right(2000))));
    }

    void imagenetLogits_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("logits");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("fused");
        QTest::addColumn<bool>("oneDnn");
        QTest::newRow("torchvision layout") << "swin_t_torchvision.pth"
                                            << "input.f32"
                                            << "logits_imagenet.f32" << 224 << true << false;
        QTest::newRow("torchvision layout, reference attention") << "swin_t_torchvision.pth"
                                                                 << "input.f32"
                                                                 << "logits_imagenet.f32" << 224 << false << false;
        QTest::newRow("torchvision layout, oneDNN linear layers") << "swin_t_torchvision.pth"
                                                                  << "input.f32"
                                                                  << "logits_imagenet.f32" << 224 << true << true;
        QTest::newRow("Microsoft/timm layout") << "swin_t_microsoft.pth"
                                               << "input.f32"
                                               << "logits_imagenet.f32" << 224 << true << false;
        QTest::newRow("tiny, padded windows") << "tiny_torchvision.pth"
                                              << "tiny_input.f32"
                                              << "tiny_logits.f32" << 40 << true << false;
        QTest::newRow("tiny, reference attention") << "tiny_torchvision.pth"
                                                   << "tiny_input.f32"
                                                   << "tiny_logits.f32" << 40 << false << false;
    }
    void imagenetLogits()
    {
        QFETCH(QString, file);
        QFETCH(QString, input);
        QFETCH(QString, logits);
        QFETCH(int, size);
        QFETCH(bool, fused);
        QFETCH(bool, oneDnn);
        compareLogits(file, input, logits, size, false, fused, oneDnn);
    }

    void torchScriptSixHeads()
    {
        compareLogits(QStringLiteral("six_heads.ts.pt"), QStringLiteral("input.f32"), QStringLiteral("logits_six.f32"),
                      224, true);
        auto model = SwinModel::load(ref(QStringLiteral("six_heads.ts.pt")));
        QVERIFY(model.ok());
        QVERIFY((*model)->isTorchScript());
        QCOMPARE((*model)->metadata().thresholds[3], 0.6); // from the export's hqa_meta.json
        QCOMPARE((*model)->metadata().modelVersion, QStringLiteral("pytest-seed-1234"));
        // Converted to the product format, the native network reproduces the export.
        const QString product = ref(QStringLiteral("six_heads.hqa"));
        QVERIFY((*model)->save(product).ok());
        compareLogits(QStringLiteral("six_heads.hqa"), QStringLiteral("input.f32"), QStringLiteral("logits_six.f32"),
                      224, true);
        EngineOptions options;
        options.modelPath = product;
        auto engine = makeSwinEngine(options);
        QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error().detail));
        QCOMPARE((*engine)->version(), QStringLiteral("pytest-seed-1234"));
    }

    void importCommand()
    {
        const QString dest = ref(QStringLiteral("imported.hqa"));
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int rc = runModelCommand({QStringLiteral("import"), ref(QStringLiteral("swin_t_microsoft.pth")), dest},
                                       out, err);
        QVERIFY2(rc == 0, qPrintable(errText));
        QVERIFY2(outText.contains(QStringLiteral("freshly initialised")), qPrintable(outText));
        // The imported file still holds the ImageNet head, so it reproduces torchvision's logits.
        compareLogits(QStringLiteral("imported.hqa"), QStringLiteral("input.f32"),
                      QStringLiteral("logits_imagenet.f32"), 224, false);
        outText.clear();
        QCOMPARE(runModelCommand({QStringLiteral("info"), dest}, out, err), 0);
        QVERIFY2(outText.contains(QStringLiteral("format version 1 (origin: microsoft)")), qPrintable(outText));
        QVERIFY2(outText.contains(QStringLiteral("depths 2-2-6-2, heads 3-6-12-24")), qPrintable(outText));
        QVERIFY2(outText.contains(QStringLiteral("untrained")), qPrintable(outText));
        // Fresh heads: the engine refuses to judge with them.
        EngineOptions options;
        options.modelPath = dest;
        QVERIFY(!makeSwinEngine(options).ok());
        QCOMPARE(runModelCommand({QStringLiteral("info")}, out, err), 2);
        QCOMPARE(runModelCommand({QStringLiteral("frobnicate"), dest}, out, err), 2);
        errText.clear();
        QCOMPARE(runModelCommand({QStringLiteral("info"), ref(QStringLiteral("tiny_misshaped.pth"))}, out, err), 1);
        QVERIFY2(errText.contains(QStringLiteral("mis-shaped")), qPrintable(errText));
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing key") << "tiny_missing.pth"
                                     << "missing: features.3.1.norm2.weight";
        QTest::newRow("mis-shaped key") << "tiny_misshaped.pth"
                                        << "mis-shaped: features.3.0.attn.qkv.weight is [10,32], expected [96,32]";
        QTest::newRow("unexpected key") << "tiny_unexpected.pth"
                                        << "unexpected: features.9.extra.weight";
        QTest::newRow("legacy format") << "tiny_legacy.pth"
                                       << "legacy";
        QTest::newRow("foreign zip") << "tiny_foreign.zip"
                                     << "not a PyTorch file";
        QTest::newRow("truncated") << "tiny_truncated.pth"
                                   << "damaged";
        QTest::newRow("not a Swin") << "tiny_not_swin.pth"
                                    << "no patch embedding";
        QTest::newRow("python script") << "../../make_swin_reference.py"
                                       << "not a model file";
        QTest::newRow("absent") << "no_such_file.pth"
                                << "does not exist";
    }
    void brokenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString path = file.startsWith(QLatin1String("../"))
            ? hqa::test::sourcePath(QStringLiteral("tests/model/make_swin_reference.py"))
            : ref(file);
        auto model = SwinModel::load(path);
        QVERIFY(!model.ok());
        QVERIFY2(model.error().detail.contains(expected), qPrintable(model.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestSwinParity)
#include "tst_swin_parity.moc"

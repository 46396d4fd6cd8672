// Unit tests of the Swin building blocks (relative position index, shift mask, window partition), the fused
// attention path against the reference one, a tiny configuration end to end, and the product file format.

#include "core/model/SwinCheckpoint.h"
#include "core/model/SwinNet.h"

#include "core/model/BlasInfo.h"
#include "core/model/SwinEngine.h"
#include "core/model/SwinModel.h"
#include "tests/support/TestData.h"

#include <torch/torch.h>

#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace hqa::core;

namespace {

SwinConfig tinyConfig()
{
    SwinConfig c;
    c.imageSize = 32;
    c.patchSize = 2;
    c.windowSize = 4;
    c.embedDim = 8;
    c.depths = {2, 2};
    c.numHeads = {1, 2};
    c.numClasses = 10;
    c.attributeHeads = 6;
    return c;
}

QString realPhoto()
{
    const QString cached = hqa::test::cachePath(QStringLiteral("photos/astronaut.png"));
    if (QFile::exists(cached))
        return cached;
    return QStringLiteral("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");
}

float maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<float>(); }

} // namespace

class TestSwinUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relativePositionIndexByHand()
    {
        // Window 2: tokens (0,0) (0,1) (1,0) (1,1); index = (dy + 1) * 3 + (dx + 1).
        const auto idx = swin::relativePositionIndex(2);
        const std::vector<int64_t> expected = {4, 3, 1, 0, 5, 4, 2, 1, 7, 6, 4, 3, 8, 7, 5, 4};
        QCOMPARE(idx.numel(), int64_t(expected.size()));
        for (size_t k = 0; k < expected.size(); ++k)
            QCOMPARE(idx[int64_t(k)].item<int64_t>(), expected[k]);
    }

    void relativePositionIndexProperties_data()
    {
        QTest::addColumn<int>("window");
        QTest::newRow("w3") << 3;
        QTest::newRow("w7 (Swin-T)") << 7;
    }
    void relativePositionIndexProperties()
    {
        QFETCH(int, window);
        const int n = window * window, centre = (window - 1) * (2 * window - 1) + (window - 1);
        const auto idx = swin::relativePositionIndex(window).view({n, n});
        QCOMPARE(idx.min().item<int64_t>(), int64_t(0));
        QCOMPARE(idx.max().item<int64_t>(), int64_t((2 * window - 1) * (2 * window - 1) - 1));
        // The diagonal is offset (0,0); opposite offsets mirror around it.
        QVERIFY(torch::all(idx.diagonal() == centre).item<bool>());
        QVERIFY(torch::equal(idx + idx.t(), torch::full({n, n}, 2 * centre, torch::kLong)));
        // Every offset the window can produce appears.
        QCOMPARE(std::get<0>(torch::_unique(idx.flatten())).numel(), int64_t((2 * window - 1) * (2 * window - 1)));
    }

    void attentionMask_data()
    {
        QTest::addColumn<int>("padH");
        QTest::addColumn<int>("padW");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("shiftH");
        QTest::addColumn<int>("shiftW");
        QTest::newRow("8x8 w4 s2") << 8 << 8 << 4 << 2 << 2;
        QTest::newRow("56x56 w7 s3 (stage 1)") << 56 << 56 << 7 << 3 << 3;
        QTest::newRow("12x8 w4 s2") << 12 << 8 << 4 << 2 << 2;
        QTest::newRow("12x4 w4 shift only along H") << 12 << 4 << 4 << 2 << 0;
        QTest::newRow("7x7 w7 no shift") << 7 << 7 << 7 << 0 << 0;
    }
    void attentionMask()
    {
        QFETCH(int, padH);
        QFETCH(int, padW);
        QFETCH(int, window);
        QFETCH(int, shiftH);
        QFETCH(int, shiftW);
        const auto mask = swin::shiftedWindowMask(padH, padW, window, shiftH, shiftW);
        const int nWx = padW / window, n = window * window;
        QCOMPARE(mask.size(0), int64_t((padH / window) * nWx));
        // Meaning, independent of the implementation: after rolling by -shift, two tokens of a window were
        // neighbours in the photo unless one of them came round the wrap-around edge and the other did not.
        auto acc = mask.accessor<float, 3>();
        for (int w = 0; w < mask.size(0); ++w)
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j) {
                    const int ri = (w / nWx) * window + i / window, ci = (w % nWx) * window + i % window;
                    const int rj = (w / nWx) * window + j / window, cj = (w % nWx) * window + j % window;
                    const bool wrapRowI = shiftH && ri >= padH - shiftH, wrapRowJ = shiftH && rj >= padH - shiftH;
                    const bool wrapColI = shiftW && ci >= padW - shiftW, wrapColJ = shiftW && cj >= padW - shiftW;
                    const bool separated = wrapRowI != wrapRowJ || wrapColI != wrapColJ;
                    QCOMPARE(acc[w][i][j], separated ? -100.0f : 0.0f);
                }
    }

    void windowPartitionRoundTrip_data()
    {
        QTest::addColumn<int>("B");
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("W");
        QTest::addColumn<int>("window");
        QTest::newRow("2x14x21 w7") << 2 << 14 << 21 << 7;
        QTest::newRow("1x8x8 w4") << 1 << 8 << 8 << 4;
        QTest::newRow("3x7x7 w7 (one window)") << 3 << 7 << 7 << 7;
    }
    void windowPartitionRoundTrip()
    {
        QFETCH(int, B);
        QFETCH(int, H);
        QFETCH(int, W);
        QFETCH(int, window);
        const int C = 5;
        auto x = torch::randn({B, H, W, C});
        const auto windows = swin::windowPartition(x, window);
        const int nWx = W / window, nW = (H / window) * nWx;
        QCOMPARE(windows.sizes().vec(), (std::vector<int64_t>{B * nW, window * window, C}));
        for (int b = 0; b < B; ++b)
            for (int w = 0; w < nW; ++w)
                for (int t = 0; t < window * window; t += 3) {
                    const int r = (w / nWx) * window + t / window, c = (w % nWx) * window + t % window;
                    QVERIFY(torch::equal(windows[b * nW + w][t], x[b][r][c]));
                }
        QVERIFY(torch::equal(swin::windowReverse(windows, window, H, W), x));
    }

    void fusedMatchesReference_data()
    {
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("W");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("shift");
        QTest::newRow("8x8 w4 shifted") << 8 << 8 << 4 << 2;
        QTest::newRow("9x11 w4 shifted, padded") << 9 << 11 << 4 << 2;
        QTest::newRow("14x14 w7 unshifted") << 14 << 14 << 7 << 0;
        QTest::newRow("7x7 w7 shift disabled by size") << 7 << 7 << 7 << 3;
    }
    void fusedMatchesReference()
    {
        QFETCH(int, H);
        QFETCH(int, W);
        QFETCH(int, window);
        QFETCH(int, shift);
        torch::manual_seed(3);
        swin::ShiftedWindowAttention attn(16, window, shift, 2);
        {
            torch::NoGradGuard g;
            attn->relative_position_bias_table.normal_(0, 1.0);
            attn->qkv->bias.normal_(0, 0.5);
        }
        attn->eval();
        torch::InferenceMode guard;
        auto x = torch::randn({2, H, W, 16});
        const auto ref = attn->forwardReference(x);
        const auto fused = attn->forwardFused(x);
        QCOMPARE(fused.sizes().vec(), x.sizes().vec());
        QVERIFY2(maxAbsDiff(ref, fused) < 1e-5f, qPrintable(QString::number(maxAbsDiff(ref, fused))));
    }

    void tinyEndToEnd()
    {
        SwinConfig cfg = tinyConfig();
        cfg.stochasticDepthProb = 0.5;
        auto model = SwinModel::create(cfg, 7);
        QCOMPARE(model->metadata().config, cfg);
        // Training: gradients reach every parameter; stochastic depth makes two passes differ.
        torch::manual_seed(11);
        swin::SwinTransformer net(cfg);
        net->train();
        auto x = torch::randn({4, 3, 32, 32});
        const auto y = net->forward(x);
        QCOMPARE(y.attributes.sizes().vec(), (std::vector<int64_t>{4, 6}));
        QCOMPARE(y.imagenet.sizes().vec(), (std::vector<int64_t>{4, 10}));
        (y.attributes.sum() + y.imagenet.sum()).backward();
        for (const auto& p : net->named_parameters())
            QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY(maxAbsDiff(net->forward(x).attributes, net->forward(x).attributes) > 0.0f);
        // Inference: deterministic, and the fused path equals the reference path.
        net->eval();
        torch::InferenceMode guard;
        const auto e1 = net->forward(x), e2 = net->forward(x);
        QVERIFY(torch::equal(e1.attributes, e2.attributes));
        net->setFused(false);
        QVERIFY(maxAbsDiff(net->forward(x).imagenet, e1.imagenet) < 1e-5f);
    }

    void productRoundTripAndEngine()
    {
        auto model = SwinModel::create(tinyConfig(), 5);
        model->metadata().headsTrained = true; // pretend training happened, so the engine accepts it
        model->metadata().thresholds = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        model->metadata().modelVersion = QStringLiteral("unit-test-1");
        const QString path = hqa::test::tempDir() + QStringLiteral("/tiny.hqa");
        QVERIFY(model->save(path).ok());
        auto loaded = SwinModel::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().detail));
        QCOMPARE((*loaded)->metadata().config, tinyConfig());
        QCOMPARE((*loaded)->metadata().thresholds[2], 0.3);
        QCOMPARE((*loaded)->metadata().modelVersion, QStringLiteral("unit-test-1"));

        const cv::Mat photo = cv::imread(realPhoto().toStdString());
        QVERIFY2(!photo.empty(), qPrintable(realPhoto()));
        const auto input = model->preprocess(photo);
        QCOMPARE(input.size(), size_t(3 * 32 * 32));
        const auto a = model->run(input.data(), 1), b = (*loaded)->run(input.data(), 1);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->attributeLogits, b->attributeLogits);
        QCOMPARE(a->imagenetLogits, b->imagenetLogits);

        EngineOptions options;
        options.name = QStringLiteral("swin");
        options.modelPath = path;
        options.thresholds[index(Attribute::Lighting)] = 0.0; // everything passes
        options.thresholds[index(Attribute::Framing)] = 1.01; // nothing passes
        auto engine = makeSwinEngine(options);
        QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error().detail));
        DecodedImage image;
        image.bgr = photo;
        image.originalSize = photo.size();
        const Assessment r = (*engine)->assess(image, QStringLiteral("astronaut.png"));
        QVERIFY(r.ok());
        QCOMPARE(r.engine, QStringLiteral("swin"));
        QCOMPARE(r.modelVersion, QStringLiteral("unit-test-1"));
        for (Attribute attr : kAllAttributes) {
            const AttributeVerdict& v = r.verdict(attr);
            const double p = 1.0 / (1.0 + std::exp(-double(a->attributeLogits[size_t(index(attr))])));
            QVERIFY(v.judged);
            QVERIFY(std::abs(v.score - p) < 1e-6);
            QCOMPARE(v.pass, v.score >= v.threshold);
            QVERIFY(v.reason.startsWith(QStringLiteral("network: %1 probability").arg(p, 0, 'f', 2)));
        }
        QCOMPARE(r.verdict(Attribute::Sharpness).threshold, 0.6); // from the checkpoint
        QVERIFY(r.verdict(Attribute::Lighting).pass);
        QVERIFY(!r.verdict(Attribute::Framing).pass);

        // A batch gives the same verdicts as single images.
        auto* swinEngine = dynamic_cast<SwinEngine*>(engine->get());
        QVERIFY(swinEngine);
        cv::Mat flipped;
        cv::flip(photo, flipped, 1);
        DecodedImage second;
        second.bgr = flipped;
        const auto batch = swinEngine->assessBatch({&image, &second}, {QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(batch.size(), size_t(2));
        const Assessment single = swinEngine->assess(second, QStringLiteral("b"));
        for (Attribute attr : kAllAttributes) {
            QVERIFY(std::abs(batch[0].verdict(attr).score - r.verdict(attr).score) < 1e-5);
            QVERIFY(std::abs(batch[1].verdict(attr).score - single.verdict(attr).score) < 1e-5);
        }
    }

    void untrainedHeadsRefused()
    {
        auto model = SwinModel::create(tinyConfig(), 5);
        const QString path = hqa::test::tempDir() + QStringLiteral("/untrained.hqa");
        QVERIFY(model->save(path).ok());
        EngineOptions options;
        options.modelPath = path;
        auto engine = makeSwinEngine(options);
        QVERIFY(!engine.ok());
        QCOMPARE(engine.error().code, ErrorCode::Model);
        QVERIFY(engine.error().detail.contains(QStringLiteral("untrained")));
    }

    void productFormatErrors_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer format version") << "version"
                                              << "newer than this program";
        QTest::newRow("truncated") << "truncate"
                                   << "damaged";
        QTest::newRow("mis-shaped tensor") << "shape"
                                           << "mis-shaped: features.1.0.attn.qkv.weight";
        QTest::newRow("missing tensor") << "missing"
                                        << "missing: norm.bias";
        QTest::newRow("empty") << "empty"
                               << "empty";
        QTest::newRow("a PNG photo") << "png"
                                     << "not a model file";
    }
    void productFormatErrors()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        auto model = SwinModel::create(tinyConfig(), 5);
        const QString path = hqa::test::tempDir() + QStringLiteral("/good.hqa");
        QVERIFY(model->save(path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        auto file = swin::readProduct(bytes);
        QVERIFY(file.ok());
        if (damage == QLatin1String("version")) {
            QJsonObject meta = file->metadata;
            meta["format_version"] = kSwinFormatVersion + 1;
            bytes = swin::writeProduct(file->tensors, meta);
        } else if (damage == QLatin1String("truncate")) {
            bytes.truncate(bytes.size() * 2 / 3);
        } else if (damage == QLatin1String("shape")) {
            file->tensors["features.1.0.attn.qkv.weight"] = torch::zeros({5, 8});
            bytes = swin::writeProduct(file->tensors, file->metadata);
        } else if (damage == QLatin1String("missing")) {
            file->tensors.erase("norm.bias");
            bytes = swin::writeProduct(file->tensors, file->metadata);
        } else if (damage == QLatin1String("empty")) {
            bytes.clear();
        } else {
            QFile png(realPhoto());
            QVERIFY(png.open(QIODevice::ReadOnly));
            bytes = png.read(4096);
        }
        auto loaded = SwinModel::loadBytes(bytes, QStringLiteral("damaged.hqa"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::Model);
        QVERIFY2(loaded.error().detail.contains(expected), qPrintable(loaded.error().detail));
    }

    void blasIsNotReference()
    {
        // setup-deps installs libopenblas0-pthread; on the reference BLAS this test fails on purpose.
        auto model = SwinModel::create(tinyConfig(), 1); // makes sure LibTorch (and its BLAS) is loaded
        QVERIFY(model);
        const QString blas = blasDescription();
        QVERIFY2(!blasWarning().has_value(), qPrintable(blas));
        QVERIFY2(!blas.startsWith(QLatin1String("reference")), qPrintable(blas));
    }
};

QTEST_GUILESS_MAIN(TestSwinUnits)
#include "tst_swin_units.moc"

// The viewer's geometry as free functions, checked with parameter tables.
#include "ui/viewer/ViewportGeometry.h"

#include <QTest>

using namespace hqa::ui;

class TestViewportGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitScale_data()
    {
        QTest::addColumn<QSizeF>("image");
        QTest::addColumn<QSizeF>("widget");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QPointF>("offset");
        QTest::newRow("landscape into square") << QSizeF(400, 200) << QSizeF(200, 200) << 0.5 << QPointF(0, 50);
        QTest::newRow("portrait into wide") << QSizeF(300, 600) << QSizeF(900, 300) << 0.5 << QPointF(375, 0);
        QTest::newRow("small image is enlarged") << QSizeF(100, 50) << QSizeF(400, 400) << 4.0 << QPointF(0, 100);
        QTest::newRow("exact fit") << QSizeF(640, 480) << QSizeF(640, 480) << 1.0 << QPointF(0, 0);
        QTest::newRow("empty image") << QSizeF(0, 0) << QSizeF(640, 480) << 0.0 << QPointF(320, 240);
        QTest::newRow("empty widget") << QSizeF(640, 480) << QSizeF(0, 0) << 0.0 << QPointF(0, 0);
    }
    void fitScale()
    {
        QFETCH(QSizeF, image);
        QFETCH(QSizeF, widget);
        QFETCH(double, scale);
        QFETCH(QPointF, offset);
        QCOMPARE(hqa::ui::fitScale(image, widget), scale);
        const Viewport v = fitViewport(image, widget);
        QCOMPARE(v.scale, scale);
        QCOMPARE(v.offset, offset);
        if (scale > 0) {
            // The whole image lies inside the widget and touches two opposite sides.
            const QRectF shown = imageToWidget(v, QRectF(QPointF(0, 0), image));
            QVERIFY(QRectF(QPointF(0, 0), widget).adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(shown));
            QVERIFY(qFuzzyCompare(shown.width(), widget.width()) || qFuzzyCompare(shown.height(), widget.height()));
        }
    }

    void zoomKeepsPointFixed_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<QPointF>("offset");
        QTest::addColumn<QPointF>("anchor");
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("expectedScale");
        QTest::newRow("zoom in at centre") << 0.5 << QPointF(10, 20) << QPointF(200, 150) << 2.0 << 1.0;
        QTest::newRow("zoom out at corner") << 2.0 << QPointF(-100, -50) << QPointF(0, 0) << 0.5 << 1.0;
        QTest::newRow("wheel step") << 1.0 << QPointF(0, 0) << QPointF(37, 91) << 1.25 << 1.25;
        QTest::newRow("clamped at max") << 20.0 << QPointF(0, 0) << QPointF(50, 50) << 4.0 << kMaxZoom;
        QTest::newRow("clamped at min") << 0.05 << QPointF(5, 5) << QPointF(50, 50) << 0.1 << kMinZoom;
    }
    void zoomKeepsPointFixed()
    {
        QFETCH(double, scale);
        QFETCH(QPointF, offset);
        QFETCH(QPointF, anchor);
        QFETCH(double, factor);
        QFETCH(double, expectedScale);
        const Viewport before{scale, offset};
        const QPointF imagePoint = widgetToImage(before, anchor);
        const Viewport after = zoomAbout(before, anchor, factor);
        QCOMPARE(after.scale, expectedScale);
        const QPointF back = imageToWidget(after, imagePoint);
        QVERIFY2(std::abs(back.x() - anchor.x()) < 1e-9 && std::abs(back.y() - anchor.y()) < 1e-9,
                 "the image point under the anchor must stay under it");
    }

    void mappingRoundTrip_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<QPointF>("offset");
        QTest::addColumn<QPointF>("imagePoint");
        QTest::addColumn<QPointF>("widgetPoint");
        QTest::newRow("identity") << 1.0 << QPointF(0, 0) << QPointF(12, 34) << QPointF(12, 34);
        QTest::newRow("scaled") << 0.25 << QPointF(0, 0) << QPointF(400, 800) << QPointF(100, 200);
        QTest::newRow("scaled and shifted") << 2.0 << QPointF(-30, 15) << QPointF(10, 10) << QPointF(-10, 35);
    }
    void mappingRoundTrip()
    {
        QFETCH(double, scale);
        QFETCH(QPointF, offset);
        QFETCH(QPointF, imagePoint);
        QFETCH(QPointF, widgetPoint);
        const Viewport v{scale, offset};
        QCOMPARE(imageToWidget(v, imagePoint), widgetPoint);
        QCOMPARE(widgetToImage(v, widgetPoint), imagePoint);
        const Viewport moved = panBy(v, QPointF(7, -3));
        QCOMPARE(imageToWidget(moved, imagePoint), widgetPoint + QPointF(7, -3));
    }

    void idealCrop_data()
    {
        QTest::addColumn<double>("eyeY");
        QTest::addColumn<double>("t");
        QTest::addColumn<QSize>("image");
        QTest::newRow("centred face, room around") << 400.0 << 120.0 << QSize(1200, 1600);
        QTest::newRow("small face") << 600.0 << 60.0 << QSize(1600, 1200);
        QTest::newRow("face off centre") << 500.0 << 100.0 << QSize(2000, 1500);
    }
    void idealCrop()
    {
        QFETCH(double, eyeY);
        QFETCH(double, t);
        QFETCH(QSize, image);
        // A synthetic face: eyes 0.9 T apart, chin T below the eye midpoint, landmarks on the face outline.
        const double cx = image.width() * (QTest::currentDataTag() == QByteArray("face off centre") ? 0.3 : 0.5);
        hqa::core::FaceGeometry face;
        face.eyeLeft = {cx - 0.45 * t, eyeY};
        face.eyeRight = {cx + 0.45 * t, eyeY};
        face.chin = {cx, eyeY + t};
        face.eyeToChin = t;
        face.interEyeDistance = 0.9 * t;
        face.headTopY = eyeY - 1.0 * t;
        face.box = cv::Rect2d(cx - 0.8 * t, eyeY - 0.6 * t, 1.6 * t, 1.7 * t);
        // iBUG order: points 0-16 are the jaw from ear to ear through the chin (point 8); the rest lie inside.
        for (int i = 0; i <= 16; ++i) {
            const double a = M_PI - i * M_PI / 16;
            face.landmarks.emplace_back(cx + 0.8 * t * std::cos(a), eyeY + t * std::sin(a));
        }
        for (int i = 17; i < 68; ++i) {
            const double a = i * 2 * M_PI / 51;
            face.landmarks.emplace_back(cx + 0.5 * t * std::cos(a), eyeY + 0.2 * t + 0.4 * t * std::sin(a));
        }
        const QRectF crop = idealCropRect(face, image);
        QVERIFY(!crop.isEmpty());
        // The layout rules the overlay promises: 4:5 aspect, face centred, eyes in the upper part, head in the
        // upper third, shoulders (room below the chin) included.
        QVERIFY2(std::abs(crop.width() / crop.height() - 0.8) < 0.01,
                 qPrintable(QString::number(crop.width() / crop.height())));
        QVERIFY(std::abs(crop.center().x() - cx) < 0.02 * crop.width());
        const double eyeShare = (eyeY - crop.top()) / crop.height();
        QVERIFY2(eyeShare > 0.2 && eyeShare < 0.45, qPrintable(QString::number(eyeShare)));
        const double headCentre = ((face.headTopY + face.chin.y) / 2 - crop.top()) / crop.height();
        QVERIFY2(headCentre < 0.5, qPrintable(QString::number(headCentre)));
        QVERIFY((crop.bottom() - face.chin.y) / t > 0.7);
        QVERIFY(crop.contains(QPointF(face.box.x, face.box.y)));
    }

    void idealCropNeedsLandmarks()
    {
        hqa::core::FaceGeometry face; // no landmarks, no T
        QVERIFY(idealCropRect(face, QSize(800, 600)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestViewportGeometry)
#include "tst_viewport_geometry.moc"

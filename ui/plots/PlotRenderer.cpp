#include "ui/plots/PlotRenderer.h"

#include "ui/plots/QCustomPlotInclude.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace hqa::ui {

using hqa::core::Attribute;
using hqa::core::kAllAttributes;
using hqa::core::kAttributeCount;

namespace {

constexpr int kPngWidth = 900;
constexpr int kPngHeight = 500;

QString attributeLabel(Attribute a)
{
    return QString::fromLatin1(hqa::core::attributeKey(a).data(), qsizetype(hqa::core::attributeKey(a).size()));
}

void resetPlot(QCustomPlot* plot)
{
    plot->clearPlottables();
    plot->clearItems();
    plot->clearGraphs();
    // A legend an earlier build placed under the plot goes back to its home (the axis rect's inset layout),
    // which leaves its row empty for simplify() to remove.
    if (plot->legend->layout() != plot->axisRect()->insetLayout()) {
        plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignRight | Qt::AlignTop);
        plot->plotLayout()->simplify();
    }
    // A title row from an earlier build is removed so that rebuilding does not stack titles.
    if (plot->plotLayout()->rowCount() > 1) {
        plot->plotLayout()->removeAt(0);
        plot->plotLayout()->simplify();
    }
    plot->legend->setVisible(false);
}

void addTitle(QCustomPlot* plot, const QString& title)
{
    if (title.isEmpty())
        return;
    plot->plotLayout()->insertRow(0);
    auto* text = new QCPTextElement(plot, title, QFont(QStringLiteral("sans"), 11, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, text);
}

/// The legend in a row of its own under the axis rect, so that it never covers a bar or a line.
void placeLegendBelow(QCustomPlot* plot, int columns)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    const int row = layout->rowCount();
    layout->addElement(row, 0, plot->legend); // takes it out of the axis rect's inset layout
    layout->setRowStretchFactor(row, 0.001);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(columns);
    plot->legend->setMargins(QMargins(6, 3, 6, 3));
    plot->legend->setVisible(true);
}

QCPItemStraightLine* verticalLine(QCustomPlot* plot, double x, const QPen& pen)
{
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(pen);
    return line;
}

} // namespace

void buildAttributeBars(QCustomPlot* plot, const hqa::core::Metrics& metrics, const QString& title)
{
    resetPlot(plot);
    addTitle(plot, title);

    struct Series {
        QString name;
        QColor colour;
        double (*value)(const hqa::core::AttributeMetrics&);
    };
    // Four figures per attribute; colours chosen to stay apart for common colour-vision deficiencies.
    const Series series[] = {
        {QCoreApplication::translate("hqa::ui::Plots", "Accuracy"), QColor(0, 114, 178),
         [](const hqa::core::AttributeMetrics& m) { return m.accuracy; }},
        {QCoreApplication::translate("hqa::ui::Plots", "Balanced accuracy"), QColor(230, 159, 0),
         [](const hqa::core::AttributeMetrics& m) { return m.balancedAccuracy; }},
        {QCoreApplication::translate("hqa::ui::Plots", "Pass F1"), QColor(0, 158, 115),
         [](const hqa::core::AttributeMetrics& m) { return m.passClass.f1; }},
        {QCoreApplication::translate("hqa::ui::Plots", "Fail F1"), QColor(204, 121, 167),
         [](const hqa::core::AttributeMetrics& m) { return m.failClass.f1; }},
    };
    constexpr int kSeries = 4;
    constexpr double kBarWidth = 0.18;

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < kAttributeCount; ++i)
        ticker->addTick(i + 1, attributeLabel(kAllAttributes[size_t(i)]));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, kAttributeCount + 0.6);
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(QCoreApplication::translate("hqa::ui::Plots", "Score"));

    for (int s = 0; s < kSeries; ++s) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(series[s].name);
        bars->setWidth(kBarWidth);
        bars->setPen(QPen(series[s].colour.darker(130)));
        bars->setBrush(series[s].colour);
        QVector<double> keys, values;
        for (int i = 0; i < kAttributeCount; ++i) {
            const double v = series[s].value(metrics.attributes[size_t(i)]);
            if (std::isnan(v))
                continue; // undefined: no bar rather than a misleading zero
            keys << i + 1 + (s - (kSeries - 1) / 2.0) * kBarWidth;
            values << v;
        }
        bars->setData(keys, values, true);
    }
    placeLegendBelow(plot, kSeries);
    plot->replot();
}

ThresholdPlotItems buildThresholdPlot(QCustomPlot* plot, const hqa::core::ThresholdCurve& curve)
{
    resetPlot(plot);
    addTitle(plot,
             QCoreApplication::translate("hqa::ui::Plots", "%1: figures against threshold (%2 scored)")
                 .arg(hqa::core::attributeName(curve.attribute))
                 .arg(curve.scored));

    struct Series {
        QString name;
        QColor colour;
        double hqa::core::ThresholdPoint::*member;
        Qt::PenStyle style;
    };
    const Series series[] = {
        {QCoreApplication::translate("hqa::ui::Plots", "Accuracy"), QColor(0, 114, 178),
         &hqa::core::ThresholdPoint::accuracy, Qt::SolidLine},
        {QCoreApplication::translate("hqa::ui::Plots", "Balanced accuracy"), QColor(230, 159, 0),
         &hqa::core::ThresholdPoint::balancedAccuracy, Qt::DashLine},
        {QCoreApplication::translate("hqa::ui::Plots", "Pass F1"), QColor(0, 158, 115),
         &hqa::core::ThresholdPoint::passF1, Qt::DotLine},
    };
    for (const Series& s : series) {
        QCPGraph* graph = plot->addGraph();
        graph->setName(s.name);
        QPen pen(s.colour, 2);
        pen.setStyle(s.style); // line style as well as colour tells the series apart
        graph->setPen(pen);
        QVector<double> keys, values;
        for (const auto& p : curve.points) {
            keys << p.threshold;
            // NaN leaves a gap in the line, which is what an undefined figure should look like.
            values << p.*(s.member);
        }
        graph->setData(keys, values, true);
    }
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1.05);
    plot->xAxis->setLabel(QCoreApplication::translate("hqa::ui::Plots", "Threshold (score at or above passes)"));
    plot->yAxis->setLabel(QCoreApplication::translate("hqa::ui::Plots", "Score"));

    ThresholdPlotItems items;
    items.best = verticalLine(plot, curve.bestThreshold, QPen(QColor(120, 120, 120), 1.5, Qt::DashDotLine));
    items.current = verticalLine(plot, curve.currentThreshold, QPen(Qt::black, 2));
    auto* label = new QCPItemText(plot);
    label->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.01, 0.01);
    label->setText(QCoreApplication::translate("hqa::ui::Plots", "current %1 (solid), best %2 (dash-dot)")
                       .arg(curve.currentThreshold, 0, 'f', 2)
                       .arg(curve.bestThreshold, 0, 'f', 2));
    placeLegendBelow(plot, 3);
    plot->replot();
    return items;
}

hqa::core::Expected<QStringList> renderReportPlots(const hqa::core::PlotRequest& request)
{
    using hqa::core::Error;
    using hqa::core::ErrorCode;
    const QDir dir(request.directory);
    if (!dir.exists())
        return Error{ErrorCode::Io, QStringLiteral("plot folder does not exist: %1").arg(request.directory)};

    QStringList written;
    // One offscreen widget reused for every file: QCustomPlot renders into a pixmap without being shown.
    QCustomPlot plot;
    plot.resize(kPngWidth, kPngHeight);

    const auto save = [&](const QString& name) -> std::optional<Error> {
        const QString path = dir.filePath(name);
        if (!plot.savePng(path, kPngWidth, kPngHeight))
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(path)};
        written << path;
        return std::nullopt;
    };

    buildAttributeBars(&plot, request.metrics, request.title);
    if (auto err = save(QStringLiteral("attributes.png")))
        return *err;
    for (const auto& curve : request.curves) {
        buildThresholdPlot(&plot, curve);
        if (auto err = save(QStringLiteral("threshold-%1.png").arg(attributeLabel(curve.attribute))))
            return *err;
    }
    return written;
}

} // namespace hqa::ui

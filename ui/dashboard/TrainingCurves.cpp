#include "ui/dashboard/TrainingCurves.h"

#include "ui/plots/QCustomPlotInclude.h"

#include <QVBoxLayout>

#include <cmath>

namespace hqa::ui {

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(180);
    layout->addWidget(m_plot);
    clear();
}

void TrainingCurves::clear()
{
    m_plot->clearGraphs();
    m_epochs = 0;
    m_maxLoss = 0;
    auto* train = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    train->setName(tr("Training loss"));
    train->setPen(QPen(QColor(0, 114, 178), 2));
    auto* val = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    val->setName(tr("Validation loss"));
    val->setPen(QPen(QColor(230, 159, 0), 2, Qt::DashLine));
    auto* metric = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    metric->setName(tr("Validation balanced accuracy"));
    metric->setPen(QPen(QColor(0, 158, 115), 2, Qt::DotLine));
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Loss"));
    m_plot->yAxis2->setLabel(tr("Validation metric"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, 1);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->legend->setVisible(true);
    m_plot->replot();
}

void TrainingCurves::addEpoch(int epoch, double trainLoss, double valLoss, double valMetric)
{
    m_plot->graph(0)->addData(epoch, trainLoss);
    m_plot->graph(1)->addData(epoch, valLoss);
    m_plot->graph(2)->addData(epoch, valMetric);
    ++m_epochs;
    for (double v : {trainLoss, valLoss})
        if (std::isfinite(v))
            m_maxLoss = std::max(m_maxLoss, v);
    m_plot->xAxis->setRange(0, std::max(1, epoch));
    m_plot->yAxis->setRange(0, m_maxLoss > 0 ? m_maxLoss * 1.1 : 1);
    m_plot->replot();
}

} // namespace hqa::ui

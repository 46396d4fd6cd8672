#include "ui/dashboard/TrainingCurves.h"

#include "ui/plots/QCustomPlotInclude.h"

#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace hqa::ui {

TrainingCurves::TrainingCurves(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(180);
    layout->addWidget(m_plot);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("trainingCurvesMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(60);
    m_message->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_message);
    clear();
}

void TrainingCurves::clear()
{
    m_plot->clearGraphs();
    m_epochs = 0;
    m_points = 0;
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
    updateEmptyState();
}

void TrainingCurves::addEpoch(int epoch, double trainLoss, double valLoss, double valMetric)
{
    m_plot->graph(0)->addData(epoch, trainLoss);
    m_plot->graph(1)->addData(epoch, valLoss);
    m_plot->graph(2)->addData(epoch, valMetric);
    ++m_epochs;
    for (double v : {trainLoss, valLoss, valMetric})
        m_points += std::isfinite(v) ? 1 : 0;
    for (double v : {trainLoss, valLoss})
        if (std::isfinite(v))
            m_maxLoss = std::max(m_maxLoss, v);
    m_plot->xAxis->setRange(0, std::max(1, epoch));
    m_plot->yAxis->setRange(0, m_maxLoss > 0 ? m_maxLoss * 1.1 : 1);
    m_plot->replot();
    updateEmptyState();
}

void TrainingCurves::updateEmptyState()
{
    m_showsMessage = m_points == 0;
    if (m_epochs == 0)
        m_message->setText(tr("No training run yet: the loss and validation curves appear here while a model "
                              "trains (Tools > Learn from corrections)."));
    else
        m_message->setText(tr("No loss figures from this training run (%n step(s) done): the corrections head "
                              "trains one attribute after another and reports no loss, so there is no curve "
                              "to draw.",
                              nullptr, m_epochs));
    m_message->setVisible(m_showsMessage);
    m_plot->setVisible(!m_showsMessage);
}

} // namespace hqa::ui

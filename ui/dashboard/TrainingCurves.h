#pragma once
// Live loss and validation curves while a head trains: loss on the left axis, the validation metric on the
// right one, one point per epoch.

#include <QWidget>

class QCustomPlot;

namespace hqa::ui {

class TrainingCurves : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurves(QWidget* parent = nullptr);
    int epochs() const { return m_epochs; }
    QCustomPlot* plot() const { return m_plot; }

public Q_SLOTS:
    void addEpoch(int epoch, double trainLoss, double valLoss, double valMetric);
    void clear();

private:
    QCustomPlot* m_plot = nullptr;
    int m_epochs = 0;
    double m_maxLoss = 0;
};

} // namespace hqa::ui

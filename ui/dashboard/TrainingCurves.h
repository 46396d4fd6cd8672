#pragma once
// Live loss and validation curves while a head trains: loss on the left axis, the validation metric on the
// right one, one point per epoch. Until there is a figure to draw, a message says so instead of empty axes.

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace hqa::ui {

class TrainingCurves : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurves(QWidget* parent = nullptr);
    int epochs() const { return m_epochs; }
    QCustomPlot* plot() const { return m_plot; }
    /// The text shown instead of the plot while there is nothing to draw.
    QLabel* messageLabel() const { return m_message; }
    /// True while the message stands in for the plot.
    bool showsMessage() const { return m_showsMessage; }

public Q_SLOTS:
    void addEpoch(int epoch, double trainLoss, double valLoss, double valMetric);
    void clear();

private:
    void updateEmptyState();
    QCustomPlot* m_plot = nullptr;
    QLabel* m_message = nullptr;
    bool m_showsMessage = true;
    int m_points = 0; ///< finite figures drawn
    int m_epochs = 0;
    double m_maxLoss = 0;
};

} // namespace hqa::ui

#include "ui/dashboard/MetricsDashboard.h"

#include "ui/dashboard/TrainingCurves.h"
#include "ui/plots/PlotRenderer.h"
#include "ui/plots/QCustomPlotInclude.h"
#include "ui/settings/AppSettings.h"
#include "ui/worker/AssessmentWorker.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace hqa::ui {

using hqa::core::Attribute;
using hqa::core::kAllAttributes;
using hqa::core::kAttributeCount;

namespace {
/// How close (pixels) a press must be to the threshold line to grab it.
constexpr double kGrabDistance = 8.0;

QString figure(double v) { return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 3); }
} // namespace

MetricsDashboard::MetricsDashboard(QWidget* parent)
    : QWidget(parent)
{
    m_engineThresholds.fill(0.5);
    m_thresholds.fill(0.5);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("goldenSizeWarning"));
    m_warning->setWordWrap(true);
    // A warning, in words first; the colour only adds to them.
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; }"));
    m_warning->setVisible(false);
    layout->addWidget(m_warning);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_barsPlot = new QCustomPlot(top);
    m_barsPlot->setMinimumSize(300, 220);
    topLayout->addWidget(m_barsPlot, 1);

    auto* curveBox = new QWidget(top);
    auto* curveLayout = new QVBoxLayout(curveBox);
    curveLayout->setContentsMargins(0, 0, 0, 0);
    auto* pickRow = new QHBoxLayout;
    pickRow->addWidget(new QLabel(tr("Threshold curve of:"), curveBox));
    m_attributeBox = new QComboBox(curveBox);
    for (Attribute a : kAllAttributes)
        m_attributeBox->addItem(hqa::core::attributeName(a), hqa::core::index(a));
    pickRow->addWidget(m_attributeBox, 1);
    m_apply = new QPushButton(tr("&Apply thresholds"), curveBox);
    m_apply->setToolTip(tr("Store the dragged thresholds in the preferences; photos assessed from now on use them"));
    pickRow->addWidget(m_apply);
    curveLayout->addLayout(pickRow);
    m_curvePlot = new QCustomPlot(curveBox);
    m_curvePlot->setMinimumSize(300, 220);
    m_curvePlot->setToolTip(tr("Drag the solid vertical line to try another threshold"));
    m_curvePlot->installEventFilter(this);
    curveLayout->addWidget(m_curvePlot, 1);
    topLayout->addWidget(curveBox, 1);

    m_table = new QTableWidget(kAttributeCount, 9, splitter);
    m_table->setHorizontalHeaderLabels({tr("Threshold"), tr("Accuracy"), tr("Balanced accuracy"), tr("Pass F1"),
                                        tr("Fail F1"), tr("True pass"), tr("False fail"), tr("True fail"),
                                        tr("False pass")});
    QStringList rows;
    for (Attribute a : kAllAttributes)
        rows << hqa::core::attributeName(a);
    m_table->setVerticalHeaderLabels(rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_training = new TrainingCurves(splitter);
    m_training->hide(); // shown by the training dialog while a head trains
    splitter->addWidget(top);
    splitter->addWidget(m_table);
    splitter->addWidget(m_training);
    layout->addWidget(splitter, 1);

    connect(m_attributeBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { redrawCurve(); });
    connect(m_apply, &QPushButton::clicked, this, &MetricsDashboard::applyThresholds);
    recompute();
}

void MetricsDashboard::setStore(hqa::core::ProjectStore* store)
{
    m_store = store;
    reload();
}

void MetricsDashboard::reload()
{
    m_samples.clear();
    m_truth.clear();
    m_unassessed.clear();
    if (m_store) {
        auto golden = m_store->goldenLabels();
        if (golden) {
            std::array<bool, kAttributeCount> thresholdSeen{};
            for (const auto& g : *golden) {
                auto latest = m_store->latestAssessment(g.photoId);
                if (!latest || !*latest)
                    continue; // golden but never assessed: nothing to compare
                if (!(*latest)->assessment.ok()) {
                    // The engine gave no verdict at all (no face, unreadable file): that is not six predicted
                    // fails, so the photo is counted apart and named instead of inflating the false fails.
                    m_unassessed << QStringLiteral("%1 (%2)").arg(QFileInfo((*latest)->assessment.file).fileName(),
                                                                  errorSentence(*(*latest)->assessment.error));
                    continue;
                }
                Sample s;
                s.truth = g.label;
                for (Attribute a : kAllAttributes) {
                    const auto i = size_t(hqa::core::index(a));
                    const auto& v = (*latest)->assessment.verdict(a);
                    s.judged[i] = v.judged;
                    s.score[i] = v.score;
                    // The engine's own threshold is the starting point the user drags from.
                    if (v.judged && !thresholdSeen[i]) {
                        m_engineThresholds[i] = v.threshold;
                        thresholdSeen[i] = true;
                    }
                }
                m_samples.push_back(s);
                m_truth.push_back(s.truth);
            }
        } else {
            m_summary->setText(tr("Cannot read the golden labels: %1").arg(golden.error().detail));
        }
    }
    m_thresholds = m_engineThresholds;
    recompute();
}

QString MetricsDashboard::summaryText() const { return m_summary->text(); }

std::vector<double> MetricsDashboard::scores(Attribute a) const
{
    std::vector<double> out;
    const auto i = size_t(hqa::core::index(a));
    for (const auto& s : m_samples)
        out.push_back(s.judged[i] ? s.score[i] : -1.0);
    return out;
}

std::vector<int> MetricsDashboard::truth(Attribute a) const
{
    std::vector<int> out;
    const auto i = size_t(hqa::core::index(a));
    for (const auto& s : m_samples)
        out.push_back(s.truth[i]);
    return out;
}

void MetricsDashboard::recompute()
{
    // Predictions at the current thresholds; the figures come from core's computeMetrics so that the
    // dashboard and `evaluate` can never disagree.
    std::vector<hqa::core::Label> predicted;
    predicted.reserve(m_samples.size());
    for (const auto& s : m_samples) {
        hqa::core::Label p = hqa::core::kUnknownLabel;
        for (int i = 0; i < kAttributeCount; ++i)
            if (s.judged[size_t(i)])
                p[size_t(i)] = s.score[size_t(i)] >= m_thresholds[size_t(i)] ? 1 : 0;
        predicted.push_back(p);
    }
    m_metrics = hqa::core::computeMetrics(m_truth, predicted);
    QString summary;
    if (m_samples.empty())
        summary = tr("No golden labels with an assessment yet: verify photos in the golden set mode.");
    else
        summary = tr("%1 golden photo(s) with an assessment. Hamming accuracy %2, exact match %3, macro F1 %4.")
                      .arg(m_samples.size())
                      .arg(figure(m_metrics.hammingAccuracy), figure(m_metrics.exactMatch), figure(m_metrics.macroF1));
    if (!m_unassessed.isEmpty())
        summary += QLatin1Char(' ')
            + tr("Counted apart, not as engine fails: %n golden photo(s) the engine could not assess: %1", nullptr,
                 int(m_unassessed.size()))
                  .arg(m_unassessed.join(QStringLiteral("; ")));
    m_summary->setText(summary);
    const QString warning = sampleWarning();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    buildAttributeBars(m_barsPlot, m_metrics, tr("Against the golden labels"));
    fillTable();
    if (!m_dragging)
        redrawCurve();
}

int MetricsDashboard::judgedGolden(Attribute a) const
{
    const auto i = size_t(hqa::core::index(a));
    int n = 0;
    for (const auto& s : m_samples)
        n += s.judged[i] && s.truth[i] >= 0 ? 1 : 0;
    return n;
}

int MetricsDashboard::goldenPasses(Attribute a) const
{
    const auto i = size_t(hqa::core::index(a));
    int n = 0;
    for (const auto& s : m_samples)
        n += s.judged[i] && s.truth[i] == 1 ? 1 : 0;
    return n;
}

QString MetricsDashboard::sampleWarning() const
{
    if (m_samples.empty())
        return {};
    QStringList small;
    for (Attribute a : kAllAttributes) {
        const int judged = judgedGolden(a), passes = goldenPasses(a), fails = judged - passes;
        if (judged >= kMinJudgedGolden && std::min(passes, fails) >= kMinMinorityGolden)
            continue;
        small << tr("%1: %2 (%3 pass, %4 fail)").arg(hqa::core::attributeName(a)).arg(judged).arg(passes).arg(fails);
    }
    if (small.isEmpty())
        return {};
    return tr("Too few golden photos to trust these figures for: %1. Aim for at least %2 golden photos with a "
              "judged value per attribute, at least %3 of them with each verdict: below that one photo moves a "
              "figure by several points.")
        .arg(small.join(QStringLiteral("; ")))
        .arg(kMinJudgedGolden)
        .arg(kMinMinorityGolden);
}

void MetricsDashboard::fillTable()
{
    for (int r = 0; r < kAttributeCount; ++r) {
        const auto& m = m_metrics.attributes[size_t(r)];
        const QStringList cells{QString::number(m_thresholds[size_t(r)], 'f', 2),
                                figure(m.accuracy),
                                figure(m.balancedAccuracy),
                                figure(m.passClass.f1),
                                figure(m.failClass.f1),
                                QString::number(m.confusion.truePass),
                                QString::number(m.confusion.falseFail),
                                QString::number(m.confusion.trueFail),
                                QString::number(m.confusion.falsePass)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
        }
    }
}

void MetricsDashboard::redrawCurve()
{
    const Attribute a = shownAttribute();
    const auto i = size_t(hqa::core::index(a));
    const hqa::core::ThresholdCurve curve = curveAlong(a, m_engineThresholds[i]);
    m_currentLine = buildThresholdPlot(m_curvePlot, curve).current;
    if (m_currentLine && std::abs(m_thresholds[i] - m_engineThresholds[i]) > 1e-12) {
        m_currentLine->point1->setCoords(m_thresholds[i], 0);
        m_currentLine->point2->setCoords(m_thresholds[i], 1);
        m_curvePlot->replot();
    }
}

hqa::core::ThresholdCurve MetricsDashboard::curveAlong(Attribute a, double current) const
{
    // Every point is computeMetrics over the same samples with only this attribute's threshold moved, so the
    // curve, the table and the dragged figures are one computation and cannot drift apart.
    constexpr int kSteps = 101;
    const auto i = size_t(hqa::core::index(a));
    hqa::core::ThresholdCurve curve;
    curve.attribute = a;
    curve.currentThreshold = current;
    curve.bestThreshold = current;
    double bestBalanced = -1;
    std::vector<hqa::core::Label> truthOnly, predicted;
    for (const auto& s : m_samples) {
        hqa::core::Label t = hqa::core::kUnknownLabel;
        // Unjudged samples count as predicted fails, as in the table (computeMetrics' convention).
        t[i] = s.truth[i];
        truthOnly.push_back(t);
    }
    for (int step = 0; step < kSteps; ++step) {
        const double threshold = double(step) / (kSteps - 1);
        predicted.clear();
        for (const auto& s : m_samples) {
            hqa::core::Label p = hqa::core::kUnknownLabel;
            if (s.judged[i])
                p[i] = s.score[i] >= threshold ? 1 : 0;
            predicted.push_back(p);
        }
        const auto m = hqa::core::computeMetrics(truthOnly, predicted).attributes[i];
        hqa::core::ThresholdPoint point;
        point.threshold = threshold;
        point.accuracy = m.accuracy;
        point.balancedAccuracy = m.balancedAccuracy;
        point.passF1 = m.passClass.f1;
        point.failF1 = m.failClass.f1;
        point.truePass = m.confusion.truePass;
        point.falseFail = m.confusion.falseFail;
        point.trueFail = m.confusion.trueFail;
        point.falsePass = m.confusion.falsePass;
        curve.scored = m.confusion.scored();
        if (!std::isnan(m.balancedAccuracy)
            && (m.balancedAccuracy > bestBalanced + 1e-12
                || (std::abs(m.balancedAccuracy - bestBalanced) <= 1e-12
                    && std::abs(threshold - current) < std::abs(curve.bestThreshold - current)))) {
            bestBalanced = m.balancedAccuracy;
            curve.bestThreshold = threshold;
        }
        curve.points.push_back(point);
    }
    return curve;
}

Attribute MetricsDashboard::shownAttribute() const
{
    return kAllAttributes[size_t(std::clamp(m_attributeBox->currentIndex(), 0, kAttributeCount - 1))];
}

void MetricsDashboard::showAttribute(Attribute a) { m_attributeBox->setCurrentIndex(hqa::core::index(a)); }

void MetricsDashboard::setThreshold(Attribute a, double threshold)
{
    const auto i = size_t(hqa::core::index(a));
    m_thresholds[i] = std::clamp(threshold, 0.0, 1.0);
    if (a == shownAttribute() && m_currentLine) {
        m_currentLine->point1->setCoords(m_thresholds[i], 0);
        m_currentLine->point2->setCoords(m_thresholds[i], 1);
        m_curvePlot->replot();
    }
    recompute();
}

bool MetricsDashboard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_curvePlot || !m_currentLine)
        return QWidget::eventFilter(watched, event);
    const auto i = size_t(hqa::core::index(shownAttribute()));
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        const double lineX = m_curvePlot->xAxis->coordToPixel(m_thresholds[i]);
        if (e->button() == Qt::LeftButton && std::abs(e->position().x() - lineX) <= kGrabDistance) {
            m_dragging = true;
            return true;
        }
        break;
    }
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (m_dragging) {
            setThreshold(shownAttribute(), m_curvePlot->xAxis->pixelToCoord(e->position().x()));
            return true;
        }
        const double lineX = m_curvePlot->xAxis->coordToPixel(m_thresholds[i]);
        m_curvePlot->setCursor(std::abs(e->position().x() - lineX) <= kGrabDistance ? Qt::SizeHorCursor
                                                                                    : Qt::ArrowCursor);
        break;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragging) {
            auto* e = static_cast<QMouseEvent*>(event);
            setThreshold(shownAttribute(), m_curvePlot->xAxis->pixelToCoord(e->position().x()));
            m_dragging = false;
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void MetricsDashboard::applyThresholds()
{
    QSettings s = settings::appSettings();
    for (Attribute a : kAllAttributes)
        s.setValue(settings::thresholdKey(a), m_thresholds[size_t(hqa::core::index(a))]);
    s.sync();
    m_engineThresholds = m_thresholds;
    Q_EMIT thresholdsApplied();
}

} // namespace hqa::ui

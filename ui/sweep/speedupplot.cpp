#include "ui/sweep/speedupplot.h"

#include <QEvent>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

// Okabe-Ito: blue for what was measured, vermillion for the model of it; the ideal in grey, the cores in black.
const QColor measuredColor(0, 114, 178);
const QColor amdahlColor(213, 94, 0);
const QColor idealColor(120, 120, 120);
const QColor otherLoadColor(60, 60, 60);
constexpr int curveSamples = 200;
// Past this many workers a linear axis would crowd 1, 2, 4 and 8 into its first tenth.
constexpr double logScaleFrom = 8;

} // namespace

SpeedupPlot::SpeedupPlot(QWidget* parent)
    : ThemedPlot(parent)
{
    m_ideal = addGraph();
    m_amdahl = addGraph();
    m_measured = addGraph();
    // Min to max of each point's repeats, through the measured points (kept clear of the discs by the symbol gap).
    m_whiskers = new QCPErrorBars(xAxis, yAxis);
    m_whiskers->setObjectName(QStringLiteral("speedupWhiskers"));
    m_whiskers->setErrorType(QCPErrorBars::etValueError);
    m_whiskers->setDataPlottable(m_measured);
    m_whiskers->removeFromLegend();
    m_otherLoad = addGraph();
    m_otherLoad->setObjectName(QStringLiteral("otherLoadPoints"));
    m_otherLoad->setLineStyle(QCPGraph::lsNone);
    m_baselineOtherLoad = addGraph();
    m_baselineOtherLoad->setObjectName(QStringLiteral("baselineOtherLoadPoint"));
    m_baselineOtherLoad->setLineStyle(QCPGraph::lsNone);
    m_coresLine = new QCPItemStraightLine(this);
    m_coresLabel = new QCPItemText(this);
    m_coresLabel->position->setType(QCPItemPosition::ptPlotCoords);
    // At the foot of its line: the top is where the ideal line leaves the plot.
    m_coresLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_coresLine->setVisible(false);
    m_coresLabel->setVisible(false);
    // Read first what was measured; drawn last, on top of the lines it is compared with.
    legend->clearItems();
    for (QCPGraph* graph : {m_measured, m_ideal, m_amdahl})
        graph->addToLegend();
    // Speed-ups rise to the top right: the top left stays free for the legend.
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    // Whole workers only: 1, 2, 3 …; a sweep in powers of two (I/O, up to the tasks) gets a log axis of them.
    auto linear = QSharedPointer<QCPAxisTickerFixed>::create();
    linear->setTickStep(1);
    linear->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_linearTicker = linear;
    auto log = QSharedPointer<QCPAxisTickerLog>::create();
    log->setLogBase(2);
    log->setSubTickCount(0);
    m_logTicker = log;
    xAxis->setTicker(m_linearTicker);
    xAxis->setRange(0.5, 4.5);
    yAxis->setRange(0, 4.5);
    applyTheme();
    retranslateUi();
}

void SpeedupPlot::setSweep(const std::vector<ScalingSpread>& points, const AmdahlFit& fit, int cores, int maxWorkers)
{
    m_fit = fit;
    m_cores = cores;
    m_points = int(points.size());
    m_spreads = points;
    const double lastX = std::max({1, maxWorkers, cores});

    QVector<double> xs, ys, below, above;
    double top = 1;
    for (const ScalingSpread& point : points) {
        xs << point.workers;
        ys << point.speedup.median;
        below << point.speedup.median - point.speedup.min;
        above << point.speedup.max - point.speedup.median;
        top = std::max(top, point.speedup.max);
    }
    m_measured->setData(xs, ys, true);
    // Index for index with the measured points, which setData() kept in the order given (ascending workers).
    m_whiskers->setData(below, above);

    const bool logScale = lastX > logScaleFrom;
    xAxis->setScaleType(logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    xAxis->setTicker(logScale ? m_logTicker : m_linearTicker);
    // Evenly spaced on the axis as drawn, so the ideal and the curve are smooth either way.
    QVector<double> curveX, idealY, amdahlY;
    for (int i = 0; i <= curveSamples; ++i) {
        const double t = double(i) / curveSamples;
        curveX << (logScale ? std::pow(lastX, t) : 1 + (lastX - 1) * t);
        // Workers past the cores queue for them: ideally the speed-up stops at the core count.
        idealY << effectiveParallelism(curveX.back(), fit.cores);
        amdahlY << fit.speedupAt(curveX.back());
    }
    m_ideal->setData(curveX, idealY, true);
    if (fit.determined) {
        m_amdahl->setData(curveX, amdahlY, true);
        top = std::max(top, fit.speedupAt(lastX));
    } else {
        m_amdahl->data()->clear();
    }

    m_coresLine->setVisible(cores > 0);
    m_coresLabel->setVisible(cores > 0);
    m_coresLine->point1->setCoords(cores, 0);
    m_coresLine->point2->setCoords(cores, 1);
    // The ideal line runs off the top for many workers: the measurements, not the ideal, set the scale.
    // Capped at the cores, the ideal stays bounded: show its flat part whole.
    const double yTop = std::max({2.0, top * 1.25, fit.cores * 1.1});
    m_coresLabel->position->setCoords(cores, 0);
    if (logScale)
        xAxis->setRange(0.8, lastX * 1.25);
    else
        xAxis->setRange(0.5, lastX + 0.5);
    yAxis->setRange(0, yTop);
    retranslateUi();
}

void SpeedupPlot::setOtherLoadPoints(const std::vector<OtherLoadPoint>& points)
{
    QVector<double> xs, ys;
    m_otherLoadPercent = 0;
    for (const OtherLoadPoint& point : points) {
        xs << point.workers;
        ys << point.speedup;
        m_otherLoadPercent = std::max(m_otherLoadPercent, point.otherLoadPercent);
    }
    m_otherLoad->setData(xs, ys, true);
    if (points.empty())
        m_otherLoad->removeFromLegend();
    else
        m_otherLoad->addToLegend();
    retranslateUi();
}

void SpeedupPlot::setBaselineOtherLoad(std::optional<double> percent)
{
    m_baselineOtherLoadPercent = percent.value_or(0);
    if (percent) {
        m_baselineOtherLoad->setData({1.0}, {1.0}, true);
        m_baselineOtherLoad->addToLegend();
    } else {
        m_baselineOtherLoad->data()->clear();
        m_baselineOtherLoad->removeFromLegend();
    }
    retranslateUi();
}

int SpeedupPlot::pointCount() const
{
    return m_points;
}

QString SpeedupPlot::fitText() const
{
    if (!m_fit.determined)
        return tr("Amdahl fit: needs a run with more than one worker");
    const QString p = QLocale().toString(m_fit.parallelFraction, 'f', 2);
    if (!m_fit.parallelFractionError)
        return tr("Amdahl fit: p = %1").arg(p);
    return tr("Amdahl fit: p = %1 ± %2").arg(p, QLocale().toString(*m_fit.parallelFractionError, 'f', 2));
}

void SpeedupPlot::retranslateUi()
{
    xAxis->setLabel(tr("workers"));
    yAxis->setLabel(tr("speed-up against sequential (×)"));
    m_measured->setName(tr("measured"));
    m_ideal->setName(m_fit.cores > 0 ? tr("ideal (y = x, flat past the cores)") : tr("ideal (y = x)"));
    m_amdahl->setName(fitText());
    m_otherLoad->setName(
        tr("other programs took %1 % of the machine").arg(QLocale().toString(m_otherLoadPercent, 'f', 0)));
    m_baselineOtherLoad->setName(
        tr("baseline (1×): other programs took %1 %").arg(QLocale().toString(m_baselineOtherLoadPercent, 'f', 0)));
    m_coresLabel->setText(m_cores == 1 ? tr(" 1 core") : tr(" %n cores", nullptr, m_cores));
    QStringList lines;
    for (const ScalingSpread& point : m_spreads) {
        const SpeedupSpread& speedup = point.speedup;
        const QString median = QLocale().toString(speedup.median, 'f', 2);
        const int workers = int(point.workers);
        const QString who = workers == 1 ? tr("1 worker") : tr("%n workers", nullptr, workers);
        lines << (speedup.min == speedup.max ? tr("%1: ×%2").arg(who, median)
                                             : tr("%1: ×%2 (%3–%4)")
                                                   .arg(who, median, QLocale().toString(speedup.min, 'f', 2),
                                                       QLocale().toString(speedup.max, 'f', 2)));
    }
    setToolTip(lines.join(QLatin1Char('\n')));
    replot(rpQueuedReplot);
}

void SpeedupPlot::applyTheme()
{
    ThemedPlot::applyTheme();
    m_measured->setPen(QPen(measuredColor, theme().lineWidth(2.5)));
    m_measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, measuredColor, theme().pixels(9)));
    m_ideal->setPen(QPen(idealColor, theme().lineWidth(1.5), Qt::DashLine));
    m_amdahl->setPen(QPen(amdahlColor, theme().lineWidth(2.0)));
    m_whiskers->setPen(QPen(measuredColor, theme().lineWidth(1.5)));
    m_whiskers->setWhiskerWidth(theme().pixels(10));
    // A ring around the measured disc: the point is there, but not the model's alone.
    m_otherLoad->setPen(QPen(otherLoadColor, theme().lineWidth(2.0)));
    m_otherLoad->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
        QPen(otherLoadColor, theme().lineWidth(2.0), Qt::DotLine), Qt::NoBrush, theme().pixels(20)));
    // A square ring: the baseline is no measured point, and its load shifts every point, not one.
    m_baselineOtherLoad->setPen(QPen(otherLoadColor, theme().lineWidth(2.0)));
    m_baselineOtherLoad->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare,
        QPen(otherLoadColor, theme().lineWidth(2.0), Qt::DotLine), Qt::NoBrush, theme().pixels(20)));
    m_coresLine->setPen(QPen(theme().captionColor(), theme().lineWidth(1.2), Qt::DotLine));
    m_coresLabel->setFont(tickFont());
    m_coresLabel->setColor(theme().captionColor());
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(QColor(255, 255, 255, 220));
    axisRect()->setMinimumMargins(QMargins(theme().pixels(8), theme().pixels(8), theme().pixels(16), 0));
}

void SpeedupPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    ThemedPlot::changeEvent(event);
}

} // namespace conlab

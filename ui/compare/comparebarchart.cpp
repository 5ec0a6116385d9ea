#include "ui/compare/comparebarchart.h"

#include <QEvent>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

constexpr double barWidth = 0.62;
// A row per model at the least, so a chart of a cancelled or failed series is as tall as a full one.
constexpr int minimumRows = 5;
// A model's name takes its line and a little air; the time axis its tick labels, its label and their paddings.
constexpr double rowLines = 1.15;
constexpr double axisLines = 3.2;
constexpr int minimumWidthPx = 320;
// Room right of the longest bar for its note.
constexpr double noteRoom = 1.45;
const QColor modelColor(0, 114, 178); // Okabe-Ito blue
const QColor baselineColor(150, 150, 150);

} // namespace

CompareBarChart::CompareBarChart(QWidget* parent)
    : ThemedPlot(parent)
{
    // Models down the left, time along the bottom: long model names read as they are written.
    m_baselineBars = new QCPBars(yAxis, xAxis);
    m_bars = new QCPBars(yAxis, xAxis);
    m_otherLoadBars = new QCPBars(yAxis, xAxis);
    for (QCPBars* bars : {m_baselineBars, m_bars, m_otherLoadBars}) {
        bars->setWidth(barWidth);
        bars->setAntialiased(false);
    }
    // The spread of repeated runs, on each bar's end (the objectName tells the two apart in a test).
    m_baselineWhiskers = new QCPErrorBars(yAxis, xAxis);
    m_baselineWhiskers->setObjectName(QStringLiteral("compareBaselineWhiskers"));
    m_whiskers = new QCPErrorBars(yAxis, xAxis);
    m_whiskers->setObjectName(QStringLiteral("compareWhiskers"));
    m_baselineWhiskers->setDataPlottable(m_baselineBars);
    m_whiskers->setDataPlottable(m_bars);
    for (QCPErrorBars* whiskers : {m_baselineWhiskers, m_whiskers}) {
        whiskers->setErrorType(QCPErrorBars::etValueError);
        whiskers->setSymbolGap(0);
    }
    m_baselineBars->setBrush(baselineColor);
    m_bars->setBrush(modelColor);
    // Drawn over the bar it marks, so the bar keeps its colour and the hatching reads as "not to be trusted".
    m_otherLoadBars->setBrush(QBrush(QColor(40, 40, 40), Qt::BDiagPattern));
    m_otherLoadBars->setPen(Qt::NoPen);
    m_otherLoadBars->setObjectName(QStringLiteral("otherLoadBars"));
    yAxis->setRangeReversed(true);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    yAxis->grid()->setVisible(false);
    yAxis->setSubTicks(false);
    legend->setVisible(false);
    applyTheme();
    retranslateUi();
}

void CompareBarChart::setBars(const std::vector<CompareBar>& bars)
{
    m_baselineBars->data()->clear();
    m_bars->data()->clear();
    m_otherLoadBars->data()->clear();
    for (QCPItemText* note : m_notes)
        removeItem(note);
    m_notes.clear();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double longest = 0;
    for (const CompareBar& bar : bars)
        longest = std::max({longest, bar.wallMs.value_or(0.0) / 1000.0, bar.wallMs ? bar.wallMaxMs / 1000.0 : 0.0});
    // Index for index with each QCPBars' data, which is added in key order.
    QVector<double> below[2], above[2];
    if (!(longest > 0))
        longest = 1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const CompareBar& bar = bars[i];
        const double key = double(i + 1);
        ticker->addTick(key, bar.label);
        const double seconds = bar.wallMs.value_or(0.0) / 1000.0;
        if (bar.wallMs) {
            (bar.baseline ? m_baselineBars : m_bars)->addData(key, seconds);
            const int which = bar.baseline ? 0 : 1;
            below[which] << std::max(0.0, *bar.wallMs - bar.wallMinMs) / 1000.0;
            above[which] << std::max(0.0, bar.wallMaxMs - *bar.wallMs) / 1000.0;
            if (bar.otherLoad)
                m_otherLoadBars->addData(key, seconds);
        }
        auto* note = new QCPItemText(this);
        note->setClipToAxisRect(false);
        note->position->setType(QCPItemPosition::ptPlotCoords);
        note->position->setAxes(xAxis, yAxis);
        note->position->setCoords(seconds, key);
        note->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        note->setObjectName(QStringLiteral("compareNote%1").arg(i + 1));
        note->setText(bar.note);
        m_notes.push_back(note);
    }
    m_baselineWhiskers->setData(below[0], above[0]);
    m_whiskers->setData(below[1], above[1]);
    yAxis->setTicker(ticker);
    yAxis->setRange(0.4, double(bars.size()) + 0.6);
    m_longestSeconds = longest;
    xAxis->setRange(0, longest * noteRoom); // and wider where a note needs it, once laid out (updateLayout())
    applyTheme();
    replot(rpQueuedReplot);
}

int CompareBarChart::barCount() const
{
    return m_baselineBars->dataCount() + m_bars->dataCount();
}

QStringList CompareBarChart::notes() const
{
    QStringList texts;
    for (const QCPItemText* note : m_notes)
        texts << note->text();
    return texts;
}

QSize CompareBarChart::minimumSizeHint() const
{
    const double lineHeightPx = QFontMetricsF(yAxis->tickLabelFont()).height();
    const int rows = std::max(minimumRows, int(m_notes.size()));
    return {minimumWidthPx, int(std::ceil((rows * rowLines + axisLines) * lineHeightPx))};
}

void CompareBarChart::retranslateUi()
{
    xAxis->setLabel(tr("wall time (s)"));
    replot(rpQueuedReplot);
}

void CompareBarChart::applyTheme()
{
    ThemedPlot::applyTheme();
    const QPen edge(theme().highContrast ? QColor(20, 20, 20) : QColor(60, 60, 60), theme().lineWidth(1.0));
    for (QCPBars* bars : {m_baselineBars, m_bars})
        bars->setPen(edge);
    for (QCPErrorBars* whiskers : {m_baselineWhiskers, m_whiskers}) {
        whiskers->setPen(QPen(theme().captionColor(), theme().lineWidth(1.5)));
        whiskers->setWhiskerWidth(theme().pixels(10));
    }
    yAxis->setTickLength(0, 0);
    for (QCPItemText* note : m_notes) {
        note->setFont(labelFont());
        note->setColor(theme().captionColor());
        note->setPadding(QMargins(theme().pixels(6), 0, 0, 0));
    }
    axisRect()->setMinimumMargins(QMargins(theme().pixels(8), theme().pixels(8), theme().pixels(16), 0));
    updateGeometry();
}

void CompareBarChart::updateLayout()
{
    ThemedPlot::updateLayout();
    // Each note is written right of its bar's end: the time axis reaches far enough that every note, at this width and
    // in this font, ends inside the plot. A long note ("other programs took 58 % of the machine") on the longest bar
    // ran off the picture's edge. A note wider than three quarters of the plot cannot fit beside any bar: its bar
    // then takes a quarter of the width.
    const double widthPx = axisRect()->width();
    double upper = m_longestSeconds * noteRoom;
    for (const QCPItemText* note : m_notes) {
        const double seconds = note->position->coords().x();
        if (!(seconds > 0) || widthPx <= 0)
            continue;
        const double textPx = QFontMetricsF(note->font()).horizontalAdvance(note->text()) + note->padding().left()
            + note->padding().right() + theme().pixels(4);
        upper = std::max(upper, seconds * widthPx / std::max(widthPx - textPx, widthPx / 4));
    }
    if (std::abs(upper - xAxis->range().upper) > 1e-9 * upper) {
        xAxis->setRange(0, upper);
        // The ticks were made for the range before: again for this one, in the same layout pass.
        axisRect()->update(QCPLayoutElement::upPreparation);
    }
}

void CompareBarChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    ThemedPlot::changeEvent(event);
}

} // namespace conlab

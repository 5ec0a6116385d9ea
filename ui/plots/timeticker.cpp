#include "ui/plots/timeticker.h"

namespace conlab {

void TimeTicker::generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
    QVector<double>& ticks, QVector<double>* subTicks, QVector<QString>* tickLabels)
{
    m_unit = timeUnitFor(range.lower, range.upper);
    QCPAxisTicker::generate(range, locale, formatChar, precision, ticks, subTicks, tickLabels);
}

QVector<QString> TimeTicker::createLabelVector(const QVector<double>& ticks, const QLocale&, QChar, int)
{
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 0.0;
    QVector<QString> labels;
    labels.reserve(ticks.size());
    for (double tick : ticks)
        labels.append(timeTickLabel(tick, step, m_unit));
    return labels;
}

} // namespace conlab

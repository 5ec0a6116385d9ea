#pragma once

#include "ui/timeline/timeunit.h"

#include <qcustomplot.h>

namespace conlab {

// Ticks of a time axis in seconds, labelled in the unit that suits the range shown ("250 ms", "12 µs") rather than
// as "2·10⁻⁵". The unit is chosen each time ticks are made, so a figure drawn at another range labels itself right.
class TimeTicker : public QCPAxisTicker
{
public:
    TimeUnit unit() const { return m_unit; }

protected:
    void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision, QVector<double>& ticks,
        QVector<double>* subTicks, QVector<QString>* tickLabels) override;
    QVector<QString> createLabelVector(
        const QVector<double>& ticks, const QLocale& locale, QChar formatChar, int precision) override;

private:
    TimeUnit m_unit = TimeUnit::Seconds;
};

} // namespace conlab

#include "ui/timeline/timeunit.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

constexpr double maxWholeDigits = 1e5;

TimeUnit coarser(TimeUnit unit)
{
    return unit == TimeUnit::Seconds ? unit : TimeUnit(int(unit) - 1);
}

} // namespace

double unitsPerSecond(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Seconds:
        return 1.0;
    case TimeUnit::Milliseconds:
        return 1e3;
    case TimeUnit::Microseconds:
        return 1e6;
    case TimeUnit::Nanoseconds:
        return 1e9;
    }
    return 1.0;
}

TimeUnit timeUnitFor(double beginSec, double endSec)
{
    const double span = std::abs(endSec - beginSec);
    TimeUnit unit = TimeUnit::Nanoseconds;
    for (TimeUnit candidate : {TimeUnit::Seconds, TimeUnit::Milliseconds, TimeUnit::Microseconds}) {
        if (span * unitsPerSecond(candidate) >= 1.0) {
            unit = candidate;
            break;
        }
    }
    const double largest = std::max(std::abs(beginSec), std::abs(endSec));
    while (unit != TimeUnit::Seconds && largest * unitsPerSecond(unit) >= maxWholeDigits)
        unit = coarser(unit);
    return unit;
}

QString timeUnitSymbol(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Seconds:
        return QCoreApplication::translate("conlab::TimeUnit", "s");
    case TimeUnit::Milliseconds:
        return QCoreApplication::translate("conlab::TimeUnit", "ms");
    case TimeUnit::Microseconds:
        return QCoreApplication::translate("conlab::TimeUnit", "µs");
    case TimeUnit::Nanoseconds:
        return QCoreApplication::translate("conlab::TimeUnit", "ns");
    }
    return {};
}

QString timeTickLabel(double sec, double stepSec, TimeUnit unit)
{
    const double scale = unitsPerSecond(unit);
    const double value = sec * scale;
    const double step = std::abs(stepSec) * scale;
    // A tick that is zero up to rounding noise reads as the origin, not as "-0.000".
    if (step > 0 && std::abs(value) < step * 1e-6)
        return QStringLiteral("0");
    // As many decimals as the step has, so every tick of an axis reads alike: a step of 0.25 needs two, 50 none.
    int decimals = 0;
    while (decimals < 9 && step > 0) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            break;
        ++decimals;
    }
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return QStringLiteral("%1 %2").arg(locale.toString(value, 'f', decimals), timeUnitSymbol(unit));
}

} // namespace conlab

#pragma once

#include <QString>

namespace conlab {

// The unit a time axis labels its ticks in, chosen from what it shows: a whole run reads in seconds, a zoom into one
// GIL hand-over in microseconds, a trace from another tool in whatever its events last.
enum class TimeUnit
{
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
};

// The unit for an axis showing [beginSec, endSec]: the largest unit the span is at least one of, made coarser again
// while the labels would need more than five digits before the decimal point (a zoom deep into a long run).
TimeUnit timeUnitFor(double beginSec, double endSec);
double unitsPerSecond(TimeUnit unit);
// "s", "ms", "µs", "ns", in the UI language.
QString timeUnitSymbol(TimeUnit unit);
// A tick at sec, stepSec apart from its neighbours: the number in the unit with as many decimals as the step needs,
// and the unit ("250 ms", "12.5 µs"); zero is plain "0".
QString timeTickLabel(double sec, double stepSec, TimeUnit unit);

} // namespace conlab

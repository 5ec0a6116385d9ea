#pragma once

#include "core/run/runsummary.h"
#include "core/scenario/scenario.h"

#include <QLocale>
#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// A real-CPython step's explanation with this run's numbers in it: each {real_NAME} and {emulated_NAME} placeholder
// is replaced by the number measured in the step's run and in its "beside" step's run, each {baseline_NAME} by the one
// measured in its "baseline" step's run (a real fix beside the real problem), and "—" where that run has not happened
// yet or does not have the number. NAME is one of
//   wall_ms, speedup (against the "baseline" step; the emulated one against the lesson's sequential first step),
//   handovers (GIL hand-overs), lost (counter updates lost), round_trips and round_trip_ms (convoy: the I/O task's
//   round trips and their median), worst_late_ms (the longest a ready task waited for the event loop).
// Other {names} are left as they are, so another substitution ({cores}) can fill them before or after.
// `summaries` holds each step's last complete run, by step index.
QString realStepText(const Scenario& scenario, std::size_t step,
    const std::vector<std::optional<RunSummary>>& summaries, const QLocale& locale = QLocale());

} // namespace conlab

#include "core/scenario/realstepnumbers.h"

#include <QRegularExpression>
#include <functional>

namespace conlab {

namespace {

using Number = std::optional<double>;

// What an example printed (conlab_knobs.report(): "counter: 0.412 s expected=400000 actual=312345 lost=87655").
Number printed(const RunSummary& summary, const QString& pattern)
{
    if (!summary.python)
        return std::nullopt;
    const auto match = QRegularExpression(pattern).match(summary.python->stdoutText);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = match.captured(1).toDouble(&ok);
    return ok ? Number(value) : std::nullopt;
}

Number speedup(const RunSummary* baseline, const RunSummary& run)
{
    if (!baseline || run.wallMs <= 0)
        return std::nullopt;
    return baseline->wallMs / run.wallMs;
}

struct Quantity
{
    const char* name;
    int decimals;
    std::function<Number(const RunSummary& run, const RunSummary* baseline)> real;
    std::function<Number(const RunSummary& run, const RunSummary* baseline)> emulated;
};

const std::vector<Quantity>& quantities()
{
    static const std::vector<Quantity> all {
        {"wall_ms", 0, [](const RunSummary& run, const RunSummary*) { return Number(run.wallMs); },
            [](const RunSummary& run, const RunSummary*) { return Number(run.wallMs); }},
        {"speedup", 2, [](const RunSummary& run, const RunSummary* baseline) { return speedup(baseline, run); },
            [](const RunSummary& run, const RunSummary* baseline) { return speedup(baseline, run); }},
        {"handovers", 0, [](const RunSummary& run, const RunSummary*) { return Number(double(run.gilSwitches)); },
            [](const RunSummary& run, const RunSummary*) { return Number(double(run.gilSwitches)); }},
        {"lost", 0,
            [](const RunSummary& run, const RunSummary*) { return printed(run, QStringLiteral(R"(\blost=(-?\d+))")); },
            [](const RunSummary& run, const RunSummary*) {
                return run.counter ? Number(double(run.counter->lost())) : std::nullopt;
            }},
        {"round_trips", 0,
            [](const RunSummary& run, const RunSummary*) {
                return printed(run, QStringLiteral(R"(over (\d+) round trips)"));
            },
            [](const RunSummary& run, const RunSummary*) {
                return run.roundTrips ? Number(double(*run.roundTrips)) : std::nullopt;
            }},
        // The emulated I/O task's round trip: its wait, then the time until it ran again.
        {"round_trip_ms", 2,
            [](const RunSummary& run, const RunSummary*) {
                return printed(run, QStringLiteral(R"(round-trip median ([\d.]+) ms)"));
            },
            [](const RunSummary& run, const RunSummary*) {
                return run.roundTrips ? Number(run.config.workload.ioMs + run.resumeLatencyMs.p50) : std::nullopt;
            }},
        {"worst_late_ms", 1,
            [](const RunSummary& run, const RunSummary*) {
                return printed(run, QStringLiteral(R"(worst_tick_late_ms=([\d.]+))"));
            },
            [](const RunSummary& run, const RunSummary*) {
                return run.resumeLatencyMs.count > 0 ? Number(run.resumeLatencyMs.max) : std::nullopt;
            }},
    };
    return all;
}

const RunSummary* ranStep(const std::vector<std::optional<RunSummary>>& summaries, std::optional<std::size_t> index)
{
    return index && *index < summaries.size() && summaries[*index] ? &*summaries[*index] : nullptr;
}

} // namespace

QString realStepText(const Scenario& scenario, std::size_t step,
    const std::vector<std::optional<RunSummary>>& summaries, const QLocale& locale)
{
    if (step >= scenario.steps.size())
        return {};
    const ScenarioStep& real = scenario.steps[step];
    const RunSummary* run = ranStep(summaries, step);
    const RunSummary* emulated = ranStep(summaries, real.beside);
    const RunSummary* realBaseline = ranStep(summaries, real.baseline);
    // The baseline's own speed-up is against its baseline, as its explanation says it.
    const RunSummary* baselineBaseline = real.baseline && *real.baseline < scenario.steps.size()
        ? ranStep(summaries, scenario.steps[*real.baseline].baseline)
        : nullptr;
    const bool sequentialFirst
        = !scenario.steps.empty() && scenario.steps.front().config.model == ModelKind::Sequential;
    const RunSummary* emulatedBaseline = sequentialFirst ? ranStep(summaries, std::size_t(0)) : nullptr;

    const auto shown = [&](Number value, int decimals) {
        return value ? locale.toString(*value, 'f', decimals) : QStringLiteral("\u2014"); // —
    };
    QString text = real.explanation.text(locale);
    for (const Quantity& quantity : quantities()) {
        const QString name = QLatin1String(quantity.name);
        text.replace(QStringLiteral("{real_%1}").arg(name),
            shown(run ? quantity.real(*run, realBaseline) : std::nullopt, quantity.decimals));
        text.replace(QStringLiteral("{emulated_%1}").arg(name),
            shown(emulated ? quantity.emulated(*emulated, emulatedBaseline) : std::nullopt, quantity.decimals));
        text.replace(QStringLiteral("{baseline_%1}").arg(name),
            shown(realBaseline ? quantity.real(*realBaseline, baselineBaseline) : std::nullopt, quantity.decimals));
    }
    return text;
}

} // namespace conlab

#include "core/scenario/realstepnumbers.h"

#include <gtest/gtest.h>

using namespace conlab;

namespace {

// A lesson of three steps: sequential (0), threads + GIL (1), real CPython (2) beside step 1.
Scenario lesson(const char* en)
{
    Scenario scenario;
    ScenarioStep sequential;
    ScenarioStep emulated;
    emulated.config.model = ModelKind::Threads;
    emulated.config.gil = true;
    ScenarioStep real;
    real.config.model = ModelKind::Python;
    real.beside = 1;
    real.explanation = LocalizedText {QString::fromUtf8(en), QStringLiteral("ru {real_wall_ms}")};
    scenario.steps = {sequential, emulated, real};
    return scenario;
}

RunSummary ran(double wallMs, std::uint64_t handovers, const QString& printed = {})
{
    RunSummary summary;
    summary.wallMs = wallMs;
    summary.gilSwitches = handovers;
    if (!printed.isEmpty()) {
        summary.python = PythonRunFacts {};
        summary.python->stdoutText = printed;
    }
    return summary;
}

} // namespace

TEST(RealStepText, SetsTheRealNumbersBesideTheEmulatedOnes)
{
    const Scenario scenario = lesson("real {real_wall_ms} ms / {real_handovers}, emulated {emulated_wall_ms} ms / "
                                     "{emulated_handovers}, x{emulated_speedup}, lost {real_lost}, {cores} cores");
    const std::vector<std::optional<RunSummary>> summaries {
        ran(1000, 0), ran(1250, 240), ran(1310, 117, QStringLiteral("counter: 1.3 s lost=4521"))};
    EXPECT_EQ(realStepText(scenario, 2, summaries, QLocale(QLocale::English)),
        QStringLiteral("real 1,310 ms / 117, emulated 1,250 ms / 240, x0.80, lost 4,521, {cores} cores"));
}

TEST(RealStepText, ANumberNotMeasuredYetIsADash)
{
    const Scenario scenario = lesson("real {real_wall_ms}, emulated {emulated_wall_ms}, trips {real_round_trips}");
    const std::vector<std::optional<RunSummary>> summaries {std::nullopt, std::nullopt, ran(500, 3)};
    EXPECT_EQ(realStepText(scenario, 2, summaries, QLocale(QLocale::English)),
        QStringLiteral("real 500, emulated \u2014, trips \u2014"));
}

TEST(RealStepText, ReadsTheConvoyAndTheBlockedLoopFromWhatTheExamplePrinted)
{
    const Scenario scenario = lesson("{real_round_trip_ms} ms x {real_round_trips}; {real_worst_late_ms} ms late");
    const std::vector<std::optional<RunSummary>> summaries {std::nullopt, std::nullopt,
        ran(700, 9,
            QStringLiteral("convoy: round-trip median 5.120 ms over 117 round trips\n"
                           "blocked_loop: 0.5 s offload=none tasks=6 worst_tick_late_ms=148.3"))};
    EXPECT_EQ(realStepText(scenario, 2, summaries, QLocale(QLocale::English)),
        QStringLiteral("5.12 ms x 117; 148.3 ms late"));
}

// A real fix beside the real problem: the blocked loop's fix quotes the blocked run, its "baseline" step.
TEST(RealStepText, SetsTheBaselineStepsNumbersBesideTheFix)
{
    Scenario scenario
        = lesson("{real_worst_late_ms} ms late, blocked {baseline_worst_late_ms} ms ({baseline_wall_ms})");
    ScenarioStep fix = scenario.steps.back();
    fix.baseline = 2;
    scenario.steps.push_back(fix);
    const std::vector<std::optional<RunSummary>> summaries {std::nullopt, std::nullopt,
        ran(1900, 0, QStringLiteral("blocked_loop: 1.9 s offload=none tasks=6 worst_tick_late_ms=148.3")),
        ran(1200, 50, QStringLiteral("blocked_loop: 1.2 s offload=threads tasks=6 worst_tick_late_ms=6.2"))};
    EXPECT_EQ(realStepText(scenario, 3, summaries, QLocale(QLocale::English)),
        QStringLiteral("6.2 ms late, blocked 148.3 ms (1,900)"));
    EXPECT_EQ(
        realStepText(scenario, 3, {std::nullopt, std::nullopt, std::nullopt, summaries[3]}, QLocale(QLocale::English)),
        QStringLiteral("6.2 ms late, blocked \u2014 ms (\u2014)"));
}

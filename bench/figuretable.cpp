#include "bench/figuretable.h"

#include "bench/benchgoal.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QSysInfo>
#include <cstdio>
#include <thread>

namespace conlab::bench {
namespace {

std::string loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    const QList<QByteArray> fields = file.readAll().split(' ');
    return (fields.value(0) + ' ' + fields.value(1) + ' ' + fields.value(2)).toStdString();
}

std::string cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return line.mid(line.indexOf(':') + 1).trimmed().toStdString();
        }
    }
    return "unknown CPU";
}

const char* unitName(benchmark::TimeUnit unit)
{
    switch (unit) {
    case benchmark::kNanosecond:
        return "ns";
    case benchmark::kMicrosecond:
        return "us";
    case benchmark::kMillisecond:
        return "ms";
    case benchmark::kSecond:
        return "s";
    }
    return "";
}

// The name a figure is looked up by: the function and its arguments, without "/manual_time" or "/iterations:3".
std::string shortName(const benchmark::BenchmarkReporter::Run& run)
{
    std::string name = run.run_name.function_name;
    if (!run.run_name.args.empty())
        name += "/" + run.run_name.args;
    if (run.run_type == benchmark::BenchmarkReporter::Run::RT_Aggregate)
        name += "_" + run.aggregate_name;
    return name;
}

} // namespace

FigureTable::FigureTable()
    : benchmark::ConsoleReporter(OO_Tabular)
{
}

bool FigureTable::ReportContext(const Context& context)
{
    m_loadBefore = loadAverage();
    return ConsoleReporter::ReportContext(context);
}

void FigureTable::ReportRuns(const std::vector<Run>& runs)
{
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
        if (run.error_occurred)
            continue;
        Measured measured;
        measured.realTime = run.GetAdjustedRealTime();
        measured.unit = unitName(run.time_unit);
        measured.label = run.report_label;
        for (const auto& [name, counter] : run.counters)
            measured.counters[name] = counter.value;
        // A single-threaded micro-benchmark's own cost, which a busy machine's preemptions do not inflate.
        measured.counters["cpu_time"] = run.GetAdjustedCPUTime();
        m_measured[shortName(run)] = measured;
    }
}

const FigureTable::Measured* FigureTable::find(const std::string& name) const
{
    const auto it = m_measured.find(name);
    return it == m_measured.end() ? nullptr : &it->second;
}

std::optional<double> FigureTable::value(const std::string& name, const std::string& counter) const
{
    const Measured* measured = find(name);
    if (!measured)
        return std::nullopt;
    if (counter.empty())
        return measured->realTime;
    const auto it = measured->counters.find(counter);
    return it == measured->counters.end() ? std::nullopt : std::optional(it->second);
}

// The same number as text, times scale.
std::string FigureTable::figure(
    const std::string& name, const std::string& counter, double scale, int decimals, const std::string& suffix) const
{
    if (!find(name))
        return "(not run)";
    const std::optional<double> number = value(name, counter);
    if (!number)
        return "(no " + counter + ")";
    // Not printf: QCoreApplication sets the C library's locale from the environment, and the README's table keeps
    // a decimal point whatever the machine's language.
    return QByteArray::number(*number * scale, 'f', decimals).toStdString() + suffix;
}

bool FigureTable::checkGoals() const
{
    std::printf("\nGoals (conlab-bench --check): a figure misses when it is on the wrong side of its goal by more\n"
                "than the margin\n");
    std::printf("| figure | goal | margin | measured | verdict |\n|---|---|---|---|---|\n");
    bool allMet = true;
    for (const BenchGoal& goal : benchGoals()) {
        std::optional<double> measured = value(goal.benchmark, goal.counter);
        if (measured)
            *measured *= goal.scale;
        const GoalVerdict verdict = judge(goal, measured);
        allMet = allMet && verdict != GoalVerdict::Missed;
        char measuredText[64] = "-";
        if (measured)
            std::snprintf(measuredText, sizeof measuredText, "%.3g %s", *measured, goal.unit.c_str());
        std::printf("| %s | %s %g %s | %g %% | %s | %s |\n", goal.figure.c_str(),
            goal.bound == BenchGoal::Bound::AtLeast ? ">=" : "<=", goal.limit, goal.unit.c_str(), goal.margin * 100,
            measuredText, verdictName(verdict));
    }
    std::printf(allMet ? "Every goal that was measured is met.\n" : "A goal was missed.\n");
    std::fflush(stdout);
    return allMet;
}

void FigureTable::Finalize()
{
    ConsoleReporter::Finalize();
    struct Row
    {
        std::string figure;
        std::string goal;
        std::string measured;
    };
    const auto perTaskUs = [&](const std::string& name) { return figure(name, "per_task", 1e6, 2, " us"); };
    const std::vector<Row> rows {
        {"trace record cost per event (BM_TraceRecord)", "< 20 ns",
            figure("BM_TraceRecord", "cpu_time", 1, 1, " ns") + " ("
                + figure("BM_TraceRecordWithClock", "cpu_time", 1, 1, " ns") + " with the two clock reads; CPU time)"},
        {"dispatch per empty task: sequential", "-", perTaskUs("BM_DispatchSequential/20000")},
        {"dispatch per empty task: threads (2)", "< 10 us",
            perTaskUs("BM_DispatchThreads/20000") + " (CPython ThreadPoolExecutor "
                + figure("BM_DispatchCPython", "threads_us", 1, 2, " us") + ")"},
        {"dispatch per empty task: processes (2, pre-started pool)", "< 100 us",
            perTaskUs("BM_DispatchProcesses/5000") + " (CPython ProcessPoolExecutor "
                + figure("BM_DispatchCPython", "processes_us", 1, 2, " us") + ")"},
        {"dispatch per empty task: event loop (no limit)", "< 1 us",
            perTaskUs("BM_DispatchEventLoop/20000") + " (CPython asyncio.gather "
                + figure("BM_DispatchCPython", "asyncio_us", 1, 2, " us") + ")"},
        {"GIL hand-over, two CPU-bound threads, 1 us interval", "-",
            figure("BM_GilHandOver", "per_switch_us", 1, 1, " us per switch")},
        {"GIL slice check on CPU work", "< 2 %",
            figure("BM_GilSliceCheck", "overhead_pct_of_slice", 1, 4, " % of a 50 us slice") + "; 20 ms phase "
                + figure("BM_CpuPhaseNoGil_mean", "", 1, 2, " ms") + " without, "
                + figure("BM_CpuPhaseGilHeld_mean", "", 1, 2, " ms") + " with the GIL held"},
        {"telling running from ready on CPU work", "< 2 %",
            figure("BM_CpuPhaseTruthOverhead", "overhead_pct", 1, 2, " % of a 20 ms phase's CPU time")},
        {"timeline replot, 64 lanes, 1600x900: 10k / 100k / 1M segments", "< 16 ms at 1M",
            figure("BM_ReplotTimeline/10000", "", 1, 1, "") + " / " + figure("BM_ReplotTimeline/100000", "", 1, 1, "")
                + " / " + figure("BM_ReplotTimeline/1000000", "", 1, 1, " ms")},
        {"own utilisation replot, 1M segments, 1600 px (buckets alone / index build off the UI thread)", "<= 5 ms",
            figure("BM_ReplotOwnUtilisation/1000000", "", 1, 2, " ms") + " ("
                + figure("BM_OwnUtilisationBuckets/1000000", "", 1, 2, " ms") + " / "
                + figure("BM_OwnUtilisationIndex/1000000", "", 1, 0, " ms") + ")"},
        {"memory per segment of a shown 1M-segment run (resident set growth / segments)", "<= 32 B",
            figure("BM_ShownRunMemory/1000000", "bytes_per_segment", 1, 1, " B")},
        {"run file export, 1M segments: in memory / through a file", "< 1 s",
            figure("BM_ExportRunFile1M", "", 1e-3, 2, " s") + " / " + figure("BM_WriteRunFile1M", "", 1e-3, 2, " s")},
        {"run file import, 1M segments", "< 3 s", figure("BM_ImportRunFile1M", "", 1e-3, 2, " s")},
        {"Chromium-shaped trace import, 7.5 MB, 84 threads", "< 3 s",
            figure("BM_ImportChromiumShapedTrace", "", 1e-3, 2, " s")},
        {"UI latency, every core busy: threads (p50 / p99 / max)", "p99 < 16 ms, max < 33 ms",
            figure("BM_UiLatencyUnderFullLoad_Threads", "p50_ms", 1, 1, "") + " / "
                + figure("BM_UiLatencyUnderFullLoad_Threads", "p99_ms", 1, 1, "") + " / "
                + figure("BM_UiLatencyUnderFullLoad_Threads", "max_ms", 1, 1, " ms")},
        {"UI latency, every core busy: processes (p50 / p99 / max)", "p99 < 16 ms, max < 33 ms",
            figure("BM_UiLatencyUnderFullLoad_Processes", "p50_ms", 1, 1, "") + " / "
                + figure("BM_UiLatencyUnderFullLoad_Processes", "p99_ms", 1, 1, "") + " / "
                + figure("BM_UiLatencyUnderFullLoad_Processes", "max_ms", 1, 1, " ms")},
        {"start-up to the first window frame (warm)", "< 1 s",
            figure("BM_StartupToFirstPaint", "", 1, 0, " ms")
                + " (the app's own count: " + figure("BM_StartupToFirstPaint", "in_app_ms", 1, 0, " ms") + ")"},
        {"Python observer on python3.11: GIL sampling / thread states achieved", ">= 5 kHz / >= 1 kHz",
            figure("BM_PythonObserved", "gil_hz", 1e-3, 2, " kHz") + " / "
                + figure("BM_PythonObserved", "state_hz", 1e-3, 2, " kHz")},
        {"Python observer on python3.11: CPU", "<= 15 % of a core",
            figure("BM_PythonObserved", "observer_cpu_pct", 1, 1, " %")},
        {"Python observer: the observed script's slowdown (min of 5, interleaved)", "<= 10 %",
            figure("BM_PythonObserved", "slowdown_pct", 1, 1, " %") + " ("
                + figure("BM_PythonObserved", "observed_s", 1, 3, " s") + " observed, "
                + figure("BM_PythonObserved", "unobserved_s", 1, 3, " s") + " not)"},
        {"idle window memory (RSS / PSS)", "-",
            figure("BM_IdleMemory", "rss_MiB", 1, 1, "") + " / " + figure("BM_IdleMemory", "pss_MiB", 1, 1, " MiB")},
    };

    std::printf("\nFigures (the README's performance table)\n");
    std::printf("machine: %s, %u cores, %s; load average %s before, %s after\n", cpuModel().c_str(),
        std::thread::hardware_concurrency(), QSysInfo::prettyProductName().toStdString().c_str(), m_loadBefore.c_str(),
        loadAverage().c_str());
    if (const Measured* python = find("BM_DispatchCPython"))
        std::printf("CPython column: %s\n", python->label.c_str());
    std::printf("| figure | goal | measured |\n|---|---|---|\n");
    for (const Row& row : rows)
        std::printf("| %s | %s | %s |\n", row.figure.c_str(), row.goal.c_str(), row.measured.c_str());
    std::fflush(stdout);
}

} // namespace conlab::bench

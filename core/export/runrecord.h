#pragma once

#include "core/models/modelkind.h"
#include "core/models/offloadkind.h"
#include "core/run/runconfig.h"
#include "core/run/runsummary.h"
#include "core/trace/taskstate.h"
#include "core/trace/trace.h"
#include "core/trace/tracekeys.h"
#include "core/workload/workloadspec.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <concepts>
#include <optional>
#include <string_view>
#include <type_traits>

// conlab's own record in a run file: the member "conlab" of the top-level object, after "traceEvents". It holds
// what the events cannot carry exactly (lane kinds, NaN cores, the run's numbers at full precision). The fields are
// described once, here, and walked by both the writer (export/runfile.cpp) and the reader
// (import/runrecordreader.cpp), so the two cannot drift apart.
//
// A field walker `io` offers:
//   io.field(name, value)                 scalars, strings, dates and times, lists, std::optional (absent = not
//                                         written / not required), and any struct with a describeFields()
//                                         overload below
//   io.keyed(name, value, keyOf, fromKey) an enum stored by its stable key
//   io.group(name, describe)              a nested object whose members describe(io) walks
// `value` is const for the writer and mutable for the reader; the templates serve both.
namespace conlab {

namespace runrecord {

// Bumped when a reader of the old format would misread a new file. Readers refuse newer formats by name.
inline constexpr int formatVersion = 1;

struct FormatVersion
{
    int value = formatVersion;
};

template <typename T, typename U>
concept Describes = std::same_as<std::remove_const_t<T>, U>;

// An optional field may be absent; every other one is required.
template <typename T> inline constexpr bool isOptional = false;
template <typename T> inline constexpr bool isOptional<std::optional<T>> = true;

// A list added to the record after files were written: written only when it has entries, and read as empty when
// absent. Wraps the list it stands for.
template <typename List> struct OptionalList
{
    List& items;
};
template <typename T> inline constexpr bool isOptionalList = false;
template <typename List> inline constexpr bool isOptionalList<OptionalList<List>> = true;

// Fields a file may lack. An invalid QDateTime means "unknown" and is not written, and files written before a date
// was recorded read as unknown rather than being refused.
template <typename T>
inline constexpr bool mayBeAbsent
    = isOptional<T> || isOptionalList<std::remove_const_t<T>> || std::same_as<std::remove_const_t<T>, QDateTime>;

// ISO 8601 with milliseconds and the offset from UTC the time was recorded at, so that the date read back is the
// date where the run was made, whichever time zone opens the file.
inline QString dateTimeText(const QDateTime& time)
{
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

inline std::optional<QDateTime> dateTimeFromText(const QString& text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? std::optional(time) : std::nullopt;
}

// A JSON array of its elements (std::vector, QStringList); a QString is text, not a list of characters.
template <typename T>
concept List = !std::same_as<T, QString> && requires(T & list)
{
    typename T::value_type;
    list.begin();
    list.end();
    list.emplace_back();
};

} // namespace runrecord

template <typename Io, runrecord::Describes<WorkloadSpec> Spec> void describeFields(Io& io, Spec& workload)
{
    io.keyed("kind", workload.kind, workloadKey, workloadFromKey);
    io.field("tasks", workload.tasks);
    io.field("cpu_ms", workload.cpuMs);
    io.field("io_ms", workload.ioMs);
    io.field("phases", workload.phases);
    io.field("increments", workload.increments);
    io.field("lock", workload.lock);
    io.field("yield_between", workload.yieldBetween);
}

template <typename Io, runrecord::Describes<PythonScript> Script> void describeFields(Io& io, Script& script)
{
    io.field("script", script.script);
    io.field("interpreter", script.interpreter);
    io.field("arguments", script.arguments);
}

template <typename Io, runrecord::Describes<RunConfig> Config> void describeFields(Io& io, Config& config)
{
    io.keyed("model", config.model, modelKey, modelFromKey);
    io.field("workload", config.workload);
    io.field("workers", config.workers);
    io.field("sample_hz", config.sampleHz);
    io.field("gil", config.gil);
    io.field("switch_interval_ms", config.switchIntervalMs);
    io.keyed("offload", config.offload, offloadKey, offloadFromKey);
    io.field("iterations_per_ms", config.iterationsPerMs);
    io.field("python", config.python);
}

template <typename Io, runrecord::Describes<PythonThreadFacts> Thread> void describeFields(Io& io, Thread& thread)
{
    io.field("name", thread.name);
    io.field("pid", thread.pid);
    io.field("tid", thread.tid);
    io.field("gil_hold_ms", thread.gilHoldMs);
    io.field("gil_wait_ms", thread.gilWaitMs);
}

template <typename Io, runrecord::Describes<PythonRunFacts> Facts> void describeFields(Io& io, Facts& python)
{
    io.field("executable", python.executable);
    io.field("version", python.version);
    io.field("observer_mode", python.observerMode);
    io.field("gil_sample_hz", python.gilSampleHz);
    io.field("state_sample_hz", python.stateSampleHz);
    io.field("observer_cpu_percent", python.observerCpuPercent);
    io.field("threads", python.threads);
    io.field("processes", python.processes);
    io.field("exit_code", python.exitCode);
    io.field("exit_signal", python.exitSignal);
    io.field("stdout", python.stdoutText);
    io.field("stderr", python.stderrText);
}

template <typename Io, runrecord::Describes<LatencyStats> Latency> void describeFields(Io& io, Latency& latency)
{
    io.field("p50", latency.p50);
    io.field("p99", latency.p99);
    io.field("max", latency.max);
    io.field("count", latency.count);
}

template <typename Io, runrecord::Describes<CounterResult> Counter> void describeFields(Io& io, Counter& counter)
{
    io.field("expected", counter.expected);
    io.field("actual", counter.actual);
}

template <typename Io, runrecord::Describes<RunSummary> Summary> void describeFields(Io& io, Summary& summary)
{
    io.field("config", summary.config);
    io.field("started_at", summary.startedAt);
    io.field("wall_ms", summary.wallMs);
    io.field("cpu_ms", summary.cpuMs);
    io.field("tasks_completed", summary.tasksCompleted);
    io.field("checksum", summary.checksum);
    // Keyed by state rather than by position, so that a state added later reads as zero in old files.
    io.group("state_ms", [&summary](auto& stateIo) {
        for (TaskState state : allTaskStates) {
            const QByteArray key = taskStateKey(state).toLatin1();
            stateIo.field(std::string_view(key.constData(), static_cast<std::size_t>(key.size())),
                summary.stateMs[static_cast<std::size_t>(state)]);
        }
    });
    io.field("resume_latency_ms", summary.resumeLatencyMs);
    io.field("peak_rss_mb", summary.peakRssMb);
    io.field("startup_ms", summary.startupMs);
    io.field("worker_peak_rss_mb", summary.workerPeakRssMb);
    io.field("cores", summary.cores);
    io.field("usable_cores", summary.usableCores);
    io.field("other_load_percent", summary.otherLoadPercent);
    io.field("migrations", summary.migrations);
    io.field("iterations_per_ms", summary.iterationsPerMs);
    io.field("cancelled", summary.cancelled);
    io.field("error", summary.error);
    io.field("ui_latency_ms", summary.uiLatencyMs);
    io.field("round_trips", summary.roundTrips);
    io.field("counter", summary.counter);
    io.field("gil_switches", summary.gilSwitches);
    io.field("gil_drop_requests", summary.gilDropRequests);
    io.field("python", summary.python);
    io.field("notes", summary.notes);
}

template <typename Io, runrecord::Describes<LaneInfo> Lane> void describeFields(Io& io, Lane& lane)
{
    io.field("name", lane.name);
    io.keyed("kind", lane.kind, laneKindKey, laneKindFromKey);
}

// The record itself. Segments and instants are not here: they are the X and i events, read back exactly.
template <typename Io, typename Format, runrecord::Describes<Trace> TraceT, typename Summary, typename Source>
void describeRunRecord(Io& io, Format& format, TraceT& trace, Summary& summary, Summary& baseline, Source& scriptSource)
{
    io.field("format", format);
    io.field("origin_ns", trace.originNs);
    io.field("cores", trace.cores);
    io.field("lanes", trace.lanes);
    io.field("task_names", trace.taskNames);
    io.field("counter_names", trace.counterNames);
    // Python runs: what a thread lane segment's task names (Trace::functionNames).
    runrecord::OptionalList functionNames {trace.functionNames};
    io.field("function_names", functionNames);
    io.field("cpu_samples", trace.cpuSamples); // [time_ns, column 0, column 1, ...] each; NaN as null
    io.field("summary", summary);
    io.field("baseline", baseline);
    io.field("script_source", scriptSource); // optional: files from before it was kept have none
}

} // namespace conlab

#pragma once

#include <QByteArray>
#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace conlab::bench {

// The shape of the trace issue 19 measured, written by Chromium itself (chrome://tracing, JSON): 7.5 MB, 84 threads
// in 6 processes, 40,928 slices. That file is not public (Perfetto's and catapult's Chrome traces are kept outside
// their repositories), so the benchmark writes one of the same shape: the object form, one event a line as Chromium
// writes them, process and thread names first, X events and nested B/E pairs up to three deep in each thread's time
// order, the threads' chunks interleaved as Chromium's trace buffer flushes them, args on about one event in six (as
// many as bring the file to 7.5 MB), and Chromium's metadata object at the end.
struct ChromiumShapedTrace
{
    static constexpr int processes = 6;
    static constexpr int threads = 84;
    static constexpr int slices = 40'928;
    static constexpr double targetBytes = 7.5e6;

    QByteArray json;
};

inline ChromiumShapedTrace chromiumShapedTrace()
{
    static constexpr std::array<const char*, 8> names {"ThreadControllerImpl::RunTask", "ScopedBlockingCall",
        "SequenceManager::DoIdleWork", "LayerTreeHost::DoUpdateLayers", "Graphics.Pipeline", "V8.Execute",
        "ResourceLoader::DidReceiveResponse", "MessagePumpForUI::ScheduleWork"};
    static constexpr std::array<const char*, 5> categories {
        "toplevel", "base", "cc", "v8", "disabled-by-default-devtools.timeline"};
    static constexpr std::array<const char*, 4> sources {"../../base/task/sequence_manager/thread_controller_impl.cc",
        "../../cc/trees/layer_tree_host.cc", "../../content/renderer/render_thread_impl.cc",
        "../../mojo/public/cpp/bindings/lib/connector.cc"};

    ChromiumShapedTrace trace;
    std::mt19937 rng(19);
    const auto pick = [&rng](int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    const auto pidOf = [](int thread) { return 18'000 + 97 * (thread % ChromiumShapedTrace::processes); };
    const auto tidOf = [&pidOf](int thread) { return pidOf(thread) + 1 + thread; };

    QByteArray& out = trace.json;
    out.reserve(qsizetype(ChromiumShapedTrace::targetBytes * 1.05));
    out += "{\"traceEvents\":[";
    bool first = true;
    const auto beginEvent = [&] {
        out += first ? "\n" : ",\n";
        first = false;
    };
    for (int p = 0; p < ChromiumShapedTrace::processes; ++p) {
        beginEvent();
        out += "{\"args\":{\"name\":\""
            + QByteArray(p == 0 ? "Browser"
                    : p == 1    ? "GPU Process"
                                : "Renderer")
            + "\"},\"cat\":\"__metadata\",\"name\":\"process_name\",\"ph\":\"M\",\"pid\":"
            + QByteArray::number(pidOf(p)) + ",\"tid\":0,\"ts\":0}";
    }
    for (int t = 0; t < ChromiumShapedTrace::threads; ++t) {
        beginEvent();
        out += "{\"args\":{\"name\":\""
            + (t < ChromiumShapedTrace::processes ? QByteArray("CrBrowserMain") : "ThreadPoolForegroundWorker")
            + "\"},\"cat\":\"__metadata\",\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":" + QByteArray::number(pidOf(t))
            + ",\"tid\":" + QByteArray::number(tidOf(t)) + ",\"ts\":0}";
    }

    // Each thread's events in its own time order; then written chunk by chunk, the threads taking turns.
    std::vector<std::vector<QByteArray>> perThread(ChromiumShapedTrace::threads);
    int written = 0; // slices so far, for the args budget
    qint64 bytes = out.size();
    const auto addArgs = [&](QByteArray& event) {
        // Args where the file is behind its 7.5 MB pace: the size comes out at the target, whatever the mix.
        if (double(bytes) >= ChromiumShapedTrace::targetBytes * written / ChromiumShapedTrace::slices)
            return;
        event += ",\"args\":{\"src_file\":\"" + QByteArray(sources[std::size_t(pick(int(sources.size())))])
            + "\",\"src_func\":\"PostTask\"}";
    };
    for (int t = 0; t < ChromiumShapedTrace::threads; ++t) {
        const int quota = ChromiumShapedTrace::slices / ChromiumShapedTrace::threads
            + (t < ChromiumShapedTrace::slices % ChromiumShapedTrace::threads ? 1 : 0);
        std::int64_t now = 285'037'000'000LL + pick(5000);
        std::int64_t threadNow = 4'000'000 + pick(1000);
        int made = 0;
        const QByteArray head = "{\"pid\":" + QByteArray::number(pidOf(t)) + ",\"tid\":" + QByteArray::number(tidOf(t));
        // One slice from `begin` lasting `dur`, with `depth` more levels of children inside it.
        const auto slice = [&](auto& self, std::int64_t begin, std::int64_t dur, int depth) -> void {
            ++made;
            ++written;
            const QByteArray name = names[std::size_t(pick(int(names.size())))];
            const QByteArray category = categories[std::size_t(pick(int(categories.size())))];
            const bool complete = pick(10) < 7;
            QByteArray event = head + ",\"ts\":" + QByteArray::number(begin) + ",\"ph\":\"" + (complete ? "X" : "B")
                + "\",\"cat\":\"" + category + "\",\"name\":\"" + name + "\"";
            if (complete)
                event += ",\"dur\":" + QByteArray::number(dur) + ",\"tdur\":" + QByteArray::number(dur * 3 / 4);
            event += ",\"tts\":" + QByteArray::number(threadNow);
            addArgs(event);
            event += "}";
            bytes += event.size() + 2;
            perThread[std::size_t(t)].push_back(event);
            // Children fill part of the parent, one after another.
            std::int64_t at = begin + 1 + pick(5);
            const int children = depth > 0 ? pick(4) : 0;
            for (int c = 0; c < children && made < quota && at < begin + dur - 4; ++c) {
                const std::int64_t room = begin + dur - at;
                const std::int64_t childDur = std::max<std::int64_t>(1, room / (children - c + 1));
                self(self, at, childDur, depth - 1);
                at += childDur + 1 + pick(3);
            }
            threadNow += dur * 3 / 4;
            if (!complete) {
                QByteArray end = head + ",\"ts\":" + QByteArray::number(begin + dur) + ",\"ph\":\"E\",\"cat\":\""
                    + category + "\",\"name\":\"" + name + "\",\"tts\":" + QByteArray::number(threadNow) + "}";
                bytes += end.size() + 2;
                perThread[std::size_t(t)].push_back(end);
            }
        };
        while (made < quota) {
            const std::int64_t dur = 20 + pick(4000);
            slice(slice, now, dur, 3);
            now += dur + 5 + pick(20'000);
        }
    }
    std::vector<std::size_t> next(perThread.size(), 0);
    for (bool more = true; more;) {
        more = false;
        for (std::size_t t = 0; t < perThread.size(); ++t) {
            for (int i = 0; i < 64 && next[t] < perThread[t].size(); ++i) {
                beginEvent();
                out += perThread[t][next[t]++];
            }
            more = more || next[t] < perThread[t].size();
        }
    }
    out += "],\n\"metadata\":{\"clock-domain\":\"LINUX_CLOCK_MONOTONIC\",\"command_line\":\"/opt/google/chrome/chrome "
           "--enable-tracing\",\"cpu-brand\":\"Intel(R) Core(TM) i7\",\"num-cpus\":8,\"product-version\":\"Chrome/"
           "120.0.6099.109\",\"trace-config\":\"{\\\"record_mode\\\":\\\"record-until-full\\\"}\"}}\n";
    return trace;
}

} // namespace conlab::bench

// libFuzzer target for the run file importer: whatever the bytes, parseRunFile() returns a trace or one message,
// never crashes, leaks or trips a sanitizer, and what it reads it can save and read back exactly.
#include "core/export/runfile.h"
#include "core/import/runfilereader.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "runfile_fuzz: %s\n", what);
        std::abort();
    }
}

bool sameFloat(float a, float b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// What every reader of a SavedRun relies on: indexes stay in range, segments do not run backwards.
void checkInvariants(const conlab::Trace& trace)
{
    for (const conlab::Segment& segment : trace.segments) {
        check(segment.lane < trace.lanes.size(), "segment on a lane that does not exist");
        check(segment.endNs >= segment.beginNs, "segment ends before it begins");
    }
    for (const conlab::InstantEvent& instant : trace.instants)
        check(instant.lane < trace.lanes.size(), "instant on a lane that does not exist");
    if (!trace.counterNames.empty()) {
        for (const conlab::CpuSample& sample : trace.cpuSamples)
            check(sample.perCore.size() == trace.counterNames.size(), "counter row of the wrong width");
    }
}

// What the side panel and `conlab open --json` say about a foreign file must add up: no more skipped than read,
// and every reason that counts events points at the line of its first one.
void checkReport(const conlab::ImportReport& report)
{
    check(report.skippedCount() >= 0 && report.skippedCount() <= report.events, "more events skipped than read");
    for (const conlab::SkippedEvents& reason : report.skipped)
        check(reason.count == 0 || reason.firstLine >= 1, "a skip reason without the line of its first event");
    check(!report.endedEarly || report.endedAtLine >= 1, "ended early without a line");
}

void checkSame(const conlab::Trace& a, const conlab::Trace& b)
{
    check(a.originNs == b.originNs && a.cores == b.cores, "origin or cores changed");
    check(a.lanes.size() == b.lanes.size(), "lane count changed");
    for (std::size_t i = 0; i < a.lanes.size(); ++i)
        check(a.lanes[i].name == b.lanes[i].name && a.lanes[i].kind == b.lanes[i].kind, "lane changed");
    check(a.segments.size() == b.segments.size(), "segment count changed");
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
        const conlab::Segment& x = a.segments[i];
        const conlab::Segment& y = b.segments[i];
        check(x.beginNs == y.beginNs && x.endNs == y.endNs && x.task == y.task && x.lane == y.lane && x.state == y.state
                && x.core == y.core,
            "segment changed");
    }
    check(a.cpuSamples.size() == b.cpuSamples.size(), "sample count changed");
    for (std::size_t i = 0; i < a.cpuSamples.size(); ++i) {
        check(a.cpuSamples[i].timeNs == b.cpuSamples[i].timeNs, "sample time changed");
        check(a.cpuSamples[i].perCore.size() == b.cpuSamples[i].perCore.size(), "sample width changed");
        for (std::size_t c = 0; c < a.cpuSamples[i].perCore.size(); ++c)
            check(sameFloat(a.cpuSamples[i].perCore[c], b.cpuSamples[i].perCore[c]), "sample value changed");
    }
    check(a.instants.size() == b.instants.size(), "instant count changed");
    for (std::size_t i = 0; i < a.instants.size(); ++i)
        check(a.instants[i].timeNs == b.instants[i].timeNs && a.instants[i].lane == b.instants[i].lane
                && a.instants[i].kind == b.instants[i].kind,
            "instant changed");
    check(a.taskNames == b.taskNames && a.counterNames == b.counterNames, "names changed");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const std::optional<conlab::SavedRun> run
        = conlab::parseRunFile(QByteArrayView(data, static_cast<qsizetype>(size)), QStringLiteral("fuzz.json"), &error);
    if (!run) {
        check(!error.isEmpty(), "failed without a message");
        check(error.startsWith(QStringLiteral("fuzz.json")), "message does not name the file");
        return 0;
    }
    check(run->trace != nullptr, "no trace");
    checkInvariants(*run->trace);
    checkReport(run->import);

    const QByteArray saved = conlab::runFileJson(*run);
    QString again;
    const std::optional<conlab::SavedRun> reread = conlab::parseRunFile(saved, QStringLiteral("saved.json"), &again);
    if (!reread) {
        std::fprintf(stderr, "runfile_fuzz: could not read back what was saved: %s\n", qPrintable(again));
        std::abort();
    }
    checkSame(*run->trace, *reread->trace);
    // conlab's own files are read exactly or refused: nothing skipped, nothing cut off.
    check(reread->import.skippedCount() == 0 && !reread->import.endedEarly, "conlab's own file read with skips");
    check(run->scriptSource == reread->scriptSource, "script source changed");
    check(run->summary.has_value() == reread->summary.has_value(), "summary appeared or vanished");
    check(run->baseline.has_value() == reread->baseline.has_value(), "baseline appeared or vanished");
    return 0;
}

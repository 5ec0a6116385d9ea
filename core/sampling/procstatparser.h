#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace conlab {

// Cumulative jiffies of one core since boot. Only differences between two snapshots mean anything.
struct CoreTimes
{
    std::uint64_t busy = 0; // user + nice + system + irq + softirq + steal
    std::uint64_t total = 0; // busy + idle + iowait
};

struct ProcStatSnapshot
{
    // Keyed by the N of "cpuN"; the aggregate "cpu " line is ignored. Offline cores are simply absent, so the keys
    // need not be contiguous.
    std::map<int, CoreTimes> cores;
};

// Parses the text of /proc/stat. Lines with only the 4 to 7 fields of older kernels are accepted (the missing
// counters count as 0). Returns nullopt, with a message naming the line in *error, for a cpuN line that is not
// numbers, and for text without any cpuN line.
std::optional<ProcStatSnapshot> parseProcStat(const QByteArray& text, QString* error = nullptr);

// Percent busy (0-100) of cores 0..coreCount-1 over the interval between two snapshots. NaN for a core absent from
// either snapshot, whose counters did not advance, or whose counters went backwards (it went offline and came back).
std::vector<float> coreUtilisation(const ProcStatSnapshot& previous, const ProcStatSnapshot& current, int coreCount);

} // namespace conlab

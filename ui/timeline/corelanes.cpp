#include "ui/timeline/corelanes.h"

#include "core/sampling/usablecores.h"

#include <algorithm>

namespace conlab {

bool showsOnCoreLane(const Segment& segment, const std::vector<LaneInfo>& workers)
{
    if (segment.core < 0 || (segment.state != TaskState::Running && segment.state != TaskState::BlockingLoop))
        return false;
    return segment.lane < workers.size() && workers[segment.lane].kind != LaneKind::Gil;
}

QString coreLaneName(int core)
{
    return QStringLiteral("core %1").arg(core);
}

std::vector<int> coresOfLiveRun()
{
    return affinityCpus();
}

std::vector<int> coresOfTrace(int cores)
{
    std::vector<int> ids(std::size_t(std::max(0, cores)));
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = int(i);
    return ids;
}

std::size_t clipCoreLaneOverlaps(std::vector<Segment>& lane, std::size_t from)
{
    if (from >= lane.size())
        return 0;
    std::size_t kept = from;
    std::int64_t previousEnd = from > 0 ? lane[from - 1].endNs : lane[from].beginNs;
    for (std::size_t i = from; i < lane.size(); ++i) {
        Segment segment = lane[i];
        segment.beginNs = std::max(segment.beginNs, previousEnd);
        if (segment.beginNs >= segment.endNs)
            continue;
        previousEnd = segment.endNs;
        lane[kept++] = segment;
    }
    const std::size_t removed = lane.size() - kept;
    lane.resize(kept);
    return removed;
}

} // namespace conlab

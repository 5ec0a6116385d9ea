#include "core/models/poollanes.h"

#include <algorithm>

namespace conlab {

int poolSize(int workers, int tasks)
{
    return std::max(1, std::min(workers, tasks));
}

void appendPoolLanes(std::vector<LaneInfo>& lanes, int count, const QString& name, LaneKind kind)
{
    for (int i = 0; i < count; ++i)
        lanes.push_back(LaneInfo {QStringLiteral("%1 %2").arg(name).arg(i + 1), kind});
}

} // namespace conlab

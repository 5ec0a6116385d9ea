#include "core/gil/gillane.h"

namespace conlab {

void appendGilLane(std::vector<LaneInfo>& lanes)
{
    lanes.push_back(LaneInfo {QStringLiteral("GIL"), LaneKind::Gil});
}

int gilLaneIndex(const std::vector<LaneInfo>& lanes)
{
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (lanes[i].kind == LaneKind::Gil)
            return int(i);
    }
    return -1;
}

} // namespace conlab

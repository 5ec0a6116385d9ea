#pragma once

#include <optional>
#include <sys/types.h>
#include <vector>

namespace conlab {

// Every living descendant of `root` (children, grandchildren...), from the parent links in /proc, root excluded.
// A snapshot: processes may start or end right after.
std::vector<pid_t> descendantsOf(pid_t root);

// The processes of group `pgid` that are still running (zombies, which only wait to be reaped, excluded).
std::vector<pid_t> livingGroupMembers(pid_t pgid);
// Every process of group `pgid`, zombies included.
std::vector<pid_t> groupMembers(pid_t pgid);

// What /proc/PID/stat says of a process; nullopt when it is gone.
struct ProcStat
{
    char state = '?';
    pid_t parent = -1;
    pid_t group = -1;
};
std::optional<ProcStat> readProcStat(pid_t pid);

} // namespace conlab

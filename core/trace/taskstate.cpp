#include "taskstate.h"

#include "util/enumkey.h"

namespace conlab {

QString taskStateKey(TaskState state)
{
    switch (state) {
    case TaskState::Running:
        return QStringLiteral("running");
    case TaskState::WaitingIo:
        return QStringLiteral("waiting_io");
    case TaskState::Ready:
        return QStringLiteral("ready");
    case TaskState::StartingUp:
        return QStringLiteral("starting_up");
    case TaskState::WaitingGil:
        return QStringLiteral("waiting_gil");
    case TaskState::BlockedLock:
        return QStringLiteral("blocked_lock");
    case TaskState::BlockingLoop:
        return QStringLiteral("blocking_loop");
    }
    return QStringLiteral("unknown");
}

QString taskStateLabel(TaskState state)
{
    switch (state) {
    case TaskState::Running:
        return QStringLiteral("running on CPU");
    case TaskState::WaitingIo:
        return QStringLiteral("waiting for I/O");
    case TaskState::Ready:
        return QStringLiteral("ready, not running");
    case TaskState::StartingUp:
        return QStringLiteral("starting up");
    case TaskState::WaitingGil:
        return QStringLiteral("waiting for the GIL");
    case TaskState::BlockedLock:
        return QStringLiteral("blocked on a lock");
    case TaskState::BlockingLoop:
        return QStringLiteral("running, blocking the loop");
    }
    return QStringLiteral("unknown");
}

std::optional<TaskState> taskStateFromKey(const QString& key)
{
    return enumFromKey(allTaskStates, taskStateKey, key);
}

} // namespace conlab

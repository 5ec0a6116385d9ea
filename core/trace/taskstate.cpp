#include "core/trace/taskstate.h"

#include "core/util/enumkey.h"

#include <QCoreApplication>

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

namespace {

// The English words are the source text of their translations (lupdate reads the QT_TRANSLATE_NOOP marks); files and
// the importer use them as they are.
const char* labelSource(TaskState state)
{
    switch (state) {
    case TaskState::Running:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "running on CPU");
    case TaskState::WaitingIo:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "waiting for I/O");
    case TaskState::Ready:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "ready, not running");
    case TaskState::StartingUp:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "starting up");
    case TaskState::WaitingGil:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "waiting for the GIL");
    case TaskState::BlockedLock:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "blocked on a lock");
    case TaskState::BlockingLoop:
        return QT_TRANSLATE_NOOP("conlab::TaskState", "running, blocking the loop");
    }
    return QT_TRANSLATE_NOOP("conlab::TaskState", "unknown");
}

} // namespace

QString taskStateLabel(TaskState state)
{
    return QCoreApplication::translate("conlab::TaskState", labelSource(state));
}

QString taskStateEnglishLabel(TaskState state)
{
    return QString::fromLatin1(labelSource(state));
}

std::optional<TaskState> taskStateFromKey(const QString& key)
{
    return enumFromKey(allTaskStates, taskStateKey, key);
}

} // namespace conlab

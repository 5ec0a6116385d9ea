#pragma once

#include <QString>
#include <array>
#include <cstdint>
#include <optional>

namespace conlab {

// What a lane is doing during a segment. The numeric values are stored in traces: append, never reorder.
enum class TaskState : std::uint8_t
{
    Running,
    WaitingIo,
    Ready,
    StartingUp,
    WaitingGil,
    BlockedLock,
    BlockingLoop,
};

inline constexpr int taskStateCount = 7;

inline constexpr std::array<TaskState, taskStateCount> allTaskStates {
    TaskState::Running,
    TaskState::WaitingIo,
    TaskState::Ready,
    TaskState::StartingUp,
    TaskState::WaitingGil,
    TaskState::BlockedLock,
    TaskState::BlockingLoop,
};

// Stable machine name, used in JSON summaries and trace files ("running", "waiting_io", ...).
QString taskStateKey(TaskState state);
// The words a user reads in a legend or tooltip, in the UI's language (English where no translator is installed, as
// in `conlab run`).
QString taskStateLabel(TaskState state);
// The same words in English whatever the UI's language: what files store and the importer matches, so a saved run
// does not depend on the language it was saved in.
QString taskStateEnglishLabel(TaskState state);
std::optional<TaskState> taskStateFromKey(const QString& key);

} // namespace conlab

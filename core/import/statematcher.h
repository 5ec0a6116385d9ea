#pragma once

#include "core/trace/taskstate.h"

#include <optional>
#include <string_view>

namespace conlab {

// The conlab state a name from another tool speaks of: a state key ("waiting_io") or label ("waiting for I/O")
// found in it as whole words, ignoring case; the longest match wins ("running, blocking the loop" is not
// "running"). "already" holds no "ready": a match must not touch a letter or digit on either side.
std::optional<TaskState> stateNamedIn(std::string_view text);

} // namespace conlab

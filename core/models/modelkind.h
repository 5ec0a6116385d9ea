#pragma once

#include <QString>
#include <array>
#include <optional>

namespace conlab {

enum class ModelKind
{
    Sequential,
    Processes,
    Threads,
    EventLoop,
    Python, // a real CPython interpreter running a script, observed from outside (core/python/)
};

// The models that run conlab's own workloads (tasks, CPU and I/O phases): every lesson, sweep and comparison.
inline constexpr std::array emulatedModelKinds {
    ModelKind::Sequential, ModelKind::Processes, ModelKind::Threads, ModelKind::EventLoop};
inline constexpr std::array allModelKinds {
    ModelKind::Sequential, ModelKind::Processes, ModelKind::Threads, ModelKind::EventLoop, ModelKind::Python};

QString modelKey(ModelKind kind);
std::optional<ModelKind> modelFromKey(const QString& key);

} // namespace conlab

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
};

inline constexpr std::array allModelKinds {
    ModelKind::Sequential, ModelKind::Processes, ModelKind::Threads, ModelKind::EventLoop};

QString modelKey(ModelKind kind);
std::optional<ModelKind> modelFromKey(const QString& key);

} // namespace conlab

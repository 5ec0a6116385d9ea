#pragma once

#include "core/python/observationsink.h"

#include <QString>
#include <algorithm>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace conlab::test {

// Keeps every lane and segment the observer reports, and checks the sink's promises as they arrive: lanes before
// their segments, segments of a lane in order and not overlapping, and every call from one thread.
class RecordingSink : public python::ObservationSink
{
public:
    std::uint16_t laneFor(const python::ObservedLane& lane) override
    {
        std::lock_guard lock(m_mutex);
        noteCaller();
        m_lanes.push_back(lane);
        return std::uint16_t(m_lanes.size() - 1);
    }

    void record(const Segment& segment) override
    {
        std::lock_guard lock(m_mutex);
        noteCaller();
        if (segment.lane >= m_lanes.size())
            ++m_faults;
        auto [last, first] = m_lastEnd.emplace(segment.lane, segment.endNs);
        if (!first && segment.beginNs < last->second)
            ++m_faults;
        if (segment.endNs <= segment.beginNs)
            ++m_faults;
        last->second = segment.endNs;
        m_segments.push_back(segment);
    }

    std::int32_t functionFor(const QString& name) override
    {
        std::lock_guard lock(m_mutex);
        noteCaller();
        const auto known = std::find(m_functions.begin(), m_functions.end(), name);
        if (known != m_functions.end())
            return std::int32_t(known - m_functions.begin());
        m_functions.push_back(name);
        return std::int32_t(m_functions.size() - 1);
    }

    // The functions segments of `lane` name, each once.
    std::vector<QString> functionsOf(int lane) const
    {
        std::lock_guard lock(m_mutex);
        std::vector<QString> found;
        for (const Segment& segment : m_segments) {
            if (segment.lane != lane || segment.task < 0 || std::size_t(segment.task) >= m_functions.size())
                continue;
            if (std::find(found.begin(), found.end(), m_functions[std::size_t(segment.task)]) == found.end())
                found.push_back(m_functions[std::size_t(segment.task)]);
        }
        return found;
    }

    int faults() const
    {
        std::lock_guard lock(m_mutex);
        return m_faults;
    }
    std::vector<python::ObservedLane> lanes() const
    {
        std::lock_guard lock(m_mutex);
        return m_lanes;
    }
    std::vector<Segment> segments() const
    {
        std::lock_guard lock(m_mutex);
        return m_segments;
    }

    // Index of the lane of this kind, process and thread (a name may be given instead of a thread id); -1 if none.
    int laneOf(python::ObservedLane::Kind kind, pid_t pid, const QString& name = {}) const
    {
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < m_lanes.size(); ++i) {
            const python::ObservedLane& lane = m_lanes[i];
            if (lane.kind == kind && lane.pid == pid && (name.isEmpty() || lane.name == name))
                return int(i);
        }
        return -1;
    }

    int laneOfThread(pid_t pid, pid_t tid) const
    {
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < m_lanes.size(); ++i) {
            if (m_lanes[i].kind == python::ObservedLane::Kind::Thread && m_lanes[i].pid == pid && m_lanes[i].tid == tid)
                return int(i);
        }
        return -1;
    }

    // "Running 120 ms, WaitingGil 30 ms..." for a failure message.
    std::string describe(int lane) const
    {
        std::string text;
        for (TaskState state : allTaskStates) {
            if (const std::int64_t ns = stateNs(lane, state))
                text += taskStateKey(state).toStdString() + " " + std::to_string(ns / 1'000'000) + " ms, ";
        }
        return text;
    }

    std::int64_t stateNs(int lane, TaskState state) const
    {
        std::lock_guard lock(m_mutex);
        std::int64_t total = 0;
        for (const Segment& segment : m_segments) {
            if (segment.lane == lane && segment.state == state)
                total += segment.durationNs();
        }
        return total;
    }

    std::vector<Segment> segmentsOf(int lane) const
    {
        std::lock_guard lock(m_mutex);
        std::vector<Segment> found;
        for (const Segment& segment : m_segments) {
            if (segment.lane == lane)
                found.push_back(segment);
        }
        return found;
    }

private:
    void noteCaller()
    {
        if (m_caller == std::thread::id())
            m_caller = std::this_thread::get_id();
        else if (m_caller != std::this_thread::get_id())
            ++m_faults;
    }

    mutable std::mutex m_mutex;
    std::vector<python::ObservedLane> m_lanes;
    std::vector<Segment> m_segments;
    std::vector<QString> m_functions;
    std::map<std::uint16_t, std::int64_t> m_lastEnd;
    std::thread::id m_caller;
    int m_faults = 0;
};

} // namespace conlab::test

#pragma once

#include "core/gil/gil.h"

namespace conlab {

// One thread's side of the GIL, like CPython's PyThreadState: it takes the GIL before running Python code, drops it
// around blocking calls and hands it over between CPU slices when asked. Without a GIL (nullptr) every call is a
// no-op, so models call it unconditionally.
class GilThread
{
public:
    // `lane`: the lane the trace shows as holder, -1 for the event loop's thread (it runs every slot).
    GilThread(Gil* gil, int lane)
        : m_gil(gil)
        , m_lane(lane)
    {
    }
    ~GilThread() { release(); }
    GilThread(const GilThread&) = delete;
    GilThread& operator=(const GilThread&) = delete;

    bool enabled() const { return m_gil != nullptr; }
    bool holds() const { return m_holds; }

    // False when the run was cancelled while waiting; the thread does not hold the GIL then. *waited (when given)
    // tells whether it had to wait, i.e. whether the wait is worth a `waiting for the GIL` segment.
    bool acquire(bool* waited = nullptr)
    {
        if (waited)
            *waited = false;
        if (!m_gil || m_holds)
            return true;
        m_holds = m_gil->take(this, m_lane, waited);
        return m_holds;
    }

    void release()
    {
        if (!m_holds)
            return;
        m_holds = false;
        m_gil->drop(this);
    }

    // The eval loop's check between two slices.
    bool dropRequested() const { return m_gil && m_gil->dropRequested(); }

private:
    Gil* const m_gil;
    const int m_lane;
    bool m_holds = false;
};

} // namespace conlab

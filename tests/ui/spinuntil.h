#pragma once

#include "tests/timingslack.h"

#include <QEventLoop>
#include <QTimer>
#include <functional>

namespace conlab::test {

// A real event loop, polled every 5 ms: QTest::qWaitFor sleeps between polls, which would stall the runs' signals.
inline bool spinUntil(const std::function<bool()>& done, int timeoutMs = 60'000)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    // A timer of this scope: a QTimer::singleShot's object would live on until its timeout, long after the wait.
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(slack(timeoutMs));
    poll.start();
    loop.exec();
    return done();
}

} // namespace conlab::test

#pragma once

#include "core/python/pythonobserver.h"
#include "tests/core/python/pythonchild.h"
#include "tests/core/python/recordingsink.h"

#include <QFileInfo>
#include <gtest/gtest.h>

namespace conlab::test {

// A test run once per interpreter of testedInterpreters(); one that is not installed is a skip that names it. Every
// process-starting suite has "Process" in its name: the TSan preset leaves such suites out.
class InterpreterTest : public ::testing::TestWithParam<Interpreter>
{
protected:
    void SetUp() override
    {
        if (!QFileInfo(GetParam().path).isExecutable())
            GTEST_SKIP() << "interpreter not installed: " << GetParam().path.toStdString();
    }
    const QString& python() const { return GetParam().path; }
};

// Observes `child` from before its release to its end.
inline python::ObserverStats observe(
    PythonChild& child, RecordingSink& sink, int timeoutMs = 20'000, bool preciseGil = false)
{
    python::PythonObserver observer(child.pid(), sink, preciseGil);
    observer.start();
    child.release();
    EXPECT_EQ(child.finish(timeoutMs), 0) << child.output().toStdString();
    observer.stop();
    return observer.stats();
}

} // namespace conlab::test

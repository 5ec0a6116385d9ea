#include "core/models/workerprocess.h"
#include "tests/skiplog.h"

#include <QCoreApplication>
#include <cstring>
#include <gtest/gtest.h>

// Core tests drive the run controller, which needs a Qt event loop for its queued signals and timers.
int main(int argc, char** argv)
{
    // The processes model re-executes this binary as its workers.
    if (argc > 1 && std::strcmp(argv[1], "worker") == 0)
        return conlab::runWorkerProcess();
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    conlab::test::logSkipsWhereAsked();
    return RUN_ALL_TESTS();
}

#include "models/workerprocess.h"

#include <QApplication>
#include <cstring>
#include <gtest/gtest.h>

// Widget tests run without a display: offscreen unless the caller chose a platform (e.g. xvfb-run with xcb).
int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "worker") == 0)
        return conlab::runWorkerProcess();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

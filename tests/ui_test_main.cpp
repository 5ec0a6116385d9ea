#include "models/workerprocess.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
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
    // What the window remembers (recent files...) goes to a folder of this test run, never to the user's settings.
    QTemporaryDir settings;
    if (!settings.isValid())
        return 1;
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("conlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("conlab-ui-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

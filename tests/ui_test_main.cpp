#include "core/models/workerprocess.h"
#include "tests/skiplog.h"
#include "ui/window/uilanguage.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
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
    // Settings a test writes (remembered settings, recent files) go to a folder of its own, under a name of its own,
    // and are gone afterwards: nothing reaches a user's real settings, and nothing of theirs reaches the tests.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("conlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("conlab-ui-tests"));
    const QTemporaryDir settingsDir;
    if (!settingsDir.isValid())
        return 1;
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat}) {
        for (QSettings::Scope scope : {QSettings::UserScope, QSettings::SystemScope})
            QSettings::setPath(format, scope, settingsDir.path());
    }
    // As the app does: English has a translation of its own, for its plural forms.
    if (!conlab::UiLanguage::instance()->set(QStringLiteral("en")))
        return 1;
    ::testing::InitGoogleTest(&argc, argv);
    conlab::test::logSkipsWhereAsked();
    return RUN_ALL_TESTS();
}

#include "ui/window/guioptions.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/settingsstore.h"
#include "ui/window/workloadpanel.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

RunConfig remarkable()
{
    RunConfig config;
    config.model = ModelKind::Threads;
    config.gil = true;
    config.switchIntervalMs = 2.5;
    config.workers = 3;
    config.workload.kind = WorkloadKind::Mixed;
    config.workload.tasks = 16;
    config.workload.cpuMs = 35;
    config.workload.ioMs = 75;
    config.workload.phases = 3;
    return config;
}

void expectSameRun(const RunConfig& a, const RunConfig& b)
{
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(a.gil, b.gil);
    EXPECT_EQ(a.offload, b.offload);
    EXPECT_EQ(a.workers, b.workers);
    EXPECT_DOUBLE_EQ(a.switchIntervalMs, b.switchIntervalMs);
    EXPECT_EQ(a.workload.kind, b.workload.kind);
    EXPECT_EQ(a.workload.tasks, b.workload.tasks);
    EXPECT_DOUBLE_EQ(a.workload.cpuMs, b.workload.cpuMs);
    EXPECT_DOUBLE_EQ(a.workload.ioMs, b.workload.ioMs);
    EXPECT_EQ(a.workload.phases, b.workload.phases);
    EXPECT_EQ(a.workload.increments, b.workload.increments);
    EXPECT_EQ(a.workload.lock, b.workload.lock);
    EXPECT_EQ(a.workload.yieldBetween, b.workload.yieldBetween);
}

} // namespace

// One session remembers; the next, started as the app starts (remembered settings through the command line with
// no options), shows the same.
TEST(SettingsStore, WhatAWindowShowsComesBackInTheNextSession)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("conlab.conf"));
    QByteArray geometry;
    {
        MainWindow window;
        window.setRunConfig(remarkable());
        window.setGeometry(40, 30, 700, 500);
        geometry = window.saveGeometry();
        window.presenterMode().setOn(true);
        SettingsStore store(file);
        QString error;
        ASSERT_TRUE(store.save(SettingsStore::capture(window, QStringLiteral("ru")), &error)) << error.toStdString();
        window.presenterMode().setOn(false);
    }
    ASSERT_TRUE(QFile::exists(file));

    const SettingsStore store(file);
    QStringList problems;
    const RememberedSettings remembered = store.load(&problems);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    ASSERT_TRUE(remembered.config.has_value());
    expectSameRun(*remembered.config, remarkable());
    EXPECT_EQ(remembered.language, QStringLiteral("ru"));
    EXPECT_TRUE(remembered.presenterMode);
    EXPECT_EQ(remembered.windowGeometry, geometry) << "the geometry outside presenter mode, not full screen";

    MainWindow next;
    SettingsStore::restore(next, remembered);
    QString error;
    const auto options = parseGuiOptions({QStringLiteral("conlab")}, &error, remembered.config);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    applyGuiOptions(next, *options);
    expectSameRun(next.currentConfig(), remarkable());
    EXPECT_TRUE(next.presenterMode().isOn());
    next.presenterMode().setOn(false);
    EXPECT_EQ(next.geometry().size(), QSize(700, 500));
}

TEST(SettingsStore, TheCommandLineWinsOverWhatIsRemembered)
{
    QString error;
    const auto tasks = parseGuiOptions(
        {QStringLiteral("conlab"), QStringLiteral("--tasks"), QStringLiteral("3")}, &error, remarkable());
    ASSERT_TRUE(tasks.has_value()) << error.toStdString();
    EXPECT_EQ(tasks->config.workload.tasks, 3);
    EXPECT_EQ(tasks->config.model, ModelKind::Threads) << "what the command line does not say stays remembered";
    EXPECT_TRUE(tasks->config.gil);
    EXPECT_EQ(tasks->config.workload.kind, WorkloadKind::Mixed);
    EXPECT_DOUBLE_EQ(tasks->config.workload.ioMs, 75);

    // A model named on the command line is the whole choice: the remembered GIL does not ride along.
    const auto model = parseGuiOptions(
        {QStringLiteral("conlab"), QStringLiteral("--model"), QStringLiteral("threads")}, &error, remarkable());
    ASSERT_TRUE(model.has_value());
    EXPECT_EQ(model->config.model, ModelKind::Threads);
    EXPECT_FALSE(model->config.gil);
    EXPECT_EQ(model->config.workload.tasks, 16);

    const auto presenter = parseGuiOptions({QStringLiteral("conlab"), QStringLiteral("--presenter")}, &error);
    ASSERT_TRUE(presenter.has_value());
    EXPECT_TRUE(presenter->presenter);
    MainWindow window;
    applyGuiOptions(window, *presenter);
    EXPECT_TRUE(window.presenterMode().isOn());
    window.presenterMode().setOn(false);

    // A scripted run starts from the defaults whatever was remembered.
    const auto scripted = parseGuiOptions(
        {QStringLiteral("conlab"), QStringLiteral("--exit-when-done"), QStringLiteral("--tasks"), QStringLiteral("5")},
        &error, remarkable());
    ASSERT_TRUE(scripted.has_value());
    EXPECT_TRUE(scripted->unattended());
    EXPECT_EQ(scripted->config.model, ModelKind::Sequential);
    EXPECT_FALSE(scripted->config.gil);
    EXPECT_EQ(scripted->config.workload.tasks, 5);
}

TEST(SettingsStore, ValuesThatCannotBeUsedAreNamedAndLeftOut)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("conlab.conf"));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("run/model"), QStringLiteral("warp-drive"));
        settings.setValue(QStringLiteral("run/workers"), 2);
        settings.setValue(QStringLiteral("workload/kind"), QStringLiteral("io"));
        settings.setValue(QStringLiteral("workload/tasks"), -5);
        settings.setValue(QStringLiteral("workload/ioMs"), QStringLiteral("soon"));
        settings.setValue(QStringLiteral("workload/phases"), 2.5);
        settings.setValue(QStringLiteral("ui/presenterMode"), QStringLiteral("maybe"));
    }
    QStringList problems;
    const RememberedSettings remembered = SettingsStore(file).load(&problems);
    const QString all = problems.join(QLatin1Char('\n'));
    EXPECT_EQ(problems.size(), 5) << all.toStdString();
    for (const char* name : {"run/model 'warp-drive'", "workload/tasks '-5'", "workload/ioMs 'soon'",
             "workload/phases '2.5'", "ui/presenterMode 'maybe'"})
        EXPECT_TRUE(all.contains(QLatin1String(name))) << name << "\n" << all.toStdString();
    EXPECT_TRUE(all.contains(QDir::toNativeSeparators(file))) << "the message names the file";
    // The rest is used; what was wrong keeps its default.
    ASSERT_TRUE(remembered.config.has_value());
    const RunConfig defaults;
    EXPECT_EQ(remembered.config->model, defaults.model);
    EXPECT_EQ(remembered.config->workers, 2);
    EXPECT_EQ(remembered.config->workload.kind, WorkloadKind::Io);
    EXPECT_EQ(remembered.config->workload.tasks, defaults.workload.tasks);
    EXPECT_DOUBLE_EQ(remembered.config->workload.ioMs, defaults.workload.ioMs);
    EXPECT_FALSE(remembered.presenterMode);
}

TEST(SettingsStore, NothingRememberedOnTheFirstStart)
{
    QTemporaryDir dir;
    const RememberedSettings remembered = SettingsStore(dir.filePath(QStringLiteral("none.conf"))).load();
    EXPECT_FALSE(remembered.config.has_value());
    EXPECT_FALSE(remembered.presenterMode);
    EXPECT_TRUE(remembered.language.isEmpty());
    EXPECT_TRUE(remembered.windowGeometry.isEmpty());
}

// The tests' own settings live in a temporary folder under a test name (tests/ui_test_main.cpp), and windows never
// touch settings by themselves: building, using and closing one writes nothing.
TEST(SettingsStore, TestsAndWindowsLeaveTheUsersSettingsAlone)
{
    const SettingsStore store;
    EXPECT_TRUE(store.fileName().contains(QStringLiteral("conlab-tests"))) << store.fileName().toStdString();
    EXPECT_FALSE(store.fileName().startsWith(QDir::homePath())) << store.fileName().toStdString();
    const QStringList before = QSettings().allKeys();
    {
        MainWindow window;
        window.setRunConfig(remarkable());
        window.presenterMode().setOn(true);
        window.presenterMode().setOn(false);
        window.close();
    }
    EXPECT_EQ(QSettings().allKeys(), before);
}

#include "ui/window/recentfiles.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

QString touch(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    return path;
}

} // namespace

TEST(RecentFiles, KeepsTheEightNewestFirstWithoutDuplicates)
{
    QTemporaryDir dir;
    RecentFiles recent;
    recent.clear();
    EXPECT_TRUE(recent.files().isEmpty());
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        paths << touch(dir, QStringLiteral("run%1.json").arg(i));
        recent.add(paths.back());
    }
    const QStringList files = recent.files();
    ASSERT_EQ(files.size(), RecentFiles::maxEntries);
    EXPECT_EQ(files.front(), paths[9]);
    EXPECT_EQ(files.back(), paths[2]);

    recent.add(paths[5]);
    EXPECT_EQ(recent.files().front(), paths[5]);
    EXPECT_EQ(recent.files().count(paths[5]), 1);
    EXPECT_EQ(recent.files().size(), RecentFiles::maxEntries);

    // Remembered across objects (and sessions): the list lives in the settings, not in the object.
    EXPECT_EQ(RecentFiles().files(), recent.files());
    recent.remove(paths[5]);
    EXPECT_FALSE(RecentFiles().files().contains(paths[5]));
    recent.clear();
    EXPECT_TRUE(RecentFiles().files().isEmpty());
}

TEST(RecentFiles, StoresAbsolutePathsAndPrunesMissingFiles)
{
    QTemporaryDir dir;
    RecentFiles recent;
    recent.clear();
    const QString kept = touch(dir, QStringLiteral("kept.json"));
    const QString gone = touch(dir, QStringLiteral("gone.json"));
    recent.add(gone);
    recent.add(QDir(QDir::currentPath()).relativeFilePath(kept));
    EXPECT_EQ(recent.files(), (QStringList {kept, gone}));

    ASSERT_TRUE(QFile::remove(gone));
    EXPECT_EQ(recent.pruneMissing(), QStringList {gone});
    EXPECT_EQ(recent.files(), QStringList {kept});
    EXPECT_TRUE(recent.pruneMissing().isEmpty());
    recent.clear();
}

TEST(RecentFiles, IgnoresWhatDoesNotBelongInTheList)
{
    RecentFiles recent;
    QSettings().setValue(QStringLiteral("recentFiles"),
        QStringList {QStringLiteral("/a.json"), QString(), QStringLiteral("/a.json"), QStringLiteral("/b.json")});
    EXPECT_EQ(recent.files(), (QStringList {QStringLiteral("/a.json"), QStringLiteral("/b.json")}));
    recent.clear();
}

// The test binary keeps its settings in a folder of its own (tests/ui_test_main.cpp), never the user's.
TEST(RecentFiles, TestsDoNotTouchTheUsersSettings)
{
    const QString file = QSettings().fileName();
    EXPECT_FALSE(file.startsWith(QDir::homePath() + QStringLiteral("/.config"))) << file.toStdString();
    EXPECT_TRUE(file.contains(QStringLiteral("conlab-tests"))) << file.toStdString();
}

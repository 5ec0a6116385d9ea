#include "tests/app/runconlab.h"
#include "tests/filefaults.h"

#include <QTemporaryDir>
#include <grp.h>
#include <gtest/gtest.h>

// `conlab run` writing every kind of file it writes (run file, both CSV files, the three figures) where the save
// fails: a disk that fills up, a full device, a read-only folder. Each file gets one line on stderr naming it and the
// reason, the exit code is 1, and every old file is as it was.
namespace {

using namespace conlab::test;

const QStringList outputNames {QStringLiteral("run.json"), QStringLiteral("segments.csv"),
    QStringLiteral("samples.csv"), QStringLiteral("figure.png"), QStringLiteral("figure.svg"),
    QStringLiteral("figure.pdf")};

// Every output at `pathOf(name)`, after a run of about half a second with enough segments and samples that each
// file passes 1 KiB.
QStringList exportArguments(const std::function<QString(const QString&)>& pathOf)
{
    return runArgs({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
        QStringLiteral("mixed"), QStringLiteral("--tasks"), QStringLiteral("64"), QStringLiteral("--workers"),
        QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("4"), QStringLiteral("--io-ms"),
        QStringLiteral("4"), QStringLiteral("--sample-hz"), QStringLiteral("200"), QStringLiteral("--trace"),
        pathOf(outputNames[0]), QStringLiteral("--segments-csv"), pathOf(outputNames[1]),
        QStringLiteral("--samples-csv"), pathOf(outputNames[2]), QStringLiteral("--png"), pathOf(outputNames[3]),
        QStringLiteral("--svg"), pathOf(outputNames[4]), QStringLiteral("--pdf"), pathOf(outputNames[5])});
}

// conlab's own lines about files it could not write (Qt may add a warning about the environment).
QStringList writeErrors(const QByteArray& err)
{
    QStringList lines;
    for (const QByteArray& line : err.split('\n')) {
        if (line.contains("Could not write"))
            lines << QString::fromUtf8(line);
    }
    return lines;
}

void expectOneLinePerFile(
    const CliResult& result, const std::function<QString(const QString&)>& pathOf, const QString& reason)
{
    EXPECT_EQ(result.exitCode, 1) << result.err.toStdString();
    const QStringList errors = writeErrors(result.err);
    EXPECT_EQ(errors.size(), outputNames.size()) << result.err.toStdString();
    for (const QString& name : outputNames) {
        const QString path = pathOf(name);
        const bool named = std::any_of(errors.begin(), errors.end(), [&](const QString& line) {
            return line.contains(path + QStringLiteral(": ")) && line.endsWith(reason + QLatin1Char('.'));
        });
        EXPECT_TRUE(named) << "no line names " << path.toStdString() << " with '" << reason.toStdString() << "':\n"
                           << result.err.toStdString();
    }
}

TEST(ExportFaultsCli, DiskFullLeavesEveryOldFile)
{
    const QTemporaryDir dir;
    const QTemporaryDir home;
    for (const QString& name : outputNames)
        ASSERT_TRUE(writeFile(dir.filePath(name), "old " + name.toUtf8()));
    const auto pathOf = [&](const QString& name) { return dir.filePath(name); };
    // The child's files may not grow past 1 KiB; SIGXFSZ ignored survives the exec, so writes fail with EFBIG.
    const CliResult result = runConlab(exportArguments(pathOf), offscreenEnvironment(home.path()), 60'000, [] {
        const rlimit limit {1024, 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);
    });
    expectOneLinePerFile(result, pathOf, QStringLiteral("File too large"));
    for (const QString& name : outputNames)
        EXPECT_EQ(readAll(dir.filePath(name)), "old " + name.toUtf8()) << name.toStdString();
    QStringList expected = outputNames;
    expected.sort();
    EXPECT_EQ(entries(dir.path()), expected) << "a temporary file was left behind";
}

TEST(ExportFaultsCli, AFullDeviceSaysNoSpaceForEveryFile)
{
    const QTemporaryDir dir;
    const QTemporaryDir home;
    for (const QString& name : outputNames) {
        if (!fullDevice(dir, name))
            GTEST_SKIP() << "no full device: as root, device nodes cannot be made in " << dir.path().toStdString();
    }
    const auto pathOf = [&](const QString& name) { return dir.filePath(name); };
    const CliResult result = runConlab(exportArguments(pathOf), offscreenEnvironment(home.path()));
    expectOneLinePerFile(result, pathOf, QStringLiteral("No space left on device"));
    for (const QString& name : outputNames)
        EXPECT_TRUE(isCharacterDevice(dir.filePath(name))) << name.toStdString() << " was replaced by a file";
}

TEST(ExportFaultsCli, AReadOnlyFolderLeavesEveryOldFile)
{
    const ReadOnlyFolder folder(outputNames);
    ASSERT_TRUE(folder.ok());
    const QTemporaryDir home;
    ASSERT_EQ(::chmod(QFile::encodeName(home.path()).constData(), 0777), 0); // the runtime folder of `nobody`
    const auto pathOf = [&](const QString& name) { return folder.filePath(name); };
    // As root, the child becomes `nobody` before it execs, so the folder's mode binds it.
    const bool root = ::geteuid() == 0;
    const CliResult result = runConlab(exportArguments(pathOf), offscreenEnvironment(home.path()), 60'000, [root] {
        if (!root)
            return;
        const gid_t nogroup = AsOrdinaryUser::nobody;
        if (::setgroups(0, nullptr) != 0 || ::setgid(nogroup) != 0 || ::setuid(AsOrdinaryUser::nobody) != 0)
            ::_exit(121);
    });
    ASSERT_NE(result.exitCode, 121) << "could not become nobody";
    expectOneLinePerFile(result, pathOf, QStringLiteral("Permission denied"));
    EXPECT_TRUE(folder.untouched());
}

} // namespace

#include "core/export/csvexport.h"
#include "core/export/outputfile.h"
#include "core/export/runfile.h"
#include "tests/core/englishof.h"
#include "tests/filefaults.h"

#include <QTemporaryDir>
#include <functional>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

using namespace conlab;
using namespace conlab::test;

namespace {

TEST(OutputFile, ReplacesARegularFileOnlyOnCommit)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.txt"));
    ASSERT_TRUE(writeFile(path, "old"));
    {
        OutputFile file(path);
        EXPECT_FALSE(file.isDirect());
        ASSERT_TRUE(file.open());
        file.device()->write("new");
        EXPECT_EQ(readAll(path), QByteArray("old")) << "visible before the commit";
        // No commit: the destructor drops the new text.
    }
    EXPECT_EQ(readAll(path), QByteArray("old"));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("out.txt")});

    OutputFile file(path);
    ASSERT_TRUE(file.open());
    file.device()->write("new");
    ASSERT_TRUE(file.commit()) << file.errorReason().toStdString();
    EXPECT_EQ(readAll(path), QByteArray("new"));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("out.txt")});
}

// QSaveFile alone renames its temporary file over whatever is at the path: a device node becomes a regular file.
TEST(OutputFile, WritesIntoADeviceAndLeavesItADevice)
{
    const QString null = QStringLiteral("/dev/null");
    ASSERT_TRUE(isCharacterDevice(null));
    OutputFile file(null);
    EXPECT_TRUE(file.isDirect());
    ASSERT_TRUE(file.open()) << file.errorReason().toStdString();
    file.device()->write(QByteArray(1 << 20, 'x'));
    EXPECT_TRUE(file.commit()) << file.errorReason().toStdString();
    EXPECT_TRUE(isCharacterDevice(null));
}

TEST(OutputFile, AFullDeviceIsAWriteErrorWithItsReason)
{
    QTemporaryDir dir;
    const std::optional<QString> full = fullDevice(dir);
    if (!full)
        GTEST_SKIP() << "no full device: as root, device nodes cannot be made in " << dir.path().toStdString();
    OutputFile file(*full);
    ASSERT_TRUE(file.open()) << file.errorReason().toStdString();
    file.device()->write(QByteArray(1 << 20, 'x'));
    EXPECT_FALSE(file.commit());
    EXPECT_TRUE(file.hasWriteError());
    EXPECT_EQ(file.errorReason(), QStringLiteral("No space left on device"));
    EXPECT_TRUE(isCharacterDevice(*full));
}

TEST(OutputFile, AFifoIsWrittenThroughAndStaysAFifo)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&] { received = readAll(fifo); });
    {
        OutputFile file(fifo);
        EXPECT_TRUE(file.isDirect());
        if (file.open()) {
            file.device()->write("through the pipe");
            EXPECT_TRUE(file.commit()) << file.errorReason().toStdString();
        } else {
            ADD_FAILURE() << file.errorReason().toStdString();
            QFile(fifo).open(QIODevice::WriteOnly); // lets the reader's open return
        }
    }
    reader.join();
    EXPECT_EQ(received, QByteArray("through the pipe"));
    struct stat info
    {
    };
    ASSERT_EQ(::stat(QFile::encodeName(fifo).constData(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode));
}

// Every file conlab exports from a trace, by its writer and the name its error gives the file.
struct Exporter
{
    const char* name;
    const char* what; // as the error names it: "Could not write the <what> <path>: <reason>."
    std::function<bool(const Trace&, const QString&, Problem*)> write;
};

// Large enough that each file passes the 64 KiB a FileSizeLimit allows.
const Trace& bigTrace()
{
    static const Trace trace = [] {
        Trace t;
        t.cores = 2;
        t.lanes = {{QStringLiteral("thread 1"), LaneKind::Thread}};
        for (int i = 0; i < 50'000; ++i)
            t.segments.push_back(Segment {i * 10LL, i * 10LL + 5, i, 0, TaskState::Running, 0});
        for (int i = 0; i < 10'000; ++i)
            t.cpuSamples.push_back(CpuSample {i * 50'000'000LL, {12.5f, 87.5f}});
        return t;
    }();
    return trace;
}

class ExportFaults : public ::testing::TestWithParam<Exporter>
{
};

void expectNamedError(const QString& error, const Exporter& exporter, const QString& path)
{
    const QString start = QStringLiteral("Could not write the %1 %2: ").arg(QLatin1String(exporter.what), path);
    EXPECT_TRUE(error.startsWith(start)) << error.toStdString();
    EXPECT_GT(error.size(), start.size() + 4) << "no reason given: " << error.toStdString();
    EXPECT_TRUE(error.endsWith(QLatin1Char('.'))) << error.toStdString();
}

TEST_P(ExportFaults, DiskFullMidFileLeavesTheOldFileAndNoTemporary)
{
    const Exporter& exporter = GetParam();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(writeFile(path, "old export"));
    QString error;
    bool written = true;
    {
        const FileSizeLimit disk(64 * 1024);
        ASSERT_TRUE(disk.ok());
        written = exporter.write(bigTrace(), path, test::EnglishOf(&error));
    }
    EXPECT_FALSE(written);
    expectNamedError(error, exporter, path);
    EXPECT_TRUE(error.contains(QStringLiteral("File too large"))) << error.toStdString();
    EXPECT_EQ(readAll(path), QByteArray("old export"));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("export")});
    // With room again, the same export replaces the old file.
    ASSERT_TRUE(exporter.write(bigTrace(), path, test::EnglishOf(&error))) << error.toStdString();
    EXPECT_GT(readAll(path).size(), 64 * 1024);
}

TEST_P(ExportFaults, AFullDeviceSaysNoSpace)
{
    const Exporter& exporter = GetParam();
    QTemporaryDir dir;
    const std::optional<QString> full = fullDevice(dir);
    if (!full)
        GTEST_SKIP() << "no full device: as root, device nodes cannot be made in " << dir.path().toStdString();
    QString error;
    EXPECT_FALSE(exporter.write(bigTrace(), *full, test::EnglishOf(&error)));
    expectNamedError(error, exporter, *full);
    EXPECT_TRUE(error.endsWith(QStringLiteral(": No space left on device."))) << error.toStdString();
    EXPECT_TRUE(isCharacterDevice(*full)) << "the device was replaced by a file";
}

TEST_P(ExportFaults, AReadOnlyFolderLeavesTheOldFile)
{
    const Exporter& exporter = GetParam();
    const ReadOnlyFolder folder({QStringLiteral("export")});
    ASSERT_TRUE(folder.ok());
    QString error;
    bool written = true;
    {
        const AsOrdinaryUser user;
        ASSERT_TRUE(user.ok());
        written = exporter.write(bigTrace(), folder.filePath(QStringLiteral("export")), test::EnglishOf(&error));
    }
    EXPECT_FALSE(written);
    expectNamedError(error, exporter, folder.filePath(QStringLiteral("export")));
    EXPECT_TRUE(error.contains(QStringLiteral("Permission denied"))) << error.toStdString();
    EXPECT_TRUE(folder.untouched());
}

INSTANTIATE_TEST_SUITE_P(EveryTraceExport, ExportFaults,
    ::testing::Values(Exporter {"runFile", "run file",
                          [](const Trace& trace, const QString& path, Problem* error) {
                              return writeRunFile(
                                  SavedRun {std::make_shared<const Trace>(trace), std::nullopt, std::nullopt}, path,
                                  error);
                          }},
        Exporter {"segmentsCsv", "segments CSV file", writeSegmentsCsv},
        Exporter {"samplesCsv", "samples CSV file", writeSamplesCsv}),
    [](const ::testing::TestParamInfo<Exporter>& instance) { return std::string(instance.param.name); });

} // namespace

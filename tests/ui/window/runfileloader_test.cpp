#include "core/export/runfile.h"
#include "tests/core/englishof.h"
#include "tests/ui/spinuntil.h"
#include "ui/window/runfileloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// One lane of `segments` segments of 1 ms each.
QString writeRun(const QTemporaryDir& dir, const QString& name, int segments)
{
    auto trace = std::make_shared<Trace>();
    trace->cores = 1;
    trace->lanes = {{QStringLiteral("thread 1"), LaneKind::Thread}};
    for (int i = 0; i < segments; ++i)
        trace->segments.push_back(Segment {i * 1'000'000LL, (i + 1) * 1'000'000LL, i, 0, TaskState::Running, 0});
    const QString path = dir.filePath(name);
    QString error;
    EXPECT_TRUE(writeRunFile(SavedRun {trace, std::nullopt, std::nullopt}, path, test::EnglishOf(&error)))
        << error.toStdString();
    return path;
}

struct Signals
{
    std::vector<std::pair<QString, std::size_t>> loaded; // path, segments
    std::vector<std::pair<QString, QString>> failed;

    explicit Signals(RunFileLoader& loader)
    {
        QObject::connect(&loader, &RunFileLoader::loaded, [this](const QString& path, const SavedRun& run) {
            loaded.emplace_back(path, run.trace->segments.size());
        });
        QObject::connect(&loader, &RunFileLoader::failed,
            [this](const QString& path, const QString& error) { failed.emplace_back(path, error); });
    }
    std::size_t count() const { return loaded.size() + failed.size(); }
};

} // namespace

TEST(RunFileLoader, ReadsOffTheCallersThreadAndSaysWhenItCannot)
{
    QTemporaryDir dir;
    const QString good = writeRun(dir, QStringLiteral("good.json"), 10);
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // Not JSON on line 2 (a bad "ts" alone would only skip its event).
    file.write("{\"traceEvents\": [\n  {\"ph\": \"X\", \"ts\": abc}\n]}\n");
    file.close();

    RunFileLoader loader;
    Signals seen(loader);
    loader.open(good);
    EXPECT_TRUE(loader.isLoading());
    EXPECT_EQ(loader.path(), good);
    EXPECT_EQ(seen.count(), 0u) << "the result comes back later, never inside open()";
    ASSERT_TRUE(spinUntil([&] { return seen.count() == 1; }));
    ASSERT_EQ(seen.loaded.size(), 1u);
    EXPECT_EQ(seen.loaded[0], std::make_pair(good, std::size_t(10)));
    EXPECT_FALSE(loader.isLoading());

    loader.open(bad);
    ASSERT_TRUE(spinUntil([&] { return seen.count() == 2; }));
    ASSERT_EQ(seen.failed.size(), 1u);
    const QString& error = seen.failed[0].second;
    EXPECT_TRUE(error.contains(QStringLiteral("bad.json"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 2"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("expected a value"))) << error.toStdString();
}

// The newest request wins: a file superseded while it is read is never reported, nor one cancelled.
TEST(RunFileLoader, DropsTheResultsOfSupersededAndCancelledRequests)
{
    QTemporaryDir dir;
    const QString big = writeRun(dir, QStringLiteral("big.json"), 200'000);
    const QString waiting = writeRun(dir, QStringLiteral("waiting.json"), 5);
    const QString small = writeRun(dir, QStringLiteral("small.json"), 3);

    RunFileLoader loader;
    Signals seen(loader);
    loader.open(big); // being read when the others come
    loader.open(waiting); // superseded before it starts: not read at all
    loader.open(small);
    ASSERT_TRUE(spinUntil([&] { return seen.count() >= 1; }));
    // The queue runs in order: by the time small's result is here, the others' have come and gone.
    ASSERT_EQ(seen.loaded.size(), 1u);
    EXPECT_EQ(seen.loaded[0].first, small);
    EXPECT_TRUE(seen.failed.empty());

    loader.open(big);
    loader.cancel();
    EXPECT_FALSE(loader.isLoading());
    loader.open(waiting);
    ASSERT_TRUE(spinUntil([&] { return seen.count() >= 2; }));
    ASSERT_EQ(seen.loaded.size(), 2u);
    EXPECT_EQ(seen.loaded[1].first, waiting);
}

#include "core/python/elfsymbols.h"

#include <QCoreApplication>
#include <QTemporaryFile>
#include <gtest/gtest.h>

namespace conlab::python {
namespace {

TEST(PythonObserverElf, FindsDynamicSymbolsOfARealImage)
{
    // The C library is on every machine and exports `malloc` in .dynsym; it is a shared object (ET_DYN).
    QString error;
    const std::optional<ElfSymbols> symbols = readElfDynamicSymbols(QStringLiteral("/lib/x86_64-linux-gnu/libc.so.6"),
        {QStringLiteral("malloc"), QStringLiteral("no_such")}, &error);
    if (!symbols && error.contains(QLatin1String("cannot read")))
        GTEST_SKIP() << error.toStdString();
    ASSERT_TRUE(symbols.has_value()) << error.toStdString();
    EXPECT_TRUE(symbols->positionIndependent);
    EXPECT_EQ(symbols->values.count(QStringLiteral("malloc")), 1u);
    EXPECT_EQ(symbols->values.count(QStringLiteral("no_such")), 0u);
}

TEST(PythonObserverElf, GarbageAndTruncatedFilesAreRefusedNotRead)
{
    QTemporaryFile garbage;
    ASSERT_TRUE(garbage.open());
    garbage.write("\x7f"
                  "ELF\x02\x01\x01 and then nothing that makes sense");
    garbage.close();
    QString error;
    EXPECT_FALSE(readElfDynamicSymbols(garbage.fileName(), {QStringLiteral("_PyRuntime")}, &error).has_value());
    EXPECT_FALSE(error.isEmpty());

    // A real header whose section table points past the end: no symbols, no crash.
    QFile libc(QStringLiteral("/lib/x86_64-linux-gnu/libc.so.6"));
    if (!libc.open(QIODevice::ReadOnly))
        GTEST_SKIP() << "no libc to truncate";
    QTemporaryFile truncated;
    ASSERT_TRUE(truncated.open());
    truncated.write(libc.read(4096));
    truncated.close();
    const std::optional<ElfSymbols> symbols
        = readElfDynamicSymbols(truncated.fileName(), {QStringLiteral("malloc")}, &error);
    ASSERT_TRUE(symbols.has_value());
    EXPECT_TRUE(symbols->values.empty());

    EXPECT_FALSE(readElfDynamicSymbols(QStringLiteral("/nonexistent/python"), {}, &error).has_value());
    EXPECT_TRUE(error.contains(QLatin1String("/nonexistent/python")));
}

} // namespace
} // namespace conlab::python

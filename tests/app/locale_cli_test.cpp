#include "tests/app/runconlab.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab::test;

namespace {

// An environment under a decimal-comma locale: German from the system when it has it, otherwise compiled into `dir`
// with localedef (from /usr/share/i18n/locales, Debian's `locales` package) and found there through LOCPATH. Empty
// with *why set when that cannot be done.
std::optional<QProcessEnvironment> germanEnvironment(const QString& dir, QString* why)
{
    QProcessEnvironment env = offscreenEnvironment(dir);
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    // What the C library's locale says its decimal point is (glibc's `locale`, which calls setlocale as conlab's
    // QApplication does).
    const auto commaInShell = [&env] {
        QProcess locale;
        locale.setProcessEnvironment(env);
        locale.start(QStringLiteral("locale"), {QStringLiteral("decimal_point")});
        locale.waitForFinished(10'000);
        return locale.readAllStandardOutput().trimmed() == ",";
    };
    if (commaInShell())
        return env;
    const QString localedef = QStandardPaths::findExecutable(QStringLiteral("localedef"));
    if (localedef.isEmpty()) {
        *why = QStringLiteral("localedef is not installed (Debian's libc-bin), so no German locale can be made");
        return std::nullopt;
    }
    QProcess make;
    make.start(localedef,
        {QStringLiteral("-i"), QStringLiteral("de_DE"), QStringLiteral("-f"), QStringLiteral("UTF-8"),
            dir + QStringLiteral("/de_DE.UTF-8")});
    make.waitForFinished(60'000);
    env.insert(QStringLiteral("LOCPATH"), dir);
    if (!commaInShell()) {
        *why = QStringLiteral("localedef -i de_DE -f UTF-8 failed (install Debian's `locales` package): ")
            + QString::fromLocal8Bit(make.readAllStandardError());
        return std::nullopt;
    }
    return env;
}

} // namespace

// What scripts read from conlab has a decimal point under every locale: the first paint gui_bench reads, and the
// numbers of `conlab run --json`. Under German the C library's printf writes "123,4".
TEST(LocaleCli, MachineReadNumbersKeepTheDecimalPointUnderAGermanLocale)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString why;
    const auto env = germanEnvironment(dir.path(), &why);
    if (!env && why.startsWith(QStringLiteral("localedef is not installed")))
        GTEST_SKIP() << why.toStdString();
    ASSERT_TRUE(env) << why.toStdString();

    const CliResult paint
        = runConlab({QStringLiteral("--print-first-paint"), QStringLiteral("--exit-when-done")}, *env);
    ASSERT_EQ(paint.exitCode, 0) << paint.err.constData();
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^first paint ([0-9]+\\.[0-9]) ms after the process started$"),
            QRegularExpression::MultilineOption)
              .match(QString::fromUtf8(paint.out));
    ASSERT_TRUE(match.hasMatch()) << paint.out.constData();
    EXPECT_GT(match.captured(1).toDouble(), 0.0);

    const CliResult run = runConlab(
        {QStringLiteral("run"), QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
            QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"),
            QStringLiteral("2.5"), QStringLiteral("--json")},
        *env);
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(json.value(QStringLiteral("cpu_ms_per_phase")).toDouble(), 2.5) << run.out.constData();
    EXPECT_GT(json.value(QStringLiteral("wall_ms")).toDouble(), 0.0) << run.out.constData();
}

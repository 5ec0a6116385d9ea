// The manual page the build writes (app/manpage.h) against what --help prints: one text, so they cannot drift.
#include "tests/app/runconlab.h"
#include "tests/testfiles.h"

#include <QRegularExpression>
#include <QSet>
#include <gtest/gtest.h>

using namespace conlab::test;

namespace {

// Every option a help text lists: "-h", "--help", "--model"...
QSet<QString> optionsIn(const QByteArray& help)
{
    QSet<QString> options;
    static const QRegularExpression entry(QStringLiteral("^  (-[^ ].*?)(?:  |$)"));
    static const QRegularExpression name(QStringLiteral("--?[a-z][a-z0-9-]*"));
    for (const QString& line : QString::fromUtf8(help).split(QLatin1Char('\n'))) {
        const auto names = entry.match(line);
        if (!names.hasMatch())
            continue;
        for (auto it = name.globalMatch(names.captured(1)); it.hasNext();)
            options.insert(it.next().captured());
    }
    return options;
}

} // namespace

TEST(ManPage, ShowsEveryOptionOfBothHelpTexts)
{
    const QString man = systemTool("man");
    if (man.isEmpty())
        GTEST_SKIP() << "man is not installed (Debian package man-db)";
    const CliResult windowHelp = runConlab({QStringLiteral("--help")});
    const CliResult runHelp = runConlab(runArgs({QStringLiteral("--help")}));
    ASSERT_EQ(windowHelp.exitCode, 0);
    ASSERT_EQ(runHelp.exitCode, 0);
    const QSet<QString> windowOptions = optionsIn(windowHelp.out);
    const QSet<QString> runOptions = optionsIn(runHelp.out);
    // Not a vacuous comparison: both lists are there, each with options of its own.
    ASSERT_TRUE(windowOptions.contains(QStringLiteral("--screenshot")) && windowOptions.contains(QStringLiteral("-v")));
    ASSERT_TRUE(runOptions.contains(QStringLiteral("--json")) && runOptions.contains(QStringLiteral("--compare")));

    // The page the build wrote is what the binary renders now (not one left from an older build)...
    const QByteArray page = readAll(QStringLiteral(CONLAB_MAN_PAGE));
    ASSERT_FALSE(page.isEmpty()) << CONLAB_MAN_PAGE;
    EXPECT_EQ(runConlab({QStringLiteral("--man")}).out, page);
    // ... and man shows it: every option of both commands, each where the reader looks for it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
    env.insert(QStringLiteral("MAN_KEEP_FORMATTING"), QString());
    const CliResult shown = runProgram(man,
        {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("ascii"), QStringLiteral(CONLAB_MAN_PAGE)}, env);
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.err.isEmpty()) << "roff warnings: " << shown.err.toStdString();
    const QString text = QString::fromUtf8(shown.out);
    const qsizetype runSection = text.indexOf(QStringLiteral("\nCONLAB RUN\n"));
    ASSERT_GT(runSection, 0) << shown.out.toStdString();
    const QString windowPart = text.left(runSection);
    const QString runPart = text.mid(runSection);
    const auto listed = [](const QString& part, const QString& option) {
        return QRegularExpression(QStringLiteral("(^|[ ,])%1([ ,=]|$)").arg(QRegularExpression::escape(option)),
            QRegularExpression::MultilineOption)
            .match(part)
            .hasMatch();
    };
    for (const QString& option : windowOptions)
        EXPECT_TRUE(listed(windowPart, option)) << "conlab " << option.toStdString() << " is not in the manual page";
    for (const QString& option : runOptions)
        EXPECT_TRUE(listed(runPart, option)) << "conlab run " << option.toStdString() << " is not in the manual page";
    EXPECT_TRUE(text.contains(QStringLiteral("conlab " CONLAB_VERSION)));
}

TEST(Version, NamesTheVersionAndTheSourceRevision)
{
    const CliResult version = runConlab({QStringLiteral("--version")});
    ASSERT_EQ(version.exitCode, 0);
    const QString text = QString::fromUtf8(version.out).trimmed();
    static const QRegularExpression form(QStringLiteral("^conlab (\\S+) \\(revision (\\S+)\\)$"));
    const auto parts = form.match(text);
    ASSERT_TRUE(parts.hasMatch()) << text.toStdString();
    EXPECT_EQ(parts.captured(1), QStringLiteral(CONLAB_VERSION));
    // A commit of this checkout (the build reads it the same way), or "unknown" outside one. The commit HEAD is at, or
    // one before it: a commit made after the build does not make the binary's revision wrong.
    QString revision = parts.captured(2);
    const QString git = systemTool("git");
    const auto runGit = [&](const QStringList& arguments) {
        return runProgram(git, QStringList {QStringLiteral("-C"), QStringLiteral(CONLAB_TEST_DATA_DIR)} + arguments);
    };
    if (git.isEmpty() || runGit({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).exitCode != 0) {
        EXPECT_EQ(revision.toStdString(), "unknown");
        return;
    }
    revision.remove(QRegularExpression(QStringLiteral("-dirty$")));
    // git describe --always --long: the abbreviated commit, after a tag and the distance from it when there is one.
    revision = revision.section(QLatin1Char('-'), -1).remove(QRegularExpression(QStringLiteral("^g")));
    EXPECT_GE(revision.size(), 7);
    const CliResult ancestor
        = runGit({QStringLiteral("merge-base"), QStringLiteral("--is-ancestor"), revision, QStringLiteral("HEAD")});
    EXPECT_EQ(ancestor.exitCode, 0) << revision.toStdString()
                                    << " is not a commit of HEAD's history: " << ancestor.err.toStdString();
}

// --offload also chooses where the Python model's blocked_loop example computes: both help texts and the manual page
// say so, not "Event loop" alone.
TEST(ManPage, TheOffloadEntryNamesThePythonExampleItReachesToo)
{
    const auto entry = [](const QString& text) {
        const qsizetype start = text.indexOf(QStringLiteral("--offload"));
        const qsizetype end = text.indexOf(QStringLiteral("--script"), start);
        return start < 0 ? QString() : text.mid(start, end - start).simplified();
    };
    for (const QStringList& arguments : {QStringList {QStringLiteral("--help")}, runArgs({QStringLiteral("--help")})}) {
        const QString help = entry(QString::fromUtf8(runConlab(arguments).out));
        EXPECT_TRUE(help.contains(QStringLiteral("Event loop, and the Python model's blocked_loop example")))
            << arguments.join(QLatin1Char(' ')).toStdString() << ": " << help.toStdString();
    }
    const QString page = entry(QString::fromUtf8(readAll(QStringLiteral(CONLAB_MAN_PAGE))).remove(QLatin1Char('\\')));
    EXPECT_TRUE(page.contains(QStringLiteral("blocked_loop example"))) << page.toStdString();
}

#include "core/import/importreport.h"
#include "core/python/examplescripts.h"
#include "core/trace/trace.h"
#include "tests/ui/child.h"
#include "tests/ui/setlanguage.h"
#include "ui/window/metricspanel.h"
#include "ui/window/modelpicker.h"
#include "ui/window/uilanguage.h"

#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <gtest/gtest.h>

namespace conlab {
namespace {

using test::setLanguage;

// Every line of every label in the panel's scroll area shows whole: within its label, and the label within what the
// scroll area shows (it never scrolls sideways).
::testing::AssertionResult everyLineShowsWhole(const MetricsPanel& panel)
{
    const auto* scroll = panel.findChild<QScrollArea*>(QStringLiteral("metricsScroll"));
    if (!scroll)
        return ::testing::AssertionFailure() << "no metricsScroll";
    const int visibleRight = scroll->viewport()->width();
    for (const QLabel* label : scroll->widget()->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->textFormat() == Qt::RichText || label->wordWrap())
            continue;
        const int right = label->mapTo(scroll->viewport(), QPoint(label->contentsRect().right(), 0)).x();
        for (const QString& line : label->text().split(QLatin1Char('\n'))) {
            const int width = label->fontMetrics().horizontalAdvance(line);
            if (width > label->contentsRect().width() || right >= visibleRight)
                return ::testing::AssertionFailure()
                    << "\"" << line.toStdString() << "\" is " << width << " px in a label "
                    << label->contentsRect().width() << " px wide whose right edge is at " << right << " of "
                    << visibleRight;
        }
    }
    return ::testing::AssertionSuccess();
}

// An import report with every reason, numbers as wide as they come, a cut and nothing to draw: the longest the
// "Left out" row gets. Its longest line lost its last character at the panel's right edge in Russian.
TEST(MetricsPanel, TheLongestLeftOutLinesShowWholeAtThePanelsMinimumWidth)
{
    ImportReport report;
    for (SkippedEvents& skipped : report.skipped) {
        skipped.count = 88'888;
        skipped.firstLine = 888'888;
    }
    report.events = 888'888;
    report.eventsByPhase = {{"XXX", 888'888}, {"b", 1}};
    report.endedEarly = true;
    report.endedAtLine = 888'888;
    const Trace empty;

    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ru")}) {
        SCOPED_TRACE(language.toStdString());
        setLanguage(language);
        MetricsPanel panel;
        panel.showTrace(QStringLiteral("/tmp/t.json"), empty, report);
        panel.show();
        // Tall enough for every row, and short enough that the scroll bar takes its room.
        for (const int height : {2000, 300}) {
            panel.resize(panel.minimumWidth(), height);
            QCoreApplication::processEvents();
            EXPECT_TRUE(everyLineShowsWhole(panel)) << height;
        }
    }
    setLanguage(QStringLiteral("en"));
}

// A run beside other programs' load says so in the panel's status line, under the numbers it puts in doubt.
TEST(MetricsPanel, SaysWhenOtherProgramsLoadedTheMachine)
{
    RunSummary summary;
    summary.config.model = ModelKind::Threads;
    summary.wallMs = 250;
    summary.cores = 2;
    summary.otherLoadPercent = 63.0;
    MetricsPanel panel;
    panel.showResult(summary, nullptr);
    const QLabel* status = test::child<QLabel>(panel, "runStatus");
    EXPECT_FALSE(status->isHidden());
    EXPECT_TRUE(status->text().contains(QStringLiteral("Other programs took 63 % of the machine during this run")))
        << status->text().toStdString();

    summary.otherLoadPercent = 8.0;
    panel.showResult(summary, nullptr);
    EXPECT_FALSE(status->text().contains(QStringLiteral("Other programs"))) << status->text().toStdString();
}

// The title of a Python example with an executor is longer than the panel is wide at its minimum: it wraps, whole,
// inside what the scroll area shows, and does not widen the panel's content (which cut every line on the right).
TEST(MetricsPanel, ALongTitleWrapsInsideThePanel)
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ru")}) {
        SCOPED_TRACE(language.toStdString());
        setLanguage(language);
        MetricsPanel panel;
        panel.setModelChoice(ModelChoice {
            ModelKind::Python, false, OffloadKind::Processes, exampleScriptPath(QStringLiteral("blocked_loop"))});
        panel.show();
        panel.resize(panel.minimumWidth(), 600);
        QCoreApplication::processEvents();
        const auto* scroll = panel.findChild<QScrollArea*>(QStringLiteral("metricsScroll"));
        const auto* title = panel.findChild<QLabel*>(QStringLiteral("metricsTitle"));
        ASSERT_TRUE(scroll && title);
        // Longer than one line of the panel: the case this is about.
        ASSERT_GT(title->fontMetrics().horizontalAdvance(title->text()), scroll->viewport()->width())
            << title->text().toStdString();
        const int right = title->mapTo(scroll->viewport(), QPoint(title->contentsRect().right(), 0)).x();
        EXPECT_LT(right, scroll->viewport()->width()) << title->text().toStdString();
        EXPECT_LE(title->heightForWidth(title->width()), title->height()) << title->text().toStdString();
        EXPECT_LE(scroll->widget()->width(), scroll->viewport()->width());
    }
    setLanguage(QStringLiteral("en"));
}

} // namespace
} // namespace conlab

#include "tests/ui/setlanguage.h"
#include "ui/compare/comparebarchart.h"
#include "ui/sweep/speedupplot.h"

#include <QCoreApplication>
#include <algorithm>
#include <gtest/gtest.h>

namespace conlab {
namespace {

using test::setLanguage;

// The tick labels of an axis as the next replot draws them.
QStringList tickLabels(QCustomPlot& plot, QCPAxis* axis)
{
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const QVector<QString> labels = axis->tickVectorLabels(); // a copy: begin() and end() of one vector
    return QStringList(labels.begin(), labels.end());
}

bool anyHas(const QStringList& labels, QChar c)
{
    return std::any_of(labels.begin(), labels.end(), [c](const QString& label) { return label.contains(c); });
}

} // namespace

// Every plot writes its axis numbers as the UI's language does, switched live: "0,1 s" in Russian, "0.1 s" in
// English. The result views' plots (compare's bars, the sweep's speed-ups) wrote "0.1" in Russian too.
TEST(ThemedPlot, TickLabelsFollowTheUiLanguagesDecimalSign)
{
    CompareBarChart bars;
    bars.resize(600, 300);
    CompareBar bar;
    bar.label = QStringLiteral("Threads");
    bar.wallMs = 450;
    bars.setBars({bar});
    SpeedupPlot sweep;
    sweep.resize(600, 400);
    sweep.setSweep({ScalingSpread {1, SpeedupSpread {1, 1, 1}}}, AmdahlFit {}, 2, 2); // speed-ups 0 to 2: steps of 0.5

    for (const QString& language : {QStringLiteral("ru"), QStringLiteral("en")}) {
        SCOPED_TRACE(language.toStdString());
        setLanguage(language);
        const QChar decimal = language == QLatin1String("ru") ? QLatin1Char(',') : QLatin1Char('.');
        const QChar other = language == QLatin1String("ru") ? QLatin1Char('.') : QLatin1Char(',');
        const QStringList seconds = tickLabels(bars, bars.xAxis);
        EXPECT_TRUE(anyHas(seconds, decimal)) << seconds.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(anyHas(seconds, other)) << seconds.join(QLatin1Char(' ')).toStdString();
        const QStringList speedups = tickLabels(sweep, sweep.yAxis);
        EXPECT_TRUE(anyHas(speedups, decimal)) << speedups.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(anyHas(speedups, other)) << speedups.join(QLatin1Char(' ')).toStdString();
    }
}

} // namespace conlab

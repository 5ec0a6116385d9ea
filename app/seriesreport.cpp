#include "app/seriesreport.h"

#include "core/analysis/speedup.h"
#include "core/export/runsummaryjson.h"
#include "core/run/modellabel.h"
#include "core/scenario/realstepnumbers.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <algorithm>
#include <functional>
#include <optional>

namespace conlab {
namespace {

QString wall(const RunSummary& summary)
{
    return QString::number(summary.wallMs, 'f', 1) + QStringLiteral(" ms");
}

QString times(std::optional<double> factor)
{
    return factor ? QString::number(*factor, 'f', 2) + QLatin1Char('x') : QStringLiteral("-");
}

// Labels left-aligned (the first `textColumns` columns), numbers right-aligned: both read down the page.
QString alignedTable(const std::vector<QStringList>& rows, qsizetype textColumns = 1)
{
    std::vector<qsizetype> widths;
    for (const QStringList& row : rows) {
        widths.resize(std::max(widths.size(), std::size_t(row.size())));
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[std::size_t(column)] = std::max(widths[std::size_t(column)], row[column].size());
    }
    QString text;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const qsizetype width = widths[std::size_t(column)];
            if (column > 0)
                line += QStringLiteral("  ");
            line += column < textColumns ? row[column].leftJustified(width) : row[column].rightJustified(width);
        }
        text += line + QLatin1Char('\n');
    }
    return text;
}

// A point's wall time; measured several times, its median with the range: "250.1 ms (240.0-260.3)".
QString wallWithSpread(const RunSummary& summary)
{
    const WallSpread spread = wallSpread(summary);
    if (spread.runs == 1)
        return wall(summary);
    return wall(summary)
        + QStringLiteral(" (%1-%2)").arg(QString::number(spread.minMs, 'f', 1), QString::number(spread.maxMs, 'f', 1));
}

// The speed-up against the baseline, with the range of the point's repeats: "1.90x (1.80-2.00)".
QString timesWithSpread(const RunSummary& baseline, const RunSummary& summary)
{
    const std::optional<SpeedupSpread> spread = speedupSpread(baseline, summary);
    if (!spread || wallSpread(summary).runs == 1)
        return times(speedupOver(baseline, summary));
    return times(spread->median)
        + QStringLiteral(" (%1-%2)").arg(QString::number(spread->min, 'f', 2), QString::number(spread->max, 'f', 2));
}

// The numbers of one point of a compare or sweep: its median wall with min and max, and the speed-up's range.
void insertSpread(QJsonObject& object, const RunSummary& baseline, const RunSummary& summary)
{
    const WallSpread walls = wallSpread(summary);
    const std::optional<SpeedupSpread> speedup = speedupSpread(baseline, summary);
    const QJsonValue none(QJsonValue::Null);
    object.insert(QStringLiteral("runs"), walls.runs);
    object.insert(QStringLiteral("wall_ms"), roundedJson(walls.medianMs));
    object.insert(QStringLiteral("wall_min_ms"), roundedJson(walls.minMs));
    object.insert(QStringLiteral("wall_max_ms"), roundedJson(walls.maxMs));
    object.insert(QStringLiteral("speedup"), speedup ? roundedJson(speedup->median) : none);
    object.insert(QStringLiteral("speedup_min"), speedup ? roundedJson(speedup->min) : none);
    object.insert(QStringLiteral("speedup_max"), speedup ? roundedJson(speedup->max) : none);
}

QString outcome(const RunSummary& summary)
{
    if (!summary.error.isEmpty())
        return QStringLiteral("failed: ") + summary.error;
    if (summary.cancelled)
        return QStringLiteral("cancelled");
    return {};
}

const QLocale english(QLocale::English);

} // namespace

QString stepProgressLine(int index, int count, const QString& label, const RunSummary& summary)
{
    const QString status = outcome(summary);
    return QStringLiteral("[%1/%2] %3: %4\n")
        .arg(index + 1)
        .arg(count)
        .arg(label, status.isEmpty() ? wall(summary) : status);
}

QString scenarioHeaderText(const Scenario& scenario)
{
    return QStringLiteral("Scenario %1: %2\nAsk the class first: %3\n")
        .arg(scenario.id, scenario.text(Scenario::Field::Title, english),
            scenario.text(Scenario::Field::Question, english));
}

QString scenarioStepText(int index, int count, const QString& label, const RunSummary& summary)
{
    return QStringLiteral("\nStep %1 of %2: %3\n").arg(index + 1).arg(count).arg(label) + runSummaryText(summary);
}

QString scenarioFooterText(const Scenario& scenario, const QStringList& labels, const std::vector<RunResult>& results)
{
    // The steps side by side, with the numbers this lesson is about: a column appears when some step has it.
    struct Column
    {
        QString title;
        std::function<bool(const RunSummary&)> applies;
        std::function<QString(const RunSummary&)> value;
    };
    const auto sequential = std::find_if(results.begin(), results.end(),
        [](const RunResult& result) { return result.summary.config.model == ModelKind::Sequential; });
    const std::vector<Column> candidates {
        {QStringLiteral("speed-up vs sequential"), [&](const RunSummary&) { return sequential != results.end(); },
            [&](const RunSummary& summary) { return times(speedupOver(sequential->summary, summary)); }},
        {QStringLiteral("resume p50"), [](const RunSummary& summary) { return summary.resumeLatencyMs.count > 0; },
            [](const RunSummary& summary) {
                // A real-CPython row has no resumes measured: its own numbers are in the explanation.
                return summary.resumeLatencyMs.count > 0
                    ? QString::number(summary.resumeLatencyMs.p50, 'f', 2) + QStringLiteral(" ms")
                    : QStringLiteral("-");
            }},
        {QStringLiteral("round trips"), [](const RunSummary& summary) { return summary.roundTrips.has_value(); },
            [](const RunSummary& summary) {
                return summary.roundTrips ? QString::number(*summary.roundTrips) : QStringLiteral("-");
            }},
        {QStringLiteral("lost updates"), [](const RunSummary& summary) { return summary.counter.has_value(); },
            [](const RunSummary& summary) {
                return summary.counter ? QString::number(summary.counter->lost()) : QStringLiteral("-");
            }},
        {QStringLiteral("start-up"), [](const RunSummary& summary) { return summary.startupMs > 0; },
            [](const RunSummary& summary) {
                return summary.startupMs > 0 ? QString::number(summary.startupMs, 'f', 1) + QStringLiteral(" ms")
                                             : QStringLiteral("-");
            }},
        {QStringLiteral("worker RSS"), [](const RunSummary& summary) { return !summary.workerPeakRssMb.empty(); },
            [](const RunSummary& summary) {
                return summary.workerPeakRssMb.empty()
                    ? QStringLiteral("-")
                    : QString::number(summary.workerPeakRssTotalMb(), 'f', 1) + QStringLiteral(" MB");
            }},
    };
    std::vector<const Column*> columns;
    for (const Column& column : candidates) {
        if (std::any_of(results.begin(), results.end(),
                [&](const RunResult& result) { return column.applies(result.summary); }))
            columns.push_back(&column);
    }

    std::vector<QStringList> rows {{QStringLiteral("step"), QStringLiteral("wall")}};
    for (const Column* column : columns)
        rows.front() << column->title;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const RunSummary& summary = results[i].summary;
        const QString status = outcome(summary);
        QStringList row {labels.value(qsizetype(i)), status.isEmpty() ? wall(summary) : status};
        for (const Column* column : columns)
            row << column->value(summary);
        rows.push_back(row);
    }
    // Every step ran (not one --model of it): each real-CPython step's numbers beside its emulated step's.
    QString real;
    if (results.size() == scenario.steps.size()) {
        std::vector<std::optional<RunSummary>> summaries;
        for (const RunResult& result : results)
            summaries.push_back(outcome(result.summary).isEmpty() ? std::optional(result.summary) : std::nullopt);
        for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
            if (!scenario.steps[i].explanation.en.isEmpty() && summaries[i])
                real += QStringLiteral("\n\n") + realStepText(scenario, i, summaries, english);
        }
    }
    return QStringLiteral("\n") + alignedTable(rows) + QStringLiteral("\nWhat it shows\n")
        + scenario.text(Scenario::Field::Explanation, english) + real + QStringLiteral("\n\nWhat to look at\n")
        + scenario.text(Scenario::Field::LookAt, english) + QLatin1Char('\n');
}

QJsonObject scenarioJson(const QString& id, const std::vector<RunResult>& results)
{
    QJsonArray runs;
    for (const RunResult& result : results)
        runs.append(runSummaryToJson(result.summary));
    return QJsonObject {{QStringLiteral("scenario"), id}, {QStringLiteral("runs"), runs}};
}

QString compareText(const QStringList& labels, const std::vector<RunResult>& results)
{
    std::vector<QStringList> rows {{QStringLiteral("model"), QStringLiteral("wall"), QStringLiteral("speed-up")}};
    for (std::size_t i = 0; i < results.size(); ++i) {
        const RunSummary& summary = results[i].summary;
        const QString status = outcome(summary);
        rows.push_back({labels.value(qsizetype(i)), status.isEmpty() ? wallWithSpread(summary) : status,
            timesWithSpread(results.front().summary, summary)});
    }
    return alignedTable(rows);
}

QJsonObject compareJson(const QStringList& labels, const std::vector<RunResult>& results, int repeat)
{
    QJsonArray runs;
    for (std::size_t i = 0; i < results.size(); ++i) {
        QJsonObject run {{QStringLiteral("label"), labels.value(qsizetype(i))},
            {QStringLiteral("summary"), runSummaryToJson(results[i].summary)}};
        insertSpread(run, results.front().summary, results[i].summary);
        runs.append(run);
    }
    return QJsonObject {{QStringLiteral("compare"), runs}, {QStringLiteral("repeat"), repeat}};
}

QString sweepText(const ScalingPlan& plan, const std::vector<RunResult>& results)
{
    if (results.empty())
        return {};
    const RunSummary& baseline = results.front().summary;
    const AmdahlFit fit = plan.fit(results);
    QString text = QStringLiteral("Scaling sweep of %1; speed-ups against sequential (%2)\n")
                       .arg(modelLabel(plan.model), outcome(baseline).isEmpty() ? wall(baseline) : outcome(baseline));
    std::vector<QStringList> rows {{QStringLiteral("workers"), QStringLiteral("wall"), QStringLiteral("speed-up"),
        QStringLiteral("ideal"), QStringLiteral("Amdahl")}};
    for (std::size_t i = 1; i < results.size() && i <= plan.workerCounts.size(); ++i) {
        const int workers = plan.workerCounts[i - 1];
        const RunSummary& summary = results[i].summary;
        const QString status = outcome(summary);
        rows.push_back({QString::number(workers), status.isEmpty() ? wallWithSpread(summary) : status,
            timesWithSpread(baseline, summary), times(effectiveParallelism(workers, plan.parallelismCap)),
            fit.determined ? times(fit.speedupAt(workers)) : QStringLiteral("-")});
    }
    text += alignedTable(rows, 0);
    if (!fit.determined)
        return text + QStringLiteral("Amdahl's law: not enough measured points with more than one worker to fit\n");
    const double p = fit.parallelFraction;
    const QString error = fit.parallelFractionError
        ? QStringLiteral(" +- %1").arg(QString::number(*fit.parallelFractionError, 'f', 3))
        : QString();
    const QString cap = plan.parallelismCap > 0
        ? QStringLiteral(" (parallelism capped at %1 cores)").arg(plan.parallelismCap)
        : QString();
    text += QStringLiteral("Amdahl's law fitted%1: parallel fraction p = %2%3 (rms error %4 %); ")
                .arg(cap, QString::number(p, 'f', 3), error, QString::number(fit.rmsRelativeError * 100, 'f', 1));
    text += p < 1
        ? QStringLiteral("no number of workers gets past 1/(1-p) = %1x\n").arg(QString::number(1 / (1 - p), 'f', 1))
        : QStringLiteral("no serial part: the speed-up follows the workers\n");
    return text;
}

QJsonObject sweepJson(const ScalingPlan& plan, const std::vector<RunResult>& results, int repeat)
{
    QJsonObject sweep {{QStringLiteral("model"), modelLabel(plan.model)}, {QStringLiteral("repeat"), repeat}};
    if (results.empty())
        return QJsonObject {{QStringLiteral("sweep"), sweep}};
    const RunSummary& baseline = results.front().summary;
    const AmdahlFit fit = plan.fit(results);
    sweep.insert(QStringLiteral("baseline"), runSummaryToJson(baseline));
    sweep.insert(QStringLiteral("parallel_fraction"),
        fit.determined ? roundedJson(fit.parallelFraction) : QJsonValue(QJsonValue::Null));
    sweep.insert(QStringLiteral("parallel_fraction_error"),
        fit.parallelFractionError ? roundedJson(*fit.parallelFractionError) : QJsonValue(QJsonValue::Null));
    sweep.insert(QStringLiteral("parallelism_cap"),
        plan.parallelismCap > 0 ? QJsonValue(plan.parallelismCap) : QJsonValue(QJsonValue::Null));
    sweep.insert(QStringLiteral("rms_relative_error"),
        fit.determined ? roundedJson(fit.rmsRelativeError) : QJsonValue(QJsonValue::Null));
    QJsonArray points;
    for (std::size_t i = 1; i < results.size() && i <= plan.workerCounts.size(); ++i) {
        const int workers = plan.workerCounts[i - 1];
        QJsonObject point {{QStringLiteral("workers"), workers},
            {QStringLiteral("amdahl"),
                fit.determined ? roundedJson(fit.speedupAt(workers)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("summary"), runSummaryToJson(results[i].summary)}};
        insertSpread(point, baseline, results[i].summary);
        points.append(point);
    }
    sweep.insert(QStringLiteral("points"), points);
    return QJsonObject {{QStringLiteral("sweep"), sweep}};
}

} // namespace conlab

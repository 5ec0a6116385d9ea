#include "app/seriescommand.h"

#include "app/clioutput.h"
#include "app/interruptnotifier.h"
#include "app/seriesreport.h"
#include "core/analysis/compareplan.h"
#include "core/analysis/scalingplan.h"
#include "core/python/exampleknobs.h"
#include "core/run/modellabel.h"
#include "core/run/runoptions.h"
#include "core/run/seriesrunner.h"
#include "core/sampling/usablecores.h"
#include "core/scenario/scenariolibrary.h"
#include "ui/series/seriesfigures.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>

namespace conlab {
namespace {

const QString scenarioOption = QStringLiteral("scenario");
const QString listOption = QStringLiteral("list-scenarios");
const QString compareOption = QStringLiteral("compare");
const QString sweepOption = QStringLiteral("sweep");
const QString withPythonOption = QStringLiteral("with-python");
const QString repeatOption = QStringLiteral("repeat");

// What to run and how to name each step.
struct SeriesPlan
{
    std::vector<RunConfig> configs;
    QStringList labels;
    const Scenario* scenario = nullptr; // the scenario's own steps (not a compare or sweep on its workload)
    std::optional<ScalingPlan> sweep;
    int repeat = 1; // runs of each step: their median is the step's result
};

void print(const QString& text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

std::optional<SeriesPlan> planSeries(const QCommandLineParser& parser, const ScenarioLibrary& library, QString* error)
{
    const Scenario* scenario = nullptr;
    if (parser.isSet(scenarioOption)) {
        scenario = library.find(parser.value(scenarioOption));
        if (!scenario) {
            *error = QStringLiteral("--scenario: ") + library.unknownIdError(parser.value(scenarioOption));
            return std::nullopt;
        }
    }
    // Options given on the command line override the scenario's workload (or RunConfig's defaults): compare-all,
    // the sweep and a single --model run all take that one configuration.
    SeriesPlan plan;
    const bool single
        = parser.isSet(compareOption) || parser.isSet(sweepOption) || parser.isSet(QStringLiteral("model"));
    if (single) {
        const auto config = runConfigFromOptions(parser, error, scenario ? scenario->workload : RunConfig());
        if (!config)
            return std::nullopt;
        if (parser.isSet(sweepOption)) {
            plan.sweep = planScaling(*config, usableCores(), error);
            if (!plan.sweep) {
                *error = QStringLiteral("--sweep: ") + *error;
                return std::nullopt;
            }
            plan.configs = plan.sweep->configs();
            plan.labels << QStringLiteral("sequential");
            for (int workers : plan.sweep->workerCounts)
                plan.labels << modelLabel(*config)
                        + (workers == 1 ? QStringLiteral(", 1 worker") : QStringLiteral(", %1 workers").arg(workers));
            return plan;
        }
        plan.configs = parser.isSet(compareOption) ? compareConfigs(*config, parser.isSet(withPythonOption))
                                                   : std::vector<RunConfig> {*config};
        plan.scenario = parser.isSet(compareOption) ? nullptr : scenario;
        for (const RunConfig& step : plan.configs)
            plan.labels << modelLabel(step);
        return plan;
    }
    // The scenario's steps, each with the options given on the command line over it.
    plan.scenario = scenario;
    const QLocale english(QLocale::English);
    for (std::size_t i = 0; i < scenario->steps.size(); ++i) {
        QString stepError;
        auto step = runConfigFromOptions(parser, &stepError, scenario->steps[i].config);
        // A real-CPython step's example gets the settings it reads as they are after the command line's overrides.
        if (step && step->python && exampleKnobs(step->python->script))
            step->python->arguments = exampleArguments(step->python->script, *step);
        if (!step) {
            *error = QStringLiteral("%1 (step %2 of scenario %3: %4)")
                         .arg(stepError)
                         .arg(i + 1)
                         .arg(scenario->id, scenario->stepLabel(i, english));
            return std::nullopt;
        }
        plan.configs.push_back(*step);
        plan.labels << scenario->stepLabel(i, english);
    }
    return plan;
}

// Runs the plan through one SeriesRunner on this thread's event loop; Ctrl+C cancels it. `onStep` sees each step as it
// ends.
std::vector<RunResult> runPlan(
    const SeriesPlan& plan, const std::function<void(int, const RunResult&)>& onStep, bool* cancelled)
{
    InterruptNotifier interrupt;
    SeriesRunner series;
    QEventLoop loop;
    std::vector<RunResult> results;
    series.setRepeat(plan.repeat);
    QObject::connect(&interrupt, &InterruptNotifier::interrupted, &series, &SeriesRunner::cancel);
    QObject::connect(&series, &SeriesRunner::stepFinished, onStep);
    QObject::connect(&series, &SeriesRunner::finished, [&](const std::vector<RunResult>& all, bool wasCancelled) {
        results = all;
        *cancelled = wasCancelled;
        loop.quit();
    });
    series.start(plan.configs);
    loop.exec();
    return results;
}

} // namespace

void addSeriesOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {scenarioOption,
            QStringLiteral("Run a lesson: every step of scenario NAME in turn, then its explanation. Run options given "
                           "explicitly override the scenario's workload; with --model (and --gil, --offload) only that "
                           "model runs on it."),
            QStringLiteral("NAME")},
        {listOption, QStringLiteral("List the scenarios (built-in and the user's) with their titles.")},
        {compareOption,
            QStringLiteral("Run the workload under every model in turn (sequential, processes, threads, threads + GIL, "
                           "event loop): wall time and speed-up against sequential.")},
        {withPythonOption,
            QStringLiteral(
                "With --compare: after the emulated models, the shipped examples that run the workload under "
                "a real CPython interpreter (threads, processes, asyncio; the convoy; the counter).")},
        {sweepOption,
            QStringLiteral("Scaling sweep of --model on the workload: workers 1 .. 2 x cores (more for I/O), speed-up "
                           "against sequential, the ideal and Amdahl's law fitted to it.")},
        {repeatOption,
            QStringLiteral("--compare and --sweep: run each point N times (1-%1, default 1) and report its median "
                           "wall time with the min and max, and the spread of each speed-up.")
                .arg(limits::maxRepeat),
            QStringLiteral("N")},
    });
}

bool isSeriesCommand(const QCommandLineParser& parser)
{
    return parser.isSet(scenarioOption) || parser.isSet(listOption) || parser.isSet(compareOption)
        || parser.isSet(sweepOption) || parser.isSet(withPythonOption) || parser.isSet(repeatOption);
}

int runSeriesCommand(const QCommandLineParser& parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    // The files of one run; a series has several runs and no one file to put them in. Compare-all and the sweep
    // have a picture of their own, the result view's.
    const bool seriesPicture = parser.isSet(compareOption) || parser.isSet(sweepOption);
    const auto refused = [&](std::initializer_list<const char*> options, const QString& why) {
        for (const char* option : options) {
            if (parser.isSet(QLatin1String(option))) {
                printError(QStringLiteral("--%1 writes a file of one run: %2").arg(QLatin1String(option), why));
                return true;
            }
        }
        return false;
    };
    if (refused({"trace", "segments-csv", "samples-csv", "figure"},
            seriesPicture ? QStringLiteral("--compare and --sweep write their picture with --png, --svg or --pdf")
                          : QStringLiteral("leave out --scenario, --compare and --sweep"))
        || (!seriesPicture
            && refused({"png", "svg", "pdf", "scale", "figure-size"},
                QStringLiteral("leave out --scenario, or use --compare or --sweep for their pictures"))))
        return 2;
    if (parser.isSet(withPythonOption) && !parser.isSet(compareOption)) {
        printError(QStringLiteral("--with-python adds real CPython rows to --compare: add --compare"));
        return 2;
    }
    if (parser.isSet(compareOption) && parser.isSet(sweepOption)) {
        printError(QStringLiteral("--compare and --sweep are two different series: choose one"));
        return 2;
    }
    int repeat = 1;
    if (parser.isSet(repeatOption)) {
        if (!seriesPicture) {
            printError(
                QStringLiteral("--repeat runs each point of --compare or --sweep several times: add one of them"));
            return 2;
        }
        bool ok = false;
        repeat = parser.value(repeatOption).toInt(&ok);
        if (!ok || repeat < 1 || repeat > limits::maxRepeat) {
            printError(QStringLiteral("--repeat must be a whole number from 1 to %1, not \"%2\"")
                           .arg(limits::maxRepeat)
                           .arg(parser.value(repeatOption)));
            return 2;
        }
    }
    // Only what uses scenarios reads them: a broken file of the user's is no business of --compare.
    const bool usesScenarios = parser.isSet(scenarioOption) || parser.isSet(listOption);
    const ScenarioLibrary library = usesScenarios ? ScenarioLibrary::load() : ScenarioLibrary();
    for (const QString& skipped : library.errors())
        printError(QStringLiteral("skipped %1").arg(skipped));

    if (parser.isSet(listOption)) {
        qsizetype width = 0;
        for (const Scenario& scenario : library.scenarios())
            width = std::max(width, scenario.id.size());
        for (const Scenario& scenario : library.scenarios())
            print(scenario.id.leftJustified(width + 2)
                + scenario.text(Scenario::Field::Title, QLocale(QLocale::English)) + QLatin1Char('\n'));
        return 0;
    }

    QString error;
    auto plan = planSeries(parser, library, &error);
    if (!plan) {
        printError(error);
        return 2;
    }
    plan->repeat = repeat;
    std::optional<FigureRequest> figures = figureRequestFromOptions(parser, &error);
    if (!figures) {
        printError(error);
        return 2;
    }
    // Unset: the result view's own size (the compare view's stack of timelines is taller than a slide).
    if (!parser.isSet(QStringLiteral("figure-size")))
        figures->size = QSize();
    const int count = int(plan->configs.size());
    if (!json && plan->scenario)
        print(scenarioHeaderText(*plan->scenario));
    bool cancelled = false;
    const std::vector<RunResult> results = runPlan(
        *plan,
        [&](int index, const RunResult& result) {
            if (json)
                return;
            const QString& label = plan->labels.at(index);
            print(plan->scenario ? scenarioStepText(index, count, label, result.summary)
                                 : stepProgressLine(index, count, label, result.summary));
        },
        &cancelled);

    if (json) {
        const QJsonObject object = plan->scenario ? scenarioJson(plan->scenario->id, results)
            : plan->sweep                         ? sweepJson(*plan->sweep, results, repeat)
                                                  : compareJson(plan->labels, results, repeat);
        print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else if (plan->scenario) {
        print(scenarioFooterText(*plan->scenario, plan->labels, results));
    } else {
        print(
            QLatin1Char('\n') + (plan->sweep ? sweepText(*plan->sweep, results) : compareText(plan->labels, results)));
    }

    int exitCode = cancelled ? 130 : 0;
    const QStringList figureErrors = plan->sweep ? writeSweepFigures(*plan->sweep, results, *figures)
        : seriesPicture                          ? writeCompareFigures(plan->configs, results, *figures)
                                                 : QStringList();
    for (const QString& figureError : figureErrors) {
        printError(figureError);
        exitCode = cancelled ? 130 : 1;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i].summary.error.isEmpty()) {
            printError(QStringLiteral("%1 failed: %2").arg(plan->labels.at(qsizetype(i)), results[i].summary.error));
            exitCode = cancelled ? 130 : 1;
        }
    }
    return exitCode;
}

} // namespace conlab

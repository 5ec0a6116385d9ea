#include "ui/export/figurecaption.h"

#include "core/workload/workloadtext.h"
#include "ui/window/durationtext.h"
#include "ui/window/modelpicker.h"
#include "ui/window/otherloadtext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

// The captions' translation context (a free function has no class of its own to give it one).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FigureCaption)
};

bool isComplete(const RunSummary& summary)
{
    return !summary.cancelled && summary.error.isEmpty();
}

// Without a translation loaded, "%n thread(s)" would print as is: English is written out for one and for many, and
// the many form stays a numerus message for languages with more plural forms.
QString workersText(const RunConfig& config)
{
    const int workers = config.effectiveWorkers();
    switch (config.model) {
    case ModelKind::Sequential:
        return Text::tr("1 thread");
    case ModelKind::Threads:
        return workers == 1 ? Text::tr("1 thread") : Text::tr("%n threads", nullptr, workers);
    case ModelKind::Processes:
        return workers == 1 ? Text::tr("1 worker process") : Text::tr("%n worker processes", nullptr, workers);
    case ModelKind::EventLoop:
        return workers == 1 ? Text::tr("1 thread, 1 task at a time")
                            : Text::tr("1 thread, up to %n tasks at once", nullptr, workers);
    case ModelKind::Python:
        return Text::tr("a real CPython interpreter");
    }
    return {};
}

// The interpreter's version and the GIL's exact hand-overs, when the run knows them.
QString pythonText(const RunSummary& summary)
{
    if (!summary.python || summary.python->version.isEmpty())
        return {};
    if (summary.python->observerMode != QLatin1String("memory"))
        return Text::tr("CPython %1, OS thread states only").arg(summary.python->version);
    return Text::tr("CPython %1, %2 GIL hand-overs").arg(summary.python->version).arg(summary.gilSwitches);
}

QString speedupText(const RunSummary& summary, const std::optional<RunSummary>& baseline)
{
    if (!isComplete(summary))
        return Text::tr("no speed-up: the run did not finish");
    if (summary.config.model == ModelKind::Sequential)
        return Text::tr("speed-up: this is the baseline");
    if (!baseline || summary.wallMs <= 0)
        return Text::tr("speed-up not measured (no sequential run of this workload)");
    return Text::tr("speed-up %1× against sequential (%2)")
        .arg(baseline->wallMs / summary.wallMs, 0, 'f', 2)
        .arg(durationText(baseline->wallMs));
}

QString timeText(const RunSummary& summary)
{
    if (!summary.error.isEmpty())
        return Text::tr("failed after %1").arg(durationText(summary.wallMs));
    if (summary.cancelled)
        return Text::tr("stopped after %1").arg(durationText(summary.wallMs));
    return Text::tr("wall time %1").arg(durationText(summary.wallMs));
}

// Enough decimals that the length of `range` shows to about three digits: 0.487 s of a 2 s run, 1.2034 s of 5 ms.
int decimalsFor(TimeRange range)
{
    const double size = std::abs(range.size());
    if (!(size > 0) || !std::isfinite(size))
        return 3;
    return std::clamp(2 - int(std::floor(std::log10(size))), 0, 6);
}

QString rangeText(TimeRange range, int decimals)
{
    return Text::tr("%1 s to %2 s").arg(range.begin, 0, 'f', decimals).arg(range.end, 0, 'f', decimals);
}

QString windowLine(const CaptionFacts& facts)
{
    const TimeRange window = *facts.window;
    const int decimals = decimalsFor(window);
    if (!facts.span)
        return Text::tr("Time shown: %1").arg(rangeText(window, decimals));
    return Text::tr("Time shown: %1 of %2")
        .arg(rangeText(window, decimals), rangeText(*facts.span, std::max(decimals, decimalsFor(*facts.span))));
}

// The details of a caption end with the cores and the date, joined into one line.
QString detailsLine(QStringList details, int cores, QDate date)
{
    if (cores > 0)
        details << (cores == 1 ? Text::tr("1 core") : Text::tr("%n cores", nullptr, cores));
    if (date.isValid())
        details << date.toString(Qt::ISODate);
    return details.join(QStringLiteral("  ·  "));
}

QString title(const RunConfig& config)
{
    // A script does what it says, not what conlab's workload would: its name and arguments stand for the workload.
    if (config.model == ModelKind::Python && config.python) {
        const QString command = (QStringList {QFileInfo(config.python->script).fileName()} + config.python->arguments)
                                    .join(QLatin1Char(' '));
        return Text::tr("%1 — %2").arg(ModelPicker::label(ModelChoice::fromConfig(config)), command);
    }
    return Text::tr("%1 — %2").arg(ModelPicker::label(ModelChoice::fromConfig(config)), workloadText(config.workload));
}

} // namespace

CaptionFacts runCaptionFacts(const RunSummary& summary, const std::optional<RunSummary>& baseline)
{
    CaptionFacts facts;
    facts.config = summary.config;
    facts.summary = summary;
    facts.baseline = baseline;
    facts.cores = summary.cores;
    facts.date = summary.startedAt.date();
    return facts;
}

CaptionFacts savedRunCaptionFacts(const SavedRun& run, const QString& fileName)
{
    if (run.summary)
        return runCaptionFacts(*run.summary, run.baseline);
    CaptionFacts facts;
    facts.traceName = fileName;
    facts.cores = run.trace ? run.trace->cores : 0;
    return facts;
}

QStringList figureCaption(const CaptionFacts& facts)
{
    QStringList lines;
    QStringList details;
    const std::optional<RunConfig> config = facts.summary ? std::optional(facts.summary->config) : facts.config;
    if (config) {
        lines << title(*config);
        details << workersText(*config);
        if (config->gil && config->model != ModelKind::Processes)
            details << Text::tr("GIL switch interval %1 ms").arg(parameterText(config->switchIntervalMs));
        if (facts.summary) {
            details << timeText(*facts.summary) << speedupText(*facts.summary, facts.baseline);
            if (const QString python = pythonText(*facts.summary); !python.isEmpty())
                details << python;
        } else {
            const double soFarMs = facts.span ? facts.span->end * 1000 : 0.0;
            details << Text::tr("still running, %1 so far: no final numbers yet").arg(durationText(soFarMs));
        }
    } else {
        lines << (facts.traceName.isEmpty() ? Text::tr("Trace") : facts.traceName);
        details << (facts.lanes == 1 ? Text::tr("1 lane") : Text::tr("%n lanes", nullptr, facts.lanes));
        if (facts.span) {
            details << Text::tr("%1 (%2)").arg(
                durationText(facts.span->size() * 1000), rangeText(*facts.span, decimalsFor(*facts.span)));
        }
    }
    lines << detailsLine(details, facts.summary ? facts.summary->cores : facts.cores, facts.date);

    if (facts.window)
        lines << windowLine(facts);
    if (facts.summary && !facts.summary->error.isEmpty())
        lines << Text::tr("The run failed: %1").arg(facts.summary->error);
    if (facts.summary) {
        if (const QString otherLoad = otherLoadWarning(*facts.summary); !otherLoad.isEmpty())
            lines << otherLoad;
    }
    return lines;
}

QStringList seriesCaption(const QString& title, QStringList details, int cores, QDate date)
{
    return {title, detailsLine(std::move(details), cores, date)};
}

} // namespace conlab

#include "ui/compare/compareview.h"

#include "core/analysis/speedup.h"
#include "core/python/exampleknobs.h"
#include "core/run/seriesrunner.h"
#include "core/workload/workloadtext.h"
#include "ui/compare/comparebarchart.h"
#include "ui/compare/timelinestack.h"
#include "ui/export/figurecaption.h"
#include "ui/export/figurefilename.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/durationtext.h"
#include "ui/window/modelpicker.h"
#include "ui/window/otherloadtext.h"
#include "ui/window/verticalscrollarea.h"

#include <QEvent>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

namespace conlab {

namespace {

// The bar chart's share of a figure: a row per model and its axis.
int barChartHeightPx(int bars, const PresentationTheme& theme)
{
    return theme.pixels(70 + 34 * bars);
}

} // namespace

CompareView::CompareView(QWidget* parent)
    : SeriesView(parent)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_bars(new CompareBarChart(m_splitter))
    , m_timelines(new TimelineStack)
{
    setObjectName(QStringLiteral("compareView"));
    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_bars->setObjectName(QStringLiteral("compareBars"));
    m_timelines->setObjectName(QStringLiteral("compareTimelines"));
    // Five timelines, each with its lanes labelled, are taller than a 768-pixel screen in presenter mode's fonts:
    // they scroll there rather than squeeze their lanes or make the window taller than the screen.
    QScrollArea* timelinesArea = verticalScrollArea(m_splitter);
    timelinesArea->setObjectName(QStringLiteral("compareTimelinesArea"));
    timelinesArea->setWidget(m_timelines);
    timelinesArea->setMinimumWidth(
        m_timelines->minimumWidth() + timelinesArea->verticalScrollBar()->sizeHint().width());
    m_splitter->addWidget(m_bars);
    m_splitter->addWidget(timelinesArea);
    // The timelines need the height (lanes of five models); the bars read well in a row each.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({260, 740});
    setContent(m_splitter);
    // Five timelines and the bars, each legible: taller than a slide.
    pictures().setDefaultSize(QSize(1600, 1500));
    resize(1100, 1000);
    retranslateUi();
}

QString CompareView::stepLabel(int index) const
{
    const RunConfig& config = configs().at(std::size_t(index));
    const auto example = config.python ? exampleKnobs(config.python->script) : std::nullopt;
    if (config.model != ModelKind::Python || !example)
        return ModelPicker::label(ModelChoice::fromConfig(config));
    // A real CPython row is named beside its emulated counterpart, with the interpreter's version once it ran.
    const std::optional<RunResult>& step = result(index);
    const QStringList version
        = step && step->summary.python ? step->summary.python->version.split(QLatin1Char('.')) : QStringList();
    const QString cpython = version.size() >= 2 ? tr("CPython %1.%2").arg(version[0], version[1]) : tr("CPython");
    switch (example->counterpart) {
    case ModelKind::Processes:
        return tr("Processes (%1)").arg(cpython);
    case ModelKind::EventLoop:
        return tr("asyncio (%1)").arg(cpython);
    case ModelKind::Sequential:
    case ModelKind::Threads:
    case ModelKind::Python:
        break;
    }
    return tr("Threads (%1)").arg(cpython);
}

std::vector<ThemedPlot*> CompareView::plots() const
{
    std::vector<ThemedPlot*> all = m_timelines->plots();
    all.insert(all.begin(), m_bars);
    return all;
}

void CompareView::showPlan()
{
    m_timelines->setCount(stepCount());
}

void CompareView::beginStep(int index, const RunStart& start)
{
    if (index >= m_timelines->count())
        return;
    m_timelines->startRun(index, start);
    showState();
}

void CompareView::appendToStep(int index, const TraceBatch& batch)
{
    if (index < m_timelines->count())
        m_timelines->plot(index)->appendBatch(batch);
}

void CompareView::refreshLive()
{
    m_timelines->refresh();
}

void CompareView::endStep(int index)
{
    const std::optional<RunResult>& step = result(index);
    if (step && step->trace)
        m_timelines->plot(index)->showTrace(*step->trace);
    m_timelines->alignTimeAxes();
    updateSharedRange();
}

void CompareView::updateSharedRange()
{
    double end = 0;
    for (int i = 0; i < stepCount(); ++i) {
        if (const std::optional<RunResult>& step = result(i)) {
            end = std::max(end, step->summary.wallMs / 1000.0);
            if (const std::optional<TimeRange> span = m_timelines->plot(i)->dataSpan())
                end = std::max(end, span->end);
        }
    }
    m_timelines->setSharedEnd(end);
}

const RunSummary* CompareView::baseline() const
{
    for (int i = 0; i < stepCount(); ++i) {
        if (configs()[std::size_t(i)].model == ModelKind::Sequential)
            return result(i) ? &result(i)->summary : nullptr;
    }
    return nullptr;
}

QString CompareView::stepNote(int index) const
{
    const std::optional<RunResult>& step = result(index);
    const QString note = measuredNote(index);
    const QString otherLoad = step ? otherLoadNote(step->summary) : QString();
    return otherLoad.isEmpty() ? note : tr("%1  (%2)").arg(note, otherLoad);
}

QString CompareView::measuredNote(int index) const
{
    const std::optional<RunResult>& step = result(index);
    if (!step) {
        if (isOver())
            return tr("not run (cancelled)");
        return runner().currentIndex() == index ? tr("running…") : tr("waiting");
    }
    const RunSummary& summary = step->summary;
    if (!summary.error.isEmpty())
        return tr("failed: %1").arg(summary.describedError());
    if (summary.cancelled)
        return tr("stopped after %1").arg(durationText(summary.wallMs));
    // Several runs: the median's time with the fastest and slowest, the speed-up with the range they give.
    const WallSpread walls = wallSpread(summary);
    const QString time = walls.runs == 1
        ? durationText(summary.wallMs)
        : tr("%1 (%2–%3)").arg(durationText(walls.medianMs), durationText(walls.minMs), durationText(walls.maxMs));
    const RunSummary* base = baseline();
    if (base == &summary)
        return tr("%1  baseline").arg(time);
    const auto factor = [](double value) { return QLocale().toString(value, 'f', value < 10 ? 2 : 1); };
    if (const std::optional<SpeedupSpread> speedup = base ? speedupSpread(*base, summary) : std::nullopt) {
        if (walls.runs == 1)
            return tr("%1  ×%2").arg(time, factor(speedup->median));
        return tr("%1  ×%2 (%3–%4)").arg(time, factor(speedup->median), factor(speedup->min), factor(speedup->max));
    }
    return time;
}

void CompareView::showState()
{
    std::vector<CompareBar> bars;
    for (int i = 0; i < stepCount(); ++i) {
        CompareBar bar;
        bar.label = stepLabel(i);
        bar.note = stepNote(i);
        bar.baseline = configs()[std::size_t(i)].model == ModelKind::Sequential;
        const std::optional<RunResult>& step = result(i);
        if (step && step->summary.error.isEmpty() && !step->summary.cancelled) {
            const WallSpread walls = wallSpread(step->summary);
            bar.wallMs = walls.medianMs;
            bar.wallMinMs = walls.minMs;
            bar.wallMaxMs = walls.maxMs;
        }
        bar.otherLoad = step && !otherLoadNote(step->summary).isEmpty();
        bars.push_back(bar);
        if (i < m_timelines->count())
            m_timelines->plot(i)->setTitle(tr("%1 — %2").arg(bar.label, bar.note));
    }
    m_bars->setBars(bars);
}

Figure CompareView::figure()
{
    m_timelines->refresh();
    Figure figure;
    figure.theme = theme();
    QStringList details;
    if (!configs().empty()) {
        const RunConfig& first = configs().front();
        const int workers = configs().size() > 1 ? configs()[1].effectiveWorkers() : first.effectiveWorkers();
        details << (workers == 1 ? tr("1 worker") : tr("%n workers", nullptr, workers));
        if (const QString repeats = repeatNote(); !repeats.isEmpty())
            details << repeats;
        figure.caption = seriesCaption(
            tr("Every model on one workload: %1").arg(workloadText(first.workload)), details, cores(), date());
    }
    figure.panels.push_back({m_bars, 1.2, std::nullopt, barChartHeightPx(stepCount(), theme())});
    const std::optional<TimeRange> shared = m_timelines->sharedRange();
    for (int i = 0; i < m_timelines->count(); ++i) {
        FigurePanel panel;
        panel.plot = m_timelines->plot(i);
        panel.xRange = shared ? std::optional(QCPRange(shared->begin, shared->end)) : std::nullopt;
        // At least a label's line per lane (up to the eight TimelinePlot keeps labelled), as on screen: a run with
        // many lanes (CPython processes: each worker's GIL and thread) would otherwise lose every other lane's name.
        panel.minimumHeightPx
            = std::max(theme().pixels(i == 0 ? 150 : 110), m_timelines->plot(i)->minimumSizeHint().height());
        figure.panels.push_back(panel);
    }
    return figure;
}

QString CompareView::fileStem() const
{
    const WorkloadKind kind = configs().empty() ? WorkloadKind::Cpu : configs().front().workload.kind;
    return seriesFileStem(QStringLiteral("compare"), std::nullopt, kind, date());
}

void CompareView::setCoresView(bool on)
{
    m_timelines->setCoresView(on);
}

void CompareView::retranslateUi()
{
    setWindowTitle(tr("Compare all models — Concurrency Lab"));
    showState();
}

void CompareView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    SeriesView::changeEvent(event);
}

} // namespace conlab

#include "ui/sweep/sweepview.h"

#include "core/analysis/speedup.h"
#include "core/workload/workloadtext.h"
#include "ui/export/figurecaption.h"
#include "ui/export/figurefilename.h"
#include "ui/export/pictureactions.h"
#include "ui/sweep/speedupplot.h"
#include "ui/window/durationtext.h"
#include "ui/window/modelpicker.h"
#include "ui/window/otherloadtext.h"

#include <QEvent>
#include <QLocale>

namespace conlab {

SweepView::SweepView(QWidget* parent)
    : SeriesView(parent)
    , m_plot(new SpeedupPlot(this))
{
    setObjectName(QStringLiteral("sweepView"));
    m_plot->setObjectName(QStringLiteral("sweepPlot"));
    m_plot->setMinimumSize(420, 300);
    setContent(m_plot);
    pictures().setDefaultSize(QSize(1600, 1000));
    resize(900, 640);
    retranslateUi();
}

bool SweepView::runSweep(const ScalingPlan& plan, QString* error)
{
    if (isRunning()) {
        if (error)
            *error = tr("a sweep is already going: stop it first");
        return false;
    }
    m_plan = plan;
    return run(plan.configs(), error);
}

void SweepView::showSweep(const ScalingPlan& plan, const std::vector<RunResult>& results)
{
    m_plan = plan;
    showResults(plan.configs(), results);
}

std::vector<RunResult> SweepView::finished() const
{
    // Steps finish in order: the results so far are a prefix of the plan's runs.
    std::vector<RunResult> done;
    for (int i = 0; i < stepCount() && result(i); ++i)
        done.push_back(*result(i));
    return done;
}

std::vector<ScalingPoint> SweepView::points() const
{
    return m_plan.points(finished());
}

AmdahlFit SweepView::fit() const
{
    return m_plan.fit(finished());
}

QString SweepView::stepLabel(int index) const
{
    if (index == 0)
        return tr("Sequential baseline");
    const int workers = m_plan.workerCounts.at(std::size_t(index - 1));
    const QString model = ModelPicker::label(ModelChoice::fromConfig(m_plan.model));
    return workers == 1 ? tr("%1, 1 worker").arg(model) : tr("%1, %n workers", nullptr, workers).arg(model);
}

std::vector<ThemedPlot*> SweepView::plots() const
{
    return {m_plot};
}

void SweepView::showPlan()
{
}

void SweepView::showState()
{
    const int maxWorkers = m_plan.workerCounts.empty() ? 1 : m_plan.workerCounts.back();
    // The plan's cores, the ones the fit caps the parallelism at, so the marker stands where the curves bend.
    const std::vector<RunResult> done = finished();
    m_plot->setSweep(m_plan.spreads(done), fit(), m_plan.cores, maxWorkers);
    std::vector<OtherLoadPoint> loaded;
    for (std::size_t i = 1; i < done.size() && i <= m_plan.workerCounts.size(); ++i) {
        const RunSummary& summary = done[i].summary;
        if (otherLoadNote(summary).isEmpty())
            continue;
        if (const std::optional<double> speedup = speedupOver(done.front().summary, summary))
            loaded.push_back({double(m_plan.workerCounts[i - 1]), *speedup, *summary.otherLoadPercent});
    }
    m_plot->setOtherLoadPoints(loaded);
    // The baseline has no point of its own, but every speed-up is measured against it: a baseline slowed by other
    // programs inflates them all.
    const bool baselineLoaded = !done.empty() && !otherLoadNote(done.front().summary).isEmpty();
    m_plot->setBaselineOtherLoad(baselineLoaded ? done.front().summary.otherLoadPercent : std::optional<double>());
}

Figure SweepView::figure()
{
    Figure figure;
    figure.theme = theme();
    QStringList details;
    if (stepCount() > 0 && result(0) && result(0)->summary.error.isEmpty() && !result(0)->summary.cancelled) {
        const RunSummary& baseline = result(0)->summary;
        const QString otherLoad = otherLoadNote(baseline);
        details << (otherLoad.isEmpty()
                ? tr("speed-up against sequential (%1)").arg(durationText(baseline.wallMs))
                : tr("speed-up against sequential (%1, %2)").arg(durationText(baseline.wallMs), otherLoad));
    }
    details << m_plot->fitText();
    if (const QString repeats = repeatNote(); !repeats.isEmpty())
        details << repeats;
    if (fit().determined)
        details << tr("within %1 % of the points")
                       .arg(
                           QLocale().toString(fit().rmsRelativeError * 100, 'f', fit().rmsRelativeError < 0.1 ? 1 : 0));
    figure.caption = seriesCaption(
        tr("Scaling sweep: %1 on %2")
            .arg(ModelPicker::label(ModelChoice::fromConfig(m_plan.model)), workloadText(m_plan.model.workload)),
        details, cores(), date());
    figure.panels.push_back({m_plot, 1.0, std::nullopt, theme().pixels(300)});
    return figure;
}

QString SweepView::fileStem() const
{
    return seriesFileStem(QStringLiteral("sweep"), m_plan.model, m_plan.model.workload.kind, date());
}

void SweepView::retranslateUi()
{
    setWindowTitle(tr("Scaling sweep — Concurrency Lab"));
    m_plot->retranslateUi();
    showState();
}

void SweepView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    SeriesView::changeEvent(event);
}

} // namespace conlab

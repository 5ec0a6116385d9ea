#pragma once

#include "core/run/runresult.h"
#include "ui/plots/timeaxisplot.h"
#include "ui/timeline/timelinedata.h"
#include "ui/timeline/timelinemapping.h"
#include "ui/timeline/timelineplottable.h"

namespace conlab {

// The task timeline (Gantt): one lane per worker, segments coloured by state, a legend of states above.
// The Cores view (setCoresView()) shows the same run by core instead: a lane per core, each bar a worker's running
// segment on it, coloured by worker, the idle gaps empty, like Visual Studio's Concurrency Visualizer's "Cores".
// Live data is stored on appendBatch() and drawn on the window's refresh() tick, never per batch.
// Wheel zooms time, left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits the run.
class TimelinePlot : public TimeAxisPlot
{
    Q_OBJECT
public:
    explicit TimelinePlot(QWidget* parent = nullptr);

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    void showTrace(const Trace& trace);
    // The same without a copy of the segments when the trace is arranged by lane (TimelineData::assign).
    void showTrace(std::shared_ptr<const Trace> trace);
    // A finished run's own trace takes the place of the segments its batches brought (the same segments): the run is
    // then held once, by the trace the window keeps. The view stays as the user left it.
    void keepFinishedTrace(std::shared_ptr<const Trace> trace);
    // The run by lane, whichever view is shown.
    const TimelineData& data() const { return m_data; }
    // What the plot draws and hovers: data(), or its segments by core in the Cores view.
    const TimelineData& shownData() const { return m_coresView ? m_coreData : m_data; }
    void setCoresView(bool on);
    bool coresView() const { return m_coresView; }
    const TimelinePlottable& plottable() const { return *m_plottable; }
    std::optional<TimeRange> dataSpan() const override;

    // The left margin the lane names need (at least timeAxisLeftMarginPx): traces from other tools name their lanes
    // "process / thread", wider than conlab's own. Names past a third of a classroom window are shortened.
    int laneLabelMarginPx() const;

    // What the viewport spends outside the lanes (legend, title, time axis), in lines of the lane labels' font: the
    // lane names are thinned to fit the rest.
    double reservedLabelLines() const;
    // The height the lanes have: the axis rect's once this replot has laid it out, an estimate before.
    double laneAreaHeightPx() const;
    QSize minimumSizeHint() const override;
    // The minimum height takes the legend's rows as the plot's width wraps it (off by default: the main window keeps
    // its legend to a compact strip instead); a small multiple that scrolls keeps its legend inside it this way.
    void setLegendRowsInMinimum(bool on);

    // The segment under a widget position, as the hover tooltip finds it.
    TimelinePlottable::Hit hitAt(const QPointF& pos) const;
    // The hover tooltip's text at a widget position; empty where there is no segment.
    QString toolTipAt(const QPointF& pos) const;
    // The legend's entries as they read: the states, then the mark of folded segments.
    QStringList legendTexts() const;

signals:
    // Lanes came during the run (an observed program's new threads): the lane names' margin may have to grow.
    void lanesAdded();

protected:
    bool event(QEvent* event) override;
    void updateLayout() override;
    void applyTheme() override;
    void retranslateUi() override;

private:
    void layOutLanes();
    // Fills the core lanes from the lanes again (the Cores view only; otherwise they are not kept).
    void rebuildCoreLanes();
    // After m_data got a whole trace: the core lanes follow, then the lanes are laid out and fitted.
    void showAssigned();
    // The legend's entries for the view: the states, or the workers' colours.
    void fillLegend();
    void nameLegendItems();

    TimelineData m_data;
    TimelineData m_coreData;
    bool m_coresView = false;
    // The cores to show a lane each even while idle: this process's for a run made here, all for a file.
    std::vector<int> m_cores;
    TimelinePlottable* m_plottable = nullptr;
    std::optional<int> m_laidOutLanesPx;
    // The legend's height as last laid out, with its rows wrapped for the plot's width; 0 before that or hidden.
    int m_legendPx = 0;
    bool m_legendRowsInMinimum = false;
};

} // namespace conlab

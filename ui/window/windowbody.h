#pragma once

#include "core/run/runresult.h"
#include "ui/export/runfigure.h"

#include <QSplitter>
#include <memory>
#include <optional>

namespace conlab {

class CoreUtilisationPlot;
class MetricsPanel;
class SourcePane;
class TimelinePlot;

// The main window's body, left to right: the timeline over the utilisation plot, the script's source, the numbers.
// It keeps the two plots on one time range with their time axes aligned, feeds both the same run, and shares the room
// between the panes: the plots' heights, and the numbers' width when the window opens and in presenter mode.
class WindowBody : public QSplitter
{
    Q_OBJECT

public:
    explicit WindowBody(QWidget* parent = nullptr);
    // The panes beside the plots; set once, before the window is shown.
    void addPanes(SourcePane* source, MetricsPanel* metrics);

    TimelinePlot* timeline() const { return m_timeline; }
    CoreUtilisationPlot* utilisation() const { return m_utilisation; }

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    // The run ended: the whole run is the picture unless the user zoomed in on something.
    void finishRun(const RunResult& result);
    void showTrace(const std::shared_ptr<const Trace>& trace, const RunSummary* summary);
    // Pending data drawn now (a tick of a live run).
    void refresh();
    // Pending data drawn, and both plots repainted now.
    void refreshAndReplot();
    void fitPlots();
    // Both plots' time axes start at the same x, however wide the lane names are.
    void alignTimeAxes();
    // The range the user zoomed in on, if either plot is zoomed.
    std::optional<TimeRange> zoomedWindow() const;
    Figure picture(FigureContent content, const CaptionFacts& facts, bool visibleWindowOnly);

    void sharePlotHeight(bool presenter);
    // Widens the numbers to their names and values side by side, where the screen has room.
    void fitNumbersWidth();
    // Whether the numbers' width was fitted yet: at the desk it is fitted once, then stays where the user drags it.
    bool numbersFitted() const { return m_numbersFitted; }

private:
    TimelinePlot* m_timeline = nullptr;
    CoreUtilisationPlot* m_utilisation = nullptr;
    QSplitter* m_plots = nullptr;
    SourcePane* m_source = nullptr;
    MetricsPanel* m_metrics = nullptr;
    bool m_numbersFitted = false;
};

} // namespace conlab

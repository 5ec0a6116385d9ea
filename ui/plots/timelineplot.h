#pragma once

#include "run/runresult.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinemapping.h"
#include "timeline/timelineplottable.h"

#include <qcustomplot.h>

namespace conlab {

// The task timeline (Gantt): one lane per worker, segments coloured by state, a legend of states above.
// Live data is stored on appendBatch() and drawn on the window's refresh() tick, never per batch.
// Wheel zooms time, left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits the run.
class TimelinePlot : public QCustomPlot
{
    Q_OBJECT
    // Read by a linked plot's setTimeRange(): a range from a plot that is merely following is no user choice.
    Q_PROPERTY(bool following READ isFollowing)
public:
    explicit TimelinePlot(QWidget* parent = nullptr);

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    void showTrace(const Trace& trace);
    void refresh();
    void resetZoom();
    bool userZoomed() const { return m_userZoomed; }
    bool isFollowing() const { return !m_userZoomed; }
    const TimelineData& data() const { return m_data; }

    // Length of the sliding window a long live run is followed with (default 60 s).
    void setFollowWindowSeconds(double seconds) { m_followWindowSec = seconds; }
    // The segment under a widget position, as the hover tooltip finds it.
    TimelinePlottable::Hit hitAt(const QPointF& pos) const;
    // The hover tooltip's text at a widget position; empty where there is no segment.
    QString toolTipAt(const QPointF& pos) const;

signals:
    void timeRangeChanged(double beginSec, double endSec);

public slots:
    // Connect the other plot's timeRangeChanged() straight to this slot (not through a lambda): the slot then tells
    // a partner that merely follows the newest time from a user's zoom there, and follows or stops following with it.
    // Never emits timeRangeChanged().
    void setTimeRange(double beginSec, double endSec);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void layOutLanes();
    void applyRange(TimeRange range, bool announce);
    void onRangeChanged(const QCPRange& range);
    double newestSec() const;

    TimelineData m_data;
    TimelinePlottable* m_plottable;
    double m_followWindowSec = 60.0;
    double m_pressX = 0.0;
    bool m_userZoomed = false;
    bool m_dirty = false;
    bool m_applyingRange = false;
};

} // namespace conlab

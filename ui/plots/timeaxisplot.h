#pragma once

#include "presentationtheme.h"
#include "timeline/timelinemapping.h"

#include <optional>
#include <qcustomplot.h>

namespace conlab {

// What the timeline and the utilisation plot share so that, linked, they behave as one view: a legend row above
// the plot, a time axis that only the user zooms or pans (wheel, left-drag, right-drag or Shift+left-drag rubber
// band, double-click fits the run), a live view that follows the newest time until the user picks a range, and
// the timeRangeChanged()/setTimeRange() pair the window links the two plots with.
class TimeAxisPlot : public QCustomPlot
{
    Q_OBJECT
    // Read by a linked plot's setTimeRange(): a range from a plot that is merely following is no user choice.
    Q_PROPERTY(bool following READ isFollowing)
public:
    void refresh();
    void resetZoom();
    bool userZoomed() const { return m_userZoomed; }
    bool isFollowing() const { return !m_userZoomed; }
    // The time range shown now, and the one resetZoom() shows: the whole run with a small margin.
    TimeRange timeRange() const;
    TimeRange fullTimeRange() const;
    // First and newest time of the data in seconds from the run's origin; nullopt while there is none.
    virtual std::optional<TimeRange> dataSpan() const = 0;

    // The space left of the plot: the same in both linked plots, so their time axes line up when stacked. Never
    // less than the theme's own margin, so 0 goes back to that.
    void setLeftMarginPx(int px);
    int leftMarginPx() const;

    // Length of the sliding window a long live run is followed with (default 60 s).
    void setFollowWindowSeconds(double seconds) { m_followWindowSec = seconds; }

    // Every font, pen and colour of the plot comes from the theme (desk by default); replots with the new one.
    void setTheme(const PresentationTheme& theme);
    const PresentationTheme& theme() const { return m_theme; }

signals:
    void timeRangeChanged(double beginSec, double endSec);

public slots:
    // Connect the other plot's timeRangeChanged() straight to this slot (not through a lambda): the slot then tells
    // a partner that merely follows the newest time from a user's zoom there, and follows or stops following with it.
    // Never emits timeRangeChanged().
    void setTimeRange(double beginSec, double endSec);

protected:
    // How the legend row sizes its columns when it wraps.
    enum class LegendColumns
    {
        // Each column as wide as its widest item: the most items per row.
        FitItems,
        // All columns as wide as the widest item: a grid that reads down as well as across (cpu0..cpuN).
        Equal,
    };

    explicit TimeAxisPlot(LegendColumns legendColumns, QWidget* parent = nullptr);

    // The view of a run that has just started: following, an empty span, announced to a linked plot.
    void restartView();
    void markDirty() { m_dirty = true; }
    QFont tickFont() const;
    QFont labelFont() const;
    // Styles axes, grids, legend and margins from theme(); a plot adds its own lines and marks, calling this first.
    // Each plot's constructor calls its own once its parts exist.
    virtual void applyTheme();

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void applyRange(TimeRange range, bool announce);
    void applyMargins();
    void onRangeChanged(const QCPRange& range);

    PresentationTheme m_theme;
    int m_leftMarginPx = 0;
    double m_followWindowSec = 60.0;
    double m_pressX = 0.0;
    bool m_userZoomed = false;
    bool m_dirty = false;
    bool m_applyingRange = false;
};

} // namespace conlab

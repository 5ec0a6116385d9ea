#pragma once

#include "ui/plots/themedplot.h"
#include "ui/timeline/timelinemapping.h"

#include <optional>
#include <qcustomplot.h>

namespace conlab {

// What the timeline and the utilisation plot share so that, linked, they behave as one view: a legend row above
// the plot, a time axis that only the user zooms or pans (wheel, left-drag, right-drag or Shift+left-drag rubber
// band, double-click fits the run), a live view that follows the newest time until the user picks a range, and
// the timeRangeChanged()/setTimeRange() pair the window links the two plots with.
class TimeAxisPlot : public ThemedPlot
{
    Q_OBJECT
    // Read by a linked plot's setTimeRange(): a range from a plot that is merely following is no user choice.
    Q_PROPERTY(bool following READ isFollowing)
public:
    void refresh();
    void resetZoom();
    bool userZoomed() const { return m_userZoomed; }
    bool isFollowing() const { return !m_userZoomed; }
    // The time range shown now, and the one resetZoom() shows: the whole run with a small margin, or the range set
    // with setFullTimeRange().
    TimeRange timeRange() const;
    TimeRange fullTimeRange() const;
    // Small multiples share one time scale, so the fast runs look short: resetZoom() and a double-click show this
    // range instead of the plot's own data. nullopt (the default) fits the data again.
    void setFullTimeRange(std::optional<TimeRange> range);
    // First and newest time of the data in seconds from the run's origin; nullopt while there is none.
    virtual std::optional<TimeRange> dataSpan() const = 0;

    // The space left of the plot: the same in both linked plots, so their time axes line up when stacked. Never
    // less than the theme's own margin, so 0 goes back to that.
    void setLeftMarginPx(int px);
    int leftMarginPx() const;

    // The legend row above the plot; small multiples show one legend for all of them. Shown by default.
    void setLegendShown(bool shown);
    bool legendShown() const { return m_legendShown; }
    // The time axis' tick labels and its label; stacked small multiples label only the lowest. Shown by default.
    void setTimeLabelsShown(bool shown);
    // A line above the plot saying what it shows (a small multiple: the model and its wall time), in the label font,
    // in line with the time axis; empty (the default) has none.
    void setTitle(const QString& title);
    QString title() const;

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
    ~TimeAxisPlot() override;

    // The view of a run that has just started: following, an empty span, announced to a linked plot.
    void restartView();
    void markDirty() { m_dirty = true; }
    // Adds the margins and the rubber band to ThemedPlot's styling.
    void applyTheme() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    // The axis labels and legend entries in the UI's language; subclasses add theirs, calling their base's first.
    virtual void retranslateUi();

private:
    void applyRange(TimeRange range, bool announce);
    void applyMargins();
    void onRangeChanged(const QCPRange& range);

    // Out of the layout while the legend is hidden (and then owned here).
    QCPLayoutGrid* m_legendRow = nullptr;
    bool m_legendShown = true;
    QCPTextElement* m_title = nullptr;
    std::optional<TimeRange> m_fullRange;
    int m_leftMarginPx = 0;
    double m_pressX = 0.0;
    bool m_userZoomed = false;
    bool m_dirty = false;
    bool m_applyingRange = false;
};

} // namespace conlab

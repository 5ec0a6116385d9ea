#pragma once

#include "core/run/runresult.h"
#include "ui/timeline/timelinemapping.h"

#include <QWidget>
#include <optional>
#include <vector>

class QVBoxLayout;

namespace conlab {

class ThemedPlot;
class TimelinePlot;

// Timelines as small multiples, one under another: one legend (above the first), time labels only under the last,
// lane names in one column so the time axes line up, and one shared time scale so a fast run looks short beside a
// slow one. Zooming or panning one moves them all.
class TimelineStack : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineStack(QWidget* parent = nullptr);

    // Makes `count` empty timelines (the previous ones go).
    void setCount(int count);
    int count() const { return int(m_plots.size()); }
    TimelinePlot* plot(int index) const { return m_plots.at(std::size_t(index)); }
    std::vector<ThemedPlot*> plots() const;

    // Starts timeline `index` on a live run. Once a step has finished, the live one takes up the shared scale and
    // follows from there, so a fast model grows across the scale the slower ones set.
    void startRun(int index, const RunStart& start);
    // Every timeline's full range (what a double-click or reset shows) becomes [0, endSec], and each shows it,
    // except one following a live run. endSec <= 0: each fits its own data again.
    void setSharedEnd(double endSec);
    std::optional<TimeRange> sharedRange() const;
    // The lane names of all multiples take the width of the widest, so the time axes start at one x.
    void alignTimeAxes();
    // Every timeline, and those setCount() makes later, shows its run by core (TimelinePlot::setCoresView()).
    void setCoresView(bool on);
    // Draws what the live timelines have been given since the last call.
    void refresh();

private:
    void shareHeight();

    QVBoxLayout* m_layout = nullptr;
    std::vector<TimelinePlot*> m_plots;
    std::optional<TimeRange> m_shared;
    bool m_coresView = false;
};

} // namespace conlab

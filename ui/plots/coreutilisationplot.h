#pragma once

#include "run/runresult.h"
#include "timeline/timelinemapping.h"

#include <qcustomplot.h>
#include <vector>

namespace conlab {

// Per-core CPU utilisation as measured from /proc/stat: one line per core and a thicker average, 0-100 %.
// A core without data (offline) leaves a gap rather than dropping to zero. Same time axis and gestures as the
// timeline: wheel zooms time, left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits.
class CoreUtilisationPlot : public QCustomPlot
{
    Q_OBJECT
    // Read by a linked plot's setTimeRange(): a range from a plot that is merely following is no user choice.
    Q_PROPERTY(bool following READ isFollowing)
public:
    explicit CoreUtilisationPlot(QWidget* parent = nullptr);

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    void showTrace(const Trace& trace);
    void refresh();
    void resetZoom();
    bool userZoomed() const { return m_userZoomed; }
    bool isFollowing() const { return !m_userZoomed; }

    int coreCount() const { return int(m_coreGraphs.size()); }
    std::size_t sampleCount() const { return m_sampleCount; }
    // Length of the sliding window a long live run is followed with (default 60 s).
    void setFollowWindowSeconds(double seconds) { m_followWindowSec = seconds; }

signals:
    void timeRangeChanged(double beginSec, double endSec);

public slots:
    // Connect the other plot's timeRangeChanged() straight to this slot (not through a lambda): the slot then tells
    // a partner that merely follows the newest time from a user's zoom there, and follows or stops following with it.
    // Never emits timeRangeChanged().
    void setTimeRange(double beginSec, double endSec);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void clearRun(int cores, std::int64_t originNs);
    void ensureCores(int cores);
    void addSamples(const std::vector<CpuSample>& samples);
    void applyRange(TimeRange range, bool announce);
    void onRangeChanged(const QCPRange& range);
    void chooseAntialiasing();

    std::vector<QCPGraph*> m_coreGraphs;
    QCPGraph* m_averageGraph = nullptr;
    std::int64_t m_originNs = 0;
    double m_firstSec = 0.0;
    double m_newestSec = 0.0;
    std::size_t m_sampleCount = 0;
    double m_followWindowSec = 60.0;
    double m_pressX = 0.0;
    bool m_userZoomed = false;
    bool m_dirty = false;
    bool m_applyingRange = false;
};

} // namespace conlab

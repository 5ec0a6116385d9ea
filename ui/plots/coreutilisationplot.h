#pragma once

#include "run/runresult.h"
#include "timeaxisplot.h"

#include <vector>

namespace conlab {

// Per-core CPU utilisation as measured from /proc/stat: one line per core and a thicker average, 0-100 %.
// A core without data (offline) leaves a gap rather than dropping to zero. Same time axis and gestures as the
// timeline: wheel zooms time, left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits.
class CoreUtilisationPlot : public TimeAxisPlot
{
    Q_OBJECT
public:
    explicit CoreUtilisationPlot(QWidget* parent = nullptr);

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    void showTrace(const Trace& trace);

    int coreCount() const { return int(m_coreGraphs.size()); }
    std::size_t sampleCount() const { return m_sampleCount; }
    std::optional<TimeRange> dataSpan() const override;

protected:
    void applyTheme() override;

private:
    QPen corePen(int core) const;
    QPen averagePen() const;
    void clearRun(int cores, std::int64_t originNs);
    void ensureCores(int cores);
    void addSamples(const std::vector<CpuSample>& samples);
    void chooseAntialiasing();

    std::vector<QCPGraph*> m_coreGraphs;
    QCPGraph* m_averageGraph = nullptr;
    std::int64_t m_originNs = 0;
    double m_firstSec = 0.0;
    double m_newestSec = 0.0;
    std::size_t m_sampleCount = 0;
};

} // namespace conlab

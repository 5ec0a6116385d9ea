#pragma once

#include "core/run/runresult.h"
#include "ui/plots/timeaxisplot.h"

#include <vector>

namespace conlab {

// Per-core CPU utilisation as measured from /proc/stat: one line per core and a thicker average, 0-100 %.
// A core without data (offline) leaves a gap rather than dropping to zero. Same time axis and gestures as the
// timeline: wheel zooms time, left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits.
// A trace from another tool brings counters instead of cores (Trace::counterNames): one line per counter under its
// name, no average (counters have units of their own), and a value axis fitted to the values.
class CoreUtilisationPlot : public TimeAxisPlot
{
    Q_OBJECT
public:
    explicit CoreUtilisationPlot(QWidget* parent = nullptr);

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    void showTrace(const Trace& trace);

    // Lines drawn besides the average: cores, or the counters of a trace from another tool.
    int coreCount() const { return int(m_coreGraphs.size()); }
    bool showsCounters() const { return m_counters; }
    std::size_t sampleCount() const { return m_sampleCount; }
    std::optional<TimeRange> dataSpan() const override;

protected:
    void applyTheme() override;
    void retranslateUi() override;

private:
    QPen corePen(int core) const;
    QPen averagePen() const;
    void clearRun(int cores, std::int64_t originNs);
    void clearData(std::int64_t originNs);
    void showCounters(const Trace& trace);
    void usePercentAxis();
    void fitValueAxis();
    void ensureCores(int cores);
    void addSamples(const std::vector<CpuSample>& samples);
    void chooseAntialiasing();

    std::vector<QCPGraph*> m_coreGraphs;
    QCPGraph* m_averageGraph = nullptr;
    bool m_counters = false;
    std::int64_t m_originNs = 0;
    double m_firstSec = 0.0;
    double m_newestSec = 0.0;
    std::size_t m_sampleCount = 0;
};

} // namespace conlab

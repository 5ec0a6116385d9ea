#pragma once

#include "core/run/runresult.h"
#include "core/util/jobqueue.h"
#include "ui/plots/timeaxisplot.h"

#include <memory>
#include <optional>
#include <vector>

namespace conlab {

class OwnUtilisation;

// Per-core CPU utilisation, 0-100 %. The solid lines are the run's own: how much of each core its lanes' "running on
// CPU" segments held, computed from the trace for every pixel column of the plot at its zoom, so a 100 ms run is as
// detailed as an hour-long one. Beside them, thin dashed in the same colours, the whole machine as /proc/stat measured
// it; the grey area under them is what other programs took (the machine less this run, otherLoad()). A run recorded
// without cores (an older file) shows the machine's lines alone, solid, as they were then. A core without data
// (offline) leaves a gap rather than dropping to zero. Same time axis and gestures as the timeline: wheel zooms time,
// left-drag pans, right-drag (or Shift+left-drag) zooms to a range, double-click fits.
// A trace from another tool brings counters instead of cores (Trace::counterNames): one line per counter under its
// name, no average (counters have units of their own), and a value axis fitted to the values.
class CoreUtilisationPlot : public TimeAxisPlot
{
    Q_OBJECT
public:
    explicit CoreUtilisationPlot(QWidget* parent = nullptr);
    ~CoreUtilisationPlot() override;

    void startRun(const RunStart& start);
    void appendBatch(const TraceBatch& batch);
    // The run has ended: its CPU time beyond the segments is known now, and the other-programs area is recomputed
    // with it, as the summary's other_load_percent was.
    void finishRun(const RunResult& result);
    // A finished or opened run; summary (when there is one) as in finishRun(). A large trace's own lines are computed
    // off the UI thread and appear when ready, unless the caller (a headless export) waits for them.
    enum class Wait
    {
        No,
        ForOwnLines,
    };
    void showTrace(const Trace& trace, const RunSummary* summary = nullptr);
    void showTrace(
        const std::shared_ptr<const Trace>& trace, const RunSummary* summary = nullptr, Wait wait = Wait::No);

    // Lines drawn besides the average: cores, or the counters of a trace from another tool.
    int coreCount() const { return int(m_coreGraphs.size()); }
    bool showsCounters() const { return m_counters; }
    std::size_t sampleCount() const { return m_samples.size(); }
    std::optional<TimeRange> dataSpan() const override;

protected:
    void applyTheme() override;
    void retranslateUi() override;
    // After the layout, before drawing: the own lines at the plot's width and range, for the widget and exports alike.
    void updateLayout() override;

private:
    struct LinesKey
    {
        double lowerSec = 0;
        double upperSec = 0;
        int widthPx = 0;
        std::uint64_t version = 0;
        std::uint64_t otherVersion = 0;
        bool operator==(const LinesKey&) const = default;
    };

    QPen corePen(int core) const;
    QPen systemPen(int core) const;
    QPen averagePen() const;
    QPen otherPen() const;
    QBrush otherBrush() const;
    void clearRun(int cores, std::int64_t originNs);
    void clearData(std::int64_t originNs);
    void showCounters(const Trace& trace);
    void usePercentAxis();
    void fitValueAxis();
    void ensureCores(int cores);
    void addSamples(const std::vector<CpuSample>& samples);
    void addOwn(const std::vector<Segment>& segments);
    void useOwn(std::shared_ptr<OwnUtilisation> own, std::optional<std::vector<float>> other);
    void updateOther(std::size_t firstSample);
    // perSample[i] is the other programs' load over samples[firstSample + i]; the area is replaced from there on.
    void setOther(const std::vector<CpuSample>& samples, const std::vector<float>& perSample, std::size_t firstSample);
    void applyMode();
    // The own lines and the other-programs area, one point per pixel column of the view.
    void updateColumnLines();
    void updateOtherArea(const QCPRange& shown, double pxPerSec);
    void updateOwnLines(const QCPRange& shown, double pxPerSec);
    void chooseAntialiasing();

    std::vector<QCPGraph*> m_coreGraphs; // the machine's, from /proc/stat
    std::vector<QCPGraph*> m_ownGraphs; // this run's, from its segments
    QCPGraph* m_averageGraph = nullptr;
    QCPGraph* m_otherGraph = nullptr;
    QCPGraph* m_systemKey = nullptr; // no data: the legend's entry for the dashed lines
    QSharedPointer<QCPGraphDataContainer> m_systemAverage;
    bool m_counters = false;
    bool m_ownShown = false;
    std::int64_t m_originNs = 0;
    std::vector<CpuSample> m_samples;
    // Other programs' load over each sample (otherLoad(); NaN: none) and the sample's time, for columnMeans().
    std::vector<std::int64_t> m_otherTimesNs;
    std::vector<float> m_otherPerSample;
    std::uint64_t m_otherVersion = 0;
    double m_firstSec = 0.0;
    double m_newestSec = 0.0;

    std::shared_ptr<OwnUtilisation> m_own;
    std::uint64_t m_ownVersion = 0;
    std::int64_t m_ownNewestNs = 0;
    std::optional<LinesKey> m_linesKey;
    // A trace shown or a run finished: its own index and other-programs area come from this queue; a newer run
    // makes an older job's result stale.
    std::uint64_t m_generation = 0;
    JobQueue m_jobs;
};

} // namespace conlab

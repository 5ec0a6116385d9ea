#pragma once

#include "core/analysis/amdahl.h"
#include "core/analysis/scalingplan.h"
#include "ui/plots/themedplot.h"

#include <optional>
#include <vector>

namespace conlab {

// A measured point whose run shared the machine with other programs' load past otherLoadWarningPercent.
struct OtherLoadPoint
{
    double workers = 1;
    double speedup = 1;
    double otherLoadPercent = 0;
};

// A scaling sweep's plot: the measured speed-up against the number of workers (points joined by a line), the ideal
// y = x up to the cores (flat past them), Amdahl's law fitted to the measurements with its parallel fraction and its
// uncertainty in the legend, and a vertical marker at the number of cores, past which CPU work can only queue. A
// point measured several times is its median, with whiskers (speedupWhiskers) from its slowest to its fastest run;
// the tool tip lists every point's speed-up with that range.
class SpeedupPlot : public ThemedPlot
{
    Q_OBJECT
public:
    explicit SpeedupPlot(QWidget* parent = nullptr);

    // maxWorkers: the x axis' end (the sweep's largest count, shown before its point is measured).
    void setSweep(const std::vector<ScalingSpread>& points, const AmdahlFit& fit, int cores, int maxWorkers);
    int pointCount() const;
    // Rings the points measured beside other programs' load, with a legend entry saying how much of the machine they
    // took; none (the default) shows neither.
    void setOtherLoadPoints(const std::vector<OtherLoadPoint>& points);
    // Rings the sequential baseline where it stands, 1× at one worker, when other programs loaded its run: every
    // speed-up is measured against it, so its legend entry says so. nullopt (the default) shows neither.
    void setBaselineOtherLoad(std::optional<double> percent);
    // "Amdahl fit: p = 0.93 ± 0.02", or why there is none yet: the legend's words for the fitted curve.
    QString fitText() const;

    void retranslateUi();

protected:
    void applyTheme() override;
    void changeEvent(QEvent* event) override;

private:
    QCPGraph* m_measured = nullptr;
    QCPGraph* m_ideal = nullptr;
    QCPGraph* m_amdahl = nullptr;
    QCPErrorBars* m_whiskers = nullptr;
    QCPGraph* m_otherLoad = nullptr; // "otherLoadPoints"
    double m_otherLoadPercent = 0; // the most of the ringed points, for the legend
    QCPGraph* m_baselineOtherLoad = nullptr; // "baselineOtherLoadPoint"
    double m_baselineOtherLoadPercent = 0;
    QCPItemStraightLine* m_coresLine = nullptr;
    QCPItemText* m_coresLabel = nullptr;
    QSharedPointer<QCPAxisTicker> m_linearTicker;
    QSharedPointer<QCPAxisTicker> m_logTicker;
    AmdahlFit m_fit;
    int m_cores = 0;
    int m_points = 0;
    std::vector<ScalingSpread> m_spreads; // for the tool tip, retranslated
};

} // namespace conlab

#pragma once

#include "core/analysis/amdahl.h"
#include "core/analysis/scalingplan.h"
#include "ui/series/seriesview.h"

namespace conlab {

class SpeedupPlot;

// Scaling sweep (Run > Scaling sweep…): the sequential baseline, then the chosen model at each worker count of its
// ScalingPlan; the measured speed-up against the workers, the ideal, Amdahl's law fitted to the points (its parallel
// fraction in the legend) and the number of cores. Points appear as their runs finish. Exported and copied as one
// picture (Ctrl+S, Ctrl+Shift+C).
class SweepView : public SeriesView
{
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);

    bool runSweep(const ScalingPlan& plan, QString* error = nullptr);
    // A sweep measured elsewhere; results in the order of plan.configs().
    void showSweep(const ScalingPlan& plan, const std::vector<RunResult>& results);
    const ScalingPlan& plan() const { return m_plan; }

    // The points measured so far and Amdahl's law fitted to them.
    std::vector<ScalingPoint> points() const;
    AmdahlFit fit() const;

    Figure figure() override;
    QString fileStem() const override;
    QString stepLabel(int index) const override;

    void retranslateUi();

protected:
    std::vector<ThemedPlot*> plots() const override;
    void showPlan() override;
    void showState() override;
    void changeEvent(QEvent* event) override;

private:
    std::vector<RunResult> finished() const;

    ScalingPlan m_plan;
    SpeedupPlot* m_plot = nullptr;
};

} // namespace conlab

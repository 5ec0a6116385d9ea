#pragma once

#include "ui/series/seriesview.h"

class QSplitter;

namespace conlab {

class CompareBarChart;
class TimelineStack;

// Compare all models (Run > Compare all models, Ctrl+M): the same workload under every model in turn. Above, a bar
// of wall time per model with its speed-up against sequential; below, every model's timeline as small multiples on
// one time scale from 0 to the slowest run's end, so the fast ones look short. Each multiple fills in live while its
// model runs. One picture of all of it is exported or copied (Ctrl+S, Ctrl+Shift+C).
class CompareView : public SeriesView
{
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    Figure figure() override;
    QString fileStem() const override;
    QString stepLabel(int index) const override;

    void retranslateUi();
    // Every model's timeline by core (View > Cores view, C).
    void setCoresView(bool on);

protected:
    std::vector<ThemedPlot*> plots() const override;
    void showPlan() override;
    void beginStep(int index, const RunStart& start) override;
    void appendToStep(int index, const TraceBatch& batch) override;
    void refreshLive() override;
    void endStep(int index) override;
    void showState() override;
    void changeEvent(QEvent* event) override;

private:
    // The first sequential step's summary, when it finished: what every speed-up is measured against.
    const RunSummary* baseline() const;
    // "1.24 s ×1.9", "failed: …", "waiting": what step i's bar and timeline say now.
    QString stepNote(int index) const;
    QString measuredNote(int index) const; // the step's time and speed-up, or why there are none
    void updateSharedRange();

    QSplitter* m_splitter = nullptr;
    CompareBarChart* m_bars = nullptr;
    TimelineStack* m_timelines = nullptr;
};

} // namespace conlab

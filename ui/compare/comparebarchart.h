#pragma once

#include "ui/plots/themedplot.h"

#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// One model's bar: its wall time, or none (failed, stopped, not run) with the note saying which.
struct CompareBar
{
    QString label; // the model, on the axis
    std::optional<double> wallMs; // the median run's when the model ran several times
    // The slowest and fastest of its runs: whiskers (compareWhiskers) when they differ.
    double wallMinMs = 0;
    double wallMaxMs = 0;
    QString note; // beside the bar's end (the time and "×1.9"), or in its place
    bool baseline = false; // sequential: drawn in grey, what the others are measured against
    // Other programs took more than otherLoadWarningPercent of the machine during this run: hatched, the note says
    // how much.
    bool otherLoad = false;
};

// Compare-all's bar chart: one horizontal bar per model, top to bottom in the order run, its wall time and speed-up
// written beside it; a model run several times is its median run's bar, with whiskers from its fastest to its slowest
// run. A step without a time gets no bar (a zero bar would read as "infinitely fast"), only its note.
class CompareBarChart : public ThemedPlot
{
    Q_OBJECT
public:
    explicit CompareBarChart(QWidget* parent = nullptr);

    void setBars(const std::vector<CompareBar>& bars);
    // Bars drawn (steps with a wall time), and the notes written, in order.
    int barCount() const;
    QStringList notes() const;

    void retranslateUi();
    // A line of the model names' font per bar, and the time axis under them: what the names need not to overlap.
    QSize minimumSizeHint() const override;

protected:
    void applyTheme() override;
    void changeEvent(QEvent* event) override;
    void updateLayout() override;

private:
    QCPBars* m_baselineBars = nullptr;
    QCPBars* m_bars = nullptr;
    QCPErrorBars* m_baselineWhiskers = nullptr;
    QCPErrorBars* m_whiskers = nullptr;
    QCPBars* m_otherLoadBars = nullptr; // "otherLoadBars": hatching over the bars of runs beside other programs' load
    std::vector<QCPItemText*> m_notes; // "compareNote1"...: the time and speed-up right of each bar's end
    double m_longestSeconds = 1; // the longest bar or whisker
};

} // namespace conlab

#pragma once

#include "core/import/importreport.h"
#include "core/run/runsummary.h"
#include "core/trace/trace.h"
#include "ui/timeline/timelinemapping.h"
#include "ui/window/modelpicker.h"

#include <QWidget>
#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace conlab {

// The side panel: what the selected model is about in a sentence, then the numbers of the run on screen. Every
// number is measured; a speed-up appears only next to a real sequential run of the same workload.
class MetricsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget* parent = nullptr);

    void setModelChoice(const ModelChoice& choice);
    // Numbers of a run still going would be half-true: they show as pending until it ends.
    void showRunning(const RunConfig& config);
    // `baseline` is a complete sequential run of the same workload, or null when there is none yet.
    void showResult(const RunSummary& summary, const RunSummary* baseline);
    // A trace from another tool has no run numbers: the panel says what the file holds (lanes, segments, counters,
    // time span) and nothing more.
    // report: what reading the file left out, shown in the "Left out" row.
    void showTrace(const QString& path, const Trace& trace, const ImportReport& report);

    QPushButton* baselineButton() const { return m_baselineButton; }
    // The value shown in the row named `name` ("Speed-up", "Counter"...); empty when that row is hidden.
    QString valueOf(const QString& name) const;

    // As wide as each name with its value beside it; the minimum width puts the values under their names.
    QSize sizeHint() const override;

signals:
    void baselineRequested();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // What the panel shows: its texts are derived from this again when the language changes.
    enum class Shown
    {
        Nothing,
        Running,
        Result,
        Trace,
    };
    // What a trace from another tool holds, kept rather than the trace.
    struct TraceFacts
    {
        QString path;
        std::size_t lanes = 0;
        std::size_t segments = 0;
        std::size_t counters = 0;
        std::size_t samples = 0;
        std::optional<TimeRange> spanMs; // milliseconds from the trace's origin; nullopt: no data
        ImportReport import;
    };
    struct RowName
    {
        QLabel* value;
        const char* name;
    };

    void retranslateUi();
    void fillResult();
    void fillTrace();
    // The "Left out" row of a trace, its lines broken to the room the panel has for them.
    void fillLeftOut();
    // The rows only a real interpreter's run has: its version, how it was watched, who held its GIL, how it ended.
    void fillPython(const PythonRunFacts& python);
    void deriveFonts();
    void updateMinimumWidth();
    // Before a run, and while one is going, there are no numbers: every value shows the placeholder.
    void setValuesTo(const QString& placeholder);
    void setRowVisible(QLabel* value, bool visible);
    // The rows of a run's numbers, or those of a trace from another tool.
    void showRowsOf(bool trace);

    QFormLayout* m_form = nullptr;
    QScrollArea* m_scroll = nullptr;
    // Names and values side by side in this language and font (sizeHint()), set with the minimum width.
    int m_sideBySidePx = 0;
    QLabel* m_title = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_wall = nullptr;
    QLabel* m_cpu = nullptr;
    QLabel* m_speedup = nullptr;
    QLabel* m_efficiency = nullptr;
    QLabel* m_memory = nullptr;
    QLabel* m_startup = nullptr;
    QLabel* m_resume = nullptr;
    QLabel* m_tasks = nullptr;
    QLabel* m_checksum = nullptr;
    QLabel* m_uiLatency = nullptr;
    QLabel* m_counter = nullptr;
    QLabel* m_roundTrips = nullptr;
    QLabel* m_migrations = nullptr;
    QLabel* m_gil = nullptr;
    QLabel* m_python = nullptr;
    QLabel* m_gilShare = nullptr;
    QLabel* m_exit = nullptr;
    QLabel* m_output = nullptr;
    QLabel* m_traceFile = nullptr;
    QLabel* m_traceLanes = nullptr;
    QLabel* m_traceSegments = nullptr;
    QLabel* m_traceCounters = nullptr;
    QLabel* m_traceSpan = nullptr;
    QLabel* m_traceLeftOut = nullptr;
    QPushButton* m_baselineButton = nullptr;
    std::vector<RowName> m_rowNames;
    Shown m_shown = Shown::Nothing;
    ModelChoice m_choice;
    std::optional<RunSummary> m_summary;
    std::optional<RunSummary> m_baseline;
    TraceFacts m_trace;
    int m_valueWidth = 0; // pixels: the widest value line the panel's minimum width makes room for
};

} // namespace conlab

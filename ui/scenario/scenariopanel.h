#pragma once

#include "core/scenario/scenario.h"
#include "ui/scenario/scenarioprogress.h"

#include <QWidget>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QScrollArea;
class QToolButton;

namespace conlab {

// The lesson at the side of the window, large enough to read from the back of a classroom: the title, the question to
// ask before running, the steps (the current one highlighted, the ones run with their wall time), the buttons for the
// step, and after a run the explanation and what to look at. Its fonts are relative to the application font, so
// presenter mode enlarges them with the rest. Every text is derived from the scenario and the progress shown, in the
// default QLocale's language.
class ScenarioPanel : public QWidget
{
    Q_OBJECT
public:
    ScenarioPanel(QAction* runStep, QAction* nextStep, QWidget* parent = nullptr);

    // No scenario: a line pointing at the Scenarios menu.
    void showScenario(const std::optional<Scenario>& scenario, const ScenarioProgress& progress);

    std::size_t stepCount() const { return m_steps.size(); }
    // Step `index`: its number, label and, once run, its wall time; the marker beside it (current, or run).
    QLabel* stepLabel(std::size_t index) const { return m_steps.at(index).text; }
    QLabel* stepMarkerLabel(std::size_t index) const { return m_steps.at(index).marker; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateFonts();
    void rebuildSteps();
    // What is shown depends on the state: the question before a run, the explanation after it, the current step.
    void updateLayout();
    QString explanationText() const;
    QString stepMarker(std::size_t index) const;
    QString stepText(std::size_t index) const;
    QString statusText() const;

    std::optional<Scenario> m_scenario;
    ScenarioProgress m_progress;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_questionHeading = nullptr;
    QLabel* m_question = nullptr;
    QLabel* m_stepsHeading = nullptr;
    QWidget* m_stepsBox = nullptr;
    struct StepRow
    {
        QWidget* row;
        QLabel* marker;
        QLabel* text;
    };
    std::vector<StepRow> m_steps;
    QToolButton* m_runButton = nullptr;
    QToolButton* m_nextButton = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_explanationHeading = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_lookAtHeading = nullptr;
    QLabel* m_lookAt = nullptr;
};

} // namespace conlab

#include "ui/scenario/scenariopanel.h"

#include "core/scenario/realstepnumbers.h"
#include "ui/window/durationtext.h"
#include "ui/window/flowlayout.h"
#include "ui/window/verticalscrollarea.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace conlab {

namespace {

// Wide enough for a question of a few lines at any font size; narrower would wrap every other word. Narrow enough
// that the lesson, the plots and the numbers fit a 1024-pixel projector side by side in presenter mode's fonts.
constexpr int minimumWidthChars = 26;

QLabel* textLabel(QWidget* parent, const char* name = nullptr)
{
    auto* label = new QLabel(parent);
    if (name)
        label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFont scaled(QFont font, double factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QToolButton* stepButton(QAction* action, const char* name, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return button;
}

} // namespace

ScenarioPanel::ScenarioPanel(QAction* runStep, QAction* nextStep, QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll = verticalScrollArea(this);
    outer->addWidget(m_scroll);

    auto* content = new QWidget(m_scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 8, 10, 8);
    m_empty = textLabel(content);
    m_title = textLabel(content, "scenarioTitle");
    m_questionHeading = textLabel(content);
    m_question = textLabel(content, "scenarioQuestion");
    m_stepsHeading = textLabel(content);
    m_stepsBox = new QWidget(content);
    auto* stepsLayout = new QVBoxLayout(m_stepsBox);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    stepsLayout->setSpacing(2);
    m_runButton = stepButton(runStep, "runStepButton", content);
    m_nextButton = stepButton(nextStep, "nextStepButton", content);
    // Side by side, or one under the other in a panel narrowed for a small screen.
    auto* buttons = new FlowLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_nextButton);
    m_status = textLabel(content, "scenarioStatus");
    m_explanationHeading = textLabel(content);
    m_explanation = textLabel(content, "scenarioExplanation");
    m_lookAtHeading = textLabel(content);
    m_lookAt = textLabel(content, "scenarioLookAt");

    layout->addWidget(m_empty);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_questionHeading);
    layout->addWidget(m_question);
    layout->addSpacing(6);
    layout->addWidget(m_stepsHeading);
    layout->addWidget(m_stepsBox);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addSpacing(6);
    layout->addWidget(m_explanationHeading);
    layout->addWidget(m_explanation);
    layout->addSpacing(4);
    layout->addWidget(m_lookAtHeading);
    layout->addWidget(m_lookAt);
    layout->addStretch(1);
    m_scroll->setWidget(content);

    updateFonts();
    retranslateUi();
}

void ScenarioPanel::showScenario(const std::optional<Scenario>& scenario, const ScenarioProgress& progress)
{
    const bool sameSteps = scenario && m_scenario && scenario->id == m_scenario->id;
    m_scenario = scenario;
    m_progress = progress;
    if (!sameSteps)
        rebuildSteps();
    updateLayout();
    retranslateUi();
}

void ScenarioPanel::rebuildSteps()
{
    for (const StepRow& step : m_steps)
        delete step.row;
    m_steps.clear();
    if (!m_scenario)
        return;
    for (std::size_t i = 0; i < m_scenario->steps.size(); ++i) {
        // The marker in a column of its own, so a label that wraps keeps its second line under its first.
        StepRow step {new QWidget(m_stepsBox), nullptr, nullptr};
        auto* layout = new QHBoxLayout(step.row);
        layout->setContentsMargins(3, 3, 3, 3);
        step.marker = new QLabel(step.row);
        step.marker->setTextFormat(Qt::PlainText);
        step.marker->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        step.text = textLabel(step.row);
        layout->addWidget(step.marker);
        layout->addWidget(step.text, 1);
        m_stepsBox->layout()->addWidget(step.row);
        m_steps.push_back(step);
    }
}

void ScenarioPanel::updateLayout()
{
    const bool chosen = m_scenario.has_value();
    const bool explained = chosen && m_progress.explained();
    m_empty->setVisible(!chosen);
    for (QWidget* widget :
        std::initializer_list<QWidget*> {m_title, m_stepsHeading, m_stepsBox, m_runButton, m_nextButton, m_status})
        widget->setVisible(chosen);
    // Before a run the class answers the question; after it the question gives its place to the answer.
    m_questionHeading->setVisible(chosen && !explained);
    m_question->setVisible(chosen && !explained);
    for (QWidget* widget : {m_explanationHeading, m_explanation, m_lookAtHeading, m_lookAt})
        widget->setVisible(explained);
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const StepRow& step = m_steps[i];
        const bool current = i == m_progress.current;
        // The highlight of the palette in use: presenter mode's high-contrast one in class.
        step.row->setAutoFillBackground(current);
        step.row->setBackgroundRole(current ? QPalette::Highlight : QPalette::Window);
        for (QLabel* label : {step.marker, step.text}) {
            label->setForegroundRole(current ? QPalette::HighlightedText : QPalette::WindowText);
            label->setFont(scaled(font(), 1.0, current));
        }
    }
}

void ScenarioPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    // Presenter mode changes the application font: the panel's own sizes are relative to it.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void ScenarioPanel::updateFonts()
{
    const QFont base = font();
    m_title->setFont(scaled(base, 1.3, true));
    m_question->setFont(scaled(base, 1.15, false));
    for (QLabel* heading : {m_questionHeading, m_stepsHeading, m_explanationHeading, m_lookAtHeading})
        heading->setFont(scaled(base, 1.0, true));
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        for (QLabel* label : {m_steps[i].marker, m_steps[i].text})
            label->setFont(scaled(base, 1.0, i == m_progress.current));
    }
    setMinimumWidth(fontMetrics().averageCharWidth() * minimumWidthChars);
}

void ScenarioPanel::retranslateUi()
{
    m_empty->setText(tr("Choose a lesson in the Scenarios menu: its question, its steps and, after a run, what the "
                        "run showed appear here."));
    m_questionHeading->setText(tr("Ask the class first"));
    m_stepsHeading->setText(tr("Steps"));
    m_explanationHeading->setText(tr("What the run showed"));
    m_lookAtHeading->setText(tr("What to look at"));
    if (!m_scenario)
        return;
    m_title->setText(m_scenario->text(Scenario::Field::Title));
    m_question->setText(m_scenario->text(Scenario::Field::Question));
    m_explanation->setText(explanationText());
    m_lookAt->setText(m_scenario->text(Scenario::Field::LookAt));
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        m_steps[i].marker->setText(stepMarker(i));
        m_steps[i].text->setText(stepText(i));
    }
    m_status->setText(statusText());
}

QString ScenarioPanel::explanationText() const
{
    // Each real-CPython step that ran adds its paragraph: its numbers from this run beside the emulated step's.
    QStringList paragraphs {m_scenario->text(Scenario::Field::Explanation)};
    for (std::size_t i = 0; i < m_scenario->steps.size(); ++i) {
        if (!m_scenario->steps[i].explanation.en.isEmpty() && i < m_progress.summaries.size()
            && m_progress.summaries[i])
            paragraphs << realStepText(*m_scenario, i, m_progress.summaries);
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString ScenarioPanel::stepMarker(std::size_t index) const
{
    if (index == m_progress.current)
        return QStringLiteral("\u25B6"); // ▶
    // An em space keeps the column as wide for a step not run yet.
    return m_progress.wallMs[index] ? QStringLiteral("\u2713") : QStringLiteral("\u2003"); // ✓
}

QString ScenarioPanel::stepText(std::size_t index) const
{
    const QString text = tr("%1. %2").arg(index + 1).arg(m_scenario->stepLabel(index));
    if (m_progress.running == index)
        return tr("%1: running…").arg(text);
    if (m_progress.wallMs[index])
        return tr("%1: %2").arg(text, durationText(*m_progress.wallMs[index]));
    return text;
}

QString ScenarioPanel::statusText() const
{
    const std::size_t count = m_scenario->steps.size();
    const std::size_t current = m_progress.current;
    const int step = int(current + 1);
    if (m_progress.running)
        return tr("Running step %1 of %2…").arg(*m_progress.running + 1).arg(count);
    if (m_progress.wallMs[current]) {
        const QString done
            = tr("Step %1 of %2 ran in %3.").arg(step).arg(count).arg(durationText(*m_progress.wallMs[current]));
        return current + 1 < count ? tr("%1 Next step: N.").arg(done) : tr("%1 That was the last step.").arg(done);
    }
    return tr("Step %1 of %2 is on the controls: Run step (or Space) runs it.").arg(step).arg(count);
}

} // namespace conlab

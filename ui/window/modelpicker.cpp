#include "ui/window/modelpicker.h"

#include "core/python/exampleknobs.h"
#include "core/run/runconfig.h"
#include "ui/window/flowlayout.h"
#include "ui/window/scriptchooser.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <algorithm>

namespace conlab {

namespace {

struct ButtonModel
{
    ModelKind model;
    bool gil;
};

constexpr std::array<ButtonModel, ModelPicker::buttonCount> buttonModels {{
    {ModelKind::Sequential, false},
    {ModelKind::Processes, false},
    {ModelKind::Threads, false},
    {ModelKind::Threads, true},
    {ModelKind::EventLoop, false},
    {ModelKind::Python, false},
}};

} // namespace

bool ModelChoice::takesExecutor() const
{
    return model == ModelKind::EventLoop || (model == ModelKind::Python && exampleReadsOffload(script));
}

ModelChoice ModelChoice::normalized() const
{
    ModelChoice choice = *this;
    if (!choice.takesExecutor())
        choice.offload = OffloadKind::None;
    if (choice.model != ModelKind::Python)
        choice.script.clear();
    return choice;
}

QString ModelChoice::key() const
{
    const ModelChoice choice = normalized();
    QString key = modelKey(choice.model);
    if (choice.gil)
        key += QStringLiteral("+gil");
    if (choice.offload != OffloadKind::None)
        key += QLatin1Char('+') + offloadKey(choice.offload);
    return key;
}

ModelChoice ModelChoice::fromConfig(const RunConfig& config)
{
    return ModelChoice {config.model, config.gil, config.offload, config.python ? config.python->script : QString()}
        .normalized();
}

void ModelChoice::applyTo(RunConfig& config) const
{
    const ModelChoice choice = normalized();
    config.model = choice.model;
    config.gil = choice.gil;
    config.offload = choice.offload;
    if (choice.model != ModelKind::Python) {
        config.python.reset();
    } else if (!config.python || config.python->script != choice.script) {
        // Another script: its arguments are those of the new one (WorkloadPanel::config), the interpreter stays.
        const QString interpreter = config.python ? config.python->interpreter : QString();
        config.python = PythonScript {choice.script, interpreter, {}};
    }
}

ModelPicker::ModelPicker(QWidget* parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
{
    // The buttons wrap onto a second row where a narrow screen (or a long language) has no room for one.
    auto* layout = new FlowLayout(this);
    m_group->setExclusive(true);
    for (int i = 0; i < buttonCount; ++i) {
        auto* button = new QPushButton(this);
        const ButtonModel& model = buttonModels[std::size_t(i)];
        button->setObjectName(QStringLiteral("model-") + ModelChoice {model.model, model.gil}.key());
        button->setCheckable(true);
        m_buttons[std::size_t(i)] = button;
        m_group->addButton(button, i);
        layout->addWidget(button);

        for (const QKeySequence& keys : {QKeySequence(QKeyCombination(Qt::Key(Qt::Key_1 + i))),
                 QKeySequence(QKeyCombination(Qt::AltModifier, Qt::Key(Qt::Key_1 + i)))}) {
            auto* shortcut = new QShortcut(keys, this);
            shortcut->setContext(Qt::WindowShortcut);
            m_shortcuts[std::size_t(i)].push_back(shortcut);
            connect(shortcut, &QShortcut::activated, this, [this, i] { choose(i); });
        }
    }
    m_buttons[0]->setChecked(true);

    // The executor's label and box wrap together.
    auto* executor = new QWidget(this);
    auto* executorRow = new QHBoxLayout(executor);
    executorRow->setContentsMargins(8, 0, 0, 0);
    m_executorLabel = new QLabel(executor);
    executorRow->addWidget(m_executorLabel);
    m_executor = new QComboBox(executor);
    m_executor->setObjectName(QStringLiteral("executor"));
    for (OffloadKind offload : {OffloadKind::None, OffloadKind::Threads, OffloadKind::Processes})
        m_executor->addItem(QString(), int(offload));
    m_executorLabel->setBuddy(m_executor);
    executorRow->addWidget(m_executor);
    layout->addWidget(executor);
    m_script = new ScriptChooser(this);
    m_script->setObjectName(QStringLiteral("scriptChooser"));
    layout->addWidget(m_script);
    retranslateUi();
    updateExecutorEnabled();

    connect(m_group, &QButtonGroup::idClicked, this, [this] {
        m_extraGil = false;
        updateExecutorEnabled();
        emit modelChosen(choice());
    });
    connect(m_executor, &QComboBox::activated, this, [this] {
        if (choice().takesExecutor())
            emit modelChosen(choice());
    });
    connect(m_script, &ScriptChooser::scriptChosen, this, [this] {
        // Choosing a script is a click on Python: it is what the class wants to see next.
        if (choice().model != ModelKind::Python) {
            m_buttons[std::size_t(buttonCount - 1)]->click();
            return;
        }
        updateExecutorEnabled();
        emit modelChosen(choice());
    });
}

void ModelPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ModelPicker::retranslateUi()
{
    const std::array<QString, buttonCount> texts {
        tr("Sequential"), tr("Processes"), tr("Threads"), tr("Threads + GIL"), tr("Event loop"), tr("Python")};
    const std::array<QString, buttonCount> hints {
        tr("One thread, one task after another: the baseline"),
        tr("Worker processes: every core, own memory each, start-up cost"),
        tr("Threads sharing memory, running in parallel (as C++ threads do)"),
        tr("The same threads, but CPU work must hold one global interpreter lock, as in CPython"),
        tr("One thread running coroutines: waits overlap, nothing runs in parallel"),
        tr("A real CPython interpreter running the chosen script, watched from outside: its GIL, threads and "
           "processes"),
    };
    for (int i = 0; i < buttonCount; ++i) {
        QAbstractButton* button = m_buttons[std::size_t(i)];
        button->setText(texts[std::size_t(i)]);
        button->setToolTip(tr("%1 (key %2 or Alt+%2)").arg(hints[std::size_t(i)]).arg(i + 1));
        // Room around the words in this language: a width fitted to the English label would cut the Russian one.
        button->setMinimumWidth(0);
        button->setMinimumWidth(button->sizeHint().width() + 12);
        // What the shortcuts help says it does.
        for (QShortcut* shortcut : m_shortcuts[std::size_t(i)])
            shortcut->setWhatsThis(tr("Pick %1").arg(texts[std::size_t(i)]));
    }
    m_executorLabel->setText(tr("Executor:"));
    m_executor->setItemText(0, tr("None (CPU blocks the loop)"));
    m_executor->setItemText(1, tr("Thread pool"));
    m_executor->setItemText(2, tr("Process pool"));
    m_executor->setToolTip(tr("The event loop, and Python examples that offload (the blocked loop): where CPU steps "
                              "run, like asyncio's loop.run_in_executor"));
}

ModelChoice ModelPicker::choice() const
{
    const int index = std::max(0, m_group->checkedId());
    const ButtonModel& button = buttonModels[std::size_t(index)];
    const auto offload = static_cast<OffloadKind>(m_executor->currentData().toInt());
    return ModelChoice {button.model, button.gil || m_extraGil, offload, m_script->script()}.normalized();
}

void ModelPicker::setChoice(const ModelChoice& choice)
{
    const ModelChoice normal = choice.normalized();
    m_buttons[std::size_t(indexOf(normal))]->setChecked(true);
    m_extraGil = normal.gil && normal.model != ModelKind::Threads;
    if (normal.model == ModelKind::Python)
        m_script->setScript(normal.script);
    if (normal.takesExecutor())
        m_executor->setCurrentIndex(m_executor->findData(int(normal.offload)));
    updateExecutorEnabled();
}

void ModelPicker::choose(int index)
{
    if (index >= 0 && index < buttonCount)
        m_buttons[std::size_t(index)]->click();
}

QString ModelPicker::label(const ModelChoice& choice)
{
    const ModelChoice normal = choice.normalized();
    QString text;
    switch (normal.model) {
    case ModelKind::Sequential:
        text = tr("Sequential");
        break;
    case ModelKind::Processes:
        text = tr("Processes");
        break;
    case ModelKind::Threads:
        text = tr("Threads");
        break;
    case ModelKind::EventLoop:
        switch (normal.offload) {
        case OffloadKind::None:
            text = tr("Event loop");
            break;
        case OffloadKind::Threads:
            text = tr("Event loop + thread pool");
            break;
        case OffloadKind::Processes:
            text = tr("Event loop + process pool");
            break;
        }
        break;
    case ModelKind::Python:
        text = normal.script.isEmpty() ? tr("Python script")
                                       : tr("Python: %1").arg(ScriptChooser::scriptLabel(normal.script));
        if (normal.offload == OffloadKind::Threads)
            text = tr("%1 + thread pool").arg(text);
        else if (normal.offload == OffloadKind::Processes)
            text = tr("%1 + process pool").arg(text);
        break;
    }
    return normal.gil ? tr("%1 + GIL").arg(text) : text;
}

void ModelPicker::updateExecutorEnabled()
{
    const ModelKind model = buttonModels[std::size_t(std::max(0, m_group->checkedId()))].model;
    m_executor->setEnabled(ModelChoice {model, false, OffloadKind::None, m_script->script()}.takesExecutor());
}

int ModelPicker::indexOf(const ModelChoice& choice) const
{
    for (int i = 0; i < buttonCount; ++i) {
        const ButtonModel& button = buttonModels[std::size_t(i)];
        if (button.model == choice.model && (button.gil == choice.gil || choice.model != ModelKind::Threads))
            return i;
    }
    return 0;
}

} // namespace conlab

#include "ui/window/workloadpanel.h"

#include "core/python/exampleknobs.h"
#include "ui/window/flowlayout.h"
#include "ui/window/scriptchooser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>
#include <limits>

namespace conlab {

namespace {

QDoubleSpinBox* msBox(double min, double max, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(1);
    box->setAccelerated(true);
    return box;
}

// A sequential run of 8 tasks x 250 ms takes 2 s: long enough to watch, short enough for a classroom.
RunConfig defaultConfig()
{
    RunConfig config;
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.tasks = 8;
    config.workload.cpuMs = 250;
    config.workload.ioMs = 100;
    config.workload.phases = 2;
    config.workers = 0;
    return config;
}

// The label's words, without the mnemonic's &, are also its field's name for a screen reader.
void setLabelText(QLabel* label, const QString& text)
{
    label->setText(text);
    label->buddy()->setAccessibleName(QString(text).remove(QLatin1Char('&')));
}

} // namespace

QString WorkloadPanel::kindLabel(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Cpu:
        return tr("CPU-bound");
    case WorkloadKind::Io:
        return tr("I/O-bound (loopback server)");
    case WorkloadKind::Sleep:
        return tr("Sleep");
    case WorkloadKind::Mixed:
        return tr("Mixed CPU + I/O");
    case WorkloadKind::Convoy:
        return tr("Convoy: I/O beside CPU");
    case WorkloadKind::Counter:
        return tr("Shared counter");
    }
    return {};
}

WorkloadPanel::WorkloadPanel(QWidget* parent)
    : QWidget(parent)
{
    m_kind = new QComboBox(this);
    for (WorkloadKind kind : allWorkloadKinds)
        m_kind->addItem(QString(), int(kind));

    m_tasks = new QSpinBox(this);
    m_tasks->setRange(1, limits::maxTasks);
    m_tasks->setAccelerated(true);

    m_workers = new QSpinBox(this);
    m_workers->setRange(0, limits::maxWorkers);

    m_cpuMs = msBox(0, limits::maxPhaseMs, this);
    m_ioMs = msBox(0, limits::maxPhaseMs, this);

    m_phases = new QSpinBox(this);
    m_phases->setRange(1, limits::maxPhases);

    m_increments = new QSpinBox(this);
    m_increments->setRange(1, int(std::min<std::int64_t>(limits::maxIncrements, std::numeric_limits<int>::max())));
    m_increments->setGroupSeparatorShown(true);
    m_increments->setAccelerated(true);
    m_lock = new QCheckBox(this);
    m_yield = new QCheckBox(this);

    m_switchInterval = msBox(minSwitchIntervalMs, limits::maxSwitchIntervalMs, this);

    // What every task does, then the knobs only some workloads and models have; as many rows as the width needs,
    // each label kept beside its field.
    auto* flow = new FlowLayout(this, 6);
    const auto addPair = [this, flow](const char* name, const char* text, QWidget* field) {
        auto* pair = new QWidget(this);
        auto* row = new QHBoxLayout(pair);
        row->setContentsMargins(0, 0, 6, 0);
        auto* label = new QLabel(pair);
        label->setBuddy(field);
        field->setObjectName(QLatin1String(name));
        if (text)
            m_labels.push_back({label, text});
        field->setParent(pair);
        row->addWidget(label);
        row->addWidget(field);
        flow->addWidget(pair);
        return label;
    };
    addPair("workloadKind", QT_TR_NOOP("&Workload"), m_kind);
    addPair("tasks", QT_TR_NOOP("&Tasks"), m_tasks);
    addPair("workers", QT_TR_NOOP("W&orkers"), m_workers);
    addPair("cpuMs", QT_TR_NOOP("&CPU"), m_cpuMs);
    // Its words follow the workload kind: updateEnabled() sets them.
    m_ioLabel = addPair("ioMs", nullptr, m_ioMs);
    addPair("phases", QT_TR_NOOP("P&hases"), m_phases);
    addPair("increments", QT_TR_NOOP("I&ncrements"), m_increments);
    m_lock->setObjectName(QStringLiteral("lock"));
    flow->addWidget(m_lock);
    m_yield->setObjectName(QStringLiteral("yield"));
    flow->addWidget(m_yield);
    addPair("switchInterval", QT_TR_NOOP("&Switch interval"), m_switchInterval);

    retranslateUi();
    setConfig(defaultConfig());

    connect(m_kind, &QComboBox::activated, this, [this] {
        updateEnabled();
        emit changed();
    });
    for (QSpinBox* box : {m_tasks, m_workers, m_phases, m_increments})
        connect(box, &QSpinBox::valueChanged, this, &WorkloadPanel::changed);
    for (QDoubleSpinBox* box : {m_cpuMs, m_ioMs, m_switchInterval})
        connect(box, &QDoubleSpinBox::valueChanged, this, &WorkloadPanel::changed);
    for (QCheckBox* box : {m_lock, m_yield})
        connect(box, &QCheckBox::toggled, this, &WorkloadPanel::changed);
}

void WorkloadPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WorkloadPanel::retranslateUi()
{
    for (const FieldLabel& field : m_labels)
        setLabelText(field.label, tr(field.text));
    for (WorkloadKind kind : allWorkloadKinds)
        m_kind->setItemText(m_kind->findData(int(kind)), kindLabel(kind));
    m_kind->setToolTip(tr("What every task does: compute, wait for a server, sleep, alternate CPU and I/O, make\n"
                          "round trips beside a CPU-bound task (the convoy), or increment one shared counter"));
    m_tasks->setToolTip(tr("Number of tasks in the workload (the convoy always has two)"));
    m_workers->setSpecialValueText(tr("auto"));
    m_workers->setToolTip(tr("Threads or processes in the pool; for the event loop, tasks in flight at once.\n"
                             "auto: one per core (event loop: every task at once)"));
    for (QDoubleSpinBox* box : {m_cpuMs, m_ioMs, m_switchInterval})
        box->setSuffix(tr(" ms"));
    m_cpuMs->setToolTip(tr("Milliseconds of real computation per task (mixed: per phase), on this machine"));
    m_ioMs->setToolTip(tr("How long the server takes to answer (or the sleep lasts), per task (mixed: per phase;\n"
                          "convoy: per round trip)"));
    m_phases->setToolTip(tr("Mixed workload: CPU + I/O phase pairs per task"));
    m_increments->setToolTip(tr("Shared counter: how many times each task adds one to the counter"));
    m_lock->setText(tr("&Lock each update"));
    m_lock->setToolTip(tr("Shared counter: hold a lock around every read-modify-write, so no update is lost"));
    m_yield->setText(tr("&Await between read and write"));
    m_yield->setToolTip(tr("Shared counter, event loop: await between reading and writing the counter; another\n"
                           "task runs in between, so updates are lost even on one thread"));
    m_switchInterval->setToolTip(tr("With the GIL: how long a thread may keep it while another waits for it\n"
                                    "(CPython's sys.setswitchinterval; default 5 ms)"));
    m_toolTips.clear();
    for (QWidget* field : fields())
        m_toolTips.emplace_back(field, field->toolTip());
    updateEnabled();
}

RunConfig WorkloadPanel::config(const ModelChoice& choice) const
{
    RunConfig config = m_base;
    const ModelChoice normal = choice.normalized();
    normal.applyTo(config);
    WorkloadSpec& workload = config.workload;
    workload.kind = kind();
    workload.tasks = m_tasks->value();
    workload.cpuMs = m_cpuMs->value();
    workload.ioMs = m_ioMs->value();
    workload.phases = m_phases->value();
    workload.increments = m_increments->value();
    workload.lock = workload.kind == WorkloadKind::Counter && m_lock->isChecked();
    workload.yieldBetween
        = workload.kind == WorkloadKind::Counter && normal.model == ModelKind::EventLoop && m_yield->isChecked();
    // The convoy is two workers side by side whatever the box says; "auto" is how the engine spells that.
    config.workers = workload.kind == WorkloadKind::Convoy ? 0 : m_workers->value();
    config.switchIntervalMs = m_switchInterval->value();
    if (normal.model == ModelKind::Python && config.python) {
        // A shipped example stands for a workload of its own: the kind on screen does not change what it does.
        if (const auto example = exampleKnobs(config.python->script)) {
            workload.kind = example->workload;
            workload.lock = example->reads(ScriptKnob::Lock) && m_lock->isChecked();
            config.workers = example->reads(ScriptKnob::Workers) ? m_workers->value() : 0;
        }
        config.python->arguments = exampleArguments(config.python->script, config);
    }
    return config;
}

void WorkloadPanel::setConfig(const RunConfig& config)
{
    m_base = config;
    const QSignalBlocker blockers[] = {QSignalBlocker(m_kind), QSignalBlocker(m_tasks), QSignalBlocker(m_workers),
        QSignalBlocker(m_cpuMs), QSignalBlocker(m_ioMs), QSignalBlocker(m_phases), QSignalBlocker(m_increments),
        QSignalBlocker(m_lock), QSignalBlocker(m_yield), QSignalBlocker(m_switchInterval)};
    m_kind->setCurrentIndex(m_kind->findData(int(config.workload.kind)));
    m_tasks->setValue(config.workload.tasks);
    m_workers->setValue(config.workers);
    m_cpuMs->setValue(config.workload.cpuMs);
    m_ioMs->setValue(config.workload.ioMs);
    m_phases->setValue(config.workload.phases);
    m_increments->setValue(int(std::min<std::int64_t>(config.workload.increments, m_increments->maximum())));
    m_lock->setChecked(config.workload.lock);
    m_yield->setChecked(config.workload.yieldBetween);
    m_switchInterval->setValue(config.switchIntervalMs);
    m_choice = ModelChoice::fromConfig(config);
    updateEnabled();
}

void WorkloadPanel::setModelChoice(const ModelChoice& choice)
{
    m_choice = choice.normalized();
    updateEnabled();
}

WorkloadKind WorkloadPanel::kind() const
{
    return static_cast<WorkloadKind>(m_kind->currentData().toInt());
}

std::vector<QWidget*> WorkloadPanel::fields() const
{
    return {m_kind, m_tasks, m_workers, m_cpuMs, m_ioMs, m_phases, m_increments, m_lock, m_yield, m_switchInterval};
}

void WorkloadPanel::updateEnabled()
{
    for (const auto& [field, tip] : m_toolTips)
        field->setToolTip(tip);
    if (m_choice.model == ModelKind::Python) {
        updatePythonEnabled();
        return;
    }
    const WorkloadKind current = kind();
    const bool counter = current == WorkloadKind::Counter;
    const bool convoy = current == WorkloadKind::Convoy;
    m_tasks->setEnabled(!convoy);
    m_workers->setEnabled(!convoy && m_choice.model != ModelKind::Sequential);
    m_cpuMs->setEnabled(current == WorkloadKind::Cpu || current == WorkloadKind::Mixed || convoy);
    m_ioMs->setEnabled(
        current == WorkloadKind::Io || current == WorkloadKind::Sleep || current == WorkloadKind::Mixed || convoy);
    m_phases->setEnabled(current == WorkloadKind::Mixed);
    m_increments->setEnabled(counter);
    m_lock->setEnabled(counter);
    m_yield->setEnabled(counter && m_choice.model == ModelKind::EventLoop);
    setLabelText(m_ioLabel, current == WorkloadKind::Sleep ? tr("Sl&eep") : tr("&I/O"));
    m_switchInterval->setEnabled(m_choice.gil);
}

void WorkloadPanel::updatePythonEnabled()
{
    // A script is passed only the settings it reads, as arguments; the rest are disabled, saying why.
    const auto example = exampleKnobs(m_choice.script);
    const QString script = ScriptChooser::scriptLabel(m_choice.script);
    const auto set = [&](QWidget* field, bool enabled) {
        field->setEnabled(enabled);
        if (enabled)
            return;
        field->setToolTip(example ? tr("%1 does not read this setting").arg(script)
                                  : tr("A script of your own gets no arguments from conlab: it may read the settings "
                                       "from the CONLAB_TASKS, CONLAB_WORKERS, CONLAB_CPU_MS, CONLAB_IO_MS and "
                                       "CONLAB_INCREMENTS environment variables"));
    };
    const auto reads = [&example](ScriptKnob knob) { return example && example->reads(knob); };
    set(m_kind, false);
    m_kind->setToolTip(tr("The script decides what its tasks do"));
    // An example stands for a workload: the box names it, and an emulated model clicked next runs the same.
    if (example) {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(int(example->workload)));
    }
    set(m_tasks, reads(ScriptKnob::Tasks));
    set(m_workers, reads(ScriptKnob::Workers));
    set(m_cpuMs, reads(ScriptKnob::CpuMs));
    set(m_ioMs, reads(ScriptKnob::IoMs));
    set(m_phases, false);
    set(m_increments, reads(ScriptKnob::Increments));
    set(m_lock, reads(ScriptKnob::Lock));
    set(m_yield, false);
    set(m_switchInterval, false);
    m_switchInterval->setToolTip(tr("A real interpreter keeps its own switch interval (sys.setswitchinterval)"));
    m_ioLabel->setText(tr("&I/O"));
}

} // namespace conlab

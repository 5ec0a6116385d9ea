#include "ui/series/seriesactions.h"

#include "core/analysis/compareplan.h"
#include "core/analysis/scalingplan.h"
#include "core/run/seriesrunner.h"
#include "core/sampling/usablecores.h"
#include "ui/compare/compareview.h"
#include "ui/sweep/sweepview.h"
#include "ui/window/presentermode.h"
#include "ui/window/runsession.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QWidget>
#include <QWidgetAction>
#include <utility>

namespace conlab {

namespace {

constexpr int messageTimeoutMs = 10'000;
const QString withPythonKey = QStringLiteral("compareWithPython");
const QString repeatKey = QStringLiteral("seriesRepeat");
// Three runs give a median that one noisy run cannot drag, at three times the wait.
constexpr int defaultRepeat = 3;

} // namespace

SeriesActions::SeriesActions(
    QWidget* window, RunSession* session, std::function<RunConfig()> config, PresenterMode* presenter)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_config(std::move(config))
    , m_presenter(presenter)
    , m_compare(new QAction(window))
    , m_sweep(new QAction(window))
    , m_withPython(new QAction(window))
    , m_repeatAction(new QWidgetAction(window))
{
    setObjectName(QStringLiteral("seriesActions"));
    m_compare->setObjectName(QStringLiteral("compareAll"));
    m_sweep->setObjectName(QStringLiteral("scalingSweep"));
    m_withPython->setObjectName(QStringLiteral("compareWithPythonAction"));
    m_withPython->setCheckable(true);
    m_withPython->setChecked(QSettings().value(withPythonKey, false).toBool());
    connect(m_withPython, &QAction::toggled, this, [](bool on) { QSettings().setValue(withPythonKey, on); });
    auto* repeatRow = new QWidget(window);
    m_repeatLabel = new QLabel(repeatRow);
    m_repeat = new QSpinBox(repeatRow);
    m_repeat->setObjectName(QStringLiteral("repeatEachPoint"));
    m_repeatAction->setObjectName(QStringLiteral("repeatEachPointAction"));
    m_repeat->setRange(1, limits::maxRepeat);
    m_repeat->setValue(QSettings().value(repeatKey, defaultRepeat).toInt());
    m_repeatLabel->setBuddy(m_repeat);
    connect(m_repeat, &QSpinBox::valueChanged, this, [](int times) { QSettings().setValue(repeatKey, times); });
    auto* repeatLayout = new QHBoxLayout(repeatRow);
    repeatLayout->setContentsMargins(8, 2, 8, 2);
    repeatLayout->addWidget(m_repeatLabel, 1);
    repeatLayout->addWidget(m_repeat);
    m_repeatAction->setDefaultWidget(repeatRow);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_compare, &QAction::triggered, this, &SeriesActions::compareAll);
    connect(m_sweep, &QAction::triggered, this, &SeriesActions::sweep);
    // The newest request wins, as between models: a run started in the window ends the series.
    // A run's start is reported when its model begins, after calibration: a run the series has just stopped may
    // still report it, and that one must not end the series waiting for it.
    connect(m_session, &RunSession::runStarted, this, [this] {
        if (!m_stoppingWindowRun)
            cancelSeries();
    });
    connect(m_session, &RunSession::runFinished, this, [this] {
        m_stoppingWindowRun = false;
        startPending();
    });
    connect(m_presenter, &PresenterMode::toggled, this, [this] {
        for (SeriesView* view : views()) {
            if (view)
                view->setTheme(m_presenter->theme());
        }
    });
    window->installEventFilter(this);
    retranslateUi();
}

bool SeriesActions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslateUi();
        update();
    }
    return QObject::eventFilter(watched, event);
}

void SeriesActions::compareAll()
{
    const std::vector<RunConfig> configs = compareConfigs(m_config(), m_withPython->isChecked());
    if (!m_compareView) {
        m_compareView = adopt(new CompareView(m_window));
        // One setting for every timeline: a user who pressed C to see the cores expects Compare's runs by core too,
        // and pressing C there switches the window's view with it.
        if (m_coresView) {
            m_compareView->addAction(m_coresView);
            m_compareView->setCoresView(m_coresView->isChecked());
            connect(m_coresView, &QAction::toggled, m_compareView, &CompareView::setCoresView);
        }
    }
    CompareView* view = m_compareView;
    runInView(
        view, [view, configs](QString* error) { return view->run(configs, error); },
        tr("Could not compare the models: %1"));
}

void SeriesActions::sweep()
{
    const RunConfig config = m_config();
    const QString refusal = sweepRefusal(config);
    QString planError;
    const std::optional<ScalingPlan> plan
        = refusal.isEmpty() ? planScaling(config, usableCores(), &planError) : std::nullopt;
    if (!plan) {
        emit message(refusal.isEmpty() ? tr("Could not plan the sweep: %1").arg(planError) : refusal, messageTimeoutMs);
        return;
    }
    if (!m_sweepView)
        m_sweepView = adopt(new SweepView(m_window));
    SweepView* view = m_sweepView;
    runInView(
        view, [view, plan](QString* error) { return view->runSweep(*plan, error); }, tr("Could not run the sweep: %1"));
}

void SeriesActions::update()
{
    const RunConfig config = m_config();
    const QString refusal = sweepRefusal(config);
    m_sweep->setEnabled(refusal.isEmpty());
    if (refusal.isEmpty()) {
        const std::vector<int> counts = sweepWorkerCounts(config.workload.kind, config.workload.tasks, usableCores());
        m_sweep->setToolTip(tr("Run a sequential baseline, then this model with 1 to %1 workers, and plot the "
                               "speed-up against the ideal and Amdahl's law (Ctrl+Shift+M)")
                                .arg(counts.empty() ? 1 : counts.back()));
    } else {
        m_sweep->setToolTip(refusal);
    }
}

QString SeriesActions::sweepRefusal(const RunConfig& config) const
{
    if (config.model == ModelKind::Sequential)
        return tr("Sequential runs on one thread: there are no workers to vary. Pick processes or threads.");
    if (config.workload.kind == WorkloadKind::Convoy)
        return tr("The convoy is always one CPU task beside one I/O task on two workers: there is nothing to sweep.");
    return {};
}

template <typename View> View* SeriesActions::adopt(View* view)
{
    view->setTheme(m_presenter->theme());
    connect(&view->runner(), &SeriesRunner::finished, this, &SeriesActions::startPending);
    return view;
}

void SeriesActions::runInView(SeriesView* view, std::function<bool(QString*)> run, const QString& failure)
{
    showView(view);
    // Asked again while it runs: showing it is all there is to do.
    if (view->isRunning())
        return;
    m_pending = [this, view, repeat = m_repeat->value(), run = std::move(run), failure] {
        view->runner().setRepeat(repeat);
        QString error;
        if (!run(&error))
            emit message(failure.arg(error), messageTimeoutMs);
    };
    // One run at a time: whatever else runs is stopped (within 200 ms), and the series starts once all have ended.
    m_stoppingWindowRun = m_session->isRunning();
    m_session->stop();
    for (SeriesView* other : views()) {
        if (other && other != view)
            other->cancel();
    }
    startPending();
}

void SeriesActions::startPending()
{
    if (!m_pending || m_session->isRunning())
        return;
    for (SeriesView* view : views()) {
        if (view && view->isRunning())
            return;
    }
    std::exchange(m_pending, {})();
}

std::array<SeriesView*, 2> SeriesActions::views() const
{
    return {m_compareView, m_sweepView};
}

void SeriesActions::showView(QWidget* view)
{
    view->show();
    view->raise();
    view->activateWindow();
}

void SeriesActions::cancelSeries()
{
    m_pending = nullptr;
    for (SeriesView* view : views()) {
        if (view)
            view->cancel();
    }
}

void SeriesActions::retranslateUi()
{
    m_compare->setText(tr("Compare &all models"));
    m_compare->setToolTip(
        tr("Run this workload under every model in turn and compare wall time and speed-up (Ctrl+M)"));
    m_sweep->setText(tr("Scaling s&weep…"));
    m_repeatLabel->setText(tr("&Repeat each point:"));
    m_repeat->setSuffix(tr(" ×"));
    const QString repeatTip = tr("Compare all models and the scaling sweep run each point this many times and show "
                                 "the median, with whiskers from the slowest to the fastest run");
    m_repeat->setToolTip(repeatTip);
    m_repeatLabel->setToolTip(repeatTip);
    m_repeat->setAccessibleName(tr("Repeat each point"));
    m_withPython->setText(tr("Compare with real &CPython too"));
    m_withPython->setToolTip(tr("Compare all models adds the shipped Python examples that run this workload under a "
                                "real CPython interpreter: threads, processes and asyncio, on the same time axis"));
}

} // namespace conlab

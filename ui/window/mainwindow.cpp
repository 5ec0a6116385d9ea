#include "ui/window/mainwindow.h"

#include "core/python/scriptsource.h"
#include "ui/export/figurefilename.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/scenario/scenariocontroller.h"
#include "ui/series/seriesactions.h"
#include "ui/window/durationtext.h"
#include "ui/window/foldingpanel.h"
#include "ui/window/languagemenu.h"
#include "ui/window/metricspanel.h"
#include "ui/window/presentermode.h"
#include "ui/window/runfileactions.h"
#include "ui/window/runsession.h"
#include "ui/window/runtexts.h"
#include "ui/window/shortcutshelp.h"
#include "ui/window/sourcepane.h"
#include "ui/window/windowbody.h"
#include "ui/window/workloadpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace conlab {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new RunSession(this))
{
    m_files = new RunFileActions(this);

    m_body = new WindowBody(this);
    m_timeline = m_body->timeline();
    createActions();
    m_metrics = new MetricsPanel(this);
    m_metrics->setObjectName(QStringLiteral("metricsPanel"));
    // In presenter mode on a projector narrower than 1280 pixels the lesson and the plots need the width: the numbers
    // fold away until F8 brings them back.
    m_metricsFold = new FoldingPanel(
        m_metrics, QKeySequence(Qt::Key_F8), [](QSize size) { return size.width() >= 1280; }, this);

    // The script behind a Python run, between the plots and the numbers.
    m_source = new SourcePane(this);
    m_source->setObjectName(QStringLiteral("sourcePane"));
    m_source->setMinimumWidth(200);
    m_source->hide();

    m_body->addPanes(m_source, m_metrics);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 0);
    layout->addWidget(createTopBar());
    m_viewMenu->insertActions(m_panelsSeparator, {m_workloadFold->action(), m_metricsFold->action()});
    layout->addWidget(m_body, 1);
    setCentralWidget(central);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("runState"));
    m_latency = new QLabel(this);
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_latency);

    connect(m_picker, &ModelPicker::modelChosen, this, &MainWindow::onModelChosen);
    connect(m_picker, &ModelPicker::modelChosen, m_series, &SeriesActions::update);
    connect(m_workload, &WorkloadPanel::changed, this, [this] {
        if (!m_session->isRunning())
            setState([] { return tr("Settings changed: press Space to run them, or click a model."); });
    });
    connect(m_metrics, &MetricsPanel::baselineRequested, this,
        [this] { m_session->runBaseline(m_workload->config(m_picker->choice())); });
    connect(m_session, &RunSession::runStarted, this, &MainWindow::onRunStarted);
    connect(m_session, &RunSession::batch, m_body, &WindowBody::appendBatch);
    connect(m_session, &RunSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_session, &RunSession::resultRestored, this, &MainWindow::onResultRestored);
    connect(m_session, &RunSession::runRejected, this, &MainWindow::onRunRejected);

    connect(m_pictures, &PictureActions::message, statusBar(), &QStatusBar::showMessage);

    m_tick.setInterval(33);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::tick);
    setState([] { return tr("Ready: pick a model, or press Space to run."); });
    retranslateUi();
    updateActions();
    // Never larger than the screen: a 1366x768 laptop gets all of the window.
    QSize initial(1360, 820);
    if (const QScreen* shown = screen())
        initial = initial.boundedTo(shown->availableGeometry().size());
    resize(initial);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_runAction = new QAction(this);
    m_runAction->setObjectName(QStringLiteral("run"));
    m_runAction->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_F5)});
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runCurrent);

    // Space toggles: Run and Stop share it, and only one of them is enabled at a time.
    m_stopAction = new QAction(this);
    m_stopAction->setObjectName(QStringLiteral("stop"));
    m_stopAction->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::Key_Space)});
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRun);

    m_resetZoomAction = new QAction(this);
    m_resetZoomAction->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(Qt::CTRL | Qt::Key_0)});
    connect(m_resetZoomAction, &QAction::triggered, m_body, &WindowBody::fitPlots);

    m_coresViewAction = new QAction(this);
    m_coresViewAction->setObjectName(QStringLiteral("coresViewAction"));
    m_coresViewAction->setCheckable(true);
    m_coresViewAction->setShortcut(QKeySequence(Qt::Key_C));
    connect(m_coresViewAction, &QAction::toggled, this, [this](bool on) {
        m_timeline->setCoresView(on);
        m_timeline->replot(QCustomPlot::rpQueuedReplot);
    });

    PictureSource pictures;
    pictures.available = [this] { return canExportPicture(); };
    pictures.figure
        = [this](FigureContent content, bool visibleWindowOnly) { return pictureOf(content, visibleWindowOnly); };
    pictures.fileStem = [this] { return runFileStem(captionFacts()); };
    pictures.zoomedWindow = [this] { return zoomedWindow(); };
    pictures.offersContent = true;
    m_pictures = new PictureActions(this, std::move(pictures));

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_files->openAction());
    m_fileMenu->addMenu(m_files->recentMenu());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_files->saveAction());
    m_fileMenu->addAction(m_pictures->exportAction());
    m_fileMenu->addAction(m_files->segmentsCsvAction());
    m_fileMenu->addAction(m_files->samplesCsvAction());
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_pictures->copyAction());
    m_runMenu = menuBar()->addMenu(QString());
    m_runMenu->addAction(m_runAction);
    m_runMenu->addAction(m_stopAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_resetZoomAction);
    m_viewMenu->addAction(m_coresViewAction);
    m_sourceAction = new QAction(this);
    m_sourceAction->setCheckable(true);
    m_sourceAction->setChecked(true);
    m_sourceAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_sourceAction, &QAction::toggled, this, &MainWindow::updateSourceVisible);
    m_viewMenu->addAction(m_sourceAction);

    m_presenter = new PresenterMode(this, {m_timeline, m_body->utilisation()}, m_stopAction);
    // The lane names' width follows the theme's fonts.
    connect(m_presenter, &PresenterMode::toggled, m_body, &WindowBody::alignTimeAxes);
    connect(m_presenter, &PresenterMode::toggled, this, &MainWindow::fitPresenterScreen);
    connect(m_presenter, &PresenterMode::toggled, this, [this] { m_source->followApplicationFont(); });
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presenter->action());
    // The panels' actions come here once the panels exist (see the constructor).
    m_panelsSeparator = m_viewMenu->addSeparator();
    m_viewMenu->addMenu(new LanguageMenu(m_viewMenu));

    m_scenarios = new ScenarioController(this);
    menuBar()->addMenu(m_scenarios->menu());
    m_series = new SeriesActions(
        this, m_session, [this] { return currentConfig(); }, m_presenter);
    m_series->setCoresViewAction(m_coresViewAction);
    connect(m_series, &SeriesActions::message, statusBar(), &QStatusBar::showMessage);
    m_runMenu->addSeparator();
    m_runMenu->addActions(
        {m_series->compareAction(), m_series->withPythonAction(), m_series->sweepAction(), m_series->repeatAction()});
    m_runMenu->setToolTipsVisible(true); // a disabled sweep says why

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcutsHelp);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_shortcutsAction);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    m_runAction->setText(tr("&Run"));
    m_runAction->setToolTip(tr("Run the chosen model on this workload (Space or F5)"));
    m_stopAction->setText(tr("&Stop"));
    m_stopAction->setToolTip(tr("Stop the run (Esc or Space)"));
    m_resetZoomAction->setText(tr("&Reset zoom"));
    m_coresViewAction->setText(tr("&Cores view"));
    m_coresViewAction->setToolTip(tr("Show the timeline by core: a lane per core, each bar the worker that ran on "
                                     "it, coloured by worker, idle time left empty (C)"));
    m_workloadFold->action()->setText(tr("&Workload controls"));
    m_workloadFold->action()->setToolTip(tr("Show or hide the workload controls under the model buttons (F9)"));
    m_metricsFold->action()->setText(tr("&Numbers panel"));
    m_metricsFold->action()->setToolTip(tr("Show or hide the run's numbers beside the plots (F8)"));
    m_sourceAction->setText(tr("&Script source"));
    m_sourceAction->setToolTip(tr("Show or hide the Python script beside the plots (F6)"));
    m_quitAction->setText(tr("&Quit"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_runMenu->setTitle(tr("&Run", "menu"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_latency->setToolTip(tr("How late the window's own 10 ms heartbeat fires: the delay a click would see"));
    // What depends on the run on screen is said again from that state, in the new words.
    m_state->setText(m_stateText());
    if (m_latencyStats)
        showLatency(*m_latencyStats);
    updateTitle();
}

void MainWindow::setState(std::function<QString()> text)
{
    m_stateText = std::move(text);
    m_state->setText(m_stateText());
}

QString MainWindow::runningLabel() const
{
    return m_runningBaseline ? tr("Sequential baseline") : ModelPicker::label(m_runningChoice);
}

void MainWindow::showShortcutsHelp()
{
    if (!m_shortcutsHelp)
        m_shortcutsHelp = new ShortcutsHelp(this);
    m_shortcutsHelp->show();
    m_shortcutsHelp->raise();
    m_shortcutsHelp->activateWindow();
}

QWidget* MainWindow::createTopBar()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 4);

    auto* modelRow = new QHBoxLayout;
    m_picker = new ModelPicker(bar);
    m_picker->setObjectName(QStringLiteral("modelPicker"));
    // The buttons wrap in the room left of Run and Stop.
    modelRow->addWidget(m_picker, 1);
    for (QAction* action : {m_runAction, m_stopAction}) {
        auto* button = new QToolButton(bar);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setMinimumWidth(80);
        modelRow->addWidget(button, 0, Qt::AlignTop);
    }
    rows->addLayout(modelRow);

    m_workload = new WorkloadPanel(bar);
    m_workload->setObjectName(QStringLiteral("workloadPanel"));
    m_workload->setModelChoice(m_picker->choice());
    rows->addWidget(m_workload);
    // On a projector shorter than 1000 pixels, presenter mode's fonts leave no room for the workload controls beside a
    // timeline the class can read: they fold away until F9 brings them back.
    m_workloadFold = new FoldingPanel(
        m_workload, QKeySequence(Qt::Key_F9), [](QSize size) { return size.height() >= 1000; }, this);
    return bar;
}

void MainWindow::sharePlotHeight()
{
    m_body->sharePlotHeight(m_presenter->isOn());
}

void MainWindow::fitPresenterScreen(bool on)
{
    for (FoldingPanel* panel : {m_workloadFold, m_metricsFold})
        panel->setPresenter(on, size());
    sharePlotHeight();
    m_body->fitNumbersWidth();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    for (FoldingPanel* panel : {m_workloadFold, m_metricsFold})
        panel->fit(size());
    // Presenter mode is entered before the window is shown (--presenter), when the plots have no height to share
    // yet: the shares are set again once the full screen has its size and the layout has given it to the plots.
    if (m_presenter->isOn())
        QMetaObject::invokeMethod(this, &MainWindow::sharePlotHeight, Qt::QueuedConnection);
    // The numbers' width is fitted when the window opens and in presenter mode; at the desk it stays where the user
    // dragged it.
    if (m_presenter->isOn() || !m_body->numbersFitted())
        QMetaObject::invokeMethod(m_body, &WindowBody::fitNumbersWidth, Qt::QueuedConnection);
}

void MainWindow::setRunConfig(const RunConfig& config)
{
    m_picker->setChoice(ModelChoice::fromConfig(config));
    m_workload->setConfig(config);
    m_metrics->setModelChoice(ModelChoice::fromConfig(config));
}

RunConfig MainWindow::currentConfig() const
{
    return m_workload->config(m_picker->choice());
}

void MainWindow::runCurrent()
{
    m_session->run(currentConfig());
}

void MainWindow::stopRun()
{
    m_session->stop();
}

void MainWindow::refreshPlotsNow()
{
    m_body->refreshAndReplot();
}

void MainWindow::showScriptSource(const RunConfig& config, const std::optional<QString>& savedSource)
{
    if (config.model != ModelKind::Python || !config.python) {
        m_source->showSource({}, {});
    } else {
        // A saved run shows the code it ran; a file from before that was kept, the script as it is now.
        const QString script = config.python->script;
        const std::optional<QString> source = savedSource ? savedSource : readScriptSource(script);
        m_source->showSource(QFileInfo(script).fileName(),
            source ? *source : tr("# The script's source is not at hand: %1").arg(QDir::toNativeSeparators(script)));
    }
    updateSourceVisible();
}

void MainWindow::updateSourceVisible()
{
    m_source->setVisible(m_sourceAction->isChecked() && !m_source->sourceName().isEmpty());
}

void MainWindow::setCoresView(bool on)
{
    m_coresViewAction->setChecked(on);
}

void MainWindow::fitPlots()
{
    m_body->fitPlots();
}

QString MainWindow::stateText() const
{
    return m_state->text();
}

QString MainWindow::latencyText() const
{
    return m_latency->text();
}

bool MainWindow::canExportPicture() const
{
    return m_shown.has_value() || m_session->isRunning();
}

CaptionFacts MainWindow::captionFacts() const
{
    if (m_shown)
        return savedRunCaptionFacts(m_shown->run, QFileInfo(m_shown->sourceFile).fileName());
    CaptionFacts facts;
    if (m_liveConfig) {
        facts.config = m_liveConfig;
        facts.date = m_liveDate;
    }
    return facts;
}

Figure MainWindow::pictureOf(FigureContent content, bool visibleWindowOnly)
{
    return m_body->picture(content, captionFacts(), visibleWindowOnly);
}

std::optional<TimeRange> MainWindow::zoomedWindow() const
{
    return m_body->zoomedWindow();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // The engine stops within 200 ms of the cancel; the controller's destructor reaps it when the window goes.
    m_session->stop();
    m_tick.stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::onModelChosen(const ModelChoice& choice)
{
    m_workload->setModelChoice(choice);
    if (m_session->isRunning())
        setState([choice] { return tr("Stopping the run to start %1…").arg(ModelPicker::label(choice)); });
    m_session->choose(m_workload->config(choice));
}

void MainWindow::onRunStarted(const RunStart& start)
{
    m_runningBaseline = m_session->isBaselineRun();
    m_runningChoice = ModelChoice::fromConfig(start.config);
    m_shown.reset();
    m_liveConfig = start.config;
    m_liveDate = QDate::currentDate();
    m_body->startRun(start);
    showScriptSource(start.config);
    m_metrics->showRunning(start.config);
    m_runClock.start();
    m_tick.start();
    updateActions();
    tick();
}

void MainWindow::openRunFile(const QString& path)
{
    m_files->open(path);
}

void MainWindow::showSavedRun(const QString& path, const SavedRun& run)
{
    if (!run.trace)
        return;
    m_liveConfig.reset();
    m_shown = ShownRun {run, path};
    m_body->showTrace(run.trace, run.summary ? &*run.summary : nullptr);
    m_body->refreshAndReplot();
    // The latency in the status bar is this window's own; the file's is in the side panel.
    m_latency->clear();
    m_latencyStats.reset();
    const QString name = QFileInfo(path).fileName();
    if (run.summary) {
        const RunSummary& summary = *run.summary;
        setRunConfig(summary.config);
        showScriptSource(summary.config, run.scriptSource);
        m_metrics->showResult(summary, run.baseline ? &*run.baseline : nullptr);
        // A sequential run measured now, perhaps on another machine, would not be the baseline of this record.
        m_metrics->baselineButton()->hide();
        setState([name, summary] {
            return tr("Opened %1. %2 Press Space to run it again.")
                .arg(name, outcomeText(ModelPicker::label(ModelChoice::fromConfig(summary.config)), summary));
        });
    } else {
        showScriptSource(RunConfig {});
        m_metrics->showTrace(path, *run.trace, run.import);
        const int lanes = int(run.trace->lanes.size());
        const bool empty = run.trace->lanes.empty() && run.trace->counterNames.empty();
        setState([name, lanes, empty, report = run.import] {
            QStringList text {tr("Opened %1: a trace from another tool, %n lane(s).", nullptr, lanes).arg(name)};
            text << skippedLines(report);
            if (report.endedEarly)
                text << endedEarlyText(report);
            if (empty)
                text << emptyTraceText(report);
            return text.join(QStringLiteral(" · "));
        });
    }
    updateActions();
}

QString MainWindow::outcomeText(const QString& label, const RunSummary& summary)
{
    if (!summary.error.isEmpty())
        return RunTexts::failureText(summary).replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (summary.cancelled)
        return tr("%1: stopped after %2.").arg(label, durationText(summary.wallMs));
    return tr("%1: done in %2.").arg(label, durationText(summary.wallMs));
}

void MainWindow::onRunFinished(const RunResult& result)
{
    m_tick.stop();
    m_body->finishRun(result);
    showResult(result);
    const RunSummary& summary = result.summary;
    setState([this, summary] { return outcomeText(runningLabel(), summary); });
    if (summary.uiLatencyMs)
        showLatency(*summary.uiLatencyMs);
    updateActions();
    emit runFinished(result);
}

void MainWindow::onResultRestored(const RunResult& result)
{
    const RunSummary& summary = result.summary;
    const ModelChoice choice = ModelChoice::fromConfig(summary.config);
    m_picker->setChoice(choice);
    m_workload->setModelChoice(choice);
    showScriptSource(summary.config);
    if (result.trace)
        m_body->showTrace(result.trace, &result.summary);
    m_body->refreshAndReplot();
    showResult(result);
    setState([choice, wallMs = summary.wallMs] {
        return tr("%1, as measured earlier: done in %2. Press Space to run it again.")
            .arg(ModelPicker::label(choice), durationText(wallMs));
    });
    if (summary.uiLatencyMs)
        showLatency(*summary.uiLatencyMs);
    updateActions();
}

void MainWindow::showResult(const RunResult& result)
{
    const RunSummary& summary = result.summary;
    const RunSummary* baseline = m_session->baseline(summary.config.workload);
    m_metrics->showResult(summary, baseline);
    m_liveConfig.reset();
    m_shown = ShownRun {SavedRun {result.trace, summary, baseline ? std::optional(*baseline) : std::nullopt}, {}};
    // The code the pane shows is the code that ran: it was read when the run started.
    if (summary.config.python)
        m_shown->run.scriptSource = m_source->toPlainText();
}

void MainWindow::onRunRejected(const Problem& refusal)
{
    // Worded each time the state is shown, so a language switch rewords the refusal too.
    setState([refusal] { return tr("Could not start the run: %1").arg(refusal.describe()); });
    updateActions();
    emit runRejected(refusal);
}

void MainWindow::tick()
{
    m_body->refresh();
    // One decimal while counting: the figure changes 30 times a second and must not jump in width.
    setState([this] {
        return tr("Running %1… %2 s").arg(runningLabel()).arg(double(m_runClock.elapsed()) / 1000, 0, 'f', 1);
    });
    if (m_session->heartbeat().samplesMs().size() > 0)
        showLatency(m_session->heartbeat().recentStats());
}

void MainWindow::updateActions()
{
    const bool running = m_session->isRunning();
    m_runAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_pictures->update();
    m_files->update();
    m_series->update();
    updateTitle();
}

void MainWindow::updateTitle()
{
    if (m_shown && !m_shown->sourceFile.isEmpty())
        setWindowTitle(tr("%1 — Concurrency Lab").arg(QFileInfo(m_shown->sourceFile).fileName()));
    else
        setWindowTitle(tr("Concurrency Lab"));
}

void MainWindow::showLatency(const LatencyStats& stats)
{
    m_latencyStats = stats;
    m_latency->setText(tr("UI latency p99 %1 ms").arg(stats.p99, 0, 'f', 1));
}

} // namespace conlab

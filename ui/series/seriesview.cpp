#include "ui/series/seriesview.h"

#include "core/analysis/speedup.h"
#include "core/run/seriesrunner.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/themedplot.h"
#include "ui/series/seriesprogress.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace conlab {

namespace {

// The live step is redrawn at the main window's rate: often enough to look live, never once per batch.
constexpr int tickMs = 33;

} // namespace

SeriesView::SeriesView(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_runner(new SeriesRunner(this))
    , m_status(new QLabel(this))
    , m_tick(new QTimer(this))
{
    m_progress = new SeriesProgress(
        m_runner, [this](int index) { return stepLabel(index); }, this);
    m_progress->setObjectName(QStringLiteral("seriesProgress"));
    addAction(m_progress->cancelAction());

    PictureSource source;
    source.available = [this] { return hasResults(); };
    source.figure = [this](FigureContent, bool) { return figure(); };
    source.fileStem = [this] { return fileStem(); };
    m_pictures = new PictureActions(this, std::move(source));
    connect(m_pictures, &PictureActions::message, m_status, [this](const QString& text) { m_status->setText(text); });

    auto* top = new QHBoxLayout;
    top->addWidget(m_progress, 1);
    top->addSpacing(12);
    for (QAction* action : {m_pictures->exportAction(), m_pictures->copyAction()}) {
        auto* button = new QToolButton(this);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        top->addWidget(button);
    }

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(8, 6, 8, 4);
    m_layout->addLayout(top);
    m_layout->addWidget(m_status);

    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, this, &SeriesView::refreshLive);
    connect(m_runner, &SeriesRunner::started, this, [this](const std::vector<RunConfig>& configs) {
        resetSteps(configs);
        m_tick->start();
    });
    connect(m_runner, &SeriesRunner::stepStarted, this, &SeriesView::beginStep);
    connect(m_runner, &SeriesRunner::batch, this, &SeriesView::appendToStep);
    connect(m_runner, &SeriesRunner::stepFinished, this, [this](int index, const RunResult& result) {
        if (index < 0 || index >= stepCount())
            return;
        m_results[std::size_t(index)] = result;
        endStep(index);
        showState();
        m_pictures->update();
    });
    connect(m_runner, &SeriesRunner::finished, this, &SeriesView::finishSteps);
}

SeriesView::~SeriesView() = default;

bool SeriesView::run(const std::vector<RunConfig>& configs, QString* error)
{
    return m_runner->start(configs, error);
}

void SeriesView::cancel()
{
    m_runner->cancel();
}

bool SeriesView::isRunning() const
{
    return m_runner->isRunning();
}

void SeriesView::showResults(const std::vector<RunConfig>& configs, const std::vector<RunResult>& results)
{
    resetSteps(configs);
    m_tick->stop();
    for (std::size_t i = 0; i < results.size() && i < m_results.size(); ++i) {
        m_results[i] = results[i];
        endStep(int(i));
    }
    finishSteps();
}

bool SeriesView::hasResults() const
{
    for (const std::optional<RunResult>& result : m_results) {
        if (result)
            return true;
    }
    return false;
}

int SeriesView::cores() const
{
    for (const std::optional<RunResult>& result : m_results) {
        if (result && result->summary.cores > 0)
            return result->summary.cores;
    }
    return 0;
}

QDate SeriesView::date() const
{
    for (const std::optional<RunResult>& result : m_results) {
        if (result && result->summary.startedAt.isValid())
            return result->summary.startedAt.date();
    }
    return {};
}

int SeriesView::repeats() const
{
    int most = 1;
    for (const std::optional<RunResult>& result : m_results) {
        if (result)
            most = std::max(most, wallSpread(result->summary).runs);
    }
    return most;
}

QString SeriesView::repeatNote() const
{
    const int runs = repeats();
    return runs == 1 ? QString()
                     : tr("median of %n runs each, whiskers from the slowest to the fastest", nullptr, runs);
}

void SeriesView::setTheme(const PresentationTheme& theme)
{
    m_theme = theme;
    for (ThemedPlot* plot : plots())
        plot->setTheme(theme);
    showState();
}

QString SeriesView::statusText() const
{
    return m_status->text();
}

void SeriesView::closeEvent(QCloseEvent* event)
{
    cancel();
    QWidget::closeEvent(event);
}

void SeriesView::setContent(QWidget* content)
{
    // Between the progress row and the status line.
    m_layout->insertWidget(1, content, 1);
}

void SeriesView::beginStep(int, const RunStart&)
{
}

void SeriesView::appendToStep(int, const TraceBatch&)
{
}

void SeriesView::refreshLive()
{
}

void SeriesView::endStep(int)
{
}

void SeriesView::resetSteps(const std::vector<RunConfig>& configs)
{
    m_configs = configs;
    m_results.assign(configs.size(), std::nullopt);
    m_over = false;
    m_status->clear();
    showPlan();
    for (ThemedPlot* plot : plots())
        plot->setTheme(m_theme);
    showState();
    m_pictures->update();
}

void SeriesView::finishSteps()
{
    m_tick->stop();
    m_over = true;
    refreshLive();
    showState();
    m_pictures->update();
}

} // namespace conlab

#include "ui/series/seriesprogress.h"

#include "core/run/seriesrunner.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <algorithm>

namespace conlab {

SeriesProgress::SeriesProgress(SeriesRunner* runner, std::function<QString(int)> stepLabel, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_stepLabel(std::move(stepLabel))
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_button(new QToolButton(this))
    , m_cancel(new QAction(this))
{
    m_button->setObjectName(QStringLiteral("cancelSeries"));
    m_bar->setObjectName(QStringLiteral("seriesProgressBar"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    // Esc cancels wherever the focus is in the view's window, not only on the button.
    m_cancel->setShortcutContext(Qt::WindowShortcut);
    connect(m_cancel, &QAction::triggered, m_runner, &SeriesRunner::cancel);
    m_button->setDefaultAction(m_cancel);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(240);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_button);
    connect(m_runner, &SeriesRunner::progressChanged, this, &SeriesProgress::retranslateUi);
    retranslateUi();
}

QString SeriesProgress::text() const
{
    return m_label->text();
}

void SeriesProgress::retranslateUi()
{
    const int count = m_runner->stepCount();
    const int done = int(m_runner->results().size());
    // Each point runs repeat() times: the bar moves on every run, not only once a point is done.
    const int repeat = m_runner->repeat();
    m_bar->setRange(0, std::max(1, count * repeat));
    m_bar->setValue(done * repeat + (m_runner->isRunning() ? m_runner->currentRepeat() : 0));
    m_cancel->setEnabled(m_runner->isRunning());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the run going and skip the rest (Esc)"));
    QString text;
    // Between the last point's end and the series' end the runner is at no point: the row already counts the runs.
    if (const int index = m_runner->currentIndex(); index >= 0) {
        text = repeat == 1 ? tr("%1 of %2: %3…").arg(index + 1).arg(count).arg(m_stepLabel(index))
                           : tr("%1 of %2, run %3 of %4: %5…")
                                 .arg(index + 1)
                                 .arg(count)
                                 .arg(m_runner->currentRepeat() + 1)
                                 .arg(repeat)
                                 .arg(m_stepLabel(index));
    } else if (count == 0) {
        text = tr("Nothing run yet.");
    } else if (m_runner->wasCancelled()) {
        // Runs, not points: with repeats a point is several runs, and the bar counted each of them.
        text = tr("Cancelled after %1 of %2 runs.").arg(m_runner->runsDone()).arg(count * repeat);
    } else {
        const int runs = m_runner->runsDone();
        text = runs == 1 ? tr("Done: 1 run.") : tr("Done: %n runs.", nullptr, runs);
    }
    m_label->setText(text);
}

void SeriesProgress::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace conlab

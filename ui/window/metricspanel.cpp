#include "ui/window/metricspanel.h"

#include "core/run/runsummarizer.h"
#include "core/trace/dataspan.h"
#include "ui/window/durationtext.h"
#include "ui/window/otherloadtext.h"
#include "ui/window/runtexts.h"
#include "ui/window/verticalscrollarea.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace conlab {

namespace {

QString megabytes(double mb)
{
    return MetricsPanel::tr("%1 MB").arg(mb, 0, 'f', mb < 100 ? 1 : 0);
}

// Room for a value line beside or under its name, in characters of the panel's font: the longest lines (latencies,
// memory) are measured as well.
constexpr int valueWidthChars = 26;
// A script's output shown: its last lines, each cut to about the panel's width.
constexpr int outputLines = 6;
constexpr int outputLineChars = 32;

bool isComplete(const RunSummary& summary)
{
    return !summary.cancelled && summary.error.isEmpty();
}

// Values are short lines, broken by hand where needed: a word-wrapped label in a form row gets its height from a
// width guessed before the splitter has placed the panel, and loses its last line.
QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// `text` with its lines broken further at spaces so that none is wider than `width` where a space allows: a value
// the data make long (an import report's reasons, a sentence on why nothing is drawn) then shows whole in the panel.
QString brokenToWidth(const QString& text, const QFontMetrics& metrics, int width)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QString current;
        for (const QString& word : line.split(QLatin1Char(' '))) {
            const QString longer = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
            if (!current.isEmpty() && metrics.horizontalAdvance(longer) > width) {
                out << current;
                current = word;
            } else {
                current = longer;
            }
        }
        out << current;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

MetricsPanel::MetricsPanel(QWidget* parent)
    : QWidget(parent)
{
    // In a scroll area: on a 768-pixel screen in presenter mode the rows of a run are taller than the panel.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll = verticalScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("metricsScroll"));
    outer->addWidget(m_scroll);
    auto* content = new QWidget(m_scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 4, 8, 4);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("metricsTitle"));
    // A long title ("Python: A blocked event loop + thread pool") wraps: unwrapped, it would widen the panel's content
    // past what the scroll area shows and cut every line on its right.
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(m_explanation);
    layout->addSpacing(8);

    m_headline = new QLabel(this);
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    layout->addWidget(m_headline);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();
    layout->addWidget(m_status);

    m_form = new QFormLayout;
    // A narrow panel (a projector's 1024 pixels) puts a value under its name rather than beside it.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    layout->addLayout(m_form);
    const auto row = [this](const char* name) {
        QLabel* value = valueLabel(this);
        // A label of its own: addRow() with an empty text would make none, and retranslateUi() names it.
        m_form->addRow(new QLabel(this), value);
        m_rowNames.push_back({value, name});
        return value;
    };
    m_wall = row(QT_TR_NOOP("Wall time"));
    m_cpu = row(QT_TR_NOOP("CPU time"));
    m_speedup = row(QT_TR_NOOP("Speed-up"));
    m_efficiency = row(QT_TR_NOOP("Efficiency"));
    m_memory = row(QT_TR_NOOP("Peak memory"));
    m_startup = row(QT_TR_NOOP("Start-up"));
    m_resume = row(QT_TR_NOOP("Resume latency"));
    m_tasks = row(QT_TR_NOOP("Tasks done"));
    m_checksum = row(QT_TR_NOOP("Checksum"));
    m_uiLatency = row(QT_TR_NOOP("UI latency"));
    m_counter = row(QT_TR_NOOP("Counter"));
    m_roundTrips = row(QT_TR_NOOP("Round trips"));
    m_migrations = row(QT_TR_NOOP("Core changes"));
    m_migrations->setObjectName(QStringLiteral("migrationsValue"));
    m_gil = row(QT_TR_NOOP("GIL"));
    m_python = row(QT_TR_NOOP("Python"));
    m_gilShare = row(QT_TR_NOOP("GIL share"));
    m_exit = row(QT_TR_NOOP("Exit code"));
    m_output = row(QT_TR_NOOP("Output"));
    m_python->setObjectName(QStringLiteral("pythonValue"));
    m_gilShare->setObjectName(QStringLiteral("gilShareValue"));
    m_exit->setObjectName(QStringLiteral("exitCodeValue"));
    m_output->setObjectName(QStringLiteral("outputValue"));
    m_gil->setObjectName(QStringLiteral("gilValue"));
    m_traceFile = row(QT_TR_NOOP("File"));
    m_traceLanes = row(QT_TR_NOOP("Lanes"));
    m_traceSegments = row(QT_TR_NOOP("Segments"));
    m_traceCounters = row(QT_TR_NOOP("Counters"));
    m_traceSpan = row(QT_TR_NOOP("Time span"));
    m_traceLeftOut = row(QT_TR_NOOP("Left out"));

    m_baselineButton = new QPushButton(this);
    m_baselineButton->setObjectName(QStringLiteral("runBaseline"));
    m_baselineButton->hide();
    connect(m_baselineButton, &QPushButton::clicked, this, &MetricsPanel::baselineRequested);
    layout->addWidget(m_baselineButton);
    layout->addStretch(1);
    m_scroll->setWidget(content);

    deriveFonts();
    showRowsOf(false);
    retranslateUi();
}

void MetricsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        deriveFonts();
    else if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void MetricsPanel::retranslateUi()
{
    for (const RowName& row : m_rowNames) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(row.value)))
            label->setText(tr(row.name));
    }
    m_traceSegments->setToolTip(tr("Slices of the trace as the timeline draws them: a slice with slices nested in it "
                                   "is split where they run"));
    m_resume->setToolTip(tr("From a task's I/O finishing to the task running again: what a request pays for the "
                            "CPU (or the GIL) being busy elsewhere"));
    m_uiLatency->setToolTip(tr("How late this window's 10 ms heartbeat fired during the run: the delay a click "
                               "or a repaint would have seen"));
    m_counter->setToolTip(tr("What the shared counter holds at the end, against what every task added: the "
                             "difference is updates lost to races"));
    m_roundTrips->setToolTip(tr("Convoy: round trips the I/O task completed while the CPU-bound task ran"));
    m_migrations->setToolTip(tr("How often the operating system moved a running worker to another core (press C "
                                "for the Cores view)"));
    m_gil->setToolTip(tr("How often the GIL changed hands, and how often a waiting thread asked the holder to drop "
                         "it after the switch interval"));
    m_python->setToolTip(tr("The interpreter that ran the script, and how conlab watched it: its GIL read from the "
                            "interpreter's memory, or only the threads' states the operating system reports"));
    m_gilShare->setToolTip(tr("Of the time its process's GIL was held, the share each thread held it"));
    m_output->setToolTip(tr("The last lines the script printed; a saved run keeps all of it"));
    updateMinimumWidth();
    m_baselineButton->setText(tr("Run sequential baseline"));
    m_baselineButton->setToolTip(tr("Runs the same workload sequentially once, so the speed-up and efficiency of "
                                    "every model on this workload can be measured against it"));
    // The values are said again from what is shown, in the new words and number format.
    switch (m_shown) {
    case Shown::Nothing:
        setModelChoice(m_choice);
        setValuesTo(tr("—"));
        m_headline->setText(tr("Pick a model above, or press Space to run."));
        break;
    case Shown::Running:
        setModelChoice(m_choice);
        m_headline->setText(tr("Running…"));
        setValuesTo(tr("…"));
        break;
    case Shown::Result:
        fillResult();
        break;
    case Shown::Trace:
        fillTrace();
        break;
    }
}

void MetricsPanel::deriveFonts()
{
    // Relative to the panel's font, which follows the application's: presenter mode scales the title with the rest.
    QFont title = font();
    if (title.pointSizeF() > 0)
        title.setPointSizeF(title.pointSizeF() * 1.4);
    else
        title.setPixelSize(title.pixelSize() * 7 / 5);
    title.setBold(true);
    m_title->setFont(title);
    QFont mono = font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_checksum->setFont(mono);
    m_output->setFont(mono);
    updateMinimumWidth();
}

void MetricsPanel::updateMinimumWidth()
{
    // Wide enough for the longest name in this language and the longest value line beside it, in this font: the
    // splitter keeps the panel at its initial width when values arrive later, and would cut them off. Russian names
    // are longer than English ones, so the width is measured, not taken from the English text.
    const QFontMetrics metrics = fontMetrics();
    int widestName = 0;
    for (const RowName& row : m_rowNames)
        widestName = std::max(widestName, metrics.horizontalAdvance(tr(row.name)));
    // The longest value lines, as this language says them with typical numbers.
    const QString resume = tr("p50 %1 · p99 %2\nmax %3 (%4 resumes)")
                               .arg(durationText(0.11), durationText(9.99), durationText(9.99))
                               .arg(888);
    int widestValue = metrics.averageCharWidth() * valueWidthChars;
    QStringList lines = resume.split(QLatin1Char('\n'));
    lines << tr("needs a sequential run");
    lines << tr("%1\napp %2\n+ %n worker(s) %3", nullptr, 8)
                 .arg(megabytes(888.8), megabytes(88.8), megabytes(888.8))
                 .split(QLatin1Char('\n'));
    for (const QString& line : lines)
        widestValue = std::max(widestValue, metrics.horizontalAdvance(line));
    m_valueWidth = widestValue;
    const QMargins margins = m_scroll->widget()->layout()->contentsMargins();
    // The name above its value when the panel is narrow (the form wraps long rows), plus the scroll bar's room.
    const int around = margins.left() + margins.right() + m_scroll->verticalScrollBar()->sizeHint().width();
    setMinimumWidth(around + std::max(widestName, widestValue));
    m_sideBySidePx = around + widestName + std::max(0, m_form->horizontalSpacing()) + widestValue;
    updateGeometry();
    // The left-out lines are broken to the value width of this font.
    if (m_shown == Shown::Trace)
        fillLeftOut();
}

void MetricsPanel::fillLeftOut()
{
    const TraceFacts& trace = m_trace;
    // Made here, not when the file was read, so that a change of language changes them too.
    QStringList leftOut = skippedLines(trace.import);
    if (trace.import.endedEarly)
        leftOut << endedEarlyText(trace.import);
    if (trace.lanes == 0 && trace.counters == 0)
        leftOut << emptyTraceText(trace.import);
    if (leftOut.isEmpty()) {
        m_traceLeftOut->setText(tr("nothing"));
        return;
    }
    // Broken by hand (a word-wrapped label in the form is given the height of one line): before "(first at line N)",
    // then to the room beside the row names, or to the value width the panel always has when that is less (the form
    // then puts the value under its name).
    const QMargins margins = m_scroll->widget()->layout()->contentsMargins();
    int widestName = 0;
    for (const RowName& row : m_rowNames) {
        if (row.value->isVisibleTo(this))
            widestName = std::max(widestName, m_form->labelForField(row.value)->sizeHint().width());
    }
    const int beside
        = m_scroll->viewport()->width() - margins.left() - margins.right() - widestName - m_form->horizontalSpacing();
    const QString text = leftOut.join(QLatin1Char('\n')).replace(QStringLiteral(" ("), QStringLiteral("\n("));
    m_traceLeftOut->setText(brokenToWidth(text, m_traceLeftOut->fontMetrics(), std::max(m_valueWidth, beside)));
}

void MetricsPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The room beside the names changes with the panel's width.
    if (m_shown == Shown::Trace && event->size().width() != event->oldSize().width())
        fillLeftOut();
}

QSize MetricsPanel::sizeHint() const
{
    return {std::max(minimumWidth(), m_sideBySidePx), QWidget::sizeHint().height()};
}

void MetricsPanel::setModelChoice(const ModelChoice& choice)
{
    m_choice = choice;
    m_title->setText(ModelPicker::label(choice));
    m_explanation->setText(RunTexts::explanation(choice));
}

void MetricsPanel::showRunning(const RunConfig& config)
{
    m_shown = Shown::Running;
    setModelChoice(ModelChoice::fromConfig(config));
    showRowsOf(false);
    m_headline->setText(tr("Running…"));
    m_status->hide();
    m_baselineButton->hide();
    setValuesTo(tr("…"));
}

void MetricsPanel::showResult(const RunSummary& summary, const RunSummary* baseline)
{
    m_shown = Shown::Result;
    m_summary = summary;
    m_baseline = baseline ? std::optional(*baseline) : std::nullopt;
    showRowsOf(false);
    fillResult();
    const bool sequential = summary.config.model == ModelKind::Sequential;
    m_baselineButton->setVisible(!sequential && !baseline && isComplete(summary));
}

void MetricsPanel::fillResult()
{
    const RunSummary& summary = *m_summary;
    const RunSummary* baseline = m_baseline ? &*m_baseline : nullptr;
    const ModelChoice choice = ModelChoice::fromConfig(summary.config);
    setModelChoice(choice);
    const bool sequential = choice.model == ModelKind::Sequential;
    const int workers = sequential ? 1 : summary.config.effectiveWorkers();

    QString headline = QStringLiteral("<span style=\"font-size:x-large; font-weight:600\">%1</span>")
                           .arg(durationText(summary.wallMs));
    m_wall->setText(durationText(summary.wallMs));
    const double busyCores = summary.wallMs > 0 ? summary.cpuMs / summary.wallMs : 0.0;
    // Of the cores this process may use, not of the machine's: under taskset or a CPU quota the two differ.
    m_cpu->setText(summary.usableCores
            ? tr("%1 · %2 of %n usable core(s) busy", nullptr, *summary.usableCores)
                  .arg(durationText(summary.cpuMs))
                  .arg(busyCores, 0, 'f', 1)
            : tr("%1 · %2 cores busy").arg(durationText(summary.cpuMs)).arg(busyCores, 0, 'f', 1));

    if (sequential && isComplete(summary)) {
        m_speedup->setText(tr("1.00× (this is the baseline)"));
        m_efficiency->setText(tr("100 % of 1 worker"));
    } else if (baseline && summary.wallMs > 0) {
        const double speedup = baseline->wallMs / summary.wallMs;
        m_speedup->setText(tr("%1× (sequential %2)").arg(speedup, 0, 'f', 2).arg(durationText(baseline->wallMs)));
        m_efficiency->setText(tr("%1 % of %n worker(s)", nullptr, workers).arg(100 * speedup / workers, 0, 'f', 0));
        headline += tr("&nbsp;&nbsp;·&nbsp;&nbsp;%1× speed-up").arg(speedup, 0, 'f', 2);
    } else {
        m_speedup->setText(tr("needs a sequential run"));
        m_efficiency->setText(tr("—"));
    }
    m_headline->setText(headline);

    const double workerMb = std::accumulate(summary.workerPeakRssMb.begin(), summary.workerPeakRssMb.end(), 0.0);
    if (summary.workerPeakRssMb.empty()) {
        m_memory->setText(megabytes(summary.peakRssMb));
    } else {
        m_memory->setText(
            tr("%1\napp %2\n+ %n worker(s) %3", nullptr, int(summary.workerPeakRssMb.size()))
                .arg(megabytes(summary.peakRssMb + workerMb), megabytes(summary.peakRssMb), megabytes(workerMb)));
    }
    m_startup->setText(summary.startupMs > 0 ? durationText(summary.startupMs) : tr("none"));
    const LatencyStats& resume = summary.resumeLatencyMs;
    m_resume->setText(resume.count > 0
            ? tr("p50 %1 · p99 %2\nmax %3 (%4 resumes)")
                  .arg(durationText(resume.p50), durationText(resume.p99), durationText(resume.max))
                  .arg(resume.count)
            : tr("no I/O waits"));
    m_tasks->setText(tr("%1 of %2").arg(summary.tasksCompleted).arg(summary.config.workload.tasks));
    m_checksum->setText(QStringLiteral("0x%1").arg(qulonglong(summary.checksum), 16, 16, QLatin1Char('0')));
    m_uiLatency->setText(summary.uiLatencyMs
            ? tr("p99 %1 · max %2").arg(durationText(summary.uiLatencyMs->p99), durationText(summary.uiLatencyMs->max))
            : tr("—"));

    if (summary.counter) {
        m_counter->setText(tr("%1 of %2\n%3 updates lost")
                               .arg(QLocale().toString(qlonglong(summary.counter->actual)),
                                   QLocale().toString(qlonglong(summary.counter->expected)),
                                   QLocale().toString(qlonglong(summary.counter->lost()))));
    }
    setRowVisible(m_counter, summary.counter.has_value());
    if (summary.roundTrips)
        m_roundTrips->setText(QLocale().toString(*summary.roundTrips));
    setRowVisible(m_roundTrips, summary.roundTrips.has_value());
    if (summary.migrations)
        m_migrations->setText(QLocale().toString(qlonglong(*summary.migrations)));
    setRowVisible(m_migrations, summary.migrations.has_value());
    const bool gil = summary.config.gil && choice.model != ModelKind::Processes;
    m_gil->setText(tr("%1 hand-overs\n%2 drop requests").arg(summary.gilSwitches).arg(summary.gilDropRequests));
    setRowVisible(m_gil, gil);
    for (QLabel* value : {m_python, m_gilShare, m_exit, m_output})
        setRowVisible(value, summary.python.has_value());
    // A script's tasks and checksum are its own business: conlab does not know them.
    for (QLabel* value : {m_tasks, m_checksum})
        setRowVisible(value, !summary.python);
    if (summary.python)
        fillPython(*summary.python);

    QStringList status;
    if (!summary.error.isEmpty())
        status << RunTexts::failureText(summary);
    if (const QString view = RunTexts::gilViewText(summary); !view.isEmpty())
        status << view;
    else if (summary.cancelled)
        status << tr("Stopped before the end: these numbers cover only what ran.");
    for (const QString& note : summary.notes)
        status << noteText(note);
    if (const QString otherLoad = otherLoadWarning(summary); !otherLoad.isEmpty())
        status << otherLoad;
    m_status->setText(status.join(QLatin1Char('\n')));
    m_status->setVisible(!status.isEmpty());
}

void MetricsPanel::fillPython(const PythonRunFacts& python)
{
    const RunSummary& summary = *m_summary;
    const bool readsGil = python.observerMode == QLatin1String("memory");
    m_python->setText(tr("%1\n%2").arg(python.version.isEmpty() ? tr("version not known") : python.version,
        readsGil ? tr("GIL read from its memory") : tr("OS thread states only")));
    m_gil->setText(readsGil ? tr("%1 hand-overs (exact)").arg(QLocale().toString(qulonglong(summary.gilSwitches)))
                            : tr("not seen: OS states only"));
    setRowVisible(m_gil, true);

    // Each thread's share of the time its own process's GIL was held.
    std::map<int, double> heldByProcess;
    for (const PythonThreadFacts& thread : python.threads)
        heldByProcess[thread.pid] += thread.gilHoldMs;
    std::vector<const PythonThreadFacts*> holders;
    for (const PythonThreadFacts& thread : python.threads) {
        if (thread.gilHoldMs > 0)
            holders.push_back(&thread);
    }
    std::stable_sort(holders.begin(), holders.end(),
        [](const PythonThreadFacts* a, const PythonThreadFacts* b) { return a->gilHoldMs > b->gilHoldMs; });
    constexpr std::size_t shownThreads = 8;
    QStringList shares;
    for (std::size_t i = 0; i < std::min(holders.size(), shownThreads); ++i) {
        const PythonThreadFacts& thread = *holders[i];
        const bool root = python.processes.empty() || thread.pid == python.processes.front();
        const QString name = root ? thread.name : tr("%1 (pid %2)").arg(thread.name).arg(thread.pid);
        shares << tr("%1: %2 % · %3")
                      .arg(name)
                      .arg(100 * thread.gilHoldMs / heldByProcess[thread.pid], 0, 'f', 0)
                      .arg(durationText(thread.gilHoldMs));
    }
    if (holders.size() > shownThreads)
        shares << tr("and %n more thread(s)", nullptr, int(holders.size() - shownThreads));
    m_gilShare->setText(shares.isEmpty() ? tr("no thread seen holding it") : shares.join(QLatin1Char('\n')));

    m_exit->setText(
        python.exitCode ? QString::number(*python.exitCode) : tr("killed by signal %1").arg(python.exitSignal));
    // Its last lines, each cut to what fits beside the numbers.
    const QString failed = python.exitCode == 0 ? QString() : lastLines(python.stderrText, outputLines);
    QStringList lines
        = (failed.isEmpty() ? lastLines(python.stdoutText, outputLines) : failed).split(QLatin1Char('\n'));
    const QFontMetrics metrics = m_output->fontMetrics();
    for (QString& line : lines)
        line = metrics.elidedText(line, Qt::ElideRight, metrics.averageCharWidth() * outputLineChars);
    const QString tail = lines.join(QLatin1Char('\n')).trimmed();
    m_output->setText(tail.isEmpty() ? tr("nothing") : tail);
}

void MetricsPanel::showTrace(const QString& path, const Trace& trace, const ImportReport& report)
{
    m_shown = Shown::Trace;
    showRowsOf(true);
    m_status->hide();
    m_baselineButton->hide();

    m_trace = TraceFacts {path, trace.lanes.size(), trace.segments.size(), trace.counterNames.size(),
        trace.cpuSamples.size(), std::nullopt, report};
    if (const auto span = dataSpanMs(trace))
        m_trace.spanMs = TimeRange {span->first, span->second};
    fillTrace();
}

void MetricsPanel::fillTrace()
{
    const TraceFacts& trace = m_trace;
    const QString fileName = QFileInfo(trace.path).fileName();
    m_title->setText(fileName);
    m_explanation->setText(tr("A trace written by another tool: each thread with slices is a lane, each slice a "
                              "segment, each counter a line in the lower plot. conlab did not make this run, so "
                              "there are no run numbers to show."));
    const double spanMs = trace.spanMs ? trace.spanMs->size() : 0.0;
    m_headline->setText(QStringLiteral("<span style=\"font-size:x-large; font-weight:600\">%1</span>")
                            .arg(durationText(spanMs).toHtmlEscaped()));
    m_traceFile->setText(fileName);
    m_traceFile->setToolTip(QDir::toNativeSeparators(QFileInfo(trace.path).absoluteFilePath()));
    m_traceLanes->setText(QLocale().toString(qulonglong(trace.lanes)));
    m_traceSegments->setText(QLocale().toString(qulonglong(trace.segments)));
    m_traceCounters->setText(trace.counters == 0
            ? tr("none")
            : tr("%1\nat %2 points in time")
                  .arg(QLocale().toString(qulonglong(trace.counters)), QLocale().toString(qulonglong(trace.samples))));
    m_traceSpan->setText(!trace.spanMs ? tr("empty")
                                       : tr("%1\nfrom %2 to %3 ms")
                                             .arg(durationText(spanMs))
                                             .arg(trace.spanMs->begin, 0, 'f', 3)
                                             .arg(trace.spanMs->end, 0, 'f', 3));
    fillLeftOut();
}

QString MetricsPanel::valueOf(const QString& name) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const auto* label = qobject_cast<QLabel*>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto* value = qobject_cast<QLabel*>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value && label->text() == name)
            return m_form->isRowVisible(row) ? value->text() : QString();
    }
    return {};
}

void MetricsPanel::setRowVisible(QLabel* value, bool visible)
{
    m_form->setRowVisible(value, visible);
}

void MetricsPanel::showRowsOf(bool trace)
{
    for (QLabel* value :
        {m_wall, m_cpu, m_speedup, m_efficiency, m_memory, m_startup, m_resume, m_tasks, m_checksum, m_uiLatency})
        setRowVisible(value, !trace);
    for (QLabel* value : {m_counter, m_roundTrips, m_migrations, m_gil, m_python, m_gilShare, m_exit, m_output})
        setRowVisible(value, false);
    for (QLabel* value : {m_traceFile, m_traceLanes, m_traceSegments, m_traceCounters, m_traceSpan, m_traceLeftOut})
        setRowVisible(value, trace);
}

void MetricsPanel::setValuesTo(const QString& placeholder)
{
    for (QLabel* value :
        {m_wall, m_cpu, m_speedup, m_efficiency, m_memory, m_startup, m_resume, m_tasks, m_checksum, m_uiLatency})
        value->setText(placeholder);
    for (QLabel* value : {m_counter, m_roundTrips, m_migrations, m_gil, m_python, m_gilShare, m_exit, m_output})
        setRowVisible(value, false);
}

} // namespace conlab

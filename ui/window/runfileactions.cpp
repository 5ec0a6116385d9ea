#include "ui/window/runfileactions.h"

#include "core/export/csvexport.h"
#include "ui/export/figurefilename.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runfileloader.h"
#include "ui/window/runsession.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>
#include <utility>

namespace conlab {

namespace {

// Long enough to read a file path; the message is a notice, nothing waits for it.
constexpr int messageTimeoutMs = 15'000;

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

RunFileActions::RunFileActions(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_loader(new RunFileLoader(this))
    , m_writes(this)
{
    createActions();

    m_busy = new QProgressBar(window);
    m_busy->setRange(0, 0); // no percentage to show: the reader does not report progress
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    window->statusBar()->addPermanentWidget(m_busy);
    retranslateUi();

    connect(m_loader, &RunFileLoader::loaded, this, &RunFileActions::onLoaded);
    connect(m_loader, &RunFileLoader::failed, this, &RunFileActions::onLoadFailed);
    connect(&window->session(), &RunSession::requested, this, &RunFileActions::onRunRequested);
    connect(window, &MainWindow::runFinished, this, [this] {
        if (!m_openAfterRun.isEmpty())
            startLoading(std::exchange(m_openAfterRun, QString()));
    });

    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

// The writes still under way finish first (the queue waits), so quitting never leaves a half-written file.
RunFileActions::~RunFileActions() = default;

void RunFileActions::createActions()
{
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &RunFileActions::askForOpenPath);

    m_recentMenu = new QMenu(m_window);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &RunFileActions::updateRecentMenu);

    m_saveAction = new QAction(this);
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveAction, &QAction::triggered, this, [this] {
        // *.conlab.json is the file type the package registers (resources/conlab-mime.xml): a double-click opens the
        // run in conlab. A trace from another tool, saved as conlab's file, so gets a name other than its original's.
        askForSavePath(tr("Save run"), tr("Concurrency Lab run (*.conlab.json);;Chrome trace JSON (*.json)"),
            QStringLiteral(".conlab.json"), &RunFileActions::saveRun);
    });

    m_segmentsCsvAction = new QAction(this);
    connect(m_segmentsCsvAction, &QAction::triggered, this, [this] {
        askForSavePath(tr("Export segments as CSV"), tr("CSV (*.csv)"), QStringLiteral("-segments.csv"),
            &RunFileActions::exportSegmentsCsv);
    });

    m_samplesCsvAction = new QAction(this);
    connect(m_samplesCsvAction, &QAction::triggered, this, [this] {
        askForSavePath(tr("Export samples as CSV"), tr("CSV (*.csv)"), QStringLiteral("-samples.csv"),
            &RunFileActions::exportSamplesCsv);
    });
}

void RunFileActions::retranslateUi()
{
    m_recentMenu->setTitle(tr("Open &recent"));
    m_saveAction->setText(tr("Save &run…"));
    m_saveAction->setToolTip(tr("Save the run on screen as Chrome trace JSON, with its numbers (Ctrl+Shift+S)"));
    m_segmentsCsvAction->setText(tr("Export &segments as CSV…"));
    m_segmentsCsvAction->setToolTip(tr("Every segment of the timeline as one row of a CSV file"));
    m_samplesCsvAction->setToolTip(tr("The lower plot's values, one row per point in time, as a CSV file"));
    m_openAction->setText(tr("&Open run…"));
    setBusy(!m_busy->isHidden());
    update();
}

bool RunFileActions::event(QEvent* event)
{
    // The window passes its LanguageChange on to its children, this one included.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::event(event);
}

void RunFileActions::update()
{
    const ShownRun* shown = m_window->shownRun();
    const Trace* trace = shown ? shown->run.trace.get() : nullptr;
    m_saveAction->setEnabled(trace != nullptr);
    m_segmentsCsvAction->setEnabled(trace && !trace->segments.empty());
    m_samplesCsvAction->setEnabled(trace && !trace->cpuSamples.empty());
    m_samplesCsvAction->setText(
        trace && !trace->counterNames.empty() ? tr("Export c&ounters as CSV…") : tr("Export CPU s&amples as CSV…"));
}

void RunFileActions::open(const QString& path)
{
    if (path.isEmpty())
        return;
    if (m_window->session().isRunning()) {
        m_openAfterRun = path;
        m_window->statusBar()->showMessage(tr("Stopping the run to open %1…").arg(native(path)));
        m_window->stopRun();
        return;
    }
    startLoading(path);
}

bool RunFileActions::isLoading() const
{
    return m_loader->isLoading() || !m_openAfterRun.isEmpty();
}

void RunFileActions::startLoading(const QString& path)
{
    m_loader->open(path);
    setBusy(true);
    m_window->statusBar()->showMessage(tr("Opening %1…").arg(native(path)));
}

void RunFileActions::onLoaded(const QString& path, const SavedRun& run)
{
    setBusy(false);
    m_window->statusBar()->clearMessage();
    m_window->showSavedRun(path, run);
    m_recent.add(path);
    rememberFolder(path);
    emit opened(path);
}

void RunFileActions::onLoadFailed(const QString& path, const QString& error)
{
    setBusy(false);
    m_window->statusBar()->showMessage(error, messageTimeoutMs);
    if (!QFileInfo(path).isFile())
        m_recent.remove(path);
    showError(tr("Could not open the file"), error);
    emit openFailed(path, error);
}

void RunFileActions::onRunRequested()
{
    m_openAfterRun.clear();
    if (!m_loader->isLoading())
        return;
    const QString path = m_loader->path();
    m_loader->cancel();
    setBusy(false);
    m_window->statusBar()->showMessage(tr("Stopped opening %1: a run started.").arg(native(path)), 4000);
}

bool RunFileActions::saveRun(const QString& path)
{
    return writeInBackground(path, tr("the run"), true, &writeRunFile);
}

bool RunFileActions::exportSegmentsCsv(const QString& path)
{
    return writeInBackground(
        path, tr("the segments"), false, [](const SavedRun& run, const QString& file, Problem* error) {
            return writeSegmentsCsv(*run.trace, file, error);
        });
}

bool RunFileActions::exportSamplesCsv(const QString& path)
{
    const ShownRun* shown = m_window->shownRun();
    const bool counters = shown && shown->run.trace && !shown->run.trace->counterNames.empty();
    return writeInBackground(path, counters ? tr("the counters") : tr("the CPU samples"), false,
        [](const SavedRun& run, const QString& file, Problem* error) {
            return writeSamplesCsv(*run.trace, file, error);
        });
}

bool RunFileActions::writeInBackground(const QString& path, const QString& what, bool addToRecent,
    const std::function<bool(const SavedRun& run, const QString& path, Problem* error)>& write)
{
    const ShownRun* shown = m_window->shownRun();
    if (!shown || !shown->run.trace || path.isEmpty())
        return false;
    struct Outcome
    {
        bool ok = false;
        qint64 bytes = 0;
        Problem error; // worded here, in the UI's language, once it is back on the UI thread
    };
    // The trace is shared and immutable: the writer thread reads it while the window goes on showing it.
    m_writes.post(
        [run = shown->run, path, write] {
            Outcome outcome;
            outcome.ok = write(run, path, &outcome.error);
            outcome.bytes = outcome.ok ? QFileInfo(path).size() : 0;
            return outcome;
        },
        [this, path, what, addToRecent](const Outcome& outcome) {
            if (!outcome.ok) {
                const QString error = outcome.error.describe();
                m_window->statusBar()->showMessage(error, messageTimeoutMs);
                showError(tr("Could not save"), error);
                emit writeFailed(path, error);
                return;
            }
            m_window->statusBar()->showMessage(
                tr("Saved %1 to %2 (%3).").arg(what, native(path), sizeText(outcome.bytes)), messageTimeoutMs);
            if (addToRecent)
                m_recent.add(path);
            emit written(path);
        });
    m_window->statusBar()->showMessage(tr("Saving %1 to %2…").arg(what, native(path)));
    rememberFolder(path);
    return true;
}

void RunFileActions::askForOpenPath()
{
    auto* dialog
        = new QFileDialog(m_window, tr("Open run"), suggestedFolder(), tr("Chrome trace JSON (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &RunFileActions::open);
    dialog->open();
}

void RunFileActions::askForSavePath(const QString& title, const QString& filter, const QString& suffix,
    const std::function<bool(RunFileActions*, const QString&)>& save)
{
    if (!m_window->shownRun())
        return;
    auto* dialog = new QFileDialog(m_window, title, suggestedFolder(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix.mid(suffix.indexOf(QLatin1Char('.')) + 1));
    dialog->selectFile(runFileStem(m_window->captionFacts()) + suffix);
    connect(dialog, &QFileDialog::fileSelected, this, [this, save](const QString& path) { save(this, path); });
    dialog->open();
}

QString RunFileActions::suggestedFolder() const
{
    if (!m_lastFolder.isEmpty() && QFileInfo(m_lastFolder).isDir())
        return m_lastFolder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void RunFileActions::rememberFolder(const QString& path)
{
    m_lastFolder = QFileInfo(path).absolutePath();
}

void RunFileActions::updateRecentMenu()
{
    const QStringList missing = m_recent.pruneMissing();
    if (!missing.isEmpty()) {
        QStringList names;
        for (const QString& path : missing)
            names << native(path);
        m_window->statusBar()->showMessage(
            tr("Removed from the recent files because they no longer exist: %1").arg(names.join(QStringLiteral(", "))),
            messageTimeoutMs);
    }
    m_recentMenu->clear();
    const QStringList files = m_recent.files();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString file = files[i];
        QString name = QFileInfo(file).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(name));
        action->setToolTip(native(file));
        action->setStatusTip(native(file));
        connect(action, &QAction::triggered, this, [this, file] { open(file); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear the list"), this, [this] {
        m_recent.clear();
        updateRecentMenu();
    });
}

void RunFileActions::showError(const QString& title, const QString& error)
{
    // open(), not exec(): the box waits for its OK without a nested event loop holding the caller up.
    auto* box = new QMessageBox(QMessageBox::Warning, title, error, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void RunFileActions::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_openAction->setToolTip(busy ? tr("Open another file instead of the one being read (Ctrl+O)")
                                  : tr("Open a saved run or a Chrome trace from another tool (Ctrl+O)"));
}

std::optional<QString> RunFileActions::droppedFile(const QMimeData* data, QString* why)
{
    if (!data || !data->hasUrls()) {
        *why = tr("Only a file can be dropped here: a saved run or a Chrome trace (.json).");
        return std::nullopt;
    }
    const QList<QUrl> urls = data->urls();
    if (urls.size() != 1) {
        *why = tr("Drop one file at a time: this drop holds %1.").arg(urls.size());
        return std::nullopt;
    }
    const QUrl& url = urls.constFirst();
    if (!url.isLocalFile()) {
        *why = tr("Only files on this computer can be opened, not %1.").arg(url.toDisplayString());
        return std::nullopt;
    }
    const QString path = url.toLocalFile();
    if (QFileInfo(path).isDir()) {
        *why = tr("%1 is a folder: drop a saved run or a Chrome trace (.json).").arg(native(path));
        return std::nullopt;
    }
    return path;
}

bool RunFileActions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_window)
        return false;
    QString why;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (droppedFile(drag->mimeData(), &why)) {
            drag->acceptProposedAction();
        } else {
            drag->ignore();
            if (event->type() == QEvent::DragEnter)
                m_window->statusBar()->showMessage(why, messageTimeoutMs);
        }
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        if (const std::optional<QString> path = droppedFile(drop->mimeData(), &why)) {
            drop->acceptProposedAction();
            open(*path);
        } else {
            drop->ignore();
            m_window->statusBar()->showMessage(why, messageTimeoutMs);
        }
        return true;
    }
    default:
        return false;
    }
}

} // namespace conlab

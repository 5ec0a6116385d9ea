#pragma once

#include "core/export/runfile.h"
#include "core/util/jobqueue.h"
#include "ui/window/recentfiles.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class QAction;
class QMenu;
class QMimeData;
class QProgressBar;

namespace conlab {

class MainWindow;
class RunFileLoader;

// The File menu's run files: Open (Ctrl+O), Open recent, Save run (Ctrl+Shift+S), and the segments and samples as
// CSV, plus opening a file dropped on the window. Files are read and written off the UI thread; while one is read
// the status bar says so with a busy bar, and whatever the window shows stays until the file has been read whole.
// A file that cannot be read or written is reported in a message box that does not wait, and changes nothing on
// screen. Opening while a run goes stops the run first (as clicking another model does) and opens the file once it
// has ended; starting a run while a file is being read forgets the file: the last thing asked for wins.
class RunFileActions : public QObject
{
    Q_OBJECT
public:
    explicit RunFileActions(MainWindow* window);
    ~RunFileActions() override;

    // Enables what means something for what the window shows now.
    void update();

    // File > Open, the recent list, a drop and the command line end here.
    void open(const QString& path);
    // The shown run, written to path in the background: a run file (with its summary and baseline), or CSV.
    // False, and nothing written, when no finished run is shown.
    bool saveRun(const QString& path);
    bool exportSegmentsCsv(const QString& path);
    bool exportSamplesCsv(const QString& path);

    bool isLoading() const;
    // Files asked to be written whose outcome has not come back yet.
    int pendingWrites() const { return m_writes.pending(); }
    RecentFiles& recentFiles() { return m_recent; }
    QMenu* recentMenu() const { return m_recentMenu; }
    // Fills the recent menu from the settings, dropping (and naming in the status bar) files that are gone.
    void updateRecentMenu();

    QAction* openAction() const { return m_openAction; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* segmentsCsvAction() const { return m_segmentsCsvAction; }
    QAction* samplesCsvAction() const { return m_samplesCsvAction; }

    // The one local file a drop carries; otherwise nullopt and *why says what is wrong with the drop.
    static std::optional<QString> droppedFile(const QMimeData* data, QString* why);

signals:
    // The file has been read and the window shows it.
    void opened(const QString& path);
    void openFailed(const QString& path, const QString& error);
    void written(const QString& path);
    void writeFailed(const QString& path, const QString& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void createActions();
    void retranslateUi();
    void startLoading(const QString& path);
    void onLoaded(const QString& path, const SavedRun& run);
    void onLoadFailed(const QString& path, const QString& error);
    void onRunRequested();
    // what: how the status bar names the contents ("the run"); addToRecent: the file can be opened again.
    bool writeInBackground(const QString& path, const QString& what, bool addToRecent,
        const std::function<bool(const SavedRun& run, const QString& path, Problem* error)>& write);
    void askForOpenPath();
    void askForSavePath(const QString& title, const QString& filter, const QString& suffix,
        const std::function<bool(RunFileActions*, const QString&)>& save);
    QString suggestedFolder() const;
    void rememberFolder(const QString& path);
    void showError(const QString& title, const QString& error);
    void setBusy(bool busy);

    MainWindow* m_window;
    RunFileLoader* m_loader = nullptr;
    RecentFiles m_recent;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_segmentsCsvAction = nullptr;
    QAction* m_samplesCsvAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QProgressBar* m_busy = nullptr;
    // A file asked for while a run was going: opened once the run has stopped.
    QString m_openAfterRun;
    // Where the last file was opened or saved: the next dialog starts there.
    QString m_lastFolder;
    JobQueue m_writes;
};

} // namespace conlab

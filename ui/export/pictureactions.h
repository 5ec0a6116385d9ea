#pragma once

#include "ui/export/exportpicturedialog.h"
#include "ui/export/figure.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace conlab {

class FigureWriter;

// What a view can take a picture of, asked for when the picture is taken.
struct PictureSource
{
    // Whether there is anything to take a picture of now.
    std::function<bool()> available;
    // The figure as the view shows it now: `content` and `visibleWindowOnly` as chosen in the dialog (a view with one
    // kind of picture ignores them).
    std::function<Figure(FigureContent content, bool visibleWindowOnly)> figure;
    // The file name the dialog proposes, without folder or suffix.
    std::function<QString()> fileStem;
    // The time range on screen when the user has zoomed, for "only the visible time window"; unset or nullopt when
    // not zoomed.
    std::function<std::optional<TimeRange>()> zoomedWindow;
    // The dialog offers the run's plots together or alone (the main window); a result view has one picture. The
    // actions' tooltips say which.
    bool offersContent = false;
};

// Export picture (Ctrl+S) and Copy picture (Ctrl+Shift+C) for one view: the two actions, the export dialog, the
// background writer and the clipboard. Every view that makes figures uses this one piece, so they save, copy and
// report alike. The picture is drawn at once (in the UI thread: it needs the plots) and encoded and written in the
// background; message() says what was written, or why not.
class PictureActions : public QObject
{
    Q_OBJECT
public:
    // The actions live in `view` (their shortcuts work while it is the active window); the dialog opens over it.
    PictureActions(QWidget* view, PictureSource source);
    ~PictureActions() override;

    QAction* exportAction() const { return m_export; }
    QAction* copyAction() const { return m_copy; }
    // Enables both actions when the source has something to show (disabled until first called).
    void update();

    // The dialog, opened with the last choices and a file name from the source; exportPicture() when accepted.
    void showDialog();
    // False (and nothing written) when there is nothing to take a picture of or no file was given.
    bool exportPicture(const ExportPictureDialog::Settings& settings);
    // What the view shows, as a 2x PNG on the clipboard once encoded.
    bool copyPicture();
    FigureWriter& writer() { return *m_writer; }
    // The last export's choices: the dialog opens with them, and Copy picture uses their content and size.
    const ExportPictureDialog::Settings& settings() const { return m_settings; }
    // The size proposed before the first export (defaultFigureSize until set): a tall stack of plots needs more
    // than a slide's 16:9.
    void setDefaultSize(QSize size) { m_settings.size = size; }

signals:
    // For the view's status bar; timeoutMs 0 keeps it until the next one.
    void message(const QString& text, int timeoutMs);

protected:
    bool event(QEvent* event) override;

private:
    void retranslateUi();

    QWidget* m_view;
    PictureSource m_source;
    FigureWriter* m_writer = nullptr;
    QAction* m_export = nullptr;
    QAction* m_copy = nullptr;
    ExportPictureDialog::Settings m_settings;
};

} // namespace conlab

#pragma once

#include "ui/export/figureformat.h"
#include "ui/export/figureoptions.h"
#include "ui/export/runfigure.h"
#include "ui/timeline/timelinemapping.h"

#include <QDialog>
#include <QSize>
#include <QString>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace conlab {

// File > Export picture: what to show, in which format and size, and where. The format is chosen here, never
// guessed from the file name: changing it renames the file's suffix, and a name ending in another format's suffix is
// refused with a message rather than written as the wrong kind of file. Shown with open(): nothing waits for it.
class ExportPictureDialog : public QDialog
{
    Q_OBJECT
public:
    struct Settings
    {
        FigureContent content = FigureContent::Both;
        FigureFormat format = FigureFormat::Png;
        int scale = 2; // PNG only
        QSize size = defaultFigureSize; // logical pixels
        bool visibleWindowOnly = true; // only when the plots are zoomed
        QString path;
    };

    // zoomedWindow: the time range on screen when the user has zoomed; nullopt when the whole run is shown (the
    // "visible window only" choice is then off and disabled).
    ExportPictureDialog(const Settings& initial, std::optional<TimeRange> zoomedWindow, QWidget* parent = nullptr);

    // The "Show:" choice (timeline, utilisation or both) and "only the visible time window" are for the run's
    // plots; a result view has one picture and hides them. Shown by default.
    void setContentChoiceShown(bool shown);

    Settings settings() const;
    // Why the settings cannot be saved as they are (empty file name, a suffix of another format, no such folder);
    // empty when they can.
    QString problem() const;

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onFormatChanged();
    void browse();
    void updateNote();

    QFormLayout* m_form = nullptr;
    QComboBox* m_content = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_scale = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QCheckBox* m_visibleOnly = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_times = nullptr;
    QLabel* m_pixels = nullptr;
    QPushButton* m_browse = nullptr;
    QLayout* m_sizeRow = nullptr;
    QLayout* m_pathRow = nullptr;
    std::optional<TimeRange> m_zoomedWindow;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace conlab

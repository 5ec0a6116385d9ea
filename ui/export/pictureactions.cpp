#include "ui/export/pictureactions.h"

#include "ui/export/figurefilename.h"
#include "ui/export/figurewriter.h"
#include "ui/export/renderedfigure.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QStandardPaths>
#include <QWidget>
#include <algorithm>

namespace conlab {

namespace {

// Long enough to read a file path; the message is a notice, nothing waits for it.
constexpr int messageTimeoutMs = 15'000;
constexpr int clipboardScale = 2;

} // namespace

PictureActions::PictureActions(QWidget* view, PictureSource source)
    : QObject(view)
    , m_view(view)
    , m_source(std::move(source))
    , m_writer(new FigureWriter(this))
{
    m_export = new QAction(view);
    m_export->setObjectName(QStringLiteral("exportPicture"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    connect(m_export, &QAction::triggered, this, &PictureActions::showDialog);

    m_copy = new QAction(view);
    m_copy->setObjectName(QStringLiteral("copyPicture"));
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copy, &QAction::triggered, this, &PictureActions::copyPicture);
    view->addAction(m_export);
    view->addAction(m_copy);
    retranslateUi();

    connect(m_writer, &FigureWriter::written, this, [this](const QString& path, qint64 bytes) {
        emit message(tr("Saved the picture %1 (%2 KB).")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(std::max<qint64>(1, (bytes + 512) / 1024)),
            messageTimeoutMs);
    });
    connect(m_writer, &FigureWriter::failed, this,
        [this](const QString&, const QString& error) { emit message(error, messageTimeoutMs); });
    connect(m_writer, &FigureWriter::encoded, this, [this](const QByteArray& png, const QImage& image) {
        auto* data = new QMimeData;
        data->setData(QStringLiteral("image/png"), png);
        data->setImageData(image);
        QGuiApplication::clipboard()->setMimeData(data);
        emit message(tr("Copied the picture to the clipboard (%1 × %2 pixels).").arg(image.width()).arg(image.height()),
            messageTimeoutMs);
    });
    // Not the source yet: the view may still be under construction. Its owner calls update() once it is made.
    m_export->setEnabled(false);
    m_copy->setEnabled(false);
}

// The writer's queue finishes what is under way first, so a picture asked for is never half-written on quit.
PictureActions::~PictureActions() = default;

void PictureActions::retranslateUi()
{
    m_export->setText(tr("&Export picture…"));
    m_copy->setText(tr("&Copy picture"));
    if (m_source.offersContent) {
        m_export->setToolTip(tr("Save the timeline and the CPU plot as PNG, SVG or PDF, with a caption (Ctrl+S)"));
        m_copy->setToolTip(tr("Copy what the plots show, with a caption, as an image (Ctrl+Shift+C)"));
    } else {
        m_export->setToolTip(tr("Save the picture as PNG, SVG or PDF, with a caption (Ctrl+S)"));
        m_copy->setToolTip(tr("Copy the picture, with a caption, as an image (Ctrl+Shift+C)"));
    }
}

bool PictureActions::event(QEvent* event)
{
    // The view passes its LanguageChange on to its children, this one included.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::event(event);
}

void PictureActions::update()
{
    const bool available = m_source.available();
    m_export->setEnabled(available);
    m_copy->setEnabled(available);
}

void PictureActions::showDialog()
{
    if (!m_source.available())
        return;
    ExportPictureDialog::Settings initial = m_settings;
    QString folder = initial.path.isEmpty() ? QString() : QFileInfo(initial.path).absolutePath();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            folder = QDir::homePath();
    }
    initial.path = QDir(folder).filePath(m_source.fileStem() + QLatin1Char('.') + figureFormatKey(initial.format));

    const std::optional<TimeRange> zoomed = m_source.zoomedWindow ? m_source.zoomedWindow() : std::nullopt;
    auto* dialog = new ExportPictureDialog(initial, zoomed, m_view);
    dialog->setContentChoiceShown(m_source.offersContent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { exportPicture(dialog->settings()); });
    dialog->open();
}

bool PictureActions::exportPicture(const ExportPictureDialog::Settings& settings)
{
    if (!m_source.available() || settings.path.isEmpty())
        return false;
    m_settings = settings;
    const Figure figure = m_source.figure(settings.content, settings.visibleWindowOnly);
    m_writer->write(RenderedFigure::render(figure, settings.format, settings.size, settings.scale), settings.path);
    emit message(tr("Saving the picture %1…").arg(QDir::toNativeSeparators(settings.path)), 0);
    return true;
}

bool PictureActions::copyPicture()
{
    if (!m_source.available())
        return false;
    const Figure figure = m_source.figure(m_settings.content, true);
    m_writer->encode(RenderedFigure::render(figure, FigureFormat::Png, m_settings.size, clipboardScale));
    return true;
}

} // namespace conlab

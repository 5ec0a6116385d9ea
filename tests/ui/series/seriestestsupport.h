#pragma once

#include "core/run/runconfig.h"
#include "tests/figurefiles.h"
#include "ui/export/exportpicturedialog.h"
#include "ui/export/figurewriter.h"
#include "ui/export/pictureactions.h"
#include "ui/series/seriesview.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>

// What the compare-all and sweep view tests share: a tiny workload and a picture exported through the view's own
// Export picture.
namespace conlab::test {

// A workload every model finishes in a fraction of a second on two cores.
inline RunConfig tinyWorkload(ModelKind model = ModelKind::Threads)
{
    RunConfig config;
    config.model = model;
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.tasks = 4;
    config.workload.cpuMs = 40;
    config.workers = 2;
    return config;
}

inline int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        for (int x = 0; x < rgb.width(); x += 2)
            colours.insert(rgb.pixel(x, y));
    }
    return int(colours.size());
}

// The view as it is on screen; also saved to $CONLAB_SCREENSHOT_DIR/name when that is set (the README's pictures).
inline QImage screenshot(QWidget& widget, const QString& name)
{
    const QImage image = widget.grab().toImage();
    const QString folder = qEnvironmentVariable("CONLAB_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        image.save(QDir(folder).filePath(name));
    return image;
}

// Exports the view's picture as a PNG through PictureActions (drawn now, written in the background) and reads it
// back; a null image when nothing was written within the timeout.
inline QImage exportedPng(SeriesView& view, const QTemporaryDir& dir, const QString& name)
{
    ExportPictureDialog::Settings settings = view.pictures().settings();
    settings.format = FigureFormat::Png;
    settings.scale = 1;
    settings.path = QDir(dir.path()).filePath(name);
    QSignalSpy written(&view.pictures().writer(), &FigureWriter::written);
    if (!view.pictures().exportPicture(settings))
        return {};
    if (written.isEmpty() && !written.wait(20'000))
        return {};
    return QImage(settings.path);
}

} // namespace conlab::test

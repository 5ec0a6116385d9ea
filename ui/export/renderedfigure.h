#pragma once

#include "ui/export/figure.h"
#include "ui/export/figureformat.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QPicture>
#include <QSize>
#include <QString>

namespace conlab {

// A figure painted into one format, ready to be written. Painting needs the plots and so the UI thread, but costs
// little there: SVG and PDF are vector commands, and a PNG is recorded as commands too. What costs (drawing a PNG's
// pixels at 4x, encoding, writing the file) may run in any thread, so a large picture never holds the window up.
class RenderedFigure
{
    Q_DECLARE_TR_FUNCTIONS(RenderedFigure)

public:
    // PNG: painted at logicalSize x pngScale device pixels, so text and lines are drawn sharp at that resolution
    // (not an enlarged bitmap); the file says scale x 96 dpi, so documents place it at its logical size. SVG and
    // PDF: vectors and text, at logicalSize in pixels of the screen's resolution (96 dpi); the PDF page is the
    // figure's size. pngScale is one of figureScales and is ignored for SVG and PDF.
    static RenderedFigure render(const Figure& figure, FigureFormat format, QSize logicalSize, int pngScale = 1);

    FigureFormat format() const { return m_format; }
    QSize logicalSize() const { return m_logicalSize; }
    int scale() const { return m_scale; }
    // PNG: the pixels, drawn now from the recording (a 4x figure takes a few hundred milliseconds: call it off the
    // UI thread); null for SVG and PDF. Safe to call from any thread.
    QImage image() const;
    // SVG and PDF: the whole file; empty for PNG.
    const QByteArray& document() const { return m_document; }

    // Writes the file atomically (QSaveFile): on failure whatever was at path stays as it was, false is returned and
    // *error (when not null) is a sentence naming the file and the reason. Safe to call from any thread.
    bool write(const QString& path, QString* error) const;

private:
    FigureFormat m_format = FigureFormat::Png;
    QSize m_logicalSize;
    int m_scale = 1;
    QPicture m_picture; // PNG
    QByteArray m_document;
};

// Renders and writes in one go, in the calling thread: the command line and tests.
bool writeFigure(
    const Figure& figure, FigureFormat format, QSize logicalSize, int pngScale, const QString& path, QString* error);

} // namespace conlab

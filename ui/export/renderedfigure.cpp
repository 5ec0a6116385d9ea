#include "ui/export/renderedfigure.h"

#include "core/export/outputfile.h"

#include <QBuffer>
#include <QDir>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <cmath>

namespace conlab {

namespace {

// The resolution QCustomPlot measures its text at (the screen's logical dpi, 96 on a plain desktop and offscreen).
// Vector devices are given the same one, so that every label is drawn at the size it was laid out for.
int layoutDpi()
{
    return QImage(1, 1, QImage::Format_RGB32).logicalDpiY();
}

bool paintOn(QPaintDevice* device, const Figure& figure, QSize size, bool vector)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    // Hairline (width 0) pens would stay one device pixel thin at 4x and in a zoomed PDF: give them a real width.
    painter.setMode(QCPPainter::pmNonCosmetic);
    painter.setMode(QCPPainter::pmVectorized, vector);
    paintFigure(figure, painter, size);
    return painter.end();
}

QByteArray renderSvg(const Figure& figure, QSize size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(layoutDpi());
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    if (!figure.caption.isEmpty()) {
        svg.setTitle(figure.caption.constFirst());
        svg.setDescription(figure.caption.join(QLatin1Char('\n')));
    }
    if (!paintOn(&svg, figure, size, true))
        return {};
    return bytes;
}

QByteArray renderPdf(const Figure& figure, QSize size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    const int dpi = layoutDpi();
    pdf.setResolution(dpi);
    // One page exactly the figure's size: a device pixel is a pixel of the figure.
    const QSizeF points = QSizeF(size) * 72.0 / dpi;
    const bool landscape = points.width() > points.height();
    const QPageSize page(landscape ? points.transposed() : points, QPageSize::Point, QString(), QPageSize::ExactMatch);
    pdf.setPageLayout(QPageLayout(page, landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF()));
    pdf.setCreator(QStringLiteral("Concurrency Lab"));
    if (!figure.caption.isEmpty())
        pdf.setTitle(figure.caption.constFirst());
    if (!paintOn(&pdf, figure, size, true))
        return {};
    return bytes;
}

} // namespace

RenderedFigure RenderedFigure::render(const Figure& figure, FigureFormat format, QSize logicalSize, int pngScale)
{
    RenderedFigure rendered;
    rendered.m_format = format;
    rendered.m_logicalSize = logicalSize;
    rendered.m_scale = format == FigureFormat::Png && isFigureScale(pngScale) ? pngScale : 1;
    switch (format) {
    case FigureFormat::Png:
        // Recorded, not rasterised: painting the commands again into 4x pixels is what takes time, and image() may
        // do that in any thread.
        if (!paintOn(&rendered.m_picture, figure, logicalSize, false))
            rendered.m_picture = QPicture();
        break;
    case FigureFormat::Svg:
        rendered.m_document = renderSvg(figure, logicalSize);
        break;
    case FigureFormat::Pdf:
        rendered.m_document = renderPdf(figure, logicalSize);
        break;
    }
    return rendered;
}

QImage RenderedFigure::image() const
{
    if (m_format != FigureFormat::Png || m_picture.isNull())
        return {};
    QImage image(m_logicalSize * m_scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        // A scaled painter rather than an image with a device pixel ratio: text is then placed by the same (hinted)
        // metrics the plots were laid out with and only its glyphs are drawn larger, where a 2x device would measure
        // the text anew, a little wider, and the legends would clip it.
        painter.scale(m_scale, m_scale);
        QPicture picture = m_picture; // play() is not const; the copy shares the recording
        picture.play(&painter);
    }
    // Only now: fonts are sized by the image's resolution while painting, which must stay the layout's.
    const auto dotsPerMeter = int(std::lround(layoutDpi() * m_scale / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool RenderedFigure::write(const QString& path, QString* error) const
{
    OutputFile file(path);
    QString reason;
    if (file.open()) {
        // A PNG is encoded in memory first, so that the file sees one write like the vector formats: a disk that
        // fills up then fails that write (and says why) instead of libpng's, whose error path in Qt leaks its row.
        QByteArray bytes = m_document;
        if (m_format == FigureFormat::Png) {
            const QImage pixels = image();
            QBuffer buffer(&bytes);
            if (pixels.isNull() || !buffer.open(QIODevice::WriteOnly) || !pixels.save(&buffer, "PNG"))
                bytes.clear();
        }
        const bool written = !bytes.isEmpty() && file.device()->write(bytes) == bytes.size();
        if (written && file.commit())
            return true;
        if (!written && !file.hasWriteError())
            reason = tr("the %1 could not be drawn or encoded").arg(figureFormatKey(m_format).toUpper());
    }
    // Not committed: the temporary file is dropped and the old file at path is untouched.
    if (error) {
        if (reason.isEmpty())
            reason = file.errorReason();
        *error = tr("Could not write the picture %1: %2.").arg(QDir::toNativeSeparators(path), reason);
    }
    return false;
}

bool writeFigure(
    const Figure& figure, FigureFormat format, QSize logicalSize, int pngScale, const QString& path, QString* error)
{
    return RenderedFigure::render(figure, format, logicalSize, pngScale).write(path, error);
}

} // namespace conlab

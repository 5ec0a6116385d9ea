#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QSet>
#include <QString>
#include <QXmlStreamReader>

// Checks on picture files shared by the figure tests of the window, the export code and the command line: a PNG that
// decodes and is not blank, an SVG that is well-formed and draws, a PDF that is whole.
namespace conlab::test {

// Pixels that are neither white nor the figure's background: what was actually drawn.
inline int inkPixels(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int ink = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ink += (line[x] & 0xffffff) != 0xffffff;
    }
    return ink;
}

// How many pixels have exactly this colour.
inline int pixelsOf(const QImage& image, QColor color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const QRgb wanted = color.rgb() | 0xff000000;
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            count += (line[x] | 0xff000000) == wanted;
    }
    return count;
}

struct SvgCheck
{
    bool wellFormed = false;
    QString root;
    int drawingElements = 0; // path, rect, polyline, polygon, line, text, image
    int textElements = 0;
    QString error;
};

inline SvgCheck checkSvg(const QByteArray& svg)
{
    static const QSet<QString> drawing {QStringLiteral("path"), QStringLiteral("rect"), QStringLiteral("polyline"),
        QStringLiteral("polygon"), QStringLiteral("line"), QStringLiteral("text"), QStringLiteral("image")};
    SvgCheck check;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (check.root.isEmpty())
            check.root = name;
        check.drawingElements += drawing.contains(name);
        check.textElements += name == QLatin1String("text");
    }
    check.wellFormed = !xml.hasError();
    check.error = xml.errorString();
    return check;
}

// Starts with the PDF header and ends with the end-of-file marker (a truncated file has none).
inline bool isWholePdf(const QByteArray& pdf)
{
    return pdf.startsWith("%PDF-") && pdf.trimmed().endsWith("%%EOF");
}

} // namespace conlab::test

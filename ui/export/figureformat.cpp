#include "ui/export/figureformat.h"

#include "core/util/enumkey.h"

#include <QCoreApplication>
#include <algorithm>

namespace conlab {

QString figureFormatKey(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return QStringLiteral("png");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("png");
}

std::optional<FigureFormat> figureFormatFromKey(const QString& key)
{
    return enumFromKey(allFigureFormats, figureFormatKey, key);
}

QString figureFormatLabel(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return QCoreApplication::translate("conlab::FigureFormat", "PNG image");
    case FigureFormat::Svg:
        return QCoreApplication::translate("conlab::FigureFormat", "SVG drawing");
    case FigureFormat::Pdf:
        return QCoreApplication::translate("conlab::FigureFormat", "PDF document");
    }
    return {};
}

bool isFigureScale(int scale)
{
    return std::find(figureScales.begin(), figureScales.end(), scale) != figureScales.end();
}

} // namespace conlab

#pragma once

#include <QString>
#include <array>
#include <optional>

namespace conlab {

// The kinds of picture file a figure is written as. The caller chooses (a dialog, a command-line option): a format
// is never guessed from a file name.
enum class FigureFormat
{
    Png,
    Svg,
    Pdf,
};

inline constexpr std::array allFigureFormats {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf};

// "png", "svg", "pdf": the command-line option's name and the file suffix.
QString figureFormatKey(FigureFormat format);
std::optional<FigureFormat> figureFormatFromKey(const QString& key);
// "PNG image", "SVG drawing", "PDF document": what a user picks from.
QString figureFormatLabel(FigureFormat format);

// The PNG scales a figure is offered at: 1x for the screen, 2x and 4x for slides and print.
inline constexpr std::array figureScales {1, 2, 4};
bool isFigureScale(int scale);

} // namespace conlab

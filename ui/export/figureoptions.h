#pragma once

#include "ui/export/figureformat.h"
#include "ui/export/runfigure.h"

#include <QCommandLineParser>
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace conlab {

// A 16:9 slide at a size where the plots' 11-12 pt text reads well.
inline constexpr QSize defaultFigureSize {1600, 900};
inline constexpr int minFigureSide = 200;
inline constexpr int maxFigureSide = 8000;
// A PNG's pixels at its scale; past this the image alone would take more than 256 MB.
inline constexpr qint64 maxFigurePixels = 64'000'000;

// Whether a PNG of this logical size at this scale would have more than maxFigurePixels.
bool isPngTooLarge(QSize size, int scale);

// What `conlab run --png/--svg/--pdf` asks for: one figure, written in every format that has a file.
struct FigureRequest
{
    FigureContent content = FigureContent::Both;
    QSize size = defaultFigureSize; // logical pixels
    int scale = 1; // PNG only
    std::vector<std::pair<FigureFormat, QString>> files; // png, svg, pdf, in that order

    bool isEmpty() const { return files.empty(); }
};

// --png FILE, --svg FILE, --pdf FILE, --figure both|timeline|utilisation, --scale 1|2|4, --figure-size WxH.
void addFigureOptions(QCommandLineParser& parser);

// Reads the options added by addFigureOptions(). An empty request when no file is asked for. On bad input returns
// nullopt and one line naming the option: an unknown --figure, a scale other than 1, 2 or 4, a size that is not
// WxH within [minFigureSide, maxFigureSide] or too many pixels at its scale, a shaping option without a file to
// shape (--scale without --png), an empty file name, or one file for two formats.
std::optional<FigureRequest> figureRequestFromOptions(const QCommandLineParser& parser, QString* error);

// Whether `conlab run` arguments (the program name and "run" first) ask for a picture file, which needs a
// QApplication: decided before one exists, so that runs without pictures start no GUI at all.
bool asksForFigure(const QStringList& arguments);

} // namespace conlab

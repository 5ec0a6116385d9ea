#include "ui/export/figureoptions.h"

#include <QRegularExpression>

namespace conlab {

namespace {

const QString figureName = QStringLiteral("figure");
const QString scaleName = QStringLiteral("scale");
const QString sizeName = QStringLiteral("figure-size");

std::optional<QSize> parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})[xX](\\d{1,6})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    const auto inRange = [](int side) { return side >= minFigureSide && side <= maxFigureSide; };
    if (!inRange(size.width()) || !inRange(size.height()))
        return std::nullopt;
    return size;
}

} // namespace

bool isPngTooLarge(QSize size, int scale)
{
    return qint64(size.width()) * size.height() * scale * scale > maxFigurePixels;
}

void addFigureOptions(QCommandLineParser& parser)
{
    for (FigureFormat format : allFigureFormats) {
        const QString key = figureFormatKey(format);
        parser.addOption({key,
            QStringLiteral("When the run ends, write a %1 figure of it (caption, timeline, CPU utilisation).")
                .arg(key.toUpper()),
            QStringLiteral("FILE")});
    }
    parser.addOptions({
        {figureName, QStringLiteral("What the figure shows: both (default), timeline or utilisation."),
            QStringLiteral("both|timeline|utilisation")},
        {scaleName, QStringLiteral("PNG resolution: 1 (default), 2 or 4 pixels per logical pixel."),
            QStringLiteral("1|2|4")},
        {sizeName, QStringLiteral("Figure size in logical pixels (default 1600x900)."), QStringLiteral("WxH")},
    });
}

std::optional<FigureRequest> figureRequestFromOptions(const QCommandLineParser& parser, QString* error)
{
    FigureRequest request;
    for (FigureFormat format : allFigureFormats) {
        const QString key = figureFormatKey(format);
        if (!parser.isSet(key))
            continue;
        const QString path = parser.value(key);
        if (path.isEmpty()) {
            *error = QStringLiteral("--%1: expected a file name").arg(key);
            return std::nullopt;
        }
        for (const auto& [otherFormat, otherPath] : request.files) {
            if (otherPath == path) {
                *error = QStringLiteral("--%1: '%2' is already the --%3 file")
                             .arg(key, path, figureFormatKey(otherFormat));
                return std::nullopt;
            }
        }
        request.files.emplace_back(format, path);
    }

    // Shaping options with nothing to shape are refused rather than silently ignored.
    const bool png = parser.isSet(figureFormatKey(FigureFormat::Png));
    for (const QString& name : {figureName, sizeName}) {
        if (parser.isSet(name) && request.isEmpty()) {
            *error = QStringLiteral("--%1: only applies with --png, --svg or --pdf").arg(name);
            return std::nullopt;
        }
    }
    if (parser.isSet(scaleName) && !png) {
        *error = QStringLiteral("--scale: only applies with --png");
        return std::nullopt;
    }

    if (parser.isSet(figureName)) {
        const QString value = parser.value(figureName);
        const std::optional<FigureContent> content = figureContentFromKey(value);
        if (!content) {
            *error = QStringLiteral("--figure: expected both, timeline or utilisation, got '%1'").arg(value);
            return std::nullopt;
        }
        request.content = *content;
    }
    if (parser.isSet(scaleName)) {
        const QString value = parser.value(scaleName);
        bool ok = false;
        const int scale = value.toInt(&ok);
        if (!ok || !isFigureScale(scale)) {
            *error = QStringLiteral("--scale: expected 1, 2 or 4, got '%1'").arg(value);
            return std::nullopt;
        }
        request.scale = scale;
    }
    if (parser.isSet(sizeName)) {
        const QString value = parser.value(sizeName);
        const std::optional<QSize> size = parseSize(value);
        if (!size) {
            *error = QStringLiteral("--figure-size: expected WIDTHxHEIGHT in logical pixels, each from %1 to %2, "
                                    "got '%3'")
                         .arg(minFigureSide)
                         .arg(maxFigureSide)
                         .arg(value);
            return std::nullopt;
        }
        request.size = *size;
    }
    if (png && isPngTooLarge(request.size, request.scale)) {
        const QSize pixels = request.size * request.scale;
        *error = QStringLiteral("--scale: a %1 PNG at %2x would be %3x%4 pixels, over the limit of %5 million: "
                                "lower --scale or --figure-size")
                     .arg(QStringLiteral("%1x%2").arg(request.size.width()).arg(request.size.height()))
                     .arg(request.scale)
                     .arg(pixels.width())
                     .arg(pixels.height())
                     .arg(maxFigurePixels / 1'000'000);
        return std::nullopt;
    }
    return request;
}

bool asksForFigure(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--"))
            return false; // the rest are positional arguments
        for (FigureFormat format : allFigureFormats) {
            const QString option = QStringLiteral("--") + figureFormatKey(format);
            if (argument == option || argument.startsWith(option + QLatin1Char('=')))
                return true;
        }
    }
    return false;
}

} // namespace conlab

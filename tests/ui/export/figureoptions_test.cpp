#include "ui/export/figureoptions.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

struct Parsed
{
    std::optional<FigureRequest> request;
    QString error;
};

Parsed parse(const QStringList& options)
{
    QCommandLineParser parser;
    addFigureOptions(parser);
    EXPECT_TRUE(parser.parse(QStringList {QStringLiteral("conlab"), QStringLiteral("run")} + options))
        << parser.errorText().toStdString();
    Parsed parsed;
    parsed.request = figureRequestFromOptions(parser, &parsed.error);
    return parsed;
}

TEST(FigureOptions, NoFileNoFigure)
{
    const Parsed parsed = parse({});
    ASSERT_TRUE(parsed.request);
    EXPECT_TRUE(parsed.request->isEmpty());
}

TEST(FigureOptions, DefaultsAreBothAt1600x900AndOneScale)
{
    const Parsed parsed
        = parse({QStringLiteral("--svg"), QStringLiteral("a.svg"), QStringLiteral("--png"), QStringLiteral("a.png")});
    ASSERT_TRUE(parsed.request) << parsed.error.toStdString();
    EXPECT_EQ(parsed.request->content, FigureContent::Both);
    EXPECT_EQ(parsed.request->size, QSize(1600, 900));
    EXPECT_EQ(parsed.request->scale, 1);
    ASSERT_EQ(parsed.request->files.size(), 2u);
    EXPECT_EQ(parsed.request->files[0], std::make_pair(FigureFormat::Png, QStringLiteral("a.png")));
    EXPECT_EQ(parsed.request->files[1], std::make_pair(FigureFormat::Svg, QStringLiteral("a.svg")));
}

TEST(FigureOptions, ReadsContentScaleAndSize)
{
    const Parsed parsed = parse({QStringLiteral("--png"), QStringLiteral("a.png"), QStringLiteral("--pdf"),
        QStringLiteral("a.pdf"), QStringLiteral("--figure"), QStringLiteral("timeline"), QStringLiteral("--scale"),
        QStringLiteral("4"), QStringLiteral("--figure-size"), QStringLiteral("1280x720")});
    ASSERT_TRUE(parsed.request) << parsed.error.toStdString();
    EXPECT_EQ(parsed.request->content, FigureContent::Timeline);
    EXPECT_EQ(parsed.request->scale, 4);
    EXPECT_EQ(parsed.request->size, QSize(1280, 720));
}

struct BadFigureOption
{
    QStringList options;
    const char* named;
};

class FigureOptionsReject : public ::testing::TestWithParam<BadFigureOption>
{
};

TEST_P(FigureOptionsReject, WithAMessageNamingTheOption)
{
    const Parsed parsed = parse(GetParam().options);
    EXPECT_FALSE(parsed.request);
    EXPECT_TRUE(parsed.error.contains(QLatin1String(GetParam().named))) << parsed.error.toStdString();
    EXPECT_FALSE(parsed.error.contains(QLatin1Char('\n')));
}

const QString png = QStringLiteral("--png");
const QString file = QStringLiteral("a.png");

INSTANTIATE_TEST_SUITE_P(BadInputs, FigureOptionsReject,
    ::testing::Values(BadFigureOption {{png, file, QStringLiteral("--figure"), QStringLiteral("pie")}, "--figure"},
        BadFigureOption {{png, file, QStringLiteral("--scale"), QStringLiteral("3")}, "--scale"},
        BadFigureOption {{png, file, QStringLiteral("--scale"), QStringLiteral("two")}, "--scale"},
        BadFigureOption {{png, file, QStringLiteral("--figure-size"), QStringLiteral("100x100")}, "--figure-size"},
        BadFigureOption {{png, file, QStringLiteral("--figure-size"), QStringLiteral("1600")}, "--figure-size"},
        BadFigureOption {{png, file, QStringLiteral("--figure-size"), QStringLiteral("1600x900x2")}, "--figure-size"},
        BadFigureOption {{png, file, QStringLiteral("--figure-size"), QStringLiteral("-1600x900")}, "--figure-size"},
        BadFigureOption {{png, file, QStringLiteral("--figure-size"), QStringLiteral("8000x8000"),
                             QStringLiteral("--scale"), QStringLiteral("2")},
            "--scale"},
        BadFigureOption {{QStringLiteral("--scale"), QStringLiteral("2")}, "--scale"},
        BadFigureOption {
            {QStringLiteral("--svg"), QStringLiteral("a.svg"), QStringLiteral("--scale"), QStringLiteral("2")},
            "--scale"},
        BadFigureOption {{QStringLiteral("--figure"), QStringLiteral("timeline")}, "--figure"},
        BadFigureOption {{QStringLiteral("--figure-size"), QStringLiteral("800x600")}, "--figure-size"},
        BadFigureOption {{png, QString()}, "--png"},
        BadFigureOption {{png, file, QStringLiteral("--svg"), file}, "--svg"}));

TEST(FigureOptions, TheCommandLineAsksForAFigureOnlyWithAFile)
{
    const auto asks = [](const QStringList& options) {
        return asksForFigure(QStringList {QStringLiteral("conlab"), QStringLiteral("run")} + options);
    };
    EXPECT_TRUE(asks({QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--png"), file}));
    EXPECT_TRUE(asks({QStringLiteral("--svg=a.svg")}));
    EXPECT_TRUE(asks({QStringLiteral("--pdf")})); // the missing value is the parser's to report
    EXPECT_FALSE(asks({QStringLiteral("--tasks"), QStringLiteral("4")}));
    EXPECT_FALSE(asks({QStringLiteral("--scale"), QStringLiteral("2")}));
    EXPECT_FALSE(asks({QStringLiteral("--pngs")}));
    EXPECT_FALSE(asks({QStringLiteral("--"), png, file}));
}

} // namespace
} // namespace conlab

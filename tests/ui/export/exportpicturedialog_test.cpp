#include "tests/ui/child.h"
#include "ui/export/exportpicturedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace conlab {
namespace {

ExportPictureDialog::Settings initialIn(const QTemporaryDir& dir)
{
    ExportPictureDialog::Settings settings;
    settings.path = dir.filePath(QStringLiteral("conlab-threads-cpu-2026-12-01.png"));
    return settings;
}

TEST(ExportPictureDialog, ReturnsTheChoicesMade)
{
    QTemporaryDir dir;
    ExportPictureDialog dialog(initialIn(dir), TimeRange {0.5, 1.25});
    test::child<QComboBox>(dialog, "content")
        ->setCurrentIndex(test::child<QComboBox>(dialog, "content")->findData(int(FigureContent::Timeline)));
    test::child<QComboBox>(dialog, "scale")->setCurrentIndex(test::child<QComboBox>(dialog, "scale")->findData(4));
    const ExportPictureDialog::Settings chosen = dialog.settings();
    EXPECT_EQ(chosen.content, FigureContent::Timeline);
    EXPECT_EQ(chosen.format, FigureFormat::Png);
    EXPECT_EQ(chosen.scale, 4);
    EXPECT_EQ(chosen.size, QSize(1600, 900));
    EXPECT_TRUE(chosen.visibleWindowOnly);
    EXPECT_EQ(chosen.path, initialIn(dir).path);
    EXPECT_TRUE(dialog.problem().isEmpty()) << dialog.problem().toStdString();
    EXPECT_TRUE(
        test::child<QCheckBox>(dialog, "visibleWindowOnly")->text().contains(QStringLiteral("0.500 s to 1.250 s")));
}

TEST(ExportPictureDialog, TheVisibleWindowChoiceNeedsAZoom)
{
    QTemporaryDir dir;
    ExportPictureDialog dialog(initialIn(dir), std::nullopt);
    EXPECT_FALSE(test::child<QCheckBox>(dialog, "visibleWindowOnly")->isEnabled());
    EXPECT_FALSE(dialog.settings().visibleWindowOnly);
}

TEST(ExportPictureDialog, ChangingTheFormatRenamesTheFileAndOnlyPngHasAScale)
{
    QTemporaryDir dir;
    ExportPictureDialog dialog(initialIn(dir), std::nullopt);
    test::child<QComboBox>(dialog, "format")
        ->setCurrentIndex(test::child<QComboBox>(dialog, "format")->findData(int(FigureFormat::Svg)));
    EXPECT_EQ(dialog.settings().format, FigureFormat::Svg);
    EXPECT_TRUE(dialog.settings().path.endsWith(QStringLiteral("conlab-threads-cpu-2026-12-01.svg")));
    EXPECT_FALSE(test::child<QComboBox>(dialog, "scale")->isEnabled());
    test::child<QComboBox>(dialog, "format")
        ->setCurrentIndex(test::child<QComboBox>(dialog, "format")->findData(int(FigureFormat::Pdf)));
    EXPECT_TRUE(dialog.settings().path.endsWith(QStringLiteral(".pdf")));
    test::child<QComboBox>(dialog, "format")
        ->setCurrentIndex(test::child<QComboBox>(dialog, "format")->findData(int(FigureFormat::Png)));
    EXPECT_TRUE(test::child<QComboBox>(dialog, "scale")->isEnabled());
}

TEST(ExportPictureDialog, RefusesWhatCannotBeSavedAsChosen)
{
    QTemporaryDir dir;
    ExportPictureDialog dialog(initialIn(dir), std::nullopt);
    test::child<QLineEdit>(dialog, "path")->setText(dir.filePath(QStringLiteral("figure.svg")));
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("ends in .svg, but the format is PNG")))
        << dialog.problem().toStdString();
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected) << "not accepted with a wrong suffix";

    test::child<QLineEdit>(dialog, "path")->setText(dir.filePath(QStringLiteral("no/such/folder/figure.png")));
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("no folder"))) << dialog.problem().toStdString();
    test::child<QLineEdit>(dialog, "path")->clear();
    EXPECT_FALSE(dialog.problem().isEmpty());

    test::child<QLineEdit>(dialog, "path")->setText(dir.filePath(QStringLiteral("figure")));
    EXPECT_TRUE(dialog.problem().isEmpty());
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.settings().path, dir.filePath(QStringLiteral("figure.png"))) << "a bare name gets the suffix";
}

} // namespace
} // namespace conlab

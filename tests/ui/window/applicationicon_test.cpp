#include "ui/window/applicationicon.h"

#include <QImage>
#include <QPixmap>
#include <gtest/gtest.h>

using namespace conlab;

// The SVG is compiled in and drawn at any size: the window's icon, the same file conlab.desktop installs.
TEST(ApplicationIcon, IsTheCompiledInSvgAtAnySize)
{
    const QIcon icon = applicationIcon();
    ASSERT_FALSE(icon.isNull());
    for (const int side : {16, 48, 256}) {
        const QImage image = icon.pixmap(side, side).toImage();
        ASSERT_EQ(image.size(), QSize(side, side)) << side;
        // The navy tile below the utilisation line, and a running-green lane near the top left.
        EXPECT_EQ(QColor(image.pixel(side / 2, side * 232 / 256)).name(), QStringLiteral("#1d2b45")) << side;
        if (side >= 48) {
            EXPECT_EQ(QColor(image.pixel(side * 60 / 256, side * 55 / 256)).name(), QStringLiteral("#009e73"));
        }
    }
}

#include "ui/plots/presentationtheme.h"

#include "ui/plots/statepalette.h"

#include <cmath>

namespace conlab {

namespace {

// The brief's floor for a room: everything at least 1.6 times the desk size.
constexpr double presenterScale = 1.6;

} // namespace

PresentationTheme PresentationTheme::presenter()
{
    return PresentationTheme {presenterScale, true};
}

QFont PresentationTheme::font(QFont base, double deskPointSize) const
{
    base.setPointSizeF(deskPointSize * scale);
    return base;
}

QFont PresentationTheme::scaledFont(const QFont& desk) const
{
    QFont font = desk;
    if (desk.pointSizeF() > 0)
        font.setPointSizeF(desk.pointSizeF() * scale);
    else
        font.setPixelSize(int(std::ceil(desk.pixelSize() * scale)));
    return font;
}

int PresentationTheme::pixels(int deskPixels) const
{
    return int(std::ceil(deskPixels * scale - 1e-9));
}

QColor PresentationTheme::gridColor() const
{
    // Dotted hairlines at 16 % black vanish on a projector; at 45 % they still read as a grid, not as data.
    return highContrast ? QColor(0, 0, 0, 115) : QColor(0, 0, 0, 40);
}

QColor PresentationTheme::laneBandColor() const
{
    return highContrast ? QColor(0, 0, 0, 26) : QColor(0, 0, 0, 12);
}

QColor PresentationTheme::captionColor() const
{
    return highContrast ? QColor(Qt::black) : QColor(0x20, 0x20, 0x20);
}

QColor PresentationTheme::segmentOutline(TaskState state) const
{
    // The fills stay Okabe-Ito (told apart with colour-vision deficiencies); a near-black edge keeps the light ones,
    // yellow and sky blue, from washing into a projected white. The loop-blocking frame keeps its red.
    if (highContrast && state != TaskState::BlockingLoop)
        return QColor(0x1A, 0x1A, 0x1A);
    return stateOutlineColor(state);
}

QPalette PresentationTheme::palette(const QPalette& desk) const
{
    if (!highContrast)
        return desk;
    QPalette palette(desk);
    const QColor white(Qt::white);
    const QColor black(Qt::black);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Window, white);
        palette.setColor(group, QPalette::WindowText, black);
        palette.setColor(group, QPalette::Base, white);
        palette.setColor(group, QPalette::AlternateBase, QColor(0xEE, 0xEE, 0xEE));
        palette.setColor(group, QPalette::Text, black);
        palette.setColor(group, QPalette::Button, QColor(0xE4, 0xE4, 0xE4));
        palette.setColor(group, QPalette::ButtonText, black);
        palette.setColor(group, QPalette::Highlight, QColor(0x00, 0x48, 0x9A));
        palette.setColor(group, QPalette::HighlightedText, white);
        palette.setColor(group, QPalette::ToolTipBase, white);
        palette.setColor(group, QPalette::ToolTipText, black);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
        // Frames and bevels: dark enough that a control's edge is seen from afar.
        palette.setColor(group, QPalette::Light, white);
        palette.setColor(group, QPalette::Midlight, QColor(0xD0, 0xD0, 0xD0));
        palette.setColor(group, QPalette::Mid, QColor(0x70, 0x70, 0x70));
        palette.setColor(group, QPalette::Dark, QColor(0x40, 0x40, 0x40));
        palette.setColor(group, QPalette::Shadow, black);
    }
    // Disabled controls still readable (about 5:1 on white), but plainly not active.
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Disabled, QPalette::Window, white);
    palette.setColor(QPalette::Disabled, QPalette::Base, QColor(0xF4, 0xF4, 0xF4));
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0xEE, 0xEE, 0xEE));
    return palette;
}

} // namespace conlab

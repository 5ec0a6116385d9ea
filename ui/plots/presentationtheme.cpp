#include "ui/plots/presentationtheme.h"

#include "ui/plots/statepalette.h"

#include <cmath>
#include <optional>

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
    // Each role's colour for enabled controls (active and inactive windows) and, where it is not the desk's, for
    // disabled ones: still readable (about 5:1 on white), but plainly not active. Frames and bevels (Light to Shadow)
    // are dark enough that a control's edge is seen from afar.
    struct RoleColors
    {
        QPalette::ColorRole role;
        QRgb enabled;
        std::optional<QRgb> disabled;
    };
    constexpr QRgb white = 0xFFFFFF;
    constexpr QRgb black = 0x000000;
    constexpr QRgb disabledText = 0x606060;
    const RoleColors roles[] = {
        {QPalette::Window, white, white},
        {QPalette::WindowText, black, disabledText},
        {QPalette::Base, white, 0xF4F4F4},
        {QPalette::AlternateBase, 0xEEEEEE, {}},
        {QPalette::Text, black, disabledText},
        {QPalette::Button, 0xE4E4E4, 0xEEEEEE},
        {QPalette::ButtonText, black, disabledText},
        {QPalette::Highlight, 0x00489A, {}},
        {QPalette::HighlightedText, white, {}},
        {QPalette::ToolTipBase, white, {}},
        {QPalette::ToolTipText, black, {}},
        {QPalette::PlaceholderText, 0x404040, {}},
        {QPalette::Light, white, {}},
        {QPalette::Midlight, 0xD0D0D0, {}},
        {QPalette::Mid, 0x707070, {}},
        {QPalette::Dark, 0x404040, {}},
        {QPalette::Shadow, black, {}},
    };
    QPalette palette(desk);
    for (const RoleColors& colors : roles) {
        for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive})
            palette.setColor(group, colors.role, QColor(colors.enabled));
        if (colors.disabled)
            palette.setColor(QPalette::Disabled, colors.role, QColor(*colors.disabled));
    }
    return palette;
}

} // namespace conlab

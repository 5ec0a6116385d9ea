#pragma once

#include "core/trace/taskstate.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace conlab {

// How the window and its plots look, in one place: the desk look, or the presenter look for a projector at the back
// of a classroom (every font and line 1.6x, black on white, dark outlines around the state colours). Plots, panels
// and figures derive every size and colour they draw from the theme they were given, never from a multiplier of
// their own, so switching the theme switches all of it and switching back restores all of it.
struct PresentationTheme
{
    // Fonts and line widths relative to the desk look.
    double scale = 1.0;
    // Black text and axes, darker grid and lane bands, dark outlines on segments, a white-and-black widget palette.
    bool highContrast = false;

    static PresentationTheme desk() { return {}; }
    static PresentationTheme presenter();

    // `base` (for its family) at the desk size deskPointSize, scaled.
    QFont font(QFont base, double deskPointSize) const;
    // The same font `desk` is, scaled: the application font.
    QFont scaledFont(const QFont& desk) const;
    double lineWidth(double deskWidth) const { return deskWidth * scale; }
    // Whole pixels (outlines, margins, icon sizes): rounded up, so a scaled size is never below the scale.
    int pixels(int deskPixels) const;

    QColor gridColor() const;
    QColor laneBandColor() const;
    QColor captionColor() const;
    // The edge drawn around a segment wide enough to have one.
    QColor segmentOutline(TaskState state) const;
    // The widgets' palette: `desk` itself, or white windows, black text and a strong highlight.
    QPalette palette(const QPalette& desk) const;

    friend bool operator==(const PresentationTheme&, const PresentationTheme&) = default;
};

} // namespace conlab

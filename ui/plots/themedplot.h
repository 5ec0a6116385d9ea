#pragma once

#include "ui/plots/presentationtheme.h"

#include <qcustomplot.h>

namespace conlab {

// A QCustomPlot whose fonts, pens and colours all come from one PresentationTheme (the desk look until set), so that
// presenter mode switches every plot of the app, the live ones and the result views, the same way. Subclasses style
// their own lines and marks in applyTheme(), calling their base's first; each constructor calls its own once its
// parts exist.
class ThemedPlot : public QCustomPlot
{
    Q_OBJECT
public:
    // Restyles the whole plot and replots with the new theme.
    void setTheme(const PresentationTheme& theme);
    const PresentationTheme& theme() const { return m_theme; }

protected:
    explicit ThemedPlot(QWidget* parent = nullptr);

    QFont tickFont() const;
    QFont labelFont() const;
    QFont legendFont() const;
    // The legend's font at the desk size, whatever the theme: for a legend with no room for the theme's.
    QFont compactLegendFont() const;
    // Every axis of the main axis rect (fonts, pens, ticks, paddings, grid) and the legend (font, swatches, spacing).
    virtual void applyTheme();
    // Follows the UI language's number format in the tick labels.
    void changeEvent(QEvent* event) override;

private:
    void useUiNumberFormat();

    PresentationTheme m_theme;
};

} // namespace conlab

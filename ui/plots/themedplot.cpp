#include "ui/plots/themedplot.h"

#include <QEvent>
#include <QLocale>

namespace conlab {

namespace {

// Desk sizes; the theme scales them.
constexpr double tickPointSize = 11;
constexpr double labelPointSize = 12;
constexpr double legendPointSize = 11;

} // namespace

ThemedPlot::ThemedPlot(QWidget* parent)
    : QCustomPlot(parent)
{
    useUiNumberFormat();
}

void ThemedPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        useUiNumberFormat();
        replot(rpQueuedReplot);
    }
    QCustomPlot::changeEvent(event);
}

void ThemedPlot::useUiNumberFormat()
{
    // Tick labels in the UI's number format (0,5 in Russian), without group separators, as QCustomPlot sets it up:
    // QCustomPlot's own default is the C locale whatever the language.
    QLocale numbers;
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    setLocale(numbers);
}

void ThemedPlot::setTheme(const PresentationTheme& theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    applyTheme();
    replot(rpQueuedReplot);
}

QFont ThemedPlot::tickFont() const
{
    return m_theme.font(font(), tickPointSize);
}

QFont ThemedPlot::labelFont() const
{
    return m_theme.font(font(), labelPointSize);
}

QFont ThemedPlot::legendFont() const
{
    return m_theme.font(font(), legendPointSize);
}

QFont ThemedPlot::compactLegendFont() const
{
    return PresentationTheme::desk().font(font(), legendPointSize);
}

void ThemedPlot::applyTheme()
{
    const QPen axisPen(Qt::black, m_theme.lineWidth(1.0), Qt::SolidLine, Qt::SquareCap);
    for (QCPAxis* axis : axisRect()->axes()) {
        axis->setLabelFont(labelFont());
        axis->setTickLabelFont(tickFont());
        axis->setBasePen(axisPen);
        axis->setTickPen(axisPen);
        axis->setSubTickPen(axisPen);
        axis->setTickLength(m_theme.pixels(5), 0);
        axis->setSubTickLength(m_theme.pixels(2), 0);
        axis->setTickLabelPadding(m_theme.pixels(5));
        axis->setLabelPadding(m_theme.pixels(5));
        axis->grid()->setPen(QPen(m_theme.gridColor(), m_theme.lineWidth(1.0), Qt::DotLine));
    }
    legend->setFont(legendFont());
    legend->setIconSize(m_theme.pixels(28), m_theme.pixels(14));
    legend->setIconTextPadding(m_theme.pixels(7));
    legend->setColumnSpacing(m_theme.pixels(22));
    legend->setRowSpacing(m_theme.pixels(4));
    legend->setMargins(QMargins(m_theme.pixels(10), m_theme.pixels(6), m_theme.pixels(10), m_theme.pixels(4)));
}

} // namespace conlab

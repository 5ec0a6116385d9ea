#include "ui/plots/statepalette.h"

#include <algorithm>
#include <array>

namespace conlab {

namespace {

// Okabe & Ito (2008), "Color Universal Design".
const QColor okabeOrange(0xE6, 0x9F, 0x00);
const QColor okabeSkyBlue(0x56, 0xB4, 0xE9);
const QColor okabeBluishGreen(0x00, 0x9E, 0x73);
const QColor okabeYellow(0xF0, 0xE4, 0x42);
const QColor okabeBlue(0x00, 0x72, 0xB2);
const QColor okabeVermillion(0xD5, 0x5E, 0x00);
const QColor okabeReddishPurple(0xCC, 0x79, 0xA7);
const QColor neutralGrey(0xA0, 0xA0, 0xA0);

// Yellow and black are left out: yellow lines vanish on white, black is the average.
const std::array<QColor, 6> coreColors {
    okabeBlue, okabeOrange, okabeBluishGreen, okabeReddishPurple, okabeSkyBlue, okabeVermillion};
constexpr int coreColorCount = int(std::tuple_size_v<decltype(coreColors)>);

} // namespace

QColor stateColor(TaskState state)
{
    switch (state) {
    case TaskState::Running:
        return okabeBluishGreen;
    case TaskState::WaitingIo:
        return okabeSkyBlue;
    case TaskState::Ready:
        return okabeYellow;
    case TaskState::StartingUp:
        return neutralGrey;
    case TaskState::WaitingGil:
        return okabeOrange;
    case TaskState::BlockedLock:
        return okabeReddishPurple;
    case TaskState::BlockingLoop:
        return okabeVermillion;
    }
    return Qt::black;
}

QColor stateOutlineColor(TaskState state)
{
    if (state == TaskState::BlockingLoop)
        return QColor(0x80, 0x00, 0x00);
    return stateColor(state).darker(150);
}

QString stateLegendText(TaskState state)
{
    return taskStateLabel(state);
}

QColor coreColor(int core)
{
    return coreColors[std::size_t(((core % coreColorCount) + coreColorCount) % coreColorCount)];
}

Qt::PenStyle corePenStyle(int core)
{
    static const std::array<Qt::PenStyle, 3> styles {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    const int cycle = core < 0 ? 0 : core / coreColorCount;
    return styles[std::size_t(cycle % 3)];
}

QColor averageColor()
{
    return Qt::black;
}

QColor workerColor(int worker)
{
    static const std::array<QColor, 7> hues {
        okabeBlue, okabeOrange, okabeBluishGreen, okabeReddishPurple, okabeSkyBlue, okabeVermillion, okabeYellow};
    constexpr int count = int(std::tuple_size_v<decltype(hues)>);
    const int index = std::max(0, worker);
    const QColor hue = hues[std::size_t(index % count)];
    switch ((index / count) % 3) {
    case 1:
        return hue.lighter(135);
    case 2:
        return hue.darker(135);
    default:
        return hue;
    }
}

} // namespace conlab

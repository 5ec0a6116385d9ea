#pragma once

class QScrollArea;
class QWidget;

namespace conlab {

// A frameless area whose content scrolls up and down but never sideways: the content takes the viewport's width and
// narrows by wrapping, so a panel (numbers, lesson) or the compare window's timelines stay legible on a short screen.
QScrollArea* verticalScrollArea(QWidget* parent);

} // namespace conlab

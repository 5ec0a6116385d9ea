#include "ui/window/verticalscrollarea.h"

#include <QScrollArea>

namespace conlab {

QScrollArea* verticalScrollArea(QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

} // namespace conlab

#pragma once

#include <QString>

namespace conlab {

// A measured duration as the window and figure captions print it: "4.20 ms", "380 ms", "2.13 s". Precision follows
// the size, so a figure that changes within a run does not jump in width and none shows digits that are noise.
QString durationText(double ms);

} // namespace conlab

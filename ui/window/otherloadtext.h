#pragma once

#include <QString>

namespace conlab {

struct RunSummary;

// What a run's numbers say when other programs took more than otherLoadWarningPercent of the machine while it ran:
// the same words in the numbers panel and under an exported picture. Empty when they did not, or nothing measured it.
QString otherLoadWarning(const RunSummary& summary);
// The short form, beside a point of a comparison.
QString otherLoadNote(const RunSummary& summary);

} // namespace conlab

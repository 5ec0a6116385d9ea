#include "ui/window/otherloadtext.h"

#include "core/run/otherload.h"
#include "core/run/runsummary.h"

#include <QCoreApplication>
#include <QLocale>

namespace conlab {

namespace {

std::optional<QString> warnedPercent(const RunSummary& summary)
{
    if (!summary.otherLoadPercent || *summary.otherLoadPercent <= otherLoadWarningPercent)
        return std::nullopt;
    return QLocale().toString(*summary.otherLoadPercent, 'f', 0);
}

} // namespace

QString otherLoadWarning(const RunSummary& summary)
{
    const std::optional<QString> percent = warnedPercent(summary);
    return percent ? QCoreApplication::translate("conlab::OtherLoad",
               "Other programs took %1 % of the machine during this run: these times are not the model's "
               "alone.")
                         .arg(*percent)
                   : QString();
}

QString otherLoadNote(const RunSummary& summary)
{
    const std::optional<QString> percent = warnedPercent(summary);
    return percent
        ? QCoreApplication::translate("conlab::OtherLoad", "other programs took %1 % of the machine").arg(*percent)
        : QString();
}

} // namespace conlab

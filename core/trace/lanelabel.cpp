#include "core/trace/lanelabel.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <array>

namespace conlab {

namespace {

struct LaneName
{
    const char* prefix; // as the models name their lanes, before the number
    const char* text; // the translatable form, "%1" for the number
};

// Longest prefix first: "executor thread" before "thread".
constexpr std::array<LaneName, 6> laneNames {{
    {"executor thread", QT_TRANSLATE_NOOP("conlab::LaneLabel", "executor thread %1")},
    {"executor process", QT_TRANSLATE_NOOP("conlab::LaneLabel", "executor process %1")},
    {"thread", QT_TRANSLATE_NOOP("conlab::LaneLabel", "thread %1")},
    {"process", QT_TRANSLATE_NOOP("conlab::LaneLabel", "process %1")},
    {"slot", QT_TRANSLATE_NOOP("conlab::LaneLabel", "slot %1")},
    // The Cores view's lanes (corelanes.h): capitalised as Visual Studio's and perf's core views name them.
    {"core", QT_TRANSLATE_NOOP("conlab::LaneLabel", "Core %1")},
}};

} // namespace

QString laneLabel(const QString& name)
{
    static const QRegularExpression numbered(QStringLiteral("^([a-z ]+) ([0-9]+)$"));
    const QRegularExpressionMatch match = numbered.match(name);
    if (!match.hasMatch())
        return name;
    const QString prefix = match.captured(1);
    for (const LaneName& lane : laneNames) {
        if (prefix == QLatin1String(lane.prefix))
            return QCoreApplication::translate("conlab::LaneLabel", lane.text).arg(match.captured(2));
    }
    return name;
}

} // namespace conlab

#include "core/export/runfile.h"

#include "core/export/atomicwrite.h"
#include "core/export/chrometraceexport.h"
#include "core/export/jsontext.h"
#include "core/export/runrecord.h"

#include <QCoreApplication>
#include <QDir>
#include <string_view>
#include <type_traits>

namespace conlab {

namespace {

// The writing side of the field walk described in runrecord.h: one compact JSON object.
class RecordWriter
{
public:
    explicit RecordWriter(TextBuffer& out)
        : m_out(out)
    {
    }

    template <typename T> void field(std::string_view name, const T& value)
    {
        if constexpr (runrecord::isOptional<T>) {
            if (value) {
                member(name);
                write(*value);
            }
        } else if constexpr (runrecord::isOptionalList<T>) {
            if (!value.items.empty()) {
                member(name);
                write(value.items);
            }
        } else if constexpr (std::is_same_v<T, QDateTime>) {
            if (value.isValid()) {
                member(name);
                m_out.append(jsonString(runrecord::dateTimeText(value)));
            }
        } else {
            member(name);
            write(value);
        }
    }

    template <typename Enum, typename KeyOf, typename FromKey>
    void keyed(std::string_view name, const Enum& value, KeyOf keyOf, FromKey)
    {
        member(name);
        m_out.append(jsonString(keyOf(value)));
    }

    template <typename Describe> void group(std::string_view name, Describe describe)
    {
        member(name);
        object([&] { describe(*this); });
    }

    template <typename Body> void object(Body body)
    {
        m_out.append('{');
        const bool outerFirst = m_first;
        m_first = true;
        body();
        m_first = outerFirst;
        m_out.append('}');
    }

private:
    void member(std::string_view name)
    {
        if (!m_first)
            m_out.append(',');
        m_first = false;
        m_out.append('"');
        m_out.append(name.data(), static_cast<qsizetype>(name.size()));
        m_out.appendLiteral("\":");
    }

    template <typename T> void write(const T& value)
    {
        if constexpr (std::is_same_v<T, bool>) {
            if (value)
                m_out.appendLiteral("true");
            else
                m_out.appendLiteral("false");
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            m_out.appendInteger(value);
        } else if constexpr (std::is_integral_v<T>) {
            m_out.appendUnsigned(value);
        } else if constexpr (std::is_same_v<T, double>) {
            appendJsonDouble(m_out, value);
        } else if constexpr (std::is_same_v<T, QString>) {
            m_out.append(jsonString(value));
        } else if constexpr (std::is_same_v<T, runrecord::FormatVersion>) {
            m_out.appendInteger(value.value);
        } else if constexpr (std::is_same_v<T, CpuSample>) {
            m_out.append('[');
            m_out.appendInteger(value.timeNs);
            for (float column : value.perCore) {
                m_out.append(',');
                appendJsonFloat(m_out, column);
            }
            m_out.append(']');
        } else if constexpr (runrecord::List<T>) {
            m_out.append('[');
            bool first = true;
            for (const auto& element : value) {
                if (!first)
                    m_out.append(',');
                first = false;
                write(element);
            }
            m_out.append(']');
        } else {
            object([&] { describeFields(*this, value); });
        }
    }

    TextBuffer& m_out;
    bool m_first = true;
};

// Perfetto's JSON importer stops reading at the first top-level key it does not know (older versions) or skips
// its value (newer ones), and speedscope reads only "traceEvents": conlab's record goes last, under a key of its
// own, so that viewers have read every event before they meet it.
void appendRunFile(TextBuffer& out, const SavedRun& saved)
{
    const Trace& trace = *saved.trace;
    out.append('{');
    appendTraceEvents(out, trace);
    out.appendLiteral(
        ",\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"generator\":\"conlab\",\"version\":\"" CONLAB_VERSION
        "\",\"cores\":");
    out.appendInteger(trace.cores);
    out.appendLiteral("},\n\"conlab\":");
    RecordWriter record(out);
    const runrecord::FormatVersion format;
    record.object([&] { describeRunRecord(record, format, trace, saved.summary, saved.baseline, saved.scriptSource); });
    out.appendLiteral("}\n");
}

} // namespace

QByteArray runFileJson(const SavedRun& saved)
{
    const Trace& trace = *saved.trace;
    // Rough upper bounds per event; a typical segment takes about 150 bytes.
    qsizetype estimate = 4096 + static_cast<qsizetype>(trace.segments.size()) * 168;
    for (const CpuSample& sample : trace.cpuSamples)
        estimate += 250 + static_cast<qsizetype>(sample.perCore.size()) * 48;
    for (const LaneInfo& lane : trace.lanes)
        estimate += 250 + lane.name.size() * 18;
    estimate += static_cast<qsizetype>(trace.instants.size()) * 200;
    TextBuffer out(estimate);
    appendRunFile(out, saved);
    return out.take();
}

bool writeRunFile(const SavedRun& saved, const QString& path, Problem* error)
{
    if (!saved.trace) {
        if (error)
            *error = Problem(
                QT_TRANSLATE_NOOP("conlab::Problem", "Could not write the run file %1: there is no run to save."),
                {QDir::toNativeSeparators(path)});
        return false;
    }
    return writeTextFileAtomically(
        path, QT_TRANSLATE_NOOP("conlab::Problem", "run file"),
        [&saved](TextBuffer& out) { appendRunFile(out, saved); }, error);
}

} // namespace conlab

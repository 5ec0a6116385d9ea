#include "core/import/runfilereader.h"

#include "core/import/conlabevents.h"
#include "core/import/foreigntrace.h"
#include "core/import/jsonreader.h"
#include "core/import/rawtrace.h"
#include "core/import/runrecordreader.h"
#include "core/import/traceeventscanner.h"

#include <QDir>
#include <QFile>
#include <new>

namespace conlab {

namespace {

QString byteSize(std::int64_t bytes)
{
    constexpr double kib = 1024.0;
    if (bytes >= std::int64_t(1) << 30)
        return QStringLiteral("%1 GiB").arg(double(bytes) / (kib * kib * kib), 0, 'f', 1);
    if (bytes >= std::int64_t(1) << 20)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (kib * kib), 0, 'f', 1);
    if (bytes >= std::int64_t(1) << 10)
        return QStringLiteral("%1 KiB").arg(double(bytes) / kib, 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString tooLarge(const QString& name, std::int64_t size, const RunFileLimits& limits)
{
    return QStringLiteral("%1 is %2; files over %3 are not opened.")
        .arg(name, byteSize(size), byteSize(limits.maxFileBytes));
}

// Lines and columns for what the report points at, counted once the whole file is read (a scan of the text each).
void locate(std::string_view text, ImportReport& report)
{
    for (SkippedEvents& skipped : report.skipped) {
        if (skipped.count == 0)
            continue;
        const TextPosition at = textPosition(text, skipped.firstOffset);
        skipped.firstLine = at.line;
        skipped.firstColumn = at.column;
    }
    if (report.endedEarly)
        report.endedAtLine = textPosition(text, report.endedAtOffset).line;
}

SavedRun parse(std::string_view text, const RunFileLimits& limits)
{
    JsonReader reader(
        text, limits.maxDepth, static_cast<std::size_t>(std::max<std::int64_t>(limits.maxStringBytes, 0)));
    reader.allowTrailingCommas();
    RawTrace raw;
    TraceEventScanner scanner(reader, raw, limits);
    std::optional<RunRecord> record;
    if (reader.atEnd())
        reader.failHere(QStringLiteral("the file is empty"));

    const JsonReader::Kind top = reader.peek();
    bool complete = true; // false once the file is found cut off after an event
    if (top == JsonReader::Kind::Array) {
        complete = scanner.readEvents(true);
    } else if (top == JsonReader::Kind::Object) {
        const std::size_t objectOffset = reader.offset();
        reader.beginObject();
        bool events = false;
        std::string_view key;
        // Past the events, a cut-off file still holds them all: what it lost (metadata, stack frames) is not drawn.
        const auto untilCut = [&](const auto& read) {
            try {
                return read();
            } catch (const ParseError& problem) {
                if (!problem.truncated || raw.report.events == 0)
                    throw;
                raw.report.endedEarly = true;
                raw.report.endedAtOffset = reader.size();
                complete = false;
                return false;
            }
        };
        const auto nextMember = [&] { return untilCut([&] { return reader.nextMember(key); }); };
        const auto skipValue = [&] {
            untilCut([&] {
                reader.skipValue();
                return true;
            });
        };
        while (complete && nextMember()) {
            if (key == "traceEvents") {
                if (events)
                    reader.failHere(QStringLiteral("\"traceEvents\" appears twice"));
                if (reader.peek() != JsonReader::Kind::Array)
                    reader.failHere(QStringLiteral("\"traceEvents\" must be an array, found %1")
                                        .arg(JsonReader::kindName(reader.peek())));
                complete = scanner.readEvents(false);
                events = true;
            } else if (key == "conlab") {
                if (record)
                    reader.failHere(QStringLiteral("\"conlab\" appears twice"));
                record = readRunRecord(reader, limits);
            } else if (key == "displayTimeUnit" && reader.peek() == JsonReader::Kind::String) {
                // A hint for viewers only: Perfetto reads it and keeps microseconds, and so does conlab.
                raw.report.displayTimeUnit = QString::fromUtf8(reader.readString());
            } else {
                skipValue(); // otherData, metadata, stackFrames, ...
            }
        }
        if (!events)
            reader.fail(objectOffset,
                QStringLiteral("the object has no \"traceEvents\" array: this is not a Chrome trace file"));
    } else {
        reader.failHere(
            QStringLiteral("expected a Chrome trace (an object with \"traceEvents\", or an array of events), found %1")
                .arg(JsonReader::kindName(top)));
    }
    if (complete && !reader.atEnd())
        reader.failHere(
            QStringLiteral("expected the end of the file after the trace, found %1").arg(reader.describeNext()));

    SavedRun run;
    if (record) {
        // conlab's own files are read exactly or not at all: nothing in them may be skipped or missing.
        if (raw.firstSkip)
            throw *raw.firstSkip;
        if (!complete)
            throw ParseError {text.size(), QStringLiteral("the file ends before its final '}': it is truncated"), true};
        readConlabEvents(raw, record->trace);
        run.trace = std::make_shared<const Trace>(std::move(record->trace));
        run.summary = std::move(record->summary);
        run.baseline = std::move(record->baseline);
        run.scriptSource = std::move(record->scriptSource);
    } else {
        run.trace = std::make_shared<const Trace>(buildForeignTrace(raw, limits));
        locate(text, raw.report);
        run.import = std::move(raw.report);
    }
    return run;
}

} // namespace

std::optional<SavedRun> parseRunFile(
    QByteArrayView json, const QString& displayName, QString* error, const RunFileLimits& limits)
{
    const std::string_view text(json.data(), static_cast<std::size_t>(json.size()));
    QString message;
    try {
        if (json.size() > limits.maxFileBytes)
            message = tooLarge(displayName, json.size(), limits);
        else
            return parse(text, limits);
    } catch (const ParseError& problem) {
        if (problem.offset == ParseError::npos) {
            message = QStringLiteral("%1: %2.").arg(displayName, problem.message);
        } else {
            const TextPosition at = textPosition(text, problem.offset);
            message = QStringLiteral("%1, line %2, column %3: %4.")
                          .arg(displayName, QString::number(at.line), QString::number(at.column), problem.message);
        }
    } catch (const std::bad_alloc&) {
        message = QStringLiteral("%1 is too large to open in the memory this machine has.").arg(displayName);
    }
    if (error)
        *error = message;
    return std::nullopt;
}

std::optional<SavedRun> parseRunFile(QByteArrayView json, const QString& displayName, QString* error)
{
    return parseRunFile(json, displayName, error, RunFileLimits {});
}

std::optional<SavedRun> readRunFile(const QString& path, QString* error, const RunFileLimits& limits)
{
    const QString name = QDir::toNativeSeparators(path);
    const auto failed = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("Could not open %1: %2.").arg(name, file.errorString()));
    const qint64 size = file.size();
    if (size > limits.maxFileBytes)
        return failed(tooLarge(name, size, limits));
    // Mapped, the file's pages come from the page cache as the parser reaches them: no copy of 150 MB.
    if (uchar* mapped = size > 0 ? file.map(0, size) : nullptr)
        return parseRunFile(QByteArrayView(mapped, size), name, error, limits);
    // Pipes and files that cannot be mapped: read piece by piece, never more than the limit allows.
    QByteArray bytes;
    for (;;) {
        const QByteArray piece = file.read(1 << 20);
        if (piece.isEmpty())
            break;
        bytes += piece;
        if (bytes.size() > limits.maxFileBytes)
            return failed(tooLarge(name, bytes.size(), limits));
    }
    if (file.error() != QFileDevice::NoError)
        return failed(QStringLiteral("Could not read %1: %2.").arg(name, file.errorString()));
    return parseRunFile(bytes, name, error, limits);
}

std::optional<SavedRun> readRunFile(const QString& path, QString* error)
{
    return readRunFile(path, error, RunFileLimits {});
}

} // namespace conlab

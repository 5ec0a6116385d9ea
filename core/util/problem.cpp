#include "core/util/problem.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QLocale>
#include <algorithm>
#include <array>
#include <utility>

namespace conlab {

namespace {

constexpr char context[] = "conlab::Problem";
// "task 3: worker process 2: ..." is three deep; a stream claiming more is not one of ours.
constexpr int maxNesting = 16;

// The highest %N a sentence uses: every one needs a value.
int highestPlaceholder(const QString& sentence)
{
    int highest = 0;
    for (qsizetype i = 0; i + 1 < sentence.size(); ++i) {
        if (sentence[i] == QLatin1Char('%') && sentence[i + 1].isDigit())
            highest = std::max(highest, sentence[i + 1].digitValue());
    }
    return highest;
}

// The settings a problem can name, with their labels on screen (the workload panel's words).
constexpr std::array<std::pair<const char*, const char*>, 16> settingLabels {{
    {"model", QT_TRANSLATE_NOOP("conlab::Setting", "Model")},
    {"workload", QT_TRANSLATE_NOOP("conlab::Setting", "Workload")},
    {"tasks", QT_TRANSLATE_NOOP("conlab::Setting", "Tasks")},
    {"workers", QT_TRANSLATE_NOOP("conlab::Setting", "Workers")},
    {"phases", QT_TRANSLATE_NOOP("conlab::Setting", "Phases")},
    {"cpu-ms", QT_TRANSLATE_NOOP("conlab::Setting", "CPU ms")},
    {"io-ms", QT_TRANSLATE_NOOP("conlab::Setting", "I/O ms")},
    {"sample-hz", QT_TRANSLATE_NOOP("conlab::Setting", "CPU sampling rate")},
    {"increments", QT_TRANSLATE_NOOP("conlab::Setting", "Increments")},
    {"switch-interval-ms", QT_TRANSLATE_NOOP("conlab::Setting", "Switch interval")},
    {"offload", QT_TRANSLATE_NOOP("conlab::Setting", "Executor")},
    {"calibration", QT_TRANSLATE_NOOP("conlab::Setting", "Calibration")},
    {"lock", QT_TRANSLATE_NOOP("conlab::Setting", "Lock each update")},
    {"yield-between", QT_TRANSLATE_NOOP("conlab::Setting", "Await between read and write")},
    {"script", QT_TRANSLATE_NOOP("conlab::Setting", "Script")},
    {"python", QT_TRANSLATE_NOOP("conlab::Setting", "Python interpreter")},
}};

template <typename Word> QString filled(const QString& sentence, const std::vector<Problem::Value>& values, Word word)
{
    // One pass over the placeholders, so that a value's own "%1" (a path, a reason) is left as it is.
    QStringList words;
    words.reserve(qsizetype(values.size()));
    for (const Problem::Value& value : values)
        words << word(value);
    QString out;
    out.reserve(sentence.size());
    for (qsizetype i = 0; i < sentence.size(); ++i) {
        if (sentence[i] == QLatin1Char('%') && i + 1 < sentence.size() && sentence[i + 1].isDigit()) {
            const int index = sentence[i + 1].digitValue() - 1;
            if (index >= 0 && index < words.size()) {
                out += words[index];
                ++i;
                continue;
            }
        }
        out += sentence[i];
    }
    return out;
}

} // namespace

Problem::Value::Value(const QString& text)
    : m_text(text)
{
}

Problem::Value::Value(int number)
    : Value(qint64(number))
{
}

Problem::Value::Value(qint64 number)
    : m_kind(Kind::Integer)
    , m_integer(number)
{
}

Problem::Value::Value(double number)
    : m_kind(Kind::Real)
    , m_real(number)
{
}

Problem::Value::Value(const Problem& problem)
    : m_kind(Kind::Nested)
    , m_nested(std::make_shared<const Problem>(problem))
{
}

Problem::Value Problem::Value::setting(const QString& option)
{
    Value value;
    value.m_kind = Kind::Setting;
    value.m_text = option;
    return value;
}

QString Problem::Value::english() const
{
    switch (m_kind) {
    case Kind::Text:
        return m_text;
    case Kind::Integer:
        return QString::number(m_integer);
    case Kind::Real: // no exponent: "3600000", as the limits are written in --help
        return QString::number(m_real, 'f', QLocale::FloatingPointShortest);
    case Kind::Nested:
        return m_nested->english();
    case Kind::Setting:
        return QStringLiteral("--") + m_text;
    }
    return {};
}

QString Problem::Value::describe() const
{
    switch (m_kind) {
    case Kind::Text:
        return m_text;
    case Kind::Integer:
        return QLocale().toString(m_integer);
    case Kind::Real:
        return QLocale().toString(m_real, 'f', QLocale::FloatingPointShortest);
    case Kind::Nested:
        return m_nested->describe();
    case Kind::Setting:
        return settingLabel(m_text);
    }
    return {};
}

Problem::Problem(const char* source, std::initializer_list<Value> values)
    : m_source(QByteArray::fromRawData(source, qstrlen(source)))
    , m_values(values)
{
}

Problem Problem::verbatim(const QString& text)
{
    Problem problem;
    problem.m_verbatim = text;
    return problem;
}

QString Problem::english() const
{
    if (m_source.isEmpty())
        return m_verbatim;
    return filled(QString::fromUtf8(m_source), m_values, [](const Value& value) { return value.english(); });
}

QString Problem::describe() const
{
    if (m_source.isEmpty())
        return m_verbatim;
    // A literal's bytes end in its NUL, a read sentence's in QByteArray's own: constData() is a C string either way.
    return filled(QCoreApplication::translate(context, m_source.constData()), m_values,
        [](const Value& value) { return value.describe(); });
}

void Problem::write(QDataStream& out) const
{
    out << m_source << m_verbatim << quint32(m_values.size());
    for (const Value& value : m_values) {
        out << quint8(value.m_kind);
        switch (value.m_kind) {
        case Value::Kind::Text:
        case Value::Kind::Setting:
            out << value.m_text;
            break;
        case Value::Kind::Integer:
            out << value.m_integer;
            break;
        case Value::Kind::Real:
            out << value.m_real;
            break;
        case Value::Kind::Nested:
            value.m_nested->write(out);
            break;
        }
    }
}

std::optional<Problem> Problem::read(QDataStream& in, QString* why)
{
    return read(in, 0, why);
}

std::optional<Problem> Problem::read(QDataStream& in, int depth, QString* why)
{
    const auto refuse = [why](const QString& reason) -> std::optional<Problem> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (depth > maxNesting)
        return refuse(QStringLiteral("a problem nested more than %1 deep").arg(maxNesting));
    Problem problem;
    quint32 count = 0;
    in >> problem.m_source >> problem.m_verbatim >> count;
    if (in.status() != QDataStream::Ok)
        return refuse(QStringLiteral("a problem cut short"));
    for (quint32 i = 0; i < count; ++i) {
        quint8 kind = 0;
        in >> kind;
        Value value;
        value.m_kind = Value::Kind(kind);
        switch (value.m_kind) {
        case Value::Kind::Text:
        case Value::Kind::Setting:
            in >> value.m_text;
            break;
        case Value::Kind::Integer:
            in >> value.m_integer;
            break;
        case Value::Kind::Real:
            in >> value.m_real;
            break;
        case Value::Kind::Nested: {
            std::optional<Problem> nested = read(in, depth + 1, why);
            if (!nested)
                return std::nullopt;
            value.m_nested = std::make_shared<const Problem>(std::move(*nested));
            break;
        }
        default:
            return refuse(QStringLiteral("a problem's value %1 is of an unknown kind %2").arg(i + 1).arg(kind));
        }
        if (in.status() != QDataStream::Ok)
            return refuse(QStringLiteral("a problem cut short"));
        problem.m_values.push_back(std::move(value));
    }
    const int needed = highestPlaceholder(QString::fromUtf8(problem.m_source));
    if (needed > int(problem.m_values.size()))
        // One arg() pass: the sentence's own %1 must not be filled in.
        return refuse(QStringLiteral("the problem \"%1\" uses %2 values but carries %3")
                          .arg(QString::fromUtf8(problem.m_source), QString::number(needed),
                              QString::number(problem.m_values.size())));
    return problem;
}

QString settingLabel(const QString& option)
{
    for (const auto& [key, label] : settingLabels) {
        if (option == QLatin1String(key))
            return QCoreApplication::translate("conlab::Setting", label);
    }
    return option;
}

} // namespace conlab

#pragma once

#include <QByteArray>
#include <QString>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

class QDataStream;

namespace conlab {

// Something that went wrong, kept as a value until someone words it: an English sentence with %1, %2... marked for
// translation where it is made (QT_TRANSLATE_NOOP("conlab::Problem", ...)) and the values that fill it. english() is
// what the command line, JSON and files say; describe() is the window's wording: the sentence translated through
// QCoreApplication::translate, numbers in the default QLocale (the UI's), a setting by its name on screen rather
// than its command-line flag. A value may itself be a Problem ("task 3: %2").
class Problem
{
public:
    class Value
    {
    public:
        Value(const QString& text); // kept as it is: a path, an operating system's reason
        Value(const char* text) = delete; // a literal is either a QString or a Problem: say which
        Value(int number);
        Value(qint64 number);
        Value(double number);
        Value(const Problem& problem);
        // A setting of a run by its command-line name ("tasks"): "--tasks" in English, its label on screen otherwise.
        static Value setting(const QString& option);

        QString english() const;
        QString describe() const;

    private:
        friend class Problem;
        enum class Kind
        {
            Text,
            Integer,
            Real,
            Nested,
            Setting,
        };
        Value() = default;
        Kind m_kind = Kind::Text;
        QString m_text;
        qint64 m_integer = 0;
        double m_real = 0;
        std::shared_ptr<const Problem> m_nested;
    };

    Problem() = default;
    // `source` must outlive the Problem: a string literal, as QT_TRANSLATE_NOOP gives.
    Problem(const char* source, std::initializer_list<Value> values = {});
    // A sentence from elsewhere (an older file, another program) that has no translation: the same in both wordings.
    static Problem verbatim(const QString& text);

    bool isEmpty() const { return m_source.isEmpty() && m_verbatim.isEmpty(); }
    QString english() const;
    QString describe() const;

    // Across a worker process's pipe (the same binary at both ends): the source sentence and its values, nested
    // problems included, so that the parent words it in its own language.
    void write(QDataStream& out) const;
    // nullopt with *why set when the bytes are no Problem of this build: truncated, a value of unknown kind, a
    // sentence with a placeholder that has no value, nesting deeper than any problem made here.
    static std::optional<Problem> read(QDataStream& in, QString* why = nullptr);

private:
    static std::optional<Problem> read(QDataStream& in, int depth, QString* why);

    // The source sentence: a literal referred to in place, or one read from a pipe and owned.
    QByteArray m_source;
    QString m_verbatim;
    std::vector<Value> m_values;
};

// The label of a run setting in the UI's language ("tasks" gives "Tasks"), or the option itself if it has none.
QString settingLabel(const QString& option);

} // namespace conlab

#pragma once

#include "core/util/problem.h"

#include <QString>

namespace conlab::test {

// Passed where a writer takes a Problem*: once the call's full expression ends, *text holds the problem in English,
// the command line's wording, which these tests read. `writeRunFile(saved, path, EnglishOf(&error))`.
class EnglishOf
{
public:
    explicit EnglishOf(QString* text)
        : m_text(text)
    {
    }
    ~EnglishOf()
    {
        if (m_text)
            *m_text = m_problem.english();
    }
    EnglishOf(const EnglishOf&) = delete;
    EnglishOf& operator=(const EnglishOf&) = delete;

    operator Problem*() { return &m_problem; }

private:
    QString* m_text;
    Problem m_problem;
};

} // namespace conlab::test

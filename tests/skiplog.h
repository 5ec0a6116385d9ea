#pragma once

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <string>

// A skip hides what its test checks, so CI counts them: with $CONLAB_SKIP_LOG set, every skipped test appends one line,
// "SKIPPED Suite.Name: reason", to that file (each test runs in a process of its own under ctest, so the file is
// opened per line, appending). setup.sh prints the lines and fails when there are more than it allows.
namespace conlab::test {

class SkipLog : public ::testing::EmptyTestEventListener
{
public:
    explicit SkipLog(std::string path)
        : m_path(std::move(path))
    {
    }

    void OnTestEnd(const ::testing::TestInfo& info) override
    {
        const ::testing::TestResult& result = *info.result();
        if (!result.Skipped())
            return;
        std::string reason;
        for (int i = 0; i < result.total_part_count(); ++i) {
            if (result.GetTestPartResult(i).skipped())
                reason += result.GetTestPartResult(i).message();
        }
        for (char& c : reason) {
            if (c == '\n')
                c = ' ';
        }
        if (FILE* file = std::fopen(m_path.c_str(), "a")) {
            std::fprintf(file, "SKIPPED %s.%s: %s\n", info.test_suite_name(), info.name(),
                reason.empty() ? "(no reason given)" : reason.c_str());
            std::fclose(file);
        }
    }

private:
    std::string m_path;
};

// Called by the test mains after InitGoogleTest.
inline void logSkipsWhereAsked()
{
    const char* path = std::getenv("CONLAB_SKIP_LOG");
    if (path && *path)
        ::testing::UnitTest::GetInstance()->listeners().Append(new SkipLog(path));
}

} // namespace conlab::test

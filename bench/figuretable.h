#pragma once

#include <benchmark/benchmark.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace conlab::bench {

// The console output as usual, then the README's performance table: every figure the benchmarks measured, each with
// its goal, and the machine they ran on (CPU, cores, load average before and after). A figure whose benchmark did not
// run (filtered out, or skipped with an error) says so.
class FigureTable : public benchmark::ConsoleReporter
{
public:
    FigureTable();

    bool ReportContext(const Context& context) override;
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

    // `conlab-bench --check`: prints every goal (bench/benchgoal.cpp) with its margin, what was measured and the
    // verdict; false when a figure missed its goal by more than its margin.
    bool checkGoals() const;

private:
    struct Measured
    {
        double realTime = 0; // per iteration, in the benchmark's unit
        std::string unit;
        std::map<std::string, double> counters; // and "cpu_time", per iteration
        std::string label;
    };

    // A benchmark's result by its name ("BM_ReplotTimeline/1000000"), or null.
    const Measured* find(const std::string& name) const;
    // One number of one benchmark: a counter, or the time per iteration when counter is empty.
    std::optional<double> value(const std::string& name, const std::string& counter) const;
    std::string figure(const std::string& name, const std::string& counter, double scale, int decimals,
        const std::string& suffix) const;

    std::map<std::string, Measured> m_measured;
    std::string m_loadBefore;
};

} // namespace conlab::bench

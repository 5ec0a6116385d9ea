#include "bench/figuretable.h"
#include "core/models/workerprocess.h"

#include <QApplication>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstring>

int main(int argc, char** argv)
{
    // The processes model re-executes this binary as its workers.
    if (argc > 1 && std::strcmp(argv[1], "worker") == 0)
        return conlab::runWorkerProcess();
    // The replot benchmarks draw real widgets; without a display they draw offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // --check (ours, taken out before Google Benchmark reads the rest): exit 1 when a figure misses its goal by more
    // than its noise margin, after printing every goal and verdict.
    const auto checkFlag
        = std::find_if(argv + 1, argv + argc, [](const char* arg) { return std::strcmp(arg, "--check") == 0; });
    const bool check = checkFlag != argv + argc;
    if (check) {
        std::rotate(checkFlag, checkFlag + 1, argv + argc);
        argv[--argc] = nullptr;
    }
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    conlab::bench::FigureTable table;
    benchmark::RunSpecifiedBenchmarks(&table);
    benchmark::Shutdown();
    return check && !table.checkGoals() ? 1 : 0;
}

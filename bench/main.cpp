#include "bench/figuretable.h"
#include "core/models/workerprocess.h"

#include <QApplication>
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
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    conlab::bench::FigureTable table;
    benchmark::RunSpecifiedBenchmarks(&table);
    benchmark::Shutdown();
    return 0;
}

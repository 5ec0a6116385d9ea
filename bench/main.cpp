#include "models/workerprocess.h"

#include <QCoreApplication>

#include <cstring>

#include <benchmark/benchmark.h>

int main(int argc, char** argv)
{
    // The processes model re-executes this binary as its workers.
    if (argc > 1 && std::strcmp(argv[1], "worker") == 0)
        return conlab::runWorkerProcess();
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

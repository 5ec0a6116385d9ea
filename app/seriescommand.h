#pragma once

class QCommandLineParser;

namespace conlab {

// `conlab run --scenario NAME`, `--list-scenarios`, `--compare` and `--sweep`: several runs in a row through one
// SeriesRunner, the headless twins of the window's scenario, compare-all and sweep buttons.
void addSeriesOptions(QCommandLineParser& parser);
bool isSeriesCommand(const QCommandLineParser& parser);
// Exit codes as for one run: 0 every step done, 1 a step failed, 2 bad input, 130 interrupted.
int runSeriesCommand(const QCommandLineParser& parser);

} // namespace conlab

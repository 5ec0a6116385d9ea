#pragma once

namespace conlab {

// The worker side of the processes model: `conlab worker` (and the test and benchmark binaries, which re-execute
// themselves the same way). Reads tasks from stdin, runs them with blocking waits, streams segments and results to
// stdout. Started by hand, it explains that it is internal and exits with code 2.
int runWorkerProcess();

} // namespace conlab

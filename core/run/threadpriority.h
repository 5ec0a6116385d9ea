#pragma once

namespace conlab {

// Lowers the calling thread's scheduling priority (Linux nice, which is per thread and inherited by the threads
// and processes it creates). The engine thread calls it first thing, so every worker it starts runs below the UI
// thread and the window keeps its share of the CPU even when every core is busy.
void lowerCurrentThreadPriority();

} // namespace conlab

#include "ui/window/runtexts.h"

#include "core/python/pythonfacts.h"

#include <algorithm>

namespace conlab {

QString RunTexts::failureText(const RunSummary& summary)
{
    const std::optional<PythonRunFacts>& python = summary.python;
    if (!python || summary.cancelled || summary.error.isEmpty())
        return tr("The run failed: %1").arg(summary.describedError());
    if (!python->exitCode)
        return tr("The script was ended by signal %1.").arg(python->exitSignal);
    const QString last = lastLines(python->stderrText, 1).trimmed();
    if (last.isEmpty())
        return tr("The script stopped with exit code %1.").arg(*python->exitCode);
    return tr("The script stopped with an error (exit code %1):\n%2").arg(*python->exitCode).arg(last);
}

QString RunTexts::gilViewText(const RunSummary& summary)
{
    if (!summary.python || summary.python->observerMode == QLatin1String("memory"))
        return {};
    // The observer's notes say why in English (core/python/processprobe.cpp); the window says it in its own words.
    const auto noted = [&summary](const char* words) {
        return std::any_of(summary.notes.begin(), summary.notes.end(),
            [words](const QString& note) { return note.contains(QLatin1String(words)); });
    };
    if (noted("memory cannot be read"))
        return tr("conlab was not allowed to read the interpreter's memory (Yama ptrace_scope above 1, or a "
                  "process that forbids it): the GIL is not shown, only the thread states the operating system "
                  "reports.");
    if (noted("before 3.11") || noted("no known GIL layout") || noted("free-threaded")) {
        const QString version = summary.python->version.isEmpty() ? tr("this Python") : summary.python->version;
        return tr("conlab cannot read the GIL of %1 (it reads CPython 3.11, 3.12 and 3.13): the timeline shows only "
                  "the thread states the operating system reports.")
            .arg(version);
    }
    return tr("conlab could not read this interpreter's GIL: the timeline shows only the thread states the "
              "operating system reports.");
}

QString RunTexts::explanation(const ModelChoice& choice)
{
    const ModelChoice normal = choice.normalized();
    switch (normal.model) {
    case ModelKind::Sequential:
        return tr("One thread runs the tasks one after another. Every speed-up is measured against this run.");
    case ModelKind::Processes:
        return tr("Each worker is a separate process with its own memory (in Python, its own interpreter and "
                  "GIL), so CPU work uses every core. The price: start-up time, memory per process, and data "
                  "sent between processes.");
    case ModelKind::Threads:
        if (normal.gil)
            return tr("Only the thread holding the GIL runs Python code; CPU-bound threads take turns, so they are "
                      "no faster than one thread. A thread back from I/O waits for the GIL too.");
        return tr("Threads share one process's memory. Their I/O waits overlap, and here their CPU work runs in "
                  "parallel on every core, as C++ threads can; CPython's threads cannot (try Threads + GIL).");
    case ModelKind::EventLoop:
        switch (normal.offload) {
        case OffloadKind::None:
            return tr("One thread runs every task as a coroutine and switches at each await: waits overlap, but "
                      "nothing runs in parallel, and a CPU-bound step blocks the whole loop.");
        case OffloadKind::Threads:
            if (normal.gil)
                return tr("CPU steps go to a thread pool, but every thread, the loop's own included, needs the GIL "
                          "to run Python code: the CPU work still takes turns, and the loop waits for the GIL.");
            return tr("CPU steps are handed to a thread pool (like loop.run_in_executor), so the loop stays free "
                      "to serve other tasks while they compute. In CPython those threads would share one GIL.");
        case OffloadKind::Processes:
            return tr("CPU steps are handed to a pool of worker processes, so the loop stays free and the "
                      "computing runs on every core, at the cost of process start-up and memory.");
        }
        break;
    case ModelKind::Python:
        return tr("A real CPython interpreter runs the script unchanged; conlab watches its GIL, threads and "
                  "processes from outside.");
    }
    return {};
}

} // namespace conlab

#pragma once

#include "core/run/runsummary.h"
#include "ui/window/modelpicker.h"

#include <QCoreApplication>
#include <QString>

namespace conlab {

// What the window says about a model or a run in whole sentences, in the UI's language: the numbers panel shows
// them, and the status bar repeats a failure.
class RunTexts
{
    Q_DECLARE_TR_FUNCTIONS(RunTexts)

public:
    // One or two sentences for a classroom: what this model does and what the plots should show.
    static QString explanation(const ModelChoice& choice);
    // Why a run failed, in plain words: for a script, how it ended and its last line (the exception).
    static QString failureText(const RunSummary& summary);
    // For a Python run watched through OS thread states only: why its GIL is not shown. Empty when it is.
    static QString gilViewText(const RunSummary& summary);
};

} // namespace conlab

#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace conlab {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Concurrency Lab"));
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    auto* label = new QLabel(tr("<h2>Concurrency Lab</h2>"
                                "<p>The engine already runs workloads headless: try "
                                "<code>conlab run --model threads --workload io --tasks 32 --workers 8</code>.</p>"
                                "<p>Coming to this window: a one-click model picker (sequential, processes, "
                                "threads, threads + GIL, event loop), a live task timeline and per-core CPU "
                                "utilisation, and the run's numbers.</p>"),
        this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    setCentralWidget(label);
    statusBar()->showMessage(tr("Ready"));
    resize(1024, 640);
}

} // namespace conlab

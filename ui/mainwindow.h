#pragma once

#include <QMainWindow>

namespace conlab {

// For now the window says what is coming; the live views arrive with the GUI work (issue 5).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace conlab

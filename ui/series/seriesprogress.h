#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace conlab {

class SeriesRunner;

// The progress row of a result view: "3 of 5: Threads + GIL…", a bar, and Cancel (the button, or Esc anywhere in the
// view's window). Everything it says is derived from the runner's state when it changes, so it never lags a step.
class SeriesProgress : public QWidget
{
    Q_OBJECT
public:
    // `stepLabel(i)` names step i in the view's words (the model, or the model and its workers).
    SeriesProgress(SeriesRunner* runner, std::function<QString(int)> stepLabel, QWidget* parent = nullptr);

    QAction* cancelAction() const { return m_cancel; }
    QString text() const;

    void retranslateUi();

protected:
    void changeEvent(QEvent* event) override;

private:
    SeriesRunner* m_runner;
    std::function<QString(int)> m_stepLabel;
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_button = nullptr;
    QAction* m_cancel = nullptr;
};

} // namespace conlab

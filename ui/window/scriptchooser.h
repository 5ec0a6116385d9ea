#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;

namespace conlab {

// Which script the Python model runs: the shipped examples by title, the user's recent scripts, and "Open script…".
// Recent scripts are remembered across sessions; one that no longer exists is dropped when the list is made.
class ScriptChooser : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxRecent = 8;

    explicit ScriptChooser(QWidget* parent = nullptr);

    // ":/python/NAME.py" for an example, else the absolute path of the user's script.
    QString script() const;
    // Shows `script` (an example, or a file that becomes the most recent script) without emitting scriptChosen.
    void setScript(const QString& script);
    // What "Open script…" does once the file dialog has given a path: remembers it and chooses it.
    void openScript(const QString& path);

    // The title a shipped example goes by ("CPU-bound threads"); empty for any other script.
    static QString exampleTitle(const QString& name);
    // How a script is named in the window: an example's title, else its file name.
    static QString scriptLabel(const QString& script);

signals:
    void scriptChosen(const QString& script);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rebuild(const QString& current);
    void askForScript();

    QLabel* m_label = nullptr;
    QComboBox* m_box = nullptr;
    QString m_current;
};

} // namespace conlab

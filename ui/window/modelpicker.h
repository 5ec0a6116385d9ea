#pragma once

#include "core/models/modelkind.h"
#include "core/models/offloadkind.h"

#include <QMetaType>
#include <QString>
#include <QWidget>
#include <array>
#include <vector>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QShortcut;

namespace conlab {

class ScriptChooser;
struct RunConfig;

// What one click in the picker asks for. "Threads + GIL" is the threads model with the emulated lock on; the
// executor only means something to the event loop (and the Python example of a blocked loop) and is normalised away
// elsewhere, so two choices that run the same thing compare equal and share a key. The GIL is kept as asked for any
// model: the engine decides what it means there (for processes: nothing, and the run's notes say so).
struct ModelChoice
{
    ModelKind model = ModelKind::Sequential;
    bool gil = false;
    OffloadKind offload = OffloadKind::None;
    // The Python model's script (":/python/NAME.py" or a path); empty for every other model.
    QString script {};

    // Where CPU steps run means something to it: the event loop, or a Python example that reads --offload.
    bool takesExecutor() const;
    ModelChoice normalized() const;
    // Stable and machine-readable ("threads", "threads+gil", "eventloop+processes"): results are stored under it.
    QString key() const;
    static ModelChoice fromConfig(const RunConfig& config);
    void applyTo(RunConfig& config) const;

    friend bool operator==(const ModelChoice& a, const ModelChoice& b)
    {
        const ModelChoice x = a.normalized();
        const ModelChoice y = b.normalized();
        return x.model == y.model && x.gil == y.gil && x.offload == y.offload && x.script == y.script;
    }
};

// The always-visible row of model buttons: one click picks (and, in the window, runs) a model. Keys 1-6 pick too,
// with Alt from anywhere or plain while the focus is not in a text field (a spin box keeps its digits).
class ModelPicker : public QWidget
{
    Q_OBJECT
public:
    static constexpr int buttonCount = 6;

    explicit ModelPicker(QWidget* parent = nullptr);

    ModelChoice choice() const;
    // Shows the choice without emitting modelChosen (e.g. from the command line or a restored result). The GIL on
    // a model other than threads (only the command line asks for that) is kept until a button is clicked.
    void setChoice(const ModelChoice& choice);
    // Same as a click on button `index` (0-5, in display order). Each button's objectName is "model-" and its
    // choice's key ("model-threads+gil"), the executor box's "executor".
    void choose(int index);

    // The words on the button, plus the executor for the event loop: "Event loop + process pool".
    static QString label(const ModelChoice& choice);

signals:
    void modelChosen(const conlab::ModelChoice& choice);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateExecutorEnabled();
    int indexOf(const ModelChoice& choice) const;

    QButtonGroup* m_group = nullptr;
    std::array<QAbstractButton*, buttonCount> m_buttons {};
    std::array<std::vector<QShortcut*>, buttonCount> m_shortcuts;
    QLabel* m_executorLabel = nullptr;
    QComboBox* m_executor = nullptr;
    ScriptChooser* m_script = nullptr;
    bool m_extraGil = false;
};

} // namespace conlab

Q_DECLARE_METATYPE(conlab::ModelChoice)

#pragma once

#include "core/run/runconfig.h"
#include "ui/window/modelpicker.h"

#include <QWidget>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace conlab {

// The workload and the knobs of the chosen model. Ranges come from core's limits, so what can be entered can run;
// controls that mean nothing for the current workload kind or model are disabled, not hidden, so the controls do
// not jump around while a teacher clicks through models.
class WorkloadPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr double minSwitchIntervalMs = 0.1;

    explicit WorkloadPanel(QWidget* parent = nullptr);

    // The settings on screen run under `choice`. Settings that are disabled do not reach the run; fields the panel
    // has no control for (sampling rate, calibration) keep the values of the last setConfig().
    RunConfig config(const ModelChoice& choice) const;
    void setConfig(const RunConfig& config);
    // Enables the controls that apply to this model (workers, switch interval, awaiting mid-update).
    void setModelChoice(const ModelChoice& choice);

    static QString kindLabel(WorkloadKind kind);

signals:
    // The user edited a setting.
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    // A field's name and its source text, translated again when the language changes.
    struct FieldLabel
    {
        QLabel* label;
        const char* text;
    };

    void retranslateUi();
    WorkloadKind kind() const;
    void updateEnabled();
    void updatePythonEnabled();
    // Every control, for their tool tips: a disabled one says why instead.
    std::vector<QWidget*> fields() const;

    RunConfig m_base;
    ModelChoice m_choice;
    QComboBox* m_kind = nullptr;
    QSpinBox* m_tasks = nullptr;
    QSpinBox* m_workers = nullptr;
    QDoubleSpinBox* m_cpuMs = nullptr;
    QLabel* m_ioLabel = nullptr;
    QDoubleSpinBox* m_ioMs = nullptr;
    QSpinBox* m_phases = nullptr;
    QSpinBox* m_increments = nullptr;
    QCheckBox* m_lock = nullptr;
    QCheckBox* m_yield = nullptr;
    QDoubleSpinBox* m_switchInterval = nullptr;
    std::vector<FieldLabel> m_labels;
    std::vector<std::pair<QWidget*, QString>> m_toolTips;
};

} // namespace conlab

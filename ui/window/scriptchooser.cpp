#include "ui/window/scriptchooser.h"

#include "core/python/examplescripts.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>

namespace conlab {

namespace {

const QString recentKey = QStringLiteral("recentScripts");
// The item that opens the file dialog: its data is no path.
const QString openItem = QStringLiteral("open");
const QString defaultExample = QStringLiteral("cpu_threads");

QStringList recentScripts()
{
    QStringList scripts;
    for (const QString& path : QSettings().value(recentKey).toStringList()) {
        if (!path.isEmpty() && !scripts.contains(path) && QFileInfo(path).isFile()
            && scripts.size() < ScriptChooser::maxRecent)
            scripts << path;
    }
    return scripts;
}

} // namespace

ScriptChooser::ScriptChooser(QWidget* parent)
    : QWidget(parent)
    , m_current(exampleScriptPath(defaultExample))
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 0, 0, 0);
    m_label = new QLabel(this);
    row->addWidget(m_label);
    m_box = new QComboBox(this);
    m_box->setObjectName(QStringLiteral("scriptBox"));
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_box);
    row->addWidget(m_box);
    retranslateUi();

    connect(m_box, &QComboBox::activated, this, [this](int index) {
        const QString chosen = m_box->itemData(index).toString();
        if (chosen == openItem) {
            askForScript();
            return;
        }
        m_current = chosen;
        emit scriptChosen(m_current);
    });
}

void ScriptChooser::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ScriptChooser::retranslateUi()
{
    m_label->setText(tr("Scr&ipt:"));
    m_box->setToolTip(tr("The Python script the Python model runs: a shipped example, or a script of your own"));
    m_box->setAccessibleName(tr("Python script"));
    rebuild(m_current);
}

QString ScriptChooser::exampleTitle(const QString& name)
{
    if (name == QLatin1String("cpu_threads"))
        return tr("CPU-bound threads");
    if (name == QLatin1String("cpu_processes"))
        return tr("CPU-bound processes");
    if (name == QLatin1String("cpu_asyncio"))
        return tr("CPU-bound asyncio");
    if (name == QLatin1String("io_threads"))
        return tr("I/O on threads");
    if (name == QLatin1String("io_asyncio"))
        return tr("I/O on asyncio");
    if (name == QLatin1String("convoy"))
        return tr("The convoy: I/O beside CPU");
    if (name == QLatin1String("counter"))
        return tr("Shared counter: lost updates");
    if (name == QLatin1String("blocked_loop"))
        return tr("A blocked event loop");
    return {};
}

QString ScriptChooser::scriptLabel(const QString& script)
{
    const QString name = QFileInfo(script).completeBaseName();
    if (isExampleScriptPath(script)) {
        const QString title = exampleTitle(name);
        return title.isEmpty() ? name : title;
    }
    return QFileInfo(script).fileName();
}

void ScriptChooser::rebuild(const QString& current)
{
    const QSignalBlocker blocker(m_box);
    m_box->clear();
    for (const QString& name : exampleScriptNames()) {
        const QString path = exampleScriptPath(name);
        m_box->addItem(tr("%1 (%2.py)").arg(scriptLabel(path), name), path);
    }
    const QStringList recent = recentScripts();
    if (!recent.isEmpty())
        m_box->insertSeparator(m_box->count());
    for (const QString& path : recent) {
        m_box->addItem(QFileInfo(path).fileName(), path);
        m_box->setItemData(m_box->count() - 1, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    m_box->insertSeparator(m_box->count());
    m_box->addItem(tr("Open script…"), openItem);
    int index = m_box->findData(current);
    if (index < 0)
        index = m_box->findData(exampleScriptPath(defaultExample));
    m_box->setCurrentIndex(index);
    m_current = m_box->itemData(index).toString();
}

QString ScriptChooser::script() const
{
    return m_current;
}

void ScriptChooser::setScript(const QString& script)
{
    if (!isExampleScriptPath(script) && QFileInfo(script).isFile()) {
        QStringList recent = recentScripts();
        const QString path = QFileInfo(script).absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
        QSettings().setValue(recentKey, recent.mid(0, maxRecent));
        rebuild(path);
        return;
    }
    rebuild(script);
}

void ScriptChooser::openScript(const QString& path)
{
    setScript(path);
    emit scriptChosen(m_current);
}

void ScriptChooser::askForScript()
{
    // Back to what was chosen while the dialog is up: "Open script…" is an action, not a choice.
    rebuild(m_current);
    const QString start = isExampleScriptPath(m_current) ? QDir::homePath() : QFileInfo(m_current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a Python script"), start, tr("Python scripts (*.py);;All files (*)"));
    if (!path.isEmpty())
        openScript(path);
}

} // namespace conlab

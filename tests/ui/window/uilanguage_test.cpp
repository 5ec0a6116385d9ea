#include "core/export/runfile.h"
#include "core/run/runsummarizer.h"
#include "core/trace/lanelabel.h"
#include "core/trace/taskstate.h"
#include "core/workload/latencyroundtrip.h"
#include "core/workload/latencyserver.h"
#include "tests/core/python/pythonrun.h"
#include "tests/core/testrun.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/export/exportpicturedialog.h"
#include "ui/export/figurecaption.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/guioptions.h"
#include "ui/window/mainwindow.h"
#include "ui/window/metricspanel.h"
#include "ui/window/runfileactions.h"
#include "ui/window/settingsstore.h"
#include "ui/window/shortcutshelp.h"
#include "ui/window/uilanguage.h"
#include "ui/window/workloadpanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// Switches and lets the LanguageChange events Qt posts reach every widget; English again at the end of each test.
class Language : public ::testing::Test
{
protected:
    void TearDown() override { use(QStringLiteral("en")); }

    static void use(const QString& code)
    {
        ASSERT_TRUE(UiLanguage::instance()->set(code));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
};

QStringList menuTitles(const MainWindow& window)
{
    QStringList titles;
    for (const QAction* menu : window.menuBar()->actions())
        titles << menu->text();
    return titles;
}

// Shows the window and runs `config` in it to its end.
bool runShown(MainWindow& window, const RunConfig& config)
{
    window.setRunConfig(config);
    window.show();
    bool finished = false;
    const QMetaObject::Connection connection
        = QObject::connect(&window, &MainWindow::runFinished, &window, [&finished] { finished = true; });
    window.runCurrent();
    const bool ended = spinUntil([&] { return finished; });
    QObject::disconnect(connection);
    return ended;
}

QString labelFor(const QWidget* field)
{
    for (const QLabel* label : field->parentWidget()->findChildren<QLabel*>()) {
        if (label->buddy() == field)
            return label->text();
    }
    return {};
}

} // namespace

TEST(UiLanguageChoice, TheOptionWinsThenTheRememberedSettingThenTheSystem)
{
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale russian(QLocale::Russian, QLocale::Russia);
    EXPECT_EQ(UiLanguage::choose(QStringLiteral("ru"), QStringLiteral("en"), german), QStringLiteral("ru"));
    EXPECT_EQ(UiLanguage::choose(QString(), QStringLiteral("ru"), german), QStringLiteral("ru"));
    EXPECT_EQ(UiLanguage::choose(QString(), QString(), russian), QStringLiteral("ru"));
    EXPECT_EQ(UiLanguage::choose(QString(), QString(), german), QStringLiteral("en"));
    EXPECT_EQ(UiLanguage::choose(QString(), QString(), QLocale::c()), QStringLiteral("en"));
    // A hand-edited setting that names no language of the app falls through to the system's.
    EXPECT_EQ(UiLanguage::choose(QString(), QStringLiteral("fr"), russian), QStringLiteral("ru"));
    EXPECT_FALSE(UiLanguage::isAvailable(QStringLiteral("fr")));
}

TEST(UiLanguageChoice, EachLanguageGetsALocaleOfItsOwnUnlessTheSystemSpeaksIt)
{
    const QLocale british(QLocale::English, QLocale::UnitedKingdom);
    EXPECT_EQ(UiLanguage::localeFor(QStringLiteral("en"), british), british);
    EXPECT_EQ(UiLanguage::localeFor(QStringLiteral("ru"), british).language(), QLocale::Russian);
    EXPECT_EQ(UiLanguage::localeFor(QStringLiteral("en"), QLocale::c()), QLocale::c());
    EXPECT_EQ(UiLanguage::nativeName(QStringLiteral("ru")), QStringLiteral("Русский"));
}

TEST_F(Language, SettingALanguageSetsTheDefaultLocaleAndTranslatesCoreAndUiStrings)
{
    use(QStringLiteral("ru"));
    EXPECT_EQ(QLocale().language(), QLocale::Russian);
    EXPECT_EQ(UiLanguage::instance()->current(), QStringLiteral("ru"));
    // The state words are the scenario texts' («ожидание GIL»): one vocabulary.
    EXPECT_EQ(taskStateLabel(TaskState::WaitingGil), QStringLiteral("ожидание GIL"));
    EXPECT_EQ(taskStateEnglishLabel(TaskState::WaitingGil), QStringLiteral("waiting for the GIL"));
    EXPECT_EQ(laneLabel(QStringLiteral("executor thread 3")), QStringLiteral("поток пула 3"));
    EXPECT_EQ(laneLabel(QStringLiteral("thread 12")), QStringLiteral("поток 12"));
    EXPECT_EQ(laneLabel(QStringLiteral("GIL")), QStringLiteral("GIL"));
    EXPECT_EQ(noteText(QStringLiteral("each worker process has its own GIL; --gil changes nothing here")),
        QStringLiteral("у каждого рабочего процесса свой GIL, поэтому эмуляция GIL здесь ничего не меняет"));
    EXPECT_EQ(noteText(QStringLiteral("a note from another version")), QStringLiteral("a note from another version"));
    EXPECT_EQ(
        ModelPicker::label(ModelChoice {ModelKind::Threads, true, OffloadKind::None}), QStringLiteral("Потоки + GIL"));
    use(QStringLiteral("en"));
    EXPECT_EQ(taskStateLabel(TaskState::WaitingGil), QStringLiteral("waiting for the GIL"));
    EXPECT_FALSE(UiLanguage::instance()->set(QStringLiteral("fr")));
    EXPECT_EQ(UiLanguage::instance()->current(), QStringLiteral("en"));
}

TEST_F(Language, SwitchingRetranslatesTheWindowInPlaceWithTheRunStillOnScreen)
{
    MainWindow window;
    RunConfig config = window.currentConfig();
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.tasks = 2;
    config.workload.cpuMs = 20;
    ASSERT_TRUE(runShown(window, config));
    const std::size_t segments = test::child<TimelinePlot>(window, "timeline")->data().segmentCount();
    ASSERT_GT(segments, 0u);
    const QString wall = test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Wall time"));
    ASSERT_FALSE(wall.isEmpty());

    use(QStringLiteral("ru"));
    EXPECT_EQ(menuTitles(window),
        (QStringList {QStringLiteral("&Файл"), QStringLiteral("&Правка"), QStringLiteral("&Запуск"),
            QStringLiteral("&Вид"), QStringLiteral("&Уроки"), QStringLiteral("&Справка")}));
    EXPECT_EQ(test::child<QAbstractButton>(window, "model-sequential")->text(), QStringLiteral("Последовательно"));
    EXPECT_EQ(test::child<QAbstractButton>(window, "model-eventloop")->text(), QStringLiteral("Цикл событий"));
    EXPECT_EQ(labelFor(test::child<QComboBox>(window, "workloadKind")), QStringLiteral("&Нагрузка"));
    // What a screen reader says for a field: its label's words.
    EXPECT_EQ(test::child<QSpinBox>(window, "tasks")->accessibleName(), QStringLiteral("Задачи"));
    EXPECT_EQ(test::child<QComboBox>(window, "workloadKind")->currentText(), QStringLiteral("Вычисления (CPU)"));
    EXPECT_EQ(test::child<QDoubleSpinBox>(window, "cpuMs")->suffix(), QStringLiteral(" мс"));
    // The metrics of the run on screen, said again: the same numbers under Russian names, in Russian units.
    EXPECT_TRUE(test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Wall time")).isEmpty());
    const QString wallRu = test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Реальное время"));
    EXPECT_TRUE(wallRu.endsWith(QStringLiteral(" мс")) || wallRu.endsWith(QStringLiteral(" с")))
        << wallRu.toStdString();
    EXPECT_EQ(test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Ускорение")),
        QStringLiteral("1,00× (это и есть эталон)"));
    EXPECT_TRUE(window.stateText().contains(QStringLiteral("готово за"))) << window.stateText().toStdString();
    EXPECT_TRUE(window.stateText().startsWith(QStringLiteral("Последовательно"))) << window.stateText().toStdString();
    EXPECT_TRUE(
        test::child<TimelinePlot>(window, "timeline")->legendTexts().contains(QStringLiteral("ожидание ввода-вывода")));
    EXPECT_EQ(test::child<TimelinePlot>(window, "timeline")->xAxis->label(), QStringLiteral("время"));
    CoreUtilisationPlot* utilisation = test::child<CoreUtilisationPlot>(window, "utilisation");
    ASSERT_GT(utilisation->graphCount(), 1);
    EXPECT_EQ(utilisation->graph(utilisation->graphCount() - 1)->name(), QStringLiteral("среднее"));
    EXPECT_EQ(utilisation->yAxis->label(), QStringLiteral("CPU (%)"));
    // The run is still the one on screen.
    EXPECT_EQ(test::child<TimelinePlot>(window, "timeline")->data().segmentCount(), segments);
    ASSERT_NE(window.shownRun(), nullptr);
    // The next picture's caption is in the new language too.
    EXPECT_TRUE(
        figureCaption(window.captionFacts()).join(QLatin1Char('\n')).contains(QStringLiteral("реальное время")));

    use(QStringLiteral("en"));
    EXPECT_EQ(menuTitles(window).constFirst(), QStringLiteral("&File"));
    EXPECT_EQ(test::child<QAbstractButton>(window, "model-sequential")->text(), QStringLiteral("Sequential"));
    EXPECT_EQ(labelFor(test::child<QComboBox>(window, "workloadKind")), QStringLiteral("&Workload"));
    EXPECT_EQ(test::child<QSpinBox>(window, "tasks")->accessibleName(), QStringLiteral("Tasks"));
    EXPECT_EQ(test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Wall time")), wall);
    EXPECT_EQ(test::child<MetricsPanel>(window, "metricsPanel")->valueOf(QStringLiteral("Speed-up")),
        QStringLiteral("1.00× (this is the baseline)"));
    EXPECT_TRUE(window.stateText().startsWith(QStringLiteral("Sequential: done in")))
        << window.stateText().toStdString();
    EXPECT_TRUE(
        test::child<TimelinePlot>(window, "timeline")->legendTexts().contains(QStringLiteral("waiting for I/O")));
    EXPECT_EQ(utilisation->graph(utilisation->graphCount() - 1)->name(), QStringLiteral("average"));
    EXPECT_EQ(test::child<TimelinePlot>(window, "timeline")->xAxis->label(), QStringLiteral("time"));
}

TEST_F(Language, TheLanguageMenuSwitchesAndShowsTheChoice)
{
    MainWindow window;
    QMenu* view = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&View"))
            view = menu->menu();
    }
    ASSERT_NE(view, nullptr);
    QMenu* languages = nullptr;
    for (QAction* action : view->actions()) {
        if (action->text() == QStringLiteral("&Language"))
            languages = action->menu();
    }
    ASSERT_NE(languages, nullptr);
    const QList<QAction*> choices = languages->actions();
    ASSERT_EQ(choices.size(), 2);
    EXPECT_EQ(choices[0]->text(), QStringLiteral("English"));
    EXPECT_EQ(choices[1]->text(), QStringLiteral("Русский"));
    EXPECT_TRUE(choices[0]->isChecked());
    choices[1]->trigger();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    EXPECT_EQ(UiLanguage::instance()->current(), QStringLiteral("ru"));
    EXPECT_TRUE(choices[1]->isChecked());
    EXPECT_FALSE(choices[0]->isChecked());
    EXPECT_EQ(languages->title(), QStringLiteral("&Язык"));
    // The endonyms stay as they are: a reader lost in the other language finds their own.
    EXPECT_EQ(choices[0]->text(), QStringLiteral("English"));
}

TEST_F(Language, TheDialogsRetranslateToo)
{
    MainWindow window;
    window.show();
    window.showShortcutsHelp();
    ShortcutsHelp* help = test::child<ShortcutsHelp>(window, "shortcutsHelp");
    ExportPictureDialog dialog(ExportPictureDialog::Settings {}, std::nullopt, &window);
    use(QStringLiteral("ru"));
    EXPECT_EQ(help->windowTitle(), QStringLiteral("Сочетания клавиш"));
    EXPECT_EQ(
        test::child<QTableWidget>(*help, "shortcuts")->horizontalHeaderItem(0)->text(), QStringLiteral("Клавиши"));
    bool runRow = false;
    for (int row = 0; row < test::child<QTableWidget>(*help, "shortcuts")->rowCount(); ++row) {
        if (const QTableWidgetItem* item = test::child<QTableWidget>(*help, "shortcuts")->item(row, 1))
            runRow = runRow || item->text() == QStringLiteral("Запустить");
    }
    EXPECT_TRUE(runRow) << "the help lists the actions under their Russian names";
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Экспорт рисунка"));
    EXPECT_EQ(test::child<QComboBox>(dialog, "format")->itemText(0), QStringLiteral("Изображение PNG"));
    // Qt's own buttons come from qtbase_ru.qm when the system has it (qt6-translations-l10n).
    const QString save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->text();
    EXPECT_NE(save, QStringLiteral("&Save"));
}

TEST_F(Language, TheCommandLineOptionIsCheckedAndTheRememberedLanguageComesBack)
{
    QString error;
    const auto options
        = parseGuiOptions({QStringLiteral("conlab"), QStringLiteral("--language"), QStringLiteral("ru")}, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->language, QStringLiteral("ru"));
    EXPECT_FALSE(
        parseGuiOptions({QStringLiteral("conlab"), QStringLiteral("--language"), QStringLiteral("de")}, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("--language"))) << error.toStdString();

    const QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("conlab.conf"));
    {
        MainWindow window;
        SettingsStore store(ini);
        ASSERT_TRUE(store.save(SettingsStore::capture(window, QStringLiteral("ru")), &error)) << error.toStdString();
    }
    const RememberedSettings remembered = SettingsStore(ini).load();
    use(UiLanguage::choose(QString(), remembered.language));
    MainWindow window;
    EXPECT_EQ(test::child<QAbstractButton>(window, "model-threads")->text(), QStringLiteral("Потоки"));
}

namespace {

// Widgets of `root` whose text does not fit the room the layout gave them: a button or a one-line label narrower
// than its text, the way Russian (about 30 % longer than English) overflows widths made for English.
QStringList clippedTexts(const QWidget* root)
{
    QStringList clipped;
    for (const QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisible())
            continue;
        QString text;
        int needed = 0;
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
            text = button->text();
            needed = button->minimumSizeHint().width();
        } else if (const auto* label = qobject_cast<const QLabel*>(widget); label && !label->wordWrap()) {
            text = label->text();
            needed = label->minimumSizeHint().width();
        }
        if (!text.isEmpty() && widget->width() < needed)
            clipped << QStringLiteral("\"%1\": %2 px of %3").arg(text).arg(widget->width()).arg(needed);
    }
    return clipped;
}

// CONLAB_SCREENSHOT_DIR=folder keeps the pictures, to look at them.
void keep(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("CONLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(QDir(dir).filePath(name));
}

} // namespace

TEST_F(Language, TheRussianWindowAndDialogsFitTheirTexts)
{
    use(QStringLiteral("ru"));
    MainWindow window;
    RunConfig config = window.currentConfig();
    config.model = ModelKind::Threads;
    config.workers = 2;
    config.workload.kind = WorkloadKind::Mixed;
    config.workload.tasks = 4;
    config.workload.cpuMs = 30;
    config.workload.ioMs = 20;
    ASSERT_TRUE(runShown(window, config));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    window.refreshPlotsNow();
    // The window keeps the size a classroom projector has room for.
    EXPECT_LE(window.minimumSizeHint().width(), 1366);
    EXPECT_TRUE(clippedTexts(&window).isEmpty()) << clippedTexts(&window).join(QLatin1Char('\n')).toStdString();
    keep(window, QStringLiteral("main-ru.png"));

    window.showShortcutsHelp();
    ShortcutsHelp* help = test::child<ShortcutsHelp>(window, "shortcutsHelp");
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    EXPECT_TRUE(clippedTexts(help).isEmpty()) << clippedTexts(help).join(QLatin1Char('\n')).toStdString();
    keep(*help, QStringLiteral("shortcuts-ru.png"));
    help->hide();

    ExportPictureDialog dialog(ExportPictureDialog::Settings {}, TimeRange {0.25, 0.5}, &window);
    dialog.show();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    EXPECT_TRUE(clippedTexts(&dialog).isEmpty()) << clippedTexts(&dialog).join(QLatin1Char('\n')).toStdString();
    keep(dialog, QStringLiteral("export-ru.png"));
}

// A setting the engine refuses reaches the window as a value (RunSession::runRejected carries it), and the Russian
// window words it in Russian: the setting by its label on screen, not the command line's --workers. (The window's own
// controls cannot make this configuration: the refusal is asked of the controller the window uses.)
TEST_F(Language, ARefusedSettingIsWordedInTheWindowsLanguage)
{
    use(QStringLiteral("ru"));
    RunConfig config = test::makeConfig(ModelKind::Threads, WorkloadKind::Convoy, 2, 1, 5, 1);
    RunController controller;
    Problem refusal;
    ASSERT_FALSE(controller.start(config, &refusal));
    EXPECT_EQ(refusal.describe(),
        QString::fromUtf8("Исполнители: для нагрузки «конвой» должно быть 2 (вычислительная задача и задача "
                          "ввода-вывода идут рядом), а задано 1"));
    use(QStringLiteral("en"));
    EXPECT_EQ(refusal.describe(),
        QStringLiteral(
            "Workers: must be 2 for the convoy workload (the CPU task and the I/O task run side by side), got 1"));
    EXPECT_EQ(refusal.english(),
        QStringLiteral("--workers: must be 2 for the convoy workload (the CPU task and the I/O task run side by side), "
                       "got 1"));
}

// A Python script that is not there is refused before the run, and the Russian window says so in Russian with the
// setting's label; the command line keeps its English with the option's name.
TEST_F(Language, AMissingScriptIsWordedInTheWindowsLanguage)
{
    CONLAB_REQUIRE_PYTHON();
    use(QStringLiteral("ru"));
    QTemporaryDir dir;
    RunConfig config = test::pythonConfig(dir, QStringLiteral("pass\n"));
    const QString missing = dir.filePath(QStringLiteral("gone.py"));
    config.python->script = missing;
    RunController controller;
    Problem refusal;
    ASSERT_FALSE(controller.start(config, &refusal));
    const QString russian = refusal.describe();
    EXPECT_TRUE(russian.contains(QString::fromUtf8("такого файла нет"))) << russian.toStdString();
    EXPECT_TRUE(russian.contains(missing)) << russian.toStdString();
    EXPECT_FALSE(russian.contains(QStringLiteral("no such file"))) << russian.toStdString();
    EXPECT_EQ(refusal.english(), QStringLiteral("--script: '%1': no such file").arg(missing));
}

// A file that cannot be written is named in a Russian sentence in the Russian window; only the operating system's
// reason stays as the system gives it.
TEST_F(Language, AFailedSaveIsWordedInTheWindowsLanguage)
{
    use(QStringLiteral("ru"));
    MainWindow window;
    ASSERT_TRUE(runShown(window, test::makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 2, 2, 5, 0)));
    QTemporaryDir dir;
    const QString path = QDir::toNativeSeparators(dir.filePath(QStringLiteral("missing/run.json")));
    QString failure;
    QObject::connect(window.fileActions(), &RunFileActions::writeFailed, &window,
        [&failure](const QString&, const QString& error) { failure = error; });
    ASSERT_TRUE(window.fileActions()->saveRun(path));
    ASSERT_TRUE(spinUntil([&] { return !failure.isEmpty(); }, 10'000));
    const QString start = QString::fromUtf8("Не удалось записать файл запуска %1: ").arg(path);
    EXPECT_TRUE(failure.startsWith(start)) << failure.toStdString();
    EXPECT_GT(failure.size(), start.size() + 4) << "no reason given: " << failure.toStdString();
    for (QMessageBox* box : window.findChildren<QMessageBox*>())
        box->close();
}

// A run that fails reaches the window as a value (RunSummary::failure), and the Russian window words the reason in
// Russian in the metrics panel and the status bar, while RunSummary::error keeps the English the command line, JSON
// and the run file say. A script that exits with code 4 is the failing run: the most common failure a user meets. The
// window words a script's end from the facts of the run (RunTexts::failureText), in its own language.
TEST_F(Language, AFailedRunIsWordedInTheWindowsLanguage)
{
    CONLAB_REQUIRE_PYTHON();
    use(QStringLiteral("ru"));
    QTemporaryDir dir;
    MainWindow window;
    RunSummary finished;
    QObject::connect(&window, &MainWindow::runFinished, &window,
        [&finished](const RunResult& result) { finished = result.summary; });
    ASSERT_TRUE(runShown(window, test::pythonConfig(dir, QStringLiteral("import sys\nsys.exit(4)\n"))));
    EXPECT_EQ(finished.error, QStringLiteral("the script exited with code 4"));
    const QString reason = QString::fromUtf8("Скрипт завершился с кодом 4");
    const QString status = test::child<QLabel>(window, "runStatus")->text();
    EXPECT_TRUE(status.contains(reason)) << status.toStdString();
    EXPECT_FALSE(status.contains(QStringLiteral("script"), Qt::CaseInsensitive)) << status.toStdString();
    const QString state = test::child<QLabel>(window, "runState")->text();
    EXPECT_TRUE(state.contains(reason, Qt::CaseInsensitive)) << state.toStdString();
    use(QStringLiteral("en"));
    EXPECT_TRUE(
        test::child<QLabel>(window, "runState")->text().contains(QStringLiteral("The script stopped with exit code 4")))
        << test::child<QLabel>(window, "runState")->text().toStdString();
}

// A task's own failure is a value too, even from a worker process: an I/O task of the processes model whose latency
// server stops answering fails in the worker, its reason crosses the pipe as a sentence with its values, and the
// Russian window words it in Russian while RunSummary::error keeps the English of the command line and JSON.
TEST_F(Language, AFailedIoTaskIsWordedInTheWindowsLanguage)
{
    LatencyServer server;
    QString serverError;
    ASSERT_TRUE(server.start(&serverError)) << serverError.toStdString();
    server.setAnswering(false); // every request then times out after replyTimeoutNs: a second
    const RunConfig config = test::makeConfig(ModelKind::Processes, WorkloadKind::Io, 2, 2, 0, 5).normalized();
    const std::optional<EngineResult> engine = test::runEngineAgainst(
        config, server, [] {}, 30'000);
    ASSERT_TRUE(engine);
    const RunSummary summary = summarizeRun(config, Trace {}, *engine);
    ASSERT_TRUE(summary.error.startsWith(QStringLiteral("task "))) << summary.error.toStdString();
    EXPECT_TRUE(summary.error.endsWith(replyTimeoutError(5'000))) << summary.error.toStdString();

    use(QStringLiteral("ru"));
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    SavedRun saved;
    saved.trace = std::make_shared<Trace>();
    saved.summary = summary;
    window.showSavedRun(dir.filePath(QStringLiteral("failed.conlab")), saved);
    const QString state = test::child<QLabel>(window, "runState")->text();
    EXPECT_TRUE(state.contains(QString::fromUtf8("задача "))) << state.toStdString();
    EXPECT_TRUE(state.contains(QString::fromUtf8("нет ответа от сервера ввода-вывода за"))) << state.toStdString();
    EXPECT_FALSE(state.contains(QStringLiteral("no answer"))) << state.toStdString();
    EXPECT_FALSE(state.contains(QStringLiteral("task "))) << state.toStdString();
    // Back in English the window words it again, its numbers in the English locale ("1,000 ms", where the command
    // line says "1000 ms").
    use(QStringLiteral("en"));
    const QString english = test::child<QLabel>(window, "runState")->text();
    EXPECT_TRUE(english.contains(QStringLiteral("task "))) << english.toStdString();
    EXPECT_TRUE(english.contains(summary.failure.describe())) << english.toStdString();
    EXPECT_TRUE(english.contains(QStringLiteral("no answer from the latency server within"))) << english.toStdString();
}

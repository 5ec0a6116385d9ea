<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>FigureCaption</name>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="35"/>
        <location filename="../../ui/export/figurecaption.cpp" line="37"/>
        <source>1 thread</source>
        <translation>1 поток</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="37"/>
        <source>%n threads</source>
        <translation>
            <numerusform>%n поток</numerusform>
            <numerusform>%n потока</numerusform>
            <numerusform>%n потоков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="39"/>
        <source>1 worker process</source>
        <translation>1 рабочий процесс</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="39"/>
        <source>%n worker processes</source>
        <translation>
            <numerusform>%n рабочий процесс</numerusform>
            <numerusform>%n рабочих процесса</numerusform>
            <numerusform>%n рабочих процессов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="41"/>
        <source>1 thread, 1 task at a time</source>
        <translation>1 поток, по 1 задаче за раз</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="42"/>
        <source>1 thread, up to %n tasks at once</source>
        <translation>
            <numerusform>1 поток, до %n задачи одновременно</numerusform>
            <numerusform>1 поток, до %n задач одновременно</numerusform>
            <numerusform>1 поток, до %n задач одновременно</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="44"/>
        <source>a real CPython interpreter</source>
        <translation>настоящий интерпретатор CPython</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="55"/>
        <source>CPython %1, OS thread states only</source>
        <translation>CPython %1, только состояния потоков от ОС</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="56"/>
        <source>CPython %1, %2 GIL hand-overs</source>
        <translation>CPython %1, передач GIL: %2</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="62"/>
        <source>no speed-up: the run did not finish</source>
        <translation>ускорения нет: запуск не завершился</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="64"/>
        <source>speed-up: this is the baseline</source>
        <translation>ускорение: это и есть эталон</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="66"/>
        <source>speed-up not measured (no sequential run of this workload)</source>
        <translation>ускорение не измерено (нет последовательного запуска этой нагрузки)</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="67"/>
        <source>speed-up %1× against sequential (%2)</source>
        <translation>ускорение %L1× относительно последовательного (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="75"/>
        <source>failed after %1</source>
        <translation>сбой через %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="77"/>
        <source>stopped after %1</source>
        <translation>остановлен через %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="78"/>
        <source>wall time %1</source>
        <translation>реальное время %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="92"/>
        <source>%1 s to %2 s</source>
        <translation>от %L1 с до %L2 с</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="100"/>
        <source>Time shown: %1</source>
        <translation>Показано время: %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="101"/>
        <source>Time shown: %1 of %2</source>
        <translation>Показано время: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="109"/>
        <source>1 core</source>
        <translation>1 ядро</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="109"/>
        <source>%n cores</source>
        <translation>
            <numerusform>%n ядро</numerusform>
            <numerusform>%n ядра</numerusform>
            <numerusform>%n ядер</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="121"/>
        <location filename="../../ui/export/figurecaption.cpp" line="123"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="158"/>
        <source>GIL switch interval %1 ms</source>
        <translation>интервал переключения GIL %1 мс</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="165"/>
        <source>still running, %1 so far: no final numbers yet</source>
        <translation>ещё идёт, прошло %1: итоговых чисел пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="168"/>
        <source>Trace</source>
        <translation>Трасса</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="169"/>
        <source>1 lane</source>
        <translation>1 дорожка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="169"/>
        <source>%n lanes</source>
        <translation>
            <numerusform>%n дорожка</numerusform>
            <numerusform>%n дорожки</numerusform>
            <numerusform>%n дорожек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="171"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/export/figurecaption.cpp" line="180"/>
        <source>The run failed: %1</source>
        <translation>Запуск завершился сбоем: %1</translation>
    </message>
</context>
<context>
    <name>RenderedFigure</name>
    <message>
        <location filename="../../ui/export/renderedfigure.cpp" line="139"/>
        <source>the %1 could not be drawn or encoded</source>
        <translation>не удалось нарисовать или закодировать %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/renderedfigure.cpp" line="145"/>
        <source>Could not write the picture %1: %2.</source>
        <translation>Не удалось записать рисунок %1: %2.</translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="13"/>
        <source>The run failed: %1</source>
        <translation>Запуск завершился сбоем: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="15"/>
        <source>The script was ended by signal %1.</source>
        <translation>Скрипт завершён сигналом %1.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="18"/>
        <source>The script stopped with exit code %1.</source>
        <translation>Скрипт завершился с кодом %1.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="19"/>
        <source>The script stopped with an error (exit code %1):
%2</source>
        <translation>Скрипт остановился с ошибкой (код выхода %1):
%2</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="32"/>
        <source>conlab was not allowed to read the interpreter&apos;s memory (Yama ptrace_scope above 1, or a process that forbids it): the GIL is not shown, only the thread states the operating system reports.</source>
        <translation>conlab не разрешено читать память интерпретатора (Yama ptrace_scope выше 1 или процесс это запрещает): GIL не показан, видны только состояния потоков, которые сообщает операционная система.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="36"/>
        <source>this Python</source>
        <translation>этого Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="37"/>
        <source>conlab cannot read the GIL of %1 (it reads CPython 3.11, 3.12 and 3.13): the timeline shows only the thread states the operating system reports.</source>
        <translation>conlab не умеет читать GIL %1 (он читает CPython 3.11, 3.12 и 3.13): на временной шкале только состояния потоков, которые сообщает операционная система.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="41"/>
        <source>conlab could not read this interpreter&apos;s GIL: the timeline shows only the thread states the operating system reports.</source>
        <translation>conlab не смог прочитать GIL этого интерпретатора: на временной шкале только состояния потоков, которые сообщает операционная система.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="50"/>
        <source>One thread runs the tasks one after another. Every speed-up is measured against this run.</source>
        <translation>Один поток выполняет задачи одну за другой. Любое ускорение измеряется относительно этого запуска.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="52"/>
        <source>Each worker is a separate process with its own memory (in Python, its own interpreter and GIL), so CPU work uses every core. The price: start-up time, memory per process, and data sent between processes.</source>
        <translation>Каждый исполнитель — отдельный процесс со своей памятью (в Python — со своим интерпретатором и GIL), поэтому вычисления занимают все ядра. Цена — время запуска, память на каждый процесс и пересылка данных между процессами.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="57"/>
        <source>Only the thread holding the GIL runs Python code; CPU-bound threads take turns, so they are no faster than one thread. A thread back from I/O waits for the GIL too.</source>
        <translation>Код Python выполняет только поток, владеющий GIL; вычислительные потоки работают по очереди и потому не быстрее одного потока. Поток, вернувшийся из ввода-вывода, тоже ждёт GIL.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="59"/>
        <source>Threads share one process&apos;s memory. Their I/O waits overlap, and here their CPU work runs in parallel on every core, as C++ threads can; CPython&apos;s threads cannot (try Threads + GIL).</source>
        <translation>Потоки делят память одного процесса. Их ожидания ввода-вывода перекрываются, а вычисления здесь идут параллельно на всех ядрах, как умеют потоки C⁠+⁠+; потоки CPython так не могут (попробуйте «Потоки + GIL»).</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="64"/>
        <source>One thread runs every task as a coroutine and switches at each await: waits overlap, but nothing runs in parallel, and a CPU-bound step blocks the whole loop.</source>
        <translation>Один поток выполняет каждую задачу как корутину и переключается на каждом await: ожидания перекрываются, но ничего не идёт параллельно, а вычислительный шаг блокирует весь цикл.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="68"/>
        <source>CPU steps go to a thread pool, but every thread, the loop&apos;s own included, needs the GIL to run Python code: the CPU work still takes turns, and the loop waits for the GIL.</source>
        <translation>Вычислительные шаги уходят в пул потоков, но каждому потоку, включая поток цикла, для кода Python нужен GIL: вычисления всё так же идут по очереди, а цикл ждёт GIL.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="70"/>
        <source>CPU steps are handed to a thread pool (like loop.run_in_executor), so the loop stays free to serve other tasks while they compute. In CPython those threads would share one GIL.</source>
        <translation>Вычислительные шаги передаются в пул потоков (как loop.run_in_executor), и цикл остаётся свободным для других задач, пока они считают. В CPython эти потоки делили бы один GIL.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="73"/>
        <source>CPU steps are handed to a pool of worker processes, so the loop stays free and the computing runs on every core, at the cost of process start-up and memory.</source>
        <translation>Вычислительные шаги передаются в пул рабочих процессов: цикл остаётся свободным, а вычисления идут на всех ядрах — ценой запуска процессов и памяти.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runtexts.cpp" line="78"/>
        <source>A real CPython interpreter runs the script unchanged; conlab watches its GIL, threads and processes from outside.</source>
        <translation>Настоящий интерпретатор CPython выполняет сценарий без изменений; conlab наблюдает за его GIL, потоками и процессами снаружи.</translation>
    </message>
</context>
<context>
    <name>conlab::CompareBarChart</name>
    <message>
        <location filename="../../ui/compare/comparebarchart.cpp" line="133"/>
        <source>wall time (s)</source>
        <translation>реальное время (с)</translation>
    </message>
</context>
<context>
    <name>conlab::CompareView</name>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="79"/>
        <source>CPython %1.%2</source>
        <translation>CPython %1.%2</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="79"/>
        <source>CPython</source>
        <translation>CPython</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="82"/>
        <source>Processes (%1)</source>
        <translation>Процессы (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="84"/>
        <source>asyncio (%1)</source>
        <translation>asyncio (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="90"/>
        <source>Threads (%1)</source>
        <translation>Потоки (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="160"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="168"/>
        <source>not run (cancelled)</source>
        <translation>не запущен (отменено)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="169"/>
        <source>running…</source>
        <translation>выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="169"/>
        <source>waiting</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="173"/>
        <source>failed: %1</source>
        <translation>сбой: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="175"/>
        <source>stopped after %1</source>
        <translation>остановлен через %1</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="180"/>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="183"/>
        <source>%1  baseline</source>
        <translation>%1  эталон</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="187"/>
        <source>%1  ×%2</source>
        <translation>%1  ×%2</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="188"/>
        <source>%1  ×%2 (%3–%4)</source>
        <translation>%1  ×%2 (%3–%4)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="211"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="225"/>
        <source>1 worker</source>
        <translation>1 исполнитель</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/compare/compareview.cpp" line="225"/>
        <source>%n workers</source>
        <translation>
            <numerusform>%n исполнитель</numerusform>
            <numerusform>%n исполнителя</numerusform>
            <numerusform>%n исполнителей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="229"/>
        <source>Every model on one workload: %1</source>
        <translation>Все модели на одной нагрузке: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="259"/>
        <source>Compare all models — Concurrency Lab</source>
        <translation>Сравнение всех моделей — Concurrency Lab</translation>
    </message>
</context>
<context>
    <name>conlab::CoreUtilisationPlot</name>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="83"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="265"/>
        <source>counter value</source>
        <translation>значение счётчика</translation>
    </message>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="83"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="302"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="88"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="89"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="340"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="344"/>
        <source>cpu%1</source>
        <translation>cpu%1</translation>
    </message>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="92"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="349"/>
        <source>average</source>
        <translation>среднее</translation>
    </message>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="94"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="247"/>
        <source>whole machine (dashed)</source>
        <translation>вся машина (пунктир)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="96"/>
        <location filename="../../ui/plots/coreutilisationplot.cpp" line="245"/>
        <source>other programs</source>
        <translation>другие программы</translation>
    </message>
</context>
<context>
    <name>conlab::DurationText</name>
    <message>
        <location filename="../../ui/window/durationtext.cpp" line="10"/>
        <location filename="../../ui/window/durationtext.cpp" line="12"/>
        <source>%1 ms</source>
        <translation>%L1 мс</translation>
    </message>
    <message>
        <location filename="../../ui/window/durationtext.cpp" line="13"/>
        <source>%1 s</source>
        <translation>%L1 с</translation>
    </message>
</context>
<context>
    <name>conlab::ExportPictureDialog</name>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="26"/>
        <source>%1 s to %2 s</source>
        <translation>от %L1 с до %L2 с</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="138"/>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="236"/>
        <source>Export picture</source>
        <translation>Экспорт рисунка</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="143"/>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="144"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="145"/>
        <source>S&amp;cale:</source>
        <translation>&amp;Масштаб:</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="146"/>
        <source>Si&amp;ze:</source>
        <translation>&amp;Размер:</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="146"/>
        <source>F&amp;ile:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="154"/>
        <source>PNG for slides and the web; SVG and PDF stay sharp at any size</source>
        <translation>PNG — для слайдов и веба; SVG и PDF остаются чёткими при любом размере</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="156"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="157"/>
        <source>Pixels per logical pixel: 2× or 4× keep text and lines sharp on a projector or in print</source>
        <translation>Пикселей на логический пиксель: при 2× или 4× текст и линии остаются чёткими на проекторе и в печати</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="158"/>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="159"/>
        <source>logical pixels</source>
        <translation>логических пикселей</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="161"/>
        <source>Width in logical pixels</source>
        <translation>Ширина в логических пикселях</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="162"/>
        <source>Height in logical pixels</source>
        <translation>Высота в логических пикселях</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="163"/>
        <source>Only the visible time window (%1)</source>
        <translation>Только видимый интервал времени (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="164"/>
        <source>Only the visible time window (not zoomed: the whole run is shown)</source>
        <translation>Только видимый интервал времени (масштаб не менялся: показан весь запуск)</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="165"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="191"/>
        <source>Choose a file to save the picture in.</source>
        <translation>Выберите файл, в который сохранить рисунок.</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="195"/>
        <source>The file name ends in .%1, but the format is %2: change one of them.</source>
        <translation>Имя файла оканчивается на .%1, а формат — %2: измените что-то одно.</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="199"/>
        <source>At %1× this picture would be %2 × %3 pixels, more than a PNG may have here: choose a smaller size or scale.</source>
        <translation>При %1× рисунок займёт %2 × %3 пикселей — больше, чем здесь допустимо для PNG: выберите размер или масштаб поменьше.</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="206"/>
        <source>There is no folder %1.</source>
        <translation>Папки %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="239"/>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <location filename="../../ui/export/exportpicturedialog.cpp" line="251"/>
        <source>The file exists and will be replaced.</source>
        <translation>Файл уже есть и будет заменён.</translation>
    </message>
</context>
<context>
    <name>conlab::FigureContent</name>
    <message>
        <location filename="../../ui/export/runfigure.cpp" line="41"/>
        <source>Timeline and CPU utilisation</source>
        <translation>Временная шкала и загрузка CPU</translation>
    </message>
    <message>
        <location filename="../../ui/export/runfigure.cpp" line="43"/>
        <source>Timeline only</source>
        <translation>Только временная шкала</translation>
    </message>
    <message>
        <location filename="../../ui/export/runfigure.cpp" line="45"/>
        <source>CPU utilisation only</source>
        <translation>Только загрузка CPU</translation>
    </message>
</context>
<context>
    <name>conlab::FigureFormat</name>
    <message>
        <location filename="../../ui/export/figureformat.cpp" line="32"/>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <location filename="../../ui/export/figureformat.cpp" line="34"/>
        <source>SVG drawing</source>
        <translation>Рисунок SVG</translation>
    </message>
    <message>
        <location filename="../../ui/export/figureformat.cpp" line="36"/>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
</context>
<context>
    <name>conlab::ImportReport</name>
    <message>
        <location filename="../../core/import/importreport.cpp" line="19"/>
        <source>not an object</source>
        <translation>не объект</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="20"/>
        <source>without ph</source>
        <translation>без ph</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="21"/>
        <source>ts missing or not a number</source>
        <translation>ts нет или это не число</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="22"/>
        <source>X without dur</source>
        <translation>X без dur</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="23"/>
        <source>negative dur</source>
        <translation>отрицательный dur</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="24"/>
        <source>name not a string</source>
        <translation>name не строка</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="25"/>
        <source>pid or tid neither a number nor a string</source>
        <translation>pid или tid не число и не строка</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="26"/>
        <source>M whose args cannot be read</source>
        <translation>M с нечитаемыми args</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="27"/>
        <source>C whose args are not an object</source>
        <translation>C, у которого args не объект</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="28"/>
        <source>not a number</source>
        <translation>не число</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="46"/>
        <source>%n counter value left out: %1 (first at line %2)</source>
        <translation>
            <numerusform>Пропущено %n значение счётчика: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n значения счётчика: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n значений счётчика: %1 (первое — в строке %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="48"/>
        <source>%n counter values left out: %1 (first at line %2)</source>
        <translation>
            <numerusform>Пропущено %n значение счётчика: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n значения счётчика: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n значений счётчика: %1 (первое — в строке %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="50"/>
        <source>%n event skipped: %1 (first at line %2)</source>
        <translation>
            <numerusform>Пропущено %n событие: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n события: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n событий: %1 (первое — в строке %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="52"/>
        <source>%n events skipped: %1 (first at line %2)</source>
        <translation>
            <numerusform>Пропущено %n событие: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n события: %1 (первое — в строке %2)</numerusform>
            <numerusform>Пропущено %n событий: %1 (первое — в строке %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="54"/>
        <source>The file holds %n event, of phase %1, which conlab does not draw.</source>
        <translation>
            <numerusform>В файле %n событие фазы %1, которую conlab не рисует.</numerusform>
            <numerusform>В файле %n события фазы %1, которую conlab не рисует.</numerusform>
            <numerusform>В файле %n событий фазы %1, которую conlab не рисует.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="56"/>
        <source>The file holds %n events, of phase %1, which conlab does not draw.</source>
        <translation>
            <numerusform>В файле %n событие фазы %1, которую conlab не рисует.</numerusform>
            <numerusform>В файле %n события фазы %1, которую conlab не рисует.</numerusform>
            <numerusform>В файле %n событий фазы %1, которую conlab не рисует.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="57"/>
        <source>The file holds %n events, of phases %1, which conlab does not draw.</source>
        <translation>
            <numerusform>В файле %n событие фаз %1, которые conlab не рисует.</numerusform>
            <numerusform>В файле %n события фаз %1, которые conlab не рисует.</numerusform>
            <numerusform>В файле %n событий фаз %1, которые conlab не рисует.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="59"/>
        <source>The file holds %n event, but it could not be drawn: see the skipped events.</source>
        <translation>
            <numerusform>В файле %n событие, но нарисовать нечего: см. пропущенные события.</numerusform>
            <numerusform>В файле %n события, но нарисовать нечего: см. пропущенные события.</numerusform>
            <numerusform>В файле %n событий, но нарисовать нечего: см. пропущенные события.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="61"/>
        <source>The file holds %n events, but none of them could be drawn: see the skipped events.</source>
        <translation>
            <numerusform>В файле %n событие, но нарисовать нечего: см. пропущенные события.</numerusform>
            <numerusform>В файле %n события, но нарисовать нечего: см. пропущенные события.</numerusform>
            <numerusform>В файле %n событий, но нарисовать нечего: см. пропущенные события.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="63"/>
        <source>The file ended early, at line %1: the events read up to there are shown.</source>
        <translation>Файл обрывается в строке %1: показаны события, прочитанные до этого места.</translation>
    </message>
    <message>
        <location filename="../../core/import/importreport.cpp" line="65"/>
        <source>The file holds no events.</source>
        <translation>В файле нет событий.</translation>
    </message>
</context>
<context>
    <name>conlab::LaneLabel</name>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="19"/>
        <source>executor thread %1</source>
        <translation>поток пула %1</translation>
    </message>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="20"/>
        <source>executor process %1</source>
        <translation>процесс пула %1</translation>
    </message>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="21"/>
        <source>thread %1</source>
        <translation>поток %1</translation>
    </message>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="22"/>
        <source>process %1</source>
        <translation>процесс %1</translation>
    </message>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="23"/>
        <source>slot %1</source>
        <translation>слот %1</translation>
    </message>
    <message>
        <location filename="../../core/trace/lanelabel.cpp" line="25"/>
        <source>Core %1</source>
        <translation>Ядро %1</translation>
    </message>
</context>
<context>
    <name>conlab::LanguageMenu</name>
    <message>
        <location filename="../../ui/window/languagemenu.cpp" line="40"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
</context>
<context>
    <name>conlab::MainWindow</name>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="81"/>
        <source>Settings changed: press Space to run them, or click a model.</source>
        <translation>Настройки изменены: нажмите Пробел, чтобы запустить их, или выберите модель.</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="95"/>
        <source>Ready: pick a model, or press Space to run.</source>
        <translation>Готово: выберите модель или нажмите Пробел для запуска.</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="205"/>
        <source>&amp;Run</source>
        <translation>&amp;Запустить</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="206"/>
        <source>Run the chosen model on this workload (Space or F5)</source>
        <translation>Запустить выбранную модель на этой нагрузке (Пробел или F5)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="207"/>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="208"/>
        <source>Stop the run (Esc or Space)</source>
        <translation>Остановить запуск (Esc или Пробел)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="209"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Сбросить масштаб</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="210"/>
        <source>&amp;Cores view</source>
        <translation>&amp;Вид по ядрам</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="211"/>
        <source>Show the timeline by core: a lane per core, each bar the worker that ran on it, coloured by worker, idle time left empty (C)</source>
        <translation>Показать временную шкалу по ядрам: по дорожке на ядро, каждый отрезок — исполнитель, который на нём выполнялся, цветом исполнителя, простой остаётся пустым (C)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="213"/>
        <source>&amp;Workload controls</source>
        <translation>Параметры &amp;нагрузки</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="214"/>
        <source>Show or hide the workload controls under the model buttons (F9)</source>
        <translation>Показать или скрыть параметры нагрузки под кнопками моделей (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="215"/>
        <source>&amp;Numbers panel</source>
        <translation>Панель &amp;чисел</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="216"/>
        <source>Show or hide the run&apos;s numbers beside the plots (F8)</source>
        <translation>Показать или скрыть числа запуска рядом с графиками (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="217"/>
        <source>&amp;Script source</source>
        <translation>&amp;Исходный код скрипта</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="218"/>
        <source>Show or hide the Python script beside the plots (F6)</source>
        <translation>Показать или скрыть скрипт Python рядом с графиками (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="219"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="220"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="221"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="222"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="223"/>
        <source>&amp;Run</source>
        <comment>menu</comment>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="224"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="225"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="226"/>
        <source>How late the window&apos;s own 10 ms heartbeat fires: the delay a click would see</source>
        <translation>Насколько опаздывает собственный 10-миллисекундный пульс окна: такую задержку увидел бы щелчок мыши</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="242"/>
        <source>Sequential baseline</source>
        <translation>Последовательный эталон</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="351"/>
        <source># The script&apos;s source is not at hand: %1</source>
        <translation># Исходного кода скрипта нет под рукой: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="420"/>
        <source>Stopping the run to start %1…</source>
        <translation>Запуск останавливается, чтобы начать «%1»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="465"/>
        <source>Opened %1. %2 Press Space to run it again.</source>
        <translation>Открыт %1. %2 Нажмите Пробел, чтобы запустить снова.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/mainwindow.cpp" line="474"/>
        <source>Opened %1: a trace from another tool, %n lane(s).</source>
        <translation>
            <numerusform>Открыт %1: трасса другой программы, %n дорожка.</numerusform>
            <numerusform>Открыт %1: трасса другой программы, %n дорожки.</numerusform>
            <numerusform>Открыт %1: трасса другой программы, %n дорожек.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="491"/>
        <source>%1: stopped after %2.</source>
        <translation>%1: остановлен через %2.</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="492"/>
        <source>%1: done in %2.</source>
        <translation>%1: готово за %2.</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="520"/>
        <source>%1, as measured earlier: done in %2. Press Space to run it again.</source>
        <translation>%1, по прежнему измерению: готово за %2. Нажмите Пробел, чтобы запустить снова.</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="543"/>
        <source>Could not start the run: %1</source>
        <translation>Не удалось начать запуск: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="553"/>
        <source>Running %1… %2 s</source>
        <translation>Идёт запуск «%1»… %L2 с</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="573"/>
        <source>%1 — Concurrency Lab</source>
        <translation>%1 — Concurrency Lab</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="575"/>
        <source>Concurrency Lab</source>
        <translation>Concurrency Lab</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.cpp" line="581"/>
        <source>UI latency p99 %1 ms</source>
        <translation>Задержка интерфейса p99 %L1 мс</translation>
    </message>
</context>
<context>
    <name>conlab::MetricsPanel</name>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="33"/>
        <source>%1 MB</source>
        <translation>%L1 МБ</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="132"/>
        <source>Wall time</source>
        <translation>Реальное время</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="133"/>
        <source>CPU time</source>
        <translation>Время CPU</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="134"/>
        <source>Speed-up</source>
        <translation>Ускорение</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="135"/>
        <source>Efficiency</source>
        <translation>Эффективность</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="136"/>
        <source>Peak memory</source>
        <translation>Пиковая память</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="137"/>
        <source>Start-up</source>
        <translation>Время запуска</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="138"/>
        <source>Resume latency</source>
        <translation>Задержка возобновления</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="139"/>
        <source>Tasks done</source>
        <translation>Задач выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="140"/>
        <source>Checksum</source>
        <translation>Контрольная сумма</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="141"/>
        <source>UI latency</source>
        <translation>Задержка интерфейса</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="142"/>
        <source>Counter</source>
        <translation>Счётчик</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="143"/>
        <source>Round trips</source>
        <translation>Обмены</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="144"/>
        <source>Core changes</source>
        <translation>Смены ядра</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="146"/>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="147"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="148"/>
        <source>GIL share</source>
        <translation>Доля GIL</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="149"/>
        <source>Exit code</source>
        <translation>Код выхода</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="150"/>
        <source>Output</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="156"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="157"/>
        <source>Lanes</source>
        <translation>Дорожки</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="158"/>
        <source>Segments</source>
        <translation>Отрезки</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="159"/>
        <source>Counters</source>
        <translation>Счётчики</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="160"/>
        <source>Time span</source>
        <translation>Промежуток</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="161"/>
        <source>Left out</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="191"/>
        <source>Slices of the trace as the timeline draws them: a slice with slices nested in it is split where they run</source>
        <translation>Срезы трассы в том виде, в каком их рисует шкала: срез с вложенными срезами разбивается там, где выполняются вложенные</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="193"/>
        <source>From a task&apos;s I/O finishing to the task running again: what a request pays for the CPU (or the GIL) being busy elsewhere</source>
        <translation>От завершения ввода-вывода задачи до её нового выполнения: столько запрос платит за то, что CPU (или GIL) занят другим</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="195"/>
        <source>How late this window&apos;s 10 ms heartbeat fired during the run: the delay a click or a repaint would have seen</source>
        <translation>Насколько опаздывал 10-миллисекундный пульс окна во время запуска: такую задержку увидели бы щелчок или перерисовка</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="197"/>
        <source>What the shared counter holds at the end, against what every task added: the difference is updates lost to races</source>
        <translation>Сколько в общем счётчике в конце и сколько добавили все задачи: разница — обновления, потерянные из-за гонок</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="199"/>
        <source>Convoy: round trips the I/O task completed while the CPU-bound task ran</source>
        <translation>Конвой: сколько обменов выполнила задача ввода-вывода, пока работала вычислительная задача</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="200"/>
        <source>How often the operating system moved a running worker to another core (press C for the Cores view)</source>
        <translation>Сколько раз операционная система переносила выполняющегося исполнителя на другое ядро (C — вид по ядрам)</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="202"/>
        <source>How often the GIL changed hands, and how often a waiting thread asked the holder to drop it after the switch interval</source>
        <translation>Сколько раз GIL переходил к другому потоку и сколько раз ждущий поток просил владельца отпустить его по истечении интервала переключения</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="204"/>
        <source>The interpreter that ran the script, and how conlab watched it: its GIL read from the interpreter&apos;s memory, or only the threads&apos; states the operating system reports</source>
        <translation>Интерпретатор, выполнивший скрипт, и как conlab за ним наблюдал: GIL прочитан из памяти интерпретатора или видны только состояния потоков, которые сообщает операционная система</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="206"/>
        <source>Of the time its process&apos;s GIL was held, the share each thread held it</source>
        <translation>Какую долю времени, пока GIL процесса был занят, его удерживал каждый поток</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="207"/>
        <source>The last lines the script printed; a saved run keeps all of it</source>
        <translation>Последние строки, которые вывел скрипт; сохранённый запуск хранит весь вывод</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="209"/>
        <source>Run sequential baseline</source>
        <translation>Запустить последовательный эталон</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="210"/>
        <source>Runs the same workload sequentially once, so the speed-up and efficiency of every model on this workload can be measured against it</source>
        <translation>Один раз выполняет ту же нагрузку последовательно, чтобы относительно этого запуска измерить ускорение и эффективность каждой модели</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="216"/>
        <location filename="../../ui/window/metricspanel.cpp" line="384"/>
        <location filename="../../ui/window/metricspanel.cpp" line="407"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="217"/>
        <source>Pick a model above, or press Space to run.</source>
        <translation>Выберите модель вверху или нажмите Пробел для запуска.</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="221"/>
        <location filename="../../ui/window/metricspanel.cpp" line="337"/>
        <source>Running…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="222"/>
        <location filename="../../ui/window/metricspanel.cpp" line="340"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="267"/>
        <location filename="../../ui/window/metricspanel.cpp" line="393"/>
        <source>%1
app %2
+ %n worker(s) %3</source>
        <translation>
            <numerusform>%1
приложение %2
+ %n исполнитель %3</numerusform>
            <numerusform>%1
приложение %2
+ %n исполнителя %3</numerusform>
            <numerusform>%1
приложение %2
+ %n исполнителей %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="369"/>
        <source>%1 · %2 of %n usable core(s) busy</source>
        <translation>
            <numerusform>%1 · занято %L2 из %n доступного ядра</numerusform>
            <numerusform>%1 · занято %L2 из %n доступных ядер</numerusform>
            <numerusform>%1 · занято %L2 из %n доступных ядер</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="372"/>
        <source>%1 · %2 cores busy</source>
        <translation>%1 · занято ядер: %L2</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="375"/>
        <source>1.00× (this is the baseline)</source>
        <translation>1,00× (это и есть эталон)</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="376"/>
        <source>100 % of 1 worker</source>
        <translation>100 % от 1 исполнителя</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="379"/>
        <source>%1× (sequential %2)</source>
        <translation>%L1× (последовательно %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="380"/>
        <source>%1 % of %n worker(s)</source>
        <translation>
            <numerusform>%1 % от %n исполнителя</numerusform>
            <numerusform>%1 % от %n исполнителей</numerusform>
            <numerusform>%1 % от %n исполнителей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="381"/>
        <source>&amp;nbsp;&amp;nbsp;·&amp;nbsp;&amp;nbsp;%1× speed-up</source>
        <translation>&amp;nbsp;&amp;nbsp;·&amp;nbsp;&amp;nbsp;ускорение %L1×</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="452"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="452"/>
        <source>version not known</source>
        <translation>версия неизвестна</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="453"/>
        <source>GIL read from its memory</source>
        <translation>GIL читается из его памяти</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="453"/>
        <source>OS thread states only</source>
        <translation>только состояния потоков от ОС</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="454"/>
        <source>%1 hand-overs (exact)</source>
        <translation>%1 передач (точно)</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="455"/>
        <source>not seen: OS states only</source>
        <translation>не виден: только состояния от ОС</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="474"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="475"/>
        <source>%1: %2 % · %3</source>
        <translation>%1: %2 % · %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="481"/>
        <source>and %n more thread(s)</source>
        <translation>
            <numerusform>и ещё %n поток</numerusform>
            <numerusform>и ещё %n потока</numerusform>
            <numerusform>и ещё %n потоков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="482"/>
        <source>no thread seen holding it</source>
        <translation>ни один поток не был замечен с GIL</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="485"/>
        <source>killed by signal %1</source>
        <translation>завершён сигналом %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="266"/>
        <location filename="../../ui/window/metricspanel.cpp" line="383"/>
        <source>needs a sequential run</source>
        <translation>нужен последовательный запуск</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="396"/>
        <location filename="../../ui/window/metricspanel.cpp" line="527"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="261"/>
        <location filename="../../ui/window/metricspanel.cpp" line="399"/>
        <source>p50 %1 · p99 %2
max %3 (%4 resumes)</source>
        <translation>p50 %1 · p99 %2
макс. %3 (возобновлений: %4)</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="402"/>
        <source>no I/O waits</source>
        <translation>ожиданий ввода-вывода не было</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="403"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="406"/>
        <source>p99 %1 · max %2</source>
        <translation>p99 %1 · макс. %2</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="410"/>
        <source>%1 of %2
%3 updates lost</source>
        <translation>%1 из %2
потеряно обновлений: %3</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="423"/>
        <source>%1 hand-overs
%2 drop requests</source>
        <translation>передач: %1
запросов отпустить: %2</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="439"/>
        <source>Stopped before the end: these numbers cover only what ran.</source>
        <translation>Остановлен до конца: числа охватывают только то, что успело выполниться.</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="516"/>
        <source>A trace written by another tool: each thread with slices is a lane, each slice a segment, each counter a line in the lower plot. conlab did not make this run, so there are no run numbers to show.</source>
        <translation>Трасса, записанная другой программой: каждый поток со срезами — дорожка, каждый срез — отрезок, каждый счётчик — линия на нижнем графике. Этот запуск сделал не conlab, поэтому чисел запуска нет.</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="528"/>
        <source>%1
at %2 points in time</source>
        <translation>%1
в %2 моментах времени</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="530"/>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="531"/>
        <source>%1
from %2 to %3 ms</source>
        <translation>%1
от %L2 до %L3 мс</translation>
    </message>
    <message>
        <location filename="../../ui/window/metricspanel.cpp" line="294"/>
        <location filename="../../ui/window/metricspanel.cpp" line="494"/>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
</context>
<context>
    <name>conlab::ModelLabel</name>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="42"/>
        <source>sequential</source>
        <translation>последовательно</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="45"/>
        <source>processes</source>
        <translation>процессы</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="48"/>
        <source>threads</source>
        <translation>потоки</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="52"/>
        <source>event loop + thread executor</source>
        <translation>цикл событий + пул потоков</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="54"/>
        <source>event loop + process executor</source>
        <translation>цикл событий + пул процессов</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="56"/>
        <source>event loop</source>
        <translation>цикл событий</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="21"/>
        <source>Python script</source>
        <translation>Сценарий Python</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="24"/>
        <source>processes (CPython)</source>
        <translation>процессы (CPython)</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="26"/>
        <source>asyncio (CPython)</source>
        <translation>asyncio (CPython)</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="32"/>
        <source>threads (CPython)</source>
        <translation>потоки (CPython)</translation>
    </message>
    <message>
        <location filename="../../core/run/modellabel.cpp" line="64"/>
        <source>%1 + GIL</source>
        <translation>%1 + GIL</translation>
    </message>
</context>
<context>
    <name>conlab::ModelPicker</name>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <location filename="../../ui/window/modelpicker.cpp" line="221"/>
        <source>Sequential</source>
        <translation>Последовательно</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <location filename="../../ui/window/modelpicker.cpp" line="224"/>
        <source>Processes</source>
        <translation>Процессы</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <location filename="../../ui/window/modelpicker.cpp" line="227"/>
        <source>Threads</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <source>Threads + GIL</source>
        <translation>Потоки + GIL</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <location filename="../../ui/window/modelpicker.cpp" line="232"/>
        <source>Event loop</source>
        <translation>Цикл событий</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="160"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="162"/>
        <source>One thread, one task after another: the baseline</source>
        <translation>Один поток, задачи одна за другой: эталон</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="163"/>
        <source>Worker processes: every core, own memory each, start-up cost</source>
        <translation>Рабочие процессы: все ядра, у каждого своя память, цена запуска</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="164"/>
        <source>Threads sharing memory, running in parallel (as C++ threads do)</source>
        <translation>Потоки с общей памятью, работающие параллельно (как потоки C⁠+⁠+)</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="165"/>
        <source>The same threads, but CPU work must hold one global interpreter lock, as in CPython</source>
        <translation>Те же потоки, но для вычислений нужна одна глобальная блокировка интерпретатора, как в CPython</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="166"/>
        <source>One thread running coroutines: waits overlap, nothing runs in parallel</source>
        <translation>Один поток выполняет корутины: ожидания перекрываются, параллельно ничего не идёт</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="167"/>
        <source>A real CPython interpreter running the chosen script, watched from outside: its GIL, threads and processes</source>
        <translation>Настоящий интерпретатор CPython выполняет выбранный скрипт, а conlab наблюдает снаружи: его GIL, потоки и процессы</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="173"/>
        <source>%1 (key %2 or Alt+%2)</source>
        <translation>%1 (клавиша %2 или Alt+%2)</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="179"/>
        <source>Pick %1</source>
        <translation>Выбрать «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="181"/>
        <source>Executor:</source>
        <translation>Вычисления:</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="182"/>
        <source>None (CPU blocks the loop)</source>
        <translation>Нет (CPU блокирует цикл)</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="183"/>
        <source>Thread pool</source>
        <translation>Пул потоков</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="184"/>
        <source>Process pool</source>
        <translation>Пул процессов</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="185"/>
        <source>The event loop, and Python examples that offload (the blocked loop): where CPU steps run, like asyncio&apos;s loop.run_in_executor</source>
        <translation>Цикл событий и примеры на Python, которые выносят вычисления (заблокированный цикл): где выполняются вычислительные шаги, как loop.run_in_executor в asyncio</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="235"/>
        <source>Event loop + thread pool</source>
        <translation>Цикл событий + пул потоков</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="238"/>
        <source>Event loop + process pool</source>
        <translation>Цикл событий + пул процессов</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="243"/>
        <source>Python script</source>
        <translation>Сценарий Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="244"/>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="246"/>
        <source>%1 + thread pool</source>
        <translation>%1 + пул потоков</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="248"/>
        <source>%1 + process pool</source>
        <translation>%1 + пул процессов</translation>
    </message>
    <message>
        <location filename="../../ui/window/modelpicker.cpp" line="251"/>
        <source>%1 + GIL</source>
        <translation>%1 + GIL</translation>
    </message>
</context>
<context>
    <name>conlab::OtherLoad</name>
    <message>
        <location filename="../../ui/window/otherloadtext.cpp" line="25"/>
        <source>Other programs took %1 % of the machine during this run: these times are not the model&apos;s alone.</source>
        <translation>Во время этого запуска другие программы заняли %1 % машины: эти времена зависят не только от модели.</translation>
    </message>
    <message>
        <location filename="../../ui/window/otherloadtext.cpp" line="36"/>
        <source>other programs took %1 % of the machine</source>
        <translation>другие программы заняли %1 % машины</translation>
    </message>
</context>
<context>
    <name>conlab::PictureActions</name>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="48"/>
        <source>Saved the picture %1 (%2 KB).</source>
        <translation>Рисунок %1 сохранён (%2 КБ).</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="60"/>
        <source>Copied the picture to the clipboard (%1 × %2 pixels).</source>
        <translation>Рисунок скопирован в буфер обмена (%1 × %2 пикселей).</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="73"/>
        <source>&amp;Export picture…</source>
        <translation>&amp;Экспорт рисунка…</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="74"/>
        <source>&amp;Copy picture</source>
        <translation>&amp;Копировать рисунок</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="76"/>
        <source>Save the timeline and the CPU plot as PNG, SVG or PDF, with a caption (Ctrl+S)</source>
        <translation>Сохранить временную шкалу и график CPU в PNG, SVG или PDF с подписью (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="77"/>
        <source>Copy what the plots show, with a caption, as an image (Ctrl+Shift+C)</source>
        <translation>Скопировать то, что показывают графики, с подписью, как изображение (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="79"/>
        <source>Save the picture as PNG, SVG or PDF, with a caption (Ctrl+S)</source>
        <translation>Сохранить рисунок в PNG, SVG или PDF с подписью (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="80"/>
        <source>Copy the picture, with a caption, as an image (Ctrl+Shift+C)</source>
        <translation>Скопировать рисунок с подписью как изображение (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/export/pictureactions.cpp" line="127"/>
        <source>Saving the picture %1…</source>
        <translation>Сохранение рисунка %1…</translation>
    </message>
</context>
<context>
    <name>conlab::PresenterMode</name>
    <message>
        <location filename="../../ui/window/presentermode.cpp" line="37"/>
        <source>&amp;Presenter mode</source>
        <translation>Режим &amp;презентации</translation>
    </message>
    <message>
        <location filename="../../ui/window/presentermode.cpp" line="38"/>
        <source>Full screen, large fonts and lines, high contrast: for a projector (F11; Esc leaves)</source>
        <translation>Во весь экран, крупные шрифты и линии, высокий контраст: для проектора (F11; Esc — выход)</translation>
    </message>
    <message>
        <location filename="../../ui/window/presentermode.cpp" line="40"/>
        <source>Leave presenter mode (when no run is going)</source>
        <translation>Выйти из режима презентации (когда ничего не запущено)</translation>
    </message>
</context>
<context>
    <name>conlab::Problem</name>
    <message>
        <location filename="../../core/export/atomicwrite.cpp" line="23"/>
        <source>Could not write the %1 %2: %3.</source>
        <translation>Не удалось записать %1 %2: %3.</translation>
    </message>
    <message>
        <location filename="../../core/export/csvexport.cpp" line="148"/>
        <source>segments CSV file</source>
        <translation>CSV-файл отрезков</translation>
    </message>
    <message>
        <location filename="../../core/export/csvexport.cpp" line="155"/>
        <source>samples CSV file</source>
        <translation>CSV-файл замеров</translation>
    </message>
    <message>
        <location filename="../../core/export/runfile.cpp" line="168"/>
        <source>Could not write the run file %1: there is no run to save.</source>
        <translation>Не удалось записать файл запуска %1: нечего сохранять.</translation>
    </message>
    <message>
        <location filename="../../core/export/runfile.cpp" line="173"/>
        <source>run file</source>
        <translation>файл запуска</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="35"/>
        <source>must be from %1 to %2, got %3</source>
        <translation>должно быть от %1 до %2, а задано %3</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="39"/>
        <source>must be from 0 to %1 (an hour), got %2</source>
        <translation>должно быть от 0 до %1 (час), а задано %2</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="58"/>
        <source>must be above 0 and at most %1, got %2</source>
        <translation>должно быть больше 0 и не больше %1, а задано %2</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="63"/>
        <source>only the event loop runs CPU phases in an executor: it needs the eventloop model</source>
        <translation>вычислительные шаги в пуле выполняет только цикл событий: нужна модель «Цикл событий»</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="67"/>
        <source>must be %1 for the convoy workload (the CPU task and the I/O task run side by side), got %2</source>
        <translation>для нагрузки «конвой» должно быть %1 (вычислительная задача и задача ввода-вывода идут рядом), а задано %2</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="78"/>
        <source>no Python interpreter found: looked for python3 on PATH and for %1 (install python3 or pass --python PATH)</source>
        <translation>интерпретатор Python не найден: искали python3 в PATH и %1 (установите python3 или укажите --python ПУТЬ)</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="83"/>
        <source>no executable Python interpreter at &apos;%1&apos;</source>
        <translation>по пути «%1» нет исполняемого интерпретатора Python</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.cpp" line="89"/>
        <source>must be from 0 to %1 iterations per ms, got %2</source>
        <translation>должно быть от 0 до %1 итераций в мс, а задано %2</translation>
    </message>
    <message>
        <location filename="../../core/run/runconfig.h" line="31"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../core/run/runcontroller.cpp" line="57"/>
        <source>a run is already going: stop it first</source>
        <translation>запуск уже идёт: сначала остановите его</translation>
    </message>
    <message>
        <location filename="../../core/run/runoptions.cpp" line="107"/>
        <source>only the counter workload uses it</source>
        <translation>используется только нагрузкой «общий счётчик»</translation>
    </message>
    <message>
        <location filename="../../core/run/runoptions.cpp" line="111"/>
        <source>only a coroutine can await between the read and the write: it needs the eventloop model</source>
        <translation>ждать между чтением и записью может только корутина: нужна модель «Цикл событий»</translation>
    </message>
    <message>
        <location filename="../../core/run/runoptions.cpp" line="117"/>
        <source>only the python model runs a script: add --model python</source>
        <translation>сценарий выполняет только модель Python: добавьте --model python</translation>
    </message>
    <message>
        <location filename="../../core/run/runoptions.cpp" line="121"/>
        <source>give a script or an example, not both</source>
        <translation>укажите сценарий или пример, но не оба сразу</translation>
    </message>
    <message>
        <location filename="../../core/run/runoptions.cpp" line="124"/>
        <source>the switch interval belongs to the GIL, which is off</source>
        <translation>интервал переключения относится к GIL, а GIL выключен</translation>
    </message>
    <message>
        <location filename="../../core/models/processesmodel.cpp" line="24"/>
        <source>worker process</source>
        <translation>процесс-исполнитель</translation>
    </message>
    <message>
        <location filename="../../core/models/processesmodel.cpp" line="55"/>
        <source>task %1 did not complete</source>
        <translation>задача %1 не завершилась</translation>
    </message>
    <message>
        <location filename="../../core/models/processexecutor.cpp" line="11"/>
        <source>executor process</source>
        <translation>процесс пула</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="140"/>
        <source>%1 %2 sent a malformed message</source>
        <translation>%1 %2 прислал искажённое сообщение</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="142"/>
        <source>%1 %2 sent a malformed message: %3</source>
        <translation>%1 %2 прислал искажённое сообщение: %3</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="149"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="195"/>
        <source>crashed or was killed</source>
        <translation>аварийно завершился или был убит</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="196"/>
        <source>exited with code %1</source>
        <translation>завершился с кодом %1</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="198"/>
        <source>while running task %1</source>
        <translation>во время задачи %1</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="199"/>
        <source>while holding no task</source>
        <translation>не выполняя ни одной задачи</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="200"/>
        <source>%1 %2 (pid %3) %4 %5</source>
        <translation>%1 %2 (номер процесса %3) %4 %5</translation>
    </message>
    <message>
        <location filename="../../core/models/processpool.cpp" line="208"/>
        <source>could not start %1 %2: %3</source>
        <translation>не удалось запустить %1 %2: %3</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonmodel.cpp" line="79"/>
        <source>the script exited with code %1</source>
        <translation>скрипт завершился с кодом %1</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonmodel.cpp" line="81"/>
        <source>the script was killed by signal %1 (%2)</source>
        <translation>скрипт был остановлен сигналом %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonmodel.cpp" line="85"/>
        <source>%1:
%2</source>
        <translation>%1:
%2</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonmodel.cpp" line="92"/>
        <source>the python model needs a script</source>
        <translation>модели Python нужен скрипт</translation>
    </message>
    <message>
        <location filename="../../core/run/engine.cpp" line="36"/>
        <source>could not start the loopback latency server: %1</source>
        <translation>не удалось запустить локальный сервер ввода-вывода: %1</translation>
    </message>
    <message>
        <location filename="../../core/models/phasesequence.cpp" line="63"/>
        <source>this workload needs the run&apos;s shared state</source>
        <translation>этой нагрузке нужно общее состояние запуска</translation>
    </message>
    <message>
        <location filename="../../core/models/phasesequence.cpp" line="82"/>
        <source>task %1: %2</source>
        <translation>задача %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="48"/>
        <source>cannot connect to the latency server on port %1: %2</source>
        <translation>не удаётся подключиться к серверу ввода-вывода на порту %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="96"/>
        <source>no answer from the latency server within %1 ms (the timeout is %2 times the %3 ms latency asked for, and at least %4 ms)</source>
        <translation>нет ответа от сервера ввода-вывода за %1 мс (срок ожидания — %2 × запрошенную задержку %3 мс, но не меньше %4 мс)</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="117"/>
        <source>cannot create a socket: %1</source>
        <translation>не удаётся создать сокет: %1</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="219"/>
        <source>cannot send the request: %1</source>
        <translation>не удаётся отправить запрос: %1</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="245"/>
        <source>the latency server closed the connection before replying</source>
        <translation>сервер ввода-вывода закрыл соединение, не ответив</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="252"/>
        <source>reading the reply failed: %1</source>
        <translation>не удалось прочитать ответ: %1</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="261"/>
        <source>the latency server answered token %1 to request %2</source>
        <translation>сервер ввода-вывода ответил меткой %1 на запрос %2</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="284"/>
        <source>could not connect to the latency server within %1 ms</source>
        <translation>не удалось подключиться к серверу ввода-вывода за %1 мс</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="289"/>
        <source>could not send the request within %1 ms</source>
        <translation>не удалось отправить запрос за %1 мс</translation>
    </message>
    <message>
        <location filename="../../core/workload/latencyroundtrip.cpp" line="306"/>
        <source>waiting for the reply failed: %1</source>
        <translation>ошибка при ожидании ответа: %1</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonscript.cpp" line="60"/>
        <source>the python model needs a script: pass --script FILE.py (or --example NAME)</source>
        <translation>для модели Python нужен скрипт: выберите файл .py или один из примеров</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonscript.cpp" line="64"/>
        <source>&apos;%1&apos;: no such file</source>
        <translation>«%1»: такого файла нет</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonscript.cpp" line="66"/>
        <source>&apos;%1&apos;: not a file</source>
        <translation>«%1»: это не файл</translation>
    </message>
    <message>
        <location filename="../../core/python/pythonscript.cpp" line="69"/>
        <source>&apos;%1&apos;: cannot be read (%2)</source>
        <translation>«%1»: не удаётся прочитать (%2)</translation>
    </message>
</context>
<context>
    <name>conlab::RunFileActions</name>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="90"/>
        <source>Save run</source>
        <translation>Сохранить запуск</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="90"/>
        <source>Concurrency Lab run (*.conlab.json);;Chrome trace JSON (*.json)</source>
        <translation>Запуск Лаборатории конкурентности (*.conlab.json);;Трасса Chrome в JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="96"/>
        <source>Export segments as CSV</source>
        <translation>Экспорт отрезков в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="96"/>
        <location filename="../../ui/window/runfileactions.cpp" line="102"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="102"/>
        <source>Export samples as CSV</source>
        <translation>Экспорт замеров в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="109"/>
        <source>Open &amp;recent</source>
        <translation>Открыть &amp;недавние</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="110"/>
        <source>Save &amp;run…</source>
        <translation>Сохранить &amp;запуск…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="111"/>
        <source>Save the run on screen as Chrome trace JSON, with its numbers (Ctrl+Shift+S)</source>
        <translation>Сохранить показанный запуск как трассу Chrome в JSON, вместе с его числами (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="112"/>
        <source>Export &amp;segments as CSV…</source>
        <translation>Экспорт о&amp;трезков в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="113"/>
        <source>Every segment of the timeline as one row of a CSV file</source>
        <translation>Каждый отрезок временной шкалы — строкой файла CSV</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="114"/>
        <source>The lower plot&apos;s values, one row per point in time, as a CSV file</source>
        <translation>Значения нижнего графика в файл CSV, по строке на момент времени</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="115"/>
        <source>&amp;Open run…</source>
        <translation>&amp;Открыть запуск…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="136"/>
        <source>Export c&amp;ounters as CSV…</source>
        <translation>Экспорт с&amp;чётчиков в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="136"/>
        <source>Export CPU s&amp;amples as CSV…</source>
        <translation>Экспорт з&amp;амеров CPU в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="145"/>
        <source>Stopping the run to open %1…</source>
        <translation>Запуск останавливается, чтобы открыть %1…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="161"/>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="180"/>
        <source>Could not open the file</source>
        <translation>Не удалось открыть файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="192"/>
        <source>Stopped opening %1: a run started.</source>
        <translation>Открытие %1 прервано: начался запуск.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="197"/>
        <source>the run</source>
        <translation>запуск</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="203"/>
        <source>the segments</source>
        <translation>отрезки</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="212"/>
        <source>the counters</source>
        <translation>счётчики</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="212"/>
        <source>the CPU samples</source>
        <translation>замеры CPU</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="242"/>
        <source>Could not save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="247"/>
        <source>Saved %1 to %2 (%3).</source>
        <translation>Сохранено (%1) в %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="252"/>
        <source>Saving %1 to %2…</source>
        <translation>Сохранение (%1) в %2…</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="260"/>
        <source>Open run</source>
        <translation>Открыть запуск</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="260"/>
        <source>Chrome trace JSON (*.json);;All files (*)</source>
        <translation>Трасса Chrome в JSON (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="303"/>
        <source>Removed from the recent files because they no longer exist: %1</source>
        <translation>Убраны из недавних, потому что их больше нет: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="312"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="318"/>
        <source>No recent files</source>
        <translation>Недавних файлов нет</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="322"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="339"/>
        <source>Open another file instead of the one being read (Ctrl+O)</source>
        <translation>Открыть другой файл вместо читаемого (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="340"/>
        <source>Open a saved run or a Chrome trace from another tool (Ctrl+O)</source>
        <translation>Открыть сохранённый запуск или трассу Chrome из другой программы (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="346"/>
        <source>Only a file can be dropped here: a saved run or a Chrome trace (.json).</source>
        <translation>Сюда можно перетащить только файл: сохранённый запуск или трассу Chrome (.json).</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="351"/>
        <source>Drop one file at a time: this drop holds %1.</source>
        <translation>Перетаскивайте по одному файлу, а здесь их %1.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="356"/>
        <source>Only files on this computer can be opened, not %1.</source>
        <translation>Открыть можно только файлы на этом компьютере, а не %1.</translation>
    </message>
    <message>
        <location filename="../../ui/window/runfileactions.cpp" line="361"/>
        <source>%1 is a folder: drop a saved run or a Chrome trace (.json).</source>
        <translation>%1 — это папка: перетащите сохранённый запуск или трассу Chrome (.json).</translation>
    </message>
</context>
<context>
    <name>conlab::RunNote</name>
    <message>
        <location filename="../../core/run/runsummarizer.cpp" line="158"/>
        <source>some segments of a lane overlap (overlapping_segments counts them): the model recorded two states of one lane at once, so this run&apos;s timeline is not to be trusted</source>
        <translation>некоторые отрезки одной дорожки перекрываются (их число — overlapping_segments): модель записала два состояния одной дорожки одновременно, поэтому временной шкале этого запуска доверять нельзя</translation>
    </message>
    <message>
        <location filename="../../core/run/runsummarizer.cpp" line="171"/>
        <source>each worker process has its own GIL; --gil changes nothing here</source>
        <translation>у каждого рабочего процесса свой GIL, поэтому эмуляция GIL здесь ничего не меняет</translation>
    </message>
    <message>
        <location filename="../../core/run/runsummarizer.cpp" line="174"/>
        <source>each worker process incremented its own copy of the counter: the parent&apos;s counter is still 0</source>
        <translation>каждый рабочий процесс увеличивал свою копию счётчика: счётчик родительского процесса по-прежнему 0</translation>
    </message>
    <message>
        <location filename="../../core/run/runsummarizer.cpp" line="178"/>
        <source>the executor&apos;s processes have a GIL each: the loop thread keeps its own</source>
        <translation>у каждого процесса исполнителя свой GIL, а у потока цикла остаётся свой</translation>
    </message>
</context>
<context>
    <name>conlab::ScenarioController</name>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="86"/>
        <source>1 scenario file could not be loaded, the others are in the Scenarios menu</source>
        <translation>Не удалось загрузить 1 файл урока, остальные уроки — в меню «Уроки»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="87"/>
        <source>%n scenario files could not be loaded, the others are in the Scenarios menu</source>
        <translation>
            <numerusform>Не удалось загрузить %n файл урока, остальные — в меню «Уроки»</numerusform>
            <numerusform>Не удалось загрузить %n файла уроков, остальные — в меню «Уроки»</numerusform>
            <numerusform>Не удалось загрузить %n файлов уроков, остальные — в меню «Уроки»</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="88"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="123"/>
        <source>S&amp;cenarios</source>
        <translation>&amp;Уроки</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="124"/>
        <source>No scenarios loaded</source>
        <translation>Уроки не загружены</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="125"/>
        <source>&amp;Run step</source>
        <translation>Запустить &amp;шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="126"/>
        <source>Put the current step on the controls and run it (Space runs what is on the controls)</source>
        <translation>Перенести текущий шаг в настройки и запустить его (Пробел запускает то, что в настройках)</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="127"/>
        <source>&amp;Next step</source>
        <translation>&amp;Следующий шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="128"/>
        <source>Put the next step&apos;s model on the controls (N or Ctrl+Right); nothing runs yet</source>
        <translation>Перенести модель следующего шага в настройки (N или Ctrl+Right); пока без запуска</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="129"/>
        <source>&amp;Previous step</source>
        <translation>&amp;Предыдущий шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="130"/>
        <source>Put the previous step&apos;s model on the controls (Ctrl+Left)</source>
        <translation>Перенести модель предыдущего шага в настройки (Ctrl+Left)</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="131"/>
        <source>Scenario</source>
        <translation>Урок</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="132"/>
        <source>Scenario &amp;panel</source>
        <translation>Панель &amp;урока</translation>
    </message>
</context>
<context>
    <name>conlab::ScenarioPanel</name>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="195"/>
        <source>Choose a lesson in the Scenarios menu: its question, its steps and, after a run, what the run showed appear here.</source>
        <translation>Выберите урок в меню «Уроки»: здесь появятся его вопрос, шаги и, после запуска, то, что запуск показал.</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="197"/>
        <source>Ask the class first</source>
        <translation>Сначала спросите класс</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="198"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="199"/>
        <source>What the run showed</source>
        <translation>Что показал запуск</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="200"/>
        <source>What to look at</source>
        <translation>На что смотреть</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="236"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="238"/>
        <source>%1: running…</source>
        <translation>%1: выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="240"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="250"/>
        <source>Running step %1 of %2…</source>
        <translation>Выполняется шаг %1 из %2…</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="253"/>
        <source>Step %1 of %2 ran in %3.</source>
        <translation>Шаг %1 из %2 выполнен за %3.</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="254"/>
        <source>%1 Next step: N.</source>
        <translation>%1 Следующий шаг: N.</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="254"/>
        <source>%1 That was the last step.</source>
        <translation>%1 Это был последний шаг.</translation>
    </message>
    <message>
        <location filename="../../ui/scenario/scenariopanel.cpp" line="256"/>
        <source>Step %1 of %2 is on the controls: Run step (or Space) runs it.</source>
        <translation>Шаг %1 из %2 перенесён в настройки: «Запустить шаг» (или Пробел) запустит его.</translation>
    </message>
</context>
<context>
    <name>conlab::ScriptChooser</name>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="71"/>
        <source>Scr&amp;ipt:</source>
        <translation>Скр&amp;ипт:</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="72"/>
        <source>The Python script the Python model runs: a shipped example, or a script of your own</source>
        <translation>Скрипт, который выполняет модель Python: встроенный пример или ваш собственный скрипт</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="73"/>
        <source>Python script</source>
        <translation>Скрипт Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="80"/>
        <source>CPU-bound threads</source>
        <translation>Вычисления в потоках</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="82"/>
        <source>CPU-bound processes</source>
        <translation>Вычисления в процессах</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="84"/>
        <source>CPU-bound asyncio</source>
        <translation>Вычисления в asyncio</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="86"/>
        <source>I/O on threads</source>
        <translation>Ввод-вывод в потоках</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="88"/>
        <source>I/O on asyncio</source>
        <translation>Ввод-вывод в asyncio</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="90"/>
        <source>The convoy: I/O beside CPU</source>
        <translation>Конвой: ввод-вывод рядом с вычислениями</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="92"/>
        <source>Shared counter: lost updates</source>
        <translation>Общий счётчик: потерянные обновления</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="94"/>
        <source>A blocked event loop</source>
        <translation>Заблокированный цикл событий</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="114"/>
        <source>%1 (%2.py)</source>
        <translation>%1 (%2.py)</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="124"/>
        <source>Open script…</source>
        <translation>Открыть скрипт…</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="163"/>
        <source>Open a Python script</source>
        <translation>Открыть скрипт Python</translation>
    </message>
    <message>
        <location filename="../../ui/window/scriptchooser.cpp" line="163"/>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Скрипты Python (*.py);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>conlab::SeriesActions</name>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="117"/>
        <source>Could not compare the models: %1</source>
        <translation>Не удалось сравнить модели: %1</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="128"/>
        <source>Could not plan the sweep: %1</source>
        <translation>Не удалось спланировать серию запусков: %1</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="135"/>
        <source>Could not run the sweep: %1</source>
        <translation>Не удалось выполнить серию запусков: %1</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="145"/>
        <source>Run a sequential baseline, then this model with 1 to %1 workers, and plot the speed-up against the ideal and Amdahl&apos;s law (Ctrl+Shift+M)</source>
        <translation>Запустить последовательный эталон, затем эту модель с числом исполнителей от 1 до %1 и построить график ускорения рядом с идеальным и законом Амдала (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="156"/>
        <source>Sequential runs on one thread: there are no workers to vary. Pick processes or threads.</source>
        <translation>Последовательная модель работает в одном потоке: менять число исполнителей нечем. Выберите процессы или потоки.</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="158"/>
        <source>The convoy is always one CPU task beside one I/O task on two workers: there is nothing to sweep.</source>
        <translation>Конвой — это всегда одна вычислительная задача рядом с одной задачей ввода-вывода на двух исполнителях: менять здесь нечего.</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="225"/>
        <source>Compare &amp;all models</source>
        <translation>&amp;Сравнить все модели</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="227"/>
        <source>Run this workload under every model in turn and compare wall time and speed-up (Ctrl+M)</source>
        <translation>Запустить эту нагрузку по очереди во всех моделях и сравнить реальное время и ускорение (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="228"/>
        <source>Scaling s&amp;weep…</source>
        <translation>&amp;Масштабирование…</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="229"/>
        <source>&amp;Repeat each point:</source>
        <translation>&amp;Повторять каждую точку:</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="230"/>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="231"/>
        <source>Compare all models and the scaling sweep run each point this many times and show the median, with whiskers from the slowest to the fastest run</source>
        <translation>«Сравнить все модели» и «Масштабирование» запускают каждую точку столько раз и показывают медиану с усами от самого медленного до самого быстрого запуска</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="235"/>
        <source>Repeat each point</source>
        <translation>Повторять каждую точку</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="236"/>
        <source>Compare with real &amp;CPython too</source>
        <translation>Сравнивать и с настоящим &amp;CPython</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesactions.cpp" line="237"/>
        <source>Compare all models adds the shipped Python examples that run this workload under a real CPython interpreter: threads, processes and asyncio, on the same time axis</source>
        <translation>«Сравнить все модели» добавляет встроенные примеры на Python, которые выполняют эту нагрузку в настоящем интерпретаторе CPython: потоки, процессы и asyncio, на той же оси времени</translation>
    </message>
</context>
<context>
    <name>conlab::SeriesProgress</name>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="58"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="59"/>
        <source>Stop the run going and skip the rest (Esc)</source>
        <translation>Остановить текущий запуск и пропустить остальные (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="63"/>
        <source>%1 of %2: %3…</source>
        <translation>%1 из %2: %3…</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="64"/>
        <source>%1 of %2, run %3 of %4: %5…</source>
        <translation>%1 из %2, запуск %3 из %4: %5…</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="71"/>
        <source>Nothing run yet.</source>
        <translation>Ещё ничего не запущено.</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="74"/>
        <source>Cancelled after %1 of %2 runs.</source>
        <translation>Отменено после %1 из %2 запусков.</translation>
    </message>
    <message>
        <location filename="../../ui/series/seriesprogress.cpp" line="77"/>
        <source>Done: 1 run.</source>
        <translation>Готово: 1 запуск.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/series/seriesprogress.cpp" line="77"/>
        <source>Done: %n runs.</source>
        <translation>
            <numerusform>Готово: %n запуск.</numerusform>
            <numerusform>Готово: %n запуска.</numerusform>
            <numerusform>Готово: %n запусков.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::SeriesRunner</name>
    <message>
        <location filename="../../core/run/seriesrunner.cpp" line="24"/>
        <source>a series of runs is already going: stop it first</source>
        <translation>серия запусков уже идёт: сначала остановите её</translation>
    </message>
    <message>
        <location filename="../../core/run/seriesrunner.cpp" line="30"/>
        <source>there is nothing to run</source>
        <translation>запускать нечего</translation>
    </message>
</context>
<context>
    <name>conlab::SeriesView</name>
    <message numerus="yes">
        <location filename="../../ui/series/seriesview.cpp" line="149"/>
        <source>median of %n runs each, whiskers from the slowest to the fastest</source>
        <translation>
            <numerusform>медиана из %n запуска каждой точки, усы — от самого медленного до самого быстрого</numerusform>
            <numerusform>медиана из %n запусков каждой точки, усы — от самого медленного до самого быстрого</numerusform>
            <numerusform>медиана из %n запусков каждой точки, усы — от самого медленного до самого быстрого</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::Setting</name>
    <message>
        <location filename="../../core/util/problem.cpp" line="31"/>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="32"/>
        <source>Workload</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="33"/>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="34"/>
        <source>Workers</source>
        <translation>Исполнители</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="35"/>
        <source>Phases</source>
        <translation>Фазы</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="36"/>
        <source>CPU ms</source>
        <translation>CPU, мс</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="37"/>
        <source>I/O ms</source>
        <translation>Ввод-вывод, мс</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="38"/>
        <source>CPU sampling rate</source>
        <translation>Частота замеров CPU</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="39"/>
        <source>Increments</source>
        <translation>Приращения</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="40"/>
        <source>Switch interval</source>
        <translation>Интервал переключения</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="41"/>
        <source>Executor</source>
        <translation>Пул исполнителя</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="42"/>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="43"/>
        <source>Lock each update</source>
        <translation>Блокировка на каждое обновление</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="44"/>
        <source>Await between read and write</source>
        <translation>await между чтением и записью</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="45"/>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <location filename="../../core/util/problem.cpp" line="46"/>
        <source>Python interpreter</source>
        <translation>Интерпретатор Python</translation>
    </message>
</context>
<context>
    <name>conlab::ShortcutsHelp</name>
    <message>
        <location filename="../../ui/window/shortcutshelp.cpp" line="79"/>
        <source>Other keys</source>
        <translation>Другие клавиши</translation>
    </message>
    <message>
        <location filename="../../ui/window/shortcutshelp.cpp" line="140"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/window/shortcutshelp.cpp" line="141"/>
        <location filename="../../ui/window/shortcutshelp.cpp" line="179"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../ui/window/shortcutshelp.cpp" line="141"/>
        <location filename="../../ui/window/shortcutshelp.cpp" line="179"/>
        <source>Does</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/window/shortcutshelp.cpp" line="142"/>
        <source>On the plots: the wheel zooms time, dragging pans, a right-drag (or Shift+drag) zooms to a range, a double-click shows the whole run; hovering a segment describes it.</source>
        <translation>На графиках: колесо меняет масштаб времени, перетаскивание сдвигает, перетаскивание правой кнопкой (или с Shift) увеличивает выбранный промежуток, двойной щелчок показывает весь запуск; наведение на отрезок показывает его описание.</translation>
    </message>
</context>
<context>
    <name>conlab::SpeedupPlot</name>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="166"/>
        <source>Amdahl fit: needs a run with more than one worker</source>
        <translation>Закон Амдала: нужен запуск с несколькими исполнителями</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="169"/>
        <source>Amdahl fit: p = %1</source>
        <translation>Закон Амдала: p = %1</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="170"/>
        <source>Amdahl fit: p = %1 ± %2</source>
        <translation>Закон Амдала: p = %1 ± %2</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="175"/>
        <source>workers</source>
        <translation>число исполнителей</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="176"/>
        <source>speed-up against sequential (×)</source>
        <translation>ускорение относительно последовательного (×)</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="177"/>
        <source>measured</source>
        <translation>измерено</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="178"/>
        <source>ideal (y = x)</source>
        <translation>идеал (y = x)</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="178"/>
        <source>ideal (y = x, flat past the cores)</source>
        <translation>идеал (y = x до числа ядер, дальше ровно)</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="181"/>
        <source>other programs took %1 % of the machine</source>
        <translation>другие программы заняли %1 % машины</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="183"/>
        <source>baseline (1×): other programs took %1 %</source>
        <translation>эталон (1×): другие программы заняли %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="184"/>
        <source> 1 core</source>
        <translation> 1 ядро</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweep/speedupplot.cpp" line="184"/>
        <source> %n cores</source>
        <translation>
            <numerusform> %n ядро</numerusform>
            <numerusform> %n ядра</numerusform>
            <numerusform> %n ядер</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="190"/>
        <source>1 worker</source>
        <translation>1 исполнитель</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweep/speedupplot.cpp" line="190"/>
        <source>%n workers</source>
        <translation>
            <numerusform>%n исполнитель</numerusform>
            <numerusform>%n исполнителя</numerusform>
            <numerusform>%n исполнителей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="191"/>
        <source>%1: ×%2</source>
        <translation>%1: ×%2</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/speedupplot.cpp" line="192"/>
        <source>%1: ×%2 (%3–%4)</source>
        <translation>%1: ×%2 (%3–%4)</translation>
    </message>
</context>
<context>
    <name>conlab::SweepView</name>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="35"/>
        <source>a sweep is already going: stop it first</source>
        <translation>серия запусков уже идёт: сначала остановите её</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="70"/>
        <source>Sequential baseline</source>
        <translation>Последовательный эталон</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="73"/>
        <source>%1, 1 worker</source>
        <translation>%1, 1 исполнитель</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweep/sweepview.cpp" line="73"/>
        <source>%1, %n workers</source>
        <translation>
            <numerusform>%1, %n исполнитель</numerusform>
            <numerusform>%1, %n исполнителя</numerusform>
            <numerusform>%1, %n исполнителей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="115"/>
        <source>speed-up against sequential (%1)</source>
        <translation>ускорение относительно последовательного (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="116"/>
        <source>speed-up against sequential (%1, %2)</source>
        <translation>ускорение относительно последовательного (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="122"/>
        <source>within %1 % of the points</source>
        <translation>отклонение от точек в пределах %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="126"/>
        <source>Scaling sweep: %1 on %2</source>
        <translation>Масштабирование: %1, нагрузка %2</translation>
    </message>
    <message>
        <location filename="../../ui/sweep/sweepview.cpp" line="140"/>
        <source>Scaling sweep — Concurrency Lab</source>
        <translation>Масштабирование — Concurrency Lab</translation>
    </message>
</context>
<context>
    <name>conlab::TaskState</name>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="38"/>
        <source>running on CPU</source>
        <translation>выполнение</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="40"/>
        <source>waiting for I/O</source>
        <translation>ожидание ввода-вывода</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="42"/>
        <source>ready, not running</source>
        <translation>готов, но не выполняется</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="44"/>
        <source>starting up</source>
        <translation>запуск</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="46"/>
        <source>waiting for the GIL</source>
        <translation>ожидание GIL</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="48"/>
        <source>blocked on a lock</source>
        <translation>ожидание блокировки</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="50"/>
        <source>running, blocking the loop</source>
        <translation>блокировка цикла</translation>
    </message>
    <message>
        <location filename="../../core/trace/taskstate.cpp" line="52"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
</context>
<context>
    <name>conlab::TimeAxisPlot</name>
    <message>
        <location filename="../../ui/plots/timeaxisplot.cpp" line="295"/>
        <location filename="../../ui/plots/timeaxisplot.cpp" line="310"/>
        <source>time</source>
        <translation>время</translation>
    </message>
</context>
<context>
    <name>conlab::TimeUnit</name>
    <message>
        <location filename="../../ui/timeline/timeunit.cpp" line="56"/>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timeunit.cpp" line="58"/>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timeunit.cpp" line="60"/>
        <source>µs</source>
        <translation>мкс</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timeunit.cpp" line="62"/>
        <source>ns</source>
        <translation>нс</translation>
    </message>
</context>
<context>
    <name>conlab::TimelinePlot</name>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="166"/>
        <source>tasks</source>
        <translation>задачи</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="178"/>
        <source>many short segments: zoom in</source>
        <translation>много коротких отрезков: увеличьте</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="344"/>
        <location filename="../../ui/plots/timelineplot.cpp" line="348"/>
        <source>%1
%2: %3
start %4 ms, duration %5 ms</source>
        <translation>%1
%2: %3
начало %4 мс, длительность %5 мс</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="349"/>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="342"/>
        <location filename="../../ui/plots/timelineplot.cpp" line="354"/>
        <source>task %1</source>
        <translation>задача %1</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="336"/>
        <source>Function: %1</source>
        <translation>Функция: %1</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="343"/>
        <location filename="../../ui/plots/timelineplot.cpp" line="354"/>
        <source>no task</source>
        <translation>без задачи</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="357"/>
        <source>held by %1</source>
        <translation>удерживает %1</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="358"/>
        <source>cpu%1</source>
        <translation>cpu%1</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="358"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timelineplot.cpp" line="359"/>
        <source>%1
%2: %3
start %4 ms, duration %5 ms
core: %6</source>
        <translation>%1
%2: %3
начало %4 мс, длительность %5 мс
ядро: %6</translation>
    </message>
</context>
<context>
    <name>conlab::WorkloadPanel</name>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="56"/>
        <source>CPU-bound</source>
        <translation>Вычисления (CPU)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="58"/>
        <source>I/O-bound (loopback server)</source>
        <translation>Ввод-вывод (локальный сервер)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="60"/>
        <source>Sleep</source>
        <translation>Сон</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="62"/>
        <source>Mixed CPU + I/O</source>
        <translation>Смешанная: CPU + ввод-вывод</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="64"/>
        <source>Convoy: I/O beside CPU</source>
        <translation>Конвой: ввод-вывод рядом с CPU</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="66"/>
        <source>Shared counter</source>
        <translation>Общий счётчик</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="118"/>
        <source>&amp;Workload</source>
        <translation>&amp;Нагрузка</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="119"/>
        <source>&amp;Tasks</source>
        <translation>&amp;Задачи</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="120"/>
        <source>W&amp;orkers</source>
        <translation>&amp;Исполнители</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="121"/>
        <source>&amp;CPU</source>
        <translation>&amp;CPU</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="124"/>
        <source>P&amp;hases</source>
        <translation>&amp;Фазы</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="125"/>
        <source>I&amp;ncrements</source>
        <translation>&amp;Приращения</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="130"/>
        <source>&amp;Switch interval</source>
        <translation>Инт&amp;ервал переключения</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="160"/>
        <source>What every task does: compute, wait for a server, sleep, alternate CPU and I/O, make
round trips beside a CPU-bound task (the convoy), or increment one shared counter</source>
        <translation>Что делает каждая задача: считает, ждёт сервер, спит, чередует CPU и ввод-вывод,
обменивается с сервером рядом с вычислительной задачей (конвой) или увеличивает общий счётчик</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="162"/>
        <source>Number of tasks in the workload (the convoy always has two)</source>
        <translation>Число задач в нагрузке (у конвоя их всегда две)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="163"/>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="164"/>
        <source>Threads or processes in the pool; for the event loop, tasks in flight at once.
auto: one per core (event loop: every task at once)</source>
        <translation>Потоки или процессы в пуле; для цикла событий — сколько задач выполняется одновременно.
авто: по одному на ядро (цикл событий: все задачи сразу)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="167"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="168"/>
        <source>Milliseconds of real computation per task (mixed: per phase), on this machine</source>
        <translation>Миллисекунды настоящих вычислений на задачу (в смешанной — на фазу) на этой машине</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="169"/>
        <source>How long the server takes to answer (or the sleep lasts), per task (mixed: per phase;
convoy: per round trip)</source>
        <translation>Сколько сервер думает над ответом (или сколько длится сон) на задачу (в смешанной — на фазу;
в конвое — на обмен)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="171"/>
        <source>Mixed workload: CPU + I/O phase pairs per task</source>
        <translation>Смешанная нагрузка: пар фаз «CPU + ввод-вывод» на задачу</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="172"/>
        <source>Shared counter: how many times each task adds one to the counter</source>
        <translation>Общий счётчик: сколько раз каждая задача прибавляет к счётчику единицу</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="173"/>
        <source>&amp;Lock each update</source>
        <translation>&amp;Блокировка на каждое обновление</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="174"/>
        <source>Shared counter: hold a lock around every read-modify-write, so no update is lost</source>
        <translation>Общий счётчик: держать блокировку на каждом «чтение-изменение-запись», чтобы ни одно обновление не потерялось</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="175"/>
        <source>&amp;Await between read and write</source>
        <translation>&amp;await между чтением и записью</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="176"/>
        <source>Shared counter, event loop: await between reading and writing the counter; another
task runs in between, so updates are lost even on one thread</source>
        <translation>Общий счётчик, цикл событий: await между чтением и записью счётчика; в промежутке
выполняется другая задача, и обновления теряются даже в одном потоке</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="178"/>
        <source>With the GIL: how long a thread may keep it while another waits for it
(CPython&apos;s sys.setswitchinterval; default 5 ms)</source>
        <translation>С GIL: сколько поток может держать его, пока другой ждёт
(sys.setswitchinterval в CPython; по умолчанию 5 мс)</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="272"/>
        <source>Sl&amp;eep</source>
        <translation>&amp;Сон</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="272"/>
        <location filename="../../ui/window/workloadpanel.cpp" line="308"/>
        <source>&amp;I/O</source>
        <translation>&amp;Ввод-вывод</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="285"/>
        <source>%1 does not read this setting</source>
        <translation>«%1» не читает этот параметр</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="286"/>
        <source>A script of your own gets no arguments from conlab: it may read the settings from the CONLAB_TASKS, CONLAB_WORKERS, CONLAB_CPU_MS, CONLAB_IO_MS and CONLAB_INCREMENTS environment variables</source>
        <translation>Ваш собственный скрипт не получает от conlab аргументов: он может прочитать параметры из переменных окружения CONLAB_TASKS, CONLAB_WORKERS, CONLAB_CPU_MS, CONLAB_IO_MS и CONLAB_INCREMENTS</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="292"/>
        <source>The script decides what its tasks do</source>
        <translation>Что делают задачи, решает сам скрипт</translation>
    </message>
    <message>
        <location filename="../../ui/window/workloadpanel.cpp" line="307"/>
        <source>A real interpreter keeps its own switch interval (sys.setswitchinterval)</source>
        <translation>У настоящего интерпретатора свой интервал переключения (sys.setswitchinterval)</translation>
    </message>
</context>
<context>
    <name>conlab::WorkloadText</name>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="18"/>
        <source>1 task</source>
        <translation>1 задача</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/workload/workloadtext.cpp" line="19"/>
        <source>%n tasks</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="34"/>
        <source>%1 ms CPU</source>
        <translation>%1 мс CPU</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="37"/>
        <source>%1 ms I/O</source>
        <translation>%1 мс ввода-вывода</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="40"/>
        <source>%1 ms sleep</source>
        <translation>%1 мс сна</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="43"/>
        <source>%1 x (%2 ms CPU + %3 ms I/O)</source>
        <translation>%1 × (%2 мс CPU + %3 мс ввода-вывода)</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="48"/>
        <source>convoy: %1 ms of CPU beside round trips of %2 ms I/O</source>
        <translation>convoy: %1 мс CPU рядом с обменами по %2 мс ввода-вывода</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="53"/>
        <source>1 increment</source>
        <translation>1 приращение</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/workload/workloadtext.cpp" line="54"/>
        <source>%n increments</source>
        <translation>
            <numerusform>%n приращение</numerusform>
            <numerusform>%n приращения</numerusform>
            <numerusform>%n приращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="56"/>
        <source>, under a lock</source>
        <translation>, под блокировкой</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="58"/>
        <source>, awaiting between read and write</source>
        <translation>, с await между чтением и записью</translation>
    </message>
    <message>
        <location filename="../../core/workload/workloadtext.cpp" line="63"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 по %3</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FigureCaption</name>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="37"/>
        <source>%n threads</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="39"/>
        <source>%n worker processes</source>
        <translation>
            <numerusform>%n worker process</numerusform>
            <numerusform>%n worker processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="42"/>
        <source>1 thread, up to %n tasks at once</source>
        <translation>
            <numerusform>1 thread, up to %n task at once</numerusform>
            <numerusform>1 thread, up to %n tasks at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="109"/>
        <source>%n cores</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/figurecaption.cpp" line="169"/>
        <source>%n lanes</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::CompareView</name>
    <message numerus="yes">
        <location filename="../../ui/compare/compareview.cpp" line="225"/>
        <source>%n workers</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::ImportReport</name>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="46"/>
        <source>%n counter value left out: %1 (first at line %2)</source>
        <translation>
            <numerusform>%n counter value left out: %1 (first at line %2)</numerusform>
            <numerusform>%n counter values left out: %1 (first at line %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="48"/>
        <source>%n counter values left out: %1 (first at line %2)</source>
        <translation>
            <numerusform>%n counter value left out: %1 (first at line %2)</numerusform>
            <numerusform>%n counter values left out: %1 (first at line %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="50"/>
        <source>%n event skipped: %1 (first at line %2)</source>
        <translation>
            <numerusform>%n event skipped: %1 (first at line %2)</numerusform>
            <numerusform>%n events skipped: %1 (first at line %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="52"/>
        <source>%n events skipped: %1 (first at line %2)</source>
        <translation>
            <numerusform>%n event skipped: %1 (first at line %2)</numerusform>
            <numerusform>%n events skipped: %1 (first at line %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="54"/>
        <source>The file holds %n event, of phase %1, which conlab does not draw.</source>
        <translation>
            <numerusform>The file holds %n event, of phase %1, which conlab does not draw.</numerusform>
            <numerusform>The file holds %n events, of phase %1, which conlab does not draw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="56"/>
        <source>The file holds %n events, of phase %1, which conlab does not draw.</source>
        <translation>
            <numerusform>The file holds %n event, of phase %1, which conlab does not draw.</numerusform>
            <numerusform>The file holds %n events, of phase %1, which conlab does not draw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="57"/>
        <source>The file holds %n events, of phases %1, which conlab does not draw.</source>
        <translation>
            <numerusform>The file holds %n event, of phases %1, which conlab does not draw.</numerusform>
            <numerusform>The file holds %n events, of phases %1, which conlab does not draw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="59"/>
        <source>The file holds %n event, but it could not be drawn: see the skipped events.</source>
        <translation>
            <numerusform>The file holds %n event, but it could not be drawn: see the skipped events.</numerusform>
            <numerusform>The file holds %n events, but none of them could be drawn: see the skipped events.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/import/importreport.cpp" line="61"/>
        <source>The file holds %n events, but none of them could be drawn: see the skipped events.</source>
        <translation>
            <numerusform>The file holds %n event, but it could not be drawn: see the skipped events.</numerusform>
            <numerusform>The file holds %n events, but none of them could be drawn: see the skipped events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/window/mainwindow.cpp" line="474"/>
        <source>Opened %1: a trace from another tool, %n lane(s).</source>
        <translation>
            <numerusform>Opened %1: a trace from another tool, %n lane.</numerusform>
            <numerusform>Opened %1: a trace from another tool, %n lanes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::MetricsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="267"/>
        <location filename="../../ui/window/metricspanel.cpp" line="393"/>
        <source>%1
app %2
+ %n worker(s) %3</source>
        <translation>
            <numerusform>%1
app %2
+ %n worker %3</numerusform>
            <numerusform>%1
app %2
+ %n workers %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="369"/>
        <source>%1 · %2 of %n usable core(s) busy</source>
        <translation>
            <numerusform>%1 · %2 of %n usable core busy</numerusform>
            <numerusform>%1 · %2 of %n usable cores busy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="380"/>
        <source>%1 % of %n worker(s)</source>
        <translation>
            <numerusform>%1 % of %n worker</numerusform>
            <numerusform>%1 % of %n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/metricspanel.cpp" line="481"/>
        <source>and %n more thread(s)</source>
        <translation>
            <numerusform>and %n more thread</numerusform>
            <numerusform>and %n more threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::ScenarioController</name>
    <message numerus="yes">
        <location filename="../../ui/scenario/scenariocontroller.cpp" line="87"/>
        <source>%n scenario files could not be loaded, the others are in the Scenarios menu</source>
        <translation>
            <numerusform>%n scenario file could not be loaded, the others are in the Scenarios menu</numerusform>
            <numerusform>%n scenario files could not be loaded, the others are in the Scenarios menu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::SeriesProgress</name>
    <message numerus="yes">
        <location filename="../../ui/series/seriesprogress.cpp" line="77"/>
        <source>Done: %n runs.</source>
        <translation>
            <numerusform>Done: %n run.</numerusform>
            <numerusform>Done: %n runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::SeriesView</name>
    <message numerus="yes">
        <location filename="../../ui/series/seriesview.cpp" line="149"/>
        <source>median of %n runs each, whiskers from the slowest to the fastest</source>
        <translation>
            <numerusform>median of %n run each, whiskers from the slowest to the fastest</numerusform>
            <numerusform>median of %n runs each, whiskers from the slowest to the fastest</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::SpeedupPlot</name>
    <message numerus="yes">
        <location filename="../../ui/sweep/speedupplot.cpp" line="184"/>
        <source> %n cores</source>
        <translation>
            <numerusform> %n core</numerusform>
            <numerusform> %n cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweep/speedupplot.cpp" line="190"/>
        <source>%n workers</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::SweepView</name>
    <message numerus="yes">
        <location filename="../../ui/sweep/sweepview.cpp" line="73"/>
        <source>%1, %n workers</source>
        <translation>
            <numerusform>%1, %n worker</numerusform>
            <numerusform>%1, %n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conlab::WorkloadText</name>
    <message numerus="yes">
        <location filename="../../core/workload/workloadtext.cpp" line="19"/>
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/workload/workloadtext.cpp" line="54"/>
        <source>%n increments</source>
        <translation>
            <numerusform>%n increment</numerusform>
            <numerusform>%n increments</numerusform>
        </translation>
    </message>
</context>
</TS>

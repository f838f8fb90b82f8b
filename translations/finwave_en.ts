<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Log</name>
    <message numerus="yes">
        <source>%1's application sends %n byte(s)</source>
        <comment>SEND call</comment>
        <translation><numerusform>%1's application sends %n byte</numerusform><numerusform>%1's application sends %n bytes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 gives up after %n retransmission(s)</source>
        <comment>giving up</comment>
        <translation><numerusform>%1 gives up after %n retransmission</numerusform><numerusform>%1 gives up after %n retransmissions</numerusform></translation>
    </message>
</context>
<context>
    <name>finwave::app::Inspector</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <comment>window</comment>
        <translation><numerusform>%n byte</numerusform><numerusform>%n bytes</numerusform></translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message numerus="yes">
        <source>%1: %2 ↔ %3, %n packet(s)</source>
        <translation><numerusform>%1: %2 ↔ %3, %n packet</numerusform><numerusform>%1: %2 ↔ %3, %n packets</numerusform></translation>
    </message>
</context>
<context>
    <name>finwave::app::ScenarioEditor</name>
    <message numerus="yes">
        <source>%n field(s) hold a value the scenario file reader would refuse; Apply is off until they are corrected.</source>
        <translation><numerusform>%n field holds a value the scenario file reader would refuse; Apply is off until it is corrected.</numerusform><numerusform>%n fields hold a value the scenario file reader would refuse; Apply is off until they are corrected.</numerusform></translation>
    </message>
</context>
<context>
    <name>finwave::app::LabWindow</name>
    <message numerus="yes">
        <source>%n connection(s) in %1 simulated s;</source>
        <translation><numerusform>%n connection in %1 simulated s;</numerusform><numerusform>%n connections in %1 simulated s;</numerusform></translation>
    </message>
</context>
</TS>
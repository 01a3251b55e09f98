<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountListPanel</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n account(s)</source>
        <translation>
            <numerusform>%1 of %n account</numerusform>
            <numerusform>%1 of %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageTexts</name>
    <message numerus="yes">
        <source>%1 has gone cold: no activity for %n day(s).</source>
        <translation>
            <numerusform>%1 has gone cold: no activity for %n day.</numerusform>
            <numerusform>%1 has gone cold: no activity for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) in the last 90 days</source>
        <translation>
            <numerusform>%n activity in the last 90 days</numerusform>
            <numerusform>%n activities in the last 90 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) in the last 12 months</source>
        <translation>
            <numerusform>%n activity in the last 12 months</numerusform>
            <numerusform>%n activities in the last 12 months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This group still has %n subsidiary(ies): move or delete them first.</source>
        <translation>
            <numerusform>This group still has %n subsidiary: move or delete it first.</numerusform>
            <numerusform>This group still has %n subsidiaries: move or delete them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message numerus="yes">
        <source>“%1” is the group of %n subsidiary(ies): move or delete them first.</source>
        <translation>
            <numerusform>“%1” is the group of %n subsidiary: move or delete it first.</numerusform>
            <numerusform>“%1” is the group of %n subsidiaries: move or delete them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
</TS>

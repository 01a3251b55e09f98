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
    <name>RecordActions</name>
    <message numerus="yes">
        <source>“%1” is the group of %n subsidiary(ies): move or delete them first.</source>
        <translation>
            <numerusform>“%1” is the group of %n subsidiary: move or delete it first.</numerusform>
            <numerusform>“%1” is the group of %n subsidiaries: move or delete them first.</numerusform>
        </translation>
    </message>
</context>
</TS>

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
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>Review the %n email(s) waiting</source>
        <translation>
            <numerusform>Review the %n email waiting</numerusform>
            <numerusform>Review the %n emails waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailAccountsDialog</name>
    <message numerus="yes">
        <source>%n folder(s) on the server: tick those to fetch.</source>
        <translation>
            <numerusform>%n folder on the server: tick it to fetch it.</numerusform>
            <numerusform>%n folders on the server: tick those to fetch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailPanel</name>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailPlurals</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) to review</source>
        <translation>
            <numerusform>%n email to review</numerusform>
            <numerusform>%n emails to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) imported</source>
        <translation>
            <numerusform>%n email imported</numerusform>
            <numerusform>%n emails imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there (skipped)</source>
        <translation>
            <numerusform>%n already there (skipped)</numerusform>
            <numerusform>%n already there (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked automatically</source>
        <translation>
            <numerusform>%n linked automatically</numerusform>
            <numerusform>%n linked automatically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the review queue</source>
        <translation>
            <numerusform>%n waiting in the review queue</numerusform>
            <numerusform>%n waiting in the review queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from ignored senders</source>
        <translation>
            <numerusform>%n from an ignored sender</numerusform>
            <numerusform>%n from ignored senders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be imported</source>
        <translation>
            <numerusform>%n could not be imported</numerusform>
            <numerusform>%n could not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imported with a reading problem (kept as received)</source>
        <translation>
            <numerusform>%n imported with a reading problem (kept as received)</numerusform>
            <numerusform>%n imported with a reading problem (kept as received)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read</source>
        <translation>
            <numerusform>%n message read</numerusform>
            <numerusform>%n messages read</numerusform>
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
<context>
    <name>Sections</name>
    <message numerus="yes">
        <source>Mail: %n email(s) to review (Ctrl+4)</source>
        <translation>
            <numerusform>Mail: %n email to review (Ctrl+4)</numerusform>
            <numerusform>Mail: %n emails to review (Ctrl+4)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPlurals</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept on this computer, waiting to be sent</source>
        <translation>
            <numerusform>%n change kept on this computer, waiting to be sent</numerusform>
            <numerusform>%n changes kept on this computer, waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet stay on this computer and will be sent when you sign in again.</source>
        <translation>
            <numerusform>%n change not sent yet stays on this computer and will be sent when you sign in again.</numerusform>
            <numerusform>%n changes not sent yet stay on this computer and will be sent when you sign in again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflict to settle</numerusform>
            <numerusform>%n conflicts to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To settle (%n)</source>
        <translation>
            <numerusform>To settle (%n)</numerusform>
            <numerusform>To settle (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settled automatically (last %n day(s))</source>
        <translation>
            <numerusform>Settled automatically (last %n day)</numerusform>
            <numerusform>Settled automatically (last %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team server was restored from a backup: %n record(s) you wrote sent to it again.</source>
        <translation>
            <numerusform>The team server was restored from a backup: %n record you wrote sent to it again.</numerusform>
            <numerusform>The team server was restored from a backup: %n records you wrote sent to it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n change sent</numerusform>
            <numerusform>%n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
</context>
</TS>

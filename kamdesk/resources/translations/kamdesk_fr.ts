<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Account360View</name>
    <message>
        <source>No contacts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opportunities yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quotes, invoices or contracts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No support tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sites yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account to see everything about it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account no longer exists. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be loaded.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes &amp; invoices (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification (%1/%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIREN / SIRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com, example.fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none (top-level account) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innovation value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stability value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subsidiaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key account manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAM: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no activity logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact for more than %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no renewal date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed %1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 months</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Filter accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account manager filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All KAMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n account(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue this year: invoiced since 1 January, excluding VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline: total of the open opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most recent call, meeting, e-mail or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Subsidiary of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is missing from the data folder: restore a backup or attach it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>No files yet. Attach contracts, presentations and specifications here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application is set up to open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” is no longer in the data folder.

Restore the data folder from a backup, or remove this attachment and attach the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckListField</name>
    <message>
        <source>(no longer available)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>(no longer available)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>%1 (has left)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mr, Ms, Dr…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails to this address bounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no particular site —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the company on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— nobody (top of the chart) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis (GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. legitimate interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matters to them, what they fear…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influence %1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails to this address bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has left the company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>This account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact no longer exists or works at another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a site of this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an opportunity of this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 or %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would create a reporting cycle: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would make the group a subsidiary of its own subsidiary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would create a cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a web address (e.g. www.example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an email address (e.g. name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an amount (e.g. 150 000,00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid date: use DD/MM/YYYY or YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid date and time (DD/MM/YYYY HH:MM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a mail domain (e.g. renault.fr).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account cannot be its own group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager must work at the same account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n day(s) ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HierarchyModel</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue this year; a group&apos;s includes its subsidiaries&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline; a group&apos;s includes its subsidiaries&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account: %1
With its subsidiaries: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log activity — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit activity — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Renewal of the framework contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Large account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key / strategic account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical prescriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sceptic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue and share of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisational complexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategic value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-term relationship</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kamdesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an account to see its 360° view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About kamdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kamdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About kamdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kamdesk %1 — the desktop CRM for key account managers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>No notes yet. Notes keep what was said and agreed, for the whole team.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunitiesModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Qualification</name>
    <message>
        <source>less than a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced this year with subsidiaries: %1, %2 of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced this year: %1, %2 of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above the large-account threshold (%1 and %2 of our revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the large-account threshold (%1 and %2 of our revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue with subsidiaries: %1 on last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue: %1 on last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline with subsidiaries: %1 (%2 of this year&apos;s revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline: %1 (%2 of this year&apos;s revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated potential: %1 a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account manager&apos;s assessment: %1 out of 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites across the group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subsidiaries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision makers and influencers mapped across the group: %1 (large accounts have 5 to 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision makers and influencers mapped: %1 (large accounts have 5 to 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference value: a name that opens doors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innovation: develops new solutions with us (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: introduces us to other groups (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stability: secure, recurring revenue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No strategic value recorded yet (reference, innovation, network, stability)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract renewals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fixed-term contract on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest contract: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets the revenue threshold, with a complex or long-standing relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategic value or growth potential outweighs current revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither the revenue threshold nor enough strategic value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualificationPanel</name>
    <message>
        <source>Suggested tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currently: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>New account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” is the group of %n subsidiary(ies): move or delete them first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the account “%1”?

You can undo this (Edit ▸ Undo) or restore the account later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the site “%1”?

You can undo this (Edit ▸ Undo) or restore the site later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the contact “%1”?

You can undo this (Edit ▸ Undo) or restore the contact later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log activity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit activity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the activity “%1”?

You can undo this (Edit ▸ Undo) or restore the activity later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete activity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kamdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordKinds</name>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>This %1 no longer exists: someone may have deleted it meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>New site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit site — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Guyancourt plant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site is the headquarters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SitesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>No activity matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 (filtered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to kamdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Explore kamdesk with a demo portfolio of French key accounts — groups and subsidiaries, decision makers, opportunities and two years of history — or start with your own accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

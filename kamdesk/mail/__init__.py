"""Email ingestion: parse (.eml/.mbox/.msg/IMAP), store losslessly, thread, link to records.

Plain Python, no Qt: the GUI and the CLI both call ``kamdesk.mail.importer``.
"""

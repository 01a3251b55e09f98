"""Mail in the GUI: a record's mail panel, the review queue, imports and IMAP fetching.

Import the modules themselves (``kamdesk.ui.mail.panel``…): they use the 360° view's badges,
and the 360° view shows the mail panel.
"""

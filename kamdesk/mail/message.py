"""What a parsed message looks like to the rest of kamdesk, whatever its source format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    mime_type: str
    data: bytes


@dataclass
class ParsedMessage:
    """One message, decoded best effort.

    ``raw`` is the original bytes exactly as read (an RFC 5322 message, or an Outlook .msg file
    when ``raw_format`` is "msg"): it is what kamdesk stores, so nothing the parser misread is
    lost. Addresses are lower-case; Message-IDs are stripped of ``<>`` and surrounding blanks.
    ``parse_error`` says, in plain words, what could not be decoded (None when all went well).
    """

    raw: bytes
    raw_format: str = "rfc822"  # or "msg"
    message_id: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    subject: str = ""
    from_name: str | None = None
    from_address: str | None = None
    to_addresses: list[str] = field(default_factory=list)
    cc_addresses: list[str] = field(default_factory=list)
    sent_at: dt.datetime | None = None  # aware, UTC
    text: str = ""  # plain text (converted from HTML when the message has no text part)
    html: str | None = None  # the HTML part as sent, unsanitised: sanitise before showing
    attachments: list[MailAttachment] = field(default_factory=list)
    parse_error: str | None = None

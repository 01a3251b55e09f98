"""RFC 5322 / MIME messages (.eml, mbox entries, IMAP bodies) to ``ParsedMessage``.

Imports run to tens of thousands of messages, so this is built for speed: the header block is
split into fields here (``header_block``), a single-part message, the common case, has its body
decoded directly, and only multipart messages go through the stdlib MIME parser, with the
``compat32`` policy, about nine times faster than the modern one. Decoding that policy leaves
undone is done in ``headers`` and ``charsets``.

Nothing here raises: whatever could not be read is said in ``parse_error``.
"""

from __future__ import annotations

import re
from email import message_from_bytes
from email.policy import compat32

from kamdesk.mail import headers as hdr
from kamdesk.mail import mime_body
from kamdesk.mail.filetype import MAIL_HEADER_NAMES, UTF8_BOM, describe_binary
from kamdesk.mail.header_block import HeaderBlock, read_head, split_head
from kamdesk.mail.html import html_to_text
from kamdesk.mail.message import ParsedMessage

_FIRST_LINE = re.compile(rb"(From |[\x21-\x39\x3b-\x7e]+[ \t]*:)")


def parse_rfc822(raw: bytes) -> ParsedMessage:
    """Parse one message; never raises, problems go to ``parse_error``."""
    result = ParsedMessage(raw=raw)
    notes: list[str] = []
    try:
        _parse_into(result, raw, notes)
    except Exception as exc:  # one unreadable message must not stop an import
        notes.append(f"the message could not be read completely ({type(exc).__name__}: {exc})")
    result.parse_error = "; ".join(dict.fromkeys(notes)) or None
    return result


def parse_header_block(raw_headers: bytes) -> ParsedMessage:
    """The header fields of a bare header block (an Outlook .msg keeps one); no body."""
    result = ParsedMessage(raw=raw_headers)
    notes: list[str] = []
    try:
        _fill_headers(result, read_head(raw_headers.strip(b"\r\n") + b"\n"), notes)
    except Exception as exc:
        notes.append(f"headers unreadable ({type(exc).__name__}: {exc})")
    result.parse_error = "; ".join(dict.fromkeys(notes)) or None
    return result


def _parse_into(result: ParsedMessage, raw: bytes, notes: list[str]) -> None:
    text = raw.removeprefix(UTF8_BOM).lstrip(b"\r\n")
    what = describe_binary(text[:64])
    if what is not None:
        notes.append(f"not an email message: it looks like {what}")
        return
    head, body = split_head(text)
    if b"\x00" in head:
        notes.append("not an email message: binary data where the headers should be")
        return
    if not _FIRST_LINE.match(head):
        notes.append("not an email message: the first line is not a mail header")
        return
    block = read_head(head)
    if MAIL_HEADER_NAMES.isdisjoint(block.by_name):
        notes.append("not an email message: no From, Date or Message-ID header")
        return
    if block.dropped:
        s = "s" if block.dropped > 1 else ""
        notes.append(f"{block.dropped} malformed header line{s} ignored")
    if block.body_prefix:
        notes.append("no blank line between the headers and the body")
        body = block.body_prefix + b"\n" + body
    _fill_headers(result, block, notes)
    if mime_body.content_maintype(block) in ("multipart", "message"):
        msg = message_from_bytes(block.clean + b"\n" + body, policy=compat32)
        found = mime_body.multipart(msg, notes)
    else:
        found = mime_body.single_part(block, body, notes)
    result.text = found.text()
    result.html = found.html
    result.attachments = found.attachments
    if not result.text and found.html:
        result.text = html_to_text(found.html)


def _fill_headers(result: ParsedMessage, block: HeaderBlock, notes: list[str]) -> None:
    values = block.by_name

    def first(name: str) -> str | None:
        found = values.get(name)
        return found[0] if found else None

    subject = first("subject")
    if subject is not None:
        result.subject = hdr.single_line(hdr.header_text(subject, notes, "Subject header"))
    senders = hdr.addresses(values.get("from", []), notes, "From")
    if senders:
        result.from_name, result.from_address = senders[0]
    elif "from" in values:
        notes.append("From header has no readable address")
    else:
        notes.append("From header missing")
    result.to_addresses = [a for _, a in hdr.addresses(values.get("to", []), notes, "To")]
    result.cc_addresses = [a for _, a in hdr.addresses(values.get("cc", []), notes, "Cc")]
    result.sent_at = hdr.sent_at(first("date"), notes)
    result.message_id = _first_id(first("message-id"))
    result.in_reply_to = _first_id(first("in-reply-to"))
    references = first("references")
    if references is not None:
        result.references = hdr.message_ids(hdr.unfold(references))


def _first_id(value: str | None) -> str | None:
    return None if value is None else hdr.first_message_id(hdr.unfold(value))

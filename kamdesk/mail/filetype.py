"""Telling mail from files that are not mail, from their first bytes."""

from __future__ import annotations

import re

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (OLE_MAGIC, "an OLE compound file (an Outlook .msg or an old Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
)

_ANY_SIGNATURE = re.compile(b"|".join(re.escape(magic) for magic, _ in _SIGNATURES))

UTF8_BOM = b"\xef\xbb\xbf"

# Header names that only mail carries (an HTTP dump has Date and Content-Type, not these).
MAIL_HEADER_NAMES = frozenset(
    {
        "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
        "mime-version", "delivered-to", "x-mailer", "sender", "reply-to", "in-reply-to",
        "references",
    }
)  # fmt: skip
_MAIL_HEADER = re.compile(
    rb"^(" + b"|".join(re.escape(n.encode()) for n in sorted(MAIL_HEADER_NAMES)) + rb")[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_FIRST_LINE = re.compile(rb"(From |[\x21-\x39\x3b-\x7e]+[ \t]*:)")


def describe_binary(head: bytes) -> str | None:
    """What a file is when its first bytes say it is not text mail ("a PNG image"), else None."""
    if _ANY_SIGNATURE.match(head) is None:  # one regex call for the common case
        return None
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    return None


def mail_reason_against(head: bytes) -> str | None:
    """Why a file starting with ``head`` (a few KB) is not an email, or None when it may be."""
    what = describe_binary(head)
    if what is not None:
        return f"looks like {what}"
    head = head.removeprefix(UTF8_BOM).lstrip(b"\r\n")
    header_block = head.split(b"\n\n", 1)[0].split(b"\n\r\n", 1)[0]
    if b"\x00" in header_block:
        return "binary data where the headers should be"
    if not _FIRST_LINE.match(head):
        return "the first line is not a mail header"
    if not _MAIL_HEADER.search(header_block):
        return "no From, Date or Message-ID header"
    return None

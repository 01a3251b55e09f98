"""The body of a message: which part is the text, which the HTML, which are attachments.

Rules: the first inline text/plain part of each alternative is the text (several inline text
parts in a row, as Apple Mail writes around an inline image, are joined); the first inline
text/html part is the HTML; a part with a file name or ``Content-Disposition: attachment`` is
an attachment, inline images with a name included; a forwarded message is an attachment; a
nameless inline resource (a logo referenced by ``cid:``) is nothing of its own.
"""

from __future__ import annotations

import binascii
import mimetypes
import re
from dataclasses import dataclass, field
from email import errors
from email.message import Message
from email.policy import compat32

from kamdesk.mail import headers as hdr
from kamdesk.mail.charsets import decode_text
from kamdesk.mail.header_block import HeaderBlock
from kamdesk.mail.message import MailAttachment

_NON_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")
_CHARSET = re.compile(r"""charset[ \t]*=[ \t]*["']?([^"';\s]+)""", re.IGNORECASE)
_BASE64_DEFECTS = (errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect)
# Deeper MIME nesting is not mail but an attack on the parser.
_MAX_DEPTH = 40

_DEFECT_NOTES: dict[type[errors.MessageDefect], str] = {
    errors.NoBoundaryInMultipartDefect: "multipart message without a boundary",
    errors.StartBoundaryNotFoundDefect: "MIME boundary not found: the body is read as one part",
    errors.CloseBoundaryNotFoundDefect: "message cut short (closing MIME boundary missing)",
    errors.MultipartInvariantViolationDefect: "broken multipart structure",
}


@dataclass
class Body:
    texts: list[str] = field(default_factory=list)
    html: str | None = None
    attachments: list[MailAttachment] = field(default_factory=list)

    def text(self) -> str:
        return "\n\n".join(t.strip("\n") for t in self.texts if t.strip())


@dataclass(frozen=True)
class _Part:
    ctype: str
    charset: str | None
    filename: str | None
    disposition: str


def single_part(block: HeaderBlock, body: bytes, notes: list[str]) -> Body:
    """The body of a message without MIME parts, read without the MIME parser."""
    found = Body()
    payload = transfer_decode(body, block.first("content-transfer-encoding"), notes)
    _leaf(_block_part(block, notes), payload, found, notes)
    return found


def multipart(msg: Message, notes: list[str]) -> Body:
    """The body of a message parsed by the stdlib MIME parser."""
    found = Body()
    _walk(msg, found, notes, depth=0)
    return found


def content_maintype(block: HeaderBlock) -> str:
    value = block.first("content-type") or ""
    return value.split(";", 1)[0].strip().split("/", 1)[0].lower()


def _block_part(block: HeaderBlock, notes: list[str]) -> _Part:
    content_type = hdr.unfold(block.first("content-type") or "")
    disposition = hdr.unfold(block.first("content-disposition") or "")
    if "name" in content_type.lower() or "name" in disposition.lower() or "*" in content_type:
        # File names come in every encoding (RFC 2231, continuations): the stdlib reads them.
        return _message_part(block.as_message(), notes)
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype.count("/") != 1 or " " in ctype:
        ctype = "text/plain"  # what RFC 2045 says a missing or invalid type means
    match = _CHARSET.search(content_type)
    charset = match.group(1).lower() if match else None
    return _Part(ctype, charset, None, disposition.split(";", 1)[0].strip().lower())


def _message_part(part: Message, notes: list[str]) -> _Part:
    try:
        charset = part.get_content_charset()
    except Exception:  # an RFC 2231 charset parameter in a charset nobody knows
        charset = None
    disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
    return _Part(part.get_content_type(), charset, _filename(part, notes), disposition)


def _walk(part: Message, found: Body, notes: list[str], depth: int) -> None:
    for defect in part.defects:
        note = _DEFECT_NOTES.get(type(defect))
        if note:
            notes.append(note)
    if depth > _MAX_DEPTH:
        notes.append("MIME parts nested too deep; the deepest were skipped")
        return
    if part.get_content_maintype() == "message":
        if part.get_content_subtype() in ("rfc822", "global"):
            _attach_message(part, found, notes)
        return  # delivery reports and the like: the stored original keeps them
    if not part.is_multipart():
        # decode=True undoes the transfer encoding and gives 8-bit text back as its bytes
        # (decode=False would decode it with the declared charset, replacing errors).
        payload = part.get_payload(decode=True)
        if any(isinstance(d, _BASE64_DEFECTS) for d in part.defects):
            notes.append("damaged base64 content")
        data = payload if isinstance(payload, bytes) else b""
        _leaf(_message_part(part, notes), data, found, notes)
        return
    texts_before = len(found.texts)
    for child in part.get_payload():
        if isinstance(child, Message):
            _walk(child, found, notes, depth + 1)
    if part.get_content_subtype() == "alternative":
        del found.texts[texts_before + 1 :]  # one rendering of the text is enough


def _leaf(part: _Part, payload: bytes, found: Body, notes: list[str]) -> None:
    ctype = part.ctype
    filename = part.filename
    if filename is None and part.disposition != "attachment":
        if ctype == "text/html":
            if found.html is None:
                found.html = _decode(payload, part.charset, "HTML", notes)
            return
        if ctype == "text/plain" or ctype.startswith("multipart/"):
            if ctype != "text/plain":
                notes.append("multipart message without a boundary: read as plain text")
            found.texts.append(_decode(payload, part.charset, "text", notes))
            return
        if ctype != "text/calendar":
            return  # a nameless inline resource (a signature logo referenced by cid:)
        filename = "invite.ics"  # meeting invitations come nameless, and matter to a CRM
    if filename is None:
        filename = f"attachment-{len(found.attachments) + 1}{_extension(ctype)}"
    found.attachments.append(MailAttachment(filename=filename, mime_type=ctype, data=payload))


def _attach_message(part: Message, found: Body, notes: list[str]) -> None:
    inner = part.get_payload(0) if part.is_multipart() else None
    if not isinstance(inner, Message):
        return
    name = _filename(part, notes)
    if name is None:
        subject = hdr.header_text(str(inner.get("Subject", "")), [], "Subject")
        name = (hdr.single_line(subject)[:80].replace("/", "-") or "message") + ".eml"
    try:
        data = inner.as_bytes(policy=compat32)
    except Exception:
        notes.append(f"attached message {name!r} could not be extracted")
        return
    found.attachments.append(MailAttachment(filename=name, mime_type="message/rfc822", data=data))


def _filename(part: Message, notes: list[str]) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        return None
    if not name:
        return None
    name = hdr.header_text(name, notes, "attachment name")
    # A name, not a path: "C:\Users\x\devis.pdf" and "../../devis.pdf" keep their last part.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch >= " ").strip()
    return name or None


def _extension(ctype: str) -> str:
    return mimetypes.guess_extension(ctype) or ".bin"


def _decode(payload: bytes, charset: str | None, what: str, notes: list[str]) -> str:
    text, problem = decode_text(payload, charset, what)
    if problem:
        notes.append(problem)
    return text.replace("\r\n", "\n")


def transfer_decode(data: bytes, encoding: str | None, notes: list[str]) -> bytes:
    """Undo a Content-Transfer-Encoding; damaged base64 is decoded as far as it goes."""
    cte = (encoding or "").strip().lower()
    if cte == "base64":
        try:
            return binascii.a2b_base64(data)  # skips line breaks and stray characters
        except binascii.Error:
            notes.append("damaged base64 content")
            letters = _NON_BASE64.sub(b"", data)
            letters = letters[: len(letters) - (len(letters) % 4 == 1)]
            return binascii.a2b_base64(letters + b"=" * (-len(letters) % 4))
    if cte == "quoted-printable":
        return binascii.a2b_qp(data)
    return data

"""Outlook .msg files ([MS-OXMSG]) to ``ParsedMessage``, with olefile.

A .msg is an OLE compound file holding MAPI properties: variable-length ones each in a stream
named ``__substg1.0_<id><type>``, fixed-size ones (numbers, times) packed in the
``__properties_version1.0`` stream of their storage; recipients and attachments have a storage
each. When Outlook kept the internet headers (``PR_TRANSPORT_MESSAGE_HEADERS``) they fill what
the MAPI properties lack, e.g. References. extract-msg would do all this, but is GPL.
"""

from __future__ import annotations

import datetime as dt
import io
import mimetypes
import struct
from collections.abc import Iterable

import olefile

from kamdesk.mail import headers as hdr
from kamdesk.mail.charsets import decode_text, python_codec
from kamdesk.mail.filetype import OLE_MAGIC, describe_binary
from kamdesk.mail.html import html_to_text
from kamdesk.mail.message import MailAttachment, ParsedMessage
from kamdesk.mail.parse import parse_header_block

PropValue = str | bytes | int

# Property ids ([MS-OXPROPS]).
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENT_REPRESENTING_EMAIL = 0x0065
PR_TRANSPORT_MESSAGE_HEADERS = 0x007D
PR_SENDER_NAME = 0x0C1A
PR_SENDER_EMAIL = 0x0C1F
PR_RECIPIENT_TYPE = 0x0C15
PR_DISPLAY_CC = 0x0E03
PR_DISPLAY_TO = 0x0E04
PR_MESSAGE_DELIVERY_TIME = 0x0E06
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_MESSAGE_ID = 0x1035
PR_INTERNET_REFERENCES = 0x1039
PR_IN_REPLY_TO = 0x1042
PR_DISPLAY_NAME = 0x3001
PR_EMAIL_ADDRESS = 0x3003
PR_SMTP_ADDRESS = 0x39FE
PR_ATTACH_DATA = 0x3701
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
PR_INTERNET_CPID = 0x3FDE
PR_MESSAGE_CODEPAGE = 0x3FFD
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_SENT_REPRESENTING_SMTP = 0x5D02

PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_STRING8 = 0x001E
PT_UNICODE = 0x001F
PT_SYSTIME = 0x0040
PT_BINARY = 0x0102

MAPI_TO = 1
MAPI_CC = 2

_SUBSTG = "__substg1.0_"
_PROPERTIES = "__properties_version1.0"
_RECIPIENT = "__recip_version1.0_#"
_ATTACHMENT = "__attach_version1.0_#"
# The properties stream starts with a header: 32 bytes for the message, 8 for its recipients
# and attachments ([MS-OXMSG] 2.4.1).
_TOP_HEADER = 32
_CHILD_HEADER = 8
_ENTRY = struct.Struct("<IIQ")  # tag, flags, value

_FILETIME_EPOCH = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)
# Windows code pages without a "cp<n>" codec in Python.
_CODE_PAGES = {
    65001: "utf-8",
    20127: "ascii",
    1200: "utf-16-le",
    20866: "koi8-r",
    21866: "koi8-u",
    50220: "iso2022-jp",
    50221: "iso2022-jp",
    50222: "iso2022-jp",
    51932: "euc-jp",
    51949: "euc-kr",
    54936: "gb18030",
    10000: "mac-roman",
    **{28590 + n: f"iso-8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 15)},
}


def parse_msg(raw: bytes) -> ParsedMessage:
    """Parse an Outlook .msg file; never raises, problems go to ``parse_error``."""
    result = ParsedMessage(raw=raw, raw_format="msg")
    notes: list[str] = []
    try:
        _parse_into(result, raw, notes)
    except Exception as exc:  # one unreadable file must not stop an import
        notes.append(f"the message could not be read completely ({type(exc).__name__}: {exc})")
    result.parse_error = "; ".join(dict.fromkeys(notes)) or None
    return result


def _parse_into(result: ParsedMessage, raw: bytes, notes: list[str]) -> None:
    if not raw.startswith(OLE_MAGIC):
        what = describe_binary(raw[:64])
        detail = f"it looks like {what}" if what else "no OLE compound file header"
        notes.append(f"not an Outlook .msg file: {detail}")
        return
    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except Exception as exc:
        notes.append(f"damaged Outlook .msg file ({exc})")
        return
    with ole:
        _MsgReader(ole, notes).fill(result)


def _codec(code_page: PropValue | None) -> str | None:
    if not isinstance(code_page, int):
        return None
    return _CODE_PAGES.get(code_page) or python_codec(f"cp{code_page}")


def _filetime(value: PropValue | None) -> dt.datetime | None:
    if not isinstance(value, int) or value <= 0:
        return None
    try:
        when = _FILETIME_EPOCH + dt.timedelta(microseconds=value // 10)
    except OverflowError:
        return None
    # Outlook writes 4501-01-01 for "never".
    return when if 1980 <= when.year <= 2200 else None


def _first_address(values: Iterable[PropValue | None]) -> str | None:
    # Exchange addresses ("/O=ORG/OU=.../CN=JEAN") are not addresses to anyone else.
    for value in values:
        if isinstance(value, str) and "@" in value and not value.startswith("/"):
            return value.strip().lower()
    return None


class _MsgReader:
    def __init__(self, ole: olefile.OleFileIO, notes: list[str]) -> None:
        self.ole = ole
        self.notes = notes
        self.streams: dict[tuple[str, ...], list[str]] = {}
        for path in ole.listdir(streams=True, storages=False):
            self.streams.setdefault(tuple(path[:-1]), []).append(path[-1])
        self.codec: str | None = None

    def props(self, storage: tuple[str, ...], header_size: int) -> dict[int, PropValue]:
        """The properties of one storage, by property id."""
        names = self.streams.get(storage, [])
        found: dict[int, PropValue] = {}
        if _PROPERTIES in names:
            data = self.read(storage + (_PROPERTIES,))
            for offset in range(header_size, len(data) - _ENTRY.size + 1, _ENTRY.size):
                tag, _flags, value = _ENTRY.unpack_from(data, offset)
                kind = tag & 0xFFFF
                if kind in (PT_LONG, PT_BOOLEAN):
                    found[tag >> 16] = value & 0xFFFFFFFF
                elif kind == PT_SYSTIME:
                    found[tag >> 16] = value
        codec = self.codec or _codec(found.get(PR_MESSAGE_CODEPAGE) or found.get(PR_INTERNET_CPID))
        for name in names:
            if not name.startswith(_SUBSTG):
                continue
            try:
                tag = int(name[len(_SUBSTG) : len(_SUBSTG) + 8], 16)
            except ValueError:
                continue
            kind = tag & 0xFFFF
            if kind not in (PT_UNICODE, PT_STRING8, PT_BINARY):
                continue  # multi-valued and object properties carry nothing kamdesk shows
            data = self.read(storage + (name,))
            if kind == PT_UNICODE:
                found[tag >> 16] = data.decode("utf-16-le", errors="replace").rstrip("\x00")
            elif kind == PT_STRING8:
                text, problem = decode_text(data.rstrip(b"\x00"), codec, "text")
                if problem:
                    self.notes.append(problem)
                found[tag >> 16] = text
            else:
                found[tag >> 16] = data
        return found

    def read(self, path: tuple[str, ...]) -> bytes:
        with self.ole.openstream(list(path)) as stream:
            data: bytes = stream.read()
        return data

    def storages(self, prefix: str) -> list[str]:
        return sorted(
            {key[0] for key in self.streams if len(key) == 1 and key[0].startswith(prefix)}
        )

    def fill(self, result: ParsedMessage) -> None:
        top = self.props((), _TOP_HEADER)
        if not any(name.startswith(_SUBSTG) for name in self.streams.get((), [])):
            self.notes.append("an OLE file but not an Outlook message (a Word or Excel file?)")
            return
        self.codec = _codec(top.get(PR_MESSAGE_CODEPAGE) or top.get(PR_INTERNET_CPID))
        headers = ParsedMessage(raw=b"")
        transport = top.get(PR_TRANSPORT_MESSAGE_HEADERS)
        if isinstance(transport, str) and transport.strip():
            headers = parse_header_block(transport.encode("utf-8"))
        self._fill_headers(result, top, headers)
        self._fill_recipients(result, top, headers)
        self._fill_body(result, top)
        result.attachments = [a for a in map(self._attachment, self.storages(_ATTACHMENT)) if a]

    def _fill_headers(
        self, result: ParsedMessage, top: dict[int, PropValue], headers: ParsedMessage
    ) -> None:
        subject = top.get(PR_SUBJECT)
        result.subject = hdr.single_line(subject) if isinstance(subject, str) else headers.subject
        result.message_id = _one_id(top.get(PR_INTERNET_MESSAGE_ID)) or headers.message_id
        result.in_reply_to = _one_id(top.get(PR_IN_REPLY_TO)) or headers.in_reply_to
        references = top.get(PR_INTERNET_REFERENCES)
        result.references = (
            hdr.message_ids(references) if isinstance(references, str) else headers.references
        )
        result.sent_at = (
            _filetime(top.get(PR_CLIENT_SUBMIT_TIME))
            or headers.sent_at
            or _filetime(top.get(PR_MESSAGE_DELIVERY_TIME))
        )
        if result.sent_at is None:
            self.notes.append("no sent or received date")
        name = top.get(PR_SENDER_NAME) or top.get(PR_SENT_REPRESENTING_NAME)
        result.from_name = (name.strip() or None) if isinstance(name, str) else headers.from_name
        result.from_address = (
            _first_address(
                top.get(tag)
                for tag in (
                    PR_SENDER_SMTP_ADDRESS,
                    PR_SENDER_EMAIL,
                    PR_SENT_REPRESENTING_SMTP,
                    PR_SENT_REPRESENTING_EMAIL,
                    PR_SMTP_ADDRESS,
                )
            )
            or headers.from_address
        )
        if result.from_address is None:
            self.notes.append("no sender address")

    def _fill_recipients(
        self, result: ParsedMessage, top: dict[int, PropValue], headers: ParsedMessage
    ) -> None:
        to: list[str] = []
        cc: list[str] = []
        for storage in self.storages(_RECIPIENT):
            props = self.props((storage,), _CHILD_HEADER)
            address = _first_address((props.get(PR_SMTP_ADDRESS), props.get(PR_EMAIL_ADDRESS)))
            kind = props.get(PR_RECIPIENT_TYPE, MAPI_TO)
            if address is not None and kind in (MAPI_TO, MAPI_CC):
                (to if kind == MAPI_TO else cc).append(address)
        # Without a recipient table, the headers, then the display lists ("Jean <j@x.fr>; ...").
        result.to_addresses = to or headers.to_addresses or _display_addresses(top, PR_DISPLAY_TO)
        result.cc_addresses = cc or headers.cc_addresses or _display_addresses(top, PR_DISPLAY_CC)

    def _fill_body(self, result: ParsedMessage, top: dict[int, PropValue]) -> None:
        body = top.get(PR_BODY)
        if isinstance(body, str):
            result.text = body.replace("\r\n", "\n").strip("\n")
        html = top.get(PR_HTML)
        if isinstance(html, bytes):
            cpid = _codec(top.get(PR_INTERNET_CPID))
            html, problem = decode_text(html.rstrip(b"\x00"), cpid, "HTML")
            if problem:
                self.notes.append(problem)
        if isinstance(html, str) and html.strip():
            result.html = html
            if not result.text:
                result.text = html_to_text(html)
        if not result.text and PR_RTF_COMPRESSED in top:
            self.notes.append("body only in RTF (not read)")

    def _attachment(self, storage: str) -> MailAttachment | None:
        props = self.props((storage,), _CHILD_HEADER)
        name = next(
            (
                value.strip()
                for tag in (PR_ATTACH_LONG_FILENAME, PR_ATTACH_FILENAME, PR_DISPLAY_NAME)
                if isinstance(value := props.get(tag), str) and value.strip()
            ),
            "",
        )
        name = name.replace("\\", "/").rsplit("/", 1)[-1]  # a name, never a path
        data = props.get(PR_ATTACH_DATA)
        if not isinstance(data, bytes):
            # Embedded messages and OLE objects are storages (PT_OBJECT), not bytes.
            self.notes.append(f"attached Outlook item {name or storage!r} not extracted")
            return None
        mime = props.get(PR_ATTACH_MIME_TAG)
        if not isinstance(mime, str) or "/" not in mime:
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if not name:
            name = f"attachment-{storage[-8:]}{mimetypes.guess_extension(mime) or '.bin'}"
        return MailAttachment(filename=name, mime_type=mime.strip().lower(), data=data)


def _one_id(value: PropValue | None) -> str | None:
    return hdr.first_message_id(value) if isinstance(value, str) else None


def _display_addresses(top: dict[int, PropValue], tag: int) -> list[str]:
    value = top.get(tag)
    if not isinstance(value, str):
        return []
    return [a for _, a in hdr.addresses([value.replace(";", ",")], [], "recipients")]

"""Writes Outlook .msg files for the tests: a small compound file ([MS-CFB]) writer and the
[MS-OXMSG] layout of MAPI properties on top of it.

No redistributable sample .msg was found, and extract-msg's test files come with the GPL, so the
tests use files written here. ``python tests/data/mail/make_msg.py`` rewrites ``sample.msg``;
the writer is deterministic, and a test checks that the committed file is what it writes.

What is written follows the specifications, not a reader's leniency: version 3 (512-byte
sectors), streams under 4096 bytes in the mini stream, every storage's children in a valid
red-black tree ordered as [MS-CFB] 2.6.4 says, and for the message the property streams with
their headers, the named-property storage, one storage per recipient and per attachment.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# --- compound file --------------------------------------------------------------------------

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
RED, BLACK = 0, 1
STORAGE, STREAM, ROOT = 1, 2, 5
# CLSID_MailMessage {00020D0B-0000-0000-C000-000000000046}, on the root of a .msg.
MSG_CLSID = uuid.UUID("00020D0B-0000-0000-C000-000000000046").bytes_le

Tree = dict[str, "bytes | Tree"]


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[int] = field(default_factory=list)
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN
    clsid: bytes = bytes(16)


def _sort_key(name: str) -> tuple[int, str]:
    # [MS-CFB] 2.6.4: shorter names first, then by upper-cased UTF-16 code points.
    return (len(name), name.upper())


def _sibling_tree(entries: list[_Entry], ids: list[int]) -> int:
    """Link ``ids`` (sorted) as a balanced red-black tree; returns the root id.

    A midpoint-built tree has all its leaves on the last two levels: colouring the last level
    red when it is not full gives every path the same number of black nodes.
    """
    levels = len(ids).bit_length()
    full = len(ids) == (1 << levels) - 1

    def build(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        entry = entries[ids[mid]]
        entry.left = build(lo, mid, depth + 1)
        entry.right = build(mid + 1, hi, depth + 1)
        entry.color = RED if depth == levels - 1 and not full else BLACK
        return ids[mid]

    return build(0, len(ids), 0)


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else ENDOFCHAIN


def compound_file(tree: Tree, root_clsid: bytes = bytes(16)) -> bytes:
    """A compound file holding ``tree`` (name -> bytes for a stream, or a dict for a storage)."""
    entries = [_Entry("Root Entry", ROOT, clsid=root_clsid)]

    def add(parent: int, subtree: Tree) -> None:
        for name in sorted(subtree, key=_sort_key):
            value = subtree[name]
            entries.append(
                _Entry(name, STREAM, data=value)
                if isinstance(value, bytes)
                else _Entry(name, STORAGE)
            )
            index = len(entries) - 1
            entries[parent].children.append(index)
            if not isinstance(value, bytes):
                add(index, value)

    add(0, tree)
    for entry in entries:
        entry.child = _sibling_tree(entries, entry.children)

    # Small streams go to the mini stream, in 64-byte mini sectors.
    mini_stream = bytearray()
    mini_fat: list[int] = []
    big: list[_Entry] = []
    for entry in entries:
        if entry.kind != STREAM or not entry.data:
            continue
        if len(entry.data) >= MINI_CUTOFF:
            big.append(entry)
            continue
        count = math.ceil(len(entry.data) / MINI_SECTOR)
        entry.start = len(mini_fat)
        mini_fat.extend(range(entry.start + 1, entry.start + count))
        mini_fat.append(ENDOFCHAIN)
        mini_stream += entry.data.ljust(count * MINI_SECTOR, b"\0")

    sectors = bytearray()
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return ENDOFCHAIN
        count = math.ceil(len(data) / SECTOR)
        first = len(fat)
        fat.extend([0] * count)
        _chain(fat, first, count)
        sectors.extend(data.ljust(count * SECTOR, b"\0"))
        return first

    entries[0].start = place(bytes(mini_stream))
    entries[0].data = bytes(mini_stream)
    for entry in big:
        entry.start = place(entry.data)
    directory = b"".join(_dir_entry(e) for e in entries)
    unused = -len(entries) % (SECTOR // 128)
    directory += _unused_entry() * unused
    first_dir = place(directory)
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    first_mini_fat = place(
        mini_fat_bytes.ljust(math.ceil(len(mini_fat_bytes) / SECTOR) * SECTOR, b"\xff")
    )
    mini_fat_sectors = math.ceil(len(mini_fat_bytes) / SECTOR)

    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < len(fat) + fat_sectors:
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("too big for a header-only DIFAT; the tests have no need for more")
    first_fat = len(fat)
    fat.extend([FATSECT] * fat_sectors)
    fat.extend([FREESECT] * (fat_sectors * (SECTOR // 4) - len(fat)))
    sectors += struct.pack(f"<{len(fat)}I", *fat)

    difat = [first_fat + i for i in range(fat_sectors)] + [FREESECT] * (109 - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("d0cf11e0a1b11ae1"),
        bytes(16),
        0x003E,  # minor version
        0x0003,  # major version 3: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector shift
        6,  # mini sector shift
        bytes(6),
        0,  # directory sectors: must be 0 in version 3
        fat_sectors,
        first_dir,
        0,  # transaction signature
        MINI_CUTOFF,
        first_mini_fat,
        mini_fat_sectors,
        ENDOFCHAIN,  # no DIFAT sectors
        0,
        *difat,
    )
    return header + bytes(sectors)


def _dir_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    if len(name) > 64:
        raise ValueError(f"name too long for a compound file: {entry.name}")
    size = len(entry.data) if entry.kind in (STREAM, ROOT) else 0
    start = entry.start if entry.kind in (STREAM, ROOT) else 0
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        entry.color,
        entry.left,
        entry.right,
        entry.child if entry.kind != STREAM else NOSTREAM,
        entry.clsid,
        0,  # state bits
        0,  # creation time
        0,  # modification time
        start,
        size,
    )


def _unused_entry() -> bytes:
    return struct.pack(
        "<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, bytes(16), 0, 0, 0, 0, 0
    )


# --- MAPI properties ([MS-OXMSG]) -----------------------------------------------------------

PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_OBJECT = 0x000D
PT_STRING8 = 0x001E
PT_UNICODE = 0x001F
PT_SYSTIME = 0x0040
PT_BINARY = 0x0102

Prop = tuple[int, int, "str | bytes | int | dt.datetime | Tree"]  # id, type, value


def filetime(when: dt.datetime) -> int:
    return (when - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(microseconds=1) * 10


def _properties(props: list[Prop], header: bytes, code_page: str) -> tuple[bytes, Tree]:
    """The ``__properties_version1.0`` stream and the ``__substg1.0_`` streams."""
    entries = bytearray(header)
    streams: Tree = {}
    for prop_id, kind, value in props:
        tag = prop_id << 16 | kind
        flags = 0x00000006  # readable, writable
        name = f"__substg1.0_{tag:08X}"
        if kind == PT_UNICODE:
            assert isinstance(value, str)
            data = value.encode("utf-16-le")
            streams[name] = data
            entries += struct.pack("<IIII", tag, flags, len(data) + 2, 0)
        elif kind == PT_STRING8:
            assert isinstance(value, str)
            data = value.encode(code_page)
            streams[name] = data
            entries += struct.pack("<IIII", tag, flags, len(data) + 1, 0)
        elif kind == PT_BINARY:
            assert isinstance(value, bytes)
            streams[name] = value
            entries += struct.pack("<IIII", tag, flags, len(value), 0)
        elif kind == PT_OBJECT:
            assert isinstance(value, dict)
            streams[name] = value
            entries += struct.pack("<IIII", tag, flags, 0xFFFFFFFF, 0)
        elif kind == PT_SYSTIME:
            assert isinstance(value, dt.datetime)
            entries += struct.pack("<IIQ", tag, flags, filetime(value))
        else:
            assert isinstance(value, int)
            entries += struct.pack("<IIQ", tag, flags, value)
    return bytes(entries), streams


def message_tree(
    props: list[Prop],
    recipients: Sequence[list[Prop]] = (),
    attachments: Sequence[list[Prop]] = (),
    *,
    embedded: bool = False,
    code_page: str = "cp1252",
) -> Tree:
    """The storages and streams of one message (top level, or embedded in an attachment)."""
    counts = struct.pack(
        "<IIII", len(recipients), len(attachments), len(recipients), len(attachments)
    )
    header = bytes(8) + counts + (b"" if embedded else bytes(8))
    properties, tree = _properties(props, header, code_page)
    tree["__properties_version1.0"] = properties
    if not embedded:
        # The named-property map: empty here, but a .msg always has one.
        tree["__nameid_version1.0"] = {
            "__substg1.0_00020102": b"",
            "__substg1.0_00030102": b"",
            "__substg1.0_00040102": b"",
        }
    for number, recipient in enumerate(recipients):
        row = [(0x3000, PT_LONG, number), *recipient]  # PR_ROWID
        properties, storage = _properties(row, bytes(8), code_page)
        storage["__properties_version1.0"] = properties
        tree[f"__recip_version1.0_#{number:08X}"] = storage
    for number, attachment in enumerate(attachments):
        row = [(0x0E21, PT_LONG, number), *attachment]  # PR_ATTACH_NUM
        properties, storage = _properties(row, bytes(8), code_page)
        storage["__properties_version1.0"] = properties
        tree[f"__attach_version1.0_#{number:08X}"] = storage
    return tree


def msg_file(
    props: list[Prop],
    recipients: Sequence[list[Prop]] = (),
    attachments: Sequence[list[Prop]] = (),
    *,
    code_page: str = "cp1252",
) -> bytes:
    return compound_file(
        message_tree(props, recipients, attachments, code_page=code_page), MSG_CLSID
    )


# --- the committed sample -------------------------------------------------------------------

SENT = dt.datetime(2024, 3, 14, 9, 26, 53, tzinfo=dt.UTC)
TRANSPORT_HEADERS = (
    "Received: from PAXPR08MB1234.eurprd08.prod.outlook.com ([10.1.2.3]) by\r\n"
    " PAXPR08MB1234.eurprd08.prod.outlook.com with mapi id 15.20.7362.035; Thu, 14 Mar 2024\r\n"
    " 09:26:55 +0000\r\n"
    "From: =?iso-8859-1?Q?H=E9l=E8ne_Martin?= <helene.martin@acme-industrie.fr>\r\n"
    'To: "Dupont, Jean" <Jean.Dupont@client-sa.fr>\r\n'
    "CC: Paul Leroy <paul.leroy@client-sa.fr>\r\n"
    "Subject: =?iso-8859-1?Q?RE:_Proposition_commerciale_r=E9vis=E9e?=\r\n"
    "Date: Thu, 14 Mar 2024 09:26:53 +0000\r\n"
    "Message-ID: <PAXPR08MB1234ABCD@PAXPR08MB1234.eurprd08.prod.outlook.com>\r\n"
    "References: <CAF1234@mail.client-sa.fr> <CAF5678@mail.client-sa.fr>\r\n"
    "In-Reply-To: <CAF5678@mail.client-sa.fr>\r\n"
    'Content-Type: multipart/mixed; boundary="_004_PAXPR08MB1234"\r\n'
    "MIME-Version: 1.0\r\n"
)
BODY = (
    "Bonjour Jean,\r\n\r\n"
    "Veuillez trouver ci-joint notre proposition révisée : remise de 12 % sur le volume "
    "annuel, livraison à J+5.\r\n\r\n"
    "Bien cordialement,\r\nHélène Martin\r\nACME Industrie\r\n"
)
HTML = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    "</head><body><p>Bonjour Jean,</p><p>Veuillez trouver ci-joint notre proposition "
    "révisée : remise de <b>12 %</b> sur le volume annuel, livraison à J+5.</p>"
    "<p>Bien cordialement,<br>Hélène Martin<br>ACME Industrie</p>"
    '<img src="https://tracker.example.com/open.gif"></body></html>'
)
# A plain-text attachment over 4096 bytes, so it lives in regular sectors, not the mini stream.
PRICE_LIST = "".join(f"REF-{n:04d};Article {n};{n * 3 + 0.5:.2f} EUR\r\n" for n in range(160))


def sample_message() -> bytes:
    return msg_file(
        [
            (0x001A, PT_UNICODE, "IPM.Note"),
            (0x0037, PT_UNICODE, "RE: Proposition commerciale révisée"),
            (0x0039, PT_SYSTIME, SENT),
            (0x0E06, PT_SYSTIME, SENT + dt.timedelta(seconds=2)),
            (0x0C1A, PT_UNICODE, "Hélène Martin"),
            (0x0C1F, PT_UNICODE, "helene.martin@acme-industrie.fr"),
            (0x0C1E, PT_UNICODE, "SMTP"),
            (0x5D01, PT_UNICODE, "helene.martin@acme-industrie.fr"),
            (0x0E04, PT_UNICODE, "Dupont, Jean"),
            (0x0E03, PT_UNICODE, "Paul Leroy"),
            (0x1000, PT_UNICODE, BODY),
            (0x1013, PT_BINARY, HTML.encode("utf-8")),
            (0x3FDE, PT_LONG, 65001),  # PR_INTERNET_CPID: the HTML is UTF-8
            (0x1035, PT_UNICODE, "<PAXPR08MB1234ABCD@PAXPR08MB1234.eurprd08.prod.outlook.com>"),
            (0x1042, PT_UNICODE, "<CAF5678@mail.client-sa.fr>"),
            (0x007D, PT_UNICODE, TRANSPORT_HEADERS),
            (0x340D, PT_LONG, 0x00040000),  # PR_STORE_SUPPORT_MASK: STORE_UNICODE_OK
            (0x0E07, PT_LONG, 0x00000011),  # PR_MESSAGE_FLAGS: read, has attachments
        ],
        recipients=[
            [
                (0x0C15, PT_LONG, 1),
                (0x3001, PT_UNICODE, "Dupont, Jean"),
                (0x3002, PT_UNICODE, "SMTP"),
                (0x3003, PT_UNICODE, "Jean.Dupont@client-sa.fr"),
                (0x39FE, PT_UNICODE, "Jean.Dupont@client-sa.fr"),
            ],
            [
                (0x0C15, PT_LONG, 2),
                (0x3001, PT_UNICODE, "Paul Leroy"),
                (0x3002, PT_UNICODE, "EX"),
                (0x3003, PT_UNICODE, "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=PLEROY"),
                (0x39FE, PT_UNICODE, "paul.leroy@client-sa.fr"),
            ],
        ],
        attachments=[
            [
                (0x3705, PT_LONG, 1),  # PR_ATTACH_METHOD: by value
                (0x3707, PT_UNICODE, "tarifs révisés 2024.csv"),
                (0x3704, PT_UNICODE, "TARIFS~1.CSV"),
                (0x3001, PT_UNICODE, "tarifs révisés 2024.csv"),
                (0x370E, PT_UNICODE, "text/csv"),
                (0x370B, PT_LONG, 0xFFFFFFFF),  # PR_RENDERING_POSITION: not in the body
                (0x3701, PT_BINARY, PRICE_LIST.encode("utf-8")),
            ]
        ],
    )


SAMPLE = Path(__file__).with_name("sample.msg")

if __name__ == "__main__":
    SAMPLE.write_bytes(sample_message())
    print(f"wrote {SAMPLE} ({SAMPLE.stat().st_size} bytes)")

"""Outlook .msg files (kamdesk.mail.outlook_msg), written by tests/data/mail/make_msg.py."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import olefile
import pytest

from kamdesk.mail.outlook_msg import parse_msg

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"


def _load_writer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_msg", DATA / "make_msg.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_msg"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


mk = _load_writer()
SENT = dt.datetime(2024, 3, 14, 9, 26, 53, tzinfo=dt.UTC)


def test_committed_sample_is_what_the_writer_writes() -> None:
    assert (DATA / "sample.msg").read_bytes() == mk.sample_message()


def test_sample_msg() -> None:
    raw = (DATA / "sample.msg").read_bytes()
    m = parse_msg(raw)
    assert m.parse_error is None
    assert m.raw is raw and m.raw_format == "msg"
    assert m.subject == "RE: Proposition commerciale révisée"
    assert (m.from_name, m.from_address) == ("Hélène Martin", "helene.martin@acme-industrie.fr")
    assert m.to_addresses == ["jean.dupont@client-sa.fr"]
    # The Exchange (X.500) address is skipped for the recipient's SMTP address.
    assert m.cc_addresses == ["paul.leroy@client-sa.fr"]
    assert m.sent_at == SENT
    assert m.message_id == "PAXPR08MB1234ABCD@PAXPR08MB1234.eurprd08.prod.outlook.com"
    assert m.in_reply_to == "CAF5678@mail.client-sa.fr"
    # Only the transport headers have References.
    assert m.references == ["CAF1234@mail.client-sa.fr", "CAF5678@mail.client-sa.fr"]
    assert m.text.startswith("Bonjour Jean,\n\nVeuillez trouver ci-joint notre proposition")
    assert "\r" not in m.text
    assert m.html is not None and "<b>12 %</b>" in m.html
    [csv] = m.attachments
    assert (csv.filename, csv.mime_type) == ("tarifs révisés 2024.csv", "text/csv")
    assert csv.data == mk.PRICE_LIST.encode("utf-8") and len(csv.data) > 4096


RED, BLACK = 0, 1  # [MS-CFB] 2.6.1 colour flags


def _red_black_ok(ole: olefile.OleFileIO, sid: int) -> int:
    """Black height of the sibling tree at ``sid``; fails on a red-red edge or unequal heights."""
    if sid == olefile.NOSTREAM:
        return 1
    entry = ole.direntries[sid]
    for child in (entry.sid_left, entry.sid_right):
        if entry.color == RED and child != olefile.NOSTREAM:
            assert ole.direntries[child].color == BLACK
    left, right = _red_black_ok(ole, entry.sid_left), _red_black_ok(ole, entry.sid_right)
    assert left == right
    return left + (entry.color == BLACK)


def _in_order(ole: olefile.OleFileIO, sid: int) -> list[str]:
    if sid == olefile.NOSTREAM:
        return []
    entry = ole.direntries[sid]
    return [*_in_order(ole, entry.sid_left), entry.name, *_in_order(ole, entry.sid_right)]


def test_writer_makes_a_valid_compound_file() -> None:
    ole = olefile.OleFileIO(io.BytesIO(mk.sample_message()), raise_defects=olefile.DEFECT_INCORRECT)
    assert str(ole.root.clsid) == "00020D0B-0000-0000-C000-000000000046"
    storages = [ole.root] + [e for e in ole.direntries if e is not None and e.kids]
    for storage in storages:
        _red_black_ok(ole, storage.sid_child)
        names = _in_order(ole, storage.sid_child)
        assert names == sorted(names, key=lambda n: (len(n), n.upper()))  # [MS-CFB] 2.6.4
        assert sorted(names) == sorted(kid.name for kid in storage.kids)


def _message(**extra: object) -> bytes:
    props = [
        (0x001A, mk.PT_UNICODE, "IPM.Note"),
        (0x0037, mk.PT_UNICODE, "Sujet"),
        (0x0E06, mk.PT_SYSTIME, SENT),
        (0x0C1A, mk.PT_UNICODE, "Jean Dupont"),
        (0x0C1F, mk.PT_UNICODE, "/O=EXCHANGELABS/OU=GROUP/CN=JDUPONT"),
        (0x5D01, mk.PT_UNICODE, "Jean.Dupont@Client-SA.fr"),
    ]
    props += list(extra.get("props", []))  # type: ignore[call-overload]
    return bytes(
        mk.msg_file(
            props,
            extra.get("recipients", ()),
            extra.get("attachments", ()),
            code_page=extra.get("code_page", "cp1252"),
        )
    )


def test_8bit_strings_use_the_message_code_page() -> None:
    raw = _message(
        props=[
            (0x3FFD, mk.PT_LONG, 1251),  # PR_MESSAGE_CODEPAGE
            (0x1000, mk.PT_STRING8, "Добрый день"),
            (0x0E04, mk.PT_STRING8, "Иван <ivan@client.ru>"),
        ],
        code_page="cp1251",
    )
    m = parse_msg(raw)
    assert m.parse_error is None
    assert m.text == "Добрый день"
    assert m.to_addresses == ["ivan@client.ru"]  # from the display list: no recipient table
    assert m.from_address == "jean.dupont@client-sa.fr"  # the SMTP one, not the X.500 one
    assert m.sent_at == SENT  # delivery time when there is no submit time


def test_html_only_body_gives_text() -> None:
    html = "<p>Bonjour,</p><p>à bientôt</p>".encode("cp1252")
    m = parse_msg(_message(props=[(0x1013, mk.PT_BINARY, html), (0x3FDE, mk.PT_LONG, 1252)]))
    assert m.text == "Bonjour,\n\nà bientôt"
    assert m.html == "<p>Bonjour,</p><p>à bientôt</p>"


def test_rtf_only_body_is_said() -> None:
    m = parse_msg(_message(props=[(0x1009, mk.PT_BINARY, b"\x2d\x00\x00\x00LZFu")]))
    assert m.text == ""
    assert m.parse_error == "body only in RTF (not read)"


def test_embedded_message_attachment_is_said_not_raised() -> None:
    embedded = mk.message_tree([(0x0037, mk.PT_UNICODE, "inner")], embedded=True)
    attachments = [
        [
            (0x3705, mk.PT_LONG, 5),
            (0x3001, mk.PT_UNICODE, "Message d'origine"),
            (0x3701, mk.PT_OBJECT, embedded),
        ],
        [
            (0x3705, mk.PT_LONG, 1),
            (0x3704, mk.PT_UNICODE, "NOTE.TXT"),
            (0x3701, mk.PT_BINARY, b"hi"),
        ],
    ]
    m = parse_msg(_message(props=[(0x1000, mk.PT_UNICODE, "voir PJ")], attachments=attachments))
    assert [(a.filename, a.mime_type, a.data) for a in m.attachments] == [
        ("NOTE.TXT", "text/plain", b"hi")
    ]
    assert m.parse_error == 'attached Outlook item "Message d\'origine" not extracted'


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"From: a@b.fr\n\nhello\n", "not an Outlook .msg file: no OLE compound file header"),
        ((DATA / "not_mail.png").read_bytes(), "not an Outlook .msg file: it looks like a PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "damaged Outlook .msg file"),
        (mk.compound_file({"WordDocument": b"x" * 100}), "an OLE file but not an Outlook message"),
    ],
)
def test_not_a_msg(raw: bytes, reason: str) -> None:
    m = parse_msg(raw)
    assert m.parse_error is not None and m.parse_error.startswith(reason)
    assert m.raw is raw and m.raw_format == "msg"


def test_truncated_msg_never_raises() -> None:
    raw = (DATA / "sample.msg").read_bytes()
    for size in (512, 1536, 4000, len(raw) // 2, len(raw) - 100):
        assert parse_msg(raw[:size]).parse_error is not None

"""Turning files and folders into messages to import (kamdesk.mail.sources)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kamdesk.mail.sources import SourceItem, iter_sources, parse_item, parse_raw

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"


def _mail_folder(root: Path) -> Path:
    """A folder as a user might point the import at: clients' exports side by side."""
    folder = root / "export"
    (folder / "eml").mkdir(parents=True)
    shutil.copy(DATA / "plain_utf8_fr.eml", folder / "eml" / "b.eml")
    shutil.copy(DATA / "reply.eml", folder / "eml" / "a.EML")
    shutil.copy(DATA / "three.mbox", folder / "archive.mbox")
    shutil.copy(DATA / "sample.msg", folder / "outlook.msg")
    shutil.copy(DATA / "not_mail.png", folder / "photo.png")
    (folder / "notes.txt").write_text("Liste de courses\n- pain\n")
    # Thunderbird's profile: mbox files without extension, and their index files.
    shutil.copy(DATA / "three_crlf.mbox", folder / "Inbox")
    (folder / "Inbox.msf").write_text('// <!-- <mdb:mork:z v="1.4"/> -->')
    # A Maildir, with a Maildir++ sub-folder (hidden, but mail) and Dovecot's files.
    for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"):
        (folder / "Maildir" / sub).mkdir(parents=True)
    shutil.copy(DATA / "alternative.eml", folder / "Maildir" / "cur" / "1710258482.M1P7.host:2,S")
    shutil.copy(
        DATA / "no_date.eml", folder / "Maildir" / ".Sent" / "cur" / "1710258999.M2P7.host:2,S"
    )
    (folder / "Maildir" / "dovecot.index.log").write_bytes(b"\x01\x02\x00\x00binary")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".hidden").mkdir()
    shutil.copy(DATA / "qp_latin1.eml", folder / ".hidden" / "x.eml")
    (folder / "gone.eml").symlink_to(folder / "does-not-exist.eml")
    return folder


def test_folder_walk(tmp_path: Path) -> None:
    folder = _mail_folder(tmp_path)
    items = list(iter_sources([folder]))
    labels = [str(Path(item.label).relative_to(folder)) for item in items]
    assert labels == [
        "Inbox#1",
        "Inbox#2",
        "Inbox#3",
        "Maildir/.Sent/cur/1710258999.M2P7.host:2,S",
        "Maildir/cur/1710258482.M1P7.host:2,S",
        "archive.mbox#1",
        "archive.mbox#2",
        "archive.mbox#3",
        "eml/a.EML",
        "eml/b.eml",
        "gone.eml",
        "notes.txt",
        "outlook.msg",
        "photo.png",
    ]
    by_label = dict(zip(labels, items, strict=True))
    assert by_label["outlook.msg"].fmt == "msg"
    assert by_label["gone.eml"].raw is None
    assert by_label["gone.eml"].error == "could not read the file: No such file or directory"
    assert by_label["notes.txt"].error == "not an email file (the first line is not a mail header)"
    assert by_label["photo.png"].error == "not an email file (looks like a PNG image)"
    readable = [item for item in items if item.error is None]
    assert all(item.raw for item in readable)
    parsed = {label: parse_item(item) for label, item in zip(labels, items, strict=True)}
    assert parsed["Inbox#2"].message_id == "mbox-2@client-sa.fr"
    assert parsed["eml/a.EML"].message_id == "reply-7731@client-sa.fr"
    assert (
        parsed["Maildir/cur/1710258482.M1P7.host:2,S"].message_id
        == "CAJx8kqE5vL2Zt9wQ@mail.gmail.com"
    )
    assert parsed["outlook.msg"].subject == "RE: Proposition commerciale révisée"
    assert parsed["photo.png"].parse_error == "not an email file (looks like a PNG image)"


def test_files_given_directly(tmp_path: Path) -> None:
    eml = tmp_path / "no-extension"
    shutil.copy(DATA / "qp_latin1.eml", eml)  # starts with "Received:": tried as mail
    items = list(iter_sources([eml, DATA / "sample.msg", tmp_path / "vanished.mbox"]))
    assert [(i.fmt, i.error) for i in items] == [
        ("rfc822", None),
        ("msg", None),
        ("rfc822", "could not read the file: No such file or directory"),
    ]
    assert parse_item(items[0]).subject == "Remise sur les pièces détachées"


def test_parse_raw_and_item_dispatch_on_format() -> None:
    msg = (DATA / "sample.msg").read_bytes()
    assert parse_raw(msg, "msg").raw_format == "msg"
    assert (
        parse_item(SourceItem("x.msg", msg, "msg")).from_address
        == "helene.martin@acme-industrie.fr"
    )
    eml = (DATA / "reply.eml").read_bytes()
    assert parse_raw(eml, "rfc822").message_id == "reply-7731@client-sa.fr"
    broken = parse_item(SourceItem("x.eml", None, "rfc822", "could not read the file: gone"))
    assert (broken.raw, broken.parse_error) == (b"", "could not read the file: gone")

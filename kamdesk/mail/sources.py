"""What an import reads: files and folders turned into one item per message.

An import must never stop on one bad file, so every problem (unreadable file, not mail) becomes
an item with an ``error`` that the import reports, and the walk goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kamdesk.mail.filetype import OLE_MAGIC, UTF8_BOM, mail_reason_against
from kamdesk.mail.mbox import iter_mbox
from kamdesk.mail.message import ParsedMessage
from kamdesk.mail.outlook_msg import parse_msg
from kamdesk.mail.parse import parse_rfc822

Format = Literal["rfc822", "msg"]

_SNIFF_SIZE = 4096
_EML_SUFFIXES = frozenset({".eml", ".mht", ".mhtml"})
_MBOX_SUFFIXES = frozenset({".mbox", ".mbx", ".mbs"})
# Bookkeeping files that mail programs keep beside their mail: skipped without a word.
_BOOKKEEPING_SUFFIXES = frozenset({".msf", ".dat", ".idx", ".ndx"})
_BOOKKEEPING_PREFIXES = ("dovecot", "courierimap", "maildirfolder", "subscriptions")


@dataclass(frozen=True)
class SourceItem:
    """One message to import: its bytes, or why it could not be read."""

    label: str  # "Inbox.mbox#12" or the file's path: what the import reports
    raw: bytes | None
    fmt: Format = "rfc822"
    error: str | None = None


def parse_raw(raw: bytes, fmt: str) -> ParsedMessage:
    """Parse stored bytes in the given format ("rfc822" or "msg")."""
    return parse_msg(raw) if fmt == "msg" else parse_rfc822(raw)


def parse_item(item: SourceItem) -> ParsedMessage:
    if item.raw is None:
        return ParsedMessage(raw=b"", raw_format=item.fmt, parse_error=item.error)
    return parse_raw(item.raw, item.fmt)


def iter_sources(paths: list[Path]) -> Iterator[SourceItem]:
    """The messages in ``paths``: files, and folders walked recursively in name order."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield from _file_items(path)


def _walk(folder: Path) -> Iterator[SourceItem]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield SourceItem(str(folder), None, error=f"could not read the folder: {_reason(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            # Symlinked folders are not followed: a link back up would never end the walk.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            # Hidden folders are skipped, except Maildir++ sub-folders (".Sent", ".Archive").
            if not entry.name.startswith(".") or (path / "cur").is_dir():
                yield from _walk(path)
        elif not _skipped(entry.name):
            yield from _file_items(path)


def _skipped(name: str) -> bool:
    lower = name.lower()
    return (
        name.startswith(".")
        or lower.startswith(_BOOKKEEPING_PREFIXES)
        or os.path.splitext(lower)[1] in _BOOKKEEPING_SUFFIXES
    )


def _file_items(path: Path) -> Iterator[SourceItem]:
    label = str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_SIZE)
    except OSError as exc:
        yield SourceItem(label, None, error=f"could not read the file: {_reason(exc)}")
        return
    if suffix == ".msg" or head.startswith(OLE_MAGIC):
        yield _whole_file(path, "msg")
    elif suffix in _EML_SUFFIXES:  # one message, even when a tool saved it with a "From " line
        yield _whole_file(path, "rfc822")
    elif suffix in _MBOX_SUFFIXES or head.removeprefix(UTF8_BOM).startswith(b"From "):
        yield from _mbox_items(path)
    else:
        reason = mail_reason_against(head)
        if reason is None:
            yield _whole_file(path, "rfc822")
        else:
            yield SourceItem(label, None, error=f"not an email file ({reason})")


def _whole_file(path: Path, fmt: Format) -> SourceItem:
    try:
        return SourceItem(str(path), path.read_bytes(), fmt)
    except OSError as exc:
        return SourceItem(str(path), None, fmt, f"could not read the file: {_reason(exc)}")


def _mbox_items(path: Path) -> Iterator[SourceItem]:
    number = 0
    try:
        for number, raw in enumerate(iter_mbox(path), 1):  # noqa: B007 - used after the loop
            yield SourceItem(f"{path}#{number}", raw)
    except OSError as exc:
        yield SourceItem(
            f"{path}#{number + 1}",
            None,
            error=f"could not read the rest of the file: {_reason(exc)}",
        )


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__

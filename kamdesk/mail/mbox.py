"""Splitting an mbox file into messages, streaming.

``mailbox.mbox`` reads the whole file to build a table of contents before the first message and
goes line by line in Python; this reads large chunks and only looks at the places where a line
starts with "From ", which keeps memory to one message plus one chunk and runs at hundreds of
megabytes per second.

Where a message starts: a "From " line at the start of the file or after an empty line, as
every mbox writer puts it (mboxo, mboxrd, mboxcl). Some writers forget the empty line; a "From "
line right after text then starts a message only when it looks like an envelope line (an
address, a time and a year) and the next line is a header. A body line "From the team: ..."
is therefore not a split, and neither is one that mboxo writers failed to quote, unless it is
preceded by an empty line — there the format itself is ambiguous and the writers' rule wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

CHUNK_SIZE = 4 << 20

_SEPARATOR = b"\nFrom "
# "From jean@example.com Mon Jan  8 10:00:00 2024", "From - Sat Jan 03 10:00:00 2009",
# "From 1234@xxx Sat Jan 03 10:00:00 +0000 2009" (Google Takeout).
_ENVELOPE = re.compile(rb"From \S+ [^\n]*\d\d?:\d\d[^\n]* \d{4}\b")
_HEADER = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")
# mboxrd quotes every ">*From " body line with one more ">"; undoing it is harmless for mboxo,
# whose writers quote "From " only.
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def iter_mbox(path: Path) -> Iterator[bytes]:
    """Each message of the mbox file at ``path``, without its "From " envelope line."""
    with path.open("rb") as f:
        yield from split_mbox(iter(lambda: f.read(CHUNK_SIZE), b""))


def split_mbox(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The messages in an mbox given as consecutive chunks of bytes."""
    buf = bytearray()
    start = 0  # where the current message (its envelope line) begins in buf
    search = 0  # where to look for the next "\nFrom "
    eof = False
    while not eof:
        chunk = next(chunks, b"")
        if chunk:
            buf += chunk
        else:
            eof = True
        while True:
            at = buf.find(_SEPARATOR, search)
            if at < 0:
                search = max(start, len(buf) - len(_SEPARATOR) + 1)
                break
            verdict = _starts_message(buf, at, eof)
            if verdict is None:  # the lines after "From " are not read yet
                search = at
                break
            search = at + 1
            if verdict:
                end = _end_before(buf, at)
                if end > start:
                    message = _message(buf, start, end)
                    if message is not None:
                        yield message
                start = at + 1
        if start and not eof:
            # Drop what was yielded; the current message and the unsearched tail stay.
            del buf[:start]
            search -= start
            start = 0
    message = _message(buf, start, len(buf), last=True)
    if message is not None:
        yield message


def _after_blank_line(buf: bytearray, at: int) -> bool:
    """Is the line ending with the newline at ``at`` empty ("\n" or "\r\n")?"""
    if at == 0:
        return True
    before = buf[at - 1]
    return before == 0x0A or (before == 0x0D and (at == 1 or buf[at - 2] == 0x0A))


def _starts_message(buf: bytearray, at: int, eof: bool) -> bool | None:
    """Does the "From " line after the newline at ``at`` start a message? None: need more."""
    if _after_blank_line(buf, at):
        return True
    line_end = buf.find(b"\n", at + 1)
    next_end = buf.find(b"\n", line_end + 1) if line_end >= 0 else -1
    if next_end < 0 and not eof:
        return None
    if line_end < 0:
        return False
    return (
        _ENVELOPE.match(buf, at + 1, line_end) is not None
        and _HEADER.match(buf, line_end + 1) is not None
    )


def _end_before(buf: bytearray, at: int) -> int:
    """Where the message before the "From " line at ``at + 1`` ends: its empty line is not in it."""
    if at == 0:
        return 0
    if buf[at - 1] == 0x0A:
        return at
    if buf[at - 1] == 0x0D and at >= 2 and buf[at - 2] == 0x0A:
        return at - 1
    return at + 1


def _message(buf: bytearray, start: int, end: int, last: bool = False) -> bytes | None:
    if buf.startswith(b"From ", start):
        envelope_end = buf.find(b"\n", start, end)
        start = end if envelope_end < 0 else envelope_end + 1
    data = bytes(buf[start:end])
    if last:  # the writer's empty line after the last message
        if data.endswith(b"\r\n\r\n"):
            data = data[:-2]
        elif data.endswith(b"\n\n"):
            data = data[:-1]
    if not data.strip():
        return None
    if b">From " in data:
        data = _QUOTED_FROM.sub(rb"\1", data)
    return data

"""Cutting a message into its header block and body, and the header block into fields.

The stdlib's feed parser takes longer over a dozen header lines than all the rest of a
single-part message's decoding, and it ends the headers at the first malformed line, dropping
every header below it. Splitting fields is simple enough to do here: the stdlib parser is kept
for MIME structure, where its work is worth its cost.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32

# A field name: printable ASCII but the colon (RFC 5322 section 2.2), as the stdlib accepts it,
# and blanks before the colon, which some mailers write.
_FIELD = re.compile(r"([\x21-\x39\x3b-\x7e]+)[ \t]*:")
# One whole field, continuation lines included. A well-formed block, nearly every one, is read
# in one pass of this regex.
_WHOLE_FIELD = re.compile(
    r"^([\x21-\x39\x3b-\x7e]+)[ \t]*:[ \t]*([^\n]*(?:\n[ \t][^\n]*)*)\n", re.MULTILINE
)


@dataclass
class HeaderBlock:
    """The fields of a header block, in order, names lower-case, values as written."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    clean: bytes = b""  # the block without its malformed lines, for the MIME parser
    body_prefix: bytes = b""  # body lines that came with no blank line after the headers
    dropped: int = 0  # malformed lines left out

    @functools.cached_property
    def by_name(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name, value in self.fields:
            found.setdefault(name, []).append(value)
        return found

    def first(self, name: str) -> str | None:
        found = self.by_name.get(name)
        return found[0] if found else None

    def as_message(self) -> Message:
        """A stdlib message with these headers, for its parameter parsing (RFC 2231 names)."""
        msg = Message(policy=compat32)
        for name, value in self.fields:
            msg.set_raw(name, value)
        return msg


def split_head(text: bytes) -> tuple[bytes, bytes]:
    """The header block (ending with its last line's newline) and the body after the blank line."""
    ends = [at for at in (text.find(b"\n\n"), text.find(b"\n\r\n")) if at >= 0]
    if not ends:
        return (text if text.endswith(b"\n") else text + b"\n"), b""
    at = min(ends)
    blank = 1 if text[at + 1 : at + 2] == b"\n" else 2
    return text[: at + 1], text[at + 1 + blank :]


def read_head(head: bytes) -> HeaderBlock:
    """The fields of a header block; malformed lines are dropped and counted, not fatal.

    Lines after the last field that are not fields were body lines: some mailers leave out
    the blank line after the headers.
    """
    text = head.decode("ascii", "surrogateescape")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    start = text.find("\n") + 1 if text.startswith("From ") else 0  # an mbox envelope line
    matches = list(_WHOLE_FIELD.finditer(text, start))
    if sum(m.end() - m.start() for m in matches) != len(text) - start:
        return _read_malformed_head(head)  # some lines are not fields
    return HeaderBlock(fields=[(m[1].lower(), m[2].rstrip("\r")) for m in matches], clean=head)


def _read_malformed_head(head: bytes) -> HeaderBlock:
    lines = head.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    block = HeaderBlock()
    names: list[str] = []
    parts: list[list[str]] = []
    garbage: list[int] = []
    last = -1  # the last line that belongs to a field
    continuing = False
    for i, raw_line in enumerate(lines):
        line = raw_line.decode("ascii", "surrogateescape").rstrip("\r")
        if line[:1] in (" ", "\t"):
            if continuing:
                parts[-1].append(line)
                last = i
            else:  # the continuation of a malformed line, or of nothing
                garbage.append(i)
            continue
        if i == 0 and line.startswith("From "):  # an mbox envelope line left in
            last = i
            continue
        match = _FIELD.match(line)
        continuing = match is not None
        if match is None:
            garbage.append(i)
            continue
        names.append(match.group(1).lower())
        parts.append([line[match.end() :].lstrip(" \t")])
        last = i
    block.fields = [
        (name, "\n".join(part).replace("\r\n", "\n").rstrip("\r"))
        for name, part in zip(names, parts, strict=True)
    ]
    dropped = {i for i in garbage if i < last}
    rest = lines[last + 1 :]
    block.dropped = len(dropped)
    block.body_prefix = b"\n".join(rest) + b"\n" if rest else b""
    if dropped or rest:
        kept = (line for i, line in enumerate(lines[: last + 1]) if i not in dropped)
        block.clean = b"\n".join(kept) + b"\n"
    else:
        block.clean = head
    return block

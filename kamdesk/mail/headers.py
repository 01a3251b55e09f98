"""Reading header values: encoded words, addresses, Message-IDs and dates.

Values come as they were in the file (see ``header_block``): folded, with undeclared 8-bit
bytes kept as surrogate escapes. The decoding is ours, not ``email.header.decode_header``:
there, one bad base64 word raises and loses the whole value, and the text between words comes
back as raw-unicode-escape bytes. Here a broken piece (a bad word, an unknown charset) costs
only that piece, and each problem is told in ``notes`` in plain words instead of raising.
"""

from __future__ import annotations

import binascii
import datetime as dt
import functools
import re
from email.utils import getaddresses, parsedate_to_datetime

from kamdesk.mail.charsets import decode_text

# RFC 2047 encoded words. The encoded text may hold spaces here: some mailers
# forget to encode them, and accepting those words costs nothing.
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([qQbB])\?([^?]*)\?=")
_BASE64_JUNK = re.compile(r"[^A-Za-z0-9+/=\s]")
_FOLD = re.compile(r"\r?\n")
_ANGLE_ID = re.compile(r"<([^<>]*)>")
_SPACES = re.compile(r"\s+")
# "Tue, 12 Mar 2024 14:05:31 +0100 (CET)"; "-0000" (zone unknown) is left to the stdlib.
_USUAL_DATE = re.compile(
    r"(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d\d):(\d\d)(?::(\d\d))?"
    r" ([+-](?!0000)\d{4})(?: \([^()]*\))?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# The address lists almost every message has ("a@b", "Name <a@b>", "\"Last, First\" <a@b>"),
# read by one regex: the stdlib's character-by-character parser takes most of the time of a
# whole message otherwise. Anything else (comments, groups, escapes) goes to the stdlib.
_SIMPLE_ADDRESS = re.compile(
    r"""[ \t]*(?:
        (?:"(?P<quoted>[^"\\]*)"|(?P<plain>[^"<>(),;:@\\]*?))[ \t]*<(?P<angled>[^<>\s@",]+@[^<>\s",;:]+)>
        |(?P<bare>[^<>\s@",();:]+@[^<>\s",();:]+)
    )[ \t]*(?:,|$)""",
    re.VERBOSE,
)


def unfold(value: str) -> str:
    return _FOLD.sub("", value) if "\n" in value else value


def fix_8bit(value: str, notes: list[str], what: str) -> str:
    """Turn raw 8-bit bytes in a header (surrogate escapes) into text."""
    if value.isascii():
        return value
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value  # already text
    text, problem = decode_text(data, None, what)
    if problem:
        notes.append(problem)
    return text


def _word_bytes(encoding: str, encoded: str) -> bytes | None:
    if encoding in "qQ":
        return binascii.a2b_qp(encoded.encode("utf-8"), header=True)
    if _BASE64_JUNK.search(encoded):
        return None
    letters = "".join(encoded.split()).rstrip("=")
    if len(letters) % 4 == 1:
        return None
    try:
        return binascii.a2b_base64(letters + "=" * (-len(letters) % 4))
    except binascii.Error:
        return None


def decode_words(value: str, notes: list[str], what: str) -> str:
    """Decode the RFC 2047 encoded words in ``value``; a broken word is kept as written."""
    if "=?" not in value:
        return value
    whole = _ENCODED_WORD.fullmatch(value.strip())
    if whole is not None:  # the usual case: one word, e.g. a display name
        data = _word_bytes(whole[2], whole[3])
        if data is not None:
            text, problem = decode_text(data, whole[1], what)
            if problem:
                notes.append(problem)
            return text
    out: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None
    after_word = False
    pos = 0

    def flush() -> None:
        nonlocal pending, pending_charset
        if pending_charset is not None:
            text, problem = decode_text(bytes(pending), pending_charset, what)
            if problem:
                notes.append(problem)
            out.append(text)
        pending, pending_charset = bytearray(), None

    for match in _ENCODED_WORD.finditer(value):
        gap = value[pos : match.start()]
        pos = match.end()
        # Blanks between two encoded words are folding, not text (RFC 2047 section 6.2).
        if gap and not (after_word and gap.isspace()):
            flush()
            out.append(gap)
        charset, encoding, encoded = match.groups()
        data = _word_bytes(encoding, encoded)
        if data is None:
            flush()
            notes.append(f"broken encoded word in {what}")
            out.append(match.group(0))
            after_word = False
            continue
        # Consecutive words in one charset are decoded together: mailers split multibyte
        # characters across words.
        if pending_charset is not None and charset.lower() != pending_charset.lower():
            flush()
        pending += data
        pending_charset = charset
        after_word = True
    flush()
    out.append(value[pos:])
    return "".join(out)


def header_text(value: str, notes: list[str], what: str) -> str:
    """A header value as readable text: unfolded, 8-bit fixed, encoded words decoded."""
    return decode_words(fix_8bit(unfold(value), notes, what), notes, what)


def single_line(text: str) -> str:
    return " ".join(text.split())


def addresses(values: list[str], notes: list[str], what: str) -> list[tuple[str | None, str]]:
    """(display name or None, lower-case address) for each address in the header values."""
    cleaned = [fix_8bit(unfold(value), notes, what) for value in values]
    pairs = _simple_addresses(cleaned)
    if pairs is None:
        try:
            pairs = getaddresses(cleaned)
        except Exception:  # getaddresses is lenient, but its inputs here are anyone's
            notes.append(f"{what} header unreadable")
            return []
    found: list[tuple[str | None, str]] = []
    for name, address in pairs:
        address = address.strip().lower()
        if "@" not in address:
            continue
        display = single_line(decode_words(name, notes, what)).strip("'\" ")
        found.append((display if display and display.lower() != address else None, address))
    return found


def _simple_addresses(values: list[str]) -> list[tuple[str, str]] | None:
    """(name, address) pairs like getaddresses gives, or None when a value is not simple."""
    pairs: list[tuple[str, str]] = []
    for value in values:
        pos = 0
        end = len(value.rstrip())
        while pos < end:
            match = _SIMPLE_ADDRESS.match(value, pos)
            if match is None or match.end() == pos:
                return None
            if match["bare"]:
                pairs.append(("", match["bare"]))
            else:
                pairs.append((match["quoted"] or match["plain"] or "", match["angled"]))
            pos = match.end()
    return pairs


def message_ids(value: str) -> list[str]:
    """The Message-IDs in a header value, without ``<>``, in order and without repeats."""
    found = _ANGLE_ID.findall(value)
    if not found:
        # Some mailers drop the brackets; comments and words without "@" are not ids.
        found = [token for token in value.split() if "@" in token]
    ids = (_SPACES.sub("", item) if " " in item or "\t" in item else item for item in found)
    return list(dict.fromkeys(item.strip("<>") for item in ids if item.strip("<>")))


def first_message_id(value: str) -> str | None:
    """The first Message-ID in a header value (In-Reply-To sometimes holds several)."""
    match = _ANGLE_ID.search(value)
    if match is not None and match[1].strip() and not _SPACES.search(match[1].strip()):
        return match[1].strip()
    ids = message_ids(value)
    return ids[0] if ids else None


def _usual_date(value: str) -> dt.datetime | None:
    """The date in the form nearly every mailer writes, without the stdlib's general parser."""
    match = _USUAL_DATE.fullmatch(value)
    if match is None:
        return None
    day, month, year, hour, minute, second, zone = match.groups()
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.datetime(
            int(year),
            number,
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=_zone(zone),
        )
    except ValueError:  # "31 Feb": let the stdlib have its say
        return None


@functools.lru_cache(maxsize=64)
def _zone(zone: str) -> dt.tzinfo:
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
    return dt.timezone(-offset if zone[0] == "-" else offset)


def sent_at(value: str | None, notes: list[str]) -> dt.datetime | None:
    """The Date header as an aware UTC datetime (a date without zone is taken as UTC)."""
    if value is None:
        notes.append("Date header missing")
        return None
    value = single_line(unfold(value))
    try:
        parsed = _usual_date(value) or parsedate_to_datetime(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.astimezone(dt.UTC)
    except Exception:  # ValueError, TypeError or OverflowError (year 1 at +0100)
        notes.append(f"Date header unreadable: {value[:60]!r}")
        return None

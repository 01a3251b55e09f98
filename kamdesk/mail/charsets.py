"""Turning mail bytes into text when the declared charset is missing, wrong or unknown.

Mail lies about its charset often enough that a strict decode is only the first try. The order
of the fallbacks matters more than the detector: UTF-8 is tried first because random bytes are
almost never valid UTF-8; then windows-1252, when the text looks Western European (kamdesk's
users write French, and short Western texts are where charset-normalizer guesses worst, e.g.
cp1250 for plain French); then charset-normalizer for the rest (Cyrillic, Greek, Asian...);
finally windows-1252 with replacement characters, which never fails.
"""

from __future__ import annotations

import codecs
import functools
import re

from charset_normalizer import from_bytes

# Labels mail clients use that Python does not know, or knows as a narrower charset than the
# one actually meant (browsers and mail clients decode "iso-8859-1" as windows-1252, and
# "gb2312" as its superset).
_ALIASES = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "ascii",
    "ansi_x3.4-1968": "ascii",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "windows-874": "cp874",
    "x-user-defined": "windows-1252",
    "unicode-1-1-utf-7": "utf-7",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "utf8": "utf-8",
}

# Python codecs that decode bytes but are not charsets a message could mean; a charset label
# naming one of them is as good as unknown.
_NOT_CHARSETS = frozenset(
    {"unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined", "mbcs", "oem"}
)

# Non-ASCII characters that Western European text decoded as windows-1252 is made of. A text
# whose other non-ASCII characters (e.g. "¹", "³" from Polish cp1250) fall outside this set is
# not windows-1252.
_WESTERN = frozenset(
    "àâäáãåæçèéêëìíîïñòóôöõøùúûüýÿœšžßðþÀÂÄÁÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜÝŸŒŠŽÐÞ"
    "€‘’‚“”„–—…«»°·•©®™§¶×÷¡¿£¥¢\xa0ªº½¼¾"
)
# Western words carry one or two accented letters; Cyrillic or Greek decoded as windows-1252
# gives whole words of them ("Ïðèâåò").
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{4,}")
_MAIL_CODE_PAGES = ("cp125", "cp874", "cp932", "cp936", "cp949", "cp950", "iso8859", "koi8", "gb")


def charset_label(charset: str | None) -> str:
    """A readable name for a charset label, for messages ("windows-1252", "UTF-8")."""
    if not charset:
        return "no charset"
    name = charset.strip().strip("\"'").lower()
    return "UTF-8" if name in ("utf-8", "utf8", "utf_8") else name


@functools.lru_cache(maxsize=256)
def python_codec(charset: str | None) -> str | None:
    """The Python codec name for a MIME charset label, or None when it is unknown."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    # RFC 2231 allows a language after the charset ("utf-8*fr").
    name = _ALIASES.get(name.split("*", 1)[0], name.split("*", 1)[0])
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def _looks_western(text: str) -> bool:
    odd = set(_NON_ASCII.findall(text)) - _WESTERN
    return not odd and _NON_ASCII_RUN.search(text) is None


def guess_decode(data: bytes) -> tuple[str, str]:
    """Decode bytes whose charset is unknown: (text, the charset used, for messages)."""
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("windows-1252")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_western(text):
        return text, "windows-1252"
    # Mail that lies about its charset comes from Windows or old Unix far more often than from
    # a Mac: among the guesses that read equally cleanly, a Windows or ISO code page wins over
    # e.g. mac_cyrillic, which charset-normalizer may rank first for plain Russian.
    results = list(from_bytes(data))
    if results:
        cleanest = min(result.chaos for result in results)
        best = min(
            (r for r in results if r.chaos <= cleanest + 0.01),
            key=lambda r: (
                not any(name.startswith(_MAIL_CODE_PAGES) for name in r.could_be_from_charset)
            ),
        )
        return str(best), best.encoding
    return data.decode("windows-1252", errors="replace"), "windows-1252"


def decode_text(data: bytes, charset: str | None, what: str = "text") -> tuple[str, str | None]:
    """Decode ``data`` declared as ``charset``: (text, None) or (text, what went wrong).

    ``what`` names the thing being decoded in the message ("text", "HTML", "Subject header").
    """
    codec = python_codec(charset)
    if codec is not None:
        try:
            return data.decode(codec), None
        except Exception:  # UnicodeDecodeError, or a codec that breaks on junk (utf-7)
            pass
    if data.isascii():
        return data.decode("ascii"), None  # whatever the label said, ASCII reads the same
    text, used = guess_decode(data)
    label = (charset or "").strip().strip("\"'").lower()
    if not label or codec == "ascii" or label in ("unknown-8bit", "x-unknown-8bit"):
        # Undeclared but valid UTF-8 is common and unambiguous: not worth a warning.
        return text, None if used == "UTF-8" else f"undeclared 8-bit {what} decoded as {used}"
    if codec is None:
        return text, f"unknown charset {charset!r} in {what}; decoded as {used} (guessed)"
    name = charset_label(charset)
    return text, f"{what} declared as {name} is not valid {name}; decoded as {used} (guessed)"

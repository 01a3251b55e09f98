"""Short forms of a message body for the timeline."""

from __future__ import annotations

SNIPPET = 280
# "Le lun. 3 mars, X a écrit :" / "On Mon, X wrote:" introduces the quoted message.
ATTRIBUTION_ENDS = ("a écrit :", "a écrit:", "wrote:")
ORIGINAL_MESSAGE_MARKS = (
    "-----Original Message-----",
    "-----Message d'origine-----",
    "-------- Message original --------",
    "-------- Original Message --------",
)


def own_words(text: str | None) -> str:
    """What the writer wrote: the text without the quoted message it answers.

    What is stored for search and the timeline; the preview re-reads the original. Indexing each
    reply's quote of the whole conversation again would grow the index with the square of a
    thread's length for nothing: the quoted messages are indexed themselves.
    """
    if not text:
        return ""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if stripped.endswith(ATTRIBUTION_ENDS) or stripped in ORIGINAL_MESSAGE_MARKS:
            break
        kept.append(line)
    return "\n".join(kept).strip()


def snippet(text: str | None, length: int = SNIPPET) -> str | None:
    """The first words of what was written: quoted replies (``>``) and blank lines left out."""
    if not text:
        return None
    lines = []
    size = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(">"):
            continue
        if stripped.endswith(ATTRIBUTION_ENDS) or stripped in ORIGINAL_MESSAGE_MARKS:
            break
        lines.append(" ".join(stripped.split()))
        size += len(lines[-1]) + 1
        if size >= length:
            break
    joined = " ".join(lines)
    if len(joined) > length:
        joined = joined[: length - 1].rstrip() + "…"
    return joined or None

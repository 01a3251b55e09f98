"""Full-text index (SQLite FTS5) over accounts, contacts and interactions.

One external-content FTS5 table per source table, kept current by triggers. ``remove_diacritics 2``
makes "societe generale" find "Société Générale". Soft-deleted rows stay indexed; searches join
the source table and skip tombstones, so a restore needs no reindex.

Alembic batch migrations recreate tables on SQLite, which drops triggers and renumbers rowids:
a migration that touches an indexed table must call ``install(connection)`` afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

TOKENIZER = "unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class FtsSource:
    table: str
    columns: tuple[str, ...]

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"


# Each migration that changes the index installs its own frozen definition.
SOURCES_V1 = (
    FtsSource("accounts", ("name", "legal_name", "sector", "description")),
    FtsSource("contacts", ("first_name", "last_name", "job_title", "department", "email")),
    FtsSource("interactions", ("subject", "body")),
)
SOURCES = (*SOURCES_V1, FtsSource("opportunities", ("title", "description", "next_step")))
# Prefix indexes for 2- and 3-character prefixes: "mi" or "mic" typed in the search box would
# otherwise merge the posting lists of every term that starts so, over a million activities.
PREFIXES = "2 3"


def _statements(src: FtsSource, prefixes: str | None) -> list[str]:
    cols = ", ".join(src.columns)
    new_vals = ", ".join(f"new.{c}" for c in src.columns)
    old_vals = ", ".join(f"old.{c}" for c in src.columns)
    fts = src.fts_table
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"content='{src.table}', content_rowid='rowid', tokenize='{TOKENIZER}'"
        + (f", prefix='{prefixes}')" if prefixes else ")"),
        f"DROP TRIGGER IF EXISTS {src.table}_fts_ai",
        f"DROP TRIGGER IF EXISTS {src.table}_fts_ad",
        f"DROP TRIGGER IF EXISTS {src.table}_fts_au",
        f"CREATE TRIGGER {src.table}_fts_ai AFTER INSERT ON {src.table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_vals}); END",
        f"CREATE TRIGGER {src.table}_fts_ad AFTER DELETE ON {src.table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old_vals}); END",
        # Only reindex when an indexed column changed: most updates (hlc, stance…) do not.
        f"CREATE TRIGGER {src.table}_fts_au AFTER UPDATE OF {cols} ON {src.table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old_vals}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_vals}); END",
    ]


def install(
    connection: Connection,
    sources: tuple[FtsSource, ...] = SOURCES,
    prefixes: str | None = PREFIXES,
) -> None:
    """Create (or recreate) the FTS tables and triggers, and rebuild the index from the sources."""
    for src in sources:
        for statement in _statements(src, prefixes):
            connection.execute(text(statement))
        connection.execute(text(f"INSERT INTO {src.fts_table}({src.fts_table}) VALUES ('rebuild')"))


def uninstall(connection: Connection, sources: tuple[FtsSource, ...] = SOURCES) -> None:
    for src in sources:
        for suffix in ("ai", "ad", "au"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS {src.table}_fts_{suffix}"))
        connection.execute(text(f"DROP TABLE IF EXISTS {src.fts_table}"))


def fts_table_names() -> set[str]:
    """The FTS tables and their shadow tables, which schema comparison must ignore."""
    names = set()
    for src in SOURCES:
        names.add(src.fts_table)
        for shadow in ("data", "idx", "docsize", "config", "content"):
            names.add(f"{src.fts_table}_{shadow}")
    return names


def words(text: str) -> list[str]:
    """What the user typed, as words safe inside an FTS5 string.

    Nothing but letters and digits survives, so no input is FTS syntax (quotes, AND/OR/NOT,
    NEAR, ``*``, ``^``, ``:``, parentheses); punctuation inside a word separates its tokens, as
    the index's tokenizer does: "Marc-Antoine" → "marc antoine", "l'Oréal" → "l oréal".
    """
    found = []
    for raw in text.split():
        word = " ".join("".join(ch if ch.isalnum() else " " for ch in raw).split())
        if word:
            found.append(word)
    return found


def match_expression(user_text: str | list[str], *, short_prefixes: bool = True) -> str | None:
    """A safe FTS5 query: every word a quoted phrase whose last token is a prefix ("miche" →
    Michel). None when nothing searchable is left.

    Without ``short_prefixes``, a word whose last token has one character is matched whole
    ("l a" stays a phrase of two tokens), or left out when it is that one character alone: "d*"
    would merge the posting lists of thousands of words.
    """
    terms = []
    for word in words(user_text) if isinstance(user_text, str) else user_text:
        tokens = word.split()
        if short_prefixes or len(tokens[-1]) > 1:
            terms.append('"' + word + '"*')
        elif len(tokens) > 1:
            terms.append('"' + word + '"')
    return " ".join(terms) if terms else None

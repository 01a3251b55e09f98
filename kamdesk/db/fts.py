"""Full-text index (SQLite FTS5) over accounts, contacts, opportunities, interactions, emails.

One external-content FTS5 table per source table, kept current by triggers. ``remove_diacritics 2``
makes "societe generale" find "Société Générale". Soft-deleted rows stay indexed; searches join
the source table and skip tombstones, so a restore needs no reindex.

Alembic batch migrations recreate tables on SQLite, which drops triggers and renumbers rowids:
a migration that touches an indexed table must call ``install(connection)`` afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

TOKENIZER = "unicode61 remove_diacritics 2"


# Prefix indexes for 2- and 3-character prefixes: "mi" or "mic" typed in the search box would
# otherwise merge the posting lists of every term that starts so, over a million activities.
PREFIXES = "2 3"


@dataclass(frozen=True)
class FtsSource:
    table: str
    columns: tuple[str, ...]
    prefixes: str | None = PREFIXES
    # Index only the rows meeting this condition ("{row}" stands for new/old in the triggers).
    only_if: str | None = None

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"


# Each migration that changes the index installs its own frozen definition.
SOURCES_V1 = (
    FtsSource("accounts", ("name", "legal_name", "sector", "description")),
    FtsSource("contacts", ("first_name", "last_name", "job_title", "department", "email")),
    FtsSource("interactions", ("subject", "body")),
)
SOURCES_V2 = (*SOURCES_V1, FtsSource("opportunities", ("title", "description", "next_step")))
# Emails carry ten times the words of an activity: prefix indexes would make a mail import a third
# slower, for a table that stays far smaller than the activities.
MAIL_SOURCE = FtsSource("emails", ("subject", "text", "from_name", "from_address"), prefixes=None)
# A linked email's timeline activity repeats the email's subject and first words: search finds
# the email itself, and indexing the copy would double the cost of a mail import.
INTERACTIONS_V3 = FtsSource("interactions", ("subject", "body"), only_if="{row}.email_id IS NULL")
SOURCES = (
    SOURCES_V2[0],
    SOURCES_V2[1],
    INTERACTIONS_V3,
    SOURCES_V2[3],
    MAIL_SOURCE,
)
_KEEP = "keep"  # install(): each source's own prefixes


def _statements(src: FtsSource, prefixes: str | None) -> list[str]:
    cols = ", ".join(src.columns)
    new_vals = ", ".join(f"new.{c}" for c in src.columns)
    old_vals = ", ".join(f"old.{c}" for c in src.columns)
    fts = src.fts_table
    if src.only_if is not None:
        new_if = src.only_if.format(row="new")
        old_if = src.only_if.format(row="old")
        insert_new = (
            f"INSERT INTO {fts}(rowid, {cols}) SELECT new.rowid, {new_vals} WHERE {new_if};"
        )
        delete_old = (
            f"INSERT INTO {fts}({fts}, rowid, {cols}) "
            f"SELECT 'delete', old.rowid, {old_vals} WHERE {old_if};"
        )
        au_columns = f"{cols}, {_condition_columns(src)}"
    else:
        insert_new = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_vals});"
        delete_old = (
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old_vals});"
        )
        au_columns = cols
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"content='{src.table}', content_rowid='rowid', tokenize='{TOKENIZER}'"
        + (f", prefix='{prefixes}')" if prefixes else ")"),
        f"DROP TRIGGER IF EXISTS {src.table}_fts_ai",
        f"DROP TRIGGER IF EXISTS {src.table}_fts_ad",
        f"DROP TRIGGER IF EXISTS {src.table}_fts_au",
        f"CREATE TRIGGER {src.table}_fts_ai AFTER INSERT ON {src.table} BEGIN {insert_new} END",
        f"CREATE TRIGGER {src.table}_fts_ad AFTER DELETE ON {src.table} BEGIN {delete_old} END",
        # Only reindex when an indexed column changed: most updates (hlc, stance…) do not.
        f"CREATE TRIGGER {src.table}_fts_au AFTER UPDATE OF {au_columns} ON {src.table} "
        f"BEGIN {delete_old} {insert_new} END",
    ]


def _condition_columns(src: FtsSource) -> str:
    """The columns ``only_if`` reads: changing them moves a row in or out of the index."""
    assert src.only_if is not None
    return ", ".join(dict.fromkeys(re.findall(r"\{row\}\.(\w+)", src.only_if)))


def install(
    connection: Connection,
    sources: tuple[FtsSource, ...] = SOURCES,
    prefixes: str | None = _KEEP,
    *,
    rebuild: bool = True,
) -> None:
    """Create (or recreate) the FTS tables and triggers, and rebuild the index from the sources.

    ``prefixes`` overrides the sources' own (the first migrations' frozen choices); without
    ``rebuild`` only the triggers are replaced, for a change that leaves the indexed rows as
    they are.
    """
    for src in sources:
        chosen = src.prefixes if prefixes == _KEEP else prefixes
        for statement in _statements(src, chosen):
            connection.execute(text(statement))
        if not rebuild:
            continue
        fts = src.fts_table
        connection.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
        if src.only_if is not None:
            # 'rebuild' indexes every row: take out those the triggers leave out.
            cols = ", ".join(src.columns)
            skipped = f"NOT ({src.only_if.format(row=src.table)})"
            connection.execute(
                text(
                    f"INSERT INTO {fts}({fts}, rowid, {cols}) "
                    f"SELECT 'delete', rowid, {cols} FROM {src.table} WHERE {skipped}"
                )
            )


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

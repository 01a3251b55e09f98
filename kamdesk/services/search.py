"""Global search (Ctrl+K): accounts, contacts, opportunities, activities and emails in one query.

Matching uses the FTS5 index of ``kamdesk.db.fts``: accents and case do not matter, every word
is a prefix ("miche" finds Michel), and whatever the user types is quoted, so no input can raise
an FTS syntax error.

Ranking, per kind, at most ``per_kind`` hits (one more is fetched to know whether there are more):

1. *name* matches — the name starts with the typed words ("vallorex" → "Vallorex Santé"; for a
   contact the first name, the last name, "first last" or "last first"); an exact name comes
   first, then shorter names (closer to what was typed), then alphabetical;
2. then the other matches by bm25 (name columns weigh most). Accounts, contacts and opportunities
   are small tables, so bm25 over every match stays cheap; it runs only when the names did not
   fill the group.

Activities (a million on a manager's replica) are never ranked: a common word matches most of
them and bm25 over that set costs ~0.4 s. They come newest first instead — ``ORDER BY rowid DESC
LIMIT n`` lets FTS5 walk its posting lists backwards and stop after n live rows. Rowids grow with
insertion, so this reads the ``ACTIVITY_WINDOW`` most recently *recorded* matches and shows the
latest by date among them (an old mail imported today does not push out this week's call).

Very short words: FTS5 has prefix indexes for 2 and 3 characters only, and a one-character
prefix ("a*", "d*") merges the posting lists of thousands of words (~0.2 s over a million
activities). So when no word has two characters yet, only account and contact *names* are
searched ("M" lists the accounts and people whose name starts with M); in longer input,
one-character words are left out of the activity query (they match nearly every activity).
Only the first ``MAX_WORDS`` words count: a pasted paragraph stays a fast search.

Soft-deleted rows never show, nor the contacts, opportunities and activities of a deleted account.
``SearchSession`` owns a read-only connection whose running query ``cancel()`` interrupts.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamdesk.db.fts import match_expression, words

ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY = "account", "contact", "opportunity", "activity"
EMAIL = "email"
KINDS = (ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, EMAIL)

# How a hit matched, best first.
EXACT, NAME, TEXT = 0, 1, 2

PER_KIND = 8
ACTIVITY_WINDOW = 50  # the most recently recorded matches, among which the newest are shown
MAX_NAME_SPLITS = 4  # "first last" splits tried for contacts; more words are not a name
MAX_WORDS = 8  # a pasted paragraph would cost a prefix scan per word; 8 words narrow enough


class SearchCancelled(Exception):
    """The search was cancelled (a newer one replaced it) before it finished."""


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    id: str
    account_id: str  # the account to open: the account itself, or the record's account;
    # "" for an email that is not linked yet (it opens in the review queue)
    title: str  # account / contact name, opportunity title, activity subject
    account_name: str | None  # the record's account; for an account, its group (if any)
    detail: str | None = None  # account: sector; contact: job title; opportunity: stage name;
    # activity: kind code (call, meeting…); email: the sender
    when: dt.date | dt.datetime | None = None  # activity: occurred at; opportunity: expected close
    amount_cents: int | None = None  # opportunity
    currency: str | None = None
    match: int = TEXT  # EXACT, NAME or TEXT

    @property
    def subtitle(self) -> str:
        """Plain, untranslated context for the CLI and logs; the GUI composes its own."""
        when = self.when.date() if isinstance(self.when, dt.datetime) else self.when
        amount = f"{self.amount_cents / 100:.2f} {self.currency}" if self.amount_cents else None
        if self.kind in (ACTIVITY, EMAIL):
            parts = [when.isoformat() if when else None, self.detail, self.account_name]
        elif self.kind == OPPORTUNITY:
            parts = [self.detail, amount, self.account_name]
        else:
            parts = [self.detail, self.account_name]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class KindResults:
    kind: str
    hits: tuple[SearchHit, ...]
    more: bool  # more matches than shown


@dataclass(frozen=True)
class SearchResults:
    text: str  # the text these results answer
    groups: tuple[KindResults, ...]  # one per kind, in KINDS order (empty groups included)

    def group(self, kind: str) -> KindResults:
        return next(g for g in self.groups if g.kind == kind)

    @property
    def hits(self) -> list[SearchHit]:
        return [hit for group in self.groups for hit in group.hits]

    def __bool__(self) -> bool:
        return any(group.hits for group in self.groups)


def empty_results(text: str) -> SearchResults:
    return SearchResults(text, tuple(KindResults(kind, (), False) for kind in KINDS))


# -- words ------------------------------------------------------------------------------------


def fold(text: str) -> tuple[str, ...]:
    """Tokens as the index sees them: no accents, no case, split on anything not alphanumeric."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return tuple("".join(ch if ch.isalnum() else " " for ch in plain).split())


def _phrase(ws: Sequence[str]) -> str:
    # ^ anchors the phrase at the start of the column; its last token is a prefix.
    return '^"' + " ".join(ws) + '"*'


# -- queries ----------------------------------------------------------------------------------

_ACCOUNTS = """
SELECT a.rowid, a.id, a.name, a.sector, g.name, {order}
FROM accounts_fts JOIN accounts a ON a.rowid = accounts_fts.rowid
LEFT JOIN accounts g ON g.id = a.parent_id AND g.deleted_at IS NULL
WHERE accounts_fts MATCH ? AND a.deleted_at IS NULL
ORDER BY 6, a.name LIMIT ?"""

_CONTACTS = """
SELECT c.rowid, c.id, c.account_id, c.first_name, c.last_name, c.job_title, a.name, {order}
FROM contacts_fts JOIN contacts c ON c.rowid = contacts_fts.rowid
JOIN accounts a ON a.id = c.account_id
WHERE contacts_fts MATCH ? AND c.deleted_at IS NULL AND a.deleted_at IS NULL
ORDER BY 8, c.last_name, c.first_name LIMIT ?"""

_OPPORTUNITIES = """
SELECT o.rowid, o.id, o.account_id, o.title, s.name, o.expected_close, o.amount_cents,
       o.currency, a.name, {order}
FROM opportunities_fts JOIN opportunities o ON o.rowid = opportunities_fts.rowid
JOIN accounts a ON a.id = o.account_id
LEFT JOIN stages s ON s.id = o.stage_id
WHERE opportunities_fts MATCH ? AND o.deleted_at IS NULL AND a.deleted_at IS NULL
ORDER BY 10, o.title LIMIT ?"""

_ACTIVITIES = """
SELECT i.id, i.account_id, i.subject, i.kind, i.occurred_at, a.name
FROM interactions_fts JOIN interactions i ON i.rowid = interactions_fts.rowid
JOIN accounts a ON a.id = i.account_id
WHERE interactions_fts MATCH ? AND i.deleted_at IS NULL AND a.deleted_at IS NULL
AND i.email_id IS NULL
ORDER BY interactions_fts.rowid DESC LIMIT ?"""

# Emails (linked or waiting in the review queue), newest recorded first like activities. A
# linked email's timeline activity is left out of the activities above: one hit per message.
_EMAILS = """
SELECT e.id, coalesce(e.account_id, ''), e.subject, coalesce(e.from_name, e.from_address),
       e.sent_at, a.name
FROM emails_fts JOIN emails e ON e.rowid = emails_fts.rowid
LEFT JOIN accounts a ON a.id = e.account_id
WHERE emails_fts MATCH ? AND e.deleted_at IS NULL AND e.link_state != 'ignored'
AND (a.id IS NULL OR a.deleted_at IS NULL)
ORDER BY emails_fts.rowid DESC LIMIT ?"""

# bm25 column weights: the name columns count most.
_BM25 = {
    ACCOUNT: "bm25(accounts_fts, 10.0, 5.0, 1.0, 1.0)",
    CONTACT: "bm25(contacts_fts, 6.0, 8.0, 2.0, 1.0, 2.0)",
    OPPORTUNITY: "bm25(opportunities_fts, 8.0, 1.0, 1.0)",
}

Row = tuple[Any, ...]
Probe = tuple[str, str]  # (FTS query, SQL expression: the length of the matched name)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


class _Search:
    def __init__(
        self,
        conn: sqlite3.Connection,
        text: str,
        per_kind: int,
        is_cancelled: Callable[[], bool] | None,
    ) -> None:
        self.conn = conn
        self.words = words(text)[:MAX_WORDS]
        self.typed = fold(" ".join(self.words))
        self.limit = per_kind + 1  # one more than shown: is there more?
        self.per_kind = per_kind
        self.is_cancelled = is_cancelled
        self.names_only = all(len(token) < 2 for token in " ".join(self.words).split())

    def rows(self, sql: str, query: str, limit: int) -> list[Row]:
        if self.is_cancelled is not None and self.is_cancelled():
            raise SearchCancelled
        return self.conn.execute(sql, (query, limit)).fetchall()

    def ranked(
        self,
        kind: str,
        sql: str,
        probes: Sequence[Probe],
        exact: Callable[[Row], bool],
        make: Callable[[Row, int], SearchHit],
    ) -> KindResults:
        """Name matches (exact first, then shortest), then the rest of the matches by bm25."""
        best: dict[int, tuple[tuple[Any, ...], SearchHit]] = {}
        for query, length in probes:
            for row in self.rows(sql.format(order=length), query, self.limit):
                hit = make(row, EXACT if exact(row) else NAME)
                key = (hit.match, row[-1], hit.title.casefold())
                if row[0] not in best or key < best[row[0]][0]:
                    best[row[0]] = (key, hit)
        hits = [hit for _, hit in sorted(best.values(), key=lambda item: item[0])][: self.limit]
        if len(hits) < self.limit and not self.names_only:
            seen = set(best)
            text_query = match_expression(self.words)
            assert text_query is not None  # there are words
            bm25 = sql.format(order=_BM25[kind])
            for row in self.rows(bm25, text_query, self.limit + len(seen)):
                if row[0] not in seen and len(hits) < self.limit:
                    hits.append(make(row, TEXT))
        return KindResults(kind, tuple(hits[: self.per_kind]), len(hits) > self.per_kind)

    # -- kinds --------------------------------------------------------------------------------
    def accounts(self) -> KindResults:
        probe = ("{name} : " + _phrase(self.words), "length(a.name)")

        def make(row: Row, match: int) -> SearchHit:
            return SearchHit(ACCOUNT, row[1], row[1], row[2], row[4], row[3], match=match)

        return self.ranked(ACCOUNT, _ACCOUNTS, [probe], lambda r: fold(r[2]) == self.typed, make)

    def contacts(self) -> KindResults:
        ws = self.words
        probes = [
            ("{last_name} : " + _phrase(ws), "length(c.last_name)"),
            ("{first_name} : " + _phrase(ws), "length(c.first_name)"),
        ]
        both = "length(c.first_name) + 1 + length(c.last_name)"
        for split in range(1, min(len(ws), MAX_NAME_SPLITS)):
            head, tail = _phrase(ws[:split]), _phrase(ws[split:])
            probes.append((f"{{first_name}} : {head} AND {{last_name}} : {tail}", both))
            probes.append((f"{{last_name}} : {head} AND {{first_name}} : {tail}", both))

        def exact(row: Row) -> bool:
            first, last = fold(row[3] or ""), fold(row[4] or "")
            return self.typed in (first, last, first + last, last + first)

        def make(row: Row, match: int) -> SearchHit:
            name = f"{row[3] or ''} {row[4] or ''}".strip()
            return SearchHit(CONTACT, row[1], row[2], name, row[6], row[5], match=match)

        return self.ranked(CONTACT, _CONTACTS, probes, exact, make)

    def opportunities(self) -> KindResults:
        probe = ("{title} : " + _phrase(self.words), "length(o.title)")

        def make(row: Row, match: int) -> SearchHit:
            return SearchHit(
                OPPORTUNITY,
                row[1],
                row[2],
                row[3],
                row[8],
                row[4],
                when=_date(row[5]),
                amount_cents=row[6],
                currency=row[7],
                match=match,
            )

        return self.ranked(
            OPPORTUNITY, _OPPORTUNITIES, [probe], lambda r: fold(r[3]) == self.typed, make
        )

    def activities(self, kind: str = ACTIVITY, sql: str = _ACTIVITIES) -> KindResults:
        query = match_expression(self.words, short_prefixes=False)
        if query is None:
            return KindResults(kind, (), False)
        rows = self.rows(sql, query, max(self.limit, ACTIVITY_WINDOW))
        # Stored dates are ISO text in UTC, so they sort as text; an activity recorded late
        # (an old mail imported today) gives way to one that happened later.
        rows.sort(key=lambda r: str(r[4] or ""), reverse=True)
        hits = tuple(
            SearchHit(kind, r[0], r[1], r[2] or "", r[5], r[3], when=_datetime(r[4]))
            for r in rows[: self.per_kind]
        )
        return KindResults(kind, hits, len(rows) > self.per_kind)

    def run(self, text: str) -> SearchResults:
        if not self.words:
            return empty_results(text)
        groups = [self.accounts(), self.contacts()]
        if self.names_only:
            groups += [KindResults(kind, (), False) for kind in (OPPORTUNITY, ACTIVITY, EMAIL)]
        else:
            groups += [self.opportunities(), self.activities(), self.activities(EMAIL, _EMAILS)]
        return SearchResults(text, tuple(groups))


def _dbapi(conn: Any) -> sqlite3.Connection:
    """A DB-API sqlite3 connection, from itself or from a SQLAlchemy Connection."""
    if isinstance(conn, sqlite3.Connection):
        return conn
    raw = conn.connection.driver_connection  # SQLAlchemy Connection → pooled → sqlite3
    assert isinstance(raw, sqlite3.Connection)
    return raw


def search(
    conn: Any,
    text: str,
    *,
    per_kind: int = PER_KIND,
    is_cancelled: Callable[[], bool] | None = None,
) -> SearchResults:
    """Search every kind for ``text`` on ``conn`` (sqlite3 or SQLAlchemy connection).

    Raises ``SearchCancelled`` if ``is_cancelled()`` turns true between queries or the running
    query is interrupted (``sqlite3.Connection.interrupt``).
    """
    try:
        return _Search(_dbapi(conn), text, per_kind, is_cancelled).run(text)
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise SearchCancelled from exc
        raise


class SearchSession:
    """A read-only connection of its own to the database file, for searches on one thread.

    ``search()`` runs on the thread that uses the session; ``cancel()`` may be called from any
    other thread and stops the running search at once (it raises ``SearchCancelled``). A cancel
    when nothing runs does nothing: it never cancels the next search.
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout_ms: int = 2000) -> None:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self._lock = threading.Lock()
        self._running = False
        self._cancelled = False

    def search(self, text: str, *, per_kind: int = PER_KIND) -> SearchResults:
        with self._lock:
            self._running, self._cancelled = True, False
        try:
            return search(
                self.connection, text, per_kind=per_kind, is_cancelled=lambda: self._cancelled
            )
        finally:
            with self._lock:
                self._running = False

    def cancel(self) -> None:
        with self._lock:
            if self._running:
                self._cancelled = True  # also stops a search between two of its queries
                self.connection.interrupt()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SearchSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

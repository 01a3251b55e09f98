"""Import mail: parse, store losslessly, drop duplicates, thread, link — in batches.

Each batch of messages is written in one unit of work (emails, their raw bytes, their timeline
activities and participants, attachments, outbox rows): a crash loses at most the batch in
flight, never half a message, and an import run again skips what was already stored (same
Message-ID or same bytes). One bad message never stops an import: it is reported and the import
goes on.

Rows are written with ``UnitOfWork.insert_rows`` (hundreds of rows per statement) and the rules run
on an index loaded once per import (``LinkIndex``): this is what makes a 50 000-message mailbox
import at thousands of messages a second.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import pickle
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select

from kamdesk.db import Changes, Database
from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.heap import frozen_heap
from kamdesk.ids import new_id
from kamdesk.mail import store
from kamdesk.mail.linking import Decision, LinkIndex, ThreadLink, decide, thread_links
from kamdesk.mail.message import ParsedMessage
from kamdesk.mail.sources import SourceItem, parse_item
from kamdesk.mail.text import own_words, snippet
from kamdesk.mail.threads import parent_ids, root_key, thread_id_for
from kamdesk.models import Attachment, Email, Interaction, InteractionContact
from kamdesk.models.base import utcnow
from kamdesk.models.emails import IGNORED, LINKED, QUEUED
from kamdesk.services.attachments import store_bytes, sync_blobs

BATCH = 1000
CHECKPOINT_PAGES = 25_000  # ~100 MB of WAL
MAX_TEXT = 100_000  # characters kept for search and the timeline; the original keeps everything
_DURABLE_EACH = not hasattr(os, "sync")  # without os.sync, each blob is fsynced on its own


@dataclass(frozen=True)
class ImportProblem:
    file: str
    reason: str


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    linked: int = 0
    queued: int = 0
    ignored: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    errors: list[ImportProblem] = field(default_factory=list)  # not imported
    kept_with_errors: list[ImportProblem] = field(default_factory=list)  # imported, flawed
    cancelled: bool = False
    seen: int = 0  # messages and files looked at

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "linked": self.linked,
            "queued": self.queued,
            "ignored": self.ignored,
            "by_rule": dict(sorted(self.by_rule.items())),
            "errors": [{"file": p.file, "reason": p.reason} for p in self.errors],
            "kept_with_errors": [
                {"file": p.file, "reason": p.reason} for p in self.kept_with_errors
            ],
            "cancelled": self.cancelled,
        }


Progress = Callable[[ImportSummary], None]


def _batches(items: Iterable[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    batch: list[SourceItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def looks_like_mail(message: ParsedMessage) -> bool:
    """A parse that found none of the headers every message has is not a message at all."""
    return bool(message.message_id or message.from_address or message.sent_at or message.subject)


class Ready(NamedTuple):
    """One message parsed and ready to write."""

    item: SourceItem
    message: ParsedMessage  # its text already reduced to the writer's own words
    sha256: str  # of the original bytes
    packed: bytes  # the original, compressed
    size: int  # of the original
    snippet: str | None  # the timeline's first words


@dataclass
class Prepared:
    """A batch read and parsed, ready to write: (item, message, sha256, compressed original)."""

    messages: list[Ready]
    problems: list[ImportProblem]
    seen: int


def prepare(items: list[SourceItem], *, keep_raw: bool = True) -> Prepared:
    """Parse, hash and compress a batch: no database, so it can run ahead on another thread or
    in another process (``keep_raw=False`` then spares sending the items' bytes back)."""
    messages = []
    problems = []
    for item in items:
        if item.error is not None or item.raw is None:
            problems.append(ImportProblem(item.label, item.error or "nothing to read"))
            continue
        message = parse_item(item)
        if message.parse_error and not looks_like_mail(message):
            problems.append(ImportProblem(item.label, message.parse_error))
            continue
        raw = message.raw
        sha, packed = store.sha256_of(raw), store.compress(raw)
        # The text work here too, where it can run in the parsing process.
        short = snippet(message.text)
        message.text = own_words(message.text)[:MAX_TEXT]
        if not keep_raw:
            # The bytes stay behind: the compressed copy is what is written.
            item = SourceItem(item.label, None, item.fmt, None)
            message.raw = b""
        messages.append(Ready(item, message, sha, packed, len(raw), short))
    return Prepared(messages, problems, len(items))


_TRANSFER_CHUNK = 50  # messages per pickle: ~1.5 ms to unpickle


class Transfer(NamedTuple):
    """A batch prepared in a parsing process, on its way back: pickled in small chunks."""

    messages: list[bytes]  # pickled lists of Ready
    problems: list[ImportProblem]
    seen: int


def prepare_for_transfer(items: list[SourceItem]) -> Transfer:
    """``prepare`` in a parsing process, pickled in chunks: unpickling is one C call that holds
    the interpreter lock throughout, and a whole batch at once (~30 ms) would keep the
    window's thread waiting."""
    prepared = prepare(items, keep_raw=False)
    ready = prepared.messages
    return Transfer(
        [
            pickle.dumps(ready[start : start + _TRANSFER_CHUNK], pickle.HIGHEST_PROTOCOL)
            for start in range(0, len(ready), _TRANSFER_CHUNK)
        ],
        prepared.problems,
        prepared.seen,
    )


def received(transfer: Transfer) -> Prepared:
    ready = [r for chunk in transfer.messages for r in pickle.loads(chunk)]
    return Prepared(ready, transfer.problems, transfer.seen)


class MailImporter:
    def __init__(
        self,
        db: Database,
        *,
        my_addresses: tuple[str, ...] = (),
        batch_size: int = BATCH,
        record_outbox: bool = True,
        parse_processes: int | None = None,
    ) -> None:
        self.db = db
        # Parsing processes for large sources: none on one core (nothing to gain).
        cores = os.cpu_count() or 1
        self.parse_processes = (
            parse_processes if parse_processes is not None else min(2, max(cores - 1, 0))
        )
        self.record_outbox = record_outbox
        self.my_addresses = my_addresses
        self.batch_size = batch_size
        self.changes = Changes()
        self._index: LinkIndex | None = None

    @property
    def index(self) -> LinkIndex:
        if self._index is None:
            with self.db.read() as session:
                self._index = LinkIndex.load(session, self.my_addresses)
        return self._index

    def run(
        self,
        items: Iterable[SourceItem],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        summary: ImportSummary | None = None,
    ) -> ImportSummary:
        """Import ``items``; ``progress(summary)`` after each batch; stops when ``cancelled()``.

        Reading and parsing run ahead of the writes, on a second thread — and, for a source
        of more than one batch, in a parsing process: parsing is pure Python and would otherwise
        share the interpreter lock with the writes. On two cores this nearly doubles the rate.
        """
        with frozen_heap():  # no collector pauses over the app's whole heap meanwhile
            return self._run(items, progress, cancelled, summary)

    def _run(
        self,
        items: Iterable[SourceItem],
        progress: Progress | None,
        cancelled: Callable[[], bool],
        summary: ImportSummary | None,
    ) -> ImportSummary:
        summary = summary if summary is not None else ImportSummary()
        ready: queue.Queue[Prepared | BaseException | None] = queue.Queue(maxsize=2)
        stop = threading.Event()

        def hand(prepared: Prepared) -> None:
            while not stop.is_set():
                try:
                    ready.put(prepared, timeout=0.1)
                    return
                except queue.Full:
                    continue

        def produce() -> None:
            pool: ProcessPoolExecutor | None = None
            in_flight: deque[Future[Transfer]] = deque()
            try:
                for batch in _batches(items, self.batch_size):
                    if stop.is_set() or cancelled():
                        break
                    if pool is None and self.parse_processes and len(batch) == self.batch_size:
                        # "spawn": forking a process that runs Qt threads is unsafe.
                        pool = ProcessPoolExecutor(
                            self.parse_processes,
                            mp_context=multiprocessing.get_context("spawn"),
                            initializer=_yield_to_the_app,
                        )
                    if pool is None:
                        hand(prepare(batch))
                        continue
                    in_flight.append(pool.submit(prepare_for_transfer, batch))
                    if len(in_flight) > self.parse_processes:  # keep every parser busy
                        hand(received(in_flight.popleft().result()))
                while in_flight and not (stop.is_set() or cancelled()):
                    hand(received(in_flight.popleft().result()))
            except BaseException as exc:  # handed to the importing thread, raised there
                ready.put(exc)
            finally:
                if pool is not None:
                    pool.shutdown(cancel_futures=True)
                ready.put(None)

        reader = threading.Thread(target=produce, name="kamdesk-mail-reader", daemon=True)
        reader.start()
        try:
            while (got := ready.get()) is not None:
                if isinstance(got, BaseException):
                    raise got
                if cancelled():
                    break
                self.write_batch(got, summary)
                if progress is not None:
                    progress(summary)
        finally:
            stop.set()
            while reader.is_alive():  # unblock a reader waiting on a full queue
                with contextlib.suppress(queue.Empty):
                    ready.get(timeout=0.05)
            reader.join()
        summary.cancelled = cancelled()
        return summary

    def import_batch(self, items: list[SourceItem], summary: ImportSummary) -> None:
        """Parse and write one batch on the calling thread."""
        self.write_batch(prepare(items), summary)

    # -- one batch --------------------------------------------------------------------------
    def write_batch(self, prepared: Prepared, summary: ImportSummary) -> None:
        summary.seen += prepared.seen
        summary.errors.extend(prepared.problems)
        if not prepared.messages:
            return
        with self.db.unit_of_work(record_outbox=self.record_outbox) as uow:
            raw = uow.session.connection().connection.dbapi_connection
            assert raw is not None
            # A batch writes thousands of pages: checkpointing the WAL at every commit (SQLite's
            # default, past 1 000 pages) would write most of them twice and cost a third of the
            # import. The WAL is checkpointed once it passes CHECKPOINT_PAGES instead.
            raw.cursor().execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            raw.cursor().execute("PRAGMA cache_size=-65536")  # 64 MB: the indexes being filled
            try:
                fresh = self._drop_duplicates(uow, prepared.messages, summary)
                if fresh and self._write(uow, fresh, summary) and not _DURABLE_EACH:
                    sync_blobs()
                self.changes.merge(uow.commit())
            finally:
                raw.cursor().execute(
                    "PRAGMA wal_autocheckpoint=1000"
                )  # the pooled connection's default

    def _drop_duplicates(
        self,
        uow: UnitOfWork,
        parsed: list[Ready],
        summary: ImportSummary,
    ) -> list[Ready]:
        ids = {r.message.message_id for r in parsed if r.message.message_id}
        hashes = {r.sha256 for r in parsed}
        known_ids: set[str] = set()
        known_hashes: set[str] = set()
        for chunk in _chunks(sorted(ids)):
            known_ids.update(
                uow.session.scalars(select(Email.message_id).where(Email.message_id.in_(chunk)))
            )
        for chunk in _chunks(sorted(hashes)):
            known_hashes.update(
                uow.session.scalars(select(Email.raw_sha256).where(Email.raw_sha256.in_(chunk)))
            )
        fresh = []
        for ready in parsed:
            message, sha = ready.message, ready.sha256
            if sha in known_hashes or (message.message_id and message.message_id in known_ids):
                summary.duplicates += 1
                continue
            known_hashes.add(sha)
            if message.message_id:
                known_ids.add(message.message_id)
            fresh.append(ready)
        return fresh

    def _threads(
        self, uow: UnitOfWork, parsed: list[Ready]
    ) -> tuple[list[str], dict[str, ThreadLink]]:
        """Each message's thread id, and the links of the threads already linked."""
        wanted = {pid for r in parsed for pid in parent_ids(r.message)}
        thread_of: dict[str, str] = {}
        for chunk in _chunks(sorted(wanted)):
            for mid, tid in uow.session.execute(
                select(Email.message_id, Email.thread_id).where(Email.message_id.in_(chunk))
            ):
                if mid and tid:
                    thread_of[mid] = tid
        thread_ids = []
        for ready in parsed:
            message, sha = ready.message, ready.sha256
            parents = [thread_of[p] for p in parent_ids(message) if p in thread_of]
            tid = parents[0] if parents else thread_id_for(root_key(message, sha))
            thread_ids.append(tid)
            if message.message_id:
                thread_of.setdefault(message.message_id, tid)
        links = thread_links(uow.session, thread_ids)
        return thread_ids, links

    def _write(
        self,
        uow: UnitOfWork,
        parsed: list[Ready],
        summary: ImportSummary,
    ) -> bool:
        """Write the batch; True when it stored attachment blobs (to be made durable)."""
        thread_ids, links = self._threads(uow, parsed)
        now = utcnow()
        index = self.index
        emails: list[dict[str, Any]] = []
        raws: list[dict[str, Any]] = []
        interactions: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        attachments: list[dict[str, Any]] = []
        decisions: list[Decision] = []
        for ready, tid in zip(parsed, thread_ids, strict=True):
            item, message, sha = ready.item, ready.message, ready.sha256
            decision = decide(
                index,
                from_address=message.from_address,
                from_name=message.from_name,
                to_addresses=message.to_addresses,
                cc_addresses=message.cc_addresses,
                thread_link=links.get(tid),
            )
            if decision.state == LINKED and decision.account_id:
                # Later messages of this thread, in this batch, follow this one.
                links[tid] = ThreadLink(
                    decision.account_id, decision.contact_id, decision.opportunity_id
                )
            decisions.append(decision)
            email = email_row(item.label, ready, tid, decision)
            emails.append(email)
            raws.append({"sha256": sha, "size": ready.size, "data": ready.packed})
            if decision.account_id:
                interaction = interaction_row(email, decision, ready, now)
                interactions.append(interaction)
                participants.extend(
                    {"interaction_id": interaction["id"], "contact_id": cid}
                    for cid in decision.participant_ids
                )
            for part in message.attachments:
                digest = store_bytes(self.db.blob_dir, part.data, durable=_DURABLE_EACH)
                attachments.append(
                    {
                        "sha256": digest,
                        "filename": (part.filename or "attachment")[:255],
                        "mime_type": (part.mime_type or None) and part.mime_type[:120],
                        "size": len(part.data),
                        "account_id": decision.account_id,
                        "contact_id": decision.contact_id,
                        "opportunity_id": decision.opportunity_id,
                        "interaction_id": email.get("_interaction_id"),
                        "email_id": email["id"],
                    }
                )
            if message.parse_error:
                summary.kept_with_errors.append(ImportProblem(item.label, message.parse_error))
        for email in emails:
            email.pop("_interaction_id", None)
        store.put_many(uow.session, raws)
        uow.insert_rows(Email, emails)
        uow.insert_rows(Interaction, interactions)
        uow.insert_rows(InteractionContact, participants)
        uow.insert_rows(Attachment, attachments)
        for decision in decisions:
            summary.imported += 1
            if decision.state == LINKED:
                summary.linked += 1
            elif decision.state == QUEUED:
                summary.queued += 1
            elif decision.state == IGNORED:
                summary.ignored += 1
            if decision.rule:
                summary.by_rule[decision.rule] = summary.by_rule.get(decision.rule, 0) + 1
        return bool(attachments)


def _yield_to_the_app() -> None:
    """In a parsing process: run at a lower priority. With every core busy (parsers and the
    writing thread), the window's thread would otherwise wait its turn and the app stutter."""
    if hasattr(os, "nice"):  # not on Windows, where the default priority is kept
        os.nice(5)


def email_row(label: str, ready: Ready, thread_id: str, decision: Decision) -> dict[str, Any]:
    message = ready.message
    return {
        "id": new_id(),
        "message_id": message.message_id and message.message_id[:998],
        "in_reply_to": message.in_reply_to and message.in_reply_to[:998],
        "references": list(message.references),
        "thread_id": thread_id,
        "subject": message.subject[:998] if message.subject else None,
        "from_name": message.from_name and message.from_name[:200],
        "from_address": message.from_address and message.from_address[:254],
        "to_addresses": list(message.to_addresses),
        "cc_addresses": list(message.cc_addresses),
        "sent_at": message.sent_at,
        "text": message.text or None,
        "raw_sha256": ready.sha256,
        "raw_format": message.raw_format,
        "raw_size": ready.size,
        "source": label[:500],
        "attachment_count": len(message.attachments),
        "parse_error": message.parse_error,
        "direction": decision.direction,
        "link_state": decision.state,
        "link_rule": decision.rule,
        "suggestions": dict(decision.suggestions),
        "account_id": decision.account_id,
        "contact_id": decision.contact_id,
        "opportunity_id": decision.opportunity_id,
    }


def interaction_row(
    email: dict[str, Any], decision: Decision, ready: Ready, now: dt.datetime
) -> dict[str, Any]:
    message = ready.message
    interaction_id = new_id()
    email["_interaction_id"] = interaction_id
    return {
        "id": interaction_id,
        "kind": "email",
        "occurred_at": message.sent_at or now,
        "direction": decision.direction,
        "subject": (message.subject or "")[:300],
        "body": ready.snippet,
        "account_id": decision.account_id,
        "opportunity_id": decision.opportunity_id,
        "author_id": decision.author_id,
        "email_id": email["id"],
    }


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    # SQLite's bound-parameter limit is 32 766 on recent builds, 999 on old ones.
    for start in range(0, len(values), size):
        yield values[start : start + size]

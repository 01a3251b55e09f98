"""``SyncClient``: one database's conversation with the team server.

- ``push()`` sends the outbox in seq order, a batch at a time; each answered batch leaves the
  outbox in one local transaction. A crash between the server's commit and ours only means the
  batch is sent again, which the server's idempotency absorbs.
- ``pull()`` fetches pages after the stored cursor; each page and its cursor are written in one
  local transaction (``replica``), pending local changes replayed on top.
- ``sync()`` = push until the outbox is empty, pull until the server has nothing more.

Every failure is a ``SyncError`` with a plain message; the outbox is never touched by one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext, suppress
from dataclasses import asdict, dataclass
from typing import Any

import httpx
from sqlalchemy import Connection, func, select

from kamdesk.db import Database
from kamdesk.db.database import synced_tables
from kamdesk.db.unit_of_work import Changes, to_json_value
from kamdesk.heap import frozen_heap
from kamdesk.ids import new_id
from kamdesk.sync import errors, files, local_state
from kamdesk.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    RESTORED_HEADER,
    MutationResult,
    PushResponse,
    version_headers,
)
from kamdesk.sync.replica import (
    apply_changes,
    bulk_pull,
    bulk_pull_interrupted,
    finish_bulk_pull,
    replica_transaction,
)

DEFAULT_PUSH_BATCH = 500
_RESTORES_IN_A_ROW = 4  # "restored" answers one round may take before it gives up


@dataclass
class SyncSummary:
    pushed: int = 0  # mutations the server accepted
    rejected: int = 0  # mutations the server refused (kept in the local rejection log)
    conflicts: int = 0  # conflicts the server logged for the pushed mutations
    pulled: int = 0  # rows received
    removed: int = 0  # rows dropped because they left this user's buckets
    files_sent: int = 0
    files_received: int = 0
    resent: int = 0  # rows sent again to a server restored from a backup

    def to_json(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class _Pending:
    seq: int
    mutation: dict[str, Any]


class SyncClient:
    def __init__(
        self,
        db: Database,
        server_url: str,
        token: str,
        http: httpx.Client | None = None,
        *,
        push_batch: int = DEFAULT_PUSH_BATCH,
        pull_limit: int = DEFAULT_PULL_LIMIT,
        timeout: float = 60.0,
    ) -> None:
        self.db = db
        self.server_url = server_url.rstrip("/")
        self.token = token
        self._own_http = http is None
        self.http = http if http is not None else httpx.Client(timeout=timeout)
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        # Called with what each pulled page changed, for views to refresh (None: not collected).
        self.on_changes: Callable[[Changes], None] | None = None
        self._epoch: int | None = None  # the store's epoch, as of the pull under way

    def close(self) -> None:
        if self._own_http:
            self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP ------------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **version_headers()}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self._headers(), **kwargs.pop("headers", {})}
        try:
            response = self.http.request(method, self.server_url + path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise errors.Offline(type(exc).__name__) from exc
        check_response(response)
        return response

    def _post_json(self, path: str, body: dict[str, Any]) -> Any:
        content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        response = self.request(
            "POST", path, content=content, headers={"Content-Type": "application/json"}
        )
        try:
            return json.loads(response.content)
        except ValueError as exc:
            raise errors.ServerProblem("the sync server sent an unreadable answer") from exc

    # -- push ------------------------------------------------------------------------------
    def push(self) -> SyncSummary:
        """Send the outbox until it is empty (after a re-send, if the server was restored)."""
        return self._surviving_restore(self._push)

    def _push(self) -> SyncSummary:
        summary = SyncSummary()
        while True:
            batch, cursor, epoch = self._read_outbox()
            if not batch:
                return summary
            summary.files_sent += files.upload_for(self, [p.mutation for p in batch])
            answer = self._post_json(
                "/v1/push",
                {"mutations": [p.mutation for p in batch], "cursor": cursor, "epoch": epoch},
            )
            results = PushResponse.model_validate(answer).results
            self._acknowledge(batch, results)
            for r in results:
                if r.status == "rejected":
                    summary.rejected += 1
                else:
                    summary.pushed += 1
                    summary.conflicts += r.conflicts
            if len(results) < len(batch):
                raise errors.ServerProblem("the sync server answered only part of the changes")

    def _read_outbox(self) -> tuple[list[_Pending], int, int | None]:
        """The next batch, with what this replica knows of the server's history (its cursor
        and epoch): a server that has forgotten part of it refuses the batch (see recover)."""
        with self.db.engine.connect() as conn:
            local_state.ensure_tables(conn)
            conn.commit()
            cursor, epoch = local_state.cursor(conn), local_state.epoch(conn)
            seen = local_state.SeenIndex(conn)
            rows = conn.exec_driver_sql(
                "SELECT seq, mutation_id, hlc, table_name, row_id, op, fields, base_hlc, "
                "created_at FROM outbox ORDER BY seq LIMIT ?",
                (self.push_batch,),
            ).all()
        return (
            [
                _Pending(
                    r.seq,
                    {
                        "mutation_id": r.mutation_id,
                        "table": r.table_name,
                        "row_id": r.row_id,
                        "op": r.op,
                        "fields": json.loads(r.fields),
                        "hlc": r.hlc,
                        "base_hlc": r.base_hlc,
                        "seen": seen.seen(r.seq),
                        "at": r.created_at,
                    },
                )
                for r in rows
            ],
            cursor,
            epoch,
        )

    def _acknowledge(self, batch: list[_Pending], results: list[MutationResult]) -> None:
        by_id = {p.mutation["mutation_id"]: p for p in batch}
        answered = [r for r in results if r.mutation_id in by_id]
        with self.db.engine.begin() as conn:
            _record_rejections(conn, {i: p.mutation for i, p in by_id.items()}, answered)
            conn.exec_driver_sql(
                "DELETE FROM outbox WHERE seq = ?", [(by_id[r.mutation_id].seq,) for r in answered]
            )
            local_state.prune_marks(conn)

    # -- pull ------------------------------------------------------------------------------
    def pull(self) -> SyncSummary:
        """Pages until the server has nothing more (after a re-send, if the server was
        restored)."""
        with frozen_heap():  # a first pull makes millions of objects: no long GC pauses
            return self._surviving_restore(self._pull)

    def _pull(self) -> SyncSummary:
        """The next page is fetched while the current one is written: the server and the local
        disk work at the same time."""
        with self.db.engine.connect() as conn:
            local_state.ensure_tables(conn)
            conn.commit()
            start = local_state.cursor(conn)
            self._epoch = local_state.epoch(conn)
        if bulk_pull_interrupted(self.db):
            finish_bulk_pull(self.db)  # an earlier first pull was cut short: index what came
        first = self._fetch(start)
        # A first pull of more than a page fills a whole replica: index it once at the end.
        bulk = start == 0 and first["more"]
        with (
            bulk_pull(self.db) if bulk else nullcontext(),
            ThreadPoolExecutor(1, thread_name_prefix="kamdesk-pull") as fetcher,
        ):
            return self._pull_pages(start, first, fetcher, bulk=bulk)

    def _fetch(self, cursor: int) -> Any:
        return self._post_json(
            "/v1/pull", {"cursor": cursor, "limit": self.pull_limit, "epoch": self._epoch}
        )

    def _pull_pages(
        self, start: int, first: Any, fetcher: ThreadPoolExecutor, *, bulk: bool
    ) -> SyncSummary:
        summary = SyncSummary()
        ahead: Future[Any] | None = None
        page = first
        while True:
            if page is None:
                page = ahead.result() if ahead is not None else self._fetch(start)
            ahead = fetcher.submit(self._fetch, page["cursor"]) if page["more"] else None
            with replica_transaction(self.db, bulk=bulk) as conn:
                moved = local_state.cursor(conn) != start
                if not moved:
                    applied = apply_changes(
                        conn, page["changes"], collect=self.on_changes is not None
                    )
                    local_state.set_setting(conn, local_state.CURSOR_KEY, str(page["cursor"]))
                    if "epoch" in page:  # a server from before epochs sends none
                        local_state.set_setting(conn, local_state.EPOCH_KEY, str(page["epoch"]))
                    if not page["more"]:
                        local_state.mark_pulled(conn, page["cursor"])
                        local_state.set_setting(
                            conn, local_state.LAST_SYNC_KEY, dt.datetime.now(dt.UTC).isoformat()
                        )
            if moved:  # another sync of this database got there first: start from its cursor
                if ahead is not None:
                    with suppress(Exception):
                        ahead.result()  # one request at a time on the HTTP client
                with self.db.engine.connect() as conn:
                    start = local_state.cursor(conn)
                ahead = page = None
                continue
            start = page["cursor"]
            # Later local edits must sort after every change seen from the server.
            self.db.clock.observe(applied.max_hlc or None)
            summary.pulled += applied.upserted
            summary.removed += applied.removed
            if self.on_changes is not None and applied.changes:
                self.on_changes(applied.changes)
            if not page["more"]:
                summary.files_received += files.download_missing(self)
                return summary
            page = None

    # -- a round ---------------------------------------------------------------------------
    def sync(self) -> SyncSummary:
        total = self.push()
        pulled = self.pull()
        for key, value in asdict(pulled).items():
            setattr(total, key, getattr(total, key) + value)
        return total

    # -- a server restored from a backup ---------------------------------------------------
    def _surviving_restore(self, step: Callable[[], SyncSummary]) -> SyncSummary:
        """Run ``step``; a server that says it was restored first gets this device's re-send —
        again with the newer epoch when it is restored once more meanwhile."""
        adopted = self._adopt_once()
        resent = 0
        for _ in range(_RESTORES_IN_A_ROW):
            try:
                resent += self._finish_recovery()
                summary = step()
            except errors.ServerRestored as restored:
                self._start_recovery(restored.version, restored.epoch)
                continue
            summary.resent += resent
            summary.pushed += adopted
            return summary
        raise errors.ServerProblem(
            "the sync server says again and again that it was restored from a backup; your "
            "changes are kept: ask your administrator, then sync again"
        )

    def _adopt_once(self) -> int:
        """At a database's first sync: send the rows it holds that never went through an
        outbox (the demo's, written in bulk) — else the server, which never saw them, would
        refuse their first edit. Rows whose insert waits in the outbox are left to it."""
        with self.db.engine.connect() as conn:
            if local_state.get_setting(conn, local_state.ADOPTED_KEY) is not None:
                return 0
        sent = self._send_all(own_rows(self.db, 0, unsent_only=True), epoch=None)
        with self.db.engine.begin() as conn:
            local_state.set_setting(conn, local_state.ADOPTED_KEY, "1")
        return sent

    def recover(self, version: int, epoch: int) -> int:
        """The server went back to ``version`` (0: it does not know where; epoch ``epoch``):
        what it committed after its backup is gone, this device's changes included. Send again
        the current state of every row this device wrote last (its HLC carries this device's
        node), as "seen up to ``version``" and marked as a re-send (a field the server holds
        from a newer write stays the server's), then pull everything again. Fields the server
        still has come back unchanged (equal values change nothing). Returns the rows sent."""
        self._start_recovery(version, epoch)
        return self._finish_recovery()

    def _start_recovery(self, version: int, epoch: int) -> None:
        with self.db.engine.begin() as conn:
            local_state.ensure_tables(conn)
            local_state.set_setting(
                conn,
                local_state.RECOVERY_KEY,
                json.dumps({"version": version, "epoch": epoch}),
            )
            local_state.forget_history(conn, version)

    def _finish_recovery(self) -> int:
        """A re-send cut short (crash, network) starts again: it is idempotent."""
        with self.db.engine.connect() as conn:  # one read of local_settings, every round
            pending = local_state.get_setting(conn, local_state.RECOVERY_KEY)
        if pending is None:
            return 0
        state = json.loads(pending)
        return self._resend(int(state["version"]), int(state["epoch"]))

    def _resend(self, version: int, epoch: int) -> int:
        sent = self._send_all(own_rows(self.db, version), epoch)
        with self.db.engine.begin() as conn:
            local_state.set_setting(conn, local_state.EPOCH_KEY, str(epoch))
            local_state.delete_setting(conn, local_state.RECOVERY_KEY)
        return sent

    def _send_all(self, mutations: Iterator[dict[str, Any]], epoch: int | None) -> int:
        sent = 0
        batch: list[dict[str, Any]] = []
        for mutation in mutations:
            batch.append(mutation)
            if len(batch) >= self.push_batch:
                sent += self._send_again(batch, epoch)
                batch = []
        if batch:
            sent += self._send_again(batch, epoch)
        return sent

    def _send_again(self, batch: list[dict[str, Any]], epoch: int | None) -> int:
        files.upload_for(self, batch)
        answer = self._post_json("/v1/push", {"mutations": batch, "epoch": epoch})
        results = PushResponse.model_validate(answer).results
        with self.db.engine.begin() as conn:
            _record_rejections(conn, {m["mutation_id"]: m for m in batch}, results)
        return sum(r.status == "applied" for r in results)

    def pending(self) -> int:
        with self.db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() or 0

    def logout(self) -> None:
        self.request("POST", "/v1/logout")


def _record_rejections(
    conn: Connection, sent: dict[str, dict[str, Any]], results: list[MutationResult]
) -> None:
    """Keep each refused change, with its values, in the local rejection log."""
    for r in results:
        m = sent.get(r.mutation_id)
        if r.status == "rejected" and m is not None:
            local_state.record_rejection(
                conn,
                mutation_id=r.mutation_id,
                table=m["table"],
                row_id=m["row_id"],
                op=m["op"],
                fields=m["fields"],
                reason=r.reason or "refused by the server",
            )


def check_response(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        detail = str(response.json().get("detail") or "")
    except (ValueError, AttributeError):
        detail = ""
    if response.status_code == 401:
        raise errors.SignInAgain(detail)
    if response.status_code == 426:
        raise errors.UpdateRequired(detail)
    restored = response.headers.get(RESTORED_HEADER)
    if response.status_code == 409 and restored:
        version, _, epoch = restored.partition(",")
        if version.isdigit() and epoch.isdigit():  # else reported as a refusal, below
            raise errors.ServerRestored(int(version), int(epoch))
    if response.status_code >= 500:
        raise errors.ServerProblem(
            f"the sync server had a problem ({response.status_code}); your changes are kept "
            "and will be sent at the next sync"
        )
    raise errors.ServerProblem(
        f"the sync server refused the request ({response.status_code}"
        + (f": {detail})" if detail else ")")
    )


def enrol(
    server_url: str, user: str, secret: str, client_id: str, http: httpx.Client | None = None
) -> tuple[str, str]:
    """Trade an enrolment secret for a token; returns (token, role)."""
    client = http if http is not None else httpx.Client(timeout=30.0)
    try:
        response = client.post(
            server_url.rstrip("/") + "/v1/enrol",
            json={"user": user, "secret": secret, "client_id": client_id},
            headers=version_headers(),
        )
    except httpx.TransportError as exc:
        raise errors.Offline(type(exc).__name__) from exc
    finally:
        if http is None:
            client.close()
    if response.status_code == 401:
        raise errors.SignInAgain(response.json().get("detail", ""))
    check_response(response)
    body = response.json()
    return body["token"], body["role"]


def own_rows(db: Database, seen: int, *, unsent_only: bool = False) -> Iterator[dict[str, Any]]:
    """Every row whose last write was this device's, as an insert of its whole current state
    (parents' tables first), in the outbox's form. ``unsent_only``: not the rows whose insert
    waits in the outbox (it will send them)."""
    from kamdesk.models import Base, OutboxEntry

    node = "." + db.node_id
    with db.engine.connect() as conn:
        for name in synced_tables():
            table = Base.metadata.tables[name]
            query = select(table).where(func.substr(table.c.hlc, -len(node)) == node)
            if unsent_only:
                inserts = select(OutboxEntry.row_id).where(OutboxEntry.op == "insert")
                query = query.where(table.c.id.not_in(inserts))
            rows = conn.execute(query.order_by(table.c.created_at))
            for row in rows.mappings():
                yield {
                    "mutation_id": new_id(),
                    "table": name,
                    "row_id": row["id"],
                    "op": "insert",
                    "fields": {key: to_json_value(value) for key, value in row.items()},
                    "hlc": row["hlc"],
                    "base_hlc": None,
                    "seen": seen,
                    "at": to_json_value(row["updated_at"]),
                    "resend": True,
                }

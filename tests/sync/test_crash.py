"""A client process killed with SIGKILL around a push and during a pull, then started again:
no duplicate, no gap, the outbox drains.

Everything is real: the server app on a socket (uvicorn in a thread), the client's SQLite file,
and a child process (``crash_client.py``) that makes local edits and runs ``SyncClient.sync()``.
The kill comes from the server side, at exact points of the conversation, through ``Killer``, an
ASGI wrapper around the real app that knows the child's pid:

- **before a push**: the first ``/v1/push`` arrives and the child dies before the app sees it.
  The server applied nothing; every change is still in the outbox.
- **during a push**: the app applies and commits the first batch, then the child dies before
  the answer leaves. The server has the batch, the client does not know it: at restart it sends
  the batch again and the server's idempotency (client id, mutation id) must absorb it.
- **after a push**: the first batch was answered and acknowledged locally; the child dies when
  the second batch arrives (the next batch is half-sent), or when the first ``/v1/pull``
  arrives (the whole outbox has been pushed, nothing pulled yet).
- **during a pull**: another device put many rows on the server; the child's first pull goes
  page by page (a small ``pull_limit``; each page and its cursor in one local transaction, the
  next page fetched while one is written). The child dies when the 3rd page is asked for
  (page 2 about to be written, being written or just written), or — deterministically — while
  it holds page 2 and waits for its database's write lock, held by the test. No page
  may be half-applied, and the bulk mode of a first pull (indexes and full-text triggers dropped
  until its end) must be finished by the next pull.

After the kill (the child's return code is -SIGKILL, checked) the child runs again, untouched,
until it ends; then the outbox is empty, nothing was rejected, every local change is on the
server exactly once (one ``applied_mutations`` row per mutation, one record per created row),
the client's rows equal what a fresh device pulls, its cursor is the server's version, and one
more sync has nothing to send or receive.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kamdesk.db import Database
from kamdesk.models import Account
from kamdesk.sync.client import SyncClient, enrol
from kamdesk.sync.server import admin
from kamdesk.sync.server.app import create_app
from kamdesk.sync.server.store import Store
from kamdesk.sync.server.tables import applied_mutations, conflicts, counter, records

from .conftest import empty_store, on_a_socket, table_rows

CHILD = Path(__file__).with_name("crash_client.py")
KILLED = -signal.SIGKILL


class Killer:
    """The real app, plus one SIGKILL for the child at a chosen request.

    ``arm(child, path, nth, moment)``: at the ``nth`` request to ``path`` (counted from the
    arming), kill the child

    - ``"before"``: on arrival, before the app sees the request;
    - ``"after"``: once the app has handled it (and committed), before the answer is sent;
    - ``"blocked"`` (pulls): while the child, holding the previous page, waits for its
      database's write lock to write it (the lock is held from here; see ``_hold_write_lock``).
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.child: subprocess.Popen[str] | None = None
        self.target: tuple[str, int, str] | None = None
        self.db_path: Path | None = None
        self.seen: Counter[str] = Counter()
        self.killed = False
        self.blocked_at: int | None = None  # "blocked": the child's cursor at the kill
        self._lock: Any = None  # sqlite3.Connection while the child's write lock is held

    def arm(self, child: subprocess.Popen[str], path: str, nth: int, moment: str) -> None:
        self.seen.clear()
        self.killed, self.blocked_at = False, None
        self.child, self.target = child, (path, nth, moment)

    def disarm(self) -> None:
        self.child = self.target = None

    def kill(self) -> None:
        assert self.child is not None
        os.kill(self.child.pid, signal.SIGKILL)
        self.killed = True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or self.target is None:
            await self.app(scope, receive, send)
            return
        self.seen[scope["path"]] += 1
        path, nth, moment = self.target
        if scope["path"] != path or self.seen[path] < nth - 1:
            await self.app(scope, receive, send)
            return
        if self.seen[path] == nth - 1:
            if moment == "blocked":
                receive = await self._hold_write_lock(receive)
            await self.app(scope, receive, send)
            return
        self.target = None  # one kill per arming
        if moment == "before":
            self.kill()
        elif moment == "blocked":
            self._kill_while_holding()
        else:

            async def send_unless_killed(message: Any) -> None:
                if message["type"] == "http.response.start":
                    self.kill()  # the app has returned: its transaction is committed
                if not self.killed:
                    await send(message)

            await self.app(scope, receive, send_unless_killed)

    # "blocked": a pull's request for page k+1 is sent just before page k is written, and
    # the request for page k+2 just before page k+1 is. At the request for page k+1, wait for
    # page k's transaction to commit (the local cursor reaches the one asked from), then take
    # the child's write lock from here: once page k+1 is answered, the child asks for page k+2
    # and waits (its busy timeout) for the lock to write page k+1. The kill comes then, at the
    # request for page k+2: page k+1 is in the child's hands, begun, not written.
    # Blocking calls: the event loop has nothing else to serve meanwhile.
    async def _hold_write_lock(self, receive: Any) -> Any:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        asked_from = json.loads(body)["cursor"]
        assert self.db_path is not None
        self._lock = sqlite3.connect(self.db_path, timeout=10, isolation_level=None)
        deadline = time.monotonic() + 10
        while local_cursor(self.db_path) != asked_from:
            assert time.monotonic() < deadline, "the child never committed the page before"
            time.sleep(0.0005)
        self._lock.execute("BEGIN IMMEDIATE")

        replayed = False

        async def replay() -> Any:  # the body read above, then the connection's own messages
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay

    def _kill_while_holding(self) -> None:
        self.blocked_at = local_cursor(self.db_path)  # type: ignore[arg-type]
        self.kill()
        self._lock.execute("ROLLBACK")
        self._lock.close()


@dataclass
class Server:
    url: str
    store: Store
    killer: Killer
    template: Path
    folder: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def device(self, name: str) -> tuple[Path, str]:
        """A new local database enrolled as ``name`` (a manager: reads every row)."""
        secret = admin.add_user(self.store, name, "manager")
        path = self.folder / f"{name}.sqlite"
        shutil.copyfile(self.template, path)
        db = Database.open(path)
        try:
            token, _ = enrol(self.url, name, secret, db.node_id)
        finally:
            db.close()
        return path, token

    def client(self, path: Path, token: str) -> SyncClient:
        return SyncClient(Database.open(path), self.url, token)

    def version(self) -> int:
        with self.store.read() as conn:
            return int(
                conn.execute(select(counter.c.version).where(counter.c.id == 1)).scalar_one()
            )

    def client_id(self, token_owner_db: Path) -> str:
        with closing(sqlite3.connect(token_owner_db)) as conn:
            (node,) = conn.execute(
                "SELECT value FROM local_settings WHERE key = 'node_id'"
            ).fetchone()
        return str(node)

    def applied(self, client_id: str) -> list[str]:
        with self.store.read() as conn:
            return list(
                conn.execute(
                    select(applied_mutations.c.mutation_id).where(
                        applied_mutations.c.client_id == client_id
                    )
                ).scalars()
            )

    def accounts(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """The server's live accounts: id -> (version, data)."""
        with self.store.read() as conn:
            rows = conn.execute(
                select(records.c.row_id, records.c.version, records.c.data).where(
                    records.c.table_name == "accounts", records.c.deleted.is_(False)
                )
            ).all()
        return {r.row_id: (r.version, json.loads(r.data)) for r in rows}


@pytest.fixture
def server(store_url: str, tmp_path: Path, template_db: Path) -> Iterator[Server]:
    store = empty_store(store_url)
    killer = Killer(create_app(store=store))
    try:
        # "critical": a killed request ends without an answer, which uvicorn would log.
        with on_a_socket(killer, log_level="critical") as url:
            yield Server(url, store, killer, template_db, tmp_path)
    finally:
        store.close()


def start_child(server: Server, db: Path, token: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), server.url, *args],
        env={**os.environ, "KAMDESK_CRASH_TOKEN": token},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def killed(server: Server, child: subprocess.Popen[str]) -> None:
    """Wait for the child to die of the armed SIGKILL."""
    try:
        out, err = child.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail("the child was never killed (it hung)")
    finally:
        server.killer.disarm()
    assert server.killer.killed, f"the kill point was never reached: {out!r} {err!r}"
    assert child.returncode == KILLED, (child.returncode, err)


def restart(server: Server, db: Path, token: str, *args: str) -> dict[str, int]:
    """Run the child again, no killer, to the end; its summary."""
    child = start_child(server, db, token, *args)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    return json.loads(out.splitlines()[-1])  # type: ignore[no-any-return]


def local(db: Path, sql: str, *params: Any) -> Any:
    """One value read from the child's database (a connection closed at once: POSIX locks are
    per process, and a lingering one would keep SQLite from recovering a killed writer's WAL)."""
    with closing(sqlite3.connect(db)) as conn:
        row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def local_cursor(db: Path) -> int:
    return int(local(db, "SELECT value FROM local_settings WHERE key = 'sync.cursor'") or 0)


def schema_objects(db: Path) -> set[tuple[str, str]]:
    """Indexes and triggers: what a bulk first pull drops and must put back."""
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"
        ).fetchall()
    return {(t, n) for t, n in rows if not n.startswith("sqlite_autoindex")}


def assert_converged(server: Server, db: Path, token: str) -> None:
    """Outbox drained, nothing refused, the client's replica is the server's, and one more
    sync has nothing to do."""
    assert local(db, "SELECT count(*) FROM outbox") == 0
    has_rejections = local(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sync_rejections'")
    if has_rejections:
        assert local(db, "SELECT count(*) FROM sync_rejections") == 0
    assert local_cursor(db) == server.version()
    with server.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(conflicts)).scalar_one() == 0

    # A fresh device pulls everything: the crashed client must hold exactly the same rows.
    fresh_path, fresh_token = server.device(f"fresh-{db.stem}")
    fresh = server.client(fresh_path, fresh_token)
    again = server.client(db, token)
    try:
        fresh.sync()
        assert table_rows(again.db, "accounts") == table_rows(fresh.db, "accounts")
        assert set(table_rows(again.db, "accounts")) == set(server.accounts())
        summary = again.sync()
        assert (summary.pushed, summary.pulled, summary.removed) == (0, 0, 0)
    finally:
        for client in (fresh, again):
            client.close()
            client.db.close()


# -- push ------------------------------------------------------------------------------------

EDITED = 10  # accounts the child creates then edits: 20 mutations, 4 batches of 5
BATCH = 5


@pytest.mark.parametrize(
    ("path", "nth", "moment", "applied_at_kill", "outbox_at_kill"),
    [
        pytest.param("/v1/push", 1, "before", 0, 2 * EDITED, id="before-push"),
        pytest.param("/v1/push", 1, "after", BATCH, 2 * EDITED, id="during-push"),
        pytest.param("/v1/push", 2, "before", BATCH, 2 * EDITED - BATCH, id="after-a-batch"),
        pytest.param("/v1/pull", 1, "before", 2 * EDITED, 0, id="after-push-before-pull"),
    ],
)
def test_a_push_killed_resumes_without_duplicate_or_gap(
    server: Server,
    path: str,
    nth: int,
    moment: str,
    applied_at_kill: int,
    outbox_at_kill: int,
) -> None:
    db, token = server.device("kim")
    kim = server.client_id(db)
    child = start_child(server, db, token, "--create", str(EDITED), "--push-batch", str(BATCH))
    server.killer.arm(child, path, nth, moment)
    killed(server, child)

    # The kill landed where it was meant to: the server has exactly the batches it answered
    # or committed, the client's outbox lost only what it saw acknowledged.
    assert len(server.applied(kim)) == applied_at_kill
    assert local(db, "SELECT count(*) FROM outbox") == outbox_at_kill
    assert local_cursor(db) == 0

    summary = restart(server, db, token, "--push-batch", str(BATCH))
    assert summary["pending"] == 0 and summary["rejected"] == 0 and summary["conflicts"] == 0
    # Only the unacknowledged mutations went again (the server answers a replayed one again).
    assert summary["pushed"] == outbox_at_kill

    # No duplicate: each of the 20 mutations applied once, each account created once.
    applied = server.applied(kim)
    assert len(applied) == len(set(applied)) == 2 * EDITED
    on_server = {data["name"]: data for _, data in server.accounts().values()}
    assert len(server.accounts()) == EDITED
    # No gap: every local change is on the server, with its last value.
    assert on_server.keys() == {f"crash-{i}" for i in range(EDITED)}
    assert all(on_server[f"crash-{i}"]["sector"] == f"crash-sector-{i}" for i in range(EDITED))
    assert local(db, "SELECT count(*) FROM accounts") == EDITED
    assert_converged(server, db, token)


# -- pull ------------------------------------------------------------------------------------

ROWS = 60  # accounts another device put on the server
PAGE = 20  # the child's pull_limit: 3 pages (and an empty 4th: the last one is full)


@pytest.fixture
def crowded(server: Server) -> Server:
    path, token = server.device("boss")
    boss = server.client(path, token)
    try:
        with boss.db.unit_of_work() as uow:
            uow.session.add_all(Account(name=f"boss-{i}", sector="B") for i in range(ROWS))
            uow.commit()
        assert boss.sync().pushed == ROWS
    finally:
        boss.close()
        boss.db.close()
    return server


@pytest.mark.parametrize("moment", ["before", "blocked"], ids=["page-3-asked", "page-2-in-hand"])
def test_a_pull_killed_resumes_without_duplicate_or_gap(crowded: Server, moment: str) -> None:
    server = crowded
    db, token = server.device("kim")
    template = schema_objects(db)
    server.killer.db_path = db
    child = start_child(server, db, token, "--pull-limit", str(PAGE))
    # The 3rd /v1/pull is sent (prefetched) just before page 2 is written.
    server.killer.arm(child, "/v1/pull", 3, moment)
    killed(server, child)

    # Pages are atomic: the client holds exactly the rows up to its cursor, page 1 at least,
    # and not yet the last page.
    versions = sorted(v for v, _ in server.accounts().values())
    cursor = local_cursor(db)
    assert cursor in (versions[PAGE - 1], versions[2 * PAGE - 1])
    if moment == "blocked":
        assert server.killer.blocked_at == versions[PAGE - 1], "page 2 written before the kill"
        assert cursor == versions[PAGE - 1]
    expected = {row_id for row_id, (v, _) in server.accounts().items() if v <= cursor}
    with closing(sqlite3.connect(db)) as conn:
        assert {r for (r,) in conn.execute("SELECT id FROM accounts")} == expected
    # The first pull was a bulk one: killed, it left its indexes dropped and said so.
    assert local(db, "SELECT value FROM local_settings WHERE key = 'sync.bulk_pull'") == "1"
    assert schema_objects(db) < template

    summary = restart(server, db, token, "--pull-limit", str(PAGE))
    assert summary["pending"] == 0 and summary["pushed"] == 0
    assert summary["pulled"] == ROWS - len(expected)  # the rest, each row once
    assert local(db, "SELECT count(*) FROM accounts") == ROWS
    assert schema_objects(db) == template  # indexes and full-text triggers are back
    assert local(db, "SELECT value FROM local_settings WHERE key = 'sync.bulk_pull'") in (
        None,
        "",
        "0",
    )
    assert_converged(server, db, token)

"""Sync throughput: the given database served by a real ``kamdesk serve`` (PostgreSQL store,
same machine, loopback), pulled into an empty client, then one incremental round.

- ``sync_initial_rows_per_s``: rows received per second by an empty client's first full pull
  (a manager: every account), pages written to SQLite as they arrive.
- ``sync_incremental_ms``: one ``sync()`` round (push + pull) after 100 local edits.

The store is a throw-away PostgreSQL database (``kamdesk_bench_<random>``, dropped after) seeded
from the given database with ``kamdesk.sync.server.snapshot``; the given database is only read.
``KAMDESK_BENCH_PG`` overrides the admin connection (default: postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import Figures

PG_ADMIN = os.environ.get(
    "KAMDESK_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres dbname=test connect_timeout=5"
)
CHANGES = 100


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(url + "/health", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"kamdesk serve stopped: {proc.communicate()[1][-500:]}"
                ) from None
            if time.monotonic() > deadline:
                raise RuntimeError("kamdesk serve did not answer") from None
            time.sleep(0.1)


def _store_url(database: str) -> str:
    params = dict(p.split("=", 1) for p in PG_ADMIN.split())
    user, host, port = params.get("user", "postgres"), params["host"], params.get("port", "5432")
    return f"postgresql+psycopg://{user}@{host}:{port}/{database}"


def measure_sync(db_path: Path, changes: int = CHANGES) -> Figures:
    import psycopg

    name = f"kamdesk_bench_{secrets.token_hex(6)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="kamdesk-bench-sync-") as tmp:
            return _measure(Path(db_path), _store_url(name), Path(tmp), changes)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _measure(db_path: Path, store_url: str, tmp: Path, changes: int) -> Figures:
    from sqlalchemy import select

    from kamdesk.db import Database
    from kamdesk.models import Contact
    from kamdesk.sync.client import SyncClient, enrol
    from kamdesk.sync.server import admin
    from kamdesk.sync.server.snapshot import load_database
    from kamdesk.sync.server.store import Store
    from kamdesk.sync.server.tables import users

    store = Store.open(store_url)
    try:
        secret = admin.add_user(store, "bench", "manager")
        with store.read() as conn:
            owner_id = conn.execute(select(users.c.id).where(users.c.name == "bench")).scalar_one()
        load_database(store, db_path, owner_id)
    finally:
        store.close()

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "kamdesk", "serve", "--store", store_url, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    client_db = Database.open(tmp / "client.sqlite", create=True)
    try:
        _wait_healthy(url, server)
        token, _ = enrol(url, "bench", secret, client_db.node_id)
        with SyncClient(client_db, url, token) as client:
            start = time.perf_counter()
            initial = client.pull()
            initial_s = time.perf_counter() - start

            with client_db.read() as session:
                ids = list(session.scalars(select(Contact.id).limit(changes)))
            for i, contact_id in enumerate(ids):  # one user intent, one transaction each
                with client_db.unit_of_work() as uow:
                    contact = uow.session.get(Contact, contact_id)
                    contact.job_title = f"Fonction révisée {i}"
                    uow.commit()
            start = time.perf_counter()
            round_ = client.sync()
            incremental_ms = (time.perf_counter() - start) * 1000
        assert round_.pushed == len(ids), round_
    finally:
        client_db.close()
        server.terminate()
        server.wait(timeout=30)
    return {
        "sync_initial_rows": initial.pulled,
        "sync_initial_rows_per_s": round(initial.pulled / initial_s),
        "sync_incremental_ms": round(incremental_ms, 1),
    }


if __name__ == "__main__":
    print(measure_sync(Path(sys.argv[1])))

"""The sync server killed (SIGKILL) in the middle of a run and started again.

A real ``kamdesk serve`` process on a socket, devices syncing through real HTTP. The server dies
while a device's large push is under way (some batches committed, one in flight, the rest not
sent) and while the devices go on working; it comes back on the same store and port. Nothing
typed is lost and nothing arrives twice: the outboxes drain, every change is on the server
once, and every device ends with the server's view.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from kamdesk.db import Database
from kamdesk.models import Account, Contact
from kamdesk.sync import errors
from kamdesk.sync.client import SyncClient, enrol
from kamdesk.sync.server import admin
from kamdesk.sync.server.store import Store
from kamdesk.sync.server.tables import applied_mutations, records
from tests.sync.conftest import empty_store, free_port, table_rows

CONTACTS = 600  # the large push: 600 mutations in batches of 50


class Serve:
    """``kamdesk serve`` as a child process, killed and started again on demand."""

    def __init__(self, store_url: str) -> None:
        self.store_url = store_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kamdesk", "serve", "--store", self.store_url]
            + ["--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(self.url + "/health", timeout=1).raise_for_status()
                return
            except httpx.HTTPError:
                assert self.proc.poll() is None, self.proc.communicate()[1]
                assert time.monotonic() < deadline, "kamdesk serve did not answer"
                time.sleep(0.05)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def serve(store_url: str) -> Iterator[Serve]:
    empty_store(store_url).close()  # migrated and empty
    running = Serve(store_url)
    running.start()
    yield running
    running.stop()


def device(serve: Serve, folder: Path, template: Path, name: str, role: str) -> SyncClient:
    store = Store.open(serve.store_url)
    try:
        secret = admin.add_user(store, name, role)
    finally:
        store.close()
    path = folder / f"{name}.sqlite"
    path.write_bytes(template.read_bytes())
    db = Database.open(path)
    token, _ = enrol(serve.url, name, secret, db.node_id)
    return SyncClient(db, serve.url, token, push_batch=50)


def applied_count(store_url: str) -> int:
    store = Store.open(store_url)
    try:
        with store.read() as conn:
            return int(conn.execute(select(func.count()).select_from(applied_mutations)).scalar())
    finally:
        store.close()


def test_a_server_killed_mid_run_loses_nothing_and_duplicates_nothing(
    serve: Serve, tmp_path: Path, template_db: Path
) -> None:
    boss = device(serve, tmp_path, template_db, "boss", "manager")
    kim = device(serve, tmp_path, template_db, "kim", "manager")
    try:
        with boss.db.unit_of_work() as uow:
            account = Account(name="Airbus")
            uow.session.add(account)
            uow.commit()
            account_id = account.id
        boss.sync()
        kim.sync()
        with kim.db.unit_of_work() as uow:
            uow.session.add_all(
                Contact(account_id=account_id, first_name=f"P{i}", last_name="Durand")
                for i in range(CONTACTS)
            )
            uow.commit()

        # Kim's push is under way: the server dies once it has committed some batches.
        failure: list[BaseException] = []

        def push() -> None:
            try:
                kim.sync()
            except BaseException as exc:  # the failure the user would see
                failure.append(exc)

        before = applied_count(serve.store_url)
        pusher = threading.Thread(target=push)
        pusher.start()
        deadline = time.monotonic() + 60
        while applied_count(serve.store_url) < before + 100:
            assert time.monotonic() < deadline, "the push never started"
            time.sleep(0.01)
        serve.kill()
        pusher.join(timeout=60)
        assert len(failure) == 1 and isinstance(failure[0], errors.Offline), failure
        assert 0 < kim.pending() < CONTACTS  # what was acknowledged left the outbox, no more

        # The devices go on working while the server is down.
        with boss.db.unit_of_work() as uow:
            airbus = uow.session.get(Account, account_id)
            assert airbus is not None
            airbus.sector = "Aéronautique"
            uow.commit()
        with pytest.raises(errors.Offline):
            boss.sync()

        serve.start()
        kim.sync()
        boss.sync()
        kim.sync()
        for client in (kim, boss):
            assert client.pending() == 0
            quiet = client.sync()
            assert (quiet.pushed, quiet.pulled) == (0, 0)
        assert table_rows(kim.db, "contacts") == table_rows(boss.db, "contacts")
        assert table_rows(kim.db, "accounts") == table_rows(boss.db, "accounts")
        assert table_rows(kim.db, "accounts")[account_id]["sector"] == "Aéronautique"
        store = Store.open(serve.store_url)
        try:
            with store.read() as conn:
                contacts = conn.execute(
                    select(func.count())
                    .select_from(records)
                    .where(records.c.table_name == "contacts")
                ).scalar()
                mutations = conn.execute(select(applied_mutations.c.mutation_id)).scalars().all()
        finally:
            store.close()
        assert contacts == CONTACTS  # every contact, once
        assert len(mutations) == len(set(mutations))  # each change applied once
    finally:
        for client in (boss, kim):
            client.close()
            client.db.close()

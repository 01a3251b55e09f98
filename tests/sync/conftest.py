"""A sync server in-process and devices (real SQLite files) that talk to it.

- ``store_url``: the server store, once as an SQLite file and once as a throw-away PostgreSQL
  database (``kamdesk_test_<random>``, dropped after the test; skipped, with the reason, when
  127.0.0.1:5432 does not answer).
- ``team``: a ``Team`` over a fresh store: ``team.device("kim", "kam")`` adds the user, makes a
  new local database, enrols it and returns a ``Device`` whose ``client`` syncs through an
  in-process HTTP client (Starlette's TestClient: the real ASGI app, no socket).
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from kamdesk.db import Database
from kamdesk.models import Account, Base, Pipeline, Stage
from kamdesk.sync.client import SyncClient, enrol
from kamdesk.sync.protocol import version_headers
from kamdesk.sync.server import admin
from kamdesk.sync.server.app import create_app
from kamdesk.sync.server.store import Store
from kamdesk.sync.server.tables import metadata

with warnings.catch_warnings():
    # Starlette suggests httpx2; the client under test uses httpx, so the tests do too.
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test connect_timeout=3"
SERVER = "http://testserver"


def postgres_unreachable() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN):
            return None
    except Exception as exc:
        return f"PostgreSQL on 127.0.0.1:5432 is unreachable ({type(exc).__name__})"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    import psycopg

    name = f"kamdesk_test_{secrets.token_hex(6)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server' / 'store.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


# For tests of the client's side alone (local transactions, replay, indexes): one store is
# enough, and the default run stays short.
sqlite_store_only = pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def on_a_socket(app: Any, log_level: str = "error") -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free local port, as ``kamdesk serve`` runs
    it; yields its URL."""
    import threading
    import time

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def empty_store(url: str) -> Store:
    """The store at ``url``, migrated and emptied (the PostgreSQL database of the session is
    shared by its tests: creating one per test would cost more than the tests)."""
    opened = Store.open(url)
    if opened.is_postgresql:
        with opened.engine.begin() as conn:  # DELETE: ten times faster than TRUNCATE here
            for table in reversed(metadata.sorted_tables):
                conn.execute(table.delete())
            conn.exec_driver_sql("INSERT INTO counter (id, version) VALUES (1, 0)")
    return opened


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = empty_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


def auth_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **version_headers()}


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty local database to copy: migrating one takes about a second."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    Database.open(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM local_settings WHERE key = 'node_id'")  # each copy gets its own
    return path


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests hash dozens of enrolment secrets; the production cost (~0.2 s each) proves nothing
    more than the smallest one does."""
    from argon2 import PasswordHasher

    from kamdesk.sync.server import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@dataclass
class Device:
    """One installation: a local database, its user, its token and its sync client."""

    name: str
    db: Database
    token: str
    client: SyncClient

    def create(self, model: type[Any], **values: Any) -> str:
        with self.db.unit_of_work() as uow:
            obj = model(**values)
            uow.session.add(obj)
            uow.commit()
            return str(obj.id)

    def edit(self, model: type[Any], row_id: str, **values: Any) -> None:
        with self.db.unit_of_work() as uow:
            obj = uow.session.get(model, row_id)
            assert obj is not None, f"{model.__name__} {row_id} not on {self.name}'s device"
            for key, value in values.items():
                setattr(obj, key, value)
            uow.commit()

    def get(self, model: type[Any], row_id: str) -> Any:
        """The row's values (a namespace of its columns), or None when it is not here."""
        with self.db.read() as session:
            obj = session.get(model, row_id)
            if obj is None:
                return None
            return SimpleNamespace(
                **{c.key: getattr(obj, c.key) for c in model.__mapper__.column_attrs}
            )

    def ids(self, model: type[Any]) -> set[str]:
        with self.db.read() as session:
            return set(session.scalars(select(model.id)))

    def outbox_size(self) -> int:
        return self.client.pending()


@dataclass
class Team:
    store: Store
    http: TestClient
    folder: Path
    template: Path
    devices: list[Device] = field(default_factory=list)
    secrets: dict[str, str] = field(default_factory=dict)

    def user(self, name: str, role: str = "kam") -> str:
        if name not in self.secrets:
            self.secrets[name] = admin.add_user(self.store, name, role)
        return self.secrets[name]

    def device(self, name: str, role: str = "kam", *, http: Any = None, **options: Any) -> Device:
        secret = self.user(name, role)
        if any(d.name == name for d in self.devices):
            secret = admin.new_enrolment_secret(self.store, name)
        path = self.folder / f"{name}-{len(self.devices)}.sqlite"
        shutil.copyfile(self.template, path)
        db = Database.open(path)
        token, _ = enrol(SERVER, name, secret, db.node_id, self.http)
        client = SyncClient(db, SERVER, token, http if http is not None else self.http, **options)
        device = Device(name, db, token, client)
        self.devices.append(device)
        return device

    def grant(self, name: str, *account_ids: str) -> None:
        for account_id in account_ids:
            admin.grant_team(self.store, name, account_id)

    def close(self) -> None:
        for device in self.devices:
            device.db.close()


_shared: dict[str, TestClient] = {}


def shared_http(store: Store) -> TestClient:
    """One app and one in-process client for the whole run, given each test's store: building
    the app and starting a client's event loop thread per test cost more than most tests.
    (A plain function, not a fixture: other suites borrow ``team`` by name.)"""
    if "http" not in _shared:
        http = TestClient(create_app(store=store))
        http.__enter__()
        atexit.register(http.__exit__, None, None, None)
        _shared["http"] = http
    _shared["http"].app.state.store = store  # type: ignore[attr-defined]
    return _shared["http"]


@pytest.fixture
def team(store: Store, tmp_path: Path, template_db: Path) -> Iterator[Team]:
    crew = Team(store, shared_http(store), tmp_path, template_db)
    try:
        yield crew
    finally:
        crew.close()


@dataclass
class World:
    """A manager who set up a pipeline and two accounts, synced to the server."""

    manager: Device
    pipeline_id: str
    stage_ids: list[str]
    accounts: list[str]


def make_world(team: Team, accounts: int = 2) -> World:
    boss = team.device("boss", "manager")
    pipeline = boss.create(Pipeline, name="Ventes")
    stages = [
        boss.create(Stage, pipeline_id=pipeline, name=name, position=i, probability=10 * i)
        for i, name in enumerate(["Qualification", "Proposition", "Négociation"])
    ]
    ids = [boss.create(Account, name=f"Compte {i}") for i in range(accounts)]
    boss.client.sync()
    return World(boss, pipeline, stages, ids)


@pytest.fixture
def world(team: Team) -> World:
    return make_world(team)


def table_rows(db: Database, table: str) -> dict[str, dict[str, Any]]:
    """Every row of ``table`` as the database stores it (JSON columns decoded)."""
    import json

    from sqlalchemy import JSON

    columns = Base.metadata.tables[table].c
    json_cols = {c.name for c in columns if isinstance(c.type, JSON)}
    with db.engine.connect() as conn:
        result = conn.exec_driver_sql(f'SELECT * FROM "{table}"')
        names = list(result.keys())
        rows = {}
        for raw in result:
            row = dict(zip(names, raw, strict=True))
            for name in json_cols:
                if row.get(name) is not None:
                    row[name] = json.loads(row[name])
            rows[row["id"]] = row
    return rows

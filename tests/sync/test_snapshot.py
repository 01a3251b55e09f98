"""Seeding a store from a local database (``snapshot.load_database``: a team's first server, the
sync benchmark), on both stores: every row arrives as it was, a manager's device pulls exactly
the database back, and a PostgreSQL store is analysed at once — without statistics its planner
sorted every record on disk for each large pull page."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select

from kamdesk.db import Database
from kamdesk.models import Account, Contact
from kamdesk.sync.server.snapshot import load_database
from kamdesk.sync.server.tables import users
from tests.sync.conftest import Team, table_rows


def test_a_database_loaded_into_the_store_comes_back_whole(
    team: Team, tmp_path: Path, template_db: Path
) -> None:
    source_path = tmp_path / "source.sqlite"
    source_path.write_bytes(template_db.read_bytes())
    source = Database.open(source_path)
    try:
        with source.unit_of_work() as uow:
            accounts = [Account(name=f"Compte {i}", sector="Énergie") for i in range(30)]
            uow.session.add_all(accounts)
            uow.session.flush()
            uow.session.add_all(
                Contact(account_id=a.id, first_name="Élise", last_name=f"Roux {i}")
                for i, a in enumerate(accounts)
            )
            uow.commit()
        expected = {t: table_rows(source, t) for t in ("accounts", "contacts")}
    finally:
        source.close()

    team.user("boss", "manager")
    with team.store.read() as conn:
        owner = conn.execute(select(users.c.id).where(users.c.name == "boss")).scalar_one()
    analysed_before = last_analyze(team)
    version = load_database(team.store, source_path, owner)
    assert version >= 60

    boss = team.device("boss", "manager")
    assert boss.client.sync().pulled >= 60
    for table, rows in expected.items():
        assert table_rows(boss.db, table) == rows, table

    if team.store.is_postgresql:
        # Analysed by the load (statistics reach pg_stat a moment later).
        deadline = time.monotonic() + 5
        while (last_analyze(team) or "") <= (analysed_before or ""):
            assert time.monotonic() < deadline, "the load did not analyse the store"
            time.sleep(0.2)
        assert team.store.refresh_statistics(only_if_never=True) is False  # nothing left to do
    else:
        assert team.store.refresh_statistics() is False  # SQLite needs none


def last_analyze(team: Team) -> str | None:
    if not team.store.is_postgresql:
        return None
    with team.store.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT last_analyze::text FROM pg_stat_user_tables WHERE relname = 'records'"
        ).scalar()
    return str(found) if found is not None else None

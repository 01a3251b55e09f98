"""A server store restored from an older backup: the clients re-send what it lost.

The store is an SQLite file copied with SQLite's backup API (as an admin would back it up),
written on, then put back. Every change made between the backup and the restore had been
acknowledged — it is in no outbox any more — so only the re-send can bring it back.

- With ``kamdesk server restored`` (the admin's step after a restore: a new epoch), every
  client notices at its next sync, even when another client has pushed since and the server's
  version is past its cursor again.
- Without it, a client whose cursor is past the server's last version notices on its own.
- A re-send cut short (the network drops) starts again at the next sync.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from kamdesk.models import Account, Contact, Opportunity
from kamdesk.sync import errors, local_state
from kamdesk.sync.server import admin
from kamdesk.sync.server.store import Store
from tests.sync.conftest import (
    SERVER,
    Device,
    Team,
    World,
    sqlite_store_only,
    table_rows,
)

pytestmark = sqlite_store_only


def store_path(team: Team) -> Path:
    database = team.store.engine.url.database
    assert database is not None
    return Path(database)


def take_backup(team: Team, folder: Path) -> Path:
    copy = folder / "backup.sqlite"
    with sqlite3.connect(store_path(team)) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


def restore(team: Team, backup: Path) -> None:
    """Stop using the store, put the backup in its place, open it again (a server restart)."""
    url = str(team.store.engine.url)
    team.store.close()
    with sqlite3.connect(backup) as src, sqlite3.connect(store_path(team)) as dst:
        src.backup(dst)
    team.store = Store.open(url)
    team.http.app.state.store = team.store  # type: ignore[attr-defined]


def rejections(device: Device) -> int:
    with device.db.engine.connect() as conn:
        local_state.ensure_tables(conn)
        return int(conn.exec_driver_sql("SELECT count(*) FROM sync_rejections").scalar() or 0)


def shared(device: Device, table: str) -> dict[str, dict[str, Any]]:
    return table_rows(device.db, table)


@pytest.fixture
def kim_and_lea(team: Team, world: World) -> tuple[Device, Device]:
    kim, lea = team.device("kim"), team.device("lea")
    team.grant("kim", world.accounts[0])
    team.grant("lea", world.accounts[0])
    kim.client.sync()
    lea.client.sync()
    return kim, lea


def test_after_a_restore_and_the_admin_step_every_client_sends_back_what_was_lost(
    team: Team, world: World, kim_and_lea: tuple[Device, Device], tmp_path: Path
) -> None:
    kim, lea = kim_and_lea
    account = world.accounts[0]
    known = kim.create(Contact, account_id=account, first_name="Avant", last_name="Sauvegarde")
    kim.client.sync()
    lea.client.sync()
    backup = take_backup(team, tmp_path)

    # After the backup: new rows and edits on both devices, all acknowledged by the server.
    claire = kim.create(Contact, account_id=account, first_name="Claire", last_name="Martin")
    kim.edit(Contact, known, job_title="Directrice des achats")
    deal = lea.create(
        Opportunity,
        account_id=account,
        title="Renouvellement flotte",
        pipeline_id=world.pipeline_id,
        stage_id=world.stage_ids[0],
        amount_cents=250_000_00,
    )
    for device in (kim, lea, kim):
        device.client.sync()
    assert kim.outbox_size() == lea.outbox_size() == 0
    assert lea.get(Contact, claire) is not None

    restore(team, backup)
    assert admin.mark_restored(team.store) == 1
    # Lea syncs first and writes more: the server's version moves past Kim's cursor again,
    # which alone would hide the restore from Kim — the epoch does not.
    lea.edit(Account, account, description="Compte clé depuis 2019")
    first = lea.client.sync()
    assert first.resent >= 1  # the opportunity
    second = kim.client.sync()
    assert second.resent >= 2  # Claire, and the contact Kim edited
    boss = world.manager.client.sync()  # wrote before the backup: sends it, changes nothing
    assert boss.conflicts == 0
    lea.client.sync()
    kim.client.sync()

    # The server has it all again: a new device that pulls everything sees every change.
    fresh = team.device("kim")
    fresh.client.sync()
    assert fresh.get(Contact, claire).first_name == "Claire"
    assert fresh.get(Contact, known).job_title == "Directrice des achats"
    assert fresh.get(Opportunity, deal).amount_cents == 250_000_00
    assert fresh.get(Account, account).description == "Compte clé depuis 2019"
    for table in ("contacts", "opportunities", "accounts"):
        assert shared(kim, table) == shared(lea, table) == shared(fresh, table), table
    for device in (kim, lea, fresh, world.manager):
        assert device.outbox_size() == 0 and rejections(device) == 0
    # And the next round has nothing to do.
    quiet = kim.client.sync()
    assert (quiet.pushed, quiet.pulled, quiet.resent) == (0, 0, 0)


def test_a_client_past_the_servers_last_version_notices_on_its_own(
    team: Team, world: World, kim_and_lea: tuple[Device, Device], tmp_path: Path
) -> None:
    kim, _ = kim_and_lea
    backup = take_backup(team, tmp_path)
    claire = kim.create(Contact, account_id=world.accounts[0], first_name="Claire", last_name="M")
    kim.client.sync()
    restore(team, backup)  # and no admin step

    pending = kim.create(Contact, account_id=world.accounts[0], first_name="Paul", last_name="R")
    summary = kim.client.sync()
    assert summary.resent >= 1 and summary.rejected == 0
    fresh = team.device("kim")
    fresh.client.sync()
    assert fresh.get(Contact, claire) is not None
    assert fresh.get(Contact, pending) is not None
    assert shared(kim, "contacts") == shared(fresh, "contacts")
    assert kim.outbox_size() == 0 and rejections(kim) == 0


class DropsAPush:
    """The network between one device and the server: the ``fail_at``-th push never arrives."""

    def __init__(self, http: httpx.Client, fail_at: int) -> None:
        self.http = http
        self.fail_at = fail_at
        self.pushes = 0

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if url.endswith("/v1/push"):
            self.pushes += 1
            if self.pushes == self.fail_at:
                raise httpx.ConnectError("connection reset")
        return self.http.request(method, url, **kwargs)

    def close(self) -> None:
        pass


def test_a_resend_cut_short_starts_again_at_the_next_sync(
    team: Team, world: World, kim_and_lea: tuple[Device, Device], tmp_path: Path
) -> None:
    kim, _ = kim_and_lea
    backup = take_backup(team, tmp_path)
    written = [
        kim.create(Contact, account_id=world.accounts[0], first_name=f"C{i}", last_name="X")
        for i in range(7)
    ]
    kim.client.sync()
    restore(team, backup)
    admin.mark_restored(team.store)

    from kamdesk.sync.client import SyncClient

    flaky = DropsAPush(team.http, fail_at=3)  # the first push is refused (restored), then
    client = SyncClient(kim.db, SERVER, kim.token, flaky, push_batch=3)  # the re-send starts
    with pytest.raises(errors.Offline):
        client.sync()
    with kim.db.engine.connect() as conn:
        assert local_state.get_setting(conn, local_state.RECOVERY_KEY) is not None
    summary = kim.client.sync()
    assert summary.resent >= len(written)
    fresh = team.device("kim")
    fresh.client.sync()
    assert set(written) <= fresh.ids(Contact)
    with kim.db.engine.connect() as conn:
        assert local_state.get_setting(conn, local_state.RECOVERY_KEY) is None
    assert rejections(kim) == 0


def test_a_second_restore_during_a_resend_is_followed(
    team: Team, world: World, kim_and_lea: tuple[Device, Device], tmp_path: Path
) -> None:
    """The store is restored (and marked) twice; Kim's re-send for the first epoch, cut short,
    is refused with the second one: Kim starts over with it instead of being stuck."""
    kim, _ = kim_and_lea
    backup = take_backup(team, tmp_path)
    claire = kim.create(Contact, account_id=world.accounts[0], first_name="Claire", last_name="M")
    kim.client.sync()
    restore(team, backup)
    admin.mark_restored(team.store)
    with kim.db.engine.begin() as conn:  # as if the re-send for epoch 1 had been cut short
        local_state.ensure_tables(conn)
        local_state.set_setting(conn, local_state.RECOVERY_KEY, '{"version": 0, "epoch": 1}')
    assert admin.mark_restored(team.store) == 2

    summary = kim.client.sync()
    assert summary.resent >= 1 and summary.rejected == 0
    fresh = team.device("kim")
    fresh.client.sync()
    assert fresh.get(Contact, claire) is not None
    with kim.db.engine.connect() as conn:
        assert local_state.get_setting(conn, local_state.RECOVERY_KEY) is None
        assert local_state.epoch(conn) == 2

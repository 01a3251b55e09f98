"""Buckets and roles: what a user may read and write, checked on every mutation and pulled row."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random

import pytest
from sqlalchemy import select

from kamdesk.models import (
    Account,
    Contact,
    Email,
    Opportunity,
    OpportunityLine,
    Pipeline,
    Product,
    StanceChange,
)
from kamdesk.sync import local_state
from kamdesk.sync.server import admin
from kamdesk.sync.server.access import access_for
from kamdesk.sync.server.tables import records, users
from tests.sync.conftest import Device, Team, World, make_world, table_rows

NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def rejections(device: Device) -> list[tuple[str, str]]:
    with device.db.engine.connect() as conn:
        return [(r["table"], r["reason"]) for r in local_state.rejected_changes(conn)]


def server_view(team: Team, name: str) -> dict[str, set[str]]:
    """Every row id the server lets ``name`` read, per table."""
    with team.store.read() as conn:
        user = conn.execute(select(users).where(users.c.name == name)).one()
        access = access_for(conn, user.id, user.role)
        rows = conn.execute(
            select(records.c.table_name, records.c.row_id).where(access.readable(records.c.bucket))
        ).all()
    view: dict[str, set[str]] = {}
    for table, row_id in rows:
        view.setdefault(table, set()).add(row_id)
    return view


def device_view(device: Device) -> dict[str, set[str]]:
    from kamdesk.sync.buckets import SCOPES

    view = {t: set(table_rows(device.db, t)) for t in SCOPES}
    return {t: ids for t, ids in view.items() if ids}


def smuggle_account(device: Device, account_id: str) -> None:
    """Put an account in ``device``'s database behind sync's back (an old copy, say)."""
    with device.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO accounts (id, name, tier, email_domains, strategic_reference, "
            "strategic_innovation, strategic_network, strategic_stability, custom_fields, "
            "created_at, updated_at, hlc) VALUES (?, 'x', 'standard', '[]', 0, 0, 0, 0, '{}', "
            "'2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '')",
            (account_id,),
        )


def test_push_into_a_foreign_account_is_refused_clearly(team: Team, world: World) -> None:
    kim = team.device("kim")
    team.grant("kim", world.accounts[0])
    kim.client.sync()
    smuggle_account(kim, world.accounts[1])
    foreign = kim.create(Contact, account_id=world.accounts[1], first_name="A", last_name="B")
    summary = kim.client.sync()
    assert summary.rejected == 1
    [(table, reason)] = rejections(kim)
    assert table == "contacts"
    assert reason == "you are not in the team of this account, so you may not change its contacts"
    assert kim.get(Contact, foreign) is None  # the replica matches the server again
    assert kim.outbox_size() == 0


def test_moving_a_contact_into_a_foreign_account_is_undone(team: Team, world: World) -> None:
    kim = team.device("kim")
    team.grant("kim", world.accounts[0])
    kim.client.sync()
    contact = kim.create(Contact, account_id=world.accounts[0], first_name="A", last_name="B")
    kim.client.sync()
    smuggle_account(kim, world.accounts[1])
    kim.edit(Contact, contact, account_id=world.accounts[1])
    assert kim.client.sync().rejected == 1
    assert kim.get(Contact, contact).account_id == world.accounts[0]


def test_pull_never_returns_foreign_rows(team: Team, world: World) -> None:
    boss = world.manager
    mine = boss.create(Contact, account_id=world.accounts[0], first_name="M", last_name="Y")
    theirs = boss.create(Contact, account_id=world.accounts[1], first_name="T", last_name="H")
    boss.create(StanceChange, contact_id=theirs, changed_at=NOW, stance_after=1, influence_after=3)
    boss.client.sync()
    kim = team.device("kim")
    team.grant("kim", world.accounts[0])
    kim.client.sync()
    assert kim.ids(Contact) == {mine}
    assert kim.ids(Account) == {world.accounts[0]}
    assert kim.ids(StanceChange) == set()
    assert len(kim.ids(Pipeline)) == 1  # global: everyone reads it
    assert device_view(kim) == server_view(team, "kim")


def test_revoking_a_team_removes_its_rows_children_included(team: Team, world: World) -> None:
    boss = world.manager
    product = boss.create(Product, code="P1", name="Produit")
    opp = boss.create(
        Opportunity,
        account_id=world.accounts[0],
        title="Renouvellement",
        pipeline_id=world.pipeline_id,
        stage_id=world.stage_ids[0],
    )
    boss.create(OpportunityLine, opportunity_id=opp, product_id=product, unit_price_cents=100)
    boss.client.sync()
    kim = team.device("kim")
    team.grant("kim", world.accounts[0])
    kim.client.sync()
    assert len(kim.ids(OpportunityLine)) == 1
    admin.revoke_team(team.store, "kim", world.accounts[0])
    summary = kim.client.sync()
    assert summary.removed == 3  # account, opportunity, line
    assert kim.ids(Opportunity) == set() and kim.ids(OpportunityLine) == set()
    assert kim.ids(Product) == {product}
    assert device_view(kim) == server_view(team, "kim")
    team.grant("kim", world.accounts[0])  # and back
    kim.client.sync()
    assert kim.ids(OpportunityLine) != set()
    assert device_view(kim) == server_view(team, "kim")


def test_a_row_moved_out_of_reach_leaves_the_replica(team: Team, world: World) -> None:
    boss = world.manager
    contact = boss.create(Contact, account_id=world.accounts[0], first_name="A", last_name="B")
    boss.create(StanceChange, contact_id=contact, changed_at=NOW, stance_after=2, influence_after=4)
    boss.client.sync()
    kim = team.device("kim")
    team.grant("kim", world.accounts[0])
    kim.client.sync()
    assert len(kim.ids(StanceChange)) == 1
    boss.edit(Contact, contact, account_id=world.accounts[1])
    boss.edit(Contact, contact, account_id=world.accounts[0])
    boss.client.sync()
    boss.edit(Contact, contact, account_id=world.accounts[1])  # moved twice between kim's pulls
    boss.client.sync()
    kim.client.sync()
    assert kim.ids(Contact) == set() and kim.ids(StanceChange) == set()
    assert device_view(kim) == server_view(team, "kim")


def test_shared_settings_are_for_managers(team: Team, world: World) -> None:
    kim = team.device("kim")
    kim.client.sync()
    kim.edit(Pipeline, world.pipeline_id, name="Mon pipeline")
    local = kim.create(Product, code="X", name="Produit maison")
    assert kim.client.sync().rejected == 2
    assert kim.get(Pipeline, world.pipeline_id).name == "Ventes"
    assert kim.get(Product, local) is None
    assert all("only managers and admins" in reason for _, reason in rejections(kim))


def test_read_only_users_read_their_teams_and_write_nothing(team: Team, world: World) -> None:
    reader = team.device("rita", "read_only")
    team.grant("rita", world.accounts[0])
    reader.client.sync()
    assert reader.ids(Account) == {world.accounts[0]}
    reader.edit(Account, world.accounts[0], name="renamed")
    assert reader.client.sync().rejected == 1
    assert reader.get(Account, world.accounts[0]).name == "Compte 0"


def test_a_kam_who_creates_an_account_joins_its_team(team: Team, world: World) -> None:
    kim, lea = team.device("kim"), team.device("lea")
    new = kim.create(Account, name="Nouvelle cible")
    assert kim.client.sync().rejected == 0
    lea.client.sync()
    world.manager.client.sync()
    assert lea.get(Account, new) is None
    assert world.manager.get(Account, new) is not None
    assert new in next(u for u in admin.list_users(team.store) if u.name == "kim").teams


def email_values(account_id: str | None) -> dict[str, object]:
    return {
        "subject": "Devis",
        "raw_sha256": "a" * 64,
        "account_id": account_id,
        "sent_at": NOW,
    }


def test_mail_waiting_for_review_is_private_to_its_owner(team: Team, world: World) -> None:
    kim, lea = team.device("kim"), team.device("lea")
    team.grant("kim", world.accounts[0])
    team.grant("lea", world.accounts[0])
    kim.client.sync()
    queued = kim.create(Email, **email_values(None))
    kim.client.sync()
    lea.client.sync()
    world.manager.client.sync()
    assert lea.get(Email, queued) is None
    assert world.manager.get(Email, queued) is None  # a mailbox is personal
    kim.edit(Email, queued, account_id=world.accounts[0])  # linked: now the team's
    kim.client.sync()
    lea.client.sync()
    assert lea.get(Email, queued) is not None
    kim.edit(Email, queued, account_id=None)  # unlinked again: back to Kim only
    kim.client.sync()
    lea.client.sync()
    world.manager.client.sync()
    assert lea.get(Email, queued) is None and world.manager.get(Email, queued) is None
    assert device_view(lea) == server_view(team, "lea")


def test_random_grants_and_revokes_never_leave_foreign_rows(team: Team) -> None:
    rng = random.Random(20261126)
    world = make_world(team, accounts=4)
    for account in world.accounts:
        for i in range(3):
            world.manager.create(Contact, account_id=account, first_name="c", last_name=str(i))
    world.manager.client.sync()
    names = ["kim", "lea", "max"]
    devices = {name: team.device(name) for name in names}
    for step in range(25):
        name, account = rng.choice(names), rng.choice(world.accounts)
        if rng.random() < 0.5:
            admin.grant_team(team.store, name, account)
        else:
            with contextlib.suppress(admin.AdminError):
                admin.revoke_team(team.store, name, account)
        if rng.random() < 0.3:  # the manager keeps moving contacts between accounts
            contacts = sorted(world.manager.ids(Contact))
            world.manager.edit(Contact, rng.choice(contacts), account_id=rng.choice(world.accounts))
            world.manager.client.sync()
        synced = rng.choice(names)
        devices[synced].client.sync()
        assert device_view(devices[synced]) == server_view(team, synced), f"step {step}"
    for name, device in devices.items():
        device.client.sync()
        assert device_view(device) == server_view(team, name)


def test_server_rows_hold_whole_records(team: Team, world: World) -> None:
    with team.store.read() as conn:
        data = conn.execute(
            select(records.c.data).where(records.c.row_id == world.accounts[0])
        ).scalar()
    assert json.loads(data)["name"] == "Compte 0"


@pytest.mark.parametrize("role", ["admin", "manager"])
def test_managers_and_admins_read_every_account(team: Team, world: World, role: str) -> None:
    other = team.device(f"{role}-2", role)
    other.client.sync()
    assert other.ids(Account) == set(world.accounts)

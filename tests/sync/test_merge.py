"""Per-field merge on the server, seen from two devices editing the same contact."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from kamdesk.models import Contact
from kamdesk.sync.server.tables import applied_mutations, records
from tests.sync.conftest import Device, Team, World, auth_headers


def conflicts(team: Team, device: Device, status: str = "all") -> list[dict[str, Any]]:
    answer = team.http.get(
        "/v1/conflicts", params={"status": status}, headers=auth_headers(device.token)
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["conflicts"]


@pytest.fixture
def pair(team: Team, world: World) -> tuple[Device, Device, str]:
    """Two KAMs of the same account, both holding the same contact."""
    anna, bruno = team.device("anna"), team.device("bruno")
    team.grant("anna", world.accounts[0])
    team.grant("bruno", world.accounts[0])
    anna.client.sync()
    contact = anna.create(
        Contact, account_id=world.accounts[0], first_name="Claire", last_name="Martin"
    )
    anna.client.sync()
    bruno.client.sync()
    assert bruno.get(Contact, contact) is not None
    return anna, bruno, contact


def test_the_same_batch_twice_is_applied_once(team: Team, world: World) -> None:
    boss = world.manager
    boss.create(Contact, account_id=world.accounts[0], first_name="A", last_name="B")
    batch = [p.mutation for p in boss.client._read_outbox()[0]]
    first = team.http.post("/v1/push", json={"mutations": batch}, headers=auth_headers(boss.token))
    again = team.http.post("/v1/push", json={"mutations": batch}, headers=auth_headers(boss.token))
    assert [r["status"] for r in first.json()["results"]] == ["applied"]
    assert again.json()["results"][0]["duplicate"] is True
    assert again.json()["results"][0]["status"] == "applied"
    with team.store.read() as conn:
        applied = conn.execute(
            select(func.count())
            .select_from(applied_mutations)
            .where(applied_mutations.c.mutation_id == batch[0]["mutation_id"])
        ).scalar()
        assert applied == 1
        rows = conn.execute(
            select(func.count()).select_from(records).where(records.c.table_name == "contacts")
        ).scalar()
    assert rows == 1
    # The client then sends it a third time (it never saw an answer): still one contact.
    summary = boss.client.sync()
    assert summary.pushed == 1 and summary.conflicts == 0
    assert len(boss.ids(Contact)) == 1


def test_fast_forward_after_seeing_the_change(pair: tuple[Device, Device, str], team) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, job_title="Acheteuse")
    anna.client.sync()
    bruno.client.sync()
    bruno.edit(Contact, contact, job_title="Directrice des achats")
    assert bruno.client.sync().conflicts == 0
    anna.client.sync()
    assert anna.get(Contact, contact).job_title == "Directrice des achats"
    assert conflicts(team, anna) == []


def test_equal_values_are_no_conflict(pair: tuple[Device, Device, str], team) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, interests="Golf, vins de Bourgogne")
    bruno.edit(Contact, contact, interests="Golf, vins de Bourgogne")
    assert anna.client.sync().conflicts == 0
    assert bruno.client.sync().conflicts == 0
    assert conflicts(team, anna) == []


@pytest.mark.parametrize("newer_first", [False, True])
def test_ordinary_field_newer_hlc_wins_and_the_loser_is_logged(
    pair: tuple[Device, Device, str], team: Team, newer_first: bool
) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, job_title="older")
    bruno.edit(Contact, contact, job_title="newer")  # later clock: the newer HLC
    order = [bruno, anna] if newer_first else [anna, bruno]
    for device in order:
        device.client.sync()
    for device in (anna, bruno):
        device.client.sync()
        assert device.get(Contact, contact).job_title == "newer"
    [logged] = conflicts(team, anna, "auto")
    assert logged["field"] == "job_title" and logged["status"] == "auto"
    assert {logged["server_value"], logged["client_value"]} == {"older", "newer"}
    assert logged["kept"] == ("server" if newer_first else "client")
    assert {logged["server_user"], logged["client_user"]} == {"anna", "bruno"}


def test_free_text_keeps_both_until_a_person_chooses(
    pair: tuple[Device, Device, str], team: Team
) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, interests="Rugby")
    bruno.edit(Contact, contact, interests="Voile, jazz")
    anna.client.sync()
    assert bruno.client.sync().conflicts == 1
    anna.client.sync()
    # The first value to reach the server stays; nobody's words are lost.
    assert anna.get(Contact, contact).interests == "Rugby"
    assert bruno.get(Contact, contact).interests == "Rugby"
    [open_one] = conflicts(team, bruno, "open")
    assert (open_one["server_value"], open_one["client_value"]) == ("Rugby", "Voile, jazz")
    assert open_one["kept"] == "server"

    answer = team.http.post(
        f"/v1/conflicts/{open_one['id']}/resolve",
        json={"choice": "value", "value": "Rugby; voile, jazz"},
        headers=auth_headers(bruno.token),
    )
    assert answer.status_code == 204, answer.text
    for device in (anna, bruno):
        device.client.sync()
        assert device.get(Contact, contact).interests == "Rugby; voile, jazz"
    assert conflicts(team, anna, "open") == []
    again = team.http.post(
        f"/v1/conflicts/{open_one['id']}/resolve",
        json={"choice": "server"},
        headers=auth_headers(anna.token),
    )
    assert again.status_code == 409


def test_a_second_offline_edit_still_conflicts_with_what_it_never_saw(
    pair: tuple[Device, Device, str], team: Team
) -> None:
    """Bruno's second edit has his own first edit as base HLC, which is newer than Anna's
    write: a base-HLC rule would overwrite her words silently. ``seen`` does not."""
    anna, bruno, contact = pair
    bruno.edit(Contact, contact, phone="01 02 03 04 05")
    anna.edit(Contact, contact, interests="Rugby")
    anna.client.sync()
    bruno.edit(Contact, contact, interests="Voile")
    assert bruno.client.sync().conflicts == 1
    assert [c["field"] for c in conflicts(team, anna, "open")] == ["interests"]


def test_own_successive_edits_never_conflict(pair: tuple[Device, Device, str], team) -> None:
    anna, _, contact = pair
    for text in ("a", "ab", "abc"):
        anna.edit(Contact, contact, interests=text, job_title=text)
    assert anna.client.sync().conflicts == 0
    anna.edit(Contact, contact, interests="abcd")
    assert anna.client.sync().conflicts == 0
    assert conflicts(team, anna) == []


@pytest.mark.parametrize("delete_first", [True, False])
def test_delete_wins_and_the_edit_comes_back_with_a_restore(
    pair: tuple[Device, Device, str], team: Team, delete_first: bool
) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, deleted_at=dt.datetime.now(dt.UTC))
    bruno.edit(Contact, contact, job_title="Nouvelle fonction")
    order = [anna, bruno] if delete_first else [bruno, anna]
    for device in order:
        assert device.client.sync().rejected == 0
    for device in (anna, bruno):
        device.client.sync()
        row = device.get(Contact, contact)
        assert row.deleted_at is not None
        assert row.job_title == "Nouvelle fonction"  # kept on the deleted row
    [logged] = conflicts(team, anna)
    assert logged["kind"] == "delete"
    anna.edit(Contact, contact, deleted_at=None)
    anna.client.sync()
    bruno.client.sync()
    restored = bruno.get(Contact, contact)
    assert restored.deleted_at is None and restored.job_title == "Nouvelle fonction"


def test_conflicts_list_only_readable_rows(pair: tuple[Device, Device, str], team: Team) -> None:
    anna, bruno, contact = pair
    anna.edit(Contact, contact, interests="x")
    bruno.edit(Contact, contact, interests="y")
    anna.client.sync()
    bruno.client.sync()
    outsider = team.device("olga")
    assert conflicts(team, outsider) == []
    answer = team.http.post(
        f"/v1/conflicts/{conflicts(team, anna)[0]['id']}/resolve",
        json={"choice": "server"},
        headers=auth_headers(outsider.token),
    )
    assert answer.status_code == 404


def test_server_keeps_per_field_write_records(pair: tuple[Device, Device, str], team) -> None:
    anna, _, contact = pair
    anna.edit(Contact, contact, job_title="CFO")
    anna.client.sync()
    with team.store.read() as conn:
        meta = json.loads(
            conn.execute(select(records.c.meta).where(records.c.row_id == contact)).scalar()
        )
    assert set(meta) == {"*", "job_title"}
    hlc, version, client = meta["job_title"]
    assert client == anna.db.node_id and version > meta["*"][1]


def test_a_lost_answer_then_a_pull_then_the_retry_end_on_the_server_value(
    pair: tuple[Device, Device, str], team: Team
) -> None:
    """The push reached the server but its answer did not; a pull then replays the pending edit
    over the server's row. The retry is a duplicate, and must still bring the server's value."""
    anna, bruno, contact = pair
    bruno.edit(Contact, contact, interests="Opéra")
    bruno.client.sync()
    anna.edit(Contact, contact, interests="Football")
    batch = [p.mutation for p in anna.client._read_outbox()[0]]
    lost = team.http.post("/v1/push", json={"mutations": batch}, headers=auth_headers(anna.token))
    assert lost.json()["results"][0]["conflicts"] == 1  # kept "Opéra", logged "Football"
    anna.client.pull()
    assert anna.get(Contact, contact).interests == "Football"  # still pending: replayed
    summary = anna.client.sync()
    assert summary.pushed == 1
    assert anna.get(Contact, contact).interests == "Opéra"
    assert anna.outbox_size() == 0


def test_the_same_batch_sent_twice_at_once_is_applied_once(team: Team, world: World) -> None:
    """A retry racing its original (a proxy resending, say): the counter lock serialises them."""
    import threading

    from kamdesk.sync.protocol import Mutation
    from kamdesk.sync.server.auth import authenticate
    from kamdesk.sync.server.push import push

    boss = world.manager
    for i in range(20):
        boss.create(Contact, account_id=world.accounts[0], first_name="R", last_name=str(i))
    batch = [Mutation(**p.mutation) for p in boss.client._read_outbox()[0]]
    with team.store.read() as conn:
        principal = authenticate(conn, boss.token)
    assert principal is not None
    answers: list[list[Any]] = []

    def send() -> None:
        answers.append(push(team.store, principal, batch))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 2
    duplicates = sorted(sum(r.duplicate for r in answer) for answer in answers)
    assert duplicates == [0, 20]
    with team.store.read() as conn:
        count = conn.execute(
            select(func.count()).select_from(records).where(records.c.table_name == "contacts")
        ).scalar()
    assert count == 20

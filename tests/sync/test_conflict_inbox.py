"""The conflict inbox's thin client functions, against the real server and two real devices."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from kamdesk.models import Contact, Opportunity
from kamdesk.sync import conflict_inbox as inbox
from kamdesk.sync import errors
from kamdesk.sync.client import SyncClient
from tests.sync.conftest import Device, Team, World


@pytest.fixture
def pair(team: Team, world: World) -> tuple[Device, Device, str]:
    """Anna and Bruno, both in the team of the first account, both holding Claire Martin."""
    anna, bruno = team.device("anna"), team.device("bruno")
    team.grant("anna", world.accounts[0])
    team.grant("bruno", world.accounts[0])
    anna.client.sync()
    contact = anna.create(
        Contact, account_id=world.accounts[0], first_name="Claire", last_name="Martin"
    )
    anna.client.sync()
    bruno.client.sync()
    return anna, bruno, contact


def both_edit(
    first: Device, second: Device, row_id: str, field: str, values: tuple[str, str]
) -> None:
    """Each device changes the same field of a contact before seeing the other's change."""
    first.edit(Contact, row_id, **{field: values[0]})
    second.edit(Contact, row_id, **{field: values[1]})
    first.client.sync()
    second.client.sync()


def test_an_open_conflict_is_named_from_the_local_database(pair) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, "interests", ("Rugby", "Voile, jazz"))

    [entry] = inbox.open_conflicts(bruno.client)
    assert (entry.table, entry.row_id, entry.field) == ("contacts", contact, "interests")
    assert entry.record == "Claire Martin" and entry.account == "Compte 0"
    assert entry.value_kind == "text" and entry.mergeable
    assert (entry.server.value, entry.server.user) == ("Rugby", "anna")
    assert (entry.client.value, entry.client.user) == ("Voile, jazz", "bruno")
    assert entry.kept == "server" and entry.other_side is entry.client
    now = dt.datetime.now(dt.UTC)
    for moment in (entry.server.at, entry.client.at, entry.logged_at):
        assert moment is not None and abs((now - moment).total_seconds()) < 60
    assert inbox.open_count(anna.client) == 1


def test_a_merged_value_reaches_both_devices_and_settles_the_conflict(pair) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, "interests", ("Rugby", "Voile, jazz"))
    [entry] = inbox.open_conflicts(bruno.client)

    inbox.resolve(bruno.client, entry.id, "value", "Rugby; voile, jazz")
    for device in (anna, bruno):
        device.client.sync()
        assert device.get(Contact, contact).interests == "Rugby; voile, jazz"
    assert inbox.open_conflicts(anna.client) == []
    with pytest.raises(inbox.AlreadySettled):
        inbox.resolve(anna.client, entry.id, "server")


def test_keeping_the_waiting_value(pair) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, "interests", ("Rugby", "Voile, jazz"))
    [entry] = inbox.open_conflicts(anna.client)
    inbox.resolve(anna.client, entry.id, entry.other_choice)
    anna.client.sync()
    assert anna.get(Contact, contact).interests == "Voile, jazz"


def test_settled_alone_lists_the_replaced_value_for_a_few_days(pair) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, "job_title", ("Acheteuse", "Directrice achats"))
    assert inbox.open_conflicts(anna.client) == []

    [entry] = inbox.recently_settled(anna.client)
    assert entry.status == "auto" and entry.field == "job_title"
    assert entry.kept_side.value == "Directrice achats"  # the newer value stays
    assert entry.other_side.value == "Acheteuse"  # and the other one is still readable
    assert not entry.mergeable
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=inbox.RECENT_DAYS + 1)
    assert inbox.recently_settled(anna.client, now=later) == []


def test_stages_and_amounts_are_named(team: Team, world: World, pair) -> None:
    anna, bruno, _ = pair
    deal = anna.create(
        Opportunity,
        account_id=world.accounts[0],
        title="Renouvellement flotte",
        pipeline_id=world.pipeline_id,
        stage_id=world.stage_ids[0],
        amount_cents=10_000_00,
    )
    anna.client.sync()
    bruno.client.sync()
    anna.edit(Opportunity, deal, stage_id=world.stage_ids[1], amount_cents=12_000_00)
    bruno.edit(Opportunity, deal, stage_id=world.stage_ids[2], amount_cents=15_000_00)
    anna.client.sync()
    bruno.client.sync()

    by_field = {e.field: e for e in inbox.open_conflicts(bruno.client)}
    stage, amount = by_field["stage_id"], by_field["amount_cents"]
    assert stage.record == "Renouvellement flotte" and stage.value_kind == "stage"
    assert stage.names == {world.stage_ids[1]: "Proposition", world.stage_ids[2]: "Négociation"}
    assert amount.value_kind == "money" and amount.currency == "EUR"
    assert not stage.mergeable and not amount.mergeable


def test_a_read_only_user_may_not_choose(team: Team, world: World, pair) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, "interests", ("Rugby", "Voile"))
    reader = team.device("rita", "read_only")
    team.grant("rita", world.accounts[0])
    reader.client.sync()
    [entry] = inbox.open_conflicts(reader.client)
    with pytest.raises(inbox.NotAllowed):
        inbox.resolve(reader.client, entry.id, "client")


def test_offline_is_told_as_offline(pair) -> None:
    _, bruno, _ = pair

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host", request=request)

    with httpx.Client(transport=httpx.MockTransport(unreachable)) as http:
        client = SyncClient(bruno.db, "http://team.invalid", bruno.token, http)
        with pytest.raises(errors.Offline):
            inbox.open_conflicts(client)
        with pytest.raises(errors.Offline):
            inbox.resolve(client, 1, "server")


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Rugby", "Voile", "Rugby\n\nVoile"),
        ("Rugby", "Rugby, voile", "Rugby, voile"),  # one holds the other: no repetition
        ("Rugby, voile", "voile", "Rugby, voile"),
        (None, "Voile", "Voile"),
        ("  ", None, ""),
    ],
)
def test_merged_text_starts_from_both(first, second, merged) -> None:
    assert inbox.merged_text(first, second) == merged

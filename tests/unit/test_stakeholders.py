"""The stakeholder map rows: nodes, "as of" replay, buying committee, deleted managers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from kamdesk.db import Database
from kamdesk.models import (
    Contact,
    Opportunity,
    OpportunityContact,
    Pipeline,
    Stage,
    StanceChange,
    User,
)
from kamdesk.services.accounts import create_account
from kamdesk.services.contacts import create_contact, delete_contact, update_contact
from kamdesk.services.interactions import create_interaction
from kamdesk.services.stakeholders import (
    end_of_day,
    history_range,
    load_map,
    move_values,
    value_as_of,
)

NOW = dt.datetime.now(dt.UTC)
DAY0 = (NOW - dt.timedelta(days=100)).date()


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def at_noon(n: int) -> dt.datetime:
    return dt.datetime.combine(day(n), dt.time(12), tzinfo=dt.UTC)


def test_move_values_snap_and_clamp() -> None:
    assert move_values(1.4, 3.6) == {"stance": 1, "influence": 4}
    assert move_values(-7, 0) == {"stance": -2, "influence": 1}
    assert move_values(2.6, 9) == {"stance": 2, "influence": 5}
    assert move_values(-0.5, 2.5) == {"stance": 0, "influence": 3}


def test_value_as_of_pure() -> None:
    changes = [
        (at_noon(10), 0, 1, 3, 3),
        (at_noon(40), 1, 2, 3, 4),
    ]
    assert value_as_of((2, 4), changes, end_of_day(day(5))) == (0, 3)
    assert value_as_of((2, 4), changes, end_of_day(day(10))) == (1, 3)  # on the day counts
    assert value_as_of((2, 4), changes, end_of_day(day(20))) == (1, 3)
    assert value_as_of((2, 4), changes, end_of_day(day(50))) == (2, 4)
    assert value_as_of((2, 4), [], end_of_day(day(5))) == (2, 4)
    unknown_before = [(at_noon(10), None, 1, None, 2)]
    assert value_as_of((2, 4), unknown_before, end_of_day(day(5))) == (1, 2)


def test_map_nodes_as_of_replay_and_history_range(db: Database) -> None:
    with db.unit_of_work() as uow:
        owner = User(name="Alice KAM")
        uow.session.add(owner)
        uow.session.flush()
        account = create_account(uow, {"name": "Renault"})
        boss = create_contact(
            uow,
            account,
            {
                "first_name": "Jean",
                "last_name": "Martin",
                "job_title": "CIO",
                "buying_role": "decision_maker",
                "influence": 5,
                "relationship_owner_id": owner.id,
            },
        )
        lea = create_contact(
            uow,
            account,
            {
                "first_name": "Léa",
                "last_name": "Lefebvre",
                "reports_to_id": boss,
                "stance": 0,
                "influence": 3,
            },
        )
        newcomer = create_contact(uow, account, {"first_name": "Neo", "last_name": "Late"})
        uow.commit()
    with db.unit_of_work() as uow:
        update_contact(uow, lea, {"stance": 1}, author_id=None)
        uow.commit()
    with db.unit_of_work() as uow:
        update_contact(uow, lea, {"stance": 2, "influence": 4})
        changes = uow.session.scalars(
            select(StanceChange).where(StanceChange.contact_id == lea)
        ).all()
        changes = sorted(changes, key=lambda c: c.stance_after)
        changes[0].changed_at = at_noon(10)
        changes[1].changed_at = at_noon(40)
        for contact in uow.session.scalars(select(Contact).where(Contact.id.in_([boss, lea]))):
            contact.created_at = at_noon(0)
        uow.session.get_one(Contact, newcomer).created_at = at_noon(30)
        uow.commit()

    with db.read() as s:
        today = load_map(s, account, now=NOW)
        by_id = {n.id: n for n in today.nodes}
        assert set(by_id) == {boss, lea, newcomer}
        assert [n.id for n in today.nodes][0] == boss  # most influential first
        assert (by_id[lea].stance, by_id[lea].influence) == (2, 4)
        assert by_id[lea].reports_to_id == boss and by_id[boss].reports_to_id is None
        assert by_id[boss].owner == "Alice KAM" and by_id[lea].owner is None
        assert by_id[boss].job_title == "CIO" and by_id[boss].name == "Jean Martin"
        assert by_id[boss].strength.level == "none"
        assert today.as_of is None
        assert "no_champion" not in {w.code for w in today.warnings}

        def lea_as_of(n: int) -> tuple[int, int]:
            node = next(x for x in load_map(s, account, as_of=day(n), now=NOW).nodes if x.id == lea)
            return node.stance, node.influence

        assert lea_as_of(5) == (0, 3)
        assert lea_as_of(20) == (1, 3)
        assert lea_as_of(50) == (2, 4)
        early = load_map(s, account, as_of=day(20), now=NOW)
        assert early.as_of == day(20)
        assert {n.id for n in early.nodes} == {boss, lea}  # the newcomer came on day 30
        assert "no_champion" in {w.code for w in early.warnings}
        assert {n.id for n in load_map(s, account, as_of=day(35), now=NOW).nodes} == {
            boss,
            lea,
            newcomer,
        }
        start, end = history_range(s, account, today=NOW.date())
        assert end == NOW.date() and start == NOW.date() - dt.timedelta(days=365)
        start, _ = history_range(s, account, today=day(50))
        assert start == day(50) - dt.timedelta(days=365)


def test_history_range_starts_at_the_earliest_change(db: Database) -> None:
    with db.unit_of_work() as uow:
        account = create_account(uow, {"name": "Old"})
        c = create_contact(uow, account, {"first_name": "A", "last_name": "B"})
        uow.commit()
    with db.unit_of_work() as uow:
        update_contact(uow, c, {"stance": 1})
        change = uow.session.scalars(select(StanceChange)).one()
        change.changed_at = NOW - dt.timedelta(days=800)
        uow.commit()
    with db.read() as s:
        start, end = history_range(s, account)
        assert start == (NOW - dt.timedelta(days=800)).date() and end == dt.date.today()


def test_deleted_contacts_deleted_managers_and_the_buying_committee(db: Database) -> None:
    with db.unit_of_work() as uow:
        account = create_account(uow, {"name": "Renault"})
        boss = create_contact(uow, account, {"first_name": "B", "last_name": "Boss"})
        mid = create_contact(
            uow, account, {"first_name": "M", "last_name": "Mid", "reports_to_id": boss}
        )
        worker = create_contact(
            uow, account, {"first_name": "W", "last_name": "Worker", "reports_to_id": mid}
        )
        eb = create_contact(
            uow,
            account,
            {"first_name": "E", "last_name": "Buyer", "buying_role": "economic_buyer"},
        )
        pipeline = Pipeline(name="Sales")
        uow.session.add(pipeline)
        uow.session.flush()
        stage = Stage(pipeline_id=pipeline.id, name="Qualify")
        uow.session.add(stage)
        uow.session.flush()
        opp = Opportunity(
            account_id=account, title="Fleet", pipeline_id=pipeline.id, stage_id=stage.id
        )
        uow.session.add(opp)
        uow.session.flush()
        uow.session.add_all(
            [
                OpportunityContact(opportunity_id=opp.id, contact_id=worker),
                OpportunityContact(opportunity_id=opp.id, contact_id=eb),
                OpportunityContact(
                    opportunity_id=opp.id, contact_id=boss, deleted_at=NOW
                ),  # removed from the committee
            ]
        )
        create_interaction(
            uow,
            account,
            {"kind": "meeting", "occurred_at": NOW - dt.timedelta(days=1), "subject": "Kick-off"},
            [worker],
        )
        uow.commit()
    with db.unit_of_work() as uow:
        delete_contact(uow, mid)
        uow.commit()

    with db.read() as s:
        full = load_map(s, account, now=NOW)
        by_id = {n.id: n for n in full.nodes}
        assert set(by_id) == {boss, worker, eb}  # the deleted one never appears
        assert by_id[worker].reports_to_id is None  # its manager is deleted
        assert by_id[worker].strength.interactions_365d == 1

        committee = load_map(s, account, opportunity_id=opp.id, now=NOW)
        assert {n.id for n in committee.nodes} == {worker, eb}
        assert committee.opportunity_id == opp.id
        assert "no_economic_buyer" not in {w.code for w in committee.warnings}
        assert load_map(s, account, opportunity_id="no-such-opportunity", now=NOW).nodes == []

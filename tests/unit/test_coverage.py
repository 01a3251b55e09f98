"""Relationship strength (the formula), its evidence, and the account coverage warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from kamdesk.db import Database
from kamdesk.services import coverage
from kamdesk.services.accounts import create_account
from kamdesk.services.contacts import create_contact, delete_contact
from kamdesk.services.coverage import (
    NO_STRENGTH,
    ContactFacts,
    Strength,
    account_warnings,
    contact_strengths,
    contributions,
    level_for,
    strength,
    strength_evidence,
    warnings_from,
)
from kamdesk.services.interactions import create_interaction

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


# --- the formula ----------------------------------------------------------------------------


def test_no_events_is_none() -> None:
    s = strength([], NOW)
    assert s == NO_STRENGTH
    assert s.level == "none" and s.score == 0 and s.last_at is None and s.days_since_last is None


def test_recent_meeting_beats_old_meeting() -> None:
    assert (
        strength([(ago(3), "meeting", "out")], NOW).score
        > strength([(ago(120), "meeting", "out")], NOW).score
    )


def test_half_life() -> None:
    fresh = contributions([(ago(0), "call", "out")], NOW)[0]
    # Contribution is the share of a saturating score; compare the raw points instead.
    assert fresh > 0
    points_now = coverage._raw_points([(ago(0), "call", "out")], NOW)[1]
    points_old = coverage._raw_points([(ago(coverage.HALF_LIFE_DAYS), "call", "out")], NOW)[1]
    assert points_old == pytest.approx(points_now / 2)


def test_more_interactions_score_higher() -> None:
    one = strength([(ago(10), "call", "out")], NOW)
    three = strength(
        [(ago(10), "call", "out"), (ago(20), "call", "out"), (ago(30), "email", "out")], NOW
    )
    assert three.score > one.score
    assert three.interactions_365d == 3 and three.interactions_90d == 3


def test_meeting_beats_call_beats_email() -> None:
    def score(kind: str) -> float:
        return strength([(ago(5), kind, "out")], NOW).score

    assert score("meeting") > score("call") > score("email") > 0


def test_two_way_beats_one_way() -> None:
    one_way = strength([(ago(5), "email", "out"), (ago(15), "email", "out")], NOW)
    two_way = strength([(ago(5), "email", "out"), (ago(15), "email", "in")], NOW)
    assert two_way.score > one_way.score
    assert (two_way.inbound_365d, two_way.outbound_365d) == (1, 1)


def test_score_bounded_and_ignores_future_other_kinds_and_old() -> None:
    lots = [(ago(i / 10), "meeting", "in" if i % 2 else "out") for i in range(2000)]
    assert 99 < strength(lots, NOW).score <= 100
    ignored = [(NOW + dt.timedelta(days=3), "meeting", "out"), (ago(1), "note", None)]
    assert strength(ignored, NOW) == NO_STRENGTH
    old = strength([(ago(400), "meeting", "out")], NOW)
    assert old.score == 0 and old.level == "none"
    assert old.last_at == ago(400) and old.days_since_last == 400


def test_level_thresholds() -> None:
    assert level_for(100) == "strong"
    assert level_for(coverage.STRONG_MIN) == "strong"
    assert level_for(coverage.STRONG_MIN - 0.1) == "medium"
    assert level_for(coverage.MEDIUM_MIN) == "medium"
    assert level_for(coverage.MEDIUM_MIN - 0.1) == "weak"
    assert level_for(0.01) == "weak"
    assert level_for(0) == "none"
    assert strength([(ago(1), "meeting", "out")], NOW).level == "medium"
    monthly = [(ago(30 * k), "meeting", "in" if k % 2 else "out") for k in range(12)]
    assert strength(monthly, NOW).level == "strong"
    assert strength([(ago(90), "email", "in")], NOW).level == "weak"


def test_contributions_add_up_to_the_score() -> None:
    events = [(ago(1), "meeting", "in"), (ago(40), "call", "out"), (ago(300), "email", "out")]
    parts = contributions(events, NOW)
    assert sum(parts) == pytest.approx(strength(events, NOW).score, abs=0.05)
    assert parts[0] > parts[1] > parts[2] > 0


def test_formula_text_names_the_constants() -> None:
    text = coverage.FORMULA_TEXT
    assert "60 days" in text and "meeting" in text and "both ways" in text


# --- warning rules (pure) -----------------------------------------------------------------


def facts(
    id_: str,
    *,
    role: str | None = None,
    stance: int = 0,
    influence: int = 3,
    left: bool = False,
    bounced: bool = False,
) -> ContactFacts:
    return ContactFacts(id_, id_.title(), role, stance, influence, left, bounced)


def strong_at(days: int) -> Strength:
    return Strength(80.0, "strong", 5, 10, 5, 5, ago(days), days)


def weak_at(days: int) -> Strength:
    return Strength(10.0, "weak", 0, 1, 0, 1, ago(days), days)


def codes(contacts: Sequence[ContactFacts], strengths: dict[str, Strength]) -> list[str]:
    return [w.code for w in warnings_from(contacts, strengths, NOW, 60)]


HEALTHY = [
    facts("eve", role="economic_buyer", stance=1, influence=5),
    facts("chad", role="influencer", stance=2, influence=3),
    facts("dora", role="user", influence=2),
]
HEALTHY_STRENGTHS = {"eve": strong_at(5), "chad": strong_at(10), "dora": weak_at(200)}


def test_a_healthy_account_has_no_warning() -> None:
    assert codes(HEALTHY, HEALTHY_STRENGTHS) == []


def test_single_threaded() -> None:
    strengths = HEALTHY_STRENGTHS | {"chad": weak_at(10)}
    found = warnings_from(HEALTHY, strengths, NOW, 60)
    assert [w.code for w in found] == ["single_threaded"]
    assert found[0].contact_ids == ("eve",) and found[0].params["strong"] == 1
    # A contact who left does not count as a thread.
    gone = [HEALTHY[0], facts("chad", role="influencer", stance=1, left=True), HEALTHY[2]]
    assert "single_threaded" in codes(gone, HEALTHY_STRENGTHS)
    assert codes([], {})[:1] == ["single_threaded"]


def test_no_economic_buyer() -> None:
    no_eb = [facts("eve", role="decision_maker", stance=1, influence=5), *HEALTHY[1:]]
    assert codes(no_eb, HEALTHY_STRENGTHS) == ["no_economic_buyer"]
    left_eb = [facts("eve", role="economic_buyer", influence=5, left=True), *HEALTHY[1:]]
    assert "no_economic_buyer" in codes(left_eb, HEALTHY_STRENGTHS)


def test_no_champion() -> None:
    no_champ = [HEALTHY[0], facts("chad", role="influencer", stance=1), HEALTHY[2]]
    assert codes(no_champ, HEALTHY_STRENGTHS) == ["no_champion"]


def test_gone_cold() -> None:
    cold = HEALTHY_STRENGTHS | {"chad": strong_at(61)}
    found = warnings_from(HEALTHY, cold, NOW, 60)
    assert [w.code for w in found] == ["gone_cold"]
    assert found[0].params["name"] == "Chad" and found[0].params["days"] == 61
    assert found[0].contact_ids == ("chad",)
    # Exactly the threshold is not cold yet; a longer threshold silences it.
    assert codes(HEALTHY, HEALTHY_STRENGTHS | {"chad": strong_at(60)}) == []
    assert warnings_from(HEALTHY, cold, NOW, 90) == []
    # A never-contacted economic buyer is cold too (days None); a plain user is never cold.
    never = warnings_from(HEALTHY, {"chad": strong_at(1), "eve": NO_STRENGTH}, NOW, 60)
    assert [(w.code, w.params["days"]) for w in never if w.code == "gone_cold"] == [
        ("gone_cold", None)
    ]


def test_email_bounced_only_for_key_contacts() -> None:
    bounced = [
        facts("eve", role="economic_buyer", stance=1, influence=5, bounced=True),
        HEALTHY[1],
        facts("dora", role="user", influence=2, bounced=True),
    ]
    found = warnings_from(bounced, HEALTHY_STRENGTHS, NOW, 60)
    assert [(w.code, w.contact_ids) for w in found] == [("email_bounced", ("eve",))]
    influential = [*HEALTHY, facts("ivan", influence=4, bounced=True)]
    assert codes(influential, HEALTHY_STRENGTHS) == ["email_bounced"]


def test_key_contact_left() -> None:
    left = [*HEALTHY, facts("old", role="decision_maker", left=True), facts("u", left=True)]
    found = warnings_from(left, HEALTHY_STRENGTHS, NOW, 60)
    assert [(w.code, w.contact_ids) for w in found] == [("key_contact_left", ("old",))]
    assert found[0].params == {"name": "Old"}


# --- with the database ----------------------------------------------------------------------


def test_strengths_evidence_and_warnings_from_the_database(db: Database) -> None:
    with db.unit_of_work() as uow:
        account = create_account(uow, {"name": "Renault"})
        other = create_account(uow, {"name": "Other"})
        dupont = create_contact(
            uow,
            account,
            {
                "first_name": "Claire",
                "last_name": "Dupont",
                "buying_role": "economic_buyer",
                "stance": 2,
                "influence": 5,
            },
        )
        martin = create_contact(
            uow, account, {"first_name": "Paul", "last_name": "Martin", "influence": 4}
        )
        silent = create_contact(uow, account, {"first_name": "Léa", "last_name": "Silent"})
        stranger = create_contact(uow, other, {"first_name": "X", "last_name": "Y"})

        def add(
            kind: str, days: float, direction: str | None, *who: str, acc: str = account
        ) -> str:
            return create_interaction(
                uow,
                acc,
                {"kind": kind, "occurred_at": ago(days), "direction": direction, "subject": kind},
                list(who),
            )

        add("meeting", 2, "out", dupont)
        add("meeting", 30, "out", dupont)
        add("meeting", 61, "out", dupont, martin)
        add("email", 3, "in", dupont)
        add("note", 1, None, dupont)  # not a contact activity
        add("call", -5, "out", dupont)  # planned, in the future
        add("meeting", 1, "out", stranger, acc=other)
        uow.commit()

    with db.read() as s:
        strengths = contact_strengths(s, account, NOW)
        assert set(strengths) == {dupont, martin, silent}
        assert strengths[dupont].interactions_365d == 4
        assert strengths[dupont].inbound_365d == 1
        assert strengths[dupont].score > strengths[martin].score > 0
        assert strengths[silent] == NO_STRENGTH
        assert strengths[dupont].last_at == ago(2)

        evidence = strength_evidence(s, dupont, NOW)
        assert [e.kind for e in evidence] == ["meeting", "email", "meeting", "meeting"]
        assert evidence[0].occurred_at == ago(2) and evidence[0].subject == "meeting"
        assert sum(e.points for e in evidence) == pytest.approx(strengths[dupont].score, abs=0.1)
        # ``limit`` never cuts rows that count: the evidence always adds up to the score.
        capped = strength_evidence(s, dupont, NOW, limit=2)
        assert len(capped) == 4
        assert sum(e.points for e in capped) == pytest.approx(strengths[dupont].score, abs=0.1)

        found = {w.code: w for w in account_warnings(s, account, NOW)}
        # Dupont (economic buyer, champion) is the only strong thread.
        assert (strengths[dupont].level, strengths[martin].level) == ("strong", "weak")
        assert set(found) == {"single_threaded"}
        assert found["single_threaded"].contact_ids == (dupont,)
        assert "gone_cold" in {w.code for w in account_warnings(s, account, ago(-90), 60)}

    with db.unit_of_work() as uow:
        delete_contact(uow, dupont)
        uow.commit()
    with db.read() as s:
        assert dupont not in contact_strengths(s, account, NOW)
        codes_now = {w.code for w in account_warnings(s, account, NOW)}
        assert {"no_economic_buyer", "no_champion", "single_threaded"} <= codes_now

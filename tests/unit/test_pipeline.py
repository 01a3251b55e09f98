"""The pipeline services on the demo database: board, moves and their undo, editor, stage setup.

Each refusal is checked the way the board relies on it: the field codes, and nothing written
(the outbox, which records every change, did not grow; the opportunity is unchanged).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select, text

from kamdesk.db import Database, UnitOfWork
from kamdesk.demo import generate_demo
from kamdesk.models import (
    Account,
    Contact,
    Interaction,
    Opportunity,
    OpportunityLine,
    OutboxEntry,
    Product,
    Stage,
    StageHistory,
    User,
    utcnow,
)
from kamdesk.services import pipeline as P
from kamdesk.services.errors import StaleEdit, ValidationError
from kamdesk.services.hierarchy import descendant_ids

TODAY = dt.date(2026, 5, 20)
NEW, RENEWALS = "Nouveaux projets", "Renouvellements"


# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "demo.sqlite"
    database = Database.open(path, create=True)
    generate_demo(database, seed=42, today=TODAY)
    database.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database for one test."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    database = Database.open(path)
    try:
        yield database
    finally:
        database.close()


def write(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with db.unit_of_work() as uow:
        result = fn(uow)
        uow.commit()
    return result


def read(db: Database, fn: Callable[[Any], Any]) -> Any:
    with db.read() as session:
        return fn(session)


def outbox_size(db: Database) -> int:
    return read(db, lambda s: s.scalar(select(func.count()).select_from(OutboxEntry)))


def codes(error: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in error.errors}


def pipeline(db: Database, name: str) -> P.PipelineInfo:
    return next(p for p in read(db, P.list_pipelines) if p.name == name)


def stage(db: Database, pipeline_name: str, stage_name: str) -> P.StageInfo:
    return next(s for s in pipeline(db, pipeline_name).stages if s.name == stage_name)


def opp_state(db: Database, opp_id: str) -> dict[str, Any]:
    """The opportunity's columns (minus bookkeeping) and its live stage history rows."""

    def load(session: Any) -> dict[str, Any]:
        row = session.execute(
            text("SELECT * FROM opportunities WHERE id = :id"), {"id": opp_id}
        ).mappings()
        values = {k: v for k, v in dict(row.one()).items() if k not in ("hlc", "updated_at")}
        values["history"] = session.execute(
            text(
                "SELECT id, stage_id, entered_at, left_at FROM stage_history"
                " WHERE opportunity_id = :id AND deleted_at IS NULL ORDER BY entered_at, id"
            ),
            {"id": opp_id},
        ).all()
        return values

    return read(db, load)


def account_with_contacts(db: Database, minimum: int = 2) -> tuple[str, list[str]]:
    def load(session: Any) -> tuple[str, list[str]]:
        for account_id in session.scalars(select(Account.id).order_by(Account.name)):
            ids = session.scalars(
                select(Contact.id).where(
                    Contact.account_id == account_id, Contact.deleted_at.is_(None)
                )
            ).all()
            if len(ids) >= minimum:
                return account_id, list(ids)
        raise AssertionError("no account with contacts")

    return read(db, load)


@pytest.fixture
def fresh(demo: Database) -> tuple[Database, str, str, list[str]]:
    """A new opportunity (demo db, account, opportunity id, the account's contacts)."""
    account_id, contact_ids = account_with_contacts(demo)
    pipeline_id = pipeline(demo, NEW).id
    opp_id = write(
        demo,
        lambda uow: P.create_opportunity(
            uow,
            account_id,
            {
                "pipeline_id": pipeline_id,
                "title": "Extension supervision",
                "amount_cents": 100_000_00,
            },
        ),
    )
    return demo, account_id, opp_id, contact_ids


def move(db: Database, opp_id: str, stage_id: str, **kwargs: Any) -> P.MoveEdit:
    return write(db, lambda uow: P.move_opportunity(uow, opp_id, stage_id, **kwargs))


# -- pure helpers -----------------------------------------------------------------------------


def test_next_stage_meddic_score_and_position_between() -> None:
    stages = tuple(
        P.StageInfo(f"s{i}", "p", f"S{i}", i, 10 * i, None, "open", ()) for i in range(3)
    )
    info = P.PipelineInfo("p", "P", 0, stages)
    assert P.next_stage(info, "s0", 1) == stages[1]
    assert P.next_stage(info, "s2", -2) == stages[0]
    assert P.next_stage(info, "s2", 1) is None
    assert P.next_stage(info, "s0", -1) is None
    assert P.next_stage(info, "unknown", 1) is None
    assert P.meddic_score({}) == 0
    assert P.meddic_score({"metrics": "  ", "champion_id": "c", "identified_pain": "x"}) == 2
    assert P.meddic_score({item: "x" for item in P.MEDDIC_ITEMS}) == 6
    assert P.position_between(1.0, 2.0) == 1.5
    assert P.position_between(None, 2.0) == 1.0
    assert P.position_between(3.0, None) == 4.0
    assert P.position_between(None, None) == 0.0


# -- pipelines and the board --------------------------------------------------------------------


def test_list_pipelines_on_the_demo(demo: Database) -> None:
    pipelines = read(demo, P.list_pipelines)
    assert [p.name for p in pipelines] == [NEW, RENEWALS]
    new = pipelines[0]
    assert [s.name for s in new.stages][:5] == [
        "Prospection",
        "Qualification",
        "Proposition",
        "Négociation",
        "Closing",
    ]
    assert [s.position for s in new.stages] == sorted(s.position for s in new.stages)
    assert [s.outcome for s in new.stages][-2:] == ["won", "lost"]
    negotiation = next(s for s in new.stages if s.name == "Négociation")
    assert negotiation.required_meddic == ("economic_buyer_id", "champion_id")


@pytest.mark.parametrize("today", [dt.date(2026, 3, 1), TODAY])  # deals closed within 90 days
def test_board_matches_the_database(demo: Database, today: dt.date) -> None:
    for info in read(demo, P.list_pipelines):
        board = read(demo, lambda s, i=info: P.load_board(s, i.id, today=today))
        assert list(board.cards_by_stage) == [s.id for s in info.stages]
        since = dt.datetime.combine(today - dt.timedelta(days=90), dt.time(), tzinfo=dt.UTC)
        with demo.read() as session:
            expected = {
                o.id: o
                for o in session.scalars(
                    select(Opportunity).where(
                        Opportunity.pipeline_id == info.id, Opportunity.deleted_at.is_(None)
                    )
                )
                if o.status == "open" or o.closed_at >= since
            }
            session.expunge_all()
        cards = [c for column in board.cards_by_stage.values() for c in column]
        assert sorted(c.id for c in cards) == sorted(expected)
        if today < TODAY and info.name == NEW:
            assert any(c.status != "open" for c in cards)
        for stage_info in info.stages:
            column = board.cards_by_stage[stage_info.id]
            assert [c.position for c in column] == sorted(c.position for c in column)
            assert all(c.stage_id == stage_info.id for c in column)
            count, amount, weighted = board.totals[stage_info.id]
            assert count == len(column)
            assert amount == pytest.approx(
                sum(c.amount_cents * P.DEFAULT_RATES[c.currency] for c in column), abs=1
            )
            assert weighted == pytest.approx(
                sum(
                    c.amount_cents * P.DEFAULT_RATES[c.currency] * c.probability / 100
                    for c in column
                ),
                abs=1,
            )
        stages = {s.id: s for s in info.stages}
        for card in cards:
            opp = expected[card.id]
            assert card.amount_cents == opp.amount_cents
            assert card.weighted_cents == P.weighted(opp.amount_cents, opp.probability)
            assert card.meddic_score == P.meddic_score(
                {item: getattr(opp, item) for item in P.MEDDIC_ITEMS}
            )
            # The board takes local dates with today's UTC offset (see load_board).
            offset = dt.datetime.combine(today, dt.time(12)).astimezone().utcoffset()
            days = (today - (opp.stage_entered_at + offset).date()).days
            assert card.days_in_stage == days
            rot = stages[card.stage_id].rotting_days
            assert card.rotting == (
                card.status == "open"
                and rot is not None
                and days > rot
                and (opp.next_step_date is None or opp.next_step_date < today)
            )
        if info.name == NEW and today == TODAY:
            assert any(c.rotting for c in cards) and not all(c.rotting for c in cards)


def test_board_filters(demo: Database) -> None:
    info = pipeline(demo, NEW)

    def cards(filters: P.BoardFilters) -> list[P.Card]:
        board = read(demo, lambda s: P.load_board(s, info.id, filters, today=TODAY))
        return [c for column in board.cards_by_stage.values() for c in column]

    every = cards(P.BoardFilters())
    owner = every[0].owner_id
    by_owner = cards(P.BoardFilters(owner_id=owner))
    assert by_owner and all(c.owner_id == owner for c in by_owner)
    assert len(by_owner) < len(every)

    with demo.read() as session:
        group_id, child_id = session.execute(
            select(Account.parent_id, Account.id).where(Account.parent_id.is_not(None)).limit(1)
        ).one()
        family = {group_id, child_id} | set(descendant_ids(session, group_id))
        product_id = session.scalar(select(OpportunityLine.product_id).limit(1))
        with_product = set(
            session.scalars(
                select(OpportunityLine.opportunity_id).where(
                    OpportunityLine.product_id == product_id, OpportunityLine.deleted_at.is_(None)
                )
            )
        )
    by_account = cards(P.BoardFilters(account_id=group_id))
    assert {c.account_id for c in by_account} <= family
    assert {c.id for c in every if c.account_id in family} == {c.id for c in by_account}

    start, end = TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=120)
    in_period = cards(P.BoardFilters(close_from=start, close_to=end))
    assert {c.id for c in in_period} == {
        c.id for c in every if c.expected_close and start <= c.expected_close <= end
    }
    by_product = cards(P.BoardFilters(product_id=product_id))
    assert {c.id for c in by_product} == {c.id for c in every if c.id in with_product}


def test_load_board_with_5000_open_opportunities(demo: Database) -> None:
    """Measured, not asserted: the machine running the tests varies."""
    info = pipeline(demo, NEW)
    open_stages = [s for s in info.stages if s.outcome == "open"]
    with demo.read() as session:
        accounts = session.scalars(select(Account.id)).all()
        owners = session.scalars(select(User.id)).all()
    now = utcnow()
    rows = [
        {
            "account_id": accounts[i % len(accounts)],
            "title": f"Opportunité générée {i}",
            "pipeline_id": info.id,
            "stage_id": open_stages[i % len(open_stages)].id,
            "status": "open",
            "amount_cents": 1_000_00 * (i % 97 + 1),
            "currency": "USD" if i % 10 == 0 else "EUR",
            "probability": open_stages[i % len(open_stages)].probability,
            "probability_manual": False,
            "expected_close": TODAY + dt.timedelta(days=i % 365),
            "owner_id": owners[i % len(owners)],
            "position": float(i),
            "stage_entered_at": now - dt.timedelta(days=i % 60),
            "next_step": "Relancer" if i % 3 else None,
            "next_step_date": TODAY + dt.timedelta(days=3) if i % 4 == 0 else None,
            "metrics": "ROI" if i % 2 else None,
            "hlc": "",
        }
        for i in range(5_000)
    ]
    with demo.engine.begin() as conn:
        conn.execute(insert(Opportunity), rows)
    with demo.read() as session:
        P.load_board(session, info.id, today=TODAY)  # warm the statement cache
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            board = P.load_board(session, info.id, today=TODAY)
            timings.append((time.perf_counter() - start) * 1000)
    cards = sum(len(c) for c in board.cards_by_stage.values())
    assert cards >= 5_000
    print(f"\nload_board: {cards} cards in {min(timings):.1f} ms (best of 5; median "
          f"{sorted(timings)[2]:.1f} ms)")  # fmt: skip


@pytest.mark.skipif(not Path("/tmp/manager.sqlite").exists(), reason="no scale database")
def test_load_board_on_the_scale_database() -> None:
    """Measured on the 20 000-opportunity scale database, opened read-only."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    engine = create_engine("sqlite:///file:/tmp/manager.sqlite?mode=ro&uri=true")
    try:
        with Session(engine) as session:
            info = next(p for p in P.list_pipelines(session) if p.name == NEW)
            P.load_board(session, info.id)
            timings = []
            for _ in range(5):
                start = time.perf_counter()
                board = P.load_board(session, info.id)
                timings.append((time.perf_counter() - start) * 1000)
            session.rollback()
    finally:
        engine.dispose()
    cards = sum(len(c) for c in board.cards_by_stage.values())
    print(f"\nload_board on /tmp/manager.sqlite: {cards} cards in {min(timings):.1f} ms")


# -- moves --------------------------------------------------------------------------------------


def test_move_between_stages_updates_history_and_probability(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    qualification = stage(db, NEW, "Qualification")
    proposition = stage(db, NEW, "Proposition")
    before = opp_state(db, opp_id)
    assert len(before["history"]) == 1 and before["history"][0].left_at is None
    edit = move(db, opp_id, qualification.id)
    after = opp_state(db, opp_id)
    assert after["stage_id"] == qualification.id
    assert after["probability"] == qualification.probability == 20
    assert [h.stage_id for h in after["history"]] == [before["stage_id"], qualification.id]
    assert after["history"][0].left_at is not None
    assert after["history"][1].left_at is None
    assert after["history"][0].left_at == after["history"][1].entered_at
    assert after["stage_entered_at"] == after["history"][1].entered_at
    assert set(edit.after) >= {"stage_id", "probability", "stage_entered_at", "position"}
    assert edit.before["stage_id"] == before["stage_id"]

    # A probability set by hand stays when the card moves on.
    write(db, lambda uow: P.update_opportunity(uow, opp_id, {"probability": 35}))
    move(db, opp_id, proposition.id)
    state = opp_state(db, opp_id)
    assert state["probability"] == 35 and state["probability_manual"] == 1
    assert len(state["history"]) == 3
    # Back to the stage default.
    write(db, lambda uow: P.update_opportunity(uow, opp_id, {"probability": None}))
    state = opp_state(db, opp_id)
    assert state["probability"] == proposition.probability and state["probability_manual"] == 0


def test_reorder_within_a_column(fresh: Any) -> None:
    db, account_id, opp_id, _ = fresh
    prospection = stage(db, NEW, "Prospection")
    others = [
        write(
            db,
            lambda uow, n=n: P.create_opportunity(
                uow, account_id, {"pipeline_id": prospection.pipeline_id, "title": f"Deal {n}"}
            ),
        )
        for n in range(2)
    ]

    def column() -> list[str]:
        board = read(db, lambda s: P.load_board(s, prospection.pipeline_id, today=TODAY))
        return [c.id for c in board.cards_by_stage[prospection.id]]

    assert column()[-3:] == [opp_id, *others]  # new cards go to the end
    board = read(db, lambda s: P.load_board(s, prospection.pipeline_id, today=TODAY))
    positions = {c.id: c.position for c in board.cards_by_stage[prospection.id]}
    outbox = outbox_size(db)
    history = opp_state(db, others[1])["history"]
    edit = move(
        db,
        others[1],
        prospection.id,
        position=P.position_between(positions[opp_id], positions[others[0]]),
    )
    assert column()[-3:] == [opp_id, others[1], others[0]]
    assert list(edit.after) == ["position"]
    assert opp_state(db, others[1])["history"] == history  # no stage change, no history row
    assert outbox_size(db) == outbox + 1  # one row changed: the opportunity


def test_won_requires_a_reason_and_nothing_changes(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    won = stage(db, NEW, "Gagnée")
    state, outbox = opp_state(db, opp_id), outbox_size(db)
    for reason in (None, "   "):
        with pytest.raises(ValidationError) as refused:
            move(db, opp_id, won.id, reason=reason)
        assert codes(refused.value) == {"close_reason": "required"}
    assert opp_state(db, opp_id) == state and outbox_size(db) == outbox

    move(db, opp_id, won.id, reason="Meilleure couverture fonctionnelle")
    after = opp_state(db, opp_id)
    assert after["status"] == "won" and after["probability"] == 100
    assert after["closed_at"] is not None
    assert after["close_reason"] == "Meilleure couverture fonctionnelle"
    assert after["history"][-1].stage_id == won.id


def test_lost_records_the_competitor_and_reopening(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    lost, qualification = stage(db, NEW, "Perdue"), stage(db, NEW, "Qualification")
    move(db, opp_id, lost.id, reason="Prix", competitor=" Schneider Electric ")
    state = opp_state(db, opp_id)
    assert (state["status"], state["competitor"], state["close_reason"]) == (
        "lost",
        "Schneider Electric",
        "Prix",
    )
    assert state["probability"] == 0 and state["closed_at"] is not None

    move(db, opp_id, qualification.id)
    state = opp_state(db, opp_id)
    assert state["status"] == "open" and state["closed_at"] is None
    assert state["close_reason"] is None and state["competitor"] is None
    assert state["probability"] == qualification.probability
    assert [h.stage_id for h in state["history"]][-2:] == [lost.id, qualification.id]


def test_meddic_gate_refuses_and_nothing_changes(fresh: Any) -> None:
    db, _, opp_id, contact_ids = fresh
    negotiation = stage(db, NEW, "Négociation")
    write(db, lambda uow: P.update_opportunity(uow, opp_id, {"champion_id": contact_ids[0]}))
    state, outbox = opp_state(db, opp_id), outbox_size(db)
    with pytest.raises(ValidationError) as refused:
        move(db, opp_id, negotiation.id)
    error = refused.value.for_field("stage_id")
    assert error is not None and error.code == "meddic_required"
    assert error.params["missing"] == ["economic_buyer_id"]
    assert opp_state(db, opp_id) == state and outbox_size(db) == outbox

    write(db, lambda uow: P.update_opportunity(uow, opp_id, {"economic_buyer_id": contact_ids[1]}))
    move(db, opp_id, negotiation.id)
    assert opp_state(db, opp_id)["stage_id"] == negotiation.id


def test_stage_of_another_pipeline_is_refused(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    renewal_stage = stage(db, RENEWALS, "Proposition envoyée")
    state, outbox = opp_state(db, opp_id), outbox_size(db)
    with pytest.raises(ValidationError) as refused:
        move(db, opp_id, renewal_stage.id)
    assert codes(refused.value) == {"stage_id": "other_pipeline"}
    with pytest.raises(ValidationError) as unknown:
        move(db, opp_id, "no-such-stage")
    assert codes(unknown.value) == {"stage_id": "unknown_record"}
    assert opp_state(db, opp_id) == state and outbox_size(db) == outbox


def test_undo_and_redo_of_a_move_restore_everything(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    lost = stage(db, NEW, "Perdue")
    qualification = stage(db, NEW, "Qualification")
    move(db, opp_id, qualification.id)
    before = opp_state(db, opp_id)
    edit = move(db, opp_id, lost.id, reason="Budget gelé", competitor="Siemens")
    moved = opp_state(db, opp_id)
    undo = write(db, lambda uow: P.restore_move(uow, edit))
    assert opp_state(db, opp_id) == before  # stage, probability, status, history, position…
    redo = write(db, lambda uow: P.restore_move(uow, undo))
    assert opp_state(db, opp_id) == moved
    write(db, lambda uow: P.restore_move(uow, redo))
    assert opp_state(db, opp_id) == before


def test_undo_of_a_move_is_refused_when_the_opportunity_changed_since(fresh: Any) -> None:
    db, _, opp_id, _ = fresh
    qualification, proposition = stage(db, NEW, "Qualification"), stage(db, NEW, "Proposition")
    edit = move(db, opp_id, qualification.id)
    write(db, lambda uow: P.update_opportunity(uow, opp_id, {"probability": 55}))
    state, outbox = opp_state(db, opp_id), outbox_size(db)
    with pytest.raises(StaleEdit) as stale:
        write(db, lambda uow: P.restore_move(uow, edit))
    assert "probability" in stale.value.fields
    assert opp_state(db, opp_id) == state and outbox_size(db) == outbox

    # Moved on since: the history changed too.
    edit = move(db, opp_id, proposition.id)
    move(db, opp_id, qualification.id)
    move(db, opp_id, proposition.id)
    with pytest.raises(StaleEdit) as stale:
        write(db, lambda uow: P.restore_move(uow, edit))
    assert "stage_history" in stale.value.fields
    # A move with ``expected`` values that no longer hold is refused too.
    with pytest.raises(StaleEdit):
        move(db, opp_id, qualification.id, expected={"stage_id": qualification.id})


# -- the opportunity editor ---------------------------------------------------------------------


def test_update_with_lines_recomputes_the_amount_and_undoes(fresh: Any) -> None:
    db, _, opp_id, contact_ids = fresh
    products = read(db, P.list_products)
    assert products and all(p.name for p in products)
    lines = [
        {"product_id": products[0].id, "quantity": 3, "unit_price_cents": 48_000_00},
        {"product_id": products[1].id, "quantity": 1.5, "unit_price_cents": "9 500,50"},
    ]
    committee = [
        {"contact_id": contact_ids[0], "role": "economic_buyer"},
        {"contact_id": contact_ids[1], "role": None},
    ]
    edit = write(
        db,
        lambda uow: P.update_opportunity(
            uow, opp_id, {"lines": lines, "contacts": committee, "currency": "USD"}
        ),
    )
    values = read(db, lambda s: P.opportunity_values(s, opp_id))
    assert values["amount_cents"] == 3 * 48_000_00 + int(1.5 * 9_500_50 + 0.5)
    assert values["currency"] == "USD"
    assert [li["product_id"] for li in values["lines"]] == [products[0].id, products[1].id]
    assert values["lines"][1]["unit_price_cents"] == 9_500_50
    assert values["contacts"] == committee
    assert edit.before["amount_cents"] == 100_000_00 and edit.before["lines"] == []

    # Undo: the values before, provided nothing changed since.
    write(db, lambda uow: P.update_opportunity(uow, opp_id, edit.before, expected=edit.after))
    values = read(db, lambda s: P.opportunity_values(s, opp_id))
    assert values["amount_cents"] == 100_000_00 and values["currency"] == "EUR"
    assert values["lines"] == [] and values["contacts"] == []
    with pytest.raises(StaleEdit):
        write(db, lambda uow: P.update_opportunity(uow, opp_id, edit.before, expected=edit.after))


def test_update_refusals_change_nothing(fresh: Any, demo: Database) -> None:
    db, account_id, opp_id, _ = fresh
    with db.read() as session:
        stranger = session.scalar(
            select(Contact.id).where(Contact.account_id != account_id).limit(1)
        )
        product_id = session.scalar(select(Product.id).limit(1))
    values, outbox = read(db, lambda s: P.opportunity_values(s, opp_id)), outbox_size(db)
    cases: list[tuple[dict[str, Any], dict[str, str]]] = [
        ({"economic_buyer_id": stranger}, {"economic_buyer_id": "other_account"}),
        ({"champion_id": stranger, "probability": 120}, {
            "champion_id": "other_account", "probability": "out_of_range"}),
        ({"title": ""}, {"title": "required"}),
        ({"currency": "JPY"}, {"currency": "invalid_choice"}),
        ({"owner_id": "nobody"}, {"owner_id": "unknown_record"}),
        ({"lines": [{"product_id": product_id, "quantity": 0}]}, {"lines": "invalid_quantity"}),
        ({"lines": [{"product_id": "nope"}]}, {"lines": "unknown_product"}),
        ({"contacts": [{"contact_id": stranger}]}, {"contacts": "other_account"}),
        ({"stage_id": "x"}, {"stage_id": "unknown_field"}),
    ]  # fmt: skip
    for change, expected in cases:
        with pytest.raises(ValidationError) as refused:
            write(db, lambda uow, c=change: P.update_opportunity(uow, opp_id, c))
        assert codes(refused.value) == expected, change
    assert read(db, lambda s: P.opportunity_values(s, opp_id)) == values
    assert outbox_size(db) == outbox


def test_create_delete_restore_history_and_interactions(fresh: Any) -> None:
    db, account_id, opp_id, contact_ids = fresh
    prospection = stage(db, NEW, "Prospection")
    values = read(db, lambda s: P.opportunity_values(s, opp_id))
    assert values["stage_id"] == prospection.id and values["status"] == "open"
    assert values["probability"] == prospection.probability and not values["probability_manual"]
    history = read(db, lambda s: P.stage_history(s, opp_id))
    assert [(h.stage, h.left_at, h.days) for h in history] == [("Prospection", None, 0)]

    renewal_id = write(
        db,
        lambda uow: P.create_opportunity(
            uow,
            account_id,
            {
                "pipeline_id": pipeline(db, RENEWALS).id,
                "title": "Renouvellement",
                "probability": 50,
            },
        ),
    )
    renewal = read(db, lambda s: P.opportunity_values(s, renewal_id))
    assert renewal["stage_id"] == stage(db, RENEWALS, "À préparer").id
    assert renewal["probability"] == 50 and renewal["probability_manual"]
    outbox = outbox_size(db)
    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: P.create_opportunity(uow, account_id, {"amount_cents": 5}))
    assert codes(refused.value) == {"title": "required"}
    assert outbox_size(db) == outbox

    write(db, lambda uow: P.delete_opportunity(uow, opp_id))
    board = read(db, lambda s: P.load_board(s, prospection.pipeline_id, today=TODAY))
    assert opp_id not in {c.id for c in board.cards_by_stage[prospection.id]}
    write(db, lambda uow: P.restore_opportunity(uow, opp_id))
    board = read(db, lambda s: P.load_board(s, prospection.pipeline_id, today=TODAY))
    assert opp_id in {c.id for c in board.cards_by_stage[prospection.id]}

    # A demo deal with history and linked activities.
    with db.read() as session:
        demo_opp = session.scalar(
            select(Interaction.opportunity_id)
            .where(Interaction.opportunity_id.is_not(None))
            .group_by(Interaction.opportunity_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        linked = session.scalar(
            select(func.count()).where(
                Interaction.opportunity_id == demo_opp, Interaction.deleted_at.is_(None)
            )
        )
        rows = P.linked_interactions(session, demo_opp)
        history = P.stage_history(session, demo_opp)
        stored = session.scalar(
            select(func.count()).where(
                StageHistory.opportunity_id == demo_opp, StageHistory.deleted_at.is_(None)
            )
        )
    assert len(rows) == linked > 0
    assert [r.occurred_at for r in rows] == sorted((r.occurred_at for r in rows), reverse=True)
    assert len(history) == stored > 0
    assert [h.entered_at for h in history] == sorted(h.entered_at for h in history)
    assert all(h.left_at is not None for h in history[:-1])


# -- stage configuration ------------------------------------------------------------------------


def test_stage_configuration(demo: Database) -> None:
    new = pipeline(demo, NEW)
    stage_id = write(
        demo,
        lambda uow: P.create_stage(
            uow,
            new.id,
            {"name": "Pilote", "probability": 70, "rotting_days": 30,
             "required_meddic": ["metrics", "champion_id"]},
        ),
    )  # fmt: skip
    stages = pipeline(demo, NEW).stages
    names = [s.name for s in stages]
    assert names.index("Pilote") == names.index("Closing") + 1 == len(names) - 3
    assert [s.position for s in stages] == list(range(len(stages)))
    created = next(s for s in stages if s.id == stage_id)
    assert created.required_meddic == ("metrics", "champion_id") and created.outcome == "open"

    write(demo, lambda uow: P.move_stage(uow, stage_id, 0))
    stages = pipeline(demo, NEW).stages
    assert stages[0].id == stage_id and [s.position for s in stages] == list(range(len(stages)))

    edit = write(
        demo,
        lambda uow: P.update_stage(
            uow, stage_id, {"name": "POC", "probability": 65, "required_meddic": []}
        ),
    )
    assert edit.after == {"name": "POC", "probability": 65, "required_meddic": []}
    renamed = stage(demo, NEW, "POC")
    assert renamed.probability == 65 and renamed.required_meddic == ()

    outbox = outbox_size(demo)
    for values, expected in (
        ({"probability": 101}, {"probability": "out_of_range"}),
        ({"required_meddic": ["budget"]}, {"required_meddic": "invalid_choice"}),
        ({"name": ""}, {"name": "required"}),
    ):
        with pytest.raises(ValidationError) as refused:
            write(demo, lambda uow, v=values: P.update_stage(uow, stage_id, v))
        assert codes(refused.value) == expected

    used = stage(demo, NEW, "Qualification")
    with pytest.raises(ValidationError) as refused:
        write(demo, lambda uow: P.delete_stage(uow, used.id))
    assert codes(refused.value) == {"stage_id": "stage_in_use"}
    assert refused.value.errors[0].params["count"] > 0
    assert outbox_size(demo) == outbox

    write(demo, lambda uow: P.delete_stage(uow, stage_id))
    stages = pipeline(demo, NEW).stages
    assert stage_id not in [s.id for s in stages]
    assert [s.position for s in stages] == list(range(len(stages)))


def test_create_and_rename_a_pipeline(demo: Database) -> None:
    pipeline_id = write(demo, lambda uow: P.create_pipeline(uow, "Cross-sell"))
    info = pipeline(demo, "Cross-sell")
    assert info.id == pipeline_id and info.position == 2
    assert [(s.name, s.probability, s.outcome) for s in info.stages] == [
        (name, probability, outcome) for name, probability, _, outcome in P.DEFAULT_STAGES
    ]
    assert [s.name for s in info.stages] == [
        "Prospection", "Qualification", "Proposition", "Négociation", "Closing", "Won", "Lost",
    ]  # fmt: skip
    write(demo, lambda uow: P.rename_pipeline(uow, pipeline_id, "Ventes croisées"))
    assert [p.name for p in read(demo, P.list_pipelines)] == [NEW, RENEWALS, "Ventes croisées"]
    with pytest.raises(ValidationError):
        write(demo, lambda uow: P.rename_pipeline(uow, pipeline_id, " "))
    # The only open stage left may not be deleted.
    opens = [s for s in info.stages if s.outcome == "open"]
    for s in opens[:-1]:
        write(demo, lambda uow, i=s.id: P.delete_stage(uow, i))
    with pytest.raises(ValidationError) as refused:
        write(demo, lambda uow: P.delete_stage(uow, opens[-1].id))
    assert codes(refused.value) == {"stage_id": "last_open_stage"}
    empty = read(demo, lambda s: P.load_board(s, pipeline_id, today=TODAY))
    assert all(count == 0 for count, _, _ in empty.totals.values())


def test_forecast_input_from_the_demo(demo: Database) -> None:
    info = pipeline(demo, NEW)
    opps = read(demo, lambda s: P.forecast_input(s, info.id, today=TODAY))
    with demo.read() as session:
        stored = session.scalar(
            select(func.count()).where(
                Opportunity.pipeline_id == info.id, Opportunity.deleted_at.is_(None)
            )
        )
        terminal = set(
            session.scalars(
                select(Stage.id).where(Stage.pipeline_id == info.id, Stage.outcome != "open")
            )
        )
    assert len(opps) == stored
    assert all(not (set(o.stage_days) & terminal) for o in opps)
    assert all(days >= 0 for o in opps for days in o.stage_days.values())
    assert any(o.status == "won" and o.closed_at for o in opps)
    assert all(o.stage_id in o.stage_days for o in opps if o.status == "open")

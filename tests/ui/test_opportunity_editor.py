"""The opportunity editor as a KAM uses it: open a deal, change it, click Save, find it stored.

Each test opens the real editor on the demo database through ``open_opportunity_editor`` /
``new_opportunity`` (loaded on the worker, saved through the undo stack), types or clicks like a
user and then reads the database. The last test renders the editor to
/tmp/opportunity_editor.png for a person to look at.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from kamdesk.models import (
    Contact,
    Interaction,
    Opportunity,
    OpportunityLine,
    Pipeline,
    Stage,
    StageHistory,
)
from kamdesk.services import pipeline
from kamdesk.ui.pipeline.editor import (
    OpportunityEditor,
    new_opportunity,
    open_opportunity_editor,
)


def open_editor(qtbot, ctx, opportunity_id: str) -> OpportunityEditor:
    opened: list[OpportunityEditor] = []
    open_opportunity_editor(ctx, None, opportunity_id, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    dlg = opened[0]
    qtbot.waitExposed(dlg)
    return dlg


def click_ok(qtbot, dlg) -> None:
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def saved(qtbot, dlg, wait_worker) -> None:
    click_ok(qtbot, dlg)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg) or not dlg.isVisible(), timeout=10_000)
    wait_worker()


def open_opportunity(ctx, *where: Any) -> str:
    with ctx.db.read() as session:
        return session.scalar(
            select(Opportunity.id)
            .where(Opportunity.deleted_at.is_(None), Opportunity.status == "open", *where)
            .order_by(Opportunity.id)
            .limit(1)
        )


def stored(ctx, opportunity_id: str) -> dict[str, Any]:
    with ctx.db.read() as session:
        return pipeline.opportunity_values(session, opportunity_id) | {
            "probability_manual": session.get(Opportunity, opportunity_id).probability_manual
        }


def test_amount_follows_the_product_lines_and_undo_puts_it_back(qtbot, ctx, wait_worker) -> None:
    opportunity_id = open_opportunity(ctx)
    before = stored(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    lines = dlg.lines_field

    qtbot.mouseClick(lines.add_button, Qt.MouseButton.LeftButton)
    row = lines.table.rowCount() - 1
    lines.product_combo(row).setCurrentIndex(1)  # the first catalog product
    lines.quantity_spin(row).setValue(2)
    lines.price_spin(row).setValue(1500.00)

    expected = (
        sum(pipeline.line_total(li["quantity"], li["unit_price_cents"]) for li in before["lines"])
        + 2 * 150_000
    )
    assert lines.total_cents() == expected
    assert dlg.editor("amount_cents").edit.isReadOnly()  # the sum of the lines, not typed
    saved(qtbot, dlg, wait_worker)

    after = stored(ctx, opportunity_id)
    assert len(after["lines"]) == len(before["lines"]) + 1
    assert after["lines"][-1]["quantity"] == 2 and after["lines"][-1]["unit_price_cents"] == 150_000
    assert after["amount_cents"] == expected
    assert ctx.undo_stack.count() == 1  # one save, one undo step

    ctx.undo_stack.undo()
    wait_worker()
    back = stored(ctx, opportunity_id)
    assert back["amount_cents"] == before["amount_cents"]
    assert back["lines"] == before["lines"]


def test_economic_buyer_and_champion_raise_the_meddic_score(qtbot, ctx, wait_worker) -> None:
    with ctx.db.read() as session:
        opportunity_id, account_id = session.execute(
            select(Opportunity.id, Opportunity.account_id)
            .join(Contact, Contact.account_id == Opportunity.account_id)
            .where(
                Opportunity.deleted_at.is_(None),
                Opportunity.status == "open",
                Opportunity.economic_buyer_id.is_(None),
                Opportunity.champion_id.is_(None),
                Contact.deleted_at.is_(None),
            )
            .group_by(Opportunity.id)
            .having(func.count(Contact.id) >= 2)
            .order_by(Opportunity.id)
            .limit(1)
        ).one()
        people = [c for c, _ in pipeline.account_contacts(session, account_id)]
    dlg = open_editor(qtbot, ctx, opportunity_id)
    score = dlg.meddic_score()
    assert dlg.meddic_score_label.text().endswith(f"{score} / 6</b>")

    dlg.editor("economic_buyer_id").set_value(people[0])
    assert f"{score + 1} / 6" in dlg.meddic_score_label.text()
    dlg.editor("champion_id").set_value(people[1])
    assert f"{score + 2} / 6" in dlg.meddic_score_label.text()
    assert f"MEDDIC {score + 2} / 6" in dlg.tabs.tabText(dlg.tabs.indexOf(dlg.meddic_page))
    saved(qtbot, dlg, wait_worker)

    after = stored(ctx, opportunity_id)
    assert (after["economic_buyer_id"], after["champion_id"]) == (people[0], people[1])
    assert pipeline.meddic_score(after) == score + 2


def test_a_probability_set_by_hand_stays_manual(qtbot, ctx, wait_worker) -> None:
    opportunity_id = open_opportunity(ctx, Opportunity.probability_manual.is_(False))
    dlg = open_editor(qtbot, ctx, opportunity_id)
    probability = dlg.probability_field
    assert probability.use_default.isChecked() and not probability.spin.isEnabled()

    qtbot.mouseClick(probability.use_default, Qt.MouseButton.LeftButton)
    probability.spin.setValue(35)
    saved(qtbot, dlg, wait_worker)

    after = stored(ctx, opportunity_id)
    assert after["probability"] == 35 and after["probability_manual"] is True
    again = open_editor(qtbot, ctx, opportunity_id)
    assert not again.probability_field.use_default.isChecked()
    assert again.probability_field.value() == 35
    again.reject()


def test_an_invalid_date_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot, ctx, wait_worker
) -> None:
    opportunity_id = open_opportunity(ctx)
    before = stored(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    dlg.tabs.setCurrentWidget(dlg.meddic_page)  # the error brings its tab to the front
    dlg.editor("expected_close").edit.clear()
    qtbot.keyClicks(dlg.editor("expected_close").edit, "31/02/2026")
    qtbot.keyClicks(dlg.editor("metrics").viewport(), "x")  # something else typed too

    click_ok(qtbot, dlg)
    wait_worker()

    assert dlg.isVisible() and not dlg.busy
    assert dlg.error_label("expected_close").isVisible()
    assert "Not a valid date" in dlg.error_label("expected_close").text()
    assert dlg.tabs.currentWidget() is dlg.deal_page
    assert dlg.editor("expected_close").value() == "31/02/2026"  # as typed
    assert stored(ctx, opportunity_id) == before
    assert ctx.undo_stack.count() == 0
    dlg.reject()


def test_a_line_the_service_refuses_is_explained_under_the_lines(qtbot, ctx, wait_worker) -> None:
    opportunity_id = open_opportunity(ctx)
    before = stored(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    qtbot.mouseClick(dlg.lines_field.add_button, Qt.MouseButton.LeftButton)  # no product picked

    click_ok(qtbot, dlg)
    qtbot.waitUntil(lambda: dlg.error_label("lines").isVisible(), timeout=10_000)
    wait_worker()

    assert dlg.isVisible() and not dlg.busy
    assert dlg.lines_field.table.rowCount() == len(before["lines"]) + 1  # what was typed stays
    assert stored(ctx, opportunity_id) == before
    dlg.reject()


def test_a_new_opportunity_lands_in_the_first_open_stage(qtbot, ctx, wait_worker) -> None:
    with ctx.db.read() as session:
        account_id = session.scalar(
            select(Opportunity.account_id).where(Opportunity.deleted_at.is_(None)).limit(1)
        )
        first_pipeline = session.scalar(
            select(Pipeline.id).where(Pipeline.deleted_at.is_(None)).order_by(Pipeline.position)
        )
        first_stage = session.scalar(
            select(Stage.id)
            .where(
                Stage.pipeline_id == first_pipeline,
                Stage.outcome == "open",
                Stage.deleted_at.is_(None),
            )
            .order_by(Stage.position)
        )
    opened: list[OpportunityEditor] = []
    created: list[str] = []
    new_opportunity(ctx, None, account_id, on_open=opened.append, on_saved=created.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    dlg = opened[0]
    assert dlg.editor("pipeline_id").value() == first_pipeline
    assert dlg.editor("stage_id").value() == first_stage
    assert dlg.editor("owner_id").value() == ctx.current_user_id
    qtbot.keyClicks(dlg.editor("title"), "Extension supervision - site de Lyon")

    saved(qtbot, dlg, wait_worker)

    assert len(created) == 1
    with ctx.db.read() as session:
        opp = session.get(Opportunity, created[0])
        assert opp.title == "Extension supervision - site de Lyon"
        assert opp.account_id == account_id and opp.stage_id == first_stage
        assert opp.status == "open" and opp.probability_manual is False
        history = session.scalars(
            select(StageHistory).where(StageHistory.opportunity_id == opp.id)
        ).all()
        assert [(h.stage_id, h.left_at) for h in history] == [(first_stage, None)]
    ctx.undo_stack.undo()
    wait_worker()
    with ctx.db.read() as session:
        assert session.get(Opportunity, created[0]).deleted_at is not None


def test_render_the_editor(qtbot, ctx) -> None:
    """With demo data, to /tmp/opportunity_editor*.png (one per tab) for a person to look at."""
    with ctx.db.read() as session:
        opportunity_id = session.scalar(
            select(Opportunity.id)
            .join(Interaction, Interaction.opportunity_id == Opportunity.id)
            .join(OpportunityLine, OpportunityLine.opportunity_id == Opportunity.id)
            .where(Opportunity.status == "open", Opportunity.deleted_at.is_(None))
            .group_by(Opportunity.id)
            .order_by(func.count(func.distinct(Interaction.id)).desc(), Opportunity.id)
            .limit(1)
        )
    dlg = open_editor(qtbot, ctx, opportunity_id)
    assert dlg.history_table.rowCount() >= 1 and dlg.interactions_table.rowCount() >= 1
    for index, suffix in enumerate(("", "_meddic", "_history")):
        dlg.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert dlg.grab().save(f"/tmp/opportunity_editor{suffix}.png")
    dlg.reject()


# -- moving an opportunity from the editor -----------------------------------------------------
def movable(ctx, want) -> tuple[str, Any, Any]:
    """The first open opportunity (probability following its stage) and a target stage that
    ``want(opportunity, current stage, its pipeline)`` picks."""
    with ctx.db.read() as session:
        pipelines = {p.id: p for p in pipeline.list_pipelines(session)}
        for opp in session.scalars(
            select(Opportunity)
            .where(
                Opportunity.deleted_at.is_(None),
                Opportunity.status == "open",
                Opportunity.probability_manual.is_(False),
            )
            .order_by(Opportunity.id)
        ):
            info = pipelines.get(opp.pipeline_id)
            current = info.stage(opp.stage_id) if info else None
            target = want(opp, current, info) if current else None
            if target is not None:
                return opp.id, current, target
    raise AssertionError("no opportunity fits")


def next_open_stage(opp, current, info):
    later = [s for s in info.stages if s.is_open and s.position > current.position]
    if later and all(getattr(opp, k) for k in later[0].required_meddic):
        return later[0]
    return None


def history(ctx, opportunity_id: str) -> list[tuple[str, bool, bool]]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(StageHistory)
            .where(StageHistory.opportunity_id == opportunity_id)
            .order_by(StageHistory.entered_at, StageHistory.id)
        ).all()
        return [(h.stage_id, h.left_at is None, h.deleted_at is None) for h in rows]


def test_the_stage_changes_in_the_editor_and_undo_puts_it_back(qtbot, ctx, wait_worker) -> None:
    opportunity_id, current, target = movable(ctx, next_open_stage)
    before, history_before = stored(ctx, opportunity_id), history(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    stage = dlg.editor("stage_id")
    assert stage.value() == current.id
    assert target.name in [stage.itemText(i) for i in range(stage.count())]
    assert not dlg.editor("close_reason").isVisibleTo(dlg)

    stage.setCurrentIndex(stage.findData(target.id))
    assert not dlg.editor("close_reason").isVisibleTo(dlg)  # an open stage: no reason asked
    saved(qtbot, dlg, wait_worker)

    after = stored(ctx, opportunity_id)
    assert after["stage_id"] == target.id and after["status"] == "open"
    assert after["probability"] == target.probability
    moved = history(ctx, opportunity_id)
    assert len([h for h in moved if h[2]]) == len([h for h in history_before if h[2]]) + 1
    assert (target.id, True, True) in moved
    assert ctx.undo_stack.count() == 1  # one save, one undo step

    ctx.undo_stack.undo()
    wait_worker()
    back = stored(ctx, opportunity_id)
    assert back["stage_id"] == current.id and back["probability"] == before["probability"]
    assert [h for h in history(ctx, opportunity_id) if h[2]] == [h for h in history_before if h[2]]

    ctx.undo_stack.redo()
    wait_worker()
    assert stored(ctx, opportunity_id)["stage_id"] == target.id


def test_a_won_stage_needs_a_reason(qtbot, ctx, wait_worker) -> None:
    opportunity_id, _current, won = movable(
        ctx,
        lambda opp, cur, info: next(
            (
                s
                for s in info.stages
                if s.outcome == "won" and all(getattr(opp, k) for k in s.required_meddic)
            ),
            None,
        ),
    )
    before = stored(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    stage = dlg.editor("stage_id")
    stage.setCurrentIndex(stage.findData(won.id))
    assert dlg.editor("close_reason").isVisibleTo(dlg)
    assert not dlg.editor("competitor").isVisibleTo(dlg)  # only for a lost one
    dlg.editor("next_step").end(False)
    qtbot.keyClicks(dlg.editor("next_step"), " (typed)")

    click_ok(qtbot, dlg)
    wait_worker()
    assert dlg.isVisible() and not dlg.busy
    assert dlg.error_label("close_reason").isVisible()
    assert dlg.editor("next_step").value().endswith(" (typed)")  # as typed
    assert stored(ctx, opportunity_id) == before
    assert ctx.undo_stack.count() == 0

    qtbot.keyClicks(dlg.editor("close_reason"), "Best technical fit")
    saved(qtbot, dlg, wait_worker)
    after = stored(ctx, opportunity_id)
    assert after["status"] == "won" and after["stage_id"] == won.id
    assert after["close_reason"] == "Best technical fit"
    assert after["next_step"].endswith(" (typed)")  # the field edit went along


def test_the_meddic_gate_is_explained_next_to_the_stage(qtbot, ctx, wait_worker) -> None:
    def negotiation(opp, cur, info):
        if opp.economic_buyer_id is not None and opp.champion_id is not None:
            return None
        return next(
            (
                s
                for s in info.stages
                if s.name == "Négociation" and s.required_meddic and s.id != cur.id
            ),
            None,
        )

    opportunity_id, _current, target = movable(ctx, negotiation)
    before, history_before = stored(ctx, opportunity_id), history(ctx, opportunity_id)
    dlg = open_editor(qtbot, ctx, opportunity_id)
    stage = dlg.editor("stage_id")
    stage.setCurrentIndex(stage.findData(target.id))

    click_ok(qtbot, dlg)
    qtbot.waitUntil(lambda: dlg.error_label("stage_id").isVisible(), timeout=10_000)
    wait_worker()

    assert dlg.isVisible() and not dlg.busy
    assert "Négociation" in dlg.error_label("stage_id").text()
    assert stage.value() == target.id  # as chosen
    assert stored(ctx, opportunity_id) == before
    assert history(ctx, opportunity_id) == history_before
    assert ctx.undo_stack.count() == 0
    dlg.reject()

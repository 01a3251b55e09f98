"""The Kanban board on the demo data, driven like a KAM would: real drag/drop events on the
column viewports, keyboard moves, the won/lost question; then what the database says, undo, redo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from kamdesk.models import Opportunity, Stage, StageHistory
from kamdesk.ui.pipeline import CardListModel, KanbanBoard
from kamdesk.ui.pipeline.board_filters import SETTINGS_GROUP


@pytest.fixture
def board(qtbot, ctx):
    settings = QSettings()
    settings.remove(SETTINGS_GROUP)  # each test starts on the first pipeline, unfiltered
    widget = KanbanBoard(ctx)
    qtbot.addWidget(widget)
    widget.resize(1900, 900)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    qtbot.waitExposed(widget)
    return widget


def stage_named(board: KanbanBoard, name: str):
    return next(s for s in board.pipeline().stages if s.name == name)


def opportunity(ctx, opp_id: str) -> Opportunity:
    with ctx.db.read() as session:
        found = session.get(Opportunity, opp_id)
        session.expunge(found)
        return found


def open_history(ctx, opp_id: str) -> list[str]:
    """Stage ids of the live history rows still open (one, normally)."""
    with ctx.db.read() as session:
        return list(
            session.scalars(
                select(StageHistory.stage_id).where(
                    StageHistory.opportunity_id == opp_id,
                    StageHistory.left_at.is_(None),
                    StageHistory.deleted_at.is_(None),
                )
            )
        )


def card_ids(board: KanbanBoard, stage_id: str) -> list[str]:
    model = board.columns[stage_id].model
    return [model.card(row).id for row in range(model.rowCount())]


def first_card(board: KanbanBoard, stage_id: str, ctx, *, manual: bool = False, meddic=None):
    """A card of the column whose probability was not set by hand (and matching ``meddic``)."""
    for card_id in card_ids(board, stage_id):
        opp = opportunity(ctx, card_id)
        if opp.probability_manual != manual:
            continue
        if meddic is not None and not meddic(opp):
            continue
        return card_id
    raise AssertionError("no such card in the demo")


def drop(qtbot, board: KanbanBoard, card_id: str, stage_id: str, row: int | None = None) -> None:
    """Real DragEnter/DragMove/Drop events on the target column's viewport, with the mime data
    the source column's model gives for the card. ``row``: drop on the upper edge of that card;
    None: below the last card."""
    source = board.column_of(card_id)
    mime = source.model.mimeData([source.model.index(source.model.row_of(card_id), 0)])
    view = board.columns[stage_id].view
    if row is None or row >= view.model().rowCount():
        last = view.model().rowCount() - 1
        bottom = view.visualRect(view.model().index(last, 0)).bottom() if last >= 0 else 0
        point = QPoint(view.viewport().width() // 2, min(bottom + 6, view.viewport().height() - 2))
        if last >= 0 and bottom + 6 >= view.viewport().height():
            view.scrollToBottom()
            bottom = view.visualRect(view.model().index(last, 0)).bottom()
            point = QPoint(view.viewport().width() // 2, bottom - 2)  # lower edge of the last
    else:
        rect = view.visualRect(view.model().index(row, 0))
        point = QPoint(rect.center().x(), rect.top() + 2)
    action, button = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    no_mod = Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    enter = QDragEnterEvent(point, action, mime, button, no_mod)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, action, mime, button, no_mod)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(point), action, mime, button, no_mod)
    QApplication.sendEvent(viewport, event)
    qtbot.wait(1)


def test_card_model_passes_the_model_tester(qtmodeltester, board):
    stage = board.pipeline().stages[1]
    model = CardListModel(stage.id)
    model.set_cards([board.columns[stage.id].model.card(r) for r in range(5)])
    qtmodeltester.check(model)
    mime = model.mimeData([model.index(2, 0)])
    assert mime.hasFormat("application/x-kamdesk-opportunity")


def test_board_shows_the_pipeline_stages_with_their_counts(ctx, board):
    names = [column.stage.name for column in board.columns.values()]
    assert names[:5] == ["Prospection", "Qualification", "Proposition", "Négociation", "Closing"]
    assert board.filter_bar.pipeline_combo.count() >= 2  # new business and renewals
    with ctx.db.read() as session:
        expected = dict(
            session.execute(
                select(Opportunity.stage_id, func.count())
                .where(Opportunity.status == "open", Opportunity.deleted_at.is_(None))
                .group_by(Opportunity.stage_id)
            ).all()
        )
    for stage in board.pipeline().stages:
        column = board.columns[stage.id]
        if stage.outcome == "open":
            assert column.model.rowCount() == expected.get(stage.id, 0)
            assert column.header.count_label.text() == str(expected.get(stage.id, 0))
        assert column.header.total_label.text()  # money_short of the total
        assert "weighted" in column.header.weighted_label.text()


def test_drag_and_drop_to_another_column_then_undo_and_redo(qtbot, ctx, board, wait_worker):
    prospection = stage_named(board, "Prospection")
    qualification = stage_named(board, "Qualification")
    card_id = first_card(board, prospection.id, ctx)
    before = opportunity(ctx, card_id)

    drop(qtbot, board, card_id, qualification.id)
    # On screen at once, before the worker committed.
    assert card_id in card_ids(board, qualification.id)
    assert card_id not in card_ids(board, prospection.id)
    wait_worker()

    after = opportunity(ctx, card_id)
    assert after.stage_id == qualification.id
    assert after.probability == qualification.probability
    assert open_history(ctx, card_id) == [qualification.id]
    assert ctx.undo_stack.count() == 1
    assert card_id in card_ids(board, qualification.id)  # reloaded from the database

    ctx.undo_stack.undo()
    wait_worker()
    undone = opportunity(ctx, card_id)
    assert (undone.stage_id, undone.probability) == (before.stage_id, before.probability)
    assert open_history(ctx, card_id) == [prospection.id]
    assert card_id in card_ids(board, prospection.id)

    ctx.undo_stack.redo()
    wait_worker()
    redone = opportunity(ctx, card_id)
    assert (redone.stage_id, redone.probability) == (qualification.id, qualification.probability)
    assert open_history(ctx, card_id) == [qualification.id]


def test_manual_probability_survives_a_move(qtbot, ctx, board, wait_worker):
    prospection = stage_named(board, "Prospection")
    qualification = stage_named(board, "Qualification")
    with ctx.db.unit_of_work() as uow:
        card_id = first_card(board, prospection.id, ctx)
        opp = uow.session.get(Opportunity, card_id)
        opp.probability, opp.probability_manual = 35, True
        uow.commit()
    drop(qtbot, board, card_id, qualification.id)
    wait_worker()
    assert opportunity(ctx, card_id).probability == 35


def test_reordering_within_a_column_persists(qtbot, ctx, board, wait_worker):
    stage = stage_named(board, "Proposition")
    ids = card_ids(board, stage.id)
    assert len(ids) >= 3
    moved = ids[2]
    drop(qtbot, board, moved, stage.id, row=0)
    assert card_ids(board, stage.id)[0] == moved
    wait_worker()
    assert card_ids(board, stage.id)[:3] == [moved, ids[0], ids[1]]  # after the reload too
    positions = [opportunity(ctx, i).position for i in (moved, ids[0])]
    assert positions[0] < positions[1]
    assert opportunity(ctx, moved).stage_id == stage.id
    assert ctx.undo_stack.count() == 1


def test_ctrl_right_moves_the_selected_card_to_the_next_stage(qtbot, ctx, board, wait_worker):
    prospection = stage_named(board, "Prospection")
    qualification = stage_named(board, "Qualification")
    card_id = first_card(board, prospection.id, ctx)
    assert board.select(card_id)
    view = board.columns[prospection.id].view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert card_ids(board, qualification.id)[0] == card_id
    wait_worker()
    assert opportunity(ctx, card_id).stage_id == qualification.id
    # Still selected, in its new column: Ctrl+Left takes it back.
    QTest.keyClick(
        board.columns[qualification.id].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier
    )
    wait_worker()
    assert opportunity(ctx, card_id).stage_id == prospection.id
    assert ctx.undo_stack.count() == 2


def test_enter_and_double_click_open_the_opportunity(qtbot, ctx, board):
    stage = stage_named(board, "Closing")
    card_id = card_ids(board, stage.id)[0]
    board.select(card_id)
    view = board.columns[stage.id].view
    with qtbot.waitSignal(board.opportunityActivated) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [card_id]
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(board.opportunityActivated) as blocker:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [card_id]


def test_meddic_gate_refuses_the_drop_and_changes_nothing(
    qtbot, ctx, board, wait_worker, monkeypatch
):
    proposition = stage_named(board, "Proposition")
    negotiation = stage_named(board, "Négociation")
    assert set(negotiation.required_meddic) == {"economic_buyer_id", "champion_id"}
    card_id = first_card(
        board,
        proposition.id,
        ctx,
        meddic=lambda o: o.economic_buyer_id is None and o.champion_id is None,
    )
    before = opportunity(ctx, card_id)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: warnings.append(text)
    )

    drop(qtbot, board, card_id, negotiation.id)
    assert card_id in card_ids(board, negotiation.id)  # optimistic…
    wait_worker()

    assert len(warnings) == 1
    assert "Economic buyer" in warnings[0] and "Champion" in warnings[0]
    after = opportunity(ctx, card_id)
    assert (after.stage_id, after.probability, after.hlc) == (
        before.stage_id,
        before.probability,
        before.hlc,
    )
    assert open_history(ctx, card_id) == [proposition.id]
    assert card_id in card_ids(board, proposition.id)  # …and back
    assert card_id not in card_ids(board, negotiation.id)
    assert ctx.undo_stack.count() == 0


def test_dropping_into_won_asks_why_and_closes_the_deal(qtbot, ctx, board, wait_worker):
    closing = stage_named(board, "Closing")
    won = next(s for s in board.pipeline().stages if s.outcome == "won")
    card_id = first_card(board, closing.id, ctx)

    drop(qtbot, board, card_id, won.id)
    qtbot.waitUntil(lambda: board.closing_dialog() is not None)
    dialog = board.closing_dialog()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    assert card_id in card_ids(board, closing.id)  # nothing moves while asking
    QTest.keyClicks(dialog.reason_edit, "Best total cost over three years")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert card_id in card_ids(board, won.id)
    wait_worker()

    after = opportunity(ctx, card_id)
    assert (after.status, after.stage_id) == ("won", won.id)
    assert after.close_reason == "Best total cost over three years"
    assert after.closed_at is not None

    ctx.undo_stack.undo()
    wait_worker()
    reopened = opportunity(ctx, card_id)
    assert (reopened.status, reopened.stage_id, reopened.closed_at) == ("open", closing.id, None)


def test_dropping_into_lost_records_the_competitor(qtbot, ctx, board, wait_worker):
    closing = stage_named(board, "Closing")
    lost = next(s for s in board.pipeline().stages if s.outcome == "lost")
    card_id = first_card(board, closing.id, ctx)
    drop(qtbot, board, card_id, lost.id)
    qtbot.waitUntil(lambda: board.closing_dialog() is not None)
    dialog = board.closing_dialog()
    QTest.keyClicks(dialog.reason_edit, "Price 12 % above")
    QTest.keyClicks(dialog.competitor_edit, "Siemens")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_worker()
    after = opportunity(ctx, card_id)
    assert (after.status, after.competitor) == ("lost", "Siemens")


def test_cancelling_the_won_question_moves_nothing(qtbot, ctx, board, wait_worker):
    closing = stage_named(board, "Closing")
    won = next(s for s in board.pipeline().stages if s.outcome == "won")
    card_id = first_card(board, closing.id, ctx)
    before = opportunity(ctx, card_id)
    drop(qtbot, board, card_id, won.id)
    qtbot.waitUntil(lambda: board.closing_dialog() is not None)
    board.closing_dialog().reject()
    wait_worker()
    after = opportunity(ctx, card_id)
    assert (after.stage_id, after.status, after.hlc) == (before.stage_id, "open", before.hlc)
    assert card_id in card_ids(board, closing.id)
    assert ctx.undo_stack.count() == 0


def test_filters_are_applied_and_remembered(qtbot, ctx, board):
    # Wait for the pickers, then keep one KAM's deals only.
    qtbot.waitUntil(lambda: board.filter_bar.owner_combo.count() > 1)
    owner_id = board.filter_bar.owner_combo.itemData(1)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.filter_bar.owner_combo.setCurrentIndex(1)
    for column in board.columns.values():
        for row in range(column.model.rowCount()):
            assert column.model.card(row).owner_id == owner_id
    again = KanbanBoard(ctx)
    qtbot.addWidget(again)
    assert again.filters().owner_id == owner_id


def test_other_pipeline_and_scroll_kept_on_reload(qtbot, ctx, board):
    stage = stage_named(board, "Qualification")
    view = board.columns[stage.id].view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    kept = view.verticalScrollBar().value()
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    assert view.verticalScrollBar().value() == kept
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.filter_bar.pipeline_combo.setCurrentIndex(1)
    assert board.pipeline().name == board.filter_bar.pipeline_combo.itemText(1)
    assert "Prospection" not in [s.name for s in board.pipeline().stages]


def test_board_screenshot(qtbot, ctx, board):
    board.resize(1900, 1000)
    qtbot.wait(50)
    image = board.grab().toImage()
    path = Path("/tmp/kanban.png")
    assert image.save(str(path))
    assert path.stat().st_size > 50_000


def test_stage_lookup_uses_database_names(ctx, board):
    with ctx.db.read() as session:
        names = set(
            session.scalars(select(Stage.name).where(Stage.pipeline_id == board.pipeline().id))
        )
    assert {c.stage.name for c in board.columns.values()} == names

"""The Kanban board of a pipeline: one column per stage, cards moved by drag-and-drop or keyboard.

A move shows at once (the row goes from one column model to the other on the GUI thread), then
``move_opportunity`` runs on the worker as one undo step. If the service refuses (MEDDIC gate,
missing reason), the user is told why and the board reloads: the card goes back.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services.errors import ValidationError
from kamdesk.services.pipeline import (
    DEFAULT_RATES,
    Board,
    BoardFilters,
    PipelineInfo,
    StageInfo,
    list_pipelines,
    list_products,
    load_board,
    move_opportunity,
    next_stage,
    position_between,
    restore_move,
)
from kamdesk.ui import formatting
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.choices import load_accounts, load_users
from kamdesk.ui.labels import meddic_item
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.pipeline.board_column import BOARD_BACKGROUND, StageColumn
from kamdesk.ui.pipeline.board_filters import BoardFilterBar
from kamdesk.ui.pipeline.card_delegate import CardDelegate
from kamdesk.ui.pipeline.won_lost import WonLostDialog
from kamdesk.ui.undo import perform

WATCHED_TABLES = ("opportunities", "stages", "pipelines", "opportunity_lines", "accounts", "users")
CHOICE_TABLES = ("users", "accounts", "products")
_LOAD_KEY = "kanban-board"


def _load(
    session: Any, pipeline_id: str | None, filters: BoardFilters
) -> tuple[list, Board | None]:
    pipelines = list_pipelines(session)
    if pipeline_id not in {p.id for p in pipelines}:
        pipeline_id = pipelines[0].id if pipelines else None
    board = load_board(session, pipeline_id, filters) if pipeline_id else None
    return pipelines, board


def _load_choices(session: Any) -> tuple[list, list, list]:
    products = [(p.id, p.name) for p in list_products(session)]
    return load_users(session), load_accounts(session), products


def _move_steps(edit: Any) -> tuple[Any, Any] | None:
    """Undo replays the move's inverse through the service; each replay returns the next one."""
    if not edit.changed:
        return None  # dropped where it was: no empty undo step
    state = {"redo": edit, "undo": None}

    def undo(uow: Any) -> None:  # on the worker, in order with redo
        state["undo"] = restore_move(uow, state["redo"])

    def redo(uow: Any) -> None:
        state["redo"] = restore_move(uow, state["undo"])

    return redo, undo


class KanbanBoard(QWidget):
    """Columns = stages of the chosen pipeline; ``opportunityActivated`` opens the editor."""

    opportunityActivated = Signal(str)
    loaded = Signal()  # a (re)load is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pipelines: list[PipelineInfo] = []
        self._pipeline: PipelineInfo | None = None
        self.columns: dict[str, StageColumn] = {}
        self._moves_in_flight = 0
        self._reload_after_moves = False
        self._choices_loaded = False
        self._closing_dialog: WonLostDialog | None = None
        self.last_drop_ms = 0.0  # GUI-thread time of the last optimistic move (benchmarks)

        self.filter_bar = BoardFilterBar(self)
        self.filter_bar.pipelineChanged.connect(lambda _id: self.reload())
        self.filter_bar.filtersChanged.connect(self.reload)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("boardSummary")

        self.delegate = CardDelegate(self)
        self._strip = QWidget()
        self._strip.setObjectName("boardStrip")
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(10, 10, 10, 10)
        self._strip_layout.setSpacing(10)
        self._strip_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._strip)
        self._strip.setStyleSheet(f"#boardStrip {{ background: {BOARD_BACKGROUND}; }}")

        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.summary_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)

        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def pipeline(self) -> PipelineInfo | None:
        return self._pipeline

    def filters(self) -> BoardFilters:
        return BoardFilters(**self.filter_bar.values())

    def show_pipeline(self, pipeline_id: str) -> None:
        """Switch to another pipeline (remembered like a choice in the combo)."""
        self.filter_bar.set_pipeline(pipeline_id)
        self.reload()

    def reload(self) -> None:
        pipeline_id, filters = self.filter_bar.pipeline_id(), self.filters()
        self._ctx.read(lambda s: _load(s, pipeline_id, filters), self._loaded, key=_LOAD_KEY)

    def _loaded(self, result: tuple[list[PipelineInfo], Board | None]) -> None:
        if not shiboken6.isValid(self):
            return  # closed while the worker was reading
        if self._moves_in_flight:
            # Read before a pending move committed: it would put the card back for a moment.
            self._reload_after_moves = True
            return
        pipelines, board = result
        self._pipelines = pipelines
        self.filter_bar.set_pipelines(pipelines, board.pipeline.id if board else None)
        self._show(board)
        if not self._choices_loaded:
            self._choices_loaded = True
            self._ctx.read(_load_choices, self._choices_arrived, key="kanban-choices")
        self.loaded.emit()

    def _choices_arrived(self, choices: tuple[list, list, list]) -> None:
        if not shiboken6.isValid(self):
            return
        if self.filter_bar.set_choices(*choices):
            self.reload()  # a remembered filter points to a deleted record: show without it

    def _show(self, board: Board | None) -> None:
        scrolls = {sid: col.view.verticalScrollBar().value() for sid, col in self.columns.items()}
        h_scroll = self.scroll.horizontalScrollBar().value()
        selected = self.selected_id()
        self._pipeline = board.pipeline if board else None
        stages = list(board.pipeline.stages) if board else []
        if [s.id for s in stages] != list(self.columns):
            self._rebuild_columns(stages)
        for stage in stages:
            column = self.columns[stage.id]
            column.set_stage(stage)
            column.set_cards(board.cards_by_stage.get(stage.id, []), board.totals[stage.id])
        self._update_summary()
        for sid, value in scrolls.items():
            if sid in self.columns:
                self.columns[sid].view.verticalScrollBar().setValue(value)
        self.scroll.horizontalScrollBar().setValue(h_scroll)
        if selected:
            self.select(selected, scroll=False)

    def _rebuild_columns(self, stages: list[StageInfo]) -> None:
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()
        self.columns = {}
        for index, stage in enumerate(stages):
            column = StageColumn(stage, self.delegate, self._strip)
            column.model.cardDropped.connect(
                lambda card_id, origin, row, sid=stage.id: self._dropped(card_id, origin, sid, row)
            )
            column.view.stepRequested.connect(self.step)
            column.view.cardActivated.connect(self.opportunityActivated)
            self._strip_layout.insertWidget(index, column)
            self.columns[stage.id] = column

    def _update_summary(self) -> None:
        open_cols = [c for c in self.columns.values() if c.stage.outcome == "open"]
        count = sum(c.totals[0] for c in open_cols)
        amount = sum(c.totals[1] for c in open_cols)
        weighted = sum(c.totals[2] for c in open_cols)
        self.summary_label.setText(
            fill(
                self.tr("%1 open · %2 · %3 weighted"),
                count,
                formatting.money_short(amount),
                formatting.money_short(weighted),
            )
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()
        if changes.touches(*CHOICE_TABLES) and self._choices_loaded:
            self._ctx.read(_load_choices, self._choices_arrived, key="kanban-choices")

    # -- selection -----------------------------------------------------------------------------
    def column_of(self, card_id: str) -> StageColumn | None:
        return next((c for c in self.columns.values() if c.model.row_of(card_id) is not None), None)

    def selected_id(self) -> str | None:
        for column in self.columns.values():
            if column.view.hasFocus() or column.view.selectionModel().hasSelection():
                current = column.view.current_id()
                if current and column.view.selectionModel().hasSelection():
                    return current
        return None

    def select(self, card_id: str, *, scroll: bool = True) -> bool:
        column = self.column_of(card_id)
        if column is None:
            return False
        for other in self.columns.values():
            if other is not column:
                other.view.clearSelection()
        index = column.model.index(column.model.row_of(card_id), 0)
        column.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if scroll:
            column.view.scrollTo(index)
            self.scroll.ensureWidgetVisible(column, 20, 0)
        return True

    # -- moves ---------------------------------------------------------------------------------
    def _dropped(self, card_id: str, origin: str, stage_id: str, row: int) -> None:
        source = self.columns.get(origin)
        if source is None or source.model.row_of(card_id) is None:
            source = self.column_of(card_id)
        if source is None:
            return
        if source.stage.id == stage_id:
            current = source.model.row_of(card_id)
            end = source.model.rowCount()
            if current is not None and (row if row >= 0 else end) in (current, current + 1):
                return  # dropped where it already is
        self.request_move(card_id, stage_id, row)

    def step(self, card_id: str, step: int) -> None:
        """Ctrl+Right / Ctrl+Left: to the top of the next / previous stage."""
        column = self.column_of(card_id)
        if column is None or self._pipeline is None:
            return
        target = next_stage(self._pipeline, column.stage.id, step)
        if target is not None:
            self.request_move(card_id, target.id, 0)

    def request_move(self, card_id: str, stage_id: str, row: int = -1) -> None:
        """Move a card to ``row`` of a column (-1: its end); won/lost ask why first."""
        column, target = self.column_of(card_id), self.columns.get(stage_id)
        if column is None or target is None:
            return
        stage = target.stage
        if stage.outcome in ("won", "lost") and column.stage.id != stage.id:
            card = column.model.card(column.model.row_of(card_id))
            # Not from inside the drop event: the drag's own event loop is still running.
            QTimer.singleShot(0, self, lambda: self._ask_close(card, stage, row))
            return
        self._move(card_id, stage, row)

    def _ask_close(self, card: Any, stage: StageInfo, row: int) -> None:
        dialog = WonLostDialog(stage.outcome, card.title, stage.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._closing_dialog = dialog

        def accepted() -> None:
            self._move(card.id, stage, row, reason=dialog.reason(), competitor=dialog.competitor())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "_closing_dialog", None))
        dialog.open()

    def closing_dialog(self) -> WonLostDialog | None:
        """The won/lost question on screen, if any (tests drive it)."""
        return self._closing_dialog

    def _move(
        self,
        card_id: str,
        stage: StageInfo,
        row: int,
        *,
        reason: str | None = None,
        competitor: str | None = None,
    ) -> None:
        started = time.perf_counter()
        source, target = self.column_of(card_id), self.columns.get(stage.id)
        if source is None or target is None:
            return
        old_row = source.model.row_of(card_id)
        card = source.model.take(card_id)
        source.add_to_totals(self._in_eur(card), -1)
        if row < 0 or row > target.model.rowCount():
            row = target.model.rowCount()
        if source is target and old_row is not None and row > old_row:
            row -= 1  # the card itself no longer sits above the drop point
        cards = target.model
        before = cards.card(row - 1).position if row > 0 else None
        after = cards.card(row).position if row < cards.rowCount() else None
        position = position_between(before, after)
        moved = self._moved_card(card, stage, position)
        cards.put(row, moved)
        target.add_to_totals(self._in_eur(moved), +1)
        self._update_summary()
        self.select(card_id)
        target.view.setFocus()

        self._moves_in_flight += 1
        perform(
            self._ctx,
            fill(self.tr("Move %1"), card.title),
            lambda uow: move_opportunity(
                uow, card_id, stage.id, position=position, reason=reason, competitor=competitor
            ),
            _move_steps,
            on_done=lambda _edit: self._move_finished(),
            on_error=lambda error: self._move_refused(error, stage),
        )
        self.last_drop_ms = (time.perf_counter() - started) * 1000

    @staticmethod
    def _moved_card(card: Any, stage: StageInfo, position: float) -> Any:
        if card.stage_id == stage.id:
            return dataclasses.replace(card, position=position)
        # What the service will do, shown now; the reload after the commit has the last word.
        status = stage.outcome if stage.outcome != "open" else "open"
        return dataclasses.replace(
            card,
            stage_id=stage.id,
            position=position,
            status=status,
            rotting=False,
            days_in_stage=0,
        )

    @staticmethod
    def _in_eur(card: Any) -> Any:
        rate = DEFAULT_RATES.get(card.currency, 1.0)
        if rate == 1.0:
            return card
        return dataclasses.replace(
            card,
            amount_cents=round(card.amount_cents * rate),
            weighted_cents=round(card.weighted_cents * rate),
        )

    def _move_finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._moves_in_flight -= 1
        if not self._moves_in_flight and self._reload_after_moves:
            self._reload_after_moves = False
            self.reload()

    def _move_refused(self, error: BaseException, stage: StageInfo) -> None:
        if not shiboken6.isValid(self):
            self._ctx.report_error(error)
            return
        self._moves_in_flight -= 1
        self._reload_after_moves = False
        self.reload()  # the card goes back where the database says it is
        QMessageBox.warning(self, self.tr("Move refused"), self.refusal_text(error, stage))

    def refusal_text(self, error: BaseException, stage: StageInfo) -> str:
        if isinstance(error, ValidationError):
            lines = []
            for item in error.errors:
                if item.code == "meddic_required":
                    missing = ", ".join(meddic_item(m) for m in item.params.get("missing", []))
                    lines.append(
                        fill(
                            self.tr("“%1” needs these MEDDIC items first: %2."),
                            stage.name,
                            missing,
                        )
                    )
                elif item.field == "close_reason" and item.code == "required":
                    lines.append(self.tr("A reason is needed to close the opportunity."))
                else:
                    lines.append(service_error_text(ValidationError([item])))
            return "\n".join(lines)
        return service_error_text(error)

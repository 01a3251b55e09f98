"""Undo: one QUndoCommand per user intent, replayed through the same services as doing.

The first "do" runs before the command is pushed, so a refused edit (validation, a cycle…)
never lands on the stack. Undo and redo are then service calls on the worker thread too, in
order, since the worker is serial.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from kamdesk.db import UnitOfWork
from kamdesk.services.records import Edit
from kamdesk.ui.context import AppContext

Step = Callable[[UnitOfWork], Any]


class ServiceCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._redo, self._undo = redo, undo
        self._first = True  # pushed after the action already ran

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._ctx.write(self._redo, on_error=self._refused)

    def undo(self) -> None:
        self._ctx.write(self._undo, on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        # The stack already moved past this step, but the database did not: the remaining
        # steps would replay from a wrong idea of the state, so the history ends here.
        self._ctx.undo_stack.clear()
        self._ctx.report_error(error, undo_history_cleared=True)


def perform(
    ctx: AppContext,
    text: str,
    do: Step,
    inverse: Callable[[Any], tuple[Step, Step] | None],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``do``; on success push a command whose redo/undo ``inverse(result)`` gives."""

    def done(result: Any) -> None:
        steps = inverse(result)
        if steps is not None:
            ctx.undo_stack.push(ServiceCommand(ctx, text, *steps))
        if on_done is not None:
            on_done(result)

    ctx.write(do, done, on_error or ctx.report_error)


def edit_steps(
    update: Callable[..., Any],
) -> Callable[[Edit], tuple[Step, Step] | None]:
    """Inverse of an update service: replay ``after`` to redo, ``before`` to undo."""

    def inverse(edit: Edit) -> tuple[Step, Step] | None:
        if not edit.changed:
            return None  # nothing changed: no empty undo step
        # Each step states what it expects to find, so that it never overwrites a later change.
        return (
            lambda uow: update(uow, edit.record_id, dict(edit.after), expected=dict(edit.before)),
            lambda uow: update(uow, edit.record_id, dict(edit.before), expected=dict(edit.after)),
        )

    return inverse


def create_steps(
    delete: Callable[[UnitOfWork, str], Any], restore: Callable[[UnitOfWork, str], Any]
):
    """Inverse of a create: undo soft-deletes the new record, redo restores it (same id)."""

    def inverse(new_id: str) -> tuple[Step, Step]:
        return (lambda uow: restore(uow, new_id), lambda uow: delete(uow, new_id))

    return inverse


def delete_steps(
    record_id: str,
    delete: Callable[[UnitOfWork, str], Any],
    restore: Callable[[UnitOfWork, str], Any],
):
    def inverse(_: Any) -> tuple[Step, Step]:
        return (lambda uow: delete(uow, record_id), lambda uow: restore(uow, record_id))

    return inverse

"""What a person decides about mail, each decision one undo step: link, unlink, ignore, create.

Each action snapshots the link state of the emails it will touch, then acts, in one unit of
work on the database worker; undo restores the snapshot (and, for an ignored sender, takes
the address off the ignore list; for a new contact, deletes it again).

``review.waiting_from`` and ``review.new_contact_emails`` say beforehand which emails ignoring
a sender or creating a contact will change, so those are snapshotted first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kamdesk.db import UnitOfWork
from kamdesk.mail import review
from kamdesk.services import contacts
from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.undo import Step, perform


def _quoted(subject: str) -> str:
    subject = subject.strip() or "…"
    return f"“{subject[:60]}”" if len(subject) <= 60 else f"“{subject[:57]}…”"


class MailActions(QObject):
    """Runs the decisions; ``done(email ids)`` when one went through, ``failed(text)`` if refused."""

    done = Signal(list)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    # -- link / unlink ------------------------------------------------------------------------
    def link(
        self,
        email_id: str,
        subject: str,
        *,
        account_id: str,
        contact_id: str | None = None,
        opportunity_id: str | None = None,
        whole_thread: bool = False,
    ) -> None:
        def act(uow: UnitOfWork) -> list[str]:
            return review.link(
                uow,
                email_id,
                account_id=account_id,
                contact_id=contact_id,
                opportunity_id=opportunity_id,
                whole_thread=whole_thread,
            )

        text = self.tr("Link conversation %1") if whole_thread else self.tr("Link email %1")
        self._snapshotted(fill(text, _quoted(subject)), email_id, whole_thread, act)

    def unlink(self, email_id: str, subject: str, *, whole_thread: bool = False) -> None:
        def act(uow: UnitOfWork) -> list[str]:
            return review.unlink(uow, email_id, whole_thread=whole_thread)

        text = self.tr("Unlink conversation %1") if whole_thread else self.tr("Unlink email %1")
        self._snapshotted(fill(text, _quoted(subject)), email_id, whole_thread, act)

    def _snapshotted(
        self,
        text: str,
        email_id: str,
        whole_thread: bool,
        act: Callable[[UnitOfWork], list[str]],
    ) -> None:
        def do(uow: UnitOfWork) -> tuple[list[review.EmailLinks], list[str]]:
            ids = review.thread_email_ids(uow, email_id) if whole_thread else [email_id]
            before = review.snapshot(uow, ids)
            return before, act(uow)

        def inverse(result: tuple[list[review.EmailLinks], list[str]]) -> tuple[Step, Step]:
            before, _changed = result
            return act, lambda uow: review.restore(uow, before)

        self._perform(text, do, inverse, lambda result: result[1])

    # -- ignore the sender --------------------------------------------------------------------
    def ignore_sender(self, address: str) -> None:
        def do(uow: UnitOfWork) -> tuple[list[review.EmailLinks], list[str]]:
            before = review.snapshot(uow, review.waiting_from(uow, address))
            return before, review.ignore_sender(uow, address)

        def inverse(result: tuple[list[review.EmailLinks], list[str]]) -> tuple[Step, Step]:
            before, _changed = result

            def undo(uow: UnitOfWork) -> None:
                review.unignore_sender(uow, address)
                review.restore(uow, before)

            return (lambda uow: review.ignore_sender(uow, address)), undo

        self._perform(fill(self.tr("Ignore sender %1"), address), do, inverse, lambda r: r[1])

    # -- create a contact from the sender -----------------------------------------------------
    def create_contact(
        self,
        email_id: str,
        account_id: str,
        values: dict[str, Any],
        *,
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def do(uow: UnitOfWork) -> tuple[str, list[review.EmailLinks], list[review.EmailLinks]]:
            ids = review.new_contact_emails(uow, email_id, account_id, values)
            before = review.snapshot(uow, ids)
            contact_id, changed = review.create_contact_from_sender(
                uow, email_id, account_id, values
            )
            return contact_id, before, review.snapshot(uow, changed)

        def inverse(
            result: tuple[str, list[review.EmailLinks], list[review.EmailLinks]],
        ) -> tuple[Step, Step]:
            contact_id, before, after = result

            def redo(uow: UnitOfWork) -> None:
                contacts.restore_contact(uow, contact_id)
                review.restore(uow, after)

            def undo(uow: UnitOfWork) -> None:
                review.restore(uow, before)
                contacts.delete_contact(uow, contact_id)

            return redo, undo

        name = " ".join(
            str(values.get(k) or "") for k in ("first_name", "last_name")
        ).strip() or str(values.get("email") or "")
        self._perform(
            fill(self.tr("New contact %1 from an email"), name),
            do,
            inverse,
            lambda result: [link.email_id for link in result[2]],
            on_done=on_done,
            on_error=on_error,
        )

    # -- running ------------------------------------------------------------------------------
    def _perform(
        self,
        text: str,
        do: Step,
        inverse: Callable[[Any], tuple[Step, Step] | None],
        changed: Callable[[Any], list[str]],
        *,
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: Any) -> None:
            if on_done is not None:
                on_done()
            self.done.emit(changed(result))

        def refused(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(service_error_text(error))

        perform(self.ctx, text, do, inverse, on_done=done, on_error=refused)

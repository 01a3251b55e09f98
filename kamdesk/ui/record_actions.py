"""New, edit and delete for accounts, sites, contacts and activities: dialog → service → undo step.

Each method loads what its dialog needs in one read on the worker, opens the dialog without
blocking, and saves through ``undo.perform`` so that every create, edit or delete is one undo
step replayed through the same service. A refused save leaves the dialog open with its errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kamdesk.services import accounts, contacts, hierarchy, interactions, sites
from kamdesk.services.errors import NotFound, ValidationError
from kamdesk.services.fields import clean
from kamdesk.ui import undo
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs import (
    AccountDialog,
    ContactDialog,
    InteractionDialog,
    RecordDialog,
    SiteDialog,
    choices,
)
from kamdesk.ui.messages import fill, service_error_text


def changed_fields(dlg: RecordDialog, submitted: dict[str, Any]) -> dict[str, Any]:
    """Only what the user changed in the dialog: a field someone else changed while the dialog
    was open keeps their value instead of being reverted to what the dialog loaded."""
    loaded = getattr(dlg, "loaded_values", None)
    if loaded is None:
        return submitted
    try:
        before = clean(dlg.SPECS, {k: v for k, v in loaded.items() if k in dlg.SPECS}, partial=True)
    except ValidationError:  # stored data that no longer validates: compare raw values
        before = loaded
    before |= {k: v for k, v in loaded.items() if k not in dlg.SPECS}

    def same(old: Any, new: Any) -> bool:
        if isinstance(old, list | tuple) and isinstance(new, list | tuple):
            return sorted(old) == sorted(new)
        return old == new or (old in (None, "", []) and new in (None, "", []))

    return {k: v for k, v in submitted.items() if k not in before or not same(before[k], v)}


class RecordActions(QObject):
    """What the main window calls to create, edit and delete records."""

    recordCreated = Signal(str, str)  # kind ("account", "site", "contact", "interaction"), id
    dialogOpened = Signal(object)  # the RecordDialog just shown (tests, tours)

    def __init__(self, ctx: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self._parent = parent_widget
        self._dialogs: list[RecordDialog] = []

    @property
    def dialogs(self) -> list[RecordDialog]:
        """The dialogs open right now."""
        return list(self._dialogs)

    # -- accounts --------------------------------------------------------------------------
    def new_account(self) -> None:
        me = self.ctx.current_user_id

        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            return {"owner_id": me, "tier": "standard"}, choices.for_account(session)

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            self._save(
                dlg,
                fill(self.tr("New account %1"), values["name"]),
                lambda uow: accounts.create_account(uow, values),
                undo.create_steps(accounts.delete_account, accounts.restore_account),
                created="account",
            )

        self._open(load, lambda v, c: AccountDialog(v, is_new=True, **c), submit)

    def edit_account(self, account_id: str) -> None:
        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            values = accounts.account_values(session, account_id)
            return values, choices.for_account(session, account_id)

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            self._save(
                dlg,
                fill(self.tr("Edit account %1"), values["name"]),
                lambda uow: accounts.update_account(uow, account_id, changed_fields(dlg, values)),
                undo.edit_steps(accounts.update_account),
            )

        self._open(load, lambda v, c: AccountDialog(v, **c), submit)

    def delete_account(self, account_id: str) -> None:
        def load(session: Any) -> tuple[str, int]:
            name = accounts.account_values(session, account_id)["name"]
            return name, len(hierarchy.descendant_ids(session, account_id))

        def ask(loaded: tuple[str, int]) -> None:
            name, subsidiaries = loaded
            if subsidiaries:
                text = self.tr(
                    "“%1” is the group of %n subsidiary(ies): move or delete them first.",
                    "",
                    subsidiaries,
                )
                QMessageBox.warning(self._parent, self.tr("Delete account"), fill(text, name))
                return
            question = self.tr(
                "Delete the account “%1”?\n\nYou can undo this (Edit ▸ Undo) "
                "or restore the account later."
            )
            self._delete(
                self.tr("Delete account"),
                fill(question, name),
                fill(self.tr("Delete account %1"), name),
                account_id,
                accounts.delete_account,
                accounts.restore_account,
            )

        self.ctx.read(load, ask, self._warn)

    # -- sites -----------------------------------------------------------------------------
    def new_site(self, account_id: str) -> None:
        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            self._save(
                dlg,
                fill(self.tr("New site %1"), values["name"]),
                lambda uow: sites.create_site(uow, account_id, values),
                undo.create_steps(sites.delete_site, sites.restore_site),
                created="site",
            )

        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            accounts.account_values(session, account_id)  # still there?
            return {}, {}

        self._open(load, lambda v, c: SiteDialog(v, is_new=True), submit)

    def edit_site(self, site_id: str) -> None:
        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            self._save(
                dlg,
                fill(self.tr("Edit site %1"), values["name"]),
                lambda uow: sites.update_site(uow, site_id, changed_fields(dlg, values)),
                undo.edit_steps(sites.update_site),
            )

        self._open(
            lambda session: (sites.site_values(session, site_id), {}),
            lambda v, c: SiteDialog(v),
            submit,
        )

    def delete_site(self, site_id: str) -> None:
        def ask(values: dict[str, Any]) -> None:
            question = self.tr(
                "Delete the site “%1”?\n\nYou can undo this (Edit ▸ Undo) or restore the site later."
            )
            self._delete(
                self.tr("Delete site"),
                fill(question, values["name"]),
                fill(self.tr("Delete site %1"), values["name"]),
                site_id,
                sites.delete_site,
                sites.restore_site,
            )

        self.ctx.read(lambda session: sites.site_values(session, site_id), ask, self._warn)

    # -- contacts --------------------------------------------------------------------------
    def new_contact(self, account_id: str) -> None:
        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            accounts.account_values(session, account_id)  # still there?
            return {}, choices.for_contact(session, account_id)

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            name = f"{values['first_name']} {values['last_name']}"
            self._save(
                dlg,
                fill(self.tr("New contact %1"), name),
                lambda uow: contacts.create_contact(uow, account_id, values),
                undo.create_steps(contacts.delete_contact, contacts.restore_contact),
                created="contact",
            )

        self._open(load, lambda v, c: ContactDialog(v, is_new=True, **choices.labelled(c)), submit)

    def edit_contact(self, contact_id: str) -> None:
        author = self.ctx.current_user_id

        def update(uow: Any, record_id: str, values: dict[str, Any], **kwargs: Any) -> Any:
            return contacts.update_contact(uow, record_id, values, author_id=author, **kwargs)

        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            values = contacts.contact_values(session, contact_id)
            return values, choices.for_contact(session, values["account_id"], contact_id)

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            name = f"{values['first_name']} {values['last_name']}"
            self._save(
                dlg,
                fill(self.tr("Edit contact %1"), name),
                lambda uow: update(uow, contact_id, changed_fields(dlg, values)),
                undo.edit_steps(update),
            )

        self._open(load, lambda v, c: ContactDialog(v, **choices.labelled(c)), submit)

    def delete_contact(self, contact_id: str) -> None:
        def ask(values: dict[str, Any]) -> None:
            name = f"{values['first_name']} {values['last_name']}"
            question = self.tr(
                "Delete the contact “%1”?\n\n"
                "You can undo this (Edit ▸ Undo) or restore the contact later."
            )
            self._delete(
                self.tr("Delete contact"),
                fill(question, name),
                fill(self.tr("Delete contact %1"), name),
                contact_id,
                contacts.delete_contact,
                contacts.restore_contact,
            )

        self.ctx.read(lambda session: contacts.contact_values(session, contact_id), ask, self._warn)

    # -- interactions ----------------------------------------------------------------------
    def new_interaction(self, account_id: str, kind: str = "call") -> None:
        me = self.ctx.current_user_id

        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            accounts.account_values(session, account_id)  # still there?
            direction = "out" if kind in ("call", "email", "quote_sent") else None
            return {"kind": kind, "direction": direction}, choices.for_interaction(
                session, account_id
            )

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            fields = {k: v for k, v in values.items() if k != "contact_ids"}
            self._save(
                dlg,
                fill(self.tr("Log activity %1"), values["subject"]),
                lambda uow: interactions.create_interaction(
                    uow, account_id, fields, values["contact_ids"], author_id=me
                ),
                undo.create_steps(
                    interactions.delete_interaction, interactions.restore_interaction
                ),
                created="interaction",
            )

        self._open(
            load, lambda v, c: InteractionDialog(v, is_new=True, **choices.labelled(c)), submit
        )

    def edit_interaction(self, interaction_id: str) -> None:
        def load(session: Any) -> tuple[dict[str, Any], dict[str, Any]]:
            values = interactions.interaction_values(session, interaction_id)
            return values, choices.for_interaction(session, values["account_id"])

        def submit(dlg: RecordDialog, values: dict[str, Any]) -> None:
            self._save(
                dlg,
                fill(self.tr("Edit activity %1"), values["subject"]),
                lambda uow: interactions.update_interaction(
                    uow, interaction_id, changed_fields(dlg, values)
                ),
                undo.edit_steps(interactions.update_interaction),
            )

        self._open(load, lambda v, c: InteractionDialog(v, **choices.labelled(c)), submit)

    def delete_interaction(self, interaction_id: str) -> None:
        def ask(values: dict[str, Any]) -> None:
            question = self.tr(
                "Delete the activity “%1”?\n\n"
                "You can undo this (Edit ▸ Undo) or restore the activity later."
            )
            self._delete(
                self.tr("Delete activity"),
                fill(question, values["subject"]),
                fill(self.tr("Delete activity %1"), values["subject"]),
                interaction_id,
                interactions.delete_interaction,
                interactions.restore_interaction,
            )

        self.ctx.read(
            lambda session: interactions.interaction_values(session, interaction_id),
            ask,
            self._warn,
        )

    # -- the shared flow -------------------------------------------------------------------
    def _open(
        self,
        load: Callable[[Any], tuple[dict[str, Any], Any]],
        make: Callable[[dict[str, Any], Any], RecordDialog],
        submit: Callable[[RecordDialog, dict[str, Any]], None],
    ) -> None:
        """One read for the values and the choices, then the dialog, without blocking."""

        def show(loaded: tuple[dict[str, Any], Any]) -> None:
            values, offered = loaded
            dlg = make(values, offered)
            dlg.loaded_values = dict(values)
            dlg.setParent(self._parent, dlg.windowFlags())
            dlg.on_submit = lambda submitted: submit(dlg, submitted)
            self._dialogs.append(dlg)
            dlg.finished.connect(lambda _result: self._forget(dlg))
            dlg.open()
            self.dialogOpened.emit(dlg)

        self.ctx.read(load, show, self._warn)

    def _forget(self, dlg: RecordDialog) -> None:
        if dlg in self._dialogs:
            self._dialogs.remove(dlg)
            dlg.deleteLater()

    def _save(
        self,
        dlg: RecordDialog,
        text: str,
        do: undo.Step,
        inverse: Callable[[Any], Any],
        *,
        created: str | None = None,
    ) -> None:
        def done(result: Any) -> None:
            dlg.finish()
            if created is not None:
                self.recordCreated.emit(created, result)

        def refused(error: BaseException) -> None:
            if dlg.handle_error(error):
                return  # shown next to the fields; the dialog stays open as the user left it
            QMessageBox.warning(dlg, self.tr("Not saved"), service_error_text(error))
            if isinstance(error, NotFound):
                dlg.reject()  # the record is gone: there is nothing left to edit

        undo.perform(self.ctx, text, do, inverse, on_done=done, on_error=refused)

    def _delete(
        self,
        title: str,
        question: str,
        undo_text: str,
        record_id: str,
        delete: Callable[[Any, str], Any],
        restore: Callable[[Any, str], Any],
    ) -> None:
        answer = QMessageBox.question(
            self._parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        undo.perform(
            self.ctx,
            undo_text,
            lambda uow: delete(uow, record_id),
            undo.delete_steps(record_id, delete, restore),
            on_error=self._warn,
        )

    def _warn(self, error: BaseException) -> None:
        QMessageBox.warning(self._parent, self.tr("kamdesk"), service_error_text(error))

"""Pick where an email goes ("Link to…"), and the small form that makes a contact of a sender.

Both load what they offer on the database worker when opened (accounts, then the chosen
account's contacts and opportunities) and never write: the link is the caller's to run, and
the new contact is saved through ``MailActions`` (``open_create_contact``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.mail.reads import EmailDetail, QueueRow
from kamdesk.services.fields import CONTACT_FIELDS, FieldSpec
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs import choices
from kamdesk.ui.dialogs.base import RecordDialog
from kamdesk.ui.dialogs.editors import LineField
from kamdesk.ui.mail import texts
from kamdesk.ui.messages import fill, service_error_text

if TYPE_CHECKING:
    from kamdesk.ui.mail.actions import MailActions

translate = QCoreApplication.translate


class AccountCombo(QComboBox):
    """Every account, searchable by typing any part of its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lineEdit().setPlaceholderText(self.tr("Type to find an account"))

    def set_accounts(self, accounts: list[tuple[str, str]], current: str | None) -> None:
        blocked = self.blockSignals(True)
        self.clear()
        for account_id, name in accounts:
            self.addItem(name.strip("\u2003"), account_id)
        index = self.findData(current) if current else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.lineEdit().clear()
        self.blockSignals(blocked)
        self.currentIndexChanged.emit(self.currentIndex())

    def value(self) -> str | None:
        if self.currentIndex() < 0 or self.currentText() != self.itemText(self.currentIndex()):
            return None  # typed text that names no account
        return self.currentData()


@dataclass(frozen=True)
class LinkTarget:
    account_id: str
    contact_id: str | None
    opportunity_id: str | None
    whole_thread: bool


class LinkDialog(QDialog):
    """Account, contact and opportunity to link an email to; the whole thread or this message."""

    chosen = Signal(object)  # LinkTarget

    def __init__(
        self,
        ctx: AppContext,
        subject: str,
        *,
        account_id: str | None = None,
        contact_id: str | None = None,
        opportunity_id: str | None = None,
        thread_size: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._wanted_contact, self._wanted_opportunity = contact_id, opportunity_id
        self._thread_size = thread_size
        self.setWindowTitle(self.tr("Link email"))
        title = QLabel(fill(self.tr("Link “%1” to:"), subject or self.tr("(no subject)")))
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        self.account = AccountCombo()
        self.contact = QComboBox()
        self.opportunity = QComboBox()
        for combo in (self.contact, self.opportunity):
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.whole_thread = QCheckBox(
            fill(self.tr("The whole conversation (%1)"), texts.PLURALS.messages(thread_size))
        )
        self.whole_thread.setChecked(thread_size > 1)

        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Opportunity"), self.opportunity)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Link"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.whole_thread)
        self.whole_thread.setHidden(thread_size <= 1)
        layout.addWidget(self.buttons)

        self.account.currentIndexChanged.connect(self._account_changed)
        self.account.editTextChanged.connect(self._update_ok)
        self._set_records([], [])
        ctx.read(choices.load_accounts, lambda rows: self._accounts_loaded(rows, account_id))

    def _accounts_loaded(self, rows: list[tuple[str, str]], current: str | None) -> None:
        if shiboken6.isValid(self):
            self.account.set_accounts(rows, current)

    def _account_changed(self) -> None:
        self._update_ok()
        account_id = self.account.value()
        if account_id is None:
            self._set_records([], [])
            return

        def load(session: Any) -> tuple[str, Any, Any]:
            return (
                account_id,
                choices.load_contacts(session, account_id),
                choices.load_opportunities(session, account_id),
            )

        self._ctx.read(load, self._records_loaded, key=f"link-picker-{id(self)}")

    def _records_loaded(self, loaded: tuple[str, Any, Any]) -> None:
        account_id, contact_rows, opportunity_rows = loaded
        if not shiboken6.isValid(self) or account_id != self.account.value():
            return
        open_first = sorted(opportunity_rows, key=lambda o: o.status != "open")
        self._set_records(
            choices.contact_choices(contact_rows), choices.opportunity_choices(open_first)
        )

    def _set_records(
        self, contact_choices: list[tuple[str, str]], opportunity_choices: list[tuple[str, str]]
    ) -> None:
        for combo, items, empty, wanted in (
            (
                self.contact,
                contact_choices,
                self.tr("— no particular contact —"),
                self._wanted_contact,
            ),
            (
                self.opportunity,
                opportunity_choices,
                self.tr("— no opportunity —"),
                self._wanted_opportunity,
            ),
        ):
            combo.clear()
            combo.addItem(empty, "")
            for record_id, label in items:
                combo.addItem(label, record_id)
            index = combo.findData(wanted) if wanted else 0
            combo.setCurrentIndex(max(0, index))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.account.value() is not None)

    def target(self) -> LinkTarget | None:
        account_id = self.account.value()
        if account_id is None:
            return None
        return LinkTarget(
            account_id,
            self.contact.currentData() or None,
            self.opportunity.currentData() or None,
            self._thread_size > 1 and self.whole_thread.isChecked(),
        )

    def accept(self) -> None:
        target = self.target()
        if target is None:
            return
        self.chosen.emit(target)
        super().accept()


# -- a contact from the sender ----------------------------------------------------------------


def guess_names(display_name: str | None, address: str | None) -> tuple[str, str]:
    """First and last name from "Sandrine Lemoine", "LEMOINE Sandrine" or the address."""
    name = (display_name or "").strip().strip("\"'")
    if "," in name:  # "Lemoine, Sandrine"
        last, _, first = name.partition(",")
        return first.strip(), last.strip()
    words = name.split()
    if len(words) >= 2:
        upper = [w for w in words if w.isupper() and len(w) > 1]
        if upper and len(upper) < len(words):  # "LEMOINE Sandrine": the capitals are the surname
            last = " ".join(w.title() for w in upper)
            first = " ".join(w for w in words if w not in upper)
            return first, last
        return " ".join(words[:-1]), words[-1]
    local = (address or "").partition("@")[0]
    for separator in (".", "_", "-"):
        if separator in local:
            first, _, last = local.partition(separator)
            return first.title(), last.replace(separator, " ").title()
    return (words[0] if words else ""), ""


CREATE_CONTACT_FORM: dict[str, FieldSpec] = {
    name: CONTACT_FIELDS[name] for name in ("first_name", "last_name", "job_title", "email")
} | {"account_id": FieldSpec("ref", required=True)}


class AccountField(AccountCombo):
    """The account chooser as a form editor (``value`` / ``set_value``)."""

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value else -1
        self.setCurrentIndex(index)


class CreateContactDialog(RecordDialog):
    """First and last name, job title and address of a new contact, and the account."""

    SPECS = CREATE_CONTACT_FORM

    def __init__(
        self,
        ctx: AppContext,
        *,
        name: str | None,
        address: str | None,
        account_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        first, last = guess_names(name, address)
        super().__init__(
            {"first_name": first, "last_name": last, "email": address or ""},
            is_new=True,
            parent=parent,
        )
        self.setWindowTitle(self.tr("New contact from the sender"))
        self._account_id = account_id
        ctx.read(choices.load_accounts, self._accounts_loaded)

    def build(self) -> None:
        person = self.add_section()
        self.add_field(person, "first_name", self.tr("First name"), LineField(max_length=80))
        self.add_field(person, "last_name", self.tr("Last name"), LineField(max_length=80))
        self.add_field(person, "job_title", self.tr("Job title"), LineField(max_length=160))
        self.add_field(person, "email", self.tr("Email"), LineField())
        self.add_field(person, "account_id", self.tr("Account"), AccountField())

    def _accounts_loaded(self, rows: list[tuple[str, str]]) -> None:
        if shiboken6.isValid(self):
            self.editor("account_id").set_accounts(rows, self._account_id)

    def contact_values(self) -> tuple[str, dict[str, Any]]:
        """(account id, the contact's fields) of what was submitted."""
        values = dict(self.submitted_values or {})
        account_id = values.pop("account_id")
        return account_id, {k: v for k, v in values.items() if v not in (None, "")}

    def refused(self, error: BaseException) -> None:
        """The save was refused: a field's error shows at its field, anything else in a box."""
        if not self.handle_error(error):
            QMessageBox.warning(self, self.tr("New contact"), service_error_text(error))


def open_create_contact(
    actions: MailActions, mail: EmailDetail | QueueRow, parent: QWidget | None
) -> CreateContactDialog:
    """Create contact…: the form preset from the sender (or what the rules offer to create).

    Saving it is ``actions.create_contact``, one undo step, for the panel and the queue alike.
    """
    offer = mail.create_contact or {}
    account = mail.account or (mail.suggested_accounts[0] if mail.suggested_accounts else None)
    email_id = mail.message.id
    dlg = CreateContactDialog(
        actions.ctx,
        name=offer.get("name") or mail.message.from_name,
        address=offer.get("address") or mail.message.from_address,
        account_id=account.id if account else None,
        parent=parent,
    )

    def submit(_values: Any) -> None:
        account_id, values = dlg.contact_values()
        actions.create_contact(
            email_id, account_id, values, on_done=dlg.finish, on_error=dlg.refused
        )

    dlg.on_submit = submit
    dlg.finished.connect(lambda _result: dlg.deleteLater())
    dlg.open()
    return dlg

"""Mail accounts (IMAP): where kamdesk fetches mail from, and whether it may keep the password.

The settings go to the database (``MailAccount``, never the password). The password goes to
the system keyring when "Remember" is ticked and the keyring is one kamdesk trusts; otherwise
the box is disabled with the reason, and kamdesk asks for the password at each fetch. Talking
to the server ("Load folders") and to the keyring runs in the background: both can hang.
"""

from __future__ import annotations

import contextlib
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.mail import accounts, credentials
from kamdesk.mail.accounts import MailAccountInfo
from kamdesk.mail.imap import ImapSettings, MailSourceError
from kamdesk.services.errors import ValidationError
from kamdesk.ui.account_view.badges import bold, muted_colour, set_text_colour
from kamdesk.ui.background import run_in_background
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.base import ERROR_COLOR
from kamdesk.ui.mail import texts
from kamdesk.ui.messages import field_error_text, fill, service_error_text

PORTS = {"ssl": 993, "starttls": 143}


def _keyring_status() -> credentials.KeyringStatus | None:
    try:
        return credentials.keyring_status()
    except Exception:  # a broken keyring configuration: treat as "no keyring"
        return None


class MailAccountsDialog(QDialog):
    """The accounts on the left (add, remove); the chosen one's settings on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._accounts: list[MailAccountInfo] = []
        self._editing: str | None = None  # the account id shown, None for a new one
        self._secure = False
        self.setWindowTitle(self.tr("Mail accounts"))

        self.list = QListWidget()
        self.list.setMaximumWidth(240)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.remove_account)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. imap.example.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(993)
        self.security = QComboBox()
        self.security.addItem(self.tr("SSL/TLS (recommended)"), "ssl")
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.security.currentIndexChanged.connect(self._security_changed)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Usually your email address"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember.setEnabled(False)
        self.keyring_note = QLabel(self.tr("Checking the system keyring…"))
        self.keyring_note.setWordWrap(True)
        set_text_colour(self.keyring_note, muted_colour(self))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Only for a company's own certificate"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.folders = QListWidget()
        self.folders.setMinimumHeight(140)
        self.load_button = QPushButton(self.tr("Load folders"))
        self.load_button.setAutoDefault(False)
        self.load_button.setToolTip(self.tr("Ask the server for its folders (needs the password)"))
        self.load_button.clicked.connect(self.load_folders)
        folders_box = QVBoxLayout()
        folders_box.addWidget(self.folders)
        folders_row = QHBoxLayout()
        folders_row.addWidget(self.load_button)
        folders_row.addStretch(1)
        folders_box.addLayout(folders_row)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        form.addRow(self.tr("Trusted certificate"), ca_row)
        form.addRow(self.tr("Folders to fetch"), folders_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title = QLabel(self.tr("Where kamdesk fetches your mail"))
        title.setFont(bold(self.font()))
        right = QVBoxLayout()
        right.addWidget(title)
        right.addLayout(form)
        right.addWidget(self.status)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)

        self.list.currentRowChanged.connect(self._account_chosen)
        run_in_background(_keyring_status, self._keyring_checked, self)
        self.reload()

    # -- accounts -----------------------------------------------------------------------------
    def reload(self, select: str | None = None, *, then: str | None = None) -> None:
        """List the accounts again, show ``select``'s settings, then say ``then``."""
        self._ctx.read(accounts.list_accounts, lambda found: self._listed(found, select, then))

    def _listed(self, found: list[MailAccountInfo], select: str | None, then: str | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._accounts = found
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for account in found:
            QListWidgetItem(f"{account.username}\n{account.host}", self.list)
        self.list.blockSignals(blocked)
        wanted = next((i for i, a in enumerate(found) if a.id == (select or self._editing)), 0)
        if found:
            self.list.setCurrentRow(wanted)
            self._account_chosen(wanted)
        else:
            self.new_account()
        self.remove_button.setEnabled(bool(found))
        if then is not None:
            self._say(then)

    def _account_chosen(self, row: int) -> None:
        if not 0 <= row < len(self._accounts):
            return
        account = self._accounts[row]
        self._editing = account.id
        self.host.setText(account.host)
        self.security.setCurrentIndex(max(0, self.security.findData(account.security)))
        self.port.setValue(account.port)
        self.username.setText(account.username)
        self.password.clear()
        self.ca_file.setText(account.ca_file or "")
        self._set_folders(list(account.folders), set(account.folders))
        if account.last_error:
            self._say(fill(self.tr("Last fetch failed: %1"), account.last_error), error=True)
        elif account.last_fetch_at:
            self._say(fill(self.tr("Last fetched: %1"), texts.long_date(account.last_fetch_at)))
        else:
            self._say("")
        key, secure = account.key, self._secure
        run_in_background(lambda: secure and _has_password(key), self._password_known, self)

    def _password_known(self, stored: bool) -> None:
        if shiboken6.isValid(self):
            self.remember.setChecked(bool(stored))
            self.password.setPlaceholderText(
                self.tr("Kept in the system keyring") if stored else self.tr("Asked at each fetch")
            )

    def new_account(self) -> None:
        self._editing = None
        self.list.clearSelection()
        for edit in (self.host, self.username, self.password, self.ca_file):
            edit.clear()
        self.security.setCurrentIndex(0)
        self.port.setValue(PORTS["ssl"])
        self._set_folders(["INBOX"], {"INBOX"})
        self.remember.setChecked(self._secure)
        self._say(self.tr("A new mail account: fill in the server and the user name."))
        self.host.setFocus()

    def remove_account(self) -> None:
        account_id = self._editing
        if account_id is None:
            return
        key = next((a.key for a in self._accounts if a.id == account_id), None)
        self._ctx.write(
            lambda uow: accounts.delete_account(uow, account_id), lambda _: self.reload()
        )
        if key is not None:
            run_in_background(lambda: _forget(key), lambda _: None, self)
        self._editing = None

    # -- keyring ------------------------------------------------------------------------------
    def _keyring_checked(self, status: credentials.KeyringStatus | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._secure = bool(status and status.secure)
        self.remember.setEnabled(self._secure)
        if self._secure:
            self.keyring_note.setText(
                self.tr("The password is kept in the system keyring, never in kamdesk's files.")
            )
        else:
            self.remember.setChecked(False)
            self.keyring_note.setText(texts.keyring_reason_text(status.reason if status else None))
        if self._editing is not None:
            self._account_chosen(self.list.currentRow())

    # -- form ---------------------------------------------------------------------------------
    def _security_changed(self) -> None:
        security = self.security.currentData()
        if self.port.value() in PORTS.values():
            self.port.setValue(PORTS[security])

    def _browse_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Trusted certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if name:
            self.ca_file.setText(name)

    def _set_folders(self, names: list[str], checked: set[str]) -> None:
        self.folders.clear()
        for name in names:
            item = QListWidgetItem(name, self.folders)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked
            )

    def chosen_folders(self) -> list[str]:
        return [
            self.folders.item(i).text()
            for i in range(self.folders.count())
            if self.folders.item(i).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> dict[str, Any]:
        return {
            "host": self.host.text().strip(),
            "port": self.port.value(),
            "security": self.security.currentData(),
            "username": self.username.text().strip(),
            "folders": self.chosen_folders(),
            "ca_file": self.ca_file.text().strip() or None,
        }

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        if error:
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.status.setStyleSheet("")

    def _settings(self) -> ImapSettings | None:
        try:
            return accounts.settings_from(self.values())
        except ValidationError as exc:
            self._say("\n".join(field_error_text(e) for e in exc.errors), error=True)
            return None

    # -- talking to the server ----------------------------------------------------------------
    def load_folders(self) -> None:
        settings = self._settings_for_folders()
        if settings is None:
            return
        typed = self.password.text()
        key = settings.key
        secure = self._secure
        self.load_button.setEnabled(False)
        self._say(fill(self.tr("Connecting to %1…"), settings.host))

        def work() -> list[str] | BaseException:
            try:
                password = typed or (credentials.load_password(key) if secure else None)
                if not password:
                    return ValueError("no password")
                return accounts.server_folders(settings, password)
            except Exception as exc:  # shown in words, never raised on the GUI thread
                return exc

        run_in_background(work, lambda result: self._folders_loaded(settings, result), self)

    def _settings_for_folders(self) -> ImapSettings | None:
        values = self.values()
        values["folders"] = values["folders"] or ["INBOX"]  # any folder: it is about connecting
        try:
            return accounts.settings_from(values)
        except ValidationError as exc:
            self._say("\n".join(field_error_text(e) for e in exc.errors), error=True)
            return None

    def _folders_loaded(self, settings: ImapSettings, result: list[str] | BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.load_button.setEnabled(True)
        if isinstance(result, ValueError):
            self._say(self.tr("Type the password to load the folders."), error=True)
            return
        if isinstance(result, MailSourceError):
            self._say(texts.mail_error_text(result.code, settings.host, str(result)), error=True)
            return
        if isinstance(result, BaseException):
            self._say(service_error_text(result), error=True)
            return
        checked = set(self.chosen_folders()) or {"INBOX"}
        self._set_folders(result, checked)
        self._say(self.tr("%n folder(s) on the server: tick those to fetch.", "", len(result)))

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        settings = self._settings()
        if settings is None:
            return
        values, account_id = self.values(), self._editing
        password, remember = self.password.text(), self.remember.isChecked() and self._secure

        def saved(new_id: str) -> None:
            self._editing = new_id
            key = settings.key
            if remember and password:
                run_in_background(lambda: _remember(key, password), self._remembered, self)
            elif not remember:
                run_in_background(lambda: _forget(key), lambda _: None, self)
            self.reload(new_id, then=self.tr("Saved."))

        self._ctx.write(
            lambda uow: accounts.save_account(uow, values, account_id),
            saved,
            lambda error: self._say(service_error_text(error), error=True),
        )

    def _remembered(self, error: str | None) -> None:
        if shiboken6.isValid(self) and error:
            self._say(
                fill(self.tr("The settings are saved, but not the password: %1"), error),
                error=True,
            )


def _has_password(key: str) -> bool:
    try:
        return credentials.load_password(key) is not None
    except credentials.KeyringUnavailable:
        return False


def _remember(key: str, password: str) -> str | None:
    try:
        credentials.save_password(key, password)
    except credentials.KeyringUnavailable as exc:
        return str(exc)
    return None


def _forget(key: str) -> None:
    # Nothing kamdesk can do about a locked keyring: it keeps an unused entry.
    with contextlib.suppress(credentials.KeyringUnavailable):
        credentials.forget_password(key)


def open_mail_accounts(ctx: AppContext, parent: QWidget | None) -> MailAccountsDialog:
    dialog = MailAccountsDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

"""Sign in to the team server with the one-time enrolment secret an admin handed out.

The keyring is checked when the dialog opens, before the secret is spent: when kamdesk may not
keep the token there, the dialog says so plainly — the sign-in then lasts until kamdesk closes,
and the next one needs a new secret. Signing in talks to the server on the sync thread.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.sync import errors, sign_in
from kamdesk.ui.account_view.badges import WARNING, bold, muted_colour, set_text_colour
from kamdesk.ui.background import run_in_background
from kamdesk.ui.dialogs.base import ErrorLabel
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.sync.controller import SyncController

translate = QCoreApplication.translate


def _keyring_refusal() -> str | None:
    try:
        return sign_in.keyring_refusal()
    except Exception:  # a broken keyring configuration: as good as none
        return "no system keyring was found"


def keyring_reason(reason: str) -> str:
    """The core's reasons (kamdesk.mail.credentials) in the user's language."""
    return {
        "no system keyring was found": translate("SignInDialog", "no system keyring was found"),
        "the keyring is disabled in keyring's configuration": translate(
            "SignInDialog", "the keyring is turned off in its configuration"
        ),
        "the keyring backend stores passwords in a file, not in a system keyring": translate(
            "SignInDialog", "it would keep secrets in a plain file"
        ),
        "the keyring backend is not usable on this system": translate(
            "SignInDialog", "it cannot be used on this system"
        ),
        "the keyring backend is not one keyring recommends for passwords": translate(
            "SignInDialog", "it is not safe enough for secrets"
        ),
    }.get(reason, reason)


def sign_in_error_text(error: BaseException) -> str:
    if isinstance(error, errors.Offline):
        return translate(
            "SignInDialog",
            "The server cannot be reached. Check its address and your connection.",
        )
    if isinstance(error, errors.SignInAgain):
        return translate(
            "SignInDialog",
            "The user name or the enrolment secret is not right, or the secret was already "
            "used. Ask your admin for a new one.",
        )
    if isinstance(error, errors.UpdateRequired):
        return translate("SignInDialog", "Please update kamdesk: the server runs another version.")
    if isinstance(error, errors.SyncError):
        return fill(translate("SignInDialog", "The server refused: %1"), error)
    return service_error_text(error)


class SignInDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.remembered: bool | None = None  # after signing in: whether the keyring keeps it
        self.setWindowTitle(self.tr("Sign in to a team server"))
        title = QLabel(self.tr("Share your accounts with your team"))
        title.setFont(bold(self.font(), 1.15))
        intro = QLabel(
            self.tr(
                "kamdesk keeps working offline and sends your changes when the server can be "
                "reached. Your admin gives you the server address and a one-time enrolment "
                "secret."
            )
        )
        intro.setWordWrap(True)
        set_text_colour(intro, muted_colour(self))

        state = controller.state
        self.server = QLineEdit(state.server_url or "")
        self.server.setPlaceholderText(self.tr("e.g. https://crm.example.com"))
        self.user = QLineEdit(state.user or "")
        self.user.setPlaceholderText(self.tr("As your admin created it"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Used once, on this computer"))
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Enrolment secret"), self.secret)

        self.keyring_note = QLabel(self.tr("Checking the system keyring…"))
        self.keyring_note.setWordWrap(True)
        set_text_colour(self.keyring_note, muted_colour(self))
        self.error = ErrorLabel()
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for field in (self.server, self.user, self.secret):
            field.textChanged.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.keyring_checked = False
        (self.secret if state.server_url and state.user else self.server).setFocus()
        run_in_background(_keyring_refusal, self._on_keyring, self)

    def _on_keyring(self, refusal: str | None) -> None:
        if not shiboken6.isValid(self):
            return
        self.keyring_checked = True
        if refusal is None:
            self.keyring_note.setText(
                self.tr("Your sign-in will be kept in the system keyring, never in a file.")
            )
        else:
            self.keyring_note.setText(
                fill(
                    self.tr(
                        "The system keyring is not safe here (%1), so kamdesk will not remember "
                        "this sign-in: it lasts until you close kamdesk, and next time you will "
                        "need a new enrolment secret from your admin."
                    ),
                    keyring_reason(refusal),
                )
            )
            set_text_colour(self.keyring_note, WARNING)
            self.sign_in_button.setText(self.tr("Sign in for this session"))
        self._update_button()

    def _update_button(self) -> None:
        filled = all(f.text().strip() for f in (self.server, self.user, self.secret))
        self.sign_in_button.setEnabled(filled and self.keyring_checked)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.server, self.user, self.secret):
            widget.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        if busy:
            self.error.hide()
            self.keyring_note.setText(self.tr("Signing in…"))

    def submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        server = self.server.text().strip()
        if "://" not in server:
            server = "https://" + server
            self.server.setText(server)
        note = self.keyring_note.text()
        self._set_busy(True)

        def done(remembered: bool) -> None:
            self.remembered = remembered
            if shiboken6.isValid(self):
                self.accept()

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.keyring_note.setText(note)
            self.error.setText(sign_in_error_text(error))
            self.error.show()
            self.secret.setFocus()
            self.secret.selectAll()

        self.controller.sign_in(server, self.user.text(), self.secret.text().strip(), done, failed)

"""Fetch mail from the IMAP accounts: on demand (with progress and Cancel), and every 10 minutes.

The fetch runs on a thread of its own (network and import must not hold the database worker);
each batch is committed before its folder's resume point is saved, so Cancel, a lost network
or a closed laptop lose nothing. The password comes from the system keyring when one is
trusted, else it is asked for each time (and the periodic fetch skips that account).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from kamdesk.db import Database
from kamdesk.mail import accounts, credentials
from kamdesk.mail.accounts import FetchProgress, MailAccountInfo
from kamdesk.mail.imap import MailSourceError
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.ui.background import run_in_background
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail import texts
from kamdesk.ui.mail.progress import ImportProgressDialog, MailRunner, MailThread
from kamdesk.ui.messages import fill, service_error_text

PERIOD_MS = 10 * 60 * 1000


def _stored_password(key: str) -> str | None:
    try:
        return credentials.load_password(key)
    except credentials.KeyringUnavailable:
        return None


class FetchThread(MailThread):
    progressed = Signal(object)  # FetchProgress
    failed = Signal(object)  # the exception (MailSourceError in plain cases)

    def __init__(
        self, db: Database, account: MailAccountInfo, password: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mail-fetch")
        self._db, self.account, self._password = db, account, password

    def run(self) -> None:
        mine = (self.account.username.lower(),) if "@" in self.account.username else ()
        importer = MailImporter(self._db, my_addresses=mine)

        def progress(step: FetchProgress) -> None:
            self.publish_batch(importer)
            self.progressed.emit(step)

        try:
            summary = accounts.fetch_account(
                self._db,
                self.account.id,
                self._password,
                importer=importer,
                progress=progress,
                cancelled=self._cancel.is_set,
            )
        except Exception as exc:  # MailSourceError, and the disk or database failing
            self.failed.emit(exc)
        else:
            self.done.emit(summary)
        finally:
            self._password = ""


def fetch_error_text(error: BaseException, account: MailAccountInfo) -> str:
    if isinstance(error, MailSourceError):
        return texts.mail_error_text(error.code, account.host, str(error))
    return service_error_text(error)


class MailFetcher(MailRunner):
    """One per main window: "Fetch mail" and the periodic fetch; one fetch at a time."""

    statusChanged = Signal(str)  # a line for the status bar

    def __init__(self, ctx: AppContext, window: QWidget | None) -> None:
        super().__init__(window)
        self._ctx, self._window = ctx, window
        self._queue: list[tuple[MailAccountInfo, bool]] = []  # accounts still to fetch
        self._current: tuple[MailAccountInfo, bool] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(PERIOD_MS)
        self.timer.timeout.connect(self.fetch_in_background)

    def start_periodic(self) -> None:
        self.timer.start()

    # -- starting -----------------------------------------------------------------------------
    def fetch_now(self) -> None:
        """Fetch mail: every account, with progress; the password asked for when not stored."""
        if self.running:
            self.raise_progress()
            return
        self._ctx.read(accounts.list_accounts, self._fetch_interactively)

    def fetch_in_background(self) -> None:
        """The periodic fetch: only accounts whose password the keyring holds, no dialogs."""
        if not self.running:
            self._ctx.read(accounts.list_accounts, self._fetch_quietly)

    def _fetch_interactively(self, found: list[MailAccountInfo]) -> None:
        if not found:
            self._no_account()
            return
        self._queue = [(account, True) for account in found]
        self._next()

    def _fetch_quietly(self, found: list[MailAccountInfo]) -> None:
        self._queue = [(account, False) for account in found]
        self._next()

    def _no_account(self) -> None:
        from kamdesk.ui.mail.imap_settings import open_mail_accounts

        answer = QMessageBox.question(
            self._window,
            self.tr("Fetch mail"),
            self.tr("No mail account is set up yet. Set one up now?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            open_mail_accounts(self._ctx, self._window)

    def _next(self) -> None:
        if not self._queue or self.running:
            return
        account, interactive = self._queue.pop(0)
        self._current = (account, interactive)
        run_in_background(lambda: _stored_password(account.key), self._with_password, self)

    def _with_password(self, password: str | None) -> None:
        if self._current is None:
            return
        account, interactive = self._current
        if password is None:
            if not interactive:
                self._next()  # the periodic fetch never asks
                return
            password, ok = QInputDialog.getText(
                self._window,
                self.tr("Fetch mail"),
                fill(self.tr("Password for %1 on %2:"), account.username, account.host),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                self._next()
                return
        self.start(account, password, interactive=interactive)

    def start(self, account: MailAccountInfo, password: str, *, interactive: bool = True) -> None:
        thread = FetchThread(self._ctx.db, account, password, self)
        self.thread = thread
        self._current = (account, interactive)
        # Bound methods and a signal: the thread's signals reach them on the GUI thread.
        thread.batchCommitted.connect(self._ctx.bus.changed)
        thread.progressed.connect(self._progressed)
        thread.done.connect(self._done)
        thread.failed.connect(self._failed)
        if interactive:
            self.progress = ImportProgressDialog(self._window)
            self.progress.setWindowTitle(self.tr("Fetching mail"))
            self.progress.title.setText(fill(self.tr("Fetching mail from %1…"), account.host))
            self.progress.counts.setText(self.tr("Connecting…"))
            self.progress.cancel_button.clicked.connect(self.cancel)
            self.progress.show()
        self.statusChanged.emit(fill(self.tr("Fetching mail from %1…"), account.host))
        thread.start()

    def cancel(self) -> None:
        self._queue.clear()  # Cancel stops the accounts still to fetch too
        super().cancel()

    # -- progress and outcome -----------------------------------------------------------------
    def _progressed(self, step: FetchProgress) -> None:
        if self.progress is not None:
            self.progress.counts.setText(
                fill(
                    self.tr("%1: %2 of %3 new messages · %4"),
                    step.folder,
                    step.done,
                    step.total,
                    texts.PLURALS.imported(step.summary.imported),
                )
            )

    def _end_thread(self) -> tuple[MailAccountInfo, bool]:
        self.end_run()
        assert self._current is not None
        current, self._current = self._current, None
        return current

    def _done(self, summary: ImportSummary) -> None:
        account, interactive = self._end_thread()
        self.statusChanged.emit(
            fill(
                self.tr("Mail fetched from %1: %2"),
                account.host,
                texts.PLURALS.imported(summary.imported),
            )
        )
        if interactive and (summary.imported or summary.errors or summary.cancelled):
            self.open_summary(summary, self._window, fill(self.tr("Mail from %1"), account.host))
        elif interactive:
            self.statusChanged.emit(fill(self.tr("No new mail on %1."), account.host))
        self.finished.emit(summary)
        if not summary.cancelled:
            self._next()

    def _failed(self, error: BaseException) -> None:
        account, interactive = self._end_thread()
        text = fetch_error_text(error, account)
        self.statusChanged.emit(fill(self.tr("Mail not fetched from %1: %2"), account.host, text))
        if interactive:
            QMessageBox.warning(
                self._window,
                self.tr("Fetch mail"),
                fill(
                    self.tr("%1\n\nThe mail fetched before is kept; the next fetch resumes there."),
                    text,
                ),
            )
        self.finished.emit(None)
        self._next()

"""The main window: account list and groups on the left, the account 360° view on the right.

It only composes panels and routes their requests to ``RecordActions``; each panel loads its
own data and refreshes itself from ``ctx.bus.changed``.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from kamdesk import __version__
from kamdesk.db import Changes
from kamdesk.services.accounts import count_accounts
from kamdesk.ui.account_list import AccountListPanel
from kamdesk.ui.account_view import Account360View
from kamdesk.ui.context import AppContext
from kamdesk.ui.hierarchy_view import HierarchyPanel
from kamdesk.ui.messages import service_error_text
from kamdesk.ui.record_actions import RecordActions
from kamdesk.ui.search import SearchController
from kamdesk.ui.sections import Sections
from kamdesk.ui.welcome import WelcomePage

WELCOME_DONE = "welcome_done"
INTEGRITY_CHECK_DELAY_MS = 2000


def _first_launch_state(db) -> tuple[int, str | None]:  # noqa: ANN001
    with db.read() as session:
        return count_accounts(session), db.get_setting(WELCOME_DONE)


def _fill_demo(db) -> tuple[Changes, str | None]:  # noqa: ANN001
    from kamdesk.demo.generator import generate_demo
    from kamdesk.demo.mailbox import import_demo_mail

    generate_demo(db)
    import_demo_mail(db)
    db.set_setting(WELCOME_DONE, "demo")
    # The demo bypasses the outbox (it is not meant to sync); announce it as one big change.
    tables = ("accounts", "contacts", "opportunities", "interactions", "invoices", "emails")
    return Changes({t: {} for t in tables}), db.get_setting("current_user_id")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("kamdesk — %1").replace("%1", ctx.db.path.name))
        self.actions_ = RecordActions(ctx, self)
        self._trash: QWidget | None = None
        digest = hashlib.sha1(str(ctx.db.path).encode()).hexdigest()[:12]
        self._last_account_key = f"session/last_account_{digest}"

        self.accounts = AccountListPanel(ctx)
        self.hierarchy = HierarchyPanel(ctx)
        self.navigator = QTabWidget()
        self.navigator.addTab(self.accounts, self.tr("Accounts"))
        self.navigator.addTab(self.hierarchy, self.tr("Groups"))
        self.navigator.setDocumentMode(True)

        self.account_view = Account360View(ctx)
        self.placeholder = QLabel(self.tr("Select an account to see its 360° view."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(dark); font-size: 15px;")
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.account_view)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 980])

        self.welcome = WelcomePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self._connect()
        self.statusBar().showMessage(str(ctx.db.path))
        self._restore_geometry()
        self.ctx.executor.submit(_first_launch_state, self._on_first_launch_state)

    # -- construction -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        stack = self.ctx.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        self.new_account_action = QAction(self.tr("&New account…"), self)
        self.new_account_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_account_action.triggered.connect(self.actions_.new_account)
        self.trash_action = QAction(self.tr("&Deleted items…"), self)
        self.trash_action.triggered.connect(self.show_trash)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        about_action = QAction(self.tr("&About kamdesk"), self)
        about_action.triggered.connect(self._about)

        self._build_mail_actions()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_account_action)
        file_menu.addAction(self.trash_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_mail_action)
        file_menu.addAction(self.fetch_mail_action)
        file_menu.addAction(self.mail_accounts_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._build_sync()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sections = Sections(self.ctx, self, self.pages, self.splitter, toolbar)
        self.sections.mail_actions = [
            self.import_mail_action,
            self.fetch_mail_action,
            self.mail_accounts_action,
        ]
        toolbar.addSeparator()
        toolbar.addAction(self.new_account_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        file_menu.insertAction(quit_action, self.sections.settings_action)
        file_menu.insertSeparator(quit_action)
        self.search = SearchController(self.ctx, self, toolbar)  # toolbar box, Ctrl+K, palette
        edit_menu.addSeparator()
        edit_menu.addAction(self.search.action)

    def _build_mail_actions(self) -> None:
        from kamdesk.ui.mail.fetching import MailFetcher
        from kamdesk.ui.mail.imap_settings import open_mail_accounts
        from kamdesk.ui.mail.importing import MailImportRunner

        self.mail_import = MailImportRunner.for_context(self.ctx)
        self.mail_fetcher = MailFetcher(self.ctx, self)
        self.import_mail_action = QAction(self.tr("&Import mail…"), self)
        self.import_mail_action.triggered.connect(lambda: self.mail_import.choose_and_import(self))
        self.fetch_mail_action = QAction(self.tr("&Fetch mail"), self)
        self.fetch_mail_action.setShortcut(QKeySequence("F5"))
        self.fetch_mail_action.triggered.connect(self.mail_fetcher.fetch_now)
        self.mail_accounts_action = QAction(self.tr("&Mail accounts…"), self)
        self.mail_accounts_action.triggered.connect(lambda: open_mail_accounts(self.ctx, self))
        self.mail_import.reviewRequested.connect(lambda: self.sections.show("mail"))
        self.mail_fetcher.reviewRequested.connect(lambda: self.sections.show("mail"))
        self.mail_fetcher.statusChanged.connect(lambda text: self.statusBar().showMessage(text))
        self.mail_fetcher.start_periodic()

    def _build_sync(self) -> None:
        from kamdesk.ui.sync import SyncUi

        # Status bar, Sync menu, F9 and the background rounds (none until signed in).
        self.sync = SyncUi(self.ctx, self)
        self.menuBar().addMenu(self.sync.menu)

    def _connect(self) -> None:
        self.accounts.accountActivated.connect(self.open_account)
        self.hierarchy.accountActivated.connect(self.open_account)
        view, act = self.account_view, self.actions_
        view.accountActivated.connect(self.open_account)
        view.editAccountRequested.connect(act.edit_account)
        view.deleteAccountRequested.connect(act.delete_account)
        view.newContactRequested.connect(act.new_contact)
        view.editContactRequested.connect(act.edit_contact)
        view.deleteContactRequested.connect(act.delete_contact)
        view.newInteractionRequested.connect(act.new_interaction)
        view.editInteractionRequested.connect(act.edit_interaction)
        view.deleteInteractionRequested.connect(act.delete_interaction)
        view.newSiteRequested.connect(act.new_site)
        view.newOpportunityRequested.connect(self.sections.new_opportunity)
        view.editOpportunityRequested.connect(self.sections.open_opportunity)
        view.editSiteRequested.connect(act.edit_site)
        view.deleteSiteRequested.connect(act.delete_site)
        act.recordCreated.connect(self._on_record_created)
        self.welcome.demoRequested.connect(self._create_demo)
        self.welcome.startEmptyRequested.connect(self._start_empty)
        self.ctx.errorOccurred.connect(self._show_error)
        self.ctx.bus.changed.connect(self._on_changed)
        self.accounts.loaded.connect(self._reopen_last_account)
        self.integrity_problems: list[str] | None = None  # None until the check has run
        # Reading every page competes for the disk and a core: let the window come up first.
        QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, self._check_integrity)

    # -- behaviour --------------------------------------------------------------------------
    def open_account(self, account_id: str) -> None:
        if not account_id:
            return
        self.right.setCurrentWidget(self.account_view)
        QSettings().setValue(self._last_account_key, account_id)
        if self.account_view.account_id() != account_id:
            self.account_view.show_account(account_id)
        if self.accounts.current_account_id() != account_id:
            self.accounts.select_account(account_id)

    def _check_integrity(self) -> None:
        """Read every page of the file in the background: damage shows now, not mid-edit."""
        from kamdesk.db.integrity import quick_check
        from kamdesk.ui.background import run_in_background

        path = self.ctx.db.path
        run_in_background(lambda: quick_check(path), self._on_integrity, self)

    def _on_integrity(self, problems: list[str]) -> None:
        self.integrity_problems = problems
        if problems:
            QMessageBox.warning(
                self,
                self.tr("kamdesk"),
                self.tr(
                    "The database file %1 is damaged (%2). Keep working with care and restore the "
                    "latest copy from the “backups” folder beside it as soon as possible."
                )
                .replace("%1", str(self.ctx.db.path))
                .replace("%2", problems[0]),
            )

    def _reopen_last_account(self) -> None:
        """At start, come back to the account the user had open last time in this database."""
        self.accounts.loaded.disconnect(self._reopen_last_account)
        if self.accounts.current_account_id() is not None:
            return
        last = QSettings().value(self._last_account_key)
        # The account looked at last time; on a first launch, the first of the list, so that the
        # 360° view is never an empty page when there are accounts.
        if not (isinstance(last, str) and self.accounts.select_account(last)):
            self.accounts.select_first()

    def show_trash(self) -> None:
        from kamdesk.ui.trash_dialog import TrashDialog

        if self._trash is None or not self._trash.isVisible():
            self._trash = TrashDialog(self.ctx, self)
        self._trash.show()
        self._trash.raise_()

    def _on_record_created(self, kind: str, record_id: str) -> None:
        if kind == "account":
            self.open_account(record_id)

    def _on_changed(self, changes: Changes) -> None:
        shown = self.account_view.account_id()
        if shown and changes.rows.get("accounts", {}).get(shown) == "delete":
            self.right.setCurrentWidget(self.placeholder)

    def _on_first_launch_state(self, state: tuple[int, str | None]) -> None:
        count, welcome_done = state
        if count == 0 and welcome_done is None:
            self.pages.setCurrentWidget(self.welcome)

    def _create_demo(self) -> None:
        def done(result: tuple[Changes, str | None]) -> None:
            changes, user_id = result
            self.ctx.set_current_user_id(user_id)
            self.welcome.set_busy(False)
            self.pages.setCurrentWidget(self.splitter)
            self.ctx.bus.changed.emit(changes)

        def failed(error: BaseException) -> None:
            self.welcome.set_busy(
                False,
                self.tr("The demo could not be created: %1").replace(
                    "%1", service_error_text(error)
                ),
            )

        self.ctx.executor.submit(_fill_demo, done, failed)

    def _start_empty(self) -> None:
        self.ctx.executor.submit(lambda db: db.set_setting(WELCOME_DONE, "empty"))
        self.pages.setCurrentWidget(self.splitter)
        self.actions_.new_account()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("kamdesk"), message)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About kamdesk"),
            self.tr("kamdesk %1 — the desktop CRM for key account managers.").replace(
                "%1", __version__
            ),
        )

    # -- window state -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        self.search.shutdown()
        # An import or a fetch stops after its current batch; what was committed stays.
        self.mail_import.cancel()
        self.mail_fetcher.cancel()
        self.mail_import.wait()
        self.mail_fetcher.wait()
        self.sync.shutdown()  # a round in flight ends; unsent changes stay in the outbox
        self.ctx.executor.wait_idle()  # let a pending save finish before the process ends
        super().closeEvent(event)

"""Render every main screen with real data to PNG files, for people to look at.

``kamdesk --db PATH screenshots DIR`` drives the real main window offscreen: the account list,
the 360° view tab by tab, the groups tree, the edit dialogs, signing in to a team server and the
first-launch page.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QWidget

from kamdesk.db import Database


def _wait(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish loading")
        QCoreApplication.processEvents()
        time.sleep(0.005)
    for _ in range(5):  # let layouts and repaints settle
        QCoreApplication.processEvents()


def render_all(db: Database, outdir: Path, *, language: str | None = None) -> list[Path]:
    from kamdesk.app import create_application
    from kamdesk.services.accounts import list_accounts
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.main_window import MainWindow

    create_application(language)
    # Window geometry, filters and the last account go to a throw-away settings file: rendering
    # screenshots must not change how the user's own kamdesk opens next time.
    settings_dir = tempfile.mkdtemp(prefix="kamdesk-screenshots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    outdir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        QCoreApplication.processEvents()
        path = outdir / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        files.append(path)

    ctx = AppContext(db)
    window = MainWindow(ctx)
    window.resize(1440, 900)
    window.show()
    idle = lambda: ctx.executor.pending == 0  # noqa: E731
    _wait(idle)

    with db.read() as session:
        rows = list_accounts(session)
    if not rows:
        window.pages.setCurrentWidget(window.welcome)
        save(window, "00-welcome")
        window.close()
        return files

    biggest = max(rows, key=lambda r: r.revenue_year_cents)
    loaded: list[str] = []
    window.account_view.coverageLoaded.connect(loaded.append)  # comes after ``loaded``
    window.open_account(biggest.id)
    window.account_view.show_account(biggest.id)  # load even if it was already open at start
    _wait(lambda: bool(loaded) and idle())
    view = window.account_view
    for name, tab in (
        ("01-main-window", view.contacts),
        ("02-opportunities", view.opportunities),
        ("03-quotes-invoices", view.documents),
        ("04-tickets", view.tickets),
        ("05-timeline", view.timeline),
        ("06-notes", view.notes),
        ("07-sites", view.sites),
        ("08-qualification", view.qualification),
    ):
        view.tabs.setCurrentWidget(tab)
        save(window, name)

    # The stakeholder map loads when its tab is shown; then the same contacts as an org chart.
    smap = view.stakeholder_map
    map_loaded: list[bool] = []
    smap.loaded.connect(lambda: map_loaded.append(True))
    view.tabs.setCurrentWidget(smap)
    _wait(lambda: bool(map_loaded) and idle())
    save(window, "08b-stakeholder-map")
    map_loaded.clear()
    smap.set_mode("org")
    _wait(lambda: idle())
    save(window, "08c-org-chart")
    smap.set_mode("map")
    view.tabs.setCurrentWidget(view.contacts)

    # The account's mail: a conversation of several messages (one with an attachment if any).
    from kamdesk.mail import reads

    mail_account, best = biggest.id, None
    with db.read() as session:
        for row in rows:
            threads = reads.threads(session, account_id=row.id)
            if best is None or len(threads) > len(best):
                mail_account, best = row.id, threads
    if best:
        thread = max(best, key=lambda t: (t.count > 1, t.attachments > 0, t.count))
        with db.read() as session:
            messages = reads.thread_messages(session, thread.thread_id, account_id=mail_account)
        # A message with its attachment, to show them too.
        email_id = next((m.id for m in messages if m.attachments), thread.latest_email_id)
        panel = view.mail
        shown: list[str] = []
        panel.emailShown.connect(shown.append)
        if mail_account != view.account_id():
            loaded.clear()
            window.open_account(mail_account)
            _wait(lambda: bool(loaded) and idle())
        view.tabs.setCurrentWidget(panel)
        panel.reveal(email_id)
        _wait(lambda: email_id in shown and idle())
        save(window, "08d-mail")
        window.open_account(biggest.id)
        _wait(idle)

    window.navigator.setCurrentWidget(window.hierarchy)
    save(window, "09-groups")
    window.navigator.setCurrentWidget(window.accounts)

    dialogs: list[QDialog] = []
    window.actions_.dialogOpened.connect(dialogs.append)
    with db.read() as session:
        from kamdesk.services.account_view import load_contacts

        contact_id = load_contacts(session, biggest.id)[0].id
    for name, open_dialog in (
        ("10-account-dialog", lambda: window.actions_.edit_account(biggest.id)),
        ("11-contact-dialog", lambda: window.actions_.edit_contact(contact_id)),
        ("12-activity-dialog", lambda: window.actions_.new_interaction(biggest.id, "meeting")),
    ):
        dialogs.clear()
        open_dialog()
        _wait(lambda: bool(dialogs) and idle())
        save(dialogs[0], name)
        dialogs[0].reject()

    # The pipeline: the Kanban board, an opportunity's editor, the dashboard.
    sections = window.sections
    sections.show("pipeline")
    board = sections.board
    board_loaded: list[bool] = []
    board.loaded.connect(lambda: board_loaded.append(True))
    _wait(lambda: bool(board_loaded) and idle())
    save(window, "14-pipeline-board")
    opened: list[QDialog] = []
    from kamdesk.ui.pipeline.editor import open_opportunity_editor

    first_card = next(
        iter(c for cards in board.columns.values() for c in cards.model.cards()), None
    )
    if first_card is not None:
        open_opportunity_editor(window.ctx, window, first_card.id, on_open=opened.append)
        _wait(lambda: bool(opened) and idle())
        save(opened[0], "15-opportunity-editor")
        editor = opened[0]
        editor.tabs.setCurrentWidget(editor.mail_page)
        _wait(lambda: editor.mail_page.preview.detail is not None or editor.mail_page.count() == 0)
        _wait(idle)
        save(editor, "15b-opportunity-emails")
        editor.reject()
    sections.show("dashboard")
    dashboard_loaded: list[bool] = []
    sections.dashboard.loaded.connect(lambda: dashboard_loaded.append(True))
    _wait(lambda: bool(dashboard_loaded) and idle())
    save(window, "16-dashboard")
    # The review queue: what no rule could place, with what the rules suggest.
    sections.show("mail")
    queue = sections.mail
    queue_loaded: list[bool] = []
    queue.loaded.connect(lambda: queue_loaded.append(True))
    queue.reload()
    _wait(lambda: bool(queue_loaded) and idle())
    with db.read() as session:
        waiting = reads.queue(session)
    pick = next((r for r in waiting if r.suggested_opportunities), waiting[0] if waiting else None)
    if pick is not None:
        queue_shown: list[str] = []
        queue.emailShown.connect(queue_shown.append)
        queue.reveal(pick.message.id)
        _wait(lambda: pick.message.id in queue_shown and idle())
    save(window, "17-review-queue")
    sections.show("accounts")

    # Sync: signing in to a team server (its status is in every main-window shot's status bar;
    # a conflict needs a real server: tests/ui/test_sync_screenshots.py renders the inbox).
    sign_in = window.sync.open_sign_in()
    _wait(lambda: sign_in.keyring_checked)
    save(sign_in, "18-sync-sign-in")
    sign_in.reject()

    window.pages.setCurrentWidget(window.welcome)
    save(window, "13-welcome")
    window.pages.setCurrentWidget(window.splitter)
    window.close()
    ctx.executor.wait_idle()
    return files

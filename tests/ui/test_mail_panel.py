"""The mail panel as a KAM meets it: an account's conversations, one read safely, files dropped.

Real widgets on a copy of the demo database with the demo mailbox imported through the real
importer (attachments included).
"""

from __future__ import annotations

import datetime as dt
import threading
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThread, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QTextDocument
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kamdesk.db import Database
from kamdesk.mail import reads
from kamdesk.mail.importer import MailImporter
from kamdesk.mail.sources import SourceItem
from kamdesk.models import Account, Contact, Email
from kamdesk.services.search import EMAIL
from kamdesk.ui.mail.importing import MailImportRunner
from kamdesk.ui.mail.models import MessageListModel, QueueModel, ThreadListModel
from kamdesk.ui.mail.panel import MailPanel
from kamdesk.ui.mail.preview import SafeTextBrowser

PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def idle(qtbot, ctx) -> None:
    qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=10_000)


def busiest_account(db: Database) -> tuple[str, list[reads.ThreadRow]]:
    with db.read() as session:
        found = [
            (account_id, reads.threads(session, account_id=account_id))
            for account_id in session.scalars(
                select(Account.id).where(Account.deleted_at.is_(None))
            )
        ]
    return max(found, key=lambda pair: len(pair[1]))


def contact_with_account(db: Database) -> tuple[str, str, str, str]:
    """(contact id, account id, full name, address) of a contact with an address."""
    with db.read() as session:
        contact = session.scalars(
            select(Contact)
            .where(Contact.deleted_at.is_(None), Contact.email.is_not(None))
            .order_by(Contact.last_name)
        ).first()
        return (
            contact.id,
            contact.account_id,
            f"{contact.first_name} {contact.last_name}",
            contact.email,
        )


def message(
    sender: str,
    subject: str,
    *,
    html: str | None = None,
    text: str = "Bonjour,\n\nVoici le point.\n",
    when: dt.datetime | None = None,
    date: bool = True,
) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = "Claire Vasseur-Morin <claire.vasseur-morin@kamdesk-demo.fr>"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{abs(hash((sender, subject)))}@test.example>"
    if date:
        msg["Date"] = format_datetime(when or dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC))
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


def import_raw(db: Database, *raws: bytes) -> None:
    items = [SourceItem(f"test#{n}", raw) for n, raw in enumerate(raws)]
    MailImporter(db).run(items)


def show_panel(qtbot, ctx, **scope) -> MailPanel:
    panel = MailPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_scope(**scope)
    idle(qtbot, ctx)
    return panel


# -- reading ----------------------------------------------------------------------------------


def test_threads_are_listed_newest_first_and_the_newest_message_is_previewed(
    qtbot, mail_ctx
) -> None:
    account_id, threads = busiest_account(mail_ctx.db)
    assert len(threads) >= 3
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)

    rows = [item.row for item in panel.threads.rows()]
    assert [r.thread_id for r in rows] == [t.thread_id for t in threads]
    dates = [r.latest_at for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert panel.count() == sum(t.count for t in threads)

    # The first conversation is selected and its newest message shown, text included.
    first = rows[0]
    qtbot.waitUntil(lambda: panel.preview.detail is not None)
    assert panel.current_thread_id() == first.thread_id
    detail = panel.preview.detail
    assert detail.message.id == first.latest_email_id
    assert panel.preview.subject.text() == (first.subject or "(no subject)")
    assert first.snippet.split()[0] in panel.preview.body.toPlainText()
    assert "Linked to" in panel.preview.link_label.text() or "waiting" in (
        panel.preview.link_label.text()
    )

    # Another conversation: its messages, newest first, and the preview follows.
    longest = max(range(len(rows)), key=lambda i: rows[i].count)
    with qtbot.waitSignal(panel.emailShown, timeout=10_000):
        panel.thread_view.setCurrentIndex(panel.threads.index(longest, 0))
    messages = panel.messages.rows()
    assert len(messages) == rows[longest].count
    assert [m.sent_at for m in messages] == sorted((m.sent_at for m in messages), reverse=True)
    assert panel.message_view.isVisible() == (len(messages) > 1)
    if len(messages) > 1:
        with qtbot.waitSignal(panel.emailShown, timeout=10_000) as shown:
            panel.message_view.setCurrentIndex(panel.messages.index(1, 0))
        assert shown.args == [messages[1].id]


def test_an_accounts_mail_can_be_narrowed_to_one_contact(qtbot, mail_ctx) -> None:
    account_id, threads = busiest_account(mail_ctx.db)
    with mail_ctx.db.read() as session:
        contact_id = session.scalars(
            select(Email.contact_id)
            .where(Email.account_id == account_id, Email.contact_id.is_not(None))
            .limit(1)
        ).one()
        expected = reads.threads(session, account_id=account_id, contact_id=contact_id)
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    total = panel.count()
    counts: list[int] = []
    panel.countChanged.connect(counts.append)
    assert panel.contact_filter.isVisible() and panel.contact_filter.count() > 1
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_contact_filter(contact_id)
    assert [i.row.thread_id for i in panel.threads.rows()] == [t.thread_id for t in expected]
    assert panel.count() == sum(t.count for t in expected) < total
    assert counts == []  # the tab keeps counting the account's mail
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_contact_filter(None)
    assert panel.count() == total
    idle(qtbot, mail_ctx)


def test_html_mail_is_sanitised_and_nothing_remote_is_ever_loaded(
    qtbot, mail_ctx, monkeypatch
) -> None:
    contact_id, account_id, name, address = contact_with_account(mail_ctx.db)
    html = (
        "<html><head><style>body{background:url(http://tracker.example/bg.png)}</style>"
        "<script>alert('x')</script></head><body>"
        "<p>Bonjour Claire,</p><p>Voici <b>notre offre</b>.</p>"
        '<img src="http://tracker.example/pixel.gif?id=42" width="1" height="1">'
        f'<img src="{PIXEL}" alt="logo">'
        '<p style="background-image:url(https://tracker.example/css.png)">Cordialement</p>'
        '<a href="https://www.example.com/offre">Voir l\'offre</a>'
        "</body></html>"
    )
    import_raw(mail_ctx.db, message(f"{name} <{address}>", "Offre HTML", html=html))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url)) or True)

    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    with mail_ctx.db.read() as session:
        email_id = session.scalar(select(Email.id).where(Email.subject == "Offre HTML"))
    with qtbot.waitSignal(panel.emailShown, timeout=10_000):
        panel.reveal(email_id)
    browser = panel.preview.body
    assert isinstance(browser, SafeTextBrowser)
    shown = browser.toHtml()
    assert "notre offre" in browser.toPlainText()
    assert "tracker.example" not in shown and "alert(" not in shown
    assert "https://www.example.com/offre" in shown  # the link stays, to click
    # The inline image was loaded from the message itself; nothing else was even asked for.
    assert not [url for url in browser.refused if url.startswith(("http", "ftp", "//"))]
    assert opened == []  # showing a message opens nothing

    # Even HTML that was not sanitised cannot reach out through the browser.
    browser.setHtml('<img src="http://tracker.example/raw.gif"><img src="ftp://x.example/a">')
    image = QTextDocument.ResourceType.ImageResource.value
    blank = SafeTextBrowser.BLANK  # a transparent dot in place of any outside image
    assert browser.loadResource(image, QUrl("http://tracker.example/raw.gif")) is blank
    assert browser.loadResource(image, QUrl("https://tracker.example/raw.gif")) is blank
    assert browser.loadResource(image, QUrl("file:///etc/hosts")) is blank
    assert any(url.startswith("http://tracker.example/raw.gif") for url in browser.refused)
    assert browser.loadResource(image, QUrl(PIXEL)) is not blank

    # A link opens in the browser only when clicked.
    browser.anchorClicked.emit(QUrl("https://www.example.com/offre"))
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert [u.toString() for u in opened] == ["https://www.example.com/offre"]


def test_a_message_read_with_problems_says_so(qtbot, mail_ctx) -> None:
    _contact_id, account_id, name, address = contact_with_account(mail_ctx.db)
    import_raw(mail_ctx.db, message(f"{name} <{address}>", "Sans date", date=False))
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    with mail_ctx.db.read() as session:
        email_id, problem = session.execute(
            select(Email.id, Email.parse_error).where(Email.subject == "Sans date")
        ).one()
    assert problem
    with qtbot.waitSignal(panel.emailShown, timeout=10_000):
        panel.reveal(email_id)
    banner = panel.preview.parse_banner
    assert banner.isVisible()
    assert problem in banner.label.text()


def test_attachments_open_as_a_read_only_copy_and_save_as(
    qtbot, mail_ctx, monkeypatch, tmp_path
) -> None:
    with mail_ctx.db.read() as session:
        email = session.scalars(
            select(Email).where(Email.attachment_count > 0, Email.account_id.is_not(None))
        ).first()
        email_id, account_id = email.id, email.account_id
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    with qtbot.waitSignal(panel.emailShown, timeout=10_000):
        panel.reveal(email_id)
    attachments = panel.preview.detail.attachments
    assert attachments and panel.preview.attachments_bar.isVisible()
    panel.preview.open_attachment(attachments[0])
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    copy = Path(opened[0])
    assert copy.name == attachments[0].filename and copy.read_bytes().startswith(b"%PDF")
    target = tmp_path / "saved.pdf"
    panel.preview.save_attachment(attachments[0], str(target))
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert target.read_bytes() == copy.read_bytes()


# -- linking from the panel -------------------------------------------------------------------


def test_unlink_then_link_back_from_the_panel_each_one_undo_step(qtbot, mail_ctx) -> None:
    account_id, threads = busiest_account(mail_ctx.db)
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    qtbot.waitUntil(lambda: panel.preview.detail is not None)
    detail = panel.preview.detail
    email_id = detail.message.id
    before = panel.count()

    panel.unlink(detail)
    qtbot.waitUntil(lambda: panel.count() == before - 1, timeout=10_000)
    with mail_ctx.db.read() as session:
        assert session.get(Email, email_id).link_state == "queued"
    assert mail_ctx.undo_stack.undoText().startswith("Unlink email")

    mail_ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.count() == before, timeout=10_000)
    with mail_ctx.db.read() as session:
        email = session.get(Email, email_id)
        assert (email.link_state, email.account_id) == (detail.message.link_state, account_id)

    # Link to…: the picker, preset to where the email is; choose its contact and link.
    qtbot.waitUntil(lambda: panel.preview.detail is not None)
    dialog = panel.ask_link(panel.preview.detail)
    qtbot.waitUntil(lambda: dialog.account.value() == account_id, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.contact.count() > 1, timeout=10_000)
    dialog.contact.setCurrentIndex(1)
    contact_id = dialog.contact.currentData()
    dialog.accept()
    idle(qtbot, mail_ctx)
    with mail_ctx.db.read() as session:
        email = session.get(Email, panel.preview.detail.message.id)
        assert (email.link_rule, email.contact_id) == ("manual", contact_id)


# -- importing --------------------------------------------------------------------------------


def drop(qtbot, widget, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(widget.rect().center())
    enter = QDragEnterEvent(
        centre.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_dropping_an_eml_file_on_the_panel_imports_and_links_it(qtbot, mail_ctx, tmp_path) -> None:
    _contact_id, account_id, name, address = contact_with_account(mail_ctx.db)
    path = tmp_path / "offre.eml"
    path.write_bytes(message(f"{name} <{address}>", "Déposé sur le panneau"))
    panel = show_panel(qtbot, mail_ctx, account_id=account_id)
    runner = MailImportRunner.for_context(mail_ctx)
    before = panel.count()

    # Text, or a file that is not there, is not accepted.
    mime_text = QMimeData()
    mime_text.setText("hello")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime_text,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()

    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        assert drop(qtbot, panel, [path])
    summary = finished.args[0]
    assert (summary.imported, summary.linked, summary.errors) == (1, 1, [])
    qtbot.waitUntil(lambda: panel.count() == before + 1, timeout=10_000)
    assert "Déposé sur le panneau" in [item.row.subject for item in panel.threads.rows()]
    dialog = runner.summary_dialog
    assert dialog is not None and "1 email(s) imported" in dialog.figures.text()
    dialog.close()

    # The same file again: a duplicate, stored once.
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        assert drop(qtbot, panel, [path])
    assert (finished.args[0].imported, finished.args[0].duplicates) == (0, 1)
    runner.summary_dialog.close()


def test_an_import_runs_off_the_gui_thread_shows_progress_and_can_be_cancelled(
    qtbot, mail_ctx, tmp_path
) -> None:
    _contact_id, _account_id, name, address = contact_with_account(mail_ctx.db)
    release = threading.Event()
    threads_seen: list[QThread] = []

    def items():
        # Twenty messages, then the "disk" stalls until the test lets it go on.
        threads_seen.append(QThread.currentThread())
        for n in range(20):
            yield SourceItem(f"big.mbox#{n}", message(f"{name} <{address}>", f"Lot {n}"))
        release.wait(10)
        for n in range(20, 40):
            yield SourceItem(f"big.mbox#{n}", message(f"{name} <{address}>", f"Lot {n}"))

    runner = MailImportRunner.for_context(mail_ctx)
    runner.batch_size = 5
    changes: list[object] = []
    mail_ctx.bus.changed.connect(changes.append)
    assert runner.import_items(items)
    progress = runner.progress
    assert progress is not None and progress.isVisible()
    # Batches are committed and announced while the import waits: the GUI is not blocked.
    qtbot.waitUntil(lambda: "20 message(s) read" in progress.counts.text(), timeout=10_000)
    qtbot.waitUntil(lambda: any(c.touches("emails") for c in changes), timeout=10_000)
    assert threads_seen and threads_seen[0] is not QApplication.instance().thread()
    assert not runner.import_items(items)  # one import at a time

    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        progress.cancel_button.click()
        assert not progress.cancel_button.isEnabled()
        release.set()
    summary = finished.args[0]
    assert summary.cancelled
    # Whole batches only, none after Cancel: batches read ahead but not written are dropped.
    assert 0 < summary.imported <= 20 and summary.imported % 5 == 0
    with mail_ctx.db.read() as session:
        subjects = set(session.scalars(select(Email.subject).where(Email.subject.like("Lot %"))))
    assert subjects == {f"Lot {n}" for n in range(summary.imported)}
    assert runner.summary_dialog is not None and not runner.running
    runner.summary_dialog.close()


# -- models -----------------------------------------------------------------------------------


def test_item_models_pass_the_model_tester(qtmodeltester, mail_db) -> None:
    account_id, _threads = busiest_account(mail_db)
    from kamdesk.ui.mail.panel import Scope, load_threads

    with mail_db.read() as session:
        loaded = load_threads(session, Scope(account_id=account_id))
        messages = reads.thread_messages(
            session, loaded.items[0].row.thread_id, account_id=account_id
        )
        waiting = reads.queue(session)
    threads = ThreadListModel()
    threads.set_rows(loaded.items)
    qtmodeltester.check(threads)
    message_model = MessageListModel()
    message_model.set_rows(messages)
    qtmodeltester.check(message_model)
    queue = QueueModel()
    queue.set_rows(waiting)
    qtmodeltester.check(queue)
    assert queue.rowCount() == len(waiting) > 0


# -- search -----------------------------------------------------------------------------------


def test_search_shows_emails_and_opens_them_where_they_belong(qtbot, mail_ctx) -> None:
    from kamdesk.ui.main_window import MainWindow

    _contact_id, account_id, name, address = contact_with_account(mail_ctx.db)
    import_raw(
        mail_ctx.db,
        message(f"{name} <{address}>", "Zephyrine rattachee"),
        message("Inconnu <quelqu.un@nulle-part.example>", "Zephyrine a trier"),
    )
    window = MainWindow(mail_ctx)
    qtbot.addWidget(window)
    window.show()
    idle(qtbot, mail_ctx)
    window.search.open("zephyrine")
    model = window.search.popup.model
    qtbot.waitUntil(
        lambda: model.results is not None and model.results.text == "zephyrine", timeout=10_000
    )
    hits = {hit.title: hit for hit in model.results.group(EMAIL).hits}
    assert set(hits) == {"Zephyrine rattachee", "Zephyrine a trier"}
    assert model.kind_title(EMAIL) == "Emails"
    assert model.subtitle(hits["Zephyrine a trier"]).endswith("to review")
    assert name in model.subtitle(hits["Zephyrine rattachee"])

    # A linked email: its account, on the Emails tab, its conversation selected.
    view = window.account_view
    window.search.open_hit(hits["Zephyrine rattachee"])
    assert view.tabs.currentWidget() is view.mail
    qtbot.waitUntil(
        lambda: (
            view.mail.preview.detail is not None
            and view.mail.preview.detail.message.id == hits["Zephyrine rattachee"].id
        ),
        timeout=10_000,
    )
    assert view.account_id() == account_id

    # One not linked yet: the review queue, with it selected.
    window.search.open_hit(hits["Zephyrine a trier"])
    assert window.sections.current() == "mail"
    queue = window.sections.mail
    qtbot.waitUntil(lambda: queue.current_id() == hits["Zephyrine a trier"].id, timeout=10_000)
    idle(qtbot, mail_ctx)


def test_the_opportunity_editor_has_an_emails_tab(qtbot, mail_ctx) -> None:
    from kamdesk.ui.pipeline.editor import open_opportunity_editor

    with mail_ctx.db.read() as session:
        opportunity_id = session.scalar(
            select(Email.opportunity_id)
            .where(Email.opportunity_id.is_not(None), Email.deleted_at.is_(None))
            .limit(1)
        )
    opened = []
    open_opportunity_editor(mail_ctx, None, opportunity_id, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    editor = opened[0]
    panel = editor.mail_page
    qtbot.waitUntil(lambda: panel.count() > 0, timeout=10_000)
    title = editor.tabs.tabText(editor.tabs.indexOf(panel))
    assert title == f"Emails ({panel.count()})"
    assert panel.scope().opportunity_id == opportunity_id
    editor.reject()
    idle(qtbot, mail_ctx)

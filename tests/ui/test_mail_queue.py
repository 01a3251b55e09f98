"""The review queue as a KAM works through it: one decision per message, each undoable.

Real widgets on a copy of the demo database with the demo mailbox imported.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kamdesk.mail import reads
from kamdesk.models import Contact, Email, IgnoredSender
from kamdesk.ui.mail.importing import MailImportRunner
from kamdesk.ui.mail.queue import ReviewQueue


@pytest.fixture
def qctx(mail_ctx):
    """The shared mail context (tests/ui/conftest.py), by the name these tests use."""
    return mail_ctx


def idle(qtbot, ctx) -> None:
    qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=10_000)


@pytest.fixture
def queue(qtbot, qctx) -> ReviewQueue:
    widget = ReviewQueue(qctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=10_000)
    idle(qtbot, qctx)
    return widget


def links(ctx, email_id: str) -> tuple:
    with ctx.db.read() as session:
        e = session.get(Email, email_id)
        return (e.link_state, e.link_rule, e.account_id, e.contact_id, e.opportunity_id)


def choose(qtbot, ctx, queue: ReviewQueue, predicate) -> reads.QueueRow:
    """Select the first waiting message ``predicate`` accepts; wait for its preview."""
    row = next(i for i, r in enumerate(queue.model.rows()) if predicate(r))
    queue.view.setFocus()
    queue.view.setCurrentIndex(queue.model.index(row, 0))
    target = queue.model.row_at(row)
    qtbot.waitUntil(
        lambda: (
            queue.preview.detail is not None
            and queue.preview.detail.message.id == target.message.id
        ),
        timeout=10_000,
    )
    idle(qtbot, ctx)
    return target


def test_the_queue_lists_waiting_mail_with_suggestions_then_says_nothing_to_review(
    qtbot, qctx, queue
) -> None:
    with qctx.db.read() as session:
        waiting = reads.queue(session)
    assert [r.message.id for r in queue.model.rows()] == [r.message.id for r in waiting]
    assert queue.count_label.text() == f"{len(waiting)} email(s) to review"
    # A message with several possible opportunities: one button each, the first on Enter.
    row = choose(qtbot, qctx, queue, lambda r: len(r.suggested_opportunities) > 1)
    names = [b.text() for b in queue.suggestion_buttons]
    assert names[0] == f"{row.suggested_opportunities[0].name} (Enter)"
    assert names[1:] == [o.name for o in row.suggested_opportunities[1 : len(names)]]
    assert queue.unlink_button.isVisible() == (row.account is not None)
    assert "Enter" in queue.keys_hint.text() and "Delete" in queue.keys_hint.text()

    # An empty queue is a friendly page, not an empty list.
    queue._loaded([])
    assert queue.stack.currentWidget() is queue.empty
    assert not queue.link_button.isEnabled()


def test_enter_links_to_the_first_suggestion_and_undo_puts_it_back(qtbot, qctx, queue) -> None:
    row = choose(qtbot, qctx, queue, lambda r: bool(r.suggested_opportunities))
    email_id = row.message.id
    before = links(qctx, email_id)
    count = queue.model.rowCount()

    qtbot.keyClick(queue.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) < 0, timeout=10_000)
    state, rule, _account, _contact, opportunity = links(qctx, email_id)
    assert (state, rule, opportunity) == ("linked", "manual", row.suggested_opportunities[0].id)
    assert queue.model.rowCount() < count
    assert queue.current_id() is not None and queue.current_id() != email_id  # the next one
    assert qctx.undo_stack.undoText().startswith("Link")

    qctx.undo_stack.undo()
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) >= 0, timeout=10_000)
    assert links(qctx, email_id) == before
    qctx.undo_stack.redo()
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) < 0, timeout=10_000)


def test_undoing_a_link_brings_the_suggestions_back_too(qtbot, qctx, queue) -> None:
    row = choose(qtbot, qctx, queue, lambda r: bool(r.suggested_opportunities))
    email_id = row.message.id
    queue.take_suggestion()
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) < 0, timeout=10_000)
    qctx.undo_stack.undo()
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) >= 0, timeout=10_000)
    restored = queue.model.row_at(queue.model.row_of(email_id))
    assert [o.id for o in restored.suggested_opportunities] == [
        o.id for o in row.suggested_opportunities
    ]


def test_delete_ignores_the_sender_and_undo_brings_the_mail_back(qtbot, qctx, queue) -> None:
    row = choose(
        qtbot, qctx, queue, lambda r: r.message.from_address and "lettre" in r.message.from_address
    )
    address = row.message.from_address
    from_sender = [r.message.id for r in queue.model.rows() if r.message.from_address == address]
    assert len(from_sender) > 1
    before = {email_id: links(qctx, email_id) for email_id in from_sender}

    qtbot.keyClick(queue.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: all(queue.model.row_of(e) < 0 for e in from_sender), timeout=10_000)
    with qctx.db.read() as session:
        assert session.scalars(
            select(IgnoredSender).where(
                IgnoredSender.address == address, IgnoredSender.deleted_at.is_(None)
            )
        ).first()
    assert {links(qctx, e)[:2] for e in from_sender} == {("ignored", "ignored_sender")}
    assert qctx.undo_stack.undoText() == f"Ignore sender {address}"

    qctx.undo_stack.undo()
    qtbot.waitUntil(lambda: all(queue.model.row_of(e) >= 0 for e in from_sender), timeout=10_000)
    assert {e: links(qctx, e) for e in from_sender} == before
    with qctx.db.read() as session:
        assert not session.scalars(
            select(IgnoredSender).where(
                IgnoredSender.address == address, IgnoredSender.deleted_at.is_(None)
            )
        ).first()


def test_create_a_contact_from_the_sender_then_undo(qtbot, qctx, queue) -> None:
    row = choose(
        qtbot,
        qctx,
        queue,
        lambda r: r.contact is None and r.message.from_address and r.message.from_name,
    )
    email_id, address = row.message.id, row.message.from_address
    dialog = queue.ask_create_contact()
    first, last = dialog.editor("first_name").value(), dialog.editor("last_name").value()
    assert f"{first} {last}".strip() and dialog.editor("email").value() == address
    # The account is chosen from the suggestion or picked: here, picked.
    account = dialog.editor("account_id")
    qtbot.waitUntil(lambda: account.count() > 0, timeout=10_000)
    if account.value() is None:
        account.setCurrentIndex(0)
    account_id = account.value()
    dialog.editor("job_title").setText("Acheteuse")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.accept()
    idle(qtbot, qctx)

    with qctx.db.read() as session:
        contact = session.scalars(
            select(Contact).where(Contact.email == address, Contact.deleted_at.is_(None))
        ).one()
        contact_id = contact.id
        assert (contact.account_id, contact.job_title) == (account_id, "Acheteuse")
    state, rule, linked_account, linked_contact, _opp = links(qctx, email_id)
    assert (state, rule, linked_account, linked_contact) == (
        "linked",
        "manual",
        account_id,
        contact_id,
    )

    qctx.undo_stack.undo()
    qtbot.waitUntil(lambda: links(qctx, email_id)[0] == "queued", timeout=10_000)
    with qctx.db.read() as session:
        assert session.get(Contact, contact_id).deleted_at is not None
    qtbot.waitUntil(lambda: queue.model.row_of(email_id) >= 0, timeout=10_000)


def test_link_to_an_account_with_the_picker(qtbot, qctx, queue) -> None:
    row = choose(qtbot, qctx, queue, lambda r: r.account is None and r.thread_count == 1)
    dialog = queue.ask_link()
    qtbot.waitUntil(lambda: dialog.account.count() > 0, timeout=10_000)
    assert not dialog.ok_button.isEnabled() or dialog.account.value() is not None
    dialog.account.setCurrentIndex(2)
    account_id = dialog.account.value()
    qtbot.waitUntil(lambda: dialog.opportunity.count() > 1, timeout=10_000)
    dialog.opportunity.setCurrentIndex(1)
    opportunity_id = dialog.opportunity.currentData()
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: queue.model.row_of(row.message.id) < 0, timeout=10_000)
    assert links(qctx, row.message.id) == ("linked", "manual", account_id, None, opportunity_id)


def test_unlink_mail_whose_opportunity_is_undecided(qtbot, qctx, queue) -> None:
    row = choose(qtbot, qctx, queue, lambda r: r.account is not None)
    assert queue.unlink_button.isVisible()
    queue.unlink_current()
    idle(qtbot, qctx)
    qtbot.waitUntil(
        lambda: (
            (r := queue.model.row_at(max(queue.model.row_of(row.message.id), 0))) is not None
            and r.account is None
        ),
        timeout=10_000,
    )
    assert links(qctx, row.message.id)[:3] == ("queued", "manual", None)
    qctx.undo_stack.undo()
    idle(qtbot, qctx)
    assert links(qctx, row.message.id)[2] == row.account.id


def test_dropping_files_on_the_queue_imports_them(qtbot, qctx, queue, tmp_path) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "Nouveau Contact <nouveau@inconnu.example>"
    msg["To"] = "claire.vasseur-morin@kamdesk-demo.fr"
    msg["Subject"] = "Une question"
    msg["Date"] = "Wed, 25 Nov 2026 10:00:00 +0000"
    msg["Message-ID"] = "<drop-on-queue@inconnu.example>"
    msg.set_content("Bonjour")
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "a.eml").write_bytes(msg.as_bytes())
    (folder / "notes.txt").write_text("pas un e-mail")
    runner = MailImportRunner.for_context(qctx)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    centre = QPointF(queue.rect().center())
    enter = QDragEnterEvent(
        centre.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(queue, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        QApplication.sendEvent(queue, drop)
    summary = finished.args[0]
    assert (summary.imported, summary.queued) == (1, 1)
    assert [p.file for p in summary.errors] == [str(folder / "notes.txt")]
    dialog = runner.summary_dialog
    assert dialog.problems.isVisible()
    assert dialog.problems.topLevelItem(0).child(0).text(0) == str(folder / "notes.txt")
    qtbot.waitUntil(
        lambda: any(r.message.subject == "Une question" for r in queue.model.rows()),
        timeout=10_000,
    )
    dialog.close()


def test_the_mail_section_shows_the_queue_count_as_a_badge(qtbot, qctx) -> None:
    from kamdesk.ui.main_window import MainWindow

    window = MainWindow(qctx)
    qtbot.addWidget(window)
    window.show()
    with qctx.db.read() as session:
        waiting = reads.queue_count(session)
    sections = window.sections
    qtbot.waitUntil(lambda: sections.mail_button.count() == waiting, timeout=10_000)
    assert sections.actions["mail"].toolTip().startswith("Mail:")
    sections.show("mail")
    queue = sections.mail
    assert window.pages.currentWidget() is queue and sections.current() == "mail"
    qtbot.waitUntil(lambda: queue.model.rowCount() == waiting, timeout=10_000)
    queue.view.setCurrentIndex(queue.model.index(0, 0))
    qtbot.waitUntil(lambda: queue.preview.detail is not None, timeout=10_000)
    queue.ignore_current()
    qtbot.waitUntil(lambda: sections.mail_button.count() < waiting, timeout=10_000)
    idle(qtbot, qctx)


def test_revealing_the_message_already_shown_says_it_is_shown(qtbot, qctx, queue) -> None:
    """Search (or the screenshots) asking for the message on screen must not wait forever."""
    row = choose(qtbot, qctx, queue, lambda r: True)
    with qtbot.waitSignal(queue.emailShown, timeout=2_000) as shown:
        queue.reveal(row.message.id)
    assert shown.args == [row.message.id]

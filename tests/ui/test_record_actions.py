"""User stories: create, edit and delete records through their dialogs, then undo and redo.

Every story drives the real dialog (typing, clicking OK), lets the worker thread save, and
checks what is in the database — never the widgets alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from sqlalchemy import func, select

from kamdesk.models import Account, Contact, Interaction, InteractionContact, OutboxEntry, Site
from kamdesk.services import accounts, contacts
from kamdesk.ui.dialogs import RecordDialog
from kamdesk.ui.record_actions import RecordActions


# -- fixtures and small verbs ------------------------------------------------------------------
class MessageBoxes:
    """Stands in for the modal message boxes, which would block a test; records what they said."""

    def __init__(self) -> None:
        self.answer = QMessageBox.StandardButton.No
        self.questions: list[str] = []
        self.warnings: list[str] = []

    def question(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.questions.append(text)
        return self.answer

    def warning(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    fake = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    monkeypatch.setattr(QMessageBox, "warning", fake.warning)
    return fake


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def actions(ctx, window, boxes):
    """The main window's record actions; no undo or redo may fail in the background."""
    background_errors: list[str] = []
    ctx.errorOccurred.connect(background_errors.append)
    yield RecordActions(ctx, window)
    assert background_errors == []


def open_dialog(qtbot, actions: RecordActions, start: Callable[[], None]) -> Any:
    with qtbot.waitSignal(actions.dialogOpened, timeout=10_000) as opened:
        start()
    dlg = opened.args[0]
    assert dlg.isVisible()
    return dlg


def click_ok(qtbot, dlg: RecordDialog) -> None:
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def save(qtbot, dlg: RecordDialog, wait_worker) -> None:
    """Click OK and wait until the dialog closed after a successful save."""
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        click_ok(qtbot, dlg)
    wait_worker()


def query(ctx, fn: Callable[[Any], Any]) -> Any:
    with ctx.db.read() as session:
        return fn(session)


def row(ctx, model: type, record_id: str) -> Any:
    def load(session: Any) -> Any:
        obj = session.get(model, record_id)
        session.expunge(obj)
        return obj

    return query(ctx, load)


def outbox_size(ctx) -> int:
    return query(ctx, lambda s: s.scalar(select(func.count()).select_from(OutboxEntry)))


def undo(ctx, wait_worker) -> None:
    ctx.undo_stack.undo()
    wait_worker()


def redo(ctx, wait_worker) -> None:
    ctx.undo_stack.redo()
    wait_worker()


def a_contact_with_a_manager(ctx) -> Contact:
    """A demo contact whose manager is at the same account, and who has a job title."""
    with ctx.db.read() as session:
        contact = session.scalars(
            select(Contact)
            .where(
                Contact.deleted_at.is_(None),
                Contact.reports_to_id.is_not(None),
                Contact.job_title.is_not(None),
            )
            .order_by(Contact.id)
        ).first()
        session.expunge(contact)
        return contact


def an_account_with_contacts(ctx, at_least: int = 2) -> str:
    return query(
        ctx,
        lambda s: s.scalar(
            select(Contact.account_id)
            .where(Contact.deleted_at.is_(None), Contact.left_at.is_(None))
            .group_by(Contact.account_id)
            .having(func.count() >= at_least)
            .order_by(Contact.account_id)
        ),
    )


# -- stories -----------------------------------------------------------------------------------
def test_edit_a_contact_job_title_then_undo_and_redo(qtbot, ctx, actions, wait_worker) -> None:
    contact = a_contact_with_a_manager(ctx)
    old_title = contact.job_title
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))
    title = dlg.editor("job_title")
    assert title.text() == old_title

    title.clear()
    qtbot.keyClicks(title, "Chief Procurement Officer")
    save(qtbot, dlg, wait_worker)

    assert row(ctx, Contact, contact.id).job_title == "Chief Procurement Officer"
    assert ctx.undo_stack.count() == 1
    assert "Edit contact" in ctx.undo_stack.undoText()
    assert actions.dialogs == []

    undo(ctx, wait_worker)
    assert row(ctx, Contact, contact.id).job_title == old_title

    redo(ctx, wait_worker)
    assert row(ctx, Contact, contact.id).job_title == "Chief Procurement Officer"


def test_an_edit_that_changes_nothing_adds_no_undo_step(qtbot, ctx, actions, wait_worker) -> None:
    contact = a_contact_with_a_manager(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))

    save(qtbot, dlg, wait_worker)

    assert ctx.undo_stack.count() == 0


def test_an_invalid_date_stays_in_the_dialog_and_nothing_is_saved(
    qtbot, ctx, actions, wait_worker
) -> None:
    contact = a_contact_with_a_manager(ctx)
    before = outbox_size(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))

    qtbot.keyClicks(dlg.editor("left_at").edit, "31/02/2026")
    qtbot.keyClick(dlg.editor("job_title"), Qt.Key.Key_End)
    qtbot.keyClicks(dlg.editor("job_title"), " (interim)")
    click_ok(qtbot, dlg)
    wait_worker()

    error = dlg.error_label("left_at")
    assert error.isVisible()
    assert "date" in error.text()
    assert dlg.isVisible()
    assert dlg.editor("left_at").value() == "31/02/2026"
    assert dlg.editor("job_title").text().endswith(" (interim)")
    assert row(ctx, Contact, contact.id).job_title == contact.job_title
    assert outbox_size(ctx) == before
    assert ctx.undo_stack.count() == 0


def test_an_invalid_amount_stays_in_the_dialog(qtbot, ctx, actions, wait_worker) -> None:
    account_id = an_account_with_contacts(ctx)
    before = row(ctx, Account, account_id)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_account(account_id))

    money = dlg.editor("potential_revenue_cents").edit
    money.clear()
    qtbot.keyClicks(money, "beaucoup")
    click_ok(qtbot, dlg)
    wait_worker()

    assert dlg.error_label("potential_revenue_cents").isVisible()
    assert dlg.isVisible()
    assert row(ctx, Account, account_id).potential_revenue_cents == before.potential_revenue_cents

    money.clear()
    qtbot.keyClicks(money, "2 500 000,00")
    save(qtbot, dlg, wait_worker)
    assert row(ctx, Account, account_id).potential_revenue_cents == 250_000_000


def test_a_reporting_cycle_is_shown_next_to_reports_to(qtbot, ctx, actions, wait_worker) -> None:
    employee = a_contact_with_a_manager(ctx)  # B reports to A
    manager_id = employee.reports_to_id
    manager = row(ctx, Contact, manager_id)
    before = outbox_size(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(manager_id))

    reports_to = dlg.editor("reports_to_id")
    reports_to.setCurrentIndex(reports_to.findData(employee.id))  # now A would report to B
    qtbot.keyClick(dlg.editor("department"), Qt.Key.Key_End)
    qtbot.keyClicks(dlg.editor("department"), "X")
    click_ok(qtbot, dlg)
    qtbot.waitUntil(lambda: dlg.error_label("reports_to_id").isVisible(), timeout=10_000)
    wait_worker()

    message = dlg.error_label("reports_to_id").text()
    assert "reporting cycle" in message
    assert employee.first_name in message and manager.first_name in message
    assert dlg.isVisible() and not dlg.busy
    assert reports_to.currentData() == employee.id
    assert dlg.editor("department").text() == (manager.department or "") + "X"
    assert row(ctx, Contact, manager_id).reports_to_id == manager.reports_to_id
    assert outbox_size(ctx) == before
    assert ctx.undo_stack.count() == 0

    reports_to.setCurrentIndex(0)  # "nobody": the user corrects it, and it saves
    save(qtbot, dlg, wait_worker)
    assert row(ctx, Contact, manager_id).reports_to_id is None


def test_new_account_then_undo_deletes_it_and_redo_restores_it(
    qtbot, ctx, actions, wait_worker
) -> None:
    created = []
    actions.recordCreated.connect(lambda kind, rid: created.append((kind, rid)))
    dlg = open_dialog(qtbot, actions, actions.new_account)
    assert dlg.windowTitle() == "New account"

    qtbot.keyClicks(dlg.editor("name"), "Saint-Gobain")
    qtbot.keyClicks(dlg.editor("email_domains"), "saint-gobain.com")
    qtbot.keyClicks(dlg.editor("renewal_date").edit, "30/06/2027")
    save(qtbot, dlg, wait_worker)

    assert [kind for kind, _ in created] == ["account"]
    account = row(ctx, Account, created[0][1])
    assert (account.name, account.tier, account.deleted_at) == ("Saint-Gobain", "standard", None)
    assert account.email_domains == ["saint-gobain.com"]
    assert account.owner_id == ctx.current_user_id

    undo(ctx, wait_worker)
    assert row(ctx, Account, account.id).deleted_at is not None

    redo(ctx, wait_worker)
    assert row(ctx, Account, account.id).deleted_at is None


def test_delete_a_contact_after_confirming_then_undo(
    qtbot, ctx, actions, boxes, wait_worker
) -> None:
    contact = a_contact_with_a_manager(ctx)
    boxes.answer = QMessageBox.StandardButton.Yes

    actions.delete_contact(contact.id)
    qtbot.waitUntil(lambda: row(ctx, Contact, contact.id).deleted_at is not None, timeout=10_000)
    wait_worker()

    assert contact.last_name in boxes.questions[0]
    assert "undo" in boxes.questions[0]
    undo(ctx, wait_worker)
    assert row(ctx, Contact, contact.id).deleted_at is None


def test_delete_is_dropped_when_the_user_says_no(qtbot, ctx, actions, boxes, wait_worker) -> None:
    contact = a_contact_with_a_manager(ctx)
    before = outbox_size(ctx)

    actions.delete_contact(contact.id)
    qtbot.waitUntil(lambda: len(boxes.questions) == 1, timeout=10_000)
    wait_worker()

    assert row(ctx, Contact, contact.id).deleted_at is None
    assert outbox_size(ctx) == before
    assert ctx.undo_stack.count() == 0


def test_a_group_with_subsidiaries_is_not_deleted(qtbot, ctx, actions, boxes, wait_worker) -> None:
    group = an_account_with_contacts(ctx)
    with ctx.db.unit_of_work() as uow:
        accounts.create_account(uow, {"name": "Filiale test", "parent_id": group})
        uow.commit()

    actions.delete_account(group)
    qtbot.waitUntil(lambda: len(boxes.warnings) == 1, timeout=10_000)
    wait_worker()

    assert "subsidiar" in boxes.warnings[0]
    assert boxes.questions == []  # refused before asking
    assert row(ctx, Account, group).deleted_at is None


def test_log_a_call_with_two_participants(qtbot, ctx, actions, wait_worker) -> None:
    account_id = an_account_with_contacts(ctx)
    created = []
    actions.recordCreated.connect(lambda kind, rid: created.append(rid))
    dlg = open_dialog(qtbot, actions, lambda: actions.new_interaction(account_id, "call"))
    assert dlg.editor("kind").currentData() == "call"

    qtbot.keyClicks(dlg.editor("subject"), "Renewal of the framework contract")
    people = dlg.editor("contact_ids")
    for item in people.items()[:2]:
        item.setCheckState(Qt.CheckState.Checked)
    picked = people.value()
    save(qtbot, dlg, wait_worker)

    call = row(ctx, Interaction, created[0])
    assert (call.kind, call.subject, call.account_id) == (
        "call",
        "Renewal of the framework contract",
        account_id,
    )
    links = query(
        ctx,
        lambda s: s.scalars(
            select(InteractionContact.contact_id).where(
                InteractionContact.interaction_id == call.id
            )
        ).all(),
    )
    assert sorted(links) == sorted(picked) and len(links) == 2

    undo(ctx, wait_worker)
    assert row(ctx, Interaction, call.id).deleted_at is not None


def test_edit_an_activity_participants_then_undo(qtbot, ctx, actions, wait_worker) -> None:
    account_id = an_account_with_contacts(ctx)
    created = []
    actions.recordCreated.connect(lambda kind, rid: created.append(rid))
    dlg = open_dialog(qtbot, actions, lambda: actions.new_interaction(account_id, "meeting"))
    qtbot.keyClicks(dlg.editor("subject"), "Steering committee")
    first, second = dlg.editor("contact_ids").items()[:2]
    first.setCheckState(Qt.CheckState.Checked)
    save(qtbot, dlg, wait_worker)
    meeting = created[0]
    first_id, second_id = (i.data(Qt.ItemDataRole.UserRole) for i in (first, second))

    dlg = open_dialog(qtbot, actions, lambda: actions.edit_interaction(meeting))
    assert dlg.editor("contact_ids").value() == [first_id]
    assert dlg.editor("subject").text() == "Steering committee"
    dlg.editor("contact_ids").set_value([second_id])
    save(qtbot, dlg, wait_worker)

    def live_links(session: Any) -> list[str]:
        return session.scalars(
            select(InteractionContact.contact_id).where(
                InteractionContact.interaction_id == meeting,
                InteractionContact.deleted_at.is_(None),
            )
        ).all()

    assert query(ctx, live_links) == [second_id]
    undo(ctx, wait_worker)
    assert query(ctx, live_links) == [first_id]


def test_new_site_then_edit_it(qtbot, ctx, actions, wait_worker) -> None:
    account_id = an_account_with_contacts(ctx)
    created = []
    actions.recordCreated.connect(lambda kind, rid: created.append((kind, rid)))
    dlg = open_dialog(qtbot, actions, lambda: actions.new_site(account_id))
    qtbot.keyClicks(dlg.editor("name"), "Usine de Flins")
    qtbot.keyClicks(dlg.editor("city"), "Flins-sur-Seine")
    save(qtbot, dlg, wait_worker)
    kind, site_id = created[0]
    assert kind == "site"
    assert row(ctx, Site, site_id).country == "FR"

    dlg = open_dialog(qtbot, actions, lambda: actions.edit_site(site_id))
    assert dlg.editor("city").text() == "Flins-sur-Seine"
    dlg.editor("is_headquarters").click()
    save(qtbot, dlg, wait_worker)
    assert row(ctx, Site, site_id).is_headquarters is True

    undo(ctx, wait_worker)
    assert row(ctx, Site, site_id).is_headquarters is False


def test_editing_a_record_deleted_meanwhile_says_so(
    qtbot, ctx, actions, boxes, wait_worker
) -> None:
    contact = a_contact_with_a_manager(ctx)
    with ctx.db.unit_of_work() as uow:
        contacts.delete_contact(uow, contact.id)
        uow.commit()

    actions.edit_contact(contact.id)
    qtbot.waitUntil(lambda: len(boxes.warnings) == 1, timeout=10_000)

    assert "no longer exists" in boxes.warnings[0]
    assert actions.dialogs == []


def test_saving_a_contact_deleted_meanwhile_says_so_and_closes(
    qtbot, ctx, actions, boxes, wait_worker
) -> None:
    contact = a_contact_with_a_manager(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))
    with ctx.db.unit_of_work() as uow:  # a colleague's sync removes it while the dialog is open
        contacts.delete_contact(uow, contact.id)
        uow.commit()

    qtbot.keyClicks(dlg.editor("department"), "X")
    with qtbot.waitSignal(dlg.rejected, timeout=10_000):
        click_ok(qtbot, dlg)
    wait_worker()

    assert "no longer exists" in boxes.warnings[0]
    assert ctx.undo_stack.count() == 0


def test_new_contact_reporting_to_a_colleague_then_undo(qtbot, ctx, actions, wait_worker) -> None:
    account_id = an_account_with_contacts(ctx)
    created = []
    actions.recordCreated.connect(lambda kind, rid: created.append((kind, rid)))
    dlg = open_dialog(qtbot, actions, lambda: actions.new_contact(account_id))
    assert dlg.windowTitle() == "New contact"

    qtbot.keyClicks(dlg.editor("first_name"), "Lea")  # QTest types ASCII only
    qtbot.keyClicks(dlg.editor("last_name"), "Garnier")
    qtbot.keyClicks(dlg.editor("email"), "Lea.Garnier@example.com")
    reports_to = dlg.editor("reports_to_id")
    reports_to.setCurrentIndex(1)  # the first colleague listed
    manager_id = reports_to.currentData()
    dlg.editor("stance").setCurrentIndex(dlg.editor("stance").findData(2))
    save(qtbot, dlg, wait_worker)

    kind, contact_id = created[0]
    contact = row(ctx, Contact, contact_id)
    assert kind == "contact"
    assert (contact.account_id, contact.reports_to_id) == (account_id, manager_id)
    assert (contact.email, contact.stance, contact.influence) == ("lea.garnier@example.com", 2, 3)

    undo(ctx, wait_worker)
    assert row(ctx, Contact, contact_id).deleted_at is not None


def test_saving_a_dialog_keeps_what_someone_else_changed_meanwhile(
    qtbot, ctx, actions, wait_worker
) -> None:
    contact = a_contact_with_a_manager(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))
    # While the dialog is open, a colleague (the CLI, a sync) changes the phone number.
    ctx.write(lambda uow: contacts.update_contact(uow, contact.id, {"phone": "+33 1 99 00 12 34"}))
    wait_worker()
    title = dlg.editor("job_title")
    title.clear()
    qtbot.keyClicks(title, "Head of Purchasing")
    save(qtbot, dlg, wait_worker)
    saved = row(ctx, Contact, contact.id)
    assert saved.job_title == "Head of Purchasing"
    assert saved.phone == "+33 1 99 00 12 34"


def test_an_undo_that_would_overwrite_a_later_change_is_refused(
    qtbot, ctx, window, boxes, wait_worker
) -> None:
    messages: list[str] = []
    ctx.errorOccurred.connect(messages.append)
    actions = RecordActions(ctx, window)
    contact = a_contact_with_a_manager(ctx)
    dlg = open_dialog(qtbot, actions, lambda: actions.edit_contact(contact.id))
    title = dlg.editor("job_title")
    title.clear()
    qtbot.keyClicks(title, "Head of Purchasing")
    save(qtbot, dlg, wait_worker)
    ctx.write(lambda uow: contacts.update_contact(uow, contact.id, {"job_title": "Group CPO"}))
    wait_worker()

    undo(ctx, wait_worker)
    assert row(ctx, Contact, contact.id).job_title == "Group CPO"  # the later change survives
    assert len(messages) == 1 and "changed since" in messages[0]
    assert ctx.undo_stack.count() == 0  # the history no longer pretends to be in step

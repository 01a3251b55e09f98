"""Deleted items: a deleted contact comes back with one click, and undo deletes it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from kamdesk.models import Contact
from kamdesk.services.contacts import delete_contact
from kamdesk.ui.trash_dialog import TrashDialog


def test_restore_a_deleted_contact_then_undo(qtbot, qtmodeltester, ctx, wait_worker) -> None:
    with ctx.db.read() as session:
        contact = session.scalars(select(Contact).where(Contact.deleted_at.is_(None))).first()
        contact_id, name = contact.id, contact.full_name
    ctx.write(lambda uow: delete_contact(uow, contact_id))
    wait_worker()

    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_worker()
    qtmodeltester.check(dialog.model)
    labels = [dialog.model.row_at(r).label for r in range(dialog.model.rowCount())]
    assert name in labels
    dialog.view.selectRow(labels.index(name))
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_worker()
    with ctx.db.read() as session:
        assert session.get(Contact, contact_id).deleted_at is None
    assert name not in [dialog.model.row_at(r).label for r in range(dialog.model.rowCount())]

    ctx.undo_stack.undo()
    wait_worker()
    with ctx.db.read() as session:
        assert session.get(Contact, contact_id).deleted_at is not None

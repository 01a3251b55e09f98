"""The stakeholder map and org chart, driven like a KAM would: real mouse events on the view."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from kamdesk.models import Account, Contact, StanceChange
from kamdesk.ui.stakeholder_map import StakeholderMapWidget
from kamdesk.ui.stakeholder_map.layout import NODE_H
from kamdesk.ui.stakeholder_map.scene import ORG
from kamdesk.ui.stakeholder_map.texts import warning_text


def biggest_account(ctx) -> tuple[str, str]:
    with ctx.db.read() as session:
        row = session.execute(
            select(Account.id, Account.name)
            .join(Contact, Contact.account_id == Account.id)
            .where(Contact.deleted_at.is_(None), Account.deleted_at.is_(None))
            .group_by(Account.id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    return row[0], row[1]


def contact(ctx, contact_id: str) -> Contact:
    with ctx.db.read() as session:
        found = session.get(Contact, contact_id)
        session.expunge(found)
        return found


@pytest.fixture
def widget(qtbot, ctx):
    w = StakeholderMapWidget(ctx)
    qtbot.addWidget(w)
    w.resize(1700, 1200)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def shown(qtbot, ctx, widget):
    account_id, _ = biggest_account(ctx)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show_account(account_id)
    return widget


def reload(qtbot, widget, action) -> None:
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        action()


def drag(widget, start: QPointF, end: QPointF) -> None:
    """Press, move in steps, release: real mouse events on the view's viewport."""
    view, viewport = widget.view, widget.view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    assert viewport.rect().contains(a) and viewport.rect().contains(b)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    steps = 8
    for k in range(1, steps + 1):
        at = QPoint(a.x() + (b.x() - a.x()) * k // steps, a.y() + (b.y() - a.y()) * k // steps)
        QTest.mouseMove(viewport, at)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_one_node_per_contact_in_its_cell(ctx, shown):
    account_id = shown.account_id()
    with ctx.db.read() as session:
        ids = set(
            session.scalars(
                select(Contact.id).where(
                    Contact.account_id == account_id, Contact.deleted_at.is_(None)
                )
            )
        )
        cells = {
            c.id: (c.stance, c.influence)
            for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))
        }
    scene = shown.scene
    assert set(scene.items_by_id) == ids
    for contact_id, item in scene.items_by_id.items():
        stance, influence = cells[contact_id]
        card = item.mapRectToScene(item.card_rect())
        assert scene.grid.cell_rect(stance, influence).contains(card)
    # No two cards overlap, even in a crowded cell.
    for a, b in itertools.combinations(scene.items_by_id.values(), 2):
        assert not a.mapRectToScene(a.card_rect()).intersects(b.mapRectToScene(b.card_rect()))


def test_drag_to_another_cell_is_one_undoable_step(qtbot, ctx, shown, wait_worker):
    scene = shown.scene
    item = next(i for i in scene.items_by_id.values() if i.node.stance != 2)
    contact_id = item.node.id
    before = contact(ctx, contact_id)
    target = (2, 5 if before.influence != 5 else 4)
    with ctx.db.read() as session:
        history = session.scalar(
            select(func.count())
            .select_from(StanceChange)
            .where(StanceChange.contact_id == contact_id)
        )

    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        drag(shown, item.centre(), scene.grid.cell_rect(*target).center())
    wait_worker()
    after = contact(ctx, contact_id)
    assert (after.stance, after.influence) == target
    assert ctx.undo_stack.count() == 1
    with ctx.db.read() as session:
        changes = session.execute(
            select(
                StanceChange.stance_before,
                StanceChange.influence_before,
                StanceChange.stance_after,
                StanceChange.influence_after,
                StanceChange.author_id,
            )
            .where(StanceChange.contact_id == contact_id)
            .order_by(StanceChange.changed_at)
        ).all()
    assert len(changes) == history + 1
    last = changes[-1]
    assert (last.stance_before, last.influence_before) == (before.stance, before.influence)
    assert (last.stance_after, last.influence_after) == target
    assert last.author_id == ctx.current_user_id and last.author_id is not None
    # The scene was redrawn from the saved data.
    assert scene.cell_of(contact_id) == target

    reload(qtbot, shown, ctx.undo_stack.undo)
    wait_worker()
    restored = contact(ctx, contact_id)
    assert (restored.stance, restored.influence) == (before.stance, before.influence)
    assert scene.cell_of(contact_id) == (before.stance, before.influence)

    reload(qtbot, shown, ctx.undo_stack.redo)
    wait_worker()
    again = contact(ctx, contact_id)
    assert (again.stance, again.influence) == target


def test_drop_on_the_same_cell_does_nothing(qtbot, ctx, shown, wait_worker):
    scene = shown.scene
    item = next(iter(scene.items_by_id.values()))
    origin = item.pos()
    cell = (item.node.stance, item.node.influence)
    rect = scene.grid.cell_rect(*cell)
    # A real drag, but released inside the same cell.
    drag(shown, item.centre(), QPointF(rect.right() - 5, rect.bottom() - 5))
    wait_worker()
    assert ctx.undo_stack.count() == 0
    assert item.pos() == origin
    after = contact(ctx, item.node.id)
    assert (after.stance, after.influence) == cell


def test_double_click_activates_the_contact(qtbot, shown):
    item = next(iter(shown.scene.items_by_id.values()))
    at = shown.view.mapFromScene(item.centre())
    with qtbot.waitSignal(shown.contactActivated) as blocker:
        QTest.mouseDClick(
            shown.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
        )
    assert blocker.args == [item.node.id]


def _org_chart(shown):
    shown.set_mode(ORG)
    return shown.scene


def test_org_chart_geometry(shown):
    scene = _org_chart(shown)
    items = scene.items_by_id
    assert len(items) == len(shown.map_data().nodes)
    for a, b in itertools.combinations(items.values(), 2):
        assert not a.mapRectToScene(a.card_rect()).intersects(b.mapRectToScene(b.card_rect()))
    managers = 0
    for item in items.values():
        manager = items.get(item.node.reports_to_id or "")
        if manager is not None:
            managers += 1
            assert manager.pos().y() + NODE_H < item.pos().y()
    assert managers > 0


def _manager_and_report(scene):
    items = scene.items_by_id
    for item in items.values():
        manager = items.get(item.node.reports_to_id or "")
        if manager is not None:
            return manager, item
    raise AssertionError("no reporting line in the demo account")


def _fit_both(shown, a, b) -> None:
    shown.view.resetTransform()
    rect = a.sceneBoundingRect().united(b.sceneBoundingRect()).adjusted(-20, -20, 20, 20)
    shown.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


def test_org_chart_refuses_a_cycle(qtbot, ctx, shown, wait_worker, monkeypatch):
    scene = _org_chart(shown)
    manager, report = _manager_and_report(scene)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text)
    )
    before = contact(ctx, manager.node.id).reports_to_id
    _fit_both(shown, manager, report)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        # The manager now reporting to its own report would close a loop.
        drag(shown, manager.centre(), report.centre())
    wait_worker()
    assert len(warnings) == 1 and "cycle" in warnings[0]
    assert manager.node.name in warnings[0]
    assert contact(ctx, manager.node.id).reports_to_id == before
    assert ctx.undo_stack.count() == 0


def test_org_chart_drop_sets_the_manager(qtbot, ctx, shown, wait_worker):
    scene = _org_chart(shown)
    items = scene.items_by_id
    # A contact and a new manager outside its own reporting chain (no cycle).
    pairs = [
        (a, b)
        for a, b in itertools.permutations(items.values(), 2)
        if b.node.id != a.node.reports_to_id and a.node.id not in _chain(items, b.node.id)
    ]
    mover, new_manager = pairs[0]
    old = contact(ctx, mover.node.id).reports_to_id
    _fit_both(shown, mover, new_manager)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        drag(shown, mover.centre(), new_manager.centre())
    wait_worker()
    assert contact(ctx, mover.node.id).reports_to_id == new_manager.node.id
    assert ctx.undo_stack.count() == 1
    moved = scene.items_by_id[mover.node.id]
    assert scene.items_by_id[new_manager.node.id].pos().y() + NODE_H < moved.pos().y()
    reload(qtbot, shown, ctx.undo_stack.undo)
    wait_worker()
    assert contact(ctx, mover.node.id).reports_to_id == old


def test_org_chart_drop_on_empty_space_does_nothing(qtbot, ctx, shown, wait_worker):
    scene = _org_chart(shown)
    item = next(iter(scene.items_by_id.values()))
    origin = item.pos()
    shown.view.fit()
    empty = scene.sceneRect().bottomRight() - QPointF(4, 4)
    assert scene.node_at(empty) is None
    shown.view.resetTransform()
    shown.view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    drag(shown, item.centre(), empty)
    wait_worker()
    assert ctx.undo_stack.count() == 0
    assert item.pos() == origin


def _chain(items, start_id):
    chain, current = [], start_id
    while current and current not in chain:
        chain.append(current)
        item = items.get(current)
        current = item.node.reports_to_id if item else None
    return chain


def test_as_of_shows_the_old_position_read_only(qtbot, ctx, shown, wait_worker):
    from kamdesk.services.contacts import update_contact

    scene = shown.scene
    item = next(i for i in scene.items_by_id.values() if i.node.stance != -2)
    contact_id, old = item.node.id, (item.node.stance, item.node.influence)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        ctx.write(
            lambda uow: update_contact(
                uow, contact_id, {"stance": -2}, author_id=ctx.current_user_id
            )
        )
    wait_worker()
    assert scene.cell_of(contact_id) == (-2, old[1])
    assert scene.editable

    reload(qtbot, shown, lambda: shown.set_as_of(dt.date.today() - dt.timedelta(days=1)))
    assert scene.cell_of(contact_id) == old
    assert not scene.editable
    assert "as of" in shown.as_of_label.text()
    # Read-only: a drag changes nothing.
    drag(shown, scene.items_by_id[contact_id].centre(), scene.grid.cell_rect(2, 5).center())
    wait_worker()
    assert contact(ctx, contact_id).stance == -2

    reload(qtbot, shown, lambda: shown.set_as_of(None))
    assert scene.cell_of(contact_id) == (-2, old[1]) and scene.editable


def test_warnings_in_words(shown):
    data = shown.map_data()
    assert shown.warnings.isVisible() == bool(data.warnings)
    for warning in data.warnings:
        assert warning_text(warning, {n.id: n.name for n in data.nodes}) in shown.warnings.text()


def test_evidence_dialog_lists_the_activities(qtbot, ctx, shown, wait_worker):
    item = max(shown.scene.items_by_id.values(), key=lambda i: i.node.strength.score)
    dialog = shown.show_evidence(item.node.id)
    qtbot.addWidget(dialog)
    wait_worker()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    dialog.close()


def test_export_png_and_pdf_through_the_cli(ctx, tmp_path, capsys):
    from kamdesk.cli import main

    account_id, name = biggest_account(ctx)
    db_path = str(ctx.db.path)
    png, pdf, org = tmp_path / "map.png", tmp_path / "map.pdf", tmp_path / "org.png"
    assert (
        main(["--db", db_path, "export", "map", account_id, "--png", str(png), "--pdf", str(pdf)])
        == 0
    )
    assert (
        main(["--db", db_path, "export", "map", account_id, "--png", str(org), "--org-chart"]) == 0
    )
    for path in (png, org):
        image = QImage(str(path))
        assert not image.isNull()
        assert image.width() >= 1200 and image.height() >= 400
        # Not blank: more than a few distinct colours.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 37)
        }
        assert len(colours) > 10
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--db", db_path, "export", "map", "No such account", "--png", str(png)]) == 1
    assert "no account" in capsys.readouterr().err


def test_account_view_tab_loads_when_shown_and_opens_contacts(qtbot, ctx):
    from kamdesk.ui.account_view import Account360View

    account_id, _ = biggest_account(ctx)
    view = Account360View(ctx)
    qtbot.addWidget(view)
    view.resize(1500, 1000)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(account_id)
    tab = view.stakeholder_map
    assert view.tabs.indexOf(tab) == view.tabs.indexOf(view.contacts) + 1
    assert tab.map_data() is None  # hidden tab: nothing loaded yet
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        view.tabs.setCurrentWidget(tab)
    assert len(tab.scene.items_by_id) == len(tab.map_data().nodes) > 0
    item = next(iter(tab.scene.items_by_id.values()))
    with qtbot.waitSignal(view.editContactRequested) as blocker:
        tab.contactActivated.emit(item.node.id)
    assert blocker.args == [item.node.id]


def test_cold_days_preference_changes_the_warnings(qtbot, ctx, wait_worker) -> None:
    """'Gone cold after N days' is a preference: a shorter delay raises more warnings."""
    from kamdesk.services.accounts import list_accounts
    from kamdesk.services.coverage import account_warnings
    from kamdesk.ui.preferences import preferences
    from kamdesk.ui.stakeholder_map import StakeholderMapWidget

    with ctx.db.read() as session:
        rows = list_accounts(session)
        account_id, few, many = next(
            (
                r.id,
                len(account_warnings(session, r.id, cold_days=365)),
                len(account_warnings(session, r.id, cold_days=7)),
            )
            for r in rows
            if len(account_warnings(session, r.id, cold_days=7))
            > len(account_warnings(session, r.id, cold_days=365))
        )
    widget = StakeholderMapWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    preferences().set_cold_days(365)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show_account(account_id)
    assert len(widget.map_data().warnings) == few
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.cold_days.setValue(7)
    assert len(widget.map_data().warnings) == many
    preferences().set_cold_days(60)


def test_a_buying_committee_shows_only_its_members(qtbot, ctx) -> None:
    from sqlalchemy import select

    from kamdesk.models import Opportunity, OpportunityContact
    from kamdesk.ui.stakeholder_map import StakeholderMapWidget

    with ctx.db.read() as session:
        opportunity = session.scalars(
            select(Opportunity).where(
                Opportunity.status == "open", Opportunity.deleted_at.is_(None)
            )
        ).first()
        members = set(
            session.scalars(
                select(OpportunityContact.contact_id).where(
                    OpportunityContact.opportunity_id == opportunity.id,
                    OpportunityContact.deleted_at.is_(None),
                )
            )
        )
        account_id, opportunity_id = opportunity.account_id, opportunity.id
    assert members
    widget = StakeholderMapWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show_account(account_id)
    everyone = {n.id for n in widget.map_data().nodes}
    assert members < everyone
    index = widget.committee.findData(opportunity_id)
    assert index > 0
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.committee.setCurrentIndex(index)
    assert {n.id for n in widget.map_data().nodes} == members
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.committee.setCurrentIndex(0)
    assert {n.id for n in widget.map_data().nodes} == everyone


def test_export_of_a_buying_committee_from_the_command_line(demo_db, tmp_path) -> None:
    from PySide6.QtGui import QImage
    from sqlalchemy import select

    from kamdesk.cli import main
    from kamdesk.models import Opportunity

    with demo_db.read() as session:
        opportunity = session.scalars(
            select(Opportunity).where(Opportunity.status == "open")
        ).first()
        account_id, opportunity_id = opportunity.account_id, opportunity.id
    target = tmp_path / "committee.png"
    args = ["--db", str(demo_db.path), "export", "map", account_id, "--png", str(target)]
    assert main([*args, "--opportunity", opportunity_id]) == 0
    assert not QImage(str(target)).isNull()
    assert main([*args, "--opportunity", "no-such-opportunity"]) == 1

"""The account 360° view on the demo database: what a KAM sees, clicks and gets back."""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kamdesk.services.account_view import TIMELINE_PAGE, load_account_360, load_timeline
from kamdesk.services.accounts import delete_account, list_accounts
from kamdesk.services.attachments import add_attachment, blob_path
from kamdesk.services.contacts import update_contact
from kamdesk.services.qualification import Reason, qualify
from kamdesk.ui import formatting, labels
from kamdesk.ui.account_view import Account360View
from kamdesk.ui.account_view.qualification_panel import reason_text
from kamdesk.ui.account_view.tables import ID_ROLE, ROW_ROLE


def _large_account(ctx) -> tuple[str, str]:
    """The demo's large account with the most contacts (id, name)."""
    with ctx.db.read() as session:
        large = [a for a in list_accounts(session) if a.tier == "large_account"]
        assert large, "the demo has large accounts"
        counts = {
            a.id: len(load_account_360(session, a.id, ctx.db.blob_dir).contacts) for a in large
        }
    best = max(large, key=lambda a: (counts[a.id], a.name))
    return best.id, best.name


def _subsidiary(ctx) -> tuple[str, str]:
    """A subsidiary without subsidiaries of its own (id, its group's id)."""
    with ctx.db.read() as session:
        accounts = list_accounts(session)
    parents = {a.parent_id for a in accounts}
    account = next(a for a in accounts if a.parent_id and a.id not in parents)
    return account.id, account.parent_id


@pytest.fixture
def view(qtbot, ctx):
    widget = Account360View(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    return widget


@pytest.fixture
def shown(qtbot, ctx, view):
    """The view showing the demo's biggest large account; returns (view, account id, name)."""
    account_id, name = _large_account(ctx)
    with qtbot.waitSignal(view.loaded, timeout=10_000) as blocker:
        view.show_account(account_id)
    assert blocker.args == [account_id]
    return view, account_id, name


def _service_view(ctx, account_id, **kwargs):
    with ctx.db.read() as session:
        return load_account_360(session, account_id, ctx.db.blob_dir, **kwargs)


def test_header_and_tables_show_the_service_figures(ctx, shown):
    view, account_id, name = shown
    data = _service_view(ctx, account_id)

    assert view.account_id() == account_id
    assert view.header.name.text() == name
    assert view.header.tier.text() == labels.tier("large_account")
    assert view.header.revenue.value.text() == formatting.money_short(
        data.header.revenue_year_cents
    )
    assert formatting.percent(data.header.revenue_share) in view.header.revenue.detail.text()
    assert view.header.pipeline.value.text() == formatting.money_short(
        data.header.open_pipeline_cents
    )
    assert view.header.subsidiaries.value.text() == str(data.header.subsidiaries)

    assert data.contacts and data.opportunities
    assert view.contacts.model.rowCount() == len(data.contacts)
    assert view.opportunities.model.rowCount() == len(data.opportunities)
    assert view.documents.model.rowCount() == len(data.documents)
    assert view.tickets.model.rowCount() == len(data.tickets)
    assert view.sites.model.rowCount() == len(data.sites)
    assert view.tabs.tabText(view.tabs.indexOf(view.contacts)) == f"Contacts ({len(data.contacts)})"
    assert view.tabs.tabText(view.tabs.indexOf(view.opportunities)) == (
        f"Opportunities ({len(data.opportunities)})"
    )
    # the service's order is kept until the user sorts
    assert [view.contacts.model.index(r, 0).data(ID_ROLE) for r in range(len(data.contacts))] == [
        c.id for c in data.contacts
    ]


def test_contacts_who_left_are_greyed_and_bounced_emails_marked(ctx, shown):
    view, account_id, _ = shown
    model = view.contacts.model
    left = [r for r in range(model.rowCount()) if model.row_at(r).has_left]
    bounced = [r for r in range(model.rowCount()) if model.row_at(r).email_bounced]
    for row in left:
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()
        assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    email = 6
    for row in bounced:
        assert model.index(row, email).data(Qt.ItemDataRole.DecorationRole) is not None
        assert "bounced" in model.index(row, email).data(Qt.ItemDataRole.ToolTipRole)
    present = [r for r in range(model.rowCount()) if not model.row_at(r).has_left]
    assert model.index(present[0], 0).data(Qt.ItemDataRole.FontRole) is None


def test_every_table_model_passes_the_model_tester(qtbot, ctx, view, qtmodeltester, tmp_path):
    account_id, _ = _large_account(ctx)
    source = tmp_path / "Plan de compte.txt"
    source.write_text("Objectifs 2027")
    with ctx.db.unit_of_work() as uow:  # so that the attachments model has a row too
        add_attachment(uow, ctx.db.blob_dir, source, account_id=account_id)
        uow.commit()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(account_id)

    tabs = [
        view.contacts,
        view.opportunities,
        view.documents,
        view.tickets,
        view.timeline,
        view.notes,
    ]
    tabs += [view.attachments, view.sites]
    for tab in tabs:
        assert tab.model.rowCount() > 0, type(tab.model).__name__
        qtmodeltester.check(tab.model)


def test_timeline_kind_filter_reloads_with_only_the_chosen_kinds(qtbot, ctx, shown, wait_worker):
    view, account_id, _ = shown
    view.tabs.setCurrentWidget(view.timeline)
    everything = view.timeline.count_label.text()
    kinds = {view.timeline.model.row_at(r).kind for r in range(view.timeline.model.rowCount())}
    assert len(kinds) > 1

    for kind, button in view.timeline.filter_buttons.items():
        if kind != "call":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_worker()

    model = view.timeline.model
    calls = _service_view(ctx, account_id, timeline_kinds=frozenset({"call"}))
    assert model.rowCount() == len(calls.timeline) > 0
    assert all(model.row_at(r).kind == "call" for r in range(model.rowCount()))
    label = view.timeline.count_label.text()
    assert label != everything
    assert label == f"Showing {len(calls.timeline)} of {calls.timeline_total} (filtered)"
    assert view.timeline.kinds() == frozenset({"call"})

    # a reload (after any write) keeps both the tab and the filter
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    assert view.tabs.currentWidget() is view.timeline
    assert all(model.row_at(r).kind == "call" for r in range(model.rowCount()))


def test_a_write_through_a_service_refreshes_the_view_by_itself(qtbot, ctx, shown):
    view, _, _ = shown
    contact = view.contacts.model.row_at(0)
    view.contacts.select_id(contact.id)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.write(
            lambda uow: update_contact(uow, contact.id, {"job_title": "Directrice achats groupe"})
        )
    model = view.contacts.model
    row = model.row_of(contact.id)
    assert model.index(row, 1).data() == "Directrice achats groupe"
    assert view.contacts.current_id() == contact.id  # the selection survived the reload


def test_deleting_the_shown_account_says_so(qtbot, ctx, view):
    account_id, _ = _subsidiary(ctx)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(account_id)
    ctx.write(lambda uow: delete_account(uow, account_id))
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.placeholder, timeout=10_000)
    assert "no longer exists" in view.placeholder.text()


def test_a_newer_request_drops_the_older_one(qtbot, ctx, view):
    first, _ = _large_account(ctx)
    second, _ = _subsidiary(ctx)
    seen: list[str] = []
    view.loaded.connect(seen.append)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(first)
        view.show_account(second)
    ctx.executor.wait_idle()
    qtbot.wait(20)
    assert seen == [second]
    assert view.account_id() == second


def test_attachments_add_undo_redo_and_open(qtbot, ctx, shown, tmp_path, monkeypatch):
    view, account_id, _ = shown
    tab = view.attachments
    view.tabs.setCurrentWidget(tab)
    source = tmp_path / "Contrat cadre 2027.pdf"
    payload = b"%PDF-1.7 contrat cadre signe " + os.urandom(64)
    source.write_bytes(payload)
    sha256 = hashlib.sha256(payload).hexdigest()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def names() -> list[str]:
        return [tab.model.row_at(r).filename for r in range(tab.model.rowCount())]

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    assert source.name in names()
    blob = blob_path(ctx.db.blob_dir, sha256)
    assert blob.is_file() and blob.name == sha256 and blob.read_bytes() == payload
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Attach file"

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.undo_stack.undo()
    assert source.name not in names()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.undo_stack.redo()
    assert source.name in names()

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))  # where copies to open go
    warnings: list[tuple] = []
    opened: list[Path] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    attachment_id = tab.model.row_at(names().index(source.name)).id
    assert tab.select_id(attachment_id)

    blob.unlink()  # the data folder lost the file
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert opened == []
    assert "Contrat cadre 2027.pdf" in warnings[0][2]
    assert view.account_id() == account_id and tab.model.rowCount() > 0  # nothing else broke

    blob.parent.mkdir(parents=True, exist_ok=True)
    blob.write_bytes(payload)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].name == source.name
    assert opened[0].is_relative_to(tmp_path / "temp")
    assert opened[0].read_bytes() == payload
    assert len(warnings) == 1


def test_files_dropped_on_the_attachments_tab_are_one_undo_step(qtbot, ctx, shown, tmp_path):
    view, _, _ = shown
    tab = view.attachments
    view.tabs.setCurrentWidget(tab)
    files = [tmp_path / "Organigramme client.pdf", tmp_path / "Compte rendu COPIL.docx"]
    for i, path in enumerate(files):
        path.write_bytes(f"document {i}".encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    point = tab.view.geometry().center()
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(point, action, mime, button, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), action, mime, button, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        QApplication.sendEvent(tab, drop)
    names = {tab.model.row_at(r).filename for r in range(tab.model.rowCount())}
    assert {f.name for f in files} <= names
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Attach files"

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.undo_stack.undo()
    names = {tab.model.row_at(r).filename for r in range(tab.model.rowCount())}
    assert not {f.name for f in files} & names


def test_qualification_panel_shows_five_criteria_and_a_suggested_tier(ctx, shown):
    view, account_id, _ = shown
    with ctx.db.read() as session:
        q = qualify(session, account_id)
    panel = view.qualification
    shown_names = [label.text() for label in panel.criterion_labels]
    assert shown_names == [labels.criterion(c.key) for c in q.criteria] and len(shown_names) == 5
    assert [bar.score() for bar in panel.score_bars] == [c.score for c in q.criteria]
    assert panel.suggested.text() == labels.tier(q.suggested_tier)
    assert panel.total.text() == f"{q.total} / 20"
    assert panel.tier_reason.text() == reason_text(q.tier_reason)
    assert panel.current_note.isVisibleTo(panel) == (q.suggested_tier != q.current_tier)
    assert all(label.text() for label in panel.reason_labels)


def test_reason_sentences_are_translated_from_codes():
    share = Reason("revenue_share", "ignored", {"revenue_cents": 150_000_00, "share": 0.075})
    assert reason_text(share) == (
        f"Invoiced this year: {formatting.money(150_000_00, decimals=0)},"
        f" {formatting.percent(0.075)} of our revenue"
    )
    assert reason_text(Reason("sites", "ignored", {"count": 7})) == "Sites: 7"
    assert reason_text(Reason("sites", "", {"count": 7}), group=True) == "Sites across the group: 7"
    assert (
        reason_text(Reason("customer_years", "", {"years": 0.2})) == "Customer for less than a year"
    )
    assert reason_text(Reason("customer_years", "", {"years": 6.4})) == "Customer for 6 years"
    assert reason_text(Reason("revenue_growth", "", {"growth": 0.12})).startswith("Revenue: +12")
    assert reason_text(Reason("strategic_reference", "", {"level": 2})).endswith("(strong)")
    assert (
        reason_text(Reason("tier_key", ""))
        == "Strategic value or growth potential outweighs current revenue"
    )
    assert reason_text(Reason("something_new", "the service's English")) == "the service's English"


def test_requests_are_signals_for_the_main_window(qtbot, ctx, shown):
    view, account_id, _ = shown
    contacts = view.contacts
    new_contact = contacts.toolbar.itemAt(0).widget()
    with qtbot.waitSignal(view.newContactRequested) as blocker:
        qtbot.mouseClick(new_contact, Qt.MouseButton.LeftButton)
    assert blocker.args == [account_id]

    first = contacts.model.row_at(0).id
    rect = contacts.view.visualRect(contacts.proxy.mapFromSource(contacts.model.index(0, 0)))
    with qtbot.waitSignal(view.editContactRequested) as blocker:
        qtbot.mouseClick(contacts.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(contacts.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [first]
    with qtbot.waitSignal(view.deleteContactRequested) as blocker:
        qtbot.keyClick(contacts.view, Qt.Key.Key_Delete)
    assert blocker.args == [first]

    view.tabs.setCurrentWidget(view.timeline)
    log_call = view.timeline.toolbar.itemAt(0).widget()
    with qtbot.waitSignal(view.newInteractionRequested) as blocker:
        qtbot.mouseClick(log_call, Qt.MouseButton.LeftButton)
    assert blocker.args == [account_id, "call"]
    newest = view.timeline.model.row_at(0).id
    view.timeline.select_id(newest)
    with qtbot.waitSignal(view.deleteInteractionRequested) as blocker:
        qtbot.keyClick(view.timeline.view, Qt.Key.Key_Delete)
    assert blocker.args == [newest]

    with qtbot.waitSignal(view.editAccountRequested) as blocker:
        qtbot.mouseClick(view.header.edit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [account_id]
    with qtbot.waitSignal(view.newSiteRequested) as blocker:
        qtbot.mouseClick(view.sites.toolbar.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    assert blocker.args == [account_id]


def test_the_group_link_opens_the_parent_account(qtbot, ctx, view):
    account_id, parent_id = _subsidiary(ctx)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(account_id)
    assert f"account:{parent_id}" in view.header.facts.text()
    with qtbot.waitSignal(view.accountActivated) as blocker:
        view.header.facts.linkActivated.emit(f"account:{parent_id}")
    assert blocker.args == [parent_id]


def test_timeline_rows_carry_their_row_for_the_delegate(shown):
    view, _, _ = shown
    model = view.timeline.model
    rows = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
    assert rows and all(
        a.occurred_at >= b.occurred_at for a, b in zip(rows, rows[1:], strict=False)
    )
    assert model.index(0, 0, QModelIndex()).data() == rows[0].subject


def test_screenshots(qtbot, ctx, shown, tmp_path):
    """Renders the view for a person to look at (KAMDESK_SCREENSHOTS=folder keeps the files)."""
    view, _, _ = shown
    folder = Path(os.environ.get("KAMDESK_SCREENSHOTS", tmp_path))
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.reload()  # numbers and dates as the English UI writes them
        view.tabs.setCurrentWidget(view.contacts)
        qtbot.wait(10)
        assert view.grab().save(str(folder / "account_360.png"))
        view.tabs.setCurrentWidget(view.qualification)
        qtbot.wait(10)
        assert view.grab().save(str(folder / "account_360_qualification.png"))
    finally:
        QLocale.setDefault(previous)


def test_show_older_pages_through_the_whole_timeline(qtbot, ctx, shown):
    view, account_id, _ = shown
    tab = view.timeline
    with ctx.db.read() as session:
        _, total = load_timeline(session, account_id)
    assert total > TIMELINE_PAGE, "the demo's largest account has more activities than one page"
    assert tab.model.rowCount() == TIMELINE_PAGE and tab.more_button.isVisibleTo(tab)
    while tab.more_button.isVisibleTo(tab):
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == total
    times = [tab.model.row_at(r).occurred_at for r in range(tab.model.rowCount())]
    assert times == sorted(times, reverse=True)


def test_coverage_shows_in_the_header_and_the_contacts_tab(qtbot, ctx, view):
    from kamdesk.services.coverage import account_warnings, contact_strengths
    from kamdesk.ui.stakeholder_map.texts import warning_text

    with ctx.db.read() as session:
        rows = list_accounts(session)
        # an account with at least one coverage warning, to see it in the header
        account_id = next(r.id for r in rows if account_warnings(session, r.id))
        strengths = contact_strengths(session, account_id)
        warnings = account_warnings(session, account_id)
    with qtbot.waitSignal(view.coverageLoaded, timeout=10_000):
        view.show_account(account_id)
    assert view.header.warnings.isVisibleTo(view)
    names = {r.id: r.name for r in view.contacts.model.rows()}
    label = view.header.warnings.text()
    for warning in warnings:
        assert html.escape(warning_text(warning, names)) in label
    model = view.contacts.model
    column = model.RELATIONSHIP_COLUMN
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Relationship"
    for r in range(model.rowCount()):
        contact = model.row_at(r)
        shown = model.data(model.index(r, column))
        assert str(round(strengths[contact.id].score)) in shown
        assert "Relationship strength" in model.data(
            model.index(r, column), Qt.ItemDataRole.ToolTipRole
        )


def test_another_accounts_warnings_never_show_under_a_new_name(qtbot, ctx, view):
    from kamdesk.services.coverage import account_warnings

    with ctx.db.read() as session:
        rows = list_accounts(session)
        warned = next(r.id for r in rows if account_warnings(session, r.id))
        other = next(r.id for r in rows if r.id != warned)
    with qtbot.waitSignal(view.coverageLoaded, timeout=10_000):
        view.show_account(warned)
    assert view.header.warnings.isVisibleTo(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_account(other)
    assert view.account_id() == other
    assert not view.header.warnings.isVisibleTo(view)  # cleared at once, before other's coverage
    assert view.header.warnings.text() == ""

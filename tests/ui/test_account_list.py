"""The account list on the demo portfolio: filter, sort, pick an account, follow the edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kamdesk.db import Changes
from kamdesk.services.accounts import AccountRow, list_accounts, update_account
from kamdesk.ui import formatting
from kamdesk.ui.account_list import AccountListPanel
from kamdesk.ui.account_table import (
    GROUP,
    LAST_CONTACT,
    NAME,
    REVENUE,
    AccountFilterProxy,
    AccountTableModel,
    IdRole,
    SortRole,
    fold,
)


@pytest.fixture
def rows(ctx) -> list[AccountRow]:
    with ctx.db.read() as session:
        return list_accounts(session)


@pytest.fixture
def panel(qtbot, ctx, wait_worker) -> AccountListPanel:
    widget = AccountListPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    wait_worker()
    return widget


def shown_ids(panel: AccountListPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, NAME).data(IdRole) for row in range(proxy.rowCount())]


def haystack(row: AccountRow) -> str:
    """What the filter searches: name, sector, owner and group."""
    return fold(" ".join(filter(None, (row.name, row.sector, row.owner, row.parent))))


def click_row(qtbot, panel: AccountListPanel, row: int) -> None:
    index = panel.proxy.index(row, NAME)
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Société Générale") == fold("SOCIETE generale") == "societe generale"
    assert fold(None) == ""


def test_table_model_passes_the_model_tester(qtmodeltester, rows) -> None:
    model = AccountTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows(rows[:3])  # the tester keeps watching through resets
    model.set_rows([])
    assert model.rowCount() == 0


def test_filter_proxy_passes_the_model_tester(qtmodeltester, rows) -> None:
    model = AccountTableModel()
    model.set_rows(rows)
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(REVENUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    proxy.set_text("a")
    proxy.set_exact(tier="key_account")
    model.set_rows(rows)
    proxy.set_exact()
    assert proxy.rowCount() == sum(1 for r in rows if "a" in haystack(r))


def test_model_shows_formatted_cells_and_raw_sort_values(rows) -> None:
    model = AccountTableModel()
    model.set_rows(rows)
    row = max(rows, key=lambda r: r.revenue_year_cents)
    index = model.index(rows.index(row), REVENUE)
    assert index.data() == formatting.money_short(row.revenue_year_cents)
    assert index.data(SortRole) == row.revenue_year_cents
    assert index.data(Qt.ItemDataRole.ToolTipRole) == formatting.money(row.revenue_year_cents)
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert index.data(IdRole) == row.id
    assert model.headerData(REVENUE, Qt.Orientation.Horizontal) == f"Revenue {dt.date.today().year}"


def test_panel_lists_every_live_account_by_name(panel, rows) -> None:
    assert panel.proxy.rowCount() == len(rows) > 0
    names = [panel.proxy.index(r, NAME).data() for r in range(panel.proxy.rowCount())]
    assert names == sorted(names, key=fold)
    # "accounts" once an English plural translation is installed; "account(s)" from the source.
    assert panel.count_label.text().startswith(f"{len(rows)} account")
    assert panel.view.horizontalHeader().sortIndicatorSection() == NAME


def test_typing_without_accents_finds_accented_names(qtbot, panel, rows) -> None:
    accented = next(r for r in rows if fold(r.name) != r.name.casefold())
    word = next(w for w in accented.name.split() if fold(w) != w.casefold())
    typed = fold(word).upper()  # "HELIO" for "Hélio"
    expected = {r.id for r in rows if typed.lower() in haystack(r)}

    qtbot.keyClicks(panel.search, typed)

    assert accented.id in shown_ids(panel)
    assert set(shown_ids(panel)) == expected
    assert len(expected) < len(rows)
    assert panel.count_label.text().startswith(f"{len(expected)} of {len(rows)} account")
    panel.search.clear()
    assert len(shown_ids(panel)) == len(rows)


def test_every_typed_word_must_match(qtbot, panel, rows) -> None:
    target = next(r for r in rows if r.owner and r.sector)
    words = [fold(target.owner.split()[-1]), fold(target.sector)]
    expected = {r.id for r in rows if all(w in haystack(r) for w in words)}

    qtbot.keyClicks(panel.search, " ".join(words))

    assert target.id in expected
    assert set(shown_ids(panel)) == expected


def test_tier_owner_and_sector_combos_filter(panel, rows) -> None:
    combo = panel.tier_combo
    combo.setCurrentIndex(combo.findData("large_account"))
    large = [r.id for r in rows if r.tier == "large_account"]
    assert 0 < len(large) < len(rows)
    assert sorted(shown_ids(panel)) == sorted(large)

    combo.setCurrentIndex(0)  # "All tiers"
    owner = next(r for r in rows if r.owner_id)
    panel.owner_combo.setCurrentIndex(panel.owner_combo.findData(owner.owner_id))
    assert panel.owner_combo.currentText() == owner.owner
    assert sorted(shown_ids(panel)) == sorted(r.id for r in rows if r.owner_id == owner.owner_id)

    panel.owner_combo.setCurrentIndex(0)
    sectors = sorted(
        {r.sector for r in rows if r.sector}, key=fold
    )  # "Énergie" near "Distribution"
    assert [panel.sector_combo.itemText(i) for i in range(1, panel.sector_combo.count())] == sectors
    panel.sector_combo.setCurrentIndex(1)
    assert sorted(shown_ids(panel)) == sorted(r.id for r in rows if r.sector == sectors[0])


def test_a_click_on_the_revenue_header_puts_the_largest_first(qtbot, panel, rows) -> None:
    header = panel.view.horizontalHeader()
    x = header.sectionViewportPosition(REVENUE) + header.sectionSize(REVENUE) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )

    assert header.sortIndicatorSection() == REVENUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    shown = [panel.proxy.index(r, REVENUE).data(SortRole) for r in range(panel.proxy.rowCount())]
    assert shown == sorted((r.revenue_year_cents for r in rows), reverse=True)
    top = max(rows, key=lambda r: r.revenue_year_cents)
    assert panel.proxy.index(0, REVENUE).data() == formatting.money_short(top.revenue_year_cents)

    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder  # a second click flips it


def test_sorting_by_name_ignores_accents(panel, rows) -> None:
    panel.view.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    names = [panel.proxy.index(r, NAME).data() for r in range(panel.proxy.rowCount())]
    assert names == sorted((r.name for r in rows), key=fold, reverse=True)


def test_clicking_a_row_announces_the_account(qtbot, panel) -> None:
    expected = panel.proxy.index(2, NAME).data(IdRole)
    with qtbot.waitSignal(panel.accountActivated, timeout=1000) as blocker:
        click_row(qtbot, panel, 2)
    assert blocker.args == [expected]
    assert panel.current_account_id() == expected

    with qtbot.waitSignal(panel.accountActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert blocker.args == [panel.proxy.index(3, NAME).data(IdRole)]


def test_select_account_before_the_rows_arrive(qtbot, ctx, wait_worker, rows) -> None:
    widget = AccountListPanel(ctx)
    qtbot.addWidget(widget)
    target = rows[len(rows) // 2]
    assert widget.select_account(target.id) is False  # not loaded yet: remembered
    with qtbot.waitSignal(widget.accountActivated, timeout=5000) as blocker:
        wait_worker()
    assert blocker.args == [target.id]
    assert widget.current_account_id() == target.id
    assert widget.select_account("no-such-account") is False


def test_an_edit_reloads_the_list_and_keeps_selection_and_filters(
    qtbot, ctx, panel, rows, wait_worker
) -> None:
    target = next(r for r in rows if r.owner_id)
    panel.owner_combo.setCurrentIndex(panel.owner_combo.findData(target.owner_id))
    assert panel.select_account(target.id)
    before = set(shown_ids(panel))

    with qtbot.assertNotEmitted(panel.accountActivated):  # the same account: no new 360° load
        ctx.write(lambda uow: update_account(uow, target.id, {"name": "Zzz Renamed"}))
        wait_worker()

    assert panel.current_account_id() == target.id
    current = panel.view.currentIndex()
    assert current.siblingAtColumn(NAME).data() == "Zzz Renamed"
    assert current.row() == panel.proxy.rowCount() - 1  # re-sorted by name
    assert set(shown_ids(panel)) == before
    assert panel.owner_combo.currentData() == target.owner_id


def test_changes_elsewhere_do_not_reload(ctx, panel) -> None:
    changes = Changes()
    changes.add("tasks", "some-task", "update")
    ctx.bus.changed.emit(changes)
    assert ctx.executor.pending == 0
    changes.add("invoices", "some-invoice", "insert")
    ctx.bus.changed.emit(changes)
    assert ctx.executor.pending == 1


def test_renders_with_demo_data(panel, tmp_path: Path) -> None:
    image = panel.grab().toImage()
    assert not image.isNull()
    assert panel.grab().save(str(tmp_path / "account_list.png"))


def test_columns_fit_their_contents_or_give_way(qtbot, panel) -> None:
    view = panel.view
    panel.resize(1400, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 1300)
    assert not any(view.isColumnHidden(c) for c in range(panel.model.columnCount()))
    assert all(view.columnWidth(c) >= view.sizeHintForColumn(c) for c in range(REVENUE))
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=2000)

    panel.resize(460, 600)  # the navigator pane beside the 360° view
    qtbot.waitUntil(lambda: view.viewport().width() < 500)
    shown = {c for c in range(panel.model.columnCount()) if not view.isColumnHidden(c)}
    assert {NAME, REVENUE, LAST_CONTACT} <= shown
    assert GROUP not in shown
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=2000)

"""The group tree on the demo portfolio: subsidiaries under their group, figures rolled up."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import func, select

from kamdesk.models import Account, Invoice, Opportunity
from kamdesk.services.accounts import update_account
from kamdesk.services.hierarchy import HierarchyNode, load_forest
from kamdesk.ui import formatting
from kamdesk.ui.hierarchy_view import (
    ACCOUNT,
    PIPELINE,
    REVENUE,
    HierarchyModel,
    HierarchyPanel,
    IdRole,
)


@pytest.fixture
def forest(ctx) -> list[HierarchyNode]:
    with ctx.db.read() as session:
        return load_forest(session)


@pytest.fixture
def group(forest) -> HierarchyNode:
    """The biggest demo group that has subsidiaries."""
    return next(node for node in forest if node.children)


@pytest.fixture
def panel(qtbot, ctx, wait_worker) -> HierarchyPanel:
    widget = HierarchyPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    wait_worker()
    return widget


def top_index(model: HierarchyModel, account_id: str) -> QModelIndex:
    for row in range(model.rowCount()):
        index = model.index(row, ACCOUNT)
        if index.data(IdRole) == account_id:
            return index
    raise AssertionError(f"{account_id} is not a top-level row")


def test_model_passes_the_model_tester(qtmodeltester, forest) -> None:
    model = HierarchyModel()
    model.set_forest(forest)
    qtmodeltester.check(model)
    model.set_forest(forest[:1])  # the tester keeps watching through resets
    model.set_forest([])
    assert model.rowCount() == 0


def test_a_group_shows_its_subsidiaries_as_children(ctx, panel, group) -> None:
    with ctx.db.read() as session:
        subsidiaries = set(
            session.scalars(
                select(Account.id).where(
                    Account.parent_id == group.id, Account.deleted_at.is_(None)
                )
            )
        )
    model = panel.model
    parent = top_index(model, group.id)
    children = {model.index(r, ACCOUNT, parent).data(IdRole) for r in range(model.rowCount(parent))}
    assert children == subsidiaries != set()
    assert panel.view.isExpanded(parent)
    assert model.index(0, ACCOUNT, parent).parent() == parent


def test_a_group_shows_revenue_and_pipeline_rolled_up(ctx, panel, group) -> None:
    ids = [group.id] + [child.id for child in group.children]
    today = dt.date.today()
    with ctx.db.read() as session:
        revenue = session.scalar(
            select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(
                Invoice.account_id.in_(ids),
                Invoice.deleted_at.is_(None),
                Invoice.issued_on.between(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
            )
        )
        pipeline = session.scalar(
            select(func.coalesce(func.sum(Opportunity.amount_cents), 0)).where(
                Opportunity.account_id.in_(ids),
                Opportunity.deleted_at.is_(None),
                Opportunity.status == "open",
            )
        )
    assert not any(child.children for child in group.children)  # the demo groups are two-level
    assert revenue > group.revenue_year_cents > 0

    index = top_index(panel.model, group.id)
    shown = index.siblingAtColumn(REVENUE)
    assert shown.data() == formatting.money_short(revenue)
    tooltip = shown.data(Qt.ItemDataRole.ToolTipRole)
    assert formatting.money(group.revenue_year_cents) in tooltip
    assert formatting.money(revenue) in tooltip
    assert index.siblingAtColumn(PIPELINE).data() == formatting.money_short(pipeline)


def test_clicking_or_activating_a_subsidiary_announces_it(qtbot, panel, group) -> None:
    parent = top_index(panel.model, group.id)
    child = panel.model.index(0, ACCOUNT, parent)
    rect = panel.view.visualRect(child)
    with qtbot.waitSignal(panel.accountActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [group.children[0].id]
    assert panel.current_account_id() == group.children[0].id

    with qtbot.waitSignal(panel.accountActivated, timeout=1000) as blocker:
        panel.view.activated.emit(child)  # what Enter or a double-click does, per platform
    assert blocker.args == [group.children[0].id]


def test_an_edit_reloads_and_keeps_selection_and_folded_groups(
    qtbot, ctx, panel, forest, group, wait_worker
) -> None:
    other = next(node for node in forest if node.children and node is not group)
    panel.view.collapse(top_index(panel.model, other.id))
    child = group.children[-1]
    assert panel.select_account(child.id)

    with qtbot.assertNotEmitted(panel.accountActivated):
        ctx.write(lambda uow: update_account(uow, child.id, {"name": "Zzz Renamed"}))
        wait_worker()

    assert panel.current_account_id() == child.id
    assert panel.view.currentIndex().data() == "Zzz Renamed"
    assert not panel.view.isExpanded(top_index(panel.model, other.id))
    assert panel.view.isExpanded(top_index(panel.model, group.id))

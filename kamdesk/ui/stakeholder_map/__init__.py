"""The stakeholder map and org chart of an account (issue 5)."""

from kamdesk.ui.stakeholder_map.view import StakeholderMapWidget

__all__ = ["StakeholderMapWidget"]

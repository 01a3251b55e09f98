"""The account 360° view: header card, tabs of related records, timeline, qualification."""

from kamdesk.ui.account_view.view import Account360View

__all__ = ["Account360View"]

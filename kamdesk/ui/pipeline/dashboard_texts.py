"""The dashboard's words and numbers: periods, short amounts, days (shared by charts and tables)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kamdesk.ui.formatting import money_short, percent
from kamdesk.ui.messages import fill
from kamdesk.ui.pipeline.dashboard_data import PeriodRow

MONTH, QUARTER = "month", "quarter"
translate = QCoreApplication.translate


def period_label(row: PeriodRow, granularity: str, *, long: bool = False) -> str:
    """``déc. 2026`` / ``T1 2027``: a month or quarter as the user's locale names it."""
    start = row.start
    if granularity == QUARTER:
        quarter = (start.month - 1) // 3 + 1
        return fill(translate("PipelineDashboard", "Q%1 %2"), quarter, start.year)
    fmt = "MMMM yyyy" if long else "MMM yyyy"
    return QLocale().toString(QDate(start.year, start.month, start.day), fmt)


def short_money(euros: float) -> str:
    return money_short(round(euros * 100))


def days_text(value: float | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(value, "f", 1)


def unassigned_text() -> str:
    return translate("PipelineDashboard", "Unassigned")


def rate_text(rate: float | None) -> str:
    return "" if rate is None else percent(rate)

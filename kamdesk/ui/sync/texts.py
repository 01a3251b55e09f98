"""Sync in the user's words: the status line, field and record names, values, times.

Plural sentences go through ``SyncPlurals`` (pyside6-lupdate extracts plural forms only from
``self.tr(text, "", n)`` in a QObject); everything else is ``translate("SyncTexts", …)``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from kamdesk.sync.conflict_inbox import InboxEntry, Side
from kamdesk.ui import formatting, labels
from kamdesk.ui.messages import fill

translate = QCoreApplication.translate


class SyncPlurals(QObject):
    def minutes_ago(self, n: int) -> str:
        return self.tr("%n min ago", "", n)

    def hours_ago(self, n: int) -> str:
        return self.tr("%n h ago", "", n)

    def in_minutes(self, n: int) -> str:
        return self.tr("in %n min", "", n)

    def to_send(self, n: int) -> str:
        return self.tr("%n change(s) to send", "", n)

    def waiting(self, n: int) -> str:
        return self.tr("%n change(s) kept on this computer, waiting to be sent", "", n)

    def kept_after_sign_out(self, n: int) -> str:
        return self.tr(
            "%n change(s) not sent yet stay on this computer and will be sent when you sign in "
            "again.",
            "",
            n,
        )

    def conflicts(self, n: int) -> str:
        return self.tr("%n conflict(s) to settle", "", n)

    def to_settle_tab(self, n: int) -> str:
        return self.tr("To settle (%n)", "", n)

    def settled_tab(self, days: int) -> str:
        return self.tr("Settled automatically (last %n day(s))", "", days)

    def restored(self, n: int) -> str:
        return self.tr(
            "The team server was restored from a backup: %n record(s) you wrote sent to it again.",
            "",
            n,
        )

    def summary(self, sent: int, received: int) -> str:
        return fill(
            translate("SyncTexts", "Sync finished: %1, %2."),
            self.tr("%n change(s) sent", "", sent),
            self.tr("%n received", "", received),
        )


PLURALS = SyncPlurals()


def ago(moment: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """ "just now", "3 min ago", "2 h ago", then the date."""
    if moment is None:
        return translate("SyncTexts", "never")
    seconds = ((now or dt.datetime.now(dt.UTC)) - moment).total_seconds()
    if seconds < 60:
        return translate("SyncTexts", "just now")
    if seconds < 3600:
        return PLURALS.minutes_ago(int(seconds // 60))
    if seconds < 24 * 3600:
        return PLURALS.hours_ago(int(seconds // 3600))
    return formatting.datetime(moment)


def when(seconds: float) -> str:
    """A delay to come: "in 2 min", or "in a moment" under a minute."""
    if seconds < 60:
        return translate("SyncTexts", "in a moment")
    return PLURALS.in_minutes(round(seconds / 60))


# -- what a conflict is about -------------------------------------------------------------------


def record_kind(table: str) -> str:
    return {
        "accounts": translate("SyncTexts", "Account"),
        "contacts": translate("SyncTexts", "Contact"),
        "opportunities": translate("SyncTexts", "Opportunity"),
        "interactions": translate("SyncTexts", "Activity"),
        "sites": translate("SyncTexts", "Site"),
        "tickets": translate("SyncTexts", "Support ticket"),
        "quotes": translate("SyncTexts", "Quote"),
        "contracts": translate("SyncTexts", "Contract"),
        "invoices": translate("SyncTexts", "Invoice"),
        "tasks": translate("SyncTexts", "Task"),
        "business_reviews": translate("SyncTexts", "Business review"),
        "opportunity_lines": translate("SyncTexts", "Opportunity line"),
        "pipelines": translate("SyncTexts", "Pipeline"),
        "stages": translate("SyncTexts", "Stage"),
    }.get(table, table)


def field_label(field: str) -> str:
    known = {
        "*": translate("SyncTexts", "Deleted while being edited"),
        "name": translate("SyncTexts", "Name"),
        "title": translate("SyncTexts", "Title"),
        "subject": translate("SyncTexts", "Subject"),
        "description": translate("SyncTexts", "Description"),
        "interests": translate("SyncTexts", "Interests"),
        "notes": translate("SyncTexts", "Notes"),
        "actions": translate("SyncTexts", "Actions"),
        "comment": translate("SyncTexts", "Comment"),
        "body": translate("SyncTexts", "Text"),
        "next_step": translate("SyncTexts", "Next step"),
        "next_step_date": translate("SyncTexts", "Next step date"),
        "close_reason": translate("SyncTexts", "Reason won or lost"),
        "metrics": translate("SyncTexts", "Metrics"),
        "decision_criteria": translate("SyncTexts", "Decision criteria"),
        "decision_process": translate("SyncTexts", "Decision process"),
        "identified_pain": translate("SyncTexts", "Identified pain"),
        "amount_cents": translate("SyncTexts", "Amount"),
        "potential_revenue_cents": translate("SyncTexts", "Potential revenue"),
        "unit_price_cents": translate("SyncTexts", "Unit price"),
        "stage_id": translate("SyncTexts", "Stage"),
        "pipeline_id": translate("SyncTexts", "Pipeline"),
        "status": translate("SyncTexts", "Status"),
        "probability": translate("SyncTexts", "Probability"),
        "expected_close": translate("SyncTexts", "Expected close date"),
        "owner_id": translate("SyncTexts", "Owner"),
        "competitor": translate("SyncTexts", "Competitor"),
        "job_title": translate("SyncTexts", "Job title"),
        "department": translate("SyncTexts", "Department"),
        "first_name": translate("SyncTexts", "First name"),
        "last_name": translate("SyncTexts", "Last name"),
        "email": translate("SyncTexts", "Email"),
        "phone": translate("SyncTexts", "Phone"),
        "mobile": translate("SyncTexts", "Mobile"),
        "buying_role": translate("SyncTexts", "Buying role"),
        "influence": translate("SyncTexts", "Influence"),
        "stance": translate("SyncTexts", "Stance"),
        "reports_to_id": translate("SyncTexts", "Reports to"),
        "tier": translate("SyncTexts", "Tier"),
        "sector": translate("SyncTexts", "Sector"),
        "website": translate("SyncTexts", "Website"),
        "legal_name": translate("SyncTexts", "Legal name"),
        "parent_id": translate("SyncTexts", "Group"),
        "address": translate("SyncTexts", "Address"),
        "city": translate("SyncTexts", "City"),
        "postal_code": translate("SyncTexts", "Postal code"),
        "renewal_date": translate("SyncTexts", "Renewal date"),
        "priority": translate("SyncTexts", "Priority"),
        "deleted_at": translate("SyncTexts", "Deleted"),
    }
    return known.get(field) or field.removesuffix("_id").replace("_", " ").capitalize()


def record_text(entry: InboxEntry) -> str:
    """ "Contact Claire Martin", or the kind alone when the record is not on this computer."""
    kind = record_kind(entry.table)
    if entry.record:
        return fill(translate("SyncTexts", "%1 %2"), kind, entry.record)
    return fill(translate("SyncTexts", "%1 (not on this computer)"), kind)


def value_text(entry: InboxEntry, value: Any) -> str:
    """A value as the record's form would show it."""
    if value is None or value == "":
        return translate("SyncTexts", "(empty)")
    if entry.kind == "delete":
        return _delete_side(value)
    kind = entry.value_kind
    if kind == "money" and isinstance(value, int | float):
        return formatting.money(int(value), entry.currency or "EUR")
    if kind in ("stage", "pipeline", "reference"):
        return entry.names.get(str(value)) or translate(
            "SyncTexts", "(a record not on this computer)"
        )
    if kind == "status":
        return labels.status(str(value))
    if isinstance(value, bool):
        return translate("SyncTexts", "Yes") if value else translate("SyncTexts", "No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _delete_side(value: Any) -> str:
    """A delete met an edit: one side is the deletion date, the other the edited fields."""
    if isinstance(value, dict):
        parts = [f"{field_label(k)}: {v}" for k, v in value.items() if v not in (None, "")]
        return "\n".join(parts) or translate("SyncTexts", "(no field)")
    moment = _parse(value)
    if moment is not None:
        return fill(translate("SyncTexts", "Deleted on %1"), formatting.datetime(moment))
    return str(value)


def _parse(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def who(side: Side, me: str | None) -> str:
    if side.user and side.user == me:
        return translate("SyncTexts", "You")
    return side.user or translate("SyncTexts", "Someone")


def by_line(side: Side, me: str | None) -> str:
    """ "Anna · 26/11/2026 10:41" """
    if side.at is None:
        return who(side, me)
    return fill(translate("SyncTexts", "%1 · %2"), who(side, me), formatting.datetime(side.at))

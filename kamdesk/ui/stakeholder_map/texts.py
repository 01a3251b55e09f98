"""The coverage in words: account warnings and the relationship-strength tooltip."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from kamdesk.ui import formatting
from kamdesk.ui.messages import fill
from kamdesk.ui.stakeholder_map.legend import strength_label

translate = QCoreApplication.translate


class CoverageTexts(QObject):
    """Plural sentences: pyside6-lupdate extracts plural forms only from ``self.tr(text, "", n)``."""

    def gone_cold(self, name: str, days: int) -> str:
        return fill(self.tr("%1 has gone cold: no activity for %n day(s).", "", days), name)

    def last_90(self, count: int) -> str:
        return self.tr("%n activity(ies) in the last 90 days", "", count)

    def last_365(self, count: int) -> str:
        return self.tr("%n activity(ies) in the last 12 months", "", count)

    def days_ago(self, days: int) -> str:
        return self.tr("%n day(s) ago", "", days)


_PLURALS: CoverageTexts | None = None


def _plurals() -> CoverageTexts:
    global _PLURALS
    if _PLURALS is None:
        _PLURALS = CoverageTexts()
    return _PLURALS


def _who(warning: Any, names: Mapping[str, str]) -> str:
    params = getattr(warning, "params", None) or {}
    if params.get("name"):
        return str(params["name"])
    if params.get("names"):
        return ", ".join(str(n) for n in params["names"])
    ids = getattr(warning, "contact_ids", None) or []
    return ", ".join(names.get(i, "") for i in ids if names.get(i))


def warning_text(warning: Any, names: Mapping[str, str] | None = None) -> str:
    """One translated sentence for a ``CoverageWarning``; the service's English for a new code."""
    who = _who(warning, names or {})
    params = getattr(warning, "params", None) or {}
    code = warning.code
    if code == "single_threaded":
        if who:
            return fill(
                translate(
                    "StakeholderMap", "Single-threaded: only %1 has a strong relationship with us."
                ),
                who,
            )
        return translate(
            "StakeholderMap", "Single-threaded: no contact has a strong relationship with us."
        )
    if code == "no_economic_buyer":
        return translate("StakeholderMap", "No economic buyer identified.")
    if code == "no_champion":
        return translate("StakeholderMap", "No champion: nobody here actively supports us.")
    if code == "gone_cold" and who:
        days = params.get("days")
        if days is not None:
            return _plurals().gone_cold(who, int(days))
        return fill(translate("StakeholderMap", "%1 has gone cold: never contacted."), who)
    if code == "email_bounced" and who:
        return fill(translate("StakeholderMap", "The email address of %1 bounced."), who)
    if code == "key_contact_left" and who:
        return fill(translate("StakeholderMap", "%1, a key contact, has left."), who)
    return str(getattr(warning, "message", code))


def formula_text() -> str:
    """How the score is computed, in the user's language, around the service's constants."""
    from kamdesk.services import coverage as c

    return fill(
        translate(
            "StakeholderMap",
            "Calls, meetings and emails with this contact over the last %1 days count: a meeting "
            "%2 points, a call %3, an email %4. Each activity's points halve every %5 days; "
            "they are multiplied by %6 when the exchange goes both ways. Score = 100 × "
            "(1 − e^(−points / %7)). Strong from %8, medium from %9, weak above 0.",
        ),
        *(
            f"{value:g}"
            for value in (
                c.WINDOW_DAYS,
                c.KIND_WEIGHTS["meeting"],
                c.KIND_WEIGHTS["call"],
                c.KIND_WEIGHTS["email"],
                c.HALF_LIFE_DAYS,
                c.TWO_WAY_BONUS,
                c.SATURATION_POINTS,
                c.STRONG_MIN,
                c.MEDIUM_MIN,
            )
        ),
    )


def strength_tooltip(strength: Any, formula: str | None = None) -> str:
    """Score, level, activity counts, last contact and how the score is computed (rich text)."""
    p = _plurals()
    lines = [
        fill(
            translate("StakeholderMap", "<b>Relationship strength: %1/100</b> (%2)"),
            int(round(strength.score)),
            strength_label(strength.level),
        ),
        p.last_90(strength.interactions_90d),
        p.last_365(strength.interactions_365d)
        + " "
        + fill(
            translate("StakeholderMap", "(%1 inbound, %2 outbound)"),
            strength.inbound_365d,
            strength.outbound_365d,
        ),
    ]
    if strength.last_at is not None:
        when = formatting.date(
            strength.last_at.date() if hasattr(strength.last_at, "date") else strength.last_at
        )
        if strength.days_since_last is not None:
            when += " — " + p.days_ago(int(strength.days_since_last))
        lines.append(fill(translate("StakeholderMap", "Last contact: %1"), when))
    else:
        lines.append(translate("StakeholderMap", "No contact yet."))
    formula = formula if formula is not None else html.escape(formula_text())
    if formula:
        lines.append(
            "<br><i>"
            + fill(translate("StakeholderMap", "How it is computed: %1"), formula)
            + "</i>"
        )
    return "<br>".join(lines)

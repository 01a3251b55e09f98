"""Editable fields of each record kind, and their validation.

One declaration serves the dialogs (which show each message next to its field) and the CLI's
``--set FIELD=VALUE`` (which passes text). Values may arrive as text or already typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kamdesk.models.enums import BuyingRole, Direction, InteractionKind, Tier
from kamdesk.services.errors import FieldError, ValidationError
from kamdesk.services.money import parse_money

MAX_MONEY_CENTS = 10**15  # 10 000 billion: more is a typo, and stays far within SQLite's int64
MIN_YEAR, MAX_YEAR = 1900, 2200

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$")


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # text, multiline, int, money, date, datetime, email, url, choice, ref, bool, domains
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    digits: tuple[int, ...] = ()  # allowed lengths of an all-digit code (SIREN 9 / SIRET 14)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _clean_one(name: str, spec: FieldSpec, value: Any) -> Any:
    """Return the typed value or raise FieldError."""
    if isinstance(value, str) or value is None:
        raw = _text(value)
        if raw == "" and spec.kind not in ("bool", "domains"):
            if spec.required:
                raise _err(name, "required", "this field is required")
            return None
    else:
        raw = value
    kind = spec.kind
    if kind in ("text", "multiline", "url"):
        text = _text(raw)
        if spec.max_length and len(text) > spec.max_length:
            raise _err(
                name, "too_long", f"at most {spec.max_length} characters", limit=spec.max_length
            )
        if kind == "url" and " " in text:
            raise _err(name, "invalid_url", "not a web address")
        if spec.digits:
            digits = text.replace(" ", "")
            if not digits.isdigit() or len(digits) not in spec.digits:
                raise _err(
                    name,
                    "invalid_digits",
                    "expected " + " or ".join(map(str, spec.digits)) + " digits",
                    lengths=spec.digits,
                )
            return digits
        return text
    if kind == "email":
        text = _text(raw).lower()
        if not _EMAIL.match(text):
            raise _err(name, "invalid_email", "not an email address")
        return text
    if kind == "int":
        try:
            number = int(raw)
        except (TypeError, ValueError):
            raise _err(name, "invalid_number", "not a whole number") from None
        if (
            spec.minimum is not None
            and number < spec.minimum
            or spec.maximum is not None
            and number > spec.maximum
        ):
            raise _err(
                name,
                "out_of_range",
                f"must be between {spec.minimum} and {spec.maximum}",
                minimum=spec.minimum,
                maximum=spec.maximum,
            )
        return number
    if kind == "money":
        if isinstance(raw, int):
            cents = raw
        else:
            try:
                cents = parse_money(str(raw))
            except ValueError:
                raise _err(name, "invalid_amount", "not an amount (e.g. 150 000,00)") from None
        if cents < 0:
            raise _err(name, "negative_amount", "the amount cannot be negative")
        if cents > MAX_MONEY_CENTS:
            raise _err(
                name,
                "out_of_range",
                "the amount is too large",
                minimum=0,
                maximum=MAX_MONEY_CENTS // 100,
            )
        return cents
    if kind == "date":
        if isinstance(raw, dt.datetime):
            return _plausible(name, raw.date())
        if isinstance(raw, dt.date):
            return _plausible(name, raw)
        return _parse_date(name, _text(raw))
    if kind == "datetime":
        if isinstance(raw, dt.datetime):
            if raw.tzinfo is None:
                raise _err(name, "invalid_datetime", "a time zone is required")
            _plausible(name, raw.date())
            return raw.astimezone(dt.UTC)
        try:
            parsed = dt.datetime.fromisoformat(_text(raw))
        except ValueError:
            raise _err(name, "invalid_datetime", "not a date and time (YYYY-MM-DD HH:MM)") from None
        if parsed.tzinfo is None:
            parsed = parsed.astimezone()  # typed without a zone: the user's local time
        _plausible(name, parsed.date())
        return parsed.astimezone(dt.UTC)
    if kind == "choice":
        text = _text(raw)
        if text not in spec.choices:
            raise _err(
                name, "invalid_choice", "one of: " + ", ".join(spec.choices), choices=spec.choices
            )
        return text
    if kind == "ref":
        return _text(raw)
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = _text(raw).lower()
        if text in ("1", "true", "yes", "oui", "y"):
            return True
        if text in ("", "0", "false", "no", "non", "n"):
            return False
        raise _err(name, "invalid_bool", "expected yes or no")
    if kind == "domains":
        items = raw if isinstance(raw, list | tuple) else re.split(r"[,;\s]+", _text(raw))
        domains = [d.strip().lower().lstrip("@") for d in items if d and d.strip()]
        bad = [d for d in domains if not _DOMAIN.match(d)]
        if bad:
            raise _err(name, "invalid_domain", f"not a mail domain: {bad[0]}", domain=bad[0])
        return sorted(set(domains), key=domains.index)
    raise AssertionError(f"unknown field kind {kind}")


def _parse_date(name: str, text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return _plausible(name, dt.datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    raise _err(name, "invalid_date", "not a date (YYYY-MM-DD or DD/MM/YYYY)")


def _plausible(name: str, day: dt.date) -> dt.date:
    """A typo like 0202 for 2020 is a valid date, but not a plausible one for a CRM."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise _err(name, "invalid_date", f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return day


class _FieldErrorSignal(Exception):
    def __init__(self, error: FieldError) -> None:
        self.error = error


def _err(name: str, code: str, message: str, **params: Any) -> _FieldErrorSignal:
    return _FieldErrorSignal(FieldError(name, code, message, params))


def clean(
    specs: Mapping[str, FieldSpec], values: Mapping[str, Any], *, partial: bool
) -> dict[str, Any]:
    """Validate ``values`` against ``specs``; raise ValidationError listing every bad field.

    ``partial`` (an update) checks only the fields given; otherwise required fields must be there.
    """
    errors: list[FieldError] = []
    cleaned: dict[str, Any] = {}
    for name in values:
        if name not in specs:
            errors.append(
                FieldError(
                    name,
                    "unknown_field",
                    "no such field (fields: " + ", ".join(sorted(specs)) + ")",
                )
            )
    for name, spec in specs.items():
        if name not in values:
            if not partial and spec.required:
                errors.append(FieldError(name, "required", "this field is required"))
            continue
        try:
            cleaned[name] = _clean_one(name, spec, values[name])
        except _FieldErrorSignal as signal:
            errors.append(signal.error)
    if errors:
        raise ValidationError(errors)
    return cleaned


TIERS = tuple(t.value for t in Tier)
BUYING_ROLES = tuple(r.value for r in BuyingRole)

ACCOUNT_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("text", required=True, max_length=200),
    "legal_name": FieldSpec("text", max_length=200),
    "siren": FieldSpec("text", digits=(9, 14)),
    "sector": FieldSpec("text", max_length=80),
    "website": FieldSpec("url", max_length=200),
    "email_domains": FieldSpec("domains"),
    "parent_id": FieldSpec("ref"),
    "owner_id": FieldSpec("ref"),
    "tier": FieldSpec("choice", required=True, choices=TIERS),
    "description": FieldSpec("multiline"),
    "growth_potential": FieldSpec("int", minimum=0, maximum=4),
    "potential_revenue_cents": FieldSpec("money"),
    "strategic_reference": FieldSpec("int", minimum=0, maximum=2),
    "strategic_innovation": FieldSpec("int", minimum=0, maximum=2),
    "strategic_network": FieldSpec("int", minimum=0, maximum=2),
    "strategic_stability": FieldSpec("int", minimum=0, maximum=2),
    "customer_since": FieldSpec("date"),
    "renewal_date": FieldSpec("date"),
}

SITE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("text", required=True, max_length=200),
    "address": FieldSpec("text", max_length=300),
    "postal_code": FieldSpec("text", max_length=16),
    "city": FieldSpec("text", max_length=120),
    "country": FieldSpec("text", max_length=2),
    "is_headquarters": FieldSpec("bool"),
}

CONTACT_FIELDS: dict[str, FieldSpec] = {
    "civility": FieldSpec("text", max_length=16),
    "first_name": FieldSpec("text", required=True, max_length=80),
    "last_name": FieldSpec("text", required=True, max_length=80),
    "job_title": FieldSpec("text", max_length=160),
    "department": FieldSpec("text", max_length=120),
    "email": FieldSpec("email", max_length=254),
    "phone": FieldSpec("text", max_length=40),
    "mobile": FieldSpec("text", max_length=40),
    "site_id": FieldSpec("ref"),
    "reports_to_id": FieldSpec("ref"),
    "buying_role": FieldSpec("choice", choices=BUYING_ROLES),
    "influence": FieldSpec("int", minimum=1, maximum=5),
    "stance": FieldSpec("int", minimum=-2, maximum=2),
    "interests": FieldSpec("multiline"),
    "relationship_owner_id": FieldSpec("ref"),
    "consent": FieldSpec("text", max_length=40),
    "left_at": FieldSpec("date"),
    "email_bounced": FieldSpec("bool"),
}

INTERACTION_FIELDS: dict[str, FieldSpec] = {
    "kind": FieldSpec("choice", required=True, choices=tuple(k.value for k in InteractionKind)),
    "occurred_at": FieldSpec("datetime", required=True),
    "direction": FieldSpec("choice", choices=tuple(d.value for d in Direction)),
    "subject": FieldSpec("text", required=True, max_length=300),
    "body": FieldSpec("multiline"),
    "opportunity_id": FieldSpec("ref"),
    "duration_minutes": FieldSpec("int", minimum=0, maximum=24 * 60),
}

"""Money as integer cents: parse what people type, format for plain-text output.

The GUI formats with QLocale; this module serves parsing (shared by dialogs and the CLI) and
the CLI's output.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_CURRENCY = re.compile(r"(€|eur|euros?|\$|usd|£|gbp|chf)$", re.IGNORECASE)


def parse_money(text: str) -> int:
    """``"150 000,50 €"``, ``"150000.5"``, ``"1,234.50"`` → cents. Raises ValueError otherwise."""
    cleaned = _CURRENCY.sub("", _SPACES.sub("", text.strip())).strip()
    cleaned = _SPACES.sub("", cleaned)
    if not cleaned:
        raise ValueError("empty amount")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("+-")
    if "," in cleaned and "." in cleaned:
        # The separator that comes last is the decimal one: "1.234,50" or "1,234.50".
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif "," in cleaned:
        parts = cleaned.split(",")
        # "1,5" is a decimal comma; "1,234,567" groups thousands.
        cleaned = (
            cleaned.replace(",", ".")
            if len(parts) == 2 and len(parts[1]) != 3
            else cleaned.replace(",", "")
        )
        if len(parts) == 2 and len(parts[1]) == 3 and parts[0] == "0":
            cleaned = "0." + parts[1]
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    units, _, fraction = cleaned.partition(".")
    cents = int(units) * 100 + int((fraction + "00")[:2])
    return -cents if negative else cents


def format_money(cents: int, currency: str = "EUR") -> str:
    """Plain, locale-neutral text for the CLI: ``150000.00 EUR``."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d} {currency}"

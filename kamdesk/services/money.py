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
    cleaned = _SPACES.sub("", _CURRENCY.sub("", _SPACES.sub("", text.strip())))
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("+-")
    decimal = thousands = None
    if "," in cleaned and "." in cleaned:
        # The separator that comes last is the decimal one: "1.234,50" or "1,234.50".
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
    elif cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        decimal = ","  # "1,5" or "12,50": a decimal comma
    elif cleaned.count(".") == 1 and len(cleaned.split(".")[1]) != 3:
        decimal = "."
    elif "," in cleaned or "." in cleaned:
        thousands = "," if "," in cleaned else "."  # "1,234" / "1.234.567": grouped thousands
    units, _, fraction = cleaned.partition(decimal) if decimal else (cleaned, "", "")
    groups = units.split(thousands) if thousands else [units]
    grouped_ok = len(groups) == 1 or (
        1 <= len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:])
    )
    digits = "".join(groups)
    if not (
        grouped_ok and digits.isdigit() and (fraction == "" or re.fullmatch(r"\d{1,2}", fraction))
    ):
        raise ValueError(f"not an amount: {text!r}")
    cents = int(digits) * 100 + int((fraction + "00")[:2])
    return -cents if negative else cents


def format_money(cents: int, currency: str = "EUR") -> str:
    """Plain, locale-neutral text for the CLI: ``150000.00 EUR``."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d} {currency}"

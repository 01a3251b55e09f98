"""Numbers, money and dates as the user's locale writes them (``150 000,00 €``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def money(cents: int | None, currency: str = "EUR", *, decimals: int = 2) -> str:
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, _SYMBOLS.get(currency, currency), decimals)


def money_short(cents: int | None, currency: str = "EUR") -> str:
    """Compact amounts for headers and cards: 1,2 M€, 350 k€."""
    if cents is None:
        return ""
    euros = cents / 100
    symbol = _SYMBOLS.get(currency, currency)
    loc = QLocale()
    if abs(euros) >= 1_000_000:
        return f"{loc.toString(euros / 1_000_000, 'f', 1)} M{symbol}"
    if abs(euros) >= 10_000:
        return f"{loc.toString(round(euros / 1000))} k{symbol}"
    return loc.toCurrencyString(euros, symbol, 0)


def percent(fraction: float, decimals: int = 1) -> str:
    return QLocale().toString(fraction * 100, "f", decimals) + "\u202f%"


def date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{date(local.date())} {local:%H:%M}"


def ago(value: dt.datetime | dt.date | None, today: dt.date | None = None) -> str:
    """ "today", "3 days ago", "5 months ago" — how fresh a last contact is, at a glance."""
    if value is None:
        return QCoreApplication.translate("Formatting", "never")
    day = value.astimezone().date() if isinstance(value, dt.datetime) else value
    days = ((today or dt.date.today()) - day).days
    if days <= 0:
        return QCoreApplication.translate("Formatting", "today")
    if days < 60:
        return _PLURALS.days_ago(days)
    return _PLURALS.months_ago(days // 30)


class Formatting(QObject):
    """Plural sentences: pyside6-lupdate extracts plural forms only from ``self.tr(text, "", n)``."""

    def days_ago(self, days: int) -> str:
        return self.tr("%n day(s) ago", "", days)

    def months_ago(self, months: int) -> str:
        return self.tr("%n month(s) ago", "", months)


_PLURALS = Formatting()


def file_size(size: int) -> str:
    return QLocale().formattedDataSize(size)

"""Parsing amounts the way French and English users type them."""

import pytest

from kamdesk.services.money import format_money, parse_money


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("150 000,50 €", 15_000_050),
        ("150\u202f000,50\u00a0€", 15_000_050),
        ("150000.5", 15_000_050),
        ("1,234.50", 123_450),
        ("1.234,50", 123_450),
        ("1,5", 150),
        ("1,234,567", 123_456_700),
        ("42 EUR", 4_200),
        ("-12,30", -1_230),
        ("0", 0),
    ],
)
def test_parse_money(text: str, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    "text", ["", "abc", "12,5,5", "1.2.3,4", "0,123", "12.3456", "1,23456", "€"]
)
def test_parse_money_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text)


def test_format_money() -> None:
    assert format_money(15_000_050) == "150000.50 EUR"
    assert format_money(-5, "USD") == "-0.05 USD"

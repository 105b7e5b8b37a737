from decimal import Decimal

import pytest

from wijkgeld.core.money import AmountError, cents_to_str, format_euros, parse_euros, share


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12", 1200),
        ("12.5", 1250),
        ("1.234,56", 123456),
        ("1234.56", 123456),
        ("€ 7,05", 705),
        (Decimal("0.01"), 1),
        (3, 300),
        ("2.500", 250000),
        ("1.250.000", 125000000),
        ("2.50", 250),
    ],
)
def test_parse_euros_accepts_dutch_and_plain_notation(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize(
    "text", ["", "abc", "1,234", "12.3456", "1.2345", "0", "-5", "1e3x", "NaN", "Infinity"]
)
def test_parse_euros_refuses_bad_amounts(text):
    with pytest.raises(AmountError):
        parse_euros(text)


def test_zero_and_negative_only_when_asked():
    assert parse_euros("0", allow_zero=True) == 0
    assert parse_euros("-5", allow_negative=True) == -500


def test_formatting_per_language():
    assert format_euros(123456, language="nl") == "€\u00a01.234,56"
    assert format_euros(123456, language="en") == "€1,234.56"
    assert format_euros(-5, language="nl") == "-€\u00a00,05"
    assert cents_to_str(100000005) == "1000000.05"


def test_share_is_exact_and_none_for_zero_whole():
    assert share(1, 3) == Decimal("0.3333")
    assert share(5, 0) is None

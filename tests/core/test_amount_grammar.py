"""The amount grammar of docs/money.md: exact cases, and properties that no text gives a crash or a wrong amount."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wijkgeld.core.forms import EuroField
from wijkgeld.core.money import (
    MAX_CENTS,
    AmountError,
    cents_to_str,
    format_amount_input,
    format_euros,
    parse_euros,
)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1250", 125_000),
        ("1.250", 125_000),
        ("10.000", 1_000_000),
        ("1.250.000", 125_000_000),
        ("1.250,50", 125_050),
        ("1250,50", 125_050),
        ("1250,5", 125_050),
        ("1250.50", 125_050),
        ("12.5", 1250),
        ("0,01", 1),
        ("€ 1.234,56", 123_456),
        ("€1234", 123_400),
        ("1234 €", 123_400),
        ("\u00a0€\u00a010.000,00 ", 1_000_000),
        ("007", 700),
    ],
)
def test_documented_notations(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("10,000.00", "english notation"),
        ("1,000,000", "english notation"),
        ("1,250.5", "english notation"),
        ("10,000", "more than two decimals"),
        ("12,345", "more than two decimals"),
        ("12.3456", "more than two decimals"),
        ("1e30", "not a number"),
        ("1E+400", "not a number"),
        ("1e-2", "not a number"),
        ("+5", "not a number"),
        ("1_000", "not a number"),
        ("inf", "not a number"),
        ("Infinity", "not a number"),
        ("nan", "not a number"),
        ("NaN", "not a number"),
        ("1.25.0", "not a number"),
        ("1.2345,6", "not a number"),
        ("1234.567", "not a number"),
        ("12.", "not a number"),
        (".5", "not a number"),
        (",5", "not a number"),
        ("1 250", "not a number"),
        ("--5", "not a number"),
        ("\u22125", "not a number"),  # a typographic minus is not a minus
        ("0x10", "not a number"),
        ("١٢٣", "digits"),  # Arabic-Indic
        ("１２", "digits"),  # full width
        ("½", "digits"),
        ("", "empty"),
        ("€", "empty"),
        ("9" * 17, "too large"),
        ("0", "zero"),
        ("0,00", "zero"),
        ("-5", "negative"),
        ("-€ 5", "negative"),
    ],
)
def test_everything_else_is_refused_with_a_reason(text, reason):
    with pytest.raises(AmountError) as exc:
        parse_euros(text)
    assert str(exc.value) == reason


def test_decimals_ints_and_limits():
    assert parse_euros(Decimal("12.50")) == 1250
    assert parse_euros(7) == 700
    assert parse_euros("-€ 0,05", allow_negative=True) == -5
    assert parse_euros("0", allow_zero=True) == 0
    for bad, reason in [
        (Decimal("1E+400"), "too large"),
        (Decimal("1e30"), "too large"),
        (Decimal("NaN"), "not a number"),
        (Decimal("Infinity"), "not a number"),
        (Decimal("0.001"), "more than two decimals"),
        (Decimal("1.0000000000000000000000000001"), "more than two decimals"),
        (True, "unsupported type"),
        (1.5, "unsupported type"),
    ]:
        with pytest.raises(AmountError, match=reason):
            parse_euros(bad)
    with pytest.raises(AmountError, match="too large"):
        parse_euros("1.001", max_cents=100_000)


def _reference(text: str) -> int | None:
    """The grammar of docs/money.md, written a second, independent way (split, not regular expressions)."""
    s = text.strip(" \u00a0\u202f\t")
    negative = s.startswith("-")
    if negative:
        s = s[1:].lstrip(" \u00a0\u202f\t")
    if s.startswith("€"):
        s = s[1:].lstrip(" \u00a0\u202f\t")
    elif s.endswith("€"):
        s = s[:-1].rstrip(" \u00a0\u202f\t")
    if s.startswith("-") and not negative:
        negative, s = True, s[1:]

    def digits(part: str) -> bool:
        return part != "" and all(c in "0123456789" for c in part)

    def whole_euros(part: str) -> int | None:
        if digits(part):
            return int(part)
        groups = part.split(".")
        head_ok = len(groups) > 1 and digits(groups[0]) and len(groups[0]) <= 3
        if head_ok and all(digits(g) and len(g) == 3 for g in groups[1:]):
            return int("".join(groups))
        return None

    if s.count(",") == 1:
        whole_text, cents_text = s.split(",")
        whole = whole_euros(whole_text)
        if whole is None or not digits(cents_text) or len(cents_text) > 2:
            return None
    elif s.count(",") == 0:
        whole, cents_text = whole_euros(s), ""
        if whole is None:
            head, dot, tail = s.rpartition(".")
            if dot and digits(head) and digits(tail) and len(tail) <= 2:
                whole, cents_text = int(head), tail
            else:
                return None
    else:
        return None
    cents = whole * 100 + int(cents_text.ljust(2, "0"))
    if cents > MAX_CENTS:
        return None
    return -cents if negative else cents


AMOUNT_CHARACTERS = "0123456789.,€ -+eE_\u00a0\u0663\uff11∞nainf"


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(alphabet=AMOUNT_CHARACTERS, max_size=24), st.text(max_size=24)))
@example("10,000.00")
@example("1e30")
@example("1E+400")
def test_any_text_parses_to_the_documented_value_or_gives_the_error(text):
    expected = _reference(text)
    try:
        got = parse_euros(text, allow_zero=True, allow_negative=True)
    except AmountError:
        got = None
    assert got == expected


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS))
def test_every_way_we_write_an_amount_reads_back_the_same(cents):
    for text in (
        format_amount_input(cents),
        format_euros(cents, language="nl"),
        cents_to_str(cents),
        str(cents_to_str(cents)).replace(".", ","),
    ):
        assert parse_euros(text, allow_zero=True, allow_negative=True) == cents, text


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["plain", "grouped"]),
    st.sampled_from(["", ",d", ",dd", ".dd", ".d"]),
)
def test_generated_dutch_and_plain_texts_mean_what_they_say(euros, whole_style, decimals_style):
    whole = f"{euros:,}".replace(",", ".") if whole_style == "grouped" else str(euros)
    if whole_style == "grouped" and decimals_style.startswith(".") and "." in whole:
        return  # '1.250.50' mixes grouping dots with a decimal dot: refused, tested above
    cents = euros * 100
    text = whole
    if decimals_style:
        digits = "7" if decimals_style.endswith("d") and len(decimals_style) == 2 else "45"
        text = f"{whole}{decimals_style[0]}{digits}"
        cents += int(digits.ljust(2, "0"))
    assert parse_euros(text, allow_zero=True) == cents


class _Form(forms.Form):
    amount = EuroField(label="Bedrag")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=AMOUNT_CHARACTERS, max_size=40), st.text(max_size=40)))
@example("\u20035")
def test_the_form_field_never_raises_anything_but_a_validation_error(text):
    form = _Form({"amount": text})
    if form.is_valid():
        assert form.cleaned_data["amount"] == _reference(text.strip())  # CharField strips first
    else:
        assert "amount" in form.errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10,000.00", "Dutch way"),
        ("١٢٣", "digits 0 to 9"),
        ("10,000", "Separate thousands with a dot"),
        ("1e30", "for example 1250"),
    ],
)
def test_the_field_explains_what_to_write(text, message):
    form = _Form({"amount": text})
    with translation.override("en"):
        assert not form.is_valid()
        assert message in form.errors["amount"][0]


def test_a_stored_amount_is_shown_in_euros_that_read_back():
    form = _Form(initial={"amount": 1_000_000})
    assert re.search(r'value="10\.000"', str(form["amount"]))
    assert _Form(initial={"amount": 125_050})["amount"].value() == "1.250,50"
    assert _Form({"amount": "12,5"})["amount"].value() == "12,5"  # typed text is shown as typed

"""One rounding everywhere: single amounts to the nearest cent; parts of a whole add up to the whole."""

from fractions import Fraction

import pytest

from wijkgeld.core.money import round_cents, split_cents


@pytest.mark.parametrize(
    ("exact", "cents"),
    [(Fraction(293766, 100), 2938), (Fraction(5, 2), 3), (Fraction(7, 3), 2), (Fraction(-5, 2), -3), (0, 0)],
)
def test_round_cents_is_nearest_with_halves_up(exact, cents):
    assert round_cents(exact) == cents


def test_parts_add_up_to_the_total_after_rounding():
    # The demo's receipt: € 140,1818… + € 13,8181… of a share of € 154,00 (and nothing left).
    rounded = split_cents([Fraction(154200, 11), Fraction(15200, 11), Fraction(0)], 15400)
    assert rounded == [14018, 1382, 0]
    assert sum(rounded) == 15400


def test_equal_thirds_add_up():
    assert split_cents([Fraction(100, 3)] * 3, 100) == [34, 33, 33]


def test_parts_that_do_not_make_the_total_are_rounded_one_by_one():
    assert split_cents([Fraction(101, 2), Fraction(1, 3)], 10_000) == [51, 0]

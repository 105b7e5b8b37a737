"""Geometry for the accessible SVG charts: bars with their values written next to them, and an axis.

The templates draw; this module only scales. Every chart has a table with the same numbers beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijkgeld.core.money import format_euros

WIDTH = 300  # SVG units; the charts scale to the width of the screen
BAR_ROW = 38  # height of one labelled bar
AXIS = 30  # room for the axis and its labels


@dataclass
class Bar:
    label: str
    value_text: str
    width: float
    y: int
    colour: str


@dataclass
class Tick:
    x: float
    text: str
    anchor: str


@dataclass
class Chart:
    bars: list[Bar]
    ticks: list[Tick]
    height: int
    axis_y: int


def _ticks(largest: int, text) -> list[Tick]:
    return [
        Tick(x=round(WIDTH * part / 4, 1), text=text(largest * part // 4), anchor=anchor)
        for part, anchor in ((0, "start"), (2, "middle"), (4, "end"))
    ]


def _chart(rows: list[tuple[str, str, int, str]], largest: int, tick_text) -> Chart:
    largest = max(largest, 1)
    bars = [
        Bar(
            label=label,
            value_text=value_text,
            width=round(WIDTH * max(value, 0) / largest, 1),
            y=index * BAR_ROW,
            colour=colour,
        )
        for index, (label, value_text, value, colour) in enumerate(rows)
    ]
    axis_y = len(rows) * BAR_ROW + 4
    return Chart(bars=bars, ticks=_ticks(largest, tick_text), height=axis_y + AXIS, axis_y=axis_y)


def _euros(cents: int) -> str:
    """Whole euros for chart labels ('€ 1.234' or '€1,234'); the tables give the cents."""
    text = format_euros(cents - cents % 100, language=get_language() or "nl")
    return text[:-3]


MONEY_BARS = (("granted", "#154273"), ("committed", "#a84f00"), ("paid", "#2e6b30"))


def money_multiples(rows) -> list[tuple[object, Chart]]:
    """A small chart per area (granted, committed, paid) on one shared scale, so areas compare by eye."""
    labels = {"granted": _("Granted"), "committed": _("Committed"), "paid": _("Paid")}
    largest = max([getattr(r.figures, key) for r in rows for key, _c in MONEY_BARS] or [1])
    charts = []
    for row in rows:
        values = [(key, getattr(row.figures, key), colour) for key, colour in MONEY_BARS]
        charts.append(
            (
                row,
                _chart(
                    [(labels[key], _euros(v), v, colour) for key, v, colour in values],
                    largest,
                    _euros,
                ),
            )
        )
    return charts


def _percent(fraction: Decimal | None) -> str:
    if fraction is None:
        return "–"
    text = f"{fraction * 100:.1f}"
    return (text.replace(".", ",") if (get_language() or "nl").startswith("nl") else text) + "%"


def share_chart(rows, key: str) -> Chart:
    """One bar per area for a share (0–1), on an axis from 0 % to 100 %."""
    scale = 10_000
    data = []
    for row in rows:
        value: Decimal | None = getattr(row.figures, key)
        data.append((row.name, _percent(value), int((value or 0) * scale), "#154273"))
    return _chart(data, scale, lambda v: _percent(Decimal(v) / scale))

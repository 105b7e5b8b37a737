"""The result against the budget as bars: sizes for small inline SVGs (the words stay in HTML).

Each bar is an SVG of 1000 units wide that stretches to its row; the amounts and names are HTML text
next to it, so screen readers and narrow screens get the same information without the picture.
"""

from __future__ import annotations

from typing import Any

WIDTH = 1000


def _units(cents: int, budget_cents: int) -> int:
    return min(WIDTH, cents * WIDTH // budget_cents) if budget_cents > 0 else 0


def result_chart(rows: list[dict[str, Any]], budget_cents: int) -> dict[str, Any]:
    """One stacked bar of the chosen ideas against the budget, and one bar per idea."""
    segments, x = [], 0
    for row in rows:
        if row["selected"]:
            width = _units(row["cost_cents"], budget_cents)
            segments.append({"x": x, "width": width, "title": row["title"], "shade": len(segments) % 2})
            x += width
    spent = sum(r["cost_cents"] for r in rows if r["selected"])
    return {
        "segments": segments,
        "spent_cents": spent,
        "left_cents": max(budget_cents - spent, 0),
        "bars": [
            {
                "title": r["title"],
                "cost": r["cost"],
                "width": max(_units(r["cost_cents"], budget_cents), 4),  # a sliver stays visible
                "selected": r["selected"],
            }
            for r in rows
        ],
    }

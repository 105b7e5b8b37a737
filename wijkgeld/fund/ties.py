"""Did a tie-break decide the result? Said plainly on the results page.

A tie-break decided when the same ballots, counted with the same rule but another tie-break order,
choose other ideas. We recount with a few other orders (project number, two lotteries); the first
that differs is shown: which ideas would then have been chosen, and which not. Next to that, ideas
with as many votes as a chosen idea get a sentence that says why they were not chosen.
"""

from __future__ import annotations

from typing import Any

from wijkgeld.fund import counting
from wijkgeld.pb import RuleError

ALTERNATIVES = ("id", "cost-then-votes", "lottery:1", "lottery:2")
# Above this many ballots the extra counts take too long for a page view; we then say nothing.
MAX_BALLOTS_TO_RECOUNT = 20_000


def tie_break_outcome(result) -> dict[str, Any] | None:
    """{"tie_break": other order, "would_win": [...], "would_lose": [...]} or None if no order differs."""
    if result.num_ballots > MAX_BALLOTS_TO_RECOUNT:
        return None
    chosen = set(result.selected)
    for other in ALTERNATIVES:
        if other == result.tie_break:
            continue
        try:
            again = counting.published_tally(
                result.pb_text, result.sha256, rule=result.rule, completion=result.completion, tie_break=other
            )
        except RuleError:
            continue
        if set(again.selected) != chosen:
            return {
                "tie_break": other,
                "would_win": sorted(set(again.selected) - chosen, key=_key),
                "would_lose": sorted(chosen - set(again.selected), key=_key),
            }
    return None


def equal_votes(result) -> list[dict[str, Any]]:
    """Pairs of a chosen and a not chosen idea with the same number of votes."""
    projects = result.explanation["projects"]
    pairs = []
    for lost_id, lost in projects.items():
        if lost["selected"] or not lost["votes"]:
            continue
        for won_id, won in projects.items():
            # Ideas of different neighbourhoods never competed for the same money.
            same_part = won.get("sub_area") == lost.get("sub_area")
            if won["selected"] and won["votes"] == lost["votes"] and same_part:
                pairs.append({"won": won_id, "lost": lost_id, "votes": lost["votes"]})
    return sorted(pairs, key=lambda p: (_key(p["lost"]), _key(p["won"])))


def _key(pid: str) -> tuple[int, str]:
    return (int(pid), pid) if pid.isdigit() else (10**9, pid)

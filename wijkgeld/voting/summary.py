"""The one summary of a ballot: "3 of 3 ideas, € 11.500,00 of € 15.000,00", a budget meter and warnings.

The server renders it on every step (so it works without JavaScript: "Check my choice" shows it);
`static/voting/ballot.js` fills in the same sentences live, from the patterns the template hands it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wijkgeld.voting.selection import Selection, euros

# Patterns shared by the server and the script (the script replaces the %(name)s parts).
COUNT_OF_MAX = gettext_noop("%(count)s of %(max)s ideas, %(total)s of %(budget)s")
COUNT_ONLY = gettext_noop("%(count)s chosen, %(total)s of %(budget)s")
POINTS = gettext_noop("%(used)s of %(total)s points given, %(left)s left")
OVER_MAX = gettext_noop("That is more than %(max)s ideas. Remove an idea.")
OVER_BUDGET = gettext_noop("That is more than the budget of %(budget)s. Remove an idea.")
OVER_POINTS = gettext_noop("That is more than %(total)s points. Take points away.")


def patterns() -> dict[str, str]:
    """The translated patterns, for the template's data attributes."""
    names = {
        "count-of-max": COUNT_OF_MAX,
        "count-only": COUNT_ONLY,
        "points": POINTS,
        "over-max": OVER_MAX,
        "over-budget": OVER_BUDGET,
        "over-points": OVER_POINTS,
    }
    return {key: _(text) for key, text in names.items()}


def ballot_summary(round_, projects, selection: Selection, budget_cents: int | None = None) -> dict:
    """`budget_cents`: the voter's neighbourhood budget in a round with a budget per neighbourhood."""
    chosen = [p for p in projects if p.id in selection.approvals]
    total_cost = sum(p.cost_cents for p in chosen)
    points_used = sum((selection.points or {}).values())
    points_total = round_.points_total or 0
    budget = budget_cents if budget_cents is not None else round_.budget_cents
    cumulative = round_.ballot_type == "cumulative"
    warnings = []
    if cumulative:
        text = _(POINTS) % {"used": points_used, "total": points_total, "left": points_total - points_used}
        if points_used > points_total:
            warnings.append(_(OVER_POINTS) % {"total": points_total})
    else:
        values = {
            "count": len(chosen),
            "max": round_.max_projects,
            "total": euros(total_cost),
            "budget": euros(budget),
        }
        text = (_(COUNT_OF_MAX) if round_.max_projects else _(COUNT_ONLY)) % values
        if round_.max_projects and len(chosen) > round_.max_projects:
            warnings.append(_(OVER_MAX) % values)
        if round_.limit_to_budget and total_cost > budget:
            warnings.append(_(OVER_BUDGET) % values)
    return {
        "chosen": chosen,
        "count": len(chosen),
        "total_cost": total_cost,
        "total_cost_text": euros(total_cost),
        "budget_text": euros(budget),
        "points_used": points_used,
        "points_left": points_total - points_used,
        "text": text,
        "warnings": warnings,
        # The meter never runs past its end; the warning says by how much the choice is over.
        "meter_value": min(points_used, points_total) if cumulative else min(total_cost, budget),
        "meter_max": points_total if cumulative else budget,
        "patterns": patterns(),
    }


def idea_photos(round_) -> dict[str, object]:
    """The first photo of each admitted idea, by project id, to show on the ballot."""
    from wijkgeld.fund.models import Photo

    photos: dict[str, object] = {}
    rows = Photo.objects.filter(proposal__round=round_, proposal__status="admitted", update=None)
    for photo in rows.select_related("proposal").order_by("proposal__number", "id"):
        photos.setdefault(photo.proposal.project_id, photo)
    return photos

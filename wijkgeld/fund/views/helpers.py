from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse

from wijkgeld.fund.models import Proposal, Round


def round_in_area(area, round_id: int) -> Round:
    return get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id, fund__area=area)


def round_by_slug(slug: str, round_id: int) -> Round:
    return get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id, fund__area__slug=slug)


def proposal_in_round(round_: Round, number: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("round__fund__area", "on_behalf_of"), round=round_, number=number
    )


def optional_url(name: str, **kwargs) -> str | None:
    """A URL of a neighbouring app (voting, money) if it exists in this installation."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def voting_links(round_: Round) -> dict[str, str | None]:
    slug = round_.area.slug
    return {
        "ballot": optional_url("voting:area_start", slug=slug),
        "manage": optional_url("voting:committee", slug=slug, round_id=round_.pk),
    }

"""The home page and the area page: what is happening now, and how residents take part."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area
from wijkgeld.public.national.freshness import conditional
from wijkgeld.public.now import happenings
from wijkgeld.public.registry import area_links


@conditional
def home(request):
    areas = Area.objects.all()
    return render(request, "public/home.html", {"areas": areas, "happenings": happenings()})


def _fund_summary(area) -> dict | None:
    """The resident fund's current round: what residents decide on here, and how much."""
    from wijkgeld.fund.models import Round

    rounds = Round.objects.filter(fund__area=area).exclude(phase=Round.Phase.PREPARATION)
    current = rounds.exclude(phase=Round.Phase.CLOSED).order_by("-year", "-id").first()
    return {"round": current or rounds.first(), "count": rounds.count()} if rounds.exists() else None


@conditional
def area_detail(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    links = [link for link in area_links() if link.action is None or can(request.user, link.action, area)]
    return render(
        request,
        "public/area.html",
        {
            "area": area,
            "happenings": happenings(areas=[area]),
            "fund": _fund_summary(area),
            "neighbourhoods": area.neighbourhoods.all(),
            "organisations": area.local_organisations.all(),
            "links": links,
            "may_see_audit": can(request.user, "area.view_audit", area),
        },
    )

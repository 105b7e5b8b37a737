"""What is happening now in the areas: open votes, rounds open for ideas, the next alliance meeting.

The home page and the area page lead with these, each with one clear button. `public` is the top layer,
so it reads the fund and alliance models directly; the words are in the template (`_happening.html`)
so that dates follow the visitor's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

VOTE, IDEAS, RESULT, MEETING = "vote", "ideas", "result", "meeting"
# How long a published result stays "news" on the home page.
RESULT_NEWS_DAYS = 90


@dataclass(frozen=True)
class Happening:
    kind: str  # VOTE, IDEAS, RESULT or MEETING
    area: object
    title: str  # the round or meeting title
    url: str  # where the one button goes
    until: dt.datetime | None = None  # voting closes / ideas close
    at: dt.datetime | None = None  # the meeting starts / the result was published
    budget_cents: int | None = None

    @property
    def sort_key(self) -> tuple:
        order = {VOTE: 0, IDEAS: 1, MEETING: 2, RESULT: 3}[self.kind]
        moment = self.until or self.at
        return (order, moment.timestamp() if moment else 0.0, str(self.area))


def _url(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _round_happenings(area_ids: set[int] | None, now: dt.datetime) -> list[Happening]:
    from wijkgeld.fund.models import Round

    rounds = Round.objects.select_related("fund__area", "result").filter(
        phase__in=[Round.Phase.IDEAS, Round.Phase.VOTING, Round.Phase.RESULTS, Round.Phase.EXECUTION]
    )
    if area_ids is not None:
        rounds = rounds.filter(fund__area_id__in=area_ids)
    found = []
    for r in rounds:
        area = r.fund.area
        if r.phase == Round.Phase.VOTING:
            url = _url("voting:area_start", slug=area.slug) or r.get_absolute_url()
            found.append(Happening(VOTE, area, r.title, url, until=r.voting_end, budget_cents=r.budget_cents))
        elif r.phase == Round.Phase.IDEAS:
            url = reverse("fund:idea_new", kwargs={"slug": area.slug, "round_id": r.pk})
            found.append(
                Happening(IDEAS, area, r.title, url, until=r.assessment_start, budget_cents=r.budget_cents)
            )
        else:
            result = getattr(r, "result", None)
            published = result.published_at if result is not None else None
            if published and published >= now - dt.timedelta(days=RESULT_NEWS_DAYS):
                url = reverse("fund:results", kwargs={"slug": area.slug, "round_id": r.pk})
                found.append(Happening(RESULT, area, r.title, url, at=published, budget_cents=r.budget_cents))
    return found


def _meeting_happenings(area_ids: set[int] | None, now: dt.datetime) -> list[Happening]:
    try:
        from wijkgeld.alliance.models import Meeting
    except ImportError:  # an installation without the alliance app
        return []
    meetings = (
        Meeting.objects.select_related("alliance__area")
        .filter(starts_at__gte=now, cancelled=False)
        .order_by("starts_at")
    )
    if area_ids is not None:
        meetings = meetings.filter(alliance__area_id__in=area_ids)
    found: dict[int, Happening] = {}
    for m in meetings[:200]:
        area = m.alliance.area
        if area.pk in found:
            continue  # only the next meeting of each area
        url = _url("alliance:meeting", slug=area.slug, pk=m.pk)
        if url:
            found[area.pk] = Happening(MEETING, area, m.title, url, at=m.starts_at)
    return list(found.values())


def happenings(*, areas: Iterable | None = None, now: dt.datetime | None = None) -> list[Happening]:
    """What residents can do now, most urgent first: vote, send an idea, come to a meeting, see a result."""
    now = now or timezone.now()
    area_ids = None if areas is None else {a.pk for a in areas}
    found = _round_happenings(area_ids, now) + _meeting_happenings(area_ids, now)
    return sorted(found, key=lambda h: h.sort_key)

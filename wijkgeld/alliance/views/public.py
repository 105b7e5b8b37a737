"""Pages anyone may open: who sits in the alliance, meetings, public decisions, the calendar feed.

Members of the area see more on the same pages (members-only documents, the online link, forms).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import can
from wijkgeld.alliance import queries
from wijkgeld.alliance.forms import QuestionForm
from wijkgeld.alliance.ical import calendar
from wijkgeld.alliance.models import AgendaItem, Alliance, Meeting
from wijkgeld.alliance.permissions import may_chair
from wijkgeld.alliance.views.common import alliance_of
from wijkgeld.areas.models import Area


def _rights(user, alliance) -> dict:
    area = alliance.area
    return {
        "is_member": can(user, "alliance.view_members", area),
        "may_manage": can(user, "alliance.manage", area),
        "may_propose": can(user, "alliance.propose_item", area),
        "may_ask": can(user, "alliance.ask_question", area),
        "may_chair": may_chair(user, alliance),
    }


@require_GET
def alliance_page(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    alliance = Alliance.objects.filter(area=area).select_related("area", "chair").first()
    if alliance is None:
        # The area page links here for every area; say plainly that there is nothing yet.
        return render(
            request,
            "alliance/none.html",
            {"area": area, "may_manage": can(request.user, "alliance.manage", area)},
        )
    today = timezone.localdate()
    now = timezone.now()
    return render(
        request,
        "alliance/public.html",
        {
            "area": area,
            "alliance": alliance,
            "partners": alliance.partners.select_related("organisation").prefetch_related("representatives"),
            "delegates": [d for d in alliance.delegates.select_related("user") if d.is_active_on(today)],
            "upcoming": queries.upcoming_meetings(alliance, now=now)[:10],
            "past": queries.past_meetings(alliance, now=now)[:10],
            "decisions": queries.visible_decisions(request.user, alliance)[:5],
            **_rights(request.user, alliance),
        },
    )


@require_GET
def decisions_page(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    alliance = alliance_of(area)
    page = Paginator(queries.visible_decisions(request.user, alliance), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "alliance/decisions.html",
        {"area": area, "alliance": alliance, "page": page, **_rights(request.user, alliance)},
    )


@require_GET
def meeting_page(request, slug: str, pk: int):
    area = get_object_or_404(Area, slug=slug)
    alliance = alliance_of(area)
    meeting = get_object_or_404(Meeting, pk=pk, alliance=alliance)
    rights = _rights(request.user, alliance)
    documents = queries.visible_documents(request.user, meeting)
    report = queries.late_documents(meeting, now=timezone.now())
    visible_ids = {d.pk for d in documents}
    return render(
        request,
        "alliance/meeting.html",
        {
            "area": area,
            "alliance": alliance,
            "meeting": meeting,
            "items": meeting.agenda_items.filter(status=AgendaItem.Status.PLANNED),
            "documents": [(d, queries.delegates_received_at(d)) for d in documents],
            "late": report,
            "late_visible": [entry for entry in report.late if entry.document.pk in visible_ids],
            "decisions": queries.visible_decisions(request.user, alliance).filter(meeting=meeting),
            "may_read_minutes": queries.may_read_minutes(request.user, meeting),
            "is_past": meeting.starts_at <= timezone.now(),
            "question_form": QuestionForm(),
            **rights,
        },
    )


@require_GET
def calendar_feed(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    alliance = alliance_of(area)
    domain = urlsplit(settings.SITE_URL).hostname or "wijkgeld.local"
    body = calendar(
        name=f"{alliance.name}",
        meetings=alliance.meetings.all(),
        url_for=lambda m: request.build_absolute_uri(
            reverse("alliance:meeting", kwargs={"slug": area.slug, "pk": m.pk})
        ),
        now=timezone.now(),
        domain=domain,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{area.slug}-alliantie.ics"'
    return response

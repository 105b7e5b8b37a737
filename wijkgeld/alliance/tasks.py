"""Alliance tasks for the chair: questions to answer and proposed agenda items to plan."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from wijkgeld.core.tasks import Task, register_task_provider


@register_task_provider
def alliance_tasks(user):
    from wijkgeld.alliance.models import AgendaItem, Alliance, Question
    from wijkgeld.alliance.permissions import may_chair

    for alliance in Alliance.objects.select_related("area"):
        if not may_chair(user, alliance):
            continue
        area = alliance.area
        for question in Question.objects.filter(document__alliance=alliance, answered_at__isnull=True):
            yield Task(
                "alliance.question.answer",
                _("Answer a question about “%(document)s”.") % {"document": question.document.title},
                reverse("alliance:answer", kwargs={"slug": area.slug, "pk": question.pk}),
                area,
            )
        proposed = AgendaItem.objects.filter(alliance=alliance, status=AgendaItem.Status.PROPOSED)
        for item in proposed:
            yield Task(
                "alliance.agenda.plan",
                _("Plan or decline the proposed agenda item “%(title)s”.") % {"title": item.title},
                reverse("alliance:agenda", kwargs={"slug": area.slug}),
                area,
            )

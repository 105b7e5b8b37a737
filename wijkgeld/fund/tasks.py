"""Fund tasks: ideas the committee member still has to assess."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import areas_where
from wijkgeld.core.tasks import Task, register_task_provider


@register_task_provider
def fund_tasks(user):
    from wijkgeld.fund.models import Proposal, Round

    ideas = (
        Proposal.objects.filter(
            round__phase=Round.Phase.ASSESSMENT,
            round__fund__area__in=areas_where(user, "fund.assess"),
            status__in=[Proposal.Status.SUBMITTED],
        )
        .exclude(assessments__member=user)
        .exclude(conflicts__member=user)  # a member with a conflict of interest may not assess it
        .select_related("round__fund__area")
        .order_by("round_id", "number")
    )
    for idea in ideas:
        area = idea.round.fund.area
        yield Task(
            "fund.idea.assess",
            _("Assess the idea “%(title)s” (%(round)s).") % {"title": idea.title, "round": idea.round.title},
            reverse(
                "fund:assess", kwargs={"slug": area.slug, "round_id": idea.round_id, "number": idea.number}
            ),
            area,
        )

"""Voting tasks: paper ballots entered once that wait for a second committee member."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from wijkgeld.accounts.permissions import areas_where
from wijkgeld.core.tasks import Task, register_task_provider


@register_task_provider
def voting_tasks(user):
    from wijkgeld.voting.models import PaperBallot

    rows = (
        PaperBallot.objects.filter(
            status=PaperBallot.Status.FIRST, round__fund__area__in=areas_where(user, "voting.enter_paper")
        )
        .exclude(first_by=user)  # the second entry must be by another member
        .values("round_id", "round__title", "round__fund__area__slug", "round__fund__area__name")
        .annotate(n=Count("id"))
    )
    for row in rows:
        yield Task(
            "voting.paper.second",
            ngettext(
                "%(n)d paper ballot of %(round)s waits for a second entry.",
                "%(n)d paper ballots of %(round)s wait for a second entry.",
                row["n"],
            )
            % {"n": row["n"], "round": row["round__title"]},
            reverse(
                "voting:paper", kwargs={"slug": row["round__fund__area__slug"], "round_id": row["round_id"]}
            ),
            row["round__fund__area__name"],
            row["n"],
        )

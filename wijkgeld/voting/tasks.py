"""Voting tasks: paper ballots entered once that wait for a second committee member, and differences
between two entries that wait for a third member (never one of the two who entered them)."""

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


@register_task_provider
def voting_difference_tasks(user):
    from wijkgeld.voting.models import PaperBallot

    rows = (
        PaperBallot.objects.filter(
            status=PaperBallot.Status.MISMATCH,
            round__fund__area__in=areas_where(user, "voting.enter_paper"),
        )
        .exclude(first_by=user)
        .exclude(second_by=user)  # only a third member resolves a difference
        .values("round_id", "round__title", "round__fund__area__slug", "round__fund__area__name")
        .annotate(n=Count("id"))
    )
    for row in rows:
        yield Task(
            "voting.paper.resolve",
            ngettext(
                "%(n)d paper ballot of %(round)s has two entries that differ: resolve it.",
                "%(n)d paper ballots of %(round)s have two entries that differ: resolve them.",
                row["n"],
            )
            % {"n": row["n"], "round": row["round__title"]},
            reverse(
                "voting:mismatches",
                kwargs={"slug": row["round__fund__area__slug"], "round_id": row["round_id"]},
            ),
            row["round__fund__area__name"],
            row["n"],
        )


@register_task_provider
def voting_replacement_tasks(user):
    """A new code for a lost letter, asked for at the help desk, waits for a committee member who did not ask."""
    from wijkgeld.voting.models import CodeBatch

    rows = (
        CodeBatch.objects.filter(
            status=CodeBatch.Status.REQUESTED,
            kind=CodeBatch.Kind.REPLACEMENT,
            round__fund__area__in=areas_where(user, "voting.manage_codes"),
        )
        .exclude(requested_by=user)
        .values("round_id", "round__title", "round__fund__area__slug", "round__fund__area__name")
        .annotate(n=Count("id"))
    )
    for row in rows:
        yield Task(
            "voting.code.replace",
            ngettext(
                "%(n)d new code for a lost letter in %(round)s waits for you to issue it.",
                "%(n)d new codes for lost letters in %(round)s wait for you to issue them.",
                row["n"],
            )
            % {"n": row["n"], "round": row["round__title"]},
            reverse(
                "voting:committee",
                kwargs={"slug": row["round__fund__area__slug"], "round_id": row["round_id"]},
            ),
            row["round__fund__area__name"],
            row["n"],
        )

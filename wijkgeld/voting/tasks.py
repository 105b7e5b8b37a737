"""Voting tasks: paper ballots entered once that wait for a second committee member, differences
between two entries that wait for a third member (never one of the two who entered them), and new
codes for lost letters that wait for a committee member who did not ask for them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import ngettext

from wijkgeld.accounts.permissions import areas_where
from wijkgeld.core.tasks import Task, register_task_provider

ROUND_FIELDS = ("round_id", "round__title", "round__fund__area__slug", "round__fund__area__name")


def _per_round(rows: QuerySet, kind: str, url_name: str, text: Callable[[int], str]) -> Iterator[Task]:
    """One task per round: `text(n)` (with %(n)d and %(round)s) linking to `url_name` of that round."""
    for row in rows.values(*ROUND_FIELDS).annotate(n=Count("id")):
        yield Task(
            kind,
            text(row["n"]) % {"n": row["n"], "round": row["round__title"]},
            reverse(url_name, kwargs={"slug": row["round__fund__area__slug"], "round_id": row["round_id"]}),
            row["round__fund__area__name"],
            row["n"],
        )


@register_task_provider
def voting_tasks(user):
    from wijkgeld.voting.models import PaperBallot

    rows = PaperBallot.objects.filter(
        status=PaperBallot.Status.FIRST, round__fund__area__in=areas_where(user, "voting.enter_paper")
    ).exclude(first_by=user)  # the second entry must be by another member
    yield from _per_round(
        rows,
        "voting.paper.second",
        "voting:paper",
        lambda n: ngettext(
            "%(n)d paper ballot of %(round)s waits for a second entry.",
            "%(n)d paper ballots of %(round)s wait for a second entry.",
            n,
        ),
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
    )
    yield from _per_round(
        rows,
        "voting.paper.resolve",
        "voting:mismatches",
        lambda n: ngettext(
            "%(n)d paper ballot of %(round)s has two entries that differ: resolve it.",
            "%(n)d paper ballots of %(round)s have two entries that differ: resolve them.",
            n,
        ),
    )


@register_task_provider
def voting_replacement_tasks(user):
    """A new code for a lost letter, asked for at the help desk, waits for a committee member who did not ask."""
    from wijkgeld.voting.models import CodeBatch

    rows = CodeBatch.objects.filter(
        status=CodeBatch.Status.REQUESTED,
        kind=CodeBatch.Kind.REPLACEMENT,
        round__fund__area__in=areas_where(user, "voting.manage_codes"),
    ).exclude(requested_by=user)
    yield from _per_round(
        rows,
        "voting.code.replace",
        "voting:committee",
        lambda n: ngettext(
            "%(n)d new code for a lost letter in %(round)s waits for you to issue it.",
            "%(n)d new codes for lost letters in %(round)s wait for you to issue them.",
            n,
        ),
    )

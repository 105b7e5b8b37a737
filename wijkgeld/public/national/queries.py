"""The national figures in a handful of grouped queries (never one query per area).

- money: one grouped scan of the ledger (the `posting_report` covering index) plus one for the lines under
  the residents' control;
- bewonersfonds: rounds, valid voting codes and ballots, one grouped count each;
- alliance: meetings, documents (with the moment residents received them), resident agenda items, questions;
- people: placements, hours, milestones, community builders, commissions and reports (people.py).

Keys are (area id, year) or (area id, year, theme id). Fund and alliance figures belong to an area and a
year, not to a theme.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, Min, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear

from wijkgeld.alliance.models import REACHES_DELEGATES, AgendaItem, Document, Meeting, Question
from wijkgeld.areas.tiers import Tier
from wijkgeld.fund.models import Round
from wijkgeld.money.models import Account, BudgetLine, Posting
from wijkgeld.public.national.figures import Figures
from wijkgeld.public.national.people import people_figures
from wijkgeld.voting.models import Ballot, VotingCode

MoneyKey = tuple[int, int, int]  # area, year, theme
ProcessKey = tuple[int, int]  # area, year


def _add_posting(figures: Figures, account: str, tier: str, total: int) -> None:
    """The same definitions as money.reports: granted, available, committed (incl. paid), paid, and both
    per tier of the recipient. A leg without a tier counts as outside, as in money.reports."""
    if account == Account.SOURCE:
        figures.granted -= total
    elif account in (Account.UNALLOCATED, Account.AVAILABLE):
        figures.available += total
    else:
        figures.committed += total
        if tier == Tier.RESIDENT_LED:
            figures.resident_led_committed += total
        elif tier == Tier.LOCAL:
            figures.other_local_committed += total
        else:
            figures.outside_committed += total
        if account == Account.PAID:
            figures.paid += total
            if tier == Tier.RESIDENT_LED:
                figures.resident_led_paid += total
            elif tier == Tier.LOCAL:
                figures.other_local_paid += total


def controlled_line_ids(*, years: list[int]) -> list[int]:
    """The budget lines residents decide on: the delegates' support lines and each area's bewonersfonds line."""
    lines = BudgetLine.objects.filter(year__in=years).filter(
        Q(controlled_by_delegates=True) | Q(code=Coalesce(F("area__fund__line_code"), Value("bewonersfonds")))
    )
    return list(lines.values_list("pk", flat=True))


def money_figures(*, years: Iterable[int], area_ids=None) -> dict[MoneyKey, Figures]:
    """Money per (area, year, theme): one grouped pass over the ledger (the `posting_report_tier` index),
    and one over the few lines under the residents' control (the `posting_line` index)."""
    years = list(years)
    postings = Posting.objects.filter(year__in=years)
    if area_ids is not None:
        postings = postings.filter(area_id__in=list(area_ids))
    group = ("area_id", "year", "theme_id")
    result: dict[MoneyKey, Figures] = defaultdict(Figures)
    sums = postings.values_list(*group, "account", "tier").annotate(total=Sum("amount_cents")).order_by()
    for area_id, year, theme_id, account, tier, total in sums:
        _add_posting(result[(area_id, year, theme_id)], account, tier, int(total or 0))

    # Money under the residents' control: available + committed + paid on those lines.
    controlled = postings.filter(
        line_id__in=controlled_line_ids(years=years),
        account__in=[Account.AVAILABLE, Account.COMMITTED, Account.PAID],
    )
    for area_id, year, theme_id, total in (
        controlled.values_list(*group).annotate(t=Sum("amount_cents")).order_by()
    ):
        result[(area_id, year, theme_id)].residents_control += int(total or 0)
    return dict(result)


def money_per_area(
    figures: dict[MoneyKey, Figures], *, theme_id: int | None = None
) -> dict[tuple[int, int], Figures]:
    """Sum the themes (or take one theme) per (area, year)."""
    result: dict[tuple[int, int], Figures] = defaultdict(Figures)
    for (area_id, year, t), f in figures.items():
        if theme_id is None or t == theme_id:
            result[(area_id, year)].add(f)
    return dict(result)


def _fund_figures(years: list[int], result: dict[ProcessKey, Figures]) -> None:
    held = Round.objects.filter(year__in=years).exclude(phase=Round.Phase.PREPARATION)
    for area_id, year, n in held.values_list("fund__area_id", "year").annotate(n=Count("pk")).order_by():
        result[(area_id, year)].fund_rounds += n
    codes = VotingCode.objects.filter(round__in=held, revoked=False)
    for area_id, year, n in (
        codes.values_list("round__fund__area_id", "round__year").annotate(n=Count("pk")).order_by()
    ):
        result[(area_id, year)].voting_codes += n
    ballots = Ballot.objects.filter(round__in=held)
    for area_id, year, n in (
        ballots.values_list("round__fund__area_id", "round__year").annotate(n=Count("pk")).order_by()
    ):
        result[(area_id, year)].ballots_cast += n


def _late(starts_at: dt.datetime, days_before: int, received: dt.datetime | None, now: dt.datetime) -> bool:
    """As alliance.queries.late_documents: after the deadline, or not received once the deadline passed."""
    deadline = starts_at - dt.timedelta(days=days_before)
    return received > deadline if received is not None else now > deadline


def _alliance_figures(years: list[int], now: dt.datetime, result: dict[ProcessKey, Figures]) -> None:
    meetings = (
        Meeting.objects.filter(cancelled=False, starts_at__lt=now)
        .annotate(y=ExtractYear("starts_at"))
        .filter(y__in=years)
    )
    for area_id, year, n in meetings.values_list("alliance__area_id", "y").annotate(n=Count("pk")).order_by():
        result[(area_id, year)].meetings_held += n

    # Preparation documents of meetings this year, with the moment the resident delegates got each one.
    documents = (
        Document.objects.filter(uploaded_at__lt=F("meeting__starts_at"), meeting__cancelled=False)
        .annotate(y=ExtractYear("meeting__starts_at"))
        .filter(y__in=years)
        .values_list("pk", "alliance__area_id", "y", "meeting__starts_at", "alliance__documents_days_before")
        .annotate(received=Min("shares__shared_at", filter=Q(shares__audience__in=REACHES_DELEGATES)))
        .order_by()
    )
    for _pk, area_id, year, starts_at, days, received in documents:  # one row per document
        deadline_passed = now > starts_at - dt.timedelta(days=days)
        if not deadline_passed and received is None:
            continue  # not due yet, and residents will still get it in time
        result[(area_id, year)].documents_due += 1
        if _late(starts_at, days, received, now):
            result[(area_id, year)].documents_late += 1

    items = (
        AgendaItem.objects.filter(from_residents=True)
        .annotate(y=ExtractYear("created_at"))
        .filter(y__in=years)
        .values_list("alliance__area_id", "y")
        .annotate(
            accepted=Count(
                "pk", filter=Q(status__in=[AgendaItem.Status.ACCEPTED, AgendaItem.Status.PLANNED])
            ),
            declined=Count("pk", filter=Q(status=AgendaItem.Status.DECLINED)),
            pending=Count("pk", filter=Q(status=AgendaItem.Status.PROPOSED)),
        )
        .order_by()
    )
    for area_id, year, accepted, declined, pending in items:
        figures = result[(area_id, year)]
        figures.resident_items_accepted += accepted
        figures.resident_items_declined += declined
        figures.resident_items_pending += pending

    questions = (
        Question.objects.annotate(y=ExtractYear("asked_at"))
        .filter(y__in=years)
        .values_list("document__alliance__area_id", "y")
        .annotate(asked=Count("pk"), answered=Count("pk", filter=~Q(answer="")))
        .order_by()
    )
    for area_id, year, asked, answered in questions:
        result[(area_id, year)].questions_asked += asked
        result[(area_id, year)].questions_answered += answered


def process_figures(*, years: Iterable[int], now: dt.datetime) -> dict[ProcessKey, Figures]:
    years = list(years)
    result: dict[ProcessKey, Figures] = defaultdict(Figures)
    _fund_figures(years, result)
    _alliance_figures(years, now, result)
    people_figures(years, result)
    return dict(result)

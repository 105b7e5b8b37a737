"""Grants, budget lines and carry-over: how money arrives in an area and reaches a budget line."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import Account, BudgetLine, Grant, Theme, Transaction
from wijkgeld.money.services.ledger import (
    Leg,
    book,
    check_amount,
    euros,
    line_available_cents,
    new_transaction,
    now_or,
    require_member,
    unallocated_cents,
)


def check_year(theme: Theme, year: int, *, field: str = "year") -> None:
    tranche = theme.tranche
    if year not in tranche.years:
        raise DomainError(
            _("{theme} belongs to {tranche}, which runs from {first} to {last}.").format(
                theme=theme.name, tranche=tranche.name, first=tranche.first_year, last=tranche.last_year
            ),
            field=field,
        )


def check_decision(decision, area: Area) -> None:
    """A decision tied to money must come from the register of this area's alliance."""
    if decision is not None and decision.alliance.area_id != area.pk:
        raise DomainError(_("Choose a decision of this area's alliance."), field="decision")


def budget_line_for(*, area: Area, code: str, year: int) -> BudgetLine | None:
    """The area's budget line with this code in this year, e.g. ("bewonersfonds", 2026), or None."""
    return BudgetLine.objects.select_related("theme", "area").filter(area=area, code=code, year=year).first()


@db_transaction.atomic
def grant_create(
    *,
    actor,
    area: Area,
    year: int,
    theme: Theme,
    funding_ministry: str,
    amount_cents: int,
    reference: str = "",
    document=None,
    now: dt.datetime | None = None,
) -> Grant:
    now = now_or(now)
    check_amount(amount_cents)
    check_year(theme, year)
    if not funding_ministry.strip():
        raise DomainError(_("Name the ministry that funds this grant."), field="funding_ministry")
    area = Area.objects.select_for_update().get(pk=area.pk)
    require_member(actor, area)
    tx = new_transaction(
        area=area,
        kind=Transaction.Kind.GRANT,
        description=_("Grant {theme} {year} ({ministry})").format(
            theme=theme.name, year=year, ministry=funding_ministry
        ),
        actor=actor,
        now=now,
        document=document,
    )
    book(
        tx,
        [
            Leg(Account.SOURCE, -amount_cents, year, theme),
            Leg(Account.UNALLOCATED, amount_cents, year, theme),
        ],
    )
    grant = Grant.objects.create(
        area=area,
        year=year,
        theme=theme,
        funding_ministry=funding_ministry.strip()[:20],
        amount_cents=amount_cents,
        reference=reference,
        document=document or "",
        transaction=tx,
        created_at=now,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        action="money.grant.created",
        area=area,
        obj=grant,
        data={"amount": cents_to_str(amount_cents), "year": year, "theme": theme.code},
        now=now,
    )
    return grant


def _allocate(*, actor, line: BudgetLine, amount_cents: int, reason: str, now: dt.datetime) -> Transaction:
    free = unallocated_cents(area=line.area, year=line.year, theme=line.theme)
    if amount_cents > free:
        raise DomainError(
            _("Only {free} of {theme} {year} is not yet in a budget line.").format(
                free=euros(free), theme=line.theme.name, year=line.year
            ),
            field="amount",
        )
    tx = new_transaction(
        area=line.area, kind=Transaction.Kind.ALLOCATION, description=reason, actor=actor, now=now
    )
    book(
        tx,
        [
            Leg(Account.UNALLOCATED, -amount_cents, line.year, line.theme),
            Leg(Account.AVAILABLE, amount_cents, line.year, line.theme, line=line),
        ],
    )
    return tx


@db_transaction.atomic
def budget_line_create(
    *,
    actor,
    area: Area,
    theme: Theme,
    year: int,
    code: str,
    name: str,
    amount_cents: int = 0,
    controlled_by_delegates: bool = False,
    description: str = "",
    now: dt.datetime | None = None,
) -> BudgetLine:
    """A new line under a theme; with `amount_cents` > 0 it is funded from the theme's unallocated grant."""
    now = now_or(now)
    check_year(theme, year)
    if amount_cents:
        check_amount(amount_cents)
    area = Area.objects.select_for_update().get(pk=area.pk)
    require_member(actor, area)
    if BudgetLine.objects.filter(area=area, year=year, code=code).exists():
        raise DomainError(_("This area already has a budget line with this code in that year."), field="code")
    try:
        with db_transaction.atomic():
            line = BudgetLine.objects.create(
                area=area,
                theme=theme,
                year=year,
                code=code,
                name=name,
                description=description,
                controlled_by_delegates=controlled_by_delegates,
            )
    except IntegrityError as exc:
        raise DomainError(
            _("This area already has a budget line with this code in that year."), field="code"
        ) from exc
    if amount_cents:
        _allocate(actor=actor, line=line, amount_cents=amount_cents, reason=name, now=now)
    audit_record(
        actor=actor,
        action="money.line.created",
        area=area,
        obj=line,
        data={"amount": cents_to_str(amount_cents or 0), "year": year, "theme": theme.code},
        now=now,
    )
    return line


@db_transaction.atomic
def budget_line_fund(
    *,
    actor,
    line: BudgetLine,
    amount_cents: int,
    reason: str = "",
    decision=None,
    now: dt.datetime | None = None,
) -> BudgetLine:
    """Give a line more money from its theme's grant in the same year. On the delegates' line this
    takes effect at once and is recorded as a change they see."""
    now = now_or(now)
    check_amount(amount_cents)
    Area.objects.select_for_update().get(pk=line.area_id)
    line = BudgetLine.objects.select_for_update().select_related("area", "theme").get(pk=line.pk)
    require_member(actor, line.area)
    check_decision(decision, line.area)
    tx = _allocate(actor=actor, line=line, amount_cents=amount_cents, reason=reason or line.name, now=now)
    if line.controlled_by_delegates:
        from wijkgeld.money.models import LineChange

        LineChange.objects.create(
            line=line,
            kind=LineChange.Kind.RAISE,
            amount_cents=amount_cents,
            reason=(reason or line.name)[:500],
            decision=decision,
            proposed_by=actor,
            created_at=now,
            status=LineChange.Status.APPLIED,
            decided_at=now,
            result=tx,
        )
        if decision is not None:
            line.size_decision = decision
            line.save(update_fields=["size_decision"])
    audit_record(
        actor=actor,
        action="money.line.funded",
        area=line.area,
        obj=line,
        data={"amount": cents_to_str(amount_cents)},
        now=now,
    )
    return line


@db_transaction.atomic
def carry_over_create(
    *,
    actor,
    area: Area,
    theme: Theme,
    from_year: int,
    to_year: int,
    amount_cents: int,
    reason: str,
    line: BudgetLine | None = None,
    now: dt.datetime | None = None,
) -> Transaction:
    """Move unspent money to a later year of the same tranche: a line's available money to the line
    with the same code in `to_year` (created if needed), or else the theme's unallocated money.

    Refused for the delegates' own line: moving their money is a proposal they approve
    (`line_change_propose`)."""
    if line is not None and BudgetLine.objects.filter(pk=line.pk, controlled_by_delegates=True).exists():
        raise DomainError(DELEGATES_DECIDE_MESSAGE(), code="needs_delegates")
    return book_carry_over(
        actor=actor,
        area=area,
        theme=theme,
        from_year=from_year,
        to_year=to_year,
        amount_cents=amount_cents,
        reason=reason,
        line=line,
        now=now,
    )


def DELEGATES_DECIDE_MESSAGE() -> str:  # noqa: N802 - a message, translated when raised
    return _(
        "The resident delegates decide on this line: propose the change, it takes effect when they approve it."
    )


def book_carry_over(
    *,
    actor,
    area: Area,
    theme: Theme,
    from_year: int,
    to_year: int,
    amount_cents: int,
    reason: str,
    line: BudgetLine | None = None,
    now: dt.datetime | None = None,
) -> Transaction:
    """The booking itself, without the delegates' guard; for the carry-over service and for a change
    the delegates approved. Must run inside the caller's transaction."""
    now = now_or(now)
    check_amount(amount_cents)
    check_year(theme, from_year, field="from_year")
    check_year(theme, to_year, field="to_year")
    if to_year <= from_year:
        raise DomainError(_("Money can only be carried to a later year."), field="to_year")
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    area = Area.objects.select_for_update().get(pk=area.pk)
    require_member(actor, area)
    if line is not None:
        line = BudgetLine.objects.select_for_update().get(pk=line.pk)
        if line.area_id != area.pk or line.theme_id != theme.pk or line.year != from_year:
            raise DomainError(
                _("This budget line does not belong to this area, theme and year."), field="line"
            )
        free = line_available_cents(line)
        target, _created = BudgetLine.objects.get_or_create(
            area=area,
            year=to_year,
            code=line.code,
            defaults={
                "theme": theme,
                "name": line.name,
                "description": line.description,
                "controlled_by_delegates": line.controlled_by_delegates,
            },
        )
        if target.theme_id != theme.pk:
            raise DomainError(
                _("The line with this code in that year is under another theme."), field="to_year"
            )
        legs = [
            Leg(Account.AVAILABLE, -amount_cents, from_year, theme, line=line),
            Leg(Account.AVAILABLE, amount_cents, to_year, theme, line=target),
        ]
    else:
        free = unallocated_cents(area=area, year=from_year, theme=theme)
        legs = [
            Leg(Account.UNALLOCATED, -amount_cents, from_year, theme),
            Leg(Account.UNALLOCATED, amount_cents, to_year, theme),
        ]
    if amount_cents > free:
        raise DomainError(
            _("Only {free} is unspent and can be carried over.").format(free=euros(free)), field="amount"
        )
    tx = new_transaction(
        area=area, kind=Transaction.Kind.CARRY_OVER, description=reason, actor=actor, now=now
    )
    book(tx, legs)
    audit_record(
        actor=actor,
        action="money.carry_over.created",
        area=area,
        obj=line or theme,
        data={"amount": cents_to_str(amount_cents), "from_year": from_year, "to_year": to_year},
        now=now,
    )
    return tx

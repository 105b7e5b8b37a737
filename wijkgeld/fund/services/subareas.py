"""Sub-area budgets: a round's budget split over neighbourhoods of the area, or over idea themes
(categories), each part counted on its own.

Only the area's committee sets them (`fund.manage`), only before voting opens; from then on they are
locked with the other rules, for everyone (docs/fund.md "Een budget per buurt").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import require
from wijkgeld.areas.models import Neighbourhood
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import format_euros
from wijkgeld.fund import cityrule
from wijkgeld.fund.models import Proposal, Round, SubArea
from wijkgeld.fund.services.common import Phase, locked_round, now_or, require_phase
from wijkgeld.fund.services.results import city_settings


def _require_open(round_: Round) -> None:
    if round_.is_locked:
        raise DomainError(
            _("The rules are locked since voting opened; they can no longer change."), code="locked"
        )
    require_phase(round_, Phase.PREPARATION, Phase.IDEAS, Phase.ASSESSMENT)


def _postcodes(n: Neighbourhood) -> tuple[int, int]:
    start = int(n.postcode_from)
    return start, int(n.postcode_to or n.postcode_from)


def _check_neighbourhoods(chosen: list[Neighbourhood]) -> None:
    if len(chosen) < 2:
        raise DomainError(_("Choose at least two neighbourhoods, each with a budget."), field="budgets")
    for n in chosen:
        if not n.postcode_from:
            raise DomainError(
                _("The neighbourhood “%(name)s” has no postcodes. Letters are sorted by postcode.")
                % {"name": n.name},
                field="budgets",
            )
        if "," in n.name:
            raise DomainError(
                _("The name of the neighbourhood “%(name)s” may not contain a comma.") % {"name": n.name},
                field="budgets",
            )
    for i, a in enumerate(chosen):
        a_from, a_to = _postcodes(a)
        for b in chosen[i + 1 :]:
            b_from, b_to = _postcodes(b)
            if a_from <= b_to and b_from <= a_to:
                raise DomainError(
                    _("A postcode is in two neighbourhoods: “%(a)s” (%(ra)s) and “%(b)s” (%(rb)s).")
                    % {"a": a.name, "ra": a.postcode_range, "b": b.name, "rb": b.postcode_range},
                    field="budgets",
                )


@transaction.atomic
def sub_areas_set(
    *,
    actor,
    round: Round,  # noqa: A002
    budgets: Mapping[int, int],
    leftover: str,
    now: dt.datetime | None = None,
) -> list[SubArea]:
    """Split the round's budget: {neighbourhood id: cents}; neighbourhoods left out get no budget.

    The budgets must add up to the round's budget exactly, postcodes may not overlap, and a
    neighbourhood that already has ideas or voting codes cannot be left out. An empty `budgets`
    goes back to one budget for the whole area.
    """
    require(actor, "fund.manage", round.fund.area)
    round_ = locked_round(round)
    _require_open(round_)
    if leftover not in Round.Leftover.values:
        raise DomainError(_("Choose what happens to money that is left."), field="leftover")
    if any(not isinstance(c, int) or isinstance(c, bool) or c < 0 for c in budgets.values()):
        raise DomainError(_("A budget is an amount of 0 or more."), field="budgets")
    wanted = {int(nid): cents for nid, cents in budgets.items() if cents > 0}
    existing = {s.neighbourhood_id: s for s in round_.sub_areas.select_for_update()}
    for nid, sub in existing.items():
        if nid not in wanted and (sub.proposals.exists() or sub.voting_codes.exists()):
            raise DomainError(
                _("The neighbourhood “%(name)s” already has ideas or voting codes; it keeps a budget.")
                % {"name": sub.name},
                field="budgets",
            )
    moment = now_or(now)
    if not wanted:
        _back_to_one_budget(actor=actor, round_=round_, now=moment)
        return []
    neighbourhoods = {n.pk: n for n in Neighbourhood.objects.filter(area=round_.area, pk__in=wanted)}
    if set(neighbourhoods) != set(wanted):
        raise DomainError(_("Choose neighbourhoods of this area only."), field="budgets")
    chosen = sorted(neighbourhoods.values(), key=lambda n: (n.postcode_from, n.name))
    _check_neighbourhoods(chosen)
    total = sum(wanted.values())
    if total != round_.budget_cents:
        raise DomainError(
            _("The neighbourhood budgets add up to %(total)s, but the round's budget is %(budget)s.")
            % {"total": format_euros(total), "budget": format_euros(round_.budget_cents)},
            field="budgets",
        )
    _check_split_rule(round_, leftover)
    SubArea.objects.filter(round=round_).exclude(neighbourhood_id__in=wanted).delete()
    result = []
    for position, n in enumerate(chosen):
        sub, _created = SubArea.objects.update_or_create(
            round=round_,
            neighbourhood=n,
            defaults={
                "name": n.name,
                "postcodes": n.postcode_range,
                "budget_cents": wanted[n.pk],
                "position": position,
            },
        )
        result.append(sub)
    round_.split, round_.leftover = Round.Split.NEIGHBOURHOOD, leftover
    round_.save(update_fields=["split", "leftover"])
    audit_record(
        actor=actor,
        action="fund.round.sub_areas_set",
        area=round_.area,
        obj=round_,
        data={"budgets": {s.name: s.budget_cents for s in result}, "leftover": leftover},
        now=moment,
    )
    return result


@transaction.atomic
def idea_sub_area_set(
    *, actor, proposal: Proposal, sub_area: SubArea, now: dt.datetime | None = None
) -> Proposal:
    """The committee puts an idea in a neighbourhood (before voting opens)."""
    require(actor, "fund.manage", proposal.round.fund.area)
    round_ = locked_round(proposal.round)
    _require_open(round_)
    if sub_area.round_id != round_.pk:
        raise DomainError(_("Choose a neighbourhood of this round."), field="sub_area")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    proposal.sub_area = sub_area
    proposal.save(update_fields=["sub_area"])
    audit_record(
        actor=actor,
        action="fund.idea.sub_area_set",
        area=round_.area,
        obj=proposal,
        data={"number": proposal.number, "sub_area": sub_area.name},
        now=now_or(now),
    )
    return proposal


def _back_to_one_budget(*, actor, round_: Round, now: dt.datetime) -> None:
    """No budget per neighbourhood or theme any more: one budget for the whole area, money left to the fund."""
    SubArea.objects.filter(round=round_).delete()
    round_.split, round_.leftover = Round.Split.NONE, Round.Leftover.FUND
    round_.save(update_fields=["split", "leftover"])
    audit_record(actor=actor, action="fund.round.sub_areas_cleared", area=round_.area, obj=round_, now=now)


def _check_split_rule(round_: Round, leftover: str) -> None:
    """The round's rule and variants can be counted on split budgets with this leftover choice."""
    pooled = leftover == Round.Leftover.POOLED
    cityrule.check(dataclasses.replace(city_settings(round_), split=True, pooled=pooled))


def check_ready_for_voting(round_: Round) -> None:
    """Before voting opens: budgets add up, every idea has a neighbourhood, every neighbourhood ideas."""
    if round_.by_category:
        check_categories_ready(round_)
        return
    subs = list(round_.sub_areas.all())
    if sum(s.budget_cents for s in subs) != round_.budget_cents:
        raise DomainError(
            _("The neighbourhood budgets no longer add up to the round's budget. Set them again."),
            code="sub_areas",
        )
    admitted = round_.proposals.filter(status=Proposal.Status.ADMITTED)
    loose = admitted.filter(sub_area__isnull=True).order_by("number").first()
    if loose is not None:
        raise DomainError(
            _("The idea “%(title)s” has no neighbourhood yet.") % {"title": loose.title}, code="sub_areas"
        )
    for sub in subs:
        if not admitted.filter(sub_area=sub).exists():
            raise DomainError(
                _(
                    "The neighbourhood “%(name)s” has no admitted ideas. Residents there would have nothing to vote on."
                )
                % {"name": sub.name},
                code="sub_areas",
            )
    if round_.voting_codes.filter(sub_area__isnull=True).exists():
        raise DomainError(
            _("Some voting codes have no neighbourhood. Make letters per neighbourhood."), code="sub_areas"
        )


# --- a budget per theme (category) ------------------------------------------------------------------


@transaction.atomic
def category_budgets_set(
    *,
    actor,
    round: Round,  # noqa: A002
    budgets: Mapping[str, int],
    leftover: str,
    now: dt.datetime | None = None,
) -> list[SubArea]:
    """Split the round's budget over idea themes: {theme code: cents}; themes left out get no budget.

    Everyone votes on all ideas; each idea counts against the budget of its own theme. The budgets
    must add up to the round's budget exactly. An empty `budgets` goes back to one budget. Replaces a
    budget per neighbourhood, unless ideas or voting codes already belong to a neighbourhood.
    """
    from wijkgeld.fund.forms import THEMES, theme_label

    require(actor, "fund.manage", round.fund.area)
    round_ = locked_round(round)
    _require_open(round_)
    if leftover not in Round.Leftover.values:
        raise DomainError(_("Choose what happens to money that is left."), field="leftover")
    if any(not isinstance(c, int) or isinstance(c, bool) or c < 0 for c in budgets.values()):
        raise DomainError(_("A budget is an amount of 0 or more."), field="budgets")
    known = [code for code, _label in THEMES if code]
    wanted = {code: cents for code, cents in budgets.items() if cents > 0}
    if set(wanted) - set(known):
        raise DomainError(_("Choose themes from the list only."), field="budgets")
    for sub in round_.sub_areas.select_for_update().filter(neighbourhood__isnull=False):
        if sub.proposals.exists() or sub.voting_codes.exists():
            raise DomainError(
                _("The neighbourhood “%(name)s” already has ideas or voting codes; it keeps a budget.")
                % {"name": sub.name},
                field="budgets",
            )
    moment = now_or(now)
    if not wanted:
        _back_to_one_budget(actor=actor, round_=round_, now=moment)
        return []
    if len(wanted) < 2:
        raise DomainError(_("Choose at least two themes, each with a budget."), field="budgets")
    total = sum(wanted.values())
    if total != round_.budget_cents:
        raise DomainError(
            _("The theme budgets add up to %(total)s, but the round's budget is %(budget)s.")
            % {"total": format_euros(total), "budget": format_euros(round_.budget_cents)},
            field="budgets",
        )
    _check_split_rule(round_, leftover)
    SubArea.objects.filter(round=round_).delete()
    result = []
    for position, code in enumerate(c for c in known if c in wanted):
        # The published name (in the .pb file) is the Dutch label, as a neighbourhood's is its name.
        with translation.override("nl"):
            name = theme_label(code)
        result.append(
            SubArea.objects.create(
                round=round_, theme=code, name=name, budget_cents=wanted[code], position=position
            )
        )
    round_.split, round_.leftover = Round.Split.CATEGORY, leftover
    round_.save(update_fields=["split", "leftover"])
    audit_record(
        actor=actor,
        action="fund.round.category_budgets_set",
        area=round_.area,
        obj=round_,
        data={"budgets": {s.theme: s.budget_cents for s in result}, "leftover": leftover},
        now=moment,
    )
    return result


@transaction.atomic
def idea_theme_set(*, actor, proposal: Proposal, theme: str, now: dt.datetime | None = None) -> Proposal:
    """The committee puts an idea under a theme (before voting opens): in a round with a budget per
    theme, that is the budget the idea counts against."""
    from wijkgeld.fund.forms import THEMES

    require(actor, "fund.manage", proposal.round.fund.area)
    round_ = locked_round(proposal.round)
    _require_open(round_)
    if theme not in [code for code, _label in THEMES if code]:
        raise DomainError(_("Choose themes from the list only."), field="theme")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    before = proposal.theme
    proposal.theme = theme
    proposal.save(update_fields=["theme"])
    audit_record(
        actor=actor,
        action="fund.idea.theme_set",
        area=round_.area,
        obj=proposal,
        data={"number": proposal.number, "from": before, "to": theme},
        now=now_or(now),
    )
    return proposal


def check_categories_ready(round_: Round) -> None:
    """Before voting opens with a budget per theme: budgets add up, every admitted idea has a theme
    with a budget, and every theme with a budget has admitted ideas."""
    subs = list(round_.sub_areas.all())
    if sum(s.budget_cents for s in subs) != round_.budget_cents:
        raise DomainError(
            _("The theme budgets no longer add up to the round's budget. Set them again."), code="sub_areas"
        )
    themes = {s.theme for s in subs}
    admitted = list(round_.proposals.filter(status=Proposal.Status.ADMITTED).order_by("number"))
    for idea in admitted:
        if idea.theme not in themes:
            raise DomainError(
                _("The idea “%(title)s” has a theme without a budget. Choose another theme for it.")
                % {"title": idea.title},
                code="sub_areas",
            )
    for sub in subs:
        if not any(idea.theme == sub.theme for idea in admitted):
            raise DomainError(
                _("The theme “%(name)s” has no admitted ideas. Its budget could not be spent.")
                % {"name": sub.label},
                code="sub_areas",
            )

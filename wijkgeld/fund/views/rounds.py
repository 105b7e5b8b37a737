"""The committee's pages for rounds: create, settings, phases (audit-logged)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error as show_error
from wijkgeld.fund import integrations
from wijkgeld.fund.forms import ContactForm, RoundForm
from wijkgeld.fund.models import Fund, Proposal, Round
from wijkgeld.fund.services.common import next_phase
from wijkgeld.fund.services.rounds import (
    DATE_FIELDS,
    SETTINGS_FIELDS,
    fund_contact_update,
    round_advance,
    round_create,
    round_update,
)
from wijkgeld.fund.views.helpers import round_in_area, voting_links


@area_permission_required("fund.view")
def manage_home(request, area):
    rounds = Round.objects.filter(fund__area=area)
    form = None
    if can(request.user, "fund.manage", area):
        form = RoundForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                round_ = round_create(actor=request.user, area=area, **form.cleaned_data)
            except DomainError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("The round has been created."))
                return redirect("fund:manage_round", slug=area.slug, round_id=round_.pk)
    elif request.method == "POST":
        raise PermissionDenied("fund.manage")
    fund = Fund.objects.filter(area=area).first()
    contact_form = (
        ContactForm(initial={"contact": fund.contact if fund else ""}) if form is not None else None
    )
    return render(
        request,
        "fund/manage/home.html",
        {"area": area, "rounds": rounds, "form": form, "contact_form": contact_form, "fund": fund},
    )


@require_POST
@area_permission_required("fund.manage")
def contact(request, area):
    form = ContactForm(request.POST)
    if form.is_valid():
        fund_contact_update(actor=request.user, area=area, contact=form.cleaned_data["contact"])
        messages.success(request, _("The contact details have been saved."))
    else:
        messages.error(request, _("Use at most 300 characters."))
    return redirect("fund:manage", slug=area.slug)


@area_permission_required("fund.view")
def manage_round(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    may_manage = can(request.user, "fund.manage", area)
    form = RoundForm(request.POST or None, instance=round_) if may_manage else None
    if form is not None and round_.is_locked:
        # Once voting opened only the later dates may move; the rest is shown as locked rules.
        for name in list(form.fields):
            if name not in DATE_FIELDS:
                del form.fields[name]
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("fund.manage")
        if form.is_valid():
            values = {k: form.cleaned_data[k] for k in SETTINGS_FIELDS if k in form.cleaned_data}
            round_.refresh_from_db()
            try:
                round_update(actor=request.user, round=round_, **values)
            except DomainError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("The settings have been saved."))
                return redirect("fund:manage_round", slug=area.slug, round_id=round_.pk)
    ideas = round_.proposals.all()
    target = next_phase(round_.phase)
    return render(
        request,
        "fund/manage/round.html",
        {
            "area": area,
            "round": round_,
            "form": form,
            "ideas": ideas,
            "next_phase": Round.Phase(target).label if target else None,
            "next_phase_value": target,
            "may_manage": may_manage,
            "voting": voting_links(round_),
            "open_count": ideas.filter(
                status__in=[Proposal.Status.SUBMITTED, Proposal.Status.REVISION]
            ).count(),
            "line_available": integrations.line_available_cents(
                area=area, code=round_.fund.line_code, year=round_.year
            ),
        },
    )


@require_POST
@area_permission_required("fund.manage")
def advance(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    to_phase = request.POST.get("to_phase") or None
    opens_voting = to_phase == Round.Phase.VOTING or (
        to_phase is None and round_.phase == Round.Phase.ASSESSMENT
    )
    if opens_voting and request.POST.get("confirmed") != "yes":
        return render(request, "fund/manage/confirm.html", _voting_confirmation(area, round_))
    try:
        round_ = round_advance(
            actor=request.user, round=round_, to_phase=request.POST.get("to_phase") or None
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The round is now in the phase “%(phase)s”.") % {"phase": round_.get_phase_display()}
        )
    return redirect("fund:manage_round", slug=area.slug, round_id=round_.pk)


def _voting_confirmation(area, round_) -> dict:
    """Opening the vote locks the rules: the committee sees what that means before it happens."""
    return {
        "area": area,
        "round": round_,
        "heading": _("Open the vote?"),
        "cannot_undo": [
            _(
                "The rules are locked and published: budget, ballot, counting rule and tie-break can no longer change."
            ),
            _("Ideas can no longer be admitted or removed."),
            _("Residents can vote with their codes from the voting start date."),
        ],
        "check_first": [
            _("Has every idea been decided (admitted or not), with a public reason?"),
            _("Are the letters with codes ready to be sent?"),
        ],
        "action": reverse("fund:advance", kwargs={"slug": area.slug, "round_id": round_.pk}),
        "hidden": [("to_phase", Round.Phase.VOTING)],
        "button": _("Yes, open the vote and lock the rules"),
        "back": reverse("fund:manage_round", kwargs={"slug": area.slug, "round_id": round_.pk}),
    }

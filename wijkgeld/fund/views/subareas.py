"""The committee splits a round's budget over neighbourhoods (each idea in one) or over idea themes,
before voting opens."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.areas.models import Neighbourhood
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import call_service
from wijkgeld.fund.forms import THEMES, CategoryBudgetsForm, SubAreasForm, theme_label
from wijkgeld.fund.models import SubArea
from wijkgeld.fund.services.subareas import (
    category_budgets_set,
    idea_sub_area_set,
    idea_theme_set,
    sub_areas_set,
)
from wijkgeld.fund.views.helpers import proposal_in_round, round_in_area


@area_permission_required("fund.view")
def manage_sub_areas(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    may_manage = can(request.user, "fund.manage", area) and not round_.is_locked
    neighbourhoods = Neighbourhood.objects.filter(area=area).order_by("postcode_from", "name")
    current = {s.neighbourhood_id: s.budget_cents for s in round_.sub_areas.all()}
    initial = {f"budget-{nid}": cents for nid, cents in current.items()} | {"leftover": round_.leftover}
    form = SubAreasForm(request.POST or None, initial=initial, neighbourhoods=neighbourhoods)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("fund.manage")
        if form.is_valid():
            done = call_service(
                form,
                sub_areas_set,
                actor=request.user,
                round=round_,
                budgets=form.budgets(),
                leftover=form.cleaned_data["leftover"],
            )
            if done is not None:
                messages.success(request, _("The neighbourhood budgets have been saved."))
                return redirect("fund:manage_sub_areas", slug=area.slug, round_id=round_.pk)
    return render(
        request,
        "fund/manage/sub_areas.html",
        {
            "area": area,
            "round": round_,
            "form": form if may_manage else None,
            "sub_areas": round_.sub_areas.all(),
            "ideas": round_.proposals.select_related("sub_area").order_by("number"),
            "may_manage": may_manage,
        },
    )


@require_POST
@area_permission_required("fund.manage")
def idea_sub_area(request, area, round_id: int, number: int):
    round_ = round_in_area(area, round_id)
    proposal = proposal_in_round(round_, number)
    raw = request.POST.get("sub_area", "")
    sub_area = get_object_or_404(SubArea, round=round_, pk=int(raw)) if raw.isdigit() else None
    if sub_area is None:
        messages.error(request, _("Choose a neighbourhood of this round."))
    else:
        try:
            idea_sub_area_set(actor=request.user, proposal=proposal, sub_area=sub_area)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("“%(title)s” is now in %(name)s.") % {"title": proposal.title, "name": sub_area.name},
            )
    return redirect("fund:manage_sub_areas", slug=area.slug, round_id=round_.pk)


@area_permission_required("fund.view")
def manage_categories(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    may_manage = can(request.user, "fund.manage", area) and not round_.is_locked
    current = {s.theme: s.budget_cents for s in round_.sub_areas.all() if s.theme}
    initial = {f"budget-{code}": cents for code, cents in current.items()} | {"leftover": round_.leftover}
    form = CategoryBudgetsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("fund.manage")
        if form.is_valid():
            done = call_service(
                form,
                category_budgets_set,
                actor=request.user,
                round=round_,
                budgets=form.budgets(),
                leftover=form.cleaned_data["leftover"],
            )
            if done is not None:
                messages.success(request, _("The theme budgets have been saved."))
                return redirect("fund:manage_categories", slug=area.slug, round_id=round_.pk)
    ideas = list(round_.proposals.order_by("number"))
    for idea in ideas:
        idea.theme_label = theme_label(idea.theme) if idea.theme else ""
    return render(
        request,
        "fund/manage/categories.html",
        {
            "area": area,
            "round": round_,
            "form": form if may_manage else None,
            "categories": [s for s in round_.sub_areas.all() if s.theme],
            "ideas": ideas,
            "themes": [(code, label) for code, label in THEMES if code],
            "may_manage": may_manage,
        },
    )


@require_POST
@area_permission_required("fund.manage")
def idea_theme(request, area, round_id: int, number: int):
    round_ = round_in_area(area, round_id)
    proposal = proposal_in_round(round_, number)
    theme = request.POST.get("theme", "")
    try:
        idea_theme_set(actor=request.user, proposal=proposal, theme=theme)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("“%(title)s” now has the theme %(name)s.")
            % {"title": proposal.title, "name": theme_label(theme)},
        )
    return redirect("fund:manage_categories", slug=area.slug, round_id=round_.pk)

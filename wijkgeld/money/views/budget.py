"""Grants, budget lines, funding and carry-over (finance and programme staff)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.forms import call_service
from wijkgeld.money import services
from wijkgeld.money.forms import AmountReasonForm, BudgetLineForm, CarryOverForm, GrantForm
from wijkgeld.money.models import BudgetLine, Payment
from wijkgeld.money.services.ledger import commitment_payable_cents
from wijkgeld.money.views.util import check_year


def form_page(request, area, form, *, title: str, back: str, intro: str = ""):
    return render(
        request,
        "money/form.html",
        {"area": area, "form": form, "title": title, "back": back, "intro": intro},
    )


@area_permission_required("money.grant")
def grant_create(request, area, year: int):
    check_year(year)
    form = GrantForm(request.POST or None, request.FILES or None, year=year)
    if request.method == "POST" and form.is_valid():
        grant = call_service(
            form,
            services.grant_create,
            actor=request.user,
            area=area,
            year=year,
            theme=form.cleaned_data["theme"],
            funding_ministry=form.cleaned_data["funding_ministry"],
            amount_cents=form.cleaned_data["amount"],
            reference=form.cleaned_data["reference"],
            document=form.cleaned_data["document"],
        )
        if grant is not None:
            messages.success(request, _("The grant has been booked."))
            return redirect("money:overview", slug=area.slug, year=year)
    back = redirect("money:overview", slug=area.slug, year=year).url
    return form_page(request, area, form, title=_("Book a grant for %(year)s") % {"year": year}, back=back)


@area_permission_required("money.budget")
def line_create(request, area, year: int):
    check_year(year)
    form = BudgetLineForm(request.POST or None, year=year)
    if request.method == "POST" and form.is_valid():
        line = call_service(
            form,
            services.budget_line_create,
            actor=request.user,
            area=area,
            theme=form.cleaned_data["theme"],
            year=year,
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            amount_cents=form.cleaned_data["amount"] or 0,
            controlled_by_delegates=form.cleaned_data["controlled_by_delegates"],
            description=form.cleaned_data["description"],
        )
        if line is not None:
            messages.success(request, _("The budget line has been created."))
            return redirect("money:line", slug=area.slug, pk=line.pk)
    back = redirect("money:overview", slug=area.slug, year=year).url
    return form_page(request, area, form, title=_("New budget line for %(year)s") % {"year": year}, back=back)


@area_permission_required("money.view_ledger")
def line_detail(request, area, pk: int):
    line = get_object_or_404(BudgetLine.objects.select_related("theme__tranche"), pk=pk, area=area)
    commitments = list(
        line.commitments.select_related("recipient_organisation").order_by("-created_at", "-id")
    )
    for c in commitments:
        c.payable_cents = commitment_payable_cents(c)
    return render(
        request,
        "money/line.html",
        {
            "area": area,
            "line": line,
            "available": services.line_available_cents(line),
            "commitments": commitments,
            "collectives": services.local_collectives_for(area=area, theme=line.theme),
            "may_commit": can(request.user, "money.commit", area),
            "may_budget": can(request.user, "money.budget", area),
            "show_people": can(request.user, "area.view_people", area),
            "awaiting": Payment.objects.filter(commitment__line=line, status=Payment.Status.AWAITING).count(),
        },
    )


@area_permission_required("money.budget")
def line_fund(request, area, pk: int):
    line = get_object_or_404(BudgetLine.objects.select_related("theme"), pk=pk, area=area)
    form = AmountReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            services.budget_line_fund,
            actor=request.user,
            line=line,
            amount_cents=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
        )
        if done is not None:
            messages.success(request, _("The money has been added to the budget line."))
            return redirect("money:line", slug=area.slug, pk=line.pk)
    free = services.unallocated_cents(area=area, year=line.year, theme=line.theme)
    from wijkgeld.core.templatetags.wijkgeld import euros

    intro = _("Not yet in a budget line for this theme and year: %(free)s.") % {"free": euros(free)}
    back = redirect("money:line", slug=area.slug, pk=line.pk).url
    return form_page(
        request, area, form, title=_("Add money to %(line)s") % {"line": line}, back=back, intro=intro
    )


@area_permission_required("money.budget")
def line_carry_over(request, area, pk: int):
    line = get_object_or_404(BudgetLine.objects.select_related("theme__tranche"), pk=pk, area=area)
    form = CarryOverForm(request.POST or None, line=line)
    if request.method == "POST" and form.is_valid():
        tx = call_service(
            form,
            services.carry_over_create,
            actor=request.user,
            area=area,
            theme=line.theme,
            from_year=line.year,
            to_year=form.cleaned_data["to_year"],
            amount_cents=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
            line=line,
        )
        if tx is not None:
            messages.success(request, _("The money has been carried over."))
            return redirect("money:line", slug=area.slug, pk=line.pk)
    intro = _("Unspent money can move to a later year of the same tranche, to the line with the same code.")
    back = redirect("money:line", slug=area.slug, pk=line.pk).url
    return form_page(
        request, area, form, title=_("Carry money of %(line)s over") % {"line": line}, back=back, intro=intro
    )

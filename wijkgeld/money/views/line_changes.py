"""Changes to the delegates' own line: staff or finance propose, the delegates approve (or not)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import call_service
from wijkgeld.money import services
from wijkgeld.money.forms import LineChangeForm, SizeDecisionForm, VoteForm
from wijkgeld.money.models import BudgetLine, LineChange, Transaction


def _decisions(area):
    from wijkgeld.alliance.models import Decision

    return Decision.objects.filter(alliance__area=area).order_by("-decided_on", "-id")


def _entries(line: BudgetLine):
    """Entries on the line that could still be reversed."""
    return list(
        Transaction.objects.filter(postings__line=line, reversed_by__isnull=True)
        .exclude(kind=Transaction.Kind.REVERSAL)
        .distinct()
        .order_by("-created_at", "-id")[:100]
    )


@area_permission_required("money.budget")
def line_change_create(request, area, line_pk: int):
    line = get_object_or_404(
        BudgetLine.objects.select_related("theme__tranche"),
        pk=line_pk,
        area=area,
        controlled_by_delegates=True,
    )
    form = LineChangeForm(request.POST or None, line=line, entries=_entries(line), decisions=_decisions(area))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = call_service(
            form,
            services.line_change_propose,
            actor=request.user,
            line=line,
            kind=data["kind"],
            reason=data["reason"],
            amount_cents=data["amount"],
            to_year=data["to_year"],
            reverses=form.entries.get(data["reverses"]),
            decision=data["decision"],
        )
        if change is not None:
            messages.success(request, _("Your proposal has been sent to the resident delegates."))
            return redirect("money:line_change", slug=area.slug, pk=change.pk)
    return render(
        request,
        "money/line_change_form.html",
        {"area": area, "line": line, "form": form, "available": services.line_available_cents(line)},
    )


@area_permission_required("support.view")
def line_change_detail(request, area, pk: int):
    change = get_object_or_404(
        LineChange.objects.select_related("line__theme", "proposed_by", "decision", "reverses", "result"),
        pk=pk,
        line__area=area,
    )
    votes = list(change.votes.select_related("delegate"))
    may_decide = (
        can(request.user, "support.decide", area)
        and change.status == LineChange.Status.PROPOSED
        and change.proposed_by_id != request.user.pk
        and all(v.delegate_id != request.user.pk for v in votes)
    )
    form = VoteForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            try:
                services.line_change_withdraw(actor=request.user, change=change)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("You have withdrawn the proposal."))
            return redirect("money:line_change", slug=area.slug, pk=change.pk)
        if form is not None and form.is_valid():
            done = call_service(
                form,
                services.line_change_vote,
                actor=request.user,
                change=change,
                approve=form.cleaned_data["approve"],
                comment=form.cleaned_data["comment"],
            )
            if done is not None:
                messages.success(request, _("Your answer has been recorded."))
                return redirect("money:line_change", slug=area.slug, pk=change.pk)
    return render(
        request,
        "money/line_change.html",
        {
            "area": area,
            "change": change,
            "votes": votes,
            "approvals": sum(1 for v in votes if v.approve),
            "form": form,
            "show_people": can(request.user, "area.view_people", area),
            "may_withdraw": change.status == LineChange.Status.PROPOSED
            and change.proposed_by_id == request.user.pk,
        },
    )


@area_permission_required("money.budget")
def line_size_decision(request, area, line_pk: int):
    line = get_object_or_404(BudgetLine, pk=line_pk, area=area)
    form = SizeDecisionForm(request.POST or None, decisions=_decisions(area))
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            services.budget_line_size_decision_set,
            actor=request.user,
            line=line,
            decision=form.cleaned_data["decision"],
        )
        if done is not None:
            messages.success(request, _("The line is now tied to the decision."))
            return redirect("money:line", slug=area.slug, pk=line.pk)
    from wijkgeld.money.views.budget import form_page

    back = redirect("money:line", slug=area.slug, pk=line.pk).url
    return form_page(request, area, form, title=_("Decision behind %(line)s") % {"line": line}, back=back)

"""The residents' own support budget: requests, approvals (delegates), visible to staff and finance."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import call_service
from wijkgeld.money import services
from wijkgeld.money.forms import SupportRequestForm, VoteForm
from wijkgeld.money.models import BudgetLine, LineChange, SupportRequest
from wijkgeld.money.views.util import spending_form_context


def _support_lines(area):
    return BudgetLine.objects.filter(area=area, controlled_by_delegates=True).select_related("theme")


@area_permission_required("support.view")
def support_list(request, area):
    lines = list(_support_lines(area).order_by("-year"))
    for line in lines:
        line.available_cents = services.line_available_cents(line)
    requests = (
        SupportRequest.objects.filter(line__area=area)
        .select_related("line", "proposed_by", "commitment")
        .prefetch_related("votes")
    )
    changes = (
        LineChange.objects.filter(line__area=area)
        .select_related("line", "proposed_by", "decision")
        .prefetch_related("votes")
    )
    return render(
        request,
        "money/support_list.html",
        {
            "area": area,
            "lines": lines,
            "requests": requests,
            "changes": changes,
            "pending": [c for c in changes if c.status == LineChange.Status.PROPOSED],
            "show_people": can(request.user, "area.view_people", area),
            "may_propose": can(request.user, "support.propose", area),
            "may_budget": can(request.user, "money.budget", area),
        },
    )


@area_permission_required("support.propose")
def support_create(request, area):
    line = _support_lines(area).order_by("-year").first()
    line_id = request.GET.get("line") or request.POST.get("line")
    if line_id and str(line_id).isdigit():
        line = _support_lines(area).filter(pk=line_id).first() or line
    if line is None:
        messages.error(request, _("There is no budget line for the residents' own support in this area yet."))
        return redirect("money:support_list", slug=area.slug)
    collectives = services.local_collectives_for(area=area, theme=line.theme)
    form = SupportRequestForm(request.POST or None, area=area, collectives=collectives)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = call_service(
            form,
            services.support_request_propose,
            actor=request.user,
            line=line,
            title=data["title"],
            reason=data["reason"],
            amount_cents=data["amount"],
            supplier_organisation=data["supplier_organisation"],
            supplier_name=data["supplier_name"],
            supplier_is_resident=data["supplier_is_resident"],
            non_local_reason=data["non_local_reason"],
            non_local_explanation=data["non_local_explanation"],
            consultations=form.consultations(),
        )
        if created is not None:
            messages.success(request, _("Your request has been sent to the other delegates."))
            return redirect("money:support_detail", slug=area.slug, pk=created.pk)
    return render(request, "money/support_form.html", spending_form_context(area, line, form))


@area_permission_required("support.view")
def support_detail(request, area, pk: int):
    support = get_object_or_404(
        SupportRequest.objects.select_related(
            "line__theme", "proposed_by", "commitment", "supplier_organisation"
        ),
        pk=pk,
        line__area=area,
    )
    votes = list(support.votes.select_related("delegate"))
    may_decide = (
        can(request.user, "support.decide", area)
        and support.status == SupportRequest.Status.PROPOSED
        and support.proposed_by_id != request.user.pk
        and all(v.delegate_id != request.user.pk for v in votes)
    )
    form = VoteForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            try:
                services.support_request_withdraw(actor=request.user, request=support)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("You have withdrawn the request."))
            return redirect("money:support_detail", slug=area.slug, pk=support.pk)
        if form is not None and form.is_valid():
            done = call_service(
                form,
                services.support_request_vote,
                actor=request.user,
                request=support,
                approve=form.cleaned_data["approve"],
                comment=form.cleaned_data["comment"],
            )
            if done is not None:
                messages.success(request, _("Your answer has been recorded."))
                return redirect("money:support_detail", slug=area.slug, pk=support.pk)
    return render(
        request,
        "money/support_detail.html",
        {
            "area": area,
            "support": support,
            "votes": votes,
            "approvals": sum(1 for v in votes if v.approve),
            "form": form,
            "show_people": can(request.user, "area.view_people", area),
            "may_withdraw": support.status == SupportRequest.Status.PROPOSED
            and support.proposed_by_id == request.user.pk,
        },
    )

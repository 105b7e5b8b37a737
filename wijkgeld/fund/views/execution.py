"""The committee awards winning projects (commitments in the ledger) and accepts final accounts."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Photo, Proposal
from wijkgeld.fund.services.execution import award_create, final_account_accept
from wijkgeld.fund.services.privacy import may_see_contact, receipt_clear
from wijkgeld.fund.services.results import published_result
from wijkgeld.fund.views.helpers import optional_url, proposal_in_round, round_in_area


@area_permission_required("fund.view")
def manage_execution(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    result = published_result(round_)
    winners = (
        Proposal.objects.filter(round=round_, number__in=[int(x) for x in result.selected]).select_related(
            "award"
        )
        if result
        else Proposal.objects.none()
    )
    rows = []
    for idea in winners:
        award = getattr(idea, "award", None)
        final = idea.updates.filter(kind="final").first()
        rows.append(
            {
                "idea": idea,
                "award": award,
                "final": final,
                "receipts": list(final.photos.all()) if final else [],
                "show_contact": may_see_contact(request.user, idea),
                "commitment_url": optional_url("money:commitment", slug=area.slug, pk=award.commitment_id)
                if award and award.commitment_id
                else None,
                "pay_url": optional_url("money:payment_create", slug=area.slug, pk=award.commitment_id)
                if award and award.commitment_id
                else None,
            }
        )
    return render(
        request,
        "fund/manage/execution.html",
        {
            "area": area,
            "round": round_,
            "rows": rows,
            "may_manage": can(request.user, "fund.manage", area),
            "may_pay": can(request.user, "fund.pay", area),
        },
    )


@require_POST
@area_permission_required("fund.manage")
def award(request, area, round_id: int, number: int):
    round_ = round_in_area(area, round_id)
    proposal = proposal_in_round(round_, number)
    try:
        award_create(actor=request.user, proposal=proposal)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The project has been awarded; the money is committed in the ledger."))
    return redirect("fund:manage_execution", slug=area.slug, round_id=round_.pk)


@require_POST
@area_permission_required("fund.manage")
def accept(request, area, round_id: int, number: int):
    round_ = round_in_area(area, round_id)
    proposal = proposal_in_round(round_, number)
    try:
        final_account_accept(actor=request.user, proposal=proposal)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The final account has been accepted."))
    return redirect("fund:manage_execution", slug=area.slug, round_id=round_.pk)


@require_POST
@area_permission_required("fund.manage")
def clear_receipt(request, area, round_id: int, photo_id: int):
    round_ = round_in_area(area, round_id)
    photo = Photo.objects.filter(pk=photo_id, proposal__round=round_).first()
    if photo is None:
        messages.error(request, _("This receipt does not exist."))
    else:
        try:
            receipt_clear(actor=request.user, photo=photo)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The receipt is marked as free of personal data and is now public."))
    return redirect("fund:manage_execution", slug=area.slug, round_id=round_.pk)

"""The committee counts, compares with the greedy rule and publishes."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.fund import explain, integrations
from wijkgeld.fund.models import RoundResult
from wijkgeld.fund.services.results import result_count, result_publish, tally_command
from wijkgeld.fund.views.helpers import round_in_area


@area_permission_required("fund.view")
def manage_results(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    result = RoundResult.objects.filter(round=round_).first()
    return render(
        request,
        "fund/manage/results.html",
        {
            "area": area,
            "round": round_,
            "result": result,
            "rows": explain.result_rows(result, round_) if result else [],
            "comparison": explain.comparison_rows(result, round_) if result else None,
            "summary": explain.summary(result) if result else None,
            "invalid_paper": integrations.invalid_paper_ballots(round=round_),
            "with_help": integrations.ballots_with_help(round=round_),
            "command": tally_command(round_),
            "may_manage": can(request.user, "fund.manage", area),
        },
    )


@require_POST
@area_permission_required("fund.manage")
def count(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    try:
        result_count(actor=request.user, round=round_)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The votes have been counted. Check the result before you publish it."))
    return redirect("fund:manage_results", slug=area.slug, round_id=round_.pk)


@require_POST
@area_permission_required("fund.manage")
def publish(request, area, round_id: int):
    round_ = round_in_area(area, round_id)
    if request.POST.get("confirmed") != "yes":
        return render(request, "fund/manage/confirm.html", _publish_confirmation(area, round_))
    try:
        result_publish(actor=request.user, round=round_)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("fund:manage_results", slug=area.slug, round_id=round_.pk)
    messages.success(request, _("The result is published and can no longer change."))
    return redirect("fund:results", slug=area.slug, round_id=round_.pk)


def _publish_confirmation(area, round_) -> dict:
    """What the committee must know before publishing: the result is frozen for good."""
    back = reverse("fund:manage_results", kwargs={"slug": area.slug, "round_id": round_.pk})
    return {
        "area": area,
        "round": round_,
        "heading": _("Publish the result?"),
        "cannot_undo": [
            _("The chosen ideas, the ballots file and its SHA-256 are frozen. Nobody can count again."),
            _("Residents see the result, the explanation and the download at once."),
            _("Paper ballots that arrive later can no longer be entered."),
        ],
        "check_first": [
            _("Are all paper ballots entered twice, and are the differences resolved?"),
            _("Did a second committee member look at the count?"),
        ],
        "action": reverse("fund:publish", kwargs={"slug": area.slug, "round_id": round_.pk}),
        "hidden": [],
        "button": _("Yes, publish the result"),
        "back": back,
    }

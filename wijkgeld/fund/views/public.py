"""Public pages: the fund, a round, its ideas, the results with explanations, receipts and downloads."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area
from wijkgeld.fund import explain, integrations
from wijkgeld.fund.chart import result_chart
from wijkgeld.fund.forms import ReceiptForm
from wijkgeld.fund.models import Proposal, Round
from wijkgeld.fund.services.results import pb_filename, published_result, receipt_check, tally_command
from wijkgeld.fund.timeline import round_timeline
from wijkgeld.fund.views.helpers import proposal_in_round, round_by_slug, voting_links

# Where anyone gets the `wijkgeld` command to recount (the source repository; releases are there too).
SOURCE_URL = getattr(settings, "WIJKGELD_SOURCE_URL", "https://example.org/wijkgeld/wijkgeld.git")

PUBLIC_STATUSES = [
    Proposal.Status.SUBMITTED,
    Proposal.Status.REVISION,
    Proposal.Status.ADMITTED,
    Proposal.Status.NOT_ADMITTED,
]


def fund_home(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    rounds = Round.objects.filter(fund__area=area).exclude(phase=Round.Phase.PREPARATION)
    return render(
        request,
        "fund/fund_home.html",
        {"area": area, "rounds": rounds, "may_manage": can(request.user, "fund.view", area)},
    )


def _visible_round(slug: str, round_id: int) -> Round:
    round_ = round_by_slug(slug, round_id)
    if round_.phase == Round.Phase.PREPARATION:
        raise Http404
    return round_


def round_detail(request, slug: str, round_id: int):
    round_ = _visible_round(slug, round_id)
    ideas = round_.proposals.filter(status__in=PUBLIC_STATUSES).prefetch_related("photos")
    result = published_result(round_)
    return render(
        request,
        "fund/round_detail.html",
        {
            "round": round_,
            "area": round_.area,
            "ideas": ideas,
            "result": result,
            "chosen": set(result.selected) if result else set(),
            "voting": voting_links(round_),
            "timeline": round_timeline(round_),
            "may_manage": can(request.user, "fund.view", round_.area),
        },
    )


def idea_detail(request, slug: str, round_id: int, number: int):
    round_ = _visible_round(slug, round_id)
    proposal = proposal_in_round(round_, number)
    if proposal.status == Proposal.Status.WITHDRAWN:
        raise Http404
    result = published_result(round_)
    award = getattr(proposal, "award", None)
    commitment = integrations.commitment_for(award.commitment_id) if award else None
    return render(
        request,
        "fund/idea_detail.html",
        {
            "round": round_,
            "area": round_.area,
            "idea": proposal,
            "photos": proposal.photos.filter(update=None),
            "updates": _with_public_photos(proposal.updates.prefetch_related("photos")),
            "result": result,
            "project": explain.project_text(result, proposal) if result else None,
            "award": award,
            "commitment": commitment,
            "payments": integrations.payments_made(commitment),
        },
    )


def results(request, slug: str, round_id: int):
    round_ = _visible_round(slug, round_id)
    result = published_result(round_)
    if result is None:
        return render(
            request, "fund/results_pending.html", {"round": round_, "area": round_.area}, status=200
        )
    rows = explain.result_rows(result, round_)
    return render(
        request,
        "fund/results.html",
        {
            "round": round_,
            "area": round_.area,
            "result": result,
            "rows": rows,
            "chart": result_chart(rows, round_.budget_cents),
            "ties": explain.tie_notes(result, round_),
            "summary": explain.summary(result),
            "parts": explain.parts(result, round_, rows),
            "leftover": explain.leftover(result),
            "invalid_paper": integrations.invalid_paper_ballots(round=round_),
            "with_help": integrations.ballots_with_help(round=round_),
            "filename": pb_filename(round_),
            "command": tally_command(round_),
            "source_url": SOURCE_URL,
            "form": ReceiptForm(),
        },
    )


def _with_public_photos(updates):
    """Receipts of a final account are public only once a committee member cleared them of personal data."""
    updates = list(updates)
    for update in updates:
        update.public_photos = [
            p for p in update.photos.all() if update.kind != "final" or p.cleared_at is not None
        ]
    return updates


def receipt(request, slug: str, round_id: int):
    """A voter enters their receipt code (POST, so it stays out of logs and history): is it counted?"""
    round_ = _visible_round(slug, round_id)
    result = published_result(round_)
    if result is None:
        raise Http404
    included = None
    form = ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        included = receipt_check(round=round_, receipt=form.cleaned_data["receipt"])
        if not included:
            form.add_error("receipt", explain.unknown_receipt_message())
    return render(
        request,
        "fund/receipt.html",
        {
            "round": round_,
            "area": round_.area,
            "form": form,
            "result": result,
            "included": bool(included),
            "receipt": form.cleaned_data["receipt"] if included else None,
        },
        status=200,
    )


@require_GET
def download_pb(request, slug: str, round_id: int):
    round_ = _visible_round(slug, round_id)
    result = published_result(round_)
    if result is None:
        raise Http404
    response = HttpResponse(result.pb_text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pb_filename(round_)}"'
    return response


@require_GET
def download_receipts(request, slug: str, round_id: int):
    round_ = _visible_round(slug, round_id)
    result = published_result(round_)
    if result is None:
        raise Http404
    body = "".join(f"{code}\n" for code in result.receipt_codes)
    response = HttpResponse(body.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bonnen-ronde-{round_.pk}.txt"'
    return response

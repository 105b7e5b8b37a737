"""Open data: GET /api/v1/rounds/ and /api/v1/rounds/<id>/ (documented in registry.py)."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from wijkgeld.core.money import cents_to_str
from wijkgeld.fund.models import Proposal, Round
from wijkgeld.fund.services.results import published_result, tally_command

PUBLIC_STATUSES = [
    Proposal.Status.SUBMITTED,
    Proposal.Status.REVISION,
    Proposal.Status.ADMITTED,
    Proposal.Status.NOT_ADMITTED,
]


def _round(request, round_: Round, *, detail: bool) -> dict:
    slug = round_.area.slug
    result = published_result(round_)
    pb_url = (
        request.build_absolute_uri(reverse("fund:download_pb", kwargs={"slug": slug, "round_id": round_.pk}))
        if result
        else None
    )
    data = {
        "id": round_.pk,
        "url": request.build_absolute_uri(round_.get_absolute_url()),
        "area": slug,
        "title": round_.title,
        "year": round_.year,
        "phase": round_.phase,
        "budget": cents_to_str(round_.budget_cents),
        "ballot_type": round_.ballot_type,
        "rule": round_.rule,
        "completion": round_.completion,
        "tie_break": round_.tie_break_option,
        "min_votes": round_.min_votes,
        "comparison": round_.comparison,
        "split": round_.split,
        "neighbourhoods": [
            {"name": s.name, "postcodes": s.postcodes, "budget": cents_to_str(s.budget_cents)}
            for s in round_.sub_areas.all()
            if not s.theme
        ],
        "themes": [
            {"theme": s.theme, "name": s.name, "budget": cents_to_str(s.budget_cents)}
            for s in round_.sub_areas.all()
            if s.theme
        ],
        "leftover": round_.leftover,
        "rules_locked": round_.is_locked,
        "published_at": result.published_at.isoformat() if result else None,
        "selected_projects": list(result.selected) if result else None,
        "pb_file_url": pb_url,
        "pb_sha256": result.sha256 if result else None,
        "tally_command": tally_command(round_) if result else None,
    }
    if detail:
        data["projects"] = [
            {
                "id": p.project_id,
                "title": p.title,
                "summary": p.summary,
                "status": p.status,
                "cost": cents_to_str(p.cost_cents),
                "url": request.build_absolute_uri(p.get_absolute_url()),
            }
            for p in round_.proposals.filter(status__in=PUBLIC_STATUSES)
        ]
    return data


def _public_rounds():
    return Round.objects.exclude(phase=Round.Phase.PREPARATION).select_related("fund__area")


@require_GET
def rounds(request):
    qs = _public_rounds()
    if request.GET.get("area"):
        qs = qs.filter(fund__area__slug=request.GET["area"])
    data = [_round(request, r, detail=False) for r in qs]
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
def round_detail(request, round_id: int):
    round_ = _public_rounds().filter(pk=round_id).first()
    if round_ is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(_round(request, round_, detail=True), json_dumps_params={"ensure_ascii": False})

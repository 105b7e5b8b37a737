"""Open data: the public decisions of an area's alliance."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkgeld.alliance.queries import public_decisions
from wijkgeld.areas.models import Area
from wijkgeld.core.money import cents_to_str


@require_GET
def decisions(request, slug: str):
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        return JsonResponse({"error": _("No area with this name.")}, status=404)
    data = [
        {
            "number": d.number,
            "title": d.title,
            "summary": d.summary,
            "text": d.text,
            "decided_on": d.decided_on.isoformat(),
            "decided_by": d.decided_by,
            "meeting": {
                "title": d.meeting.title,
                "kind": d.meeting.kind,
                "starts_at": d.meeting.starts_at.isoformat(),
            },
            "agenda_item": d.agenda_item.title if d.agenda_item else None,
            "amount": cents_to_str(d.amount_cents) if d.amount_cents is not None else None,
            "amount_cents": d.amount_cents,
            "money_reference": d.money_reference,
            "budget_lines": [
                {"code": line.code, "name": line.name, "year": line.year} for line in d.budget_lines.all()
            ],
            "commitments": [c.pk for c in d.commitments.all()],
            "url": request.build_absolute_uri(
                reverse("alliance:decisions", kwargs={"slug": area.slug}) + f"#besluit-{d.pk}"
            ),
        }
        for d in public_decisions(area)
    ]
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})

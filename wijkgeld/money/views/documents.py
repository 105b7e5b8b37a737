"""Money documents are private: served only here, to finance and programme staff of the area."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required
from wijkgeld.core.uploads import content_type_for
from wijkgeld.money.models import Commitment, Grant, Payment, Transaction

# URL word -> (model, how its rows belong to an area)
KINDS = {
    "boeking": (Transaction, "area"),
    "verplichting": (Commitment, "line__area"),
    "betaling": (Payment, "commitment__line__area"),
    "subsidie": (Grant, "area"),
}


@require_GET
@area_permission_required("money.view_documents")
def document_download(request, area, kind: str, pk: int):
    if kind not in KINDS:
        raise Http404
    model, area_path = KINDS[kind]
    row = get_object_or_404(model, pk=pk, **{area_path: area})
    if not row.document:
        raise Http404
    try:
        handle = row.document.open("rb")
    except OSError as exc:  # the file went missing on disk: "not found", never a 500
        raise Http404 from exc
    extension = PurePosixPath(row.document.name).suffix.lower()
    # Never the original name: it often holds a resident's name or an invoice number.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{kind}-{row.pk}{extension}",
        content_type=content_type_for(row.document.name),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response

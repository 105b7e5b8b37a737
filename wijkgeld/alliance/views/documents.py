"""Alliance documents that belong to no meeting: the area plan, the implementation programme, monitor
reports (programme staff), and the resident delegates' own advice (delegates upload it themselves)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.alliance import queries, services
from wijkgeld.alliance.forms import AllianceDocumentForm
from wijkgeld.alliance.models import Document
from wijkgeld.alliance.views.common import alliance_of, run_form
from wijkgeld.areas.models import Area

STAFF_KINDS = [
    (k, label)
    for k, label in Document.Kind.choices
    if k not in (Document.Kind.MEETING, Document.Kind.DELEGATES_ADVICE)
]


@require_GET
def documents_page(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    alliance = alliance_of(area)
    documents = queries.alliance_documents(request.user, alliance)
    return render(
        request,
        "alliance/documents.html",
        {
            "area": area,
            "alliance": alliance,
            "documents": [(d, queries.delegates_received_at(d)) for d in documents],
            # Public, like the late-documents warning of a meeting: who got it before the residents.
            "unequal": queries.unequal_documents(alliance),
            "may_manage": can(request.user, "alliance.manage", area),
            "may_upload_own": can(request.user, "alliance.upload_own", area),
        },
    )


def _upload_page(request, area, *, kinds, call, heading, intro=""):
    alliance = alliance_of(area)
    form = AllianceDocumentForm(request.POST or None, request.FILES or None, kinds=kinds)
    return run_form(
        request,
        form,
        lambda d: call(alliance, d),
        success=_("The document has been added."),
        redirect_to=reverse("alliance:documents", kwargs={"slug": area.slug}),
        template="alliance/form.html",
        context={"area": area, "alliance": alliance, "heading": heading, "intro": intro, "multipart": True},
    )


@area_permission_required("alliance.manage")
def document_add(request, area):
    return _upload_page(
        request,
        area,
        kinds=STAFF_KINDS,
        heading=gettext_lazy("Add an alliance document"),
        intro=gettext_lazy("It is shared with all members at once: partners and resident delegates."),
        call=lambda alliance, d: services.document_upload(
            actor=request.user,
            alliance=alliance,
            kind=d["kind"],
            upload=d["file"],
            title=d["title"],
            summary=d["summary"],
            visibility=d["visibility"],
        ),
    )


@area_permission_required("alliance.upload_own")
def advice_add(request, area):
    return _upload_page(
        request,
        area,
        kinds=[(Document.Kind.DELEGATES_ADVICE, Document.Kind.DELEGATES_ADVICE.label)],
        heading=gettext_lazy("Publish the delegates' advice"),
        intro=gettext_lazy("Your own document. Every member of the alliance gets it at the same moment."),
        call=lambda alliance, d: services.document_upload_advice(
            actor=request.user,
            alliance=alliance,
            upload=d["file"],
            title=d["title"],
            summary=d["summary"],
            visibility=d["visibility"],
        ),
    )

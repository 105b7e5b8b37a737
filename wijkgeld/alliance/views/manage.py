"""Pages for programme staff: set up the alliance, plan meetings, publish documents, minutes, decisions."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkgeld.accounts.models import Role, User
from wijkgeld.accounts.permissions import DELEGATE, FINANCE, STAFF, area_permission_required
from wijkgeld.alliance import forms, services
from wijkgeld.alliance.models import Document, Meeting
from wijkgeld.alliance.services.meetings import next_decision_number
from wijkgeld.alliance.views.common import alliance_of, run_form
from wijkgeld.areas.models import Organisation

FORM = "alliance/form.html"


def _meeting(alliance, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("alliance__area"), pk=pk, alliance=alliance)


def _meeting_url(area, meeting) -> str:
    return reverse("alliance:meeting", kwargs={"slug": area.slug, "pk": meeting.pk})


def _manage_url(area) -> str:
    return reverse("alliance:manage", kwargs={"slug": area.slug})


@area_permission_required("alliance.manage")
def manage_page(request, area):
    alliance = alliance_of(area)
    return render(
        request,
        "alliance/manage.html",
        {
            "area": area,
            "alliance": alliance,
            "meetings": alliance.meetings.order_by("-starts_at"),
            "partners": alliance.partners.select_related("organisation").prefetch_related("representatives"),
            "delegates": alliance.delegates.select_related("user"),
        },
    )


@area_permission_required("alliance.manage")
def alliance_new(request, area):
    form = forms.AllianceForm(
        request.POST or None,
        initial={"name": _("Alliance %(area)s") % {"area": area.name}},
        members=User.objects.none(),
    )
    del form.fields["chair"]
    return run_form(
        request,
        form,
        lambda d: services.alliance_create(
            actor=request.user,
            area=area,
            name=d["name"],
            description=d["description"],
            documents_days_before=d["documents_days_before"],
        ),
        success=_("The alliance has been set up. Now add partners and resident delegates."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "heading": gettext_lazy("Set up the alliance")},
    )


@area_permission_required("alliance.manage")
def settings_edit(request, area):
    alliance = alliance_of(area)
    members = User.objects.filter(roles__area=area, roles__name__in=[DELEGATE, STAFF, FINANCE]).distinct()
    initial = {
        "name": alliance.name,
        "description": alliance.description,
        "documents_days_before": alliance.documents_days_before,
        "chair": alliance.chair,
    }
    form = forms.AllianceForm(request.POST or None, initial=initial, members=members)
    return run_form(
        request,
        form,
        lambda d: services.alliance_update(
            actor=request.user,
            alliance=alliance,
            name=d["name"],
            description=d["description"],
            documents_days_before=d["documents_days_before"],
            chair=d["chair"],
        ),
        success=_("The settings of the alliance are saved."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Settings of the alliance")},
    )


@area_permission_required("alliance.manage")
def partner_add(request, area):
    alliance = alliance_of(area)
    organisations = Organisation.objects.exclude(pk__in=alliance.partners.values("organisation"))
    form = forms.PartnerForm(request.POST or None, organisations=organisations)
    return run_form(
        request,
        form,
        lambda d: services.partner_add(
            actor=request.user,
            alliance=alliance,
            organisation=d["organisation"],
            since=d["since"],
            until=d["until"],
        ),
        success=_("The partner has been added."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Add a partner")},
    )


@area_permission_required("alliance.manage")
def representative_add(request, area):
    alliance = alliance_of(area)
    form = forms.RepresentativeForm(
        request.POST or None, partners=alliance.partners.select_related("organisation")
    )
    return run_form(
        request,
        form,
        lambda d: services.representative_add(
            actor=request.user,
            partner=d["partner"],
            name=d["name"],
            function=d["function"],
            since=d["since"],
            until=d["until"],
        ),
        success=_("The representative has been added."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Add a representative")},
    )


@area_permission_required("alliance.manage")
def delegate_add(request, area):
    alliance = alliance_of(area)
    users = User.objects.filter(pk__in=Role.objects.filter(area=area, name=DELEGATE).values("user"))
    form = forms.DelegateForm(request.POST or None, users=users)
    return run_form(
        request,
        form,
        lambda d: services.delegate_add(
            actor=request.user,
            alliance=alliance,
            user=d["user"],
            chosen_how=d["chosen_how"],
            chosen_note=d["chosen_note"],
            since=d["since"],
            until=d["until"],
        ),
        success=_("The resident delegate has been added."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Add a resident delegate")},
    )


@area_permission_required("alliance.manage")
def meeting_create(request, area):
    alliance = alliance_of(area)
    form = forms.MeetingForm(request.POST or None)
    del form.fields["cancelled"]
    created = {}

    def call(d):
        created["meeting"] = services.meeting_create(
            actor=request.user,
            alliance=alliance,
            kind=d["kind"],
            title=d["title"],
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            place=d["place"],
            online_url=d["online_url"],
        )

    response = run_form(
        request,
        form,
        call,
        success=_("The meeting has been planned."),
        redirect_to=_manage_url(area),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Plan a meeting")},
    )
    if "meeting" in created:
        response["Location"] = _meeting_url(area, created["meeting"])
    return response


@area_permission_required("alliance.manage")
def meeting_edit(request, area, pk: int):
    alliance = alliance_of(area)
    meeting = _meeting(alliance, pk)
    initial = {f: getattr(meeting, f) for f in ("kind", "title", "place", "online_url", "cancelled")}
    initial |= {
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
    }
    form = forms.MeetingForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda d: services.meeting_update(actor=request.user, meeting=meeting, **d),
        success=_("The meeting has been changed."),
        redirect_to=_meeting_url(area, meeting),
        template=FORM,
        context={
            "area": area,
            "alliance": alliance,
            "heading": gettext_lazy("Change the meeting"),
            "meeting": meeting,
        },
    )


@area_permission_required("alliance.manage")
def agenda_item_add(request, area, pk: int):
    alliance = alliance_of(area)
    meeting = _meeting(alliance, pk)
    form = forms.ProposeItemForm(request.POST or None)
    form.fields["explanation"].required = False
    form.fields["brought_by"] = forms.forms.CharField(label=gettext_lazy("Brought in by"), max_length=200)
    return run_form(
        request,
        form,
        lambda d: services.agenda_item_add(
            actor=request.user,
            meeting=meeting,
            title=d["title"],
            brought_by=d["brought_by"],
            explanation=d["explanation"],
        ),
        success=_("The item is on the agenda."),
        redirect_to=_meeting_url(area, meeting),
        template=FORM,
        context={
            "area": area,
            "alliance": alliance,
            "heading": gettext_lazy("Add an agenda item"),
            "meeting": meeting,
        },
    )


@area_permission_required("alliance.manage")
def document_upload(request, area, pk: int):
    alliance = alliance_of(area)
    meeting = _meeting(alliance, pk)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    return run_form(
        request,
        form,
        lambda d: services.document_upload(
            actor=request.user,
            meeting=meeting,
            upload=d["file"],
            title=d["title"],
            summary=d["summary"],
            visibility=d["visibility"],
            share_with=d["share_with"] or None,
        ),
        success=_("The document has been added."),
        redirect_to=_meeting_url(area, meeting),
        template=FORM,
        context={
            "area": area,
            "alliance": alliance,
            "heading": gettext_lazy("Add a document"),
            "meeting": meeting,
            "multipart": True,
        },
    )


@area_permission_required("alliance.manage")
def document_share(request, area, pk: int):
    alliance = alliance_of(area)
    document = get_object_or_404(Document.objects.select_related("meeting"), pk=pk, alliance=alliance)
    form = forms.ShareForm(request.POST or None, alliance=alliance)
    back = (
        _meeting_url(area, document.meeting)
        if document.meeting
        else reverse("alliance:documents", kwargs={"slug": area.slug})
    )
    return run_form(
        request,
        form,
        lambda d: services.document_share(
            actor=request.user, document=document, audience=d["audience"], partner=d["partner"]
        ),
        success=_("The sharing has been recorded."),
        redirect_to=back,
        template=FORM,
        context={
            "area": area,
            "alliance": alliance,
            "heading": gettext_lazy("Share the document"),
            "meeting": document.meeting,
            "intro": gettext_lazy(
                "Share with everyone at once. Residents must get documents at the same moment as the other members."
            ),
        },
    )


@area_permission_required("alliance.edit_minutes")
def minutes_edit(request, area, pk: int):
    alliance = alliance_of(area)
    meeting = _meeting(alliance, pk)
    initial = {
        "minutes": meeting.minutes,
        "minutes_summary": meeting.minutes_summary,
        "visibility": meeting.minutes_visibility,
    }
    form = forms.MinutesForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda d: services.minutes_save(
            actor=request.user,
            meeting=meeting,
            minutes=d["minutes"],
            minutes_summary=d["minutes_summary"],
            visibility=d["visibility"],
        ),
        success=_("The minutes are saved."),
        redirect_to=_meeting_url(area, meeting),
        template=FORM,
        context={"area": area, "alliance": alliance, "heading": gettext_lazy("Minutes"), "meeting": meeting},
    )


@area_permission_required("alliance.manage")
def decision_add(request, area, pk: int):
    alliance = alliance_of(area)
    meeting = _meeting(alliance, pk)
    initial = {
        "number": next_decision_number(alliance, year=timezone.localdate(meeting.starts_at).year),
        "decided_by": meeting.get_kind_display(),
    }
    form = forms.DecisionForm(request.POST or None, initial=initial, meeting=meeting)
    return run_form(
        request,
        form,
        lambda d: services.decision_record(
            actor=request.user,
            meeting=meeting,
            number=d["number"],
            title=d["title"],
            text=d["text"],
            summary=d["summary"],
            decided_by=d["decided_by"],
            agenda_item=d["agenda_item"],
            amount_cents=d["amount"],
            money_reference=d["money_reference"],
            visibility=d["visibility"],
            budget_lines=d["budget_lines"],
            commitments=d["commitments"],
        ),
        success=_("The decision is in the register."),
        redirect_to=_meeting_url(area, meeting),
        template=FORM,
        context={
            "area": area,
            "alliance": alliance,
            "heading": gettext_lazy("Record a decision"),
            "meeting": meeting,
        },
    )

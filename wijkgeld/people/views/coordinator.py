"""Pages of the coordinator at a bewonersbedrijf and of the municipal contact: the only pages that
show a participant's name (and only of their own placements)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error, call_service
from wijkgeld.people import services
from wijkgeld.people.forms import ConfirmForm, HoursForm, MilestoneForm, PlacementForm, StepForm, WorkRoleForm
from wijkgeld.people.models import Appointment, Interest, Placement, WorkRole
from wijkgeld.people.permissions import (
    coordinated_enterprises,
    is_coordinator_of,
    may_manage_placement,
    may_see_personal_data,
    may_work_with_placements,
)
from wijkgeld.people.views.util import area_login_required, deny_unless


def _my_placements(user, area):
    enterprises = coordinated_enterprises(user, area)
    from django.db.models import Q

    return (
        Placement.objects.filter(area=area)
        .filter(Q(role__enterprise__in=enterprises) | Q(municipal_contact=user))
        .select_related("role__enterprise__organisation", "personal_data")
        .distinct()
    )


@area_login_required
def home(request, area):
    deny_unless(may_work_with_placements(request.user, area))
    enterprises = coordinated_enterprises(request.user, area)
    placements = list(_my_placements(request.user, area))
    for placement in placements:
        placement.may_see = may_see_personal_data(request.user, placement)
    return render(
        request,
        "people/coordinator.html",
        {
            "area": area,
            "enterprises": enterprises,
            "roles": WorkRole.objects.filter(enterprise__in=enterprises).order_by("-is_open", "title"),
            "interests": Interest.objects.filter(role__enterprise__in=enterprises).select_related("role"),
            "placements": placements,
        },
    )


def _enterprise_queryset(user, area):
    return CollectiveProfile.objects.filter(
        pk__in=[e.pk for e in coordinated_enterprises(user, area)]
    ).select_related("organisation")


@area_login_required
def role_create(request, area):
    enterprises = _enterprise_queryset(request.user, area)
    deny_unless(enterprises.exists())
    form = WorkRoleForm(request.POST or None, enterprises=enterprises)
    posted = request.method == "POST" and form.is_valid()
    if posted and call_service(form, services.work_role_create, actor=request.user, **form.cleaned_data):
        messages.success(request, _("The role is published."))
        return redirect("people:coordinator", slug=area.slug)
    return render(
        request,
        "people/form_page.html",
        {
            "area": area,
            "form": form,
            "title": _("Publish a role"),
            "button": _("Publish"),
            "back": "people:coordinator",
        },
    )


@require_POST
@area_login_required
def role_toggle(request, area, pk: int):
    role = get_object_or_404(WorkRole, pk=pk, area=area)
    deny_unless(is_coordinator_of(request.user, role.enterprise))
    try:
        services.work_role_set_open(actor=request.user, role=role, is_open=not role.is_open)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The role is open.") if not role.is_open else _("The role is closed."))
    return redirect("people:coordinator", slug=area.slug)


@require_POST
@area_login_required
def interest_delete(request, area, pk: int):
    interest = get_object_or_404(Interest, pk=pk, role__area=area)
    deny_unless(is_coordinator_of(request.user, interest.role.enterprise))
    services.interest_delete(actor=request.user, interest=interest)
    messages.success(request, _("The interest form is deleted."))
    return redirect("people:coordinator", slug=area.slug)


@area_login_required
def placement_create(request, area):
    enterprises = coordinated_enterprises(request.user, area)
    deny_unless(bool(enterprises))
    roles = WorkRole.objects.filter(enterprise__in=enterprises)
    from wijkgeld.accounts.models import User

    contacts = User.objects.filter(
        pk__in=Appointment.objects.filter(
            area=area, kind=Appointment.Kind.MUNICIPAL_CONTACT, ended_at__isnull=True
        ).values("user")
    )
    initial = {}
    interest = None
    raw = request.GET.get("interest") or request.POST.get("interest")
    if raw and str(raw).isdigit():
        interest = Interest.objects.filter(pk=raw, role__enterprise__in=enterprises).first()
    if interest is not None:
        initial = {
            "role": interest.role_id,
            "name": interest.name,
            "email": interest.email,
            "phone": interest.phone,
            "interest": interest.pk,
        }
    form = PlacementForm(request.POST or None, roles=roles, contacts=contacts, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("consent")
        data.pop("interest")
        placement = call_service(
            form, services.placement_create, actor=request.user, interest=interest, **data
        )
        if placement:
            messages.success(
                request,
                _("The participant is registered as {pseudonym}.").format(pseudonym=placement.pseudonym),
            )
            return redirect("people:placement", slug=area.slug, pk=placement.pk)
    return render(
        request,
        "people/form_page.html",
        {
            "area": area,
            "form": form,
            "title": _("Register a participant"),
            "intro": _(
                "Only register someone who agrees. Record no citizen service number (BSN), no benefit and no "
                "health data: Wijkgeld has no place for it. Only you and the municipal contact see the name."
            ),
            "button": _("Sign up"),
            "back": "people:coordinator",
        },
    )


def _placement_for(request, area, pk: int) -> Placement:
    placement = get_object_or_404(
        Placement.objects.select_related("role__enterprise__organisation", "area"), pk=pk, area=area
    )
    deny_unless(
        may_see_personal_data(request.user, placement) or may_manage_placement(request.user, placement)
    )
    return placement


def _detail(request, area, placement, **forms):
    may_manage = may_manage_placement(request.user, placement) and placement.consent_withdrawn_at is None
    context = {
        "area": area,
        "placement": placement,
        "personal": getattr(placement, "personal_data", None)
        if may_see_personal_data(request.user, placement)
        else None,
        "may_see": may_see_personal_data(request.user, placement),
        "may_manage": may_manage,
        "steps": placement.steps.all(),
        "months": placement.months.all(),
        "milestones": placement.milestones.all(),
        "step_form": forms.get("step_form") or StepForm(),
        "hours_form": forms.get("hours_form") or HoursForm(),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(),
    }
    status = 400 if forms else 200
    return render(request, "people/placement.html", context, status=status)


@area_login_required
def placement_detail(request, area, pk: int):
    placement = _placement_for(request, area, pk)
    return _detail(request, area, placement)


def _post(request, area, pk, form_class, name, service, build):
    placement = _placement_for(request, area, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, placement=placement, **build(form.cleaned_data))
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("people:placement", slug=area.slug, pk=placement.pk)
    return _detail(request, area, placement, **{name: form})


@require_POST
@area_login_required
def step_add(request, area, pk: int):
    return _post(request, area, pk, StepForm, "step_form", services.rhythm_step_add, lambda d: d)


@require_POST
@area_login_required
def hours_record(request, area, pk: int):
    def build(d):
        return {
            "month": d["month"],
            "hours": d["hours"],
            "allowance_cents": d["allowance"] or 0,
            "over_maximum_confirmed": d["confirm_over_maximum"],
        }

    return _post(request, area, pk, HoursForm, "hours_form", services.month_record, build)


@require_POST
@area_login_required
def milestone_record(request, area, pk: int):
    return _post(request, area, pk, MilestoneForm, "milestone_form", services.milestone_record, lambda d: d)


@area_login_required
def consent_withdraw(request, area, pk: int):
    placement = _placement_for(request, area, pk)
    deny_unless(may_see_personal_data(request.user, placement))
    form = ConfirmForm(request.POST or None)
    posted = request.method == "POST" and form.is_valid()
    if posted and call_service(form, services.consent_withdraw, actor=request.user, placement=placement):
        messages.success(request, _("Consent is withdrawn. The name and contact data are deleted."))
        return redirect("people:coordinator", slug=area.slug)
    return render(
        request,
        "people/form_page.html",
        {
            "area": area,
            "form": form,
            "title": _("Withdraw consent of {pseudonym}").format(pseudonym=placement.pseudonym),
            "intro": _(
                "The name and contact data are deleted at once and cannot be brought back. The hours and "
                "milestones stay, without a name, in the anonymous counts."
            ),
            "button": _("Withdraw consent and delete the data"),
            "back": "people:coordinator",
        },
    )

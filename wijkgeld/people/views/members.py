"""Pages for delegates, committee, staff and finance: pseudonymous placements, the guidance fee, tasks.

Nothing here shows a participant's name: the templates get placements without `personal_data`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts import services as accounts
from wijkgeld.accounts.models import User
from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error, call_service
from wijkgeld.money import services as money
from wijkgeld.money.models import BudgetLine
from wijkgeld.people import conf, services
from wijkgeld.people.forms import AppointmentForm, CommitForm, EndAppointmentForm, PayForm
from wijkgeld.people.models import Appointment, Placement
from wijkgeld.people.views.util import deny_unless


@area_permission_required("people.view")
def placements(request, area):
    rows = (
        Placement.objects.filter(area=area)
        .select_related("role__enterprise__organisation", "fee_commitment")
        .prefetch_related("milestones")
    )
    return render(
        request,
        "people/placements.html",
        {"area": area, "placements": rows, "may_commit": can(request.user, "money.commit", area)},
    )


def lines_for(area, theme_code: str):
    return (
        BudgetLine.objects.filter(area=area, theme__code=theme_code)
        .select_related("theme")
        .order_by("-year", "name")
    )


@area_permission_required("people.view")
def fee(request, area, pk: int):
    placement = get_object_or_404(
        Placement.objects.select_related("role__enterprise__organisation"), pk=pk, area=area
    )
    lines = lines_for(area, conf.reintegration_theme())
    commit_form = CommitForm(prefix="c", lines=lines)
    pay_form = PayForm(prefix="p")
    if request.method == "POST":
        # Readers (delegates, committee, observers) are refused before any form is read.
        deny_unless(can(request.user, "money.commit" if "c-line" in request.POST else "money.pay", area))
        if "c-line" in request.POST:
            commit_form = CommitForm(request.POST, prefix="c", lines=lines)
            if commit_form.is_valid():
                done = call_service(
                    commit_form,
                    services.placement_fee_commit,
                    actor=request.user,
                    placement=placement,
                    line=commit_form.cleaned_data["line"],
                    amount_cents=commit_form.cleaned_data["amount"],
                )
                if done:
                    messages.success(request, _("The guidance fee is committed."))
                    return redirect("people:fee", slug=area.slug, pk=placement.pk)
        else:
            pay_form = PayForm(request.POST, prefix="p")
            if pay_form.is_valid():
                done = call_service(
                    pay_form,
                    services.placement_fee_pay,
                    actor=request.user,
                    placement=placement,
                    amount_cents=pay_form.cleaned_data["amount"],
                    description=pay_form.cleaned_data["description"],
                )
                if done:
                    messages.success(request, _("The payment is entered."))
                    return redirect("people:fee", slug=area.slug, pk=placement.pk)
    placement.refresh_from_db()
    commitment = placement.fee_commitment
    return render(
        request,
        "people/fee.html",
        {
            "area": area,
            "placement": placement,
            "commitment": commitment,
            "paid": money.commitment_paid_cents(commitment) if commitment else 0,
            "payable": money.commitment_payable_cents(commitment) if commitment else 0,
            "payments": commitment.payments.all() if commitment else [],
            "commit_form": commit_form
            if can(request.user, "money.commit", area) and not commitment
            else None,
            "pay_form": pay_form if can(request.user, "money.pay", area) and commitment else None,
        },
        status=400 if request.method == "POST" else 200,
    )


def _appoint(request, area, data) -> str | None:
    """Give the task, creating the account first if the username is new; returns its set-password link."""
    link = None
    user = User.objects.filter(username=data["username"].strip()).first()
    if user is None:
        if not data["display_name"] or not data["email"]:
            raise DomainError(_("Fill in a name and an e-mail address for the new account."), field="email")
        user = accounts.account_create(
            actor=request.user,
            username=data["username"].strip(),
            display_name=data["display_name"],
            email=data["email"],
            area=area,
        )
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        link = request.build_absolute_uri(
            reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        )
    services.appointment_create(
        actor=request.user, area=area, user=user, kind=data["kind"], collective=data["collective"]
    )
    return link


@area_permission_required("people.appoint")
def appointments(request, area):
    collectives = CollectiveProfile.objects.filter(area=area, status="verified").select_related(
        "organisation"
    )
    form = AppointmentForm(request.POST or None, collectives=collectives)
    new_account_link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # a new account is kept only when the task is given too
                new_account_link = _appoint(request, area, data)
        except DomainError as exc:
            add_domain_error(form, exc)
            new_account_link = None
        except ValidationError as exc:
            form.add_error("username", "; ".join(exc.messages))
            new_account_link = None
        else:
            messages.success(request, _("The task is given."))
            if new_account_link is None:
                return redirect("people:appointments", slug=area.slug)
            form = AppointmentForm(collectives=collectives)
    rows = Appointment.objects.filter(area=area, ended_at__isnull=True).select_related(
        "user", "collective__organisation"
    )
    return render(
        request,
        "people/appointments.html",
        {"area": area, "form": form, "appointments": rows, "new_account_link": new_account_link},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_POST
@area_permission_required("people.appoint")
def appointment_end(request, area):
    form = EndAppointmentForm(request.POST)
    if form.is_valid():
        appointment = get_object_or_404(Appointment, pk=form.cleaned_data["appointment"], area=area)
        try:
            services.appointment_end(actor=request.user, appointment=appointment)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The task has ended."))
    return redirect("people:appointments", slug=area.slug)

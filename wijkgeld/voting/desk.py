"""Help-desk pages: the helper's page (open a desk, ask for a replacement code), the desk device's pages
(one resident after another) and the committee's page of help-desk volunteers.

The desk device carries only the desk cookie (a random token). Opening a desk logs the device out of
the helper's account, so a resident at the tablet can reach nothing of the helper's. Between voters:
the receipt is shown once (its cookie is deleted with that very response), "Next resident" marks
every older form as stale (Back and resend are refused, see views.py) and asks the browser to drop
its cache (`Clear-Site-Data: "cache"`); every page is `no-store`.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkgeld.accounts import services as account_services
from wijkgeld.accounts.models import Role, User
from wijkgeld.accounts.permissions import HELP_DESK, area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error
from wijkgeld.fund.models import Round
from wijkgeld.voting.ballot_state import state_clear
from wijkgeld.voting.batches import code_batch_request
from wijkgeld.voting.helpdesk import help_desk_close, help_desk_open, open_desks
from wijkgeld.voting.models import HelpDesk
from wijkgeld.voting.services import voting_state
from wijkgeld.voting.views import (
    DESK_COOKIE,
    RECEIPT_COOKIE,
    _is_stale,
    _mark_done,
    _new_step,
    code_step,
    desk_of,
)

# --- forms -------------------------------------------------------------------------------------------


class ReplacementForm(forms.Form):
    letter = forms.IntegerField(
        label=gettext_lazy("Letter number"),
        min_value=1,
        max_value=10_000_000,
        help_text=gettext_lazy(
            "The number of the lost letter. The committee finds it on its own address list, after it has "
            "checked that this resident may vote."
        ),
    )


class VolunteerForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("Username"),
        max_length=150,
        help_text=gettext_lazy(
            "An existing account, or a new one: then also fill in the name and e-mail address."
        ),
    )
    display_name = forms.CharField(label=gettext_lazy("Name"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail address"), required=False)
    until = forms.DateField(
        label=gettext_lazy("Helps until"),
        help_text=gettext_lazy("For example the last day of voting. Format: day-month-year, 31-12-2026."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until < today:
            raise forms.ValidationError(_("This date is in the past."))
        if until > today + dt.timedelta(days=366):
            raise forms.ValidationError(_("Give the role for one year at most; you can give it again later."))
        return until


# --- the helper's page (signed in) -----------------------------------------------------------------


def _open_rounds(area):
    rounds = Round.objects.filter(fund__area=area, phase=Round.Phase.VOTING).select_related("fund__area")
    return [r for r in rounds if voting_state(r) == "open"]


def _home(request, area, *, replace_form=None, status=200):
    rounds = _open_rounds(area)
    return render(
        request,
        "voting/desk/home.html",
        {
            "area": area,
            "rounds": [(r, list(open_desks(round=r))) for r in rounds],
            "replace_form": replace_form or ReplacementForm(),
            "may_manage_volunteers": can(request.user, "area.manage_help_desk", area),
            "may_close_any": can(request.user, "voting.manage_codes", area),
        },
        status=status,
    )


@never_cache
@area_permission_required("voting.help_desk")
def home(request, area):
    return _home(request, area)


def _open_round(area, round_id: int) -> Round:
    return get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id, fund__area=area)


@never_cache
@require_POST
@area_permission_required("voting.help_desk")
def open_desk(request, area, round_id: int):
    """Turn this device into a help desk: log the helper out, leave only the desk cookie."""
    round_ = _open_round(area, round_id)
    try:
        desk, token = help_desk_open(actor=request.user, round=round_)
    except DomainError as exc:
        messages.error(request, exc.message)
        return _home(request, area, status=400)
    logout(request)  # the resident at the tablet must not be able to use the helper's account
    response = redirect("voting:desk")
    response.set_cookie(
        DESK_COOKIE,
        token,
        expires=desk.expires_at,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    _mark_done(response)  # forms opened before the desk (by anyone) are stale from now on
    return response


@never_cache
@require_POST
@area_permission_required("voting.help_desk")
def close_remote(request, area, desk_id: int):
    """Close a desk from an account: the helper who opened it, or a committee member (lost tablet)."""
    desk = get_object_or_404(HelpDesk, pk=desk_id, round__fund__area=area)
    help_desk_close(actor=request.user, desk=desk)
    messages.success(request, _("The help desk is closed. That device can no longer be used as a help desk."))
    return redirect("voting:desk_home", slug=area.slug)


@never_cache
@require_POST
@area_permission_required("voting.request_replacement")
def request_replacement(request, area, round_id: int):
    round_ = _open_round(area, round_id)
    form = ReplacementForm(request.POST)
    if form.is_valid():
        try:
            code_batch_request(actor=request.user, round=round_, replace_letter=form.cleaned_data["letter"])
        except DomainError as exc:
            exc.field = "letter"
            add_domain_error(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Asked for. A committee member who did not ask must now issue the new code on the "
                    "voting page of the round; it is printed once."
                ),
            )
            return redirect("voting:desk_home", slug=area.slug)
    return _home(request, area, replace_form=form, status=400)


# --- the desk device (no account) ------------------------------------------------------------------


def _no_store(response):
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    return response


def desk_start_page(request, desk, *, error: str | None = None, status: int = 200):
    """The start of the desk: the next resident types their code (the field is always empty)."""
    context = {"desk": desk, "round": desk.round, "area": desk.round.fund.area, "error": error}
    context["step"] = _new_step()
    return _no_store(render(request, "voting/desk/start.html", context, status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def desk(request):
    current = desk_of(request)
    if current is None:
        response = render(request, "voting/desk/none.html", status=200 if request.method == "GET" else 400)
        response.delete_cookie(DESK_COOKIE, samesite="Lax")
        return response
    if request.method == "GET":
        return desk_start_page(request, current)
    if _is_stale(request):
        return desk_start_page(
            request,
            current,
            error=_("For your safety this page has expired. Type the code from your letter again."),
            status=400,
        )
    typed = request.POST.get("code", "")[:40]
    return _no_store(
        code_step(
            request,
            typed,
            lambda error: desk_start_page(request, current, error=error, status=400),
            round_id=current.round_id,
        )
    )


@never_cache
@require_POST
def desk_next(request):
    """The resident is done: forget them on this device and start again for the next one."""
    response = redirect("voting:desk")
    response.delete_cookie(RECEIPT_COOKIE, samesite="Lax")
    state_clear(response)
    _mark_done(response)
    response["Clear-Site-Data"] = '"cache"'
    return response


@never_cache
@require_POST
def desk_close(request):
    """Close the desk on the device itself (its cookie is the right to do so): a normal device again."""
    current = desk_of(request)
    if current is not None:
        help_desk_close(actor=None, desk=current)
    response = redirect("voting:desk")
    response.delete_cookie(DESK_COOKIE, samesite="Lax")
    response.delete_cookie(RECEIPT_COOKIE, samesite="Lax")
    state_clear(response)
    _mark_done(response)
    response["Clear-Site-Data"] = '"cache"'
    return response


# --- the committee's page of volunteers --------------------------------------------------------------


def _volunteers_page(request, area, form, status=200):
    roles = (
        Role.objects.current()
        .filter(area=area, name=HELP_DESK)
        .select_related("user", "granted_by")
        .order_by("user__username")
    )
    return render(
        request, "voting/desk/volunteers.html", {"area": area, "form": form, "roles": roles}, status=status
    )


@never_cache
@area_permission_required("area.manage_help_desk")
def volunteers(request, area):
    form = VolunteerForm(request.POST or None)
    if request.method != "POST":
        return _volunteers_page(request, area, form)
    if form.is_valid():
        data = form.cleaned_data
        username = data["username"].strip()
        user = User.objects.filter(username=username).first()
        try:
            if user is None:
                account_services.account_create_with_role(
                    actor=request.user,
                    username=username,
                    display_name=data["display_name"],
                    email=data["email"] or "",
                    area=area,
                    name=HELP_DESK,
                    until=data["until"],
                )
            else:
                account_services.role_grant(
                    actor=request.user, user=user, area=area, name=HELP_DESK, until=data["until"]
                )
        except DomainError as exc:
            if exc.field not in form.fields:
                exc.field = "username"
            add_domain_error(form, exc)
        else:
            messages.success(request, _("%(name)s can now help at the help desk.") % {"name": username})
            return redirect("voting:desk_volunteers", slug=area.slug)
    return _volunteers_page(request, area, form, status=400)


@never_cache
@require_POST
@area_permission_required("area.manage_help_desk")
def volunteer_revoke(request, area, role_id: int):
    role = get_object_or_404(Role, pk=role_id, area=area, name=HELP_DESK)
    try:
        account_services.role_revoke(actor=request.user, role=role)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("This person no longer helps at the help desk."))
    return redirect("voting:desk_volunteers", slug=area.slug)

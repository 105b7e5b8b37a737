"""Who has which role in an area. Programme staff give the residents' roles; the site administrator also
the roles of the programme organisation. Delegates and committee members see every grant and removal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts import services
from wijkgeld.accounts.models import Role, User
from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.accounts.role_forms import GrantRoleForm, ResendLinkForm, RevokeRoleForm
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error
from wijkgeld.core.models import AuditEntry

ROLE_ACTIONS = (
    "accounts.role.granted",
    "accounts.role.revoked",
    # Written by the admin before grants went through the service; kept so the history is complete.
    "accounts.role.created",
    "accounts.role.deleted",
)


def _grant(request, area, form: GrantRoleForm) -> tuple[bool, str]:
    """Returns (done, e-mail address the set-password link went to, or "")."""
    data = form.cleaned_data
    choice = {
        "area": area,
        "name": data["role"],
        "chosen_by": data["chosen_by"],
        "chosen_reference": data["chosen_reference"],
        "until": data["until"],
    }
    username = data["username"].strip()
    user = User.objects.filter(username=username).first()
    try:
        if user is None:
            services.account_create_with_role(
                actor=request.user,
                username=username,
                display_name=data["display_name"],
                email=data["email"],
                **choice,
            )
            return True, data["email"]
        services.role_grant(actor=request.user, user=user, **choice)
    except DomainError as exc:
        if exc.field not in form.fields:
            exc.field = "username"
        add_domain_error(form, exc)
    except ValidationError as exc:
        form.add_error("username", "; ".join(exc.messages))
    else:
        return True, ""
    return False, ""


@area_permission_required("area.manage_roles")
def area_roles(request, area):
    form = GrantRoleForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        done, emailed_to = _grant(request, area, form)
        if done:
            messages.success(request, _("The role has been given."))
            if emailed_to:
                messages.info(
                    request,
                    _(
                        "The account has been made. We have sent an e-mail to %(email)s with a one-time link "
                        "to choose a password."
                    )
                    % {"email": emailed_to},
                )
            return redirect("accounts:area_roles", slug=area.slug)
    roles = list(Role.objects.filter(area=area).select_related("user").order_by("name", "user__username"))
    for role in roles:
        try:
            services.role_revoke_check(actor=request.user, role=role)
        except DomainError:
            role.may_revoke = False
        else:
            role.may_revoke = True
    return render(request, "accounts/area_roles.html", {"area": area, "form": form, "roles": roles})


@require_POST
@area_permission_required("area.manage_roles")
def area_role_revoke(request, area):
    form = RevokeRoleForm(request.POST)
    if form.is_valid():
        role = get_object_or_404(Role, pk=form.cleaned_data["role_id"], area=area)
        try:
            services.role_revoke(actor=request.user, role=role)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The role has been taken away."))
    return redirect("accounts:area_roles", slug=area.slug)


@require_POST
@area_permission_required("area.manage_roles")
def area_password_link_resend(request, area):
    form = ResendLinkForm(request.POST)
    if form.is_valid():
        user = get_object_or_404(
            User.objects.filter(roles__area=area).distinct(), pk=form.cleaned_data["user_id"]
        )
        try:
            services.set_password_link_resend(actor=request.user, user=user, area=area)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("We have sent the link to choose a password to %(name)s again.") % {"name": user}
            )
    return redirect("accounts:area_roles", slug=area.slug)


@area_permission_required("area.view_roles")
def area_role_history(request, area):
    """Every grant and removal in the area, newest first, with how residents chose their delegates."""
    labels = dict(Role.Name.choices)
    chosen = dict(Role.ChosenBy.choices)
    entries = AuditEntry.objects.filter(area=area, action__in=ROLE_ACTIONS).order_by("-created_at", "-id")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "granted": entry.action in ("accounts.role.granted", "accounts.role.created"),
            "role": labels.get(entry.data.get("role", ""), ""),
            "chosen_by": chosen.get(entry.data.get("chosen_by", ""), ""),
            "reference": entry.data.get("reference", ""),
            "until": parse_date(entry.data.get("until") or "") if entry.data.get("until") else None,
        }
        for entry in page.object_list
    ]
    current = (
        Role.objects.current()
        .filter(area=area, name__in=[Role.Name.DELEGATE, Role.Name.COMMITTEE])
        .select_related("user")
        .order_by("name", "until", "user__display_name")
    )
    return render(
        request,
        "accounts/area_role_history.html",
        {
            "area": area,
            "rows": rows,
            "page": page,
            "current": current,
            "may_manage": can(request.user, "area.manage_roles", area),
        },
    )

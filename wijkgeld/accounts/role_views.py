"""Programme staff manage who has which role in their own area."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts import services
from wijkgeld.accounts.models import Role, User
from wijkgeld.accounts.permissions import area_permission_required
from wijkgeld.accounts.role_forms import GrantRoleForm, RevokeRoleForm
from wijkgeld.core.errors import DomainError


def _set_password_link(request, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    )


@area_permission_required("area.manage_roles")
def area_roles(request, area):
    form = GrantRoleForm(request.POST or None)
    new_account_link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = User.objects.filter(username=data["username"].strip()).first()
            if user is None:
                user = services.account_create(
                    actor=request.user,
                    username=data["username"].strip(),
                    display_name=data["display_name"],
                    email=data["email"],
                    area=area,
                )
                new_account_link = _set_password_link(request, user)
            services.role_grant(actor=request.user, user=user, area=area, name=data["role"])
        except (DomainError, ValidationError) as exc:
            message = exc.message if isinstance(exc, DomainError) else "; ".join(exc.messages)
            form.add_error(getattr(exc, "field", None) or "username", message)
        else:
            messages.success(request, _("The role has been given."))
            if new_account_link is None:
                return redirect("accounts:area_roles", slug=area.slug)
            form = GrantRoleForm()
    roles = Role.objects.filter(area=area).select_related("user").order_by("name", "user__username")
    return render(
        request,
        "accounts/area_roles.html",
        {"area": area, "form": form, "roles": roles, "new_account_link": new_account_link},
    )


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

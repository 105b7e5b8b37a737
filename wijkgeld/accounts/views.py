from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from wijkgeld.accounts import services
from wijkgeld.accounts.forms import LoginForm, TokenForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@login_required
def two_factor(request):
    """Set up (first time) or enter the second step of the login."""
    user = request.user
    if user.is_verified():
        return redirect(_safe_next(request) or "accounts:dashboard")
    setting_up = not services.has_confirmed_device(user)
    qr_data_uri = secret = None
    if setting_up:
        device = services.totp_pending_device(user=user)
        uri = device.config_url
        qr_data_uri = "data:image/svg+xml;base64," + base64.b64encode(
            segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff").encode()
        ).decode("ascii")
        secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.two_factor_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            # A new session key after the second step: a key someone saw or planted before it is useless.
            request.session.cycle_key()
            messages.success(request, _("You are logged in with two steps."))
            return redirect(_safe_next(request) or "accounts:dashboard")
        form.add_error("token", _("This code is not correct or has expired. Try the newest code."))
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "setting_up": setting_up,
            "qr_data_uri": qr_data_uri,
            "secret": secret,
            "next": _safe_next(request),
        },
    )


@login_required
def dashboard(request):
    from wijkgeld.core.models import TaskMailSettings
    from wijkgeld.core.tasks import tasks_for

    roles = request.user.roles.select_related("area").order_by("area__name", "name")
    mail = TaskMailSettings.objects.filter(user=request.user).first()
    return render(
        request,
        "accounts/dashboard.html",
        {"roles": roles, "tasks": tasks_for(request.user), "task_mail_on": not (mail and mail.opted_out)},
    )

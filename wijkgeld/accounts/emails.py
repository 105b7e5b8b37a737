"""E-mails to account holders. Links are built from SITE_URL, never from the Host header of a request
(a forged Host would otherwise put an attacker's address in a password link)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def set_password_link(user) -> str:
    """A one-time link (Django's password-reset token: it stops working once a password is set)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return site_url(reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def set_password_link_send(*, user, area=None) -> None:
    context = {
        "user": user,
        "area": area,
        "link": set_password_link(user),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        "SITE_URL": settings.SITE_URL,
    }
    subject = render_to_string("accounts/email/set_password_subject.txt", context).strip()
    body = render_to_string("accounts/email/set_password.txt", context)
    send_mail(subject, body, None, [user.email])

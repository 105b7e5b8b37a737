"""Services for accounts: roles and two-step login. Keyword-only, atomic, audit-logged."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkgeld.accounts.models import Role, User
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError


@transaction.atomic
def role_grant(*, actor, user: User, area, name: str) -> Role:
    if name not in Role.Name.values:
        raise DomainError(_("Unknown role."), field="name")
    if area is None and name not in (Role.Name.ADMIN, Role.Name.OBSERVER):
        raise DomainError(_("This role needs an area."), field="area")
    role, created = Role.objects.get_or_create(user=user, area=area, name=name)
    if created:
        audit_record(actor=actor, action="accounts.role.granted", area=area, obj=user, data={"role": name})
    return role


@transaction.atomic
def role_revoke(*, actor, role: Role) -> None:
    user, area, name = role.user, role.area, role.name
    if user == actor and name == Role.Name.STAFF:
        raise DomainError(_("You cannot take away your own programme staff role."))
    role.delete()
    audit_record(actor=actor, action="accounts.role.revoked", area=area, obj=user, data={"role": name})


@transaction.atomic
def account_create(*, actor, username: str, display_name: str, email: str, area=None) -> User:
    """A new account without a password; the person sets one through a one-time link."""
    if User.objects.filter(username=username).exists():
        raise DomainError(_("This username is already taken."), field="username")
    user = User(username=username, display_name=display_name, email=email)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(actor=actor, action="accounts.user.created", area=area, obj=user)
    return user


def totp_pending_device(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator for this user, created once so a reload keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def has_confirmed_device(user: User) -> bool:
    return any(True for _d in devices_for_user(user, confirmed=True))


@transaction.atomic
def two_factor_verify(*, user: User, token: str):
    """Return the device that accepts the token (confirming a pending authenticator), or None."""
    for device in devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if pending is not None and pending.verify_token(token):
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        audit_record(actor=user, action="accounts.twofactor.enabled", obj=user)
        return pending
    return None


def static_codes(*, user: User) -> list[str]:
    device = StaticDevice.objects.filter(user=user).first()
    return [t.token for t in device.token_set.all()] if device else []

"""Services for accounts: roles and two-step login. Keyword-only, atomic, audit-logged."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkgeld.accounts import emails, role_rules
from wijkgeld.accounts.models import Role, User
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError


@transaction.atomic
def role_grant(
    *,
    actor,
    user: User,
    area,
    name: str,
    chosen_by: str = "",
    chosen_reference: str = "",
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Role:
    """Give a role. Every path (role page, admin, demo, commands) comes through here, so the rules in
    `role_rules` hold everywhere: who may grant it, nobody to themselves, no two roles that check each
    other, and for delegates and committee members the residents' choice and the end of the term."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    User.objects.select_for_update().filter(pk=user.pk).first()  # serialise grants to one person
    role_rules.check_grant(
        actor=actor,
        user=user,
        area=area,
        name=name,
        chosen_by=chosen_by,
        chosen_reference=chosen_reference,
        until=until,
        today=today,
    )
    chosen = name in role_rules.CHOSEN_BY_RESIDENTS
    values = {
        "chosen_by": chosen_by if chosen else "",
        "chosen_reference": chosen_reference.strip() if chosen else "",
        "since": today,
        "until": until,
        "granted_at": now,
        "granted_by": actor if actor is not None and actor.is_authenticated else None,
    }
    # A role whose term has ended gives no rights; granting it again starts a new term on the same row.
    role, _created = Role.objects.update_or_create(user=user, area=area, name=name, defaults=values)
    user.__dict__.pop("_wijkgeld_roles", None)
    audit_record(
        actor=actor,
        action="accounts.role.granted",
        area=area,
        obj=user,
        data={
            "role": name,
            "chosen_by": values["chosen_by"],
            "reference": values["chosen_reference"],
            "until": until.isoformat() if until else "",
        },
        now=now,
    )
    return role


def role_grant_check(
    *, actor, user: User, area, name: str, chosen_by="", chosen_reference="", until=None
) -> None:
    """The checks of `role_grant` without writing anything (for forms that want to show errors early)."""
    role_rules.check_grant(
        actor=actor,
        user=user,
        area=area,
        name=name,
        chosen_by=chosen_by,
        chosen_reference=chosen_reference,
        until=until,
        today=timezone.localdate(),
    )


def role_revoke_check(*, actor, role: Role) -> None:
    role_rules.check_revoke(actor=actor, role=role)


@transaction.atomic
def role_revoke(*, actor, role: Role) -> None:
    role_rules.check_revoke(actor=actor, role=role)
    user, area, name = role.user, role.area, role.name
    role.delete()
    user.__dict__.pop("_wijkgeld_roles", None)
    audit_record(actor=actor, action="accounts.role.revoked", area=area, obj=user, data={"role": name})


@transaction.atomic
def account_create(*, actor, username: str, display_name: str, email: str, area=None) -> User:
    """A new account without a password. The person chooses one through a one-time link that is
    e-mailed to them once the account is saved; whoever made the account never sees the link."""
    username, email = username.strip(), email.strip()
    if User.objects.filter(username=username).exists():
        raise DomainError(_("This username is already taken."), field="username")
    if not email:
        raise DomainError(_("Fill in an e-mail address for the new account."), field="email")
    if User.objects.filter(email__iexact=email).exists():
        # One person, one account: a second account would let one person act as two.
        raise DomainError(_("There is already an account with this e-mail address."), field="email")
    user = User(username=username, display_name=display_name, email=email)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(actor=actor, action="accounts.user.created", area=area, obj=user)
    transaction.on_commit(lambda: emails.set_password_link_send(user=user, area=area))
    return user


@transaction.atomic
def set_password_link_resend(*, actor, user: User, area) -> None:
    """Send the one-time link again to someone who has not chosen a password yet (the first one expired
    or got lost). It goes to their own e-mail address, never to whoever asks for it."""
    if user.has_usable_password():
        raise DomainError(_("This person has already chosen a password."))
    if not user.email:
        raise DomainError(_("This account has no e-mail address. Ask the site administrator to add one."))
    if actor is not None and not Role.objects.filter(user=user, area=area).exists():
        raise DomainError(_("This person has no role in this area."))
    audit_record(actor=actor, action="accounts.user.link_sent", area=area, obj=user)
    transaction.on_commit(lambda: emails.set_password_link_send(user=user, area=area))


@transaction.atomic
def account_create_with_role(
    *,
    actor,
    username: str,
    display_name: str,
    email: str,
    area,
    name: str,
    chosen_by: str = "",
    chosen_reference: str = "",
    until: dt.date | None = None,
) -> User:
    """Make an account and give it a role in one step: if the role may not be given, no account remains
    and no e-mail goes out."""
    user = account_create(actor=actor, username=username, display_name=display_name, email=email, area=area)
    role_grant(
        actor=actor,
        user=user,
        area=area,
        name=name,
        chosen_by=chosen_by,
        chosen_reference=chosen_reference,
        until=until,
    )
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

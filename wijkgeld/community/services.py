"""Register and verify resident collectives. Keyword-only, atomic, audit-logged."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area, Organisation
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.languages import content_language as language_of_text

RESIDENT_KINDS = (Organisation.Kind.COLLECTIVE, Organisation.Kind.ENTERPRISE)


@transaction.atomic
def collective_register(
    *,
    actor,
    area: Area,
    name: str,
    kind: str,
    legal_form: str,
    activities: str,
    themes=(),
    kvk_number: str = "",
    website: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    contact_consent: bool = False,
    principle_area: str = "",
    principle_independent: str = "",
    principle_resident_owned: str = "",
    principle_cooperation: str = "",
    content_language: str | None = None,
    now: dt.datetime | None = None,
) -> CollectiveProfile:
    """Anyone (also without an account: actor=None) registers a collective; it starts unverified."""
    now = now or timezone.now()
    name = name.strip()
    if kind not in RESIDENT_KINDS:
        raise DomainError(_("Choose resident collective or bewonersbedrijf."), field="kind")
    if legal_form not in Organisation.LegalForm.values:
        raise DomainError(_("Choose a legal form."), field="legal_form")
    if legal_form == Organisation.LegalForm.INFORMAL and kvk_number:
        raise DomainError(_("An informal collective has no KvK number; leave it empty."), field="kvk_number")
    if not name:
        raise DomainError(_("Give the name of your collective."), field="name")
    if not activities.strip():
        raise DomainError(_("Tell what your collective does."), field="activities")
    if Organisation.objects.filter(name__iexact=name, kind=kind).exists():
        raise DomainError(_("A collective with this name is already registered."), field="name")
    if contact_consent and not (contact_email or contact_phone):
        raise DomainError(_("Give an e-mail address or phone number to show."), field="contact_email")
    organisation = Organisation.objects.create(
        name=name, kind=kind, legal_form=legal_form, kvk_number=kvk_number, website=website
    )
    profile = CollectiveProfile.objects.create(
        organisation=organisation,
        area=area,
        activities=activities.strip(),
        content_language=language_of_text(content_language),
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        contact_consent=contact_consent,
        principle_area=principle_area,
        principle_independent=principle_independent,
        principle_resident_owned=principle_resident_owned,
        principle_cooperation=principle_cooperation,
        registered_at=now,
    )
    profile.themes.set(themes)
    audit_record(
        actor=actor,
        action="community.collective.registered",
        area=area,
        obj=profile,
        actor_label=None if actor is not None else "resident",
        now=now,
    )
    return profile


def _lock(profile: CollectiveProfile, actor) -> CollectiveProfile:
    profile = (
        CollectiveProfile.objects.select_for_update()
        .select_related("organisation", "area")
        .get(pk=profile.pk)
    )
    if actor is None or not can(actor, "community.verify", profile.area):
        raise DomainError(
            _("Only programme staff or resident delegates of this area can verify."), code="forbidden"
        )
    return profile


@transaction.atomic
def collective_verify(
    *, actor, profile: CollectiveProfile, now: dt.datetime | None = None
) -> CollectiveProfile:
    """Verified collectives are public and count as local parties of their area."""
    now = now or timezone.now()
    profile = _lock(profile, actor)
    if profile.status == CollectiveProfile.Status.VERIFIED:
        raise DomainError(_("This collective is already verified."))
    profile.status = CollectiveProfile.Status.VERIFIED
    profile.verified_at = now
    profile.verified_by = actor
    profile.status_note = ""
    profile.save(update_fields=["status", "verified_at", "verified_by", "status_note"])
    profile.organisation.local_areas.add(profile.area)
    audit_record(actor=actor, action="community.collective.verified", area=profile.area, obj=profile, now=now)
    return profile


@transaction.atomic
def collective_reject(
    *, actor, profile: CollectiveProfile, reason: str, now: dt.datetime | None = None
) -> CollectiveProfile:
    now = now or timezone.now()
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    profile = _lock(profile, actor)
    if profile.status == CollectiveProfile.Status.VERIFIED:
        profile.organisation.local_areas.remove(profile.area)
    profile.status = CollectiveProfile.Status.REJECTED
    profile.verified_at = now
    profile.verified_by = actor
    profile.status_note = reason.strip()[:500]
    profile.save(update_fields=["status", "verified_at", "verified_by", "status_note"])
    audit_record(
        actor=actor,
        action="community.collective.rejected",
        area=profile.area,
        obj=profile,
        data={"reason": profile.status_note},
        now=now,
    )
    return profile

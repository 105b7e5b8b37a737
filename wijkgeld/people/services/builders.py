"""The register of community builders: who they are, where they live or work, and their training."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.people.models import CommunityBuilder, Training
from wijkgeld.people.permissions import is_delegate, is_representative_of
from wijkgeld.people.services.common import check_verified, forbidden, now_or, require_text


def may_edit_builder(user, builder: CommunityBuilder) -> bool:
    """The resident delegates of the area, or a representative of the collective that employs the builder."""
    return is_delegate(user, builder.area) or is_representative_of(user, builder.employer)


@transaction.atomic
def builder_register(
    *,
    actor,
    area: Area,
    name: str,
    employer,
    lives_in_area: bool,
    works_in_area: bool,
    started_on: dt.date,
    user=None,
    now: dt.datetime | None = None,
) -> CommunityBuilder:
    now = now_or(now)
    check_verified(employer, area)
    if not (is_delegate(actor, area) or is_representative_of(actor, employer)):
        raise forbidden(
            _("Only resident delegates or the employing collective can register a community builder.")
        )
    name = require_text(name, field="name", message=_("Give the name."), max_length=150)
    if started_on is None:
        raise DomainError(_("Give the start date."), field="started_on")
    builder = CommunityBuilder.objects.create(
        area=area,
        name=name,
        employer=employer,
        lives_in_area=lives_in_area,
        works_in_area=works_in_area,
        started_on=started_on,
        user=user,
        registered_by=actor,
        registered_at=now,
    )
    audit_record(
        actor=actor,
        action="people.builder.registered",
        area=area,
        obj=builder,
        data={"from_neighbourhood": builder.from_neighbourhood, "employer": str(employer)},
        now=now,
    )
    return builder


@transaction.atomic
def builder_profile_update(
    *,
    actor,
    builder: CommunityBuilder,
    public_profile: bool,
    public_first_name: str = "",
    public_description: str = "",
    photo=None,
    remove_photo: bool = False,
    now: dt.datetime | None = None,
) -> CommunityBuilder:
    """The opt-in public profile. The builder themself (with an account) or who may edit the register."""
    from wijkgeld.fund.photos import clean_photo

    now = now_or(now)
    builder = (
        CommunityBuilder.objects.select_for_update(of=("self",))
        .select_related("employer", "area")
        .get(pk=builder.pk)
    )
    if not (actor is not None and builder.user_id == actor.pk or may_edit_builder(actor, builder)):
        raise forbidden()
    first_name = (public_first_name or "").strip()
    if public_profile and not first_name:
        raise DomainError(_("A public profile needs a first name."), field="public_first_name")
    if len(first_name) > 60:
        raise DomainError(_("This text is too long."), field="public_first_name")
    if photo is not None:
        content, _w, _h = clean_photo(photo, field="photo")
        if builder.photo:
            builder.photo.delete(save=False)
        builder.photo.save(content.name, content, save=False)
    elif remove_photo and builder.photo:
        builder.photo.delete(save=False)
    builder.public_profile = public_profile
    builder.public_first_name = first_name
    builder.public_description = (public_description or "").strip()
    builder.save()
    audit_record(
        actor=actor,
        action="people.builder.profile_changed",
        area=builder.area,
        obj=builder,
        data={"public": public_profile},
        now=now,
    )
    return builder


@transaction.atomic
def training_record(
    *,
    actor,
    builder: CommunityBuilder,
    course: str,
    provider: str,
    completed_on: dt.date,
    certificate: bool = False,
    now: dt.datetime | None = None,
) -> Training:
    now = now_or(now)
    builder = CommunityBuilder.objects.select_related("employer", "area").get(pk=builder.pk)
    if not may_edit_builder(actor, builder):
        raise forbidden()
    course = require_text(course, field="course", message=_("Give the name of the course."), max_length=200)
    provider = require_text(
        provider, field="provider", message=_("Give who gave the course."), max_length=200
    )
    if completed_on is None or completed_on > now.date():
        raise DomainError(_("Choose a date that is not in the future."), field="completed_on")
    training = Training.objects.create(
        builder=builder,
        course=course,
        provider=provider,
        completed_on=completed_on,
        certificate=certificate,
        recorded_by=actor,
        recorded_at=now,
    )
    audit_record(
        actor=actor,
        action="people.training.recorded",
        area=builder.area,
        obj=builder,
        data={"course": course, "provider": provider},
        now=now,
    )
    return training


@transaction.atomic
def builder_leave(
    *, actor, builder: CommunityBuilder, left_on: dt.date, now: dt.datetime | None = None
) -> CommunityBuilder:
    """The builder leaves the register: the public profile and photo go at once; the name is removed
    after the retention period (`people.retention`)."""
    now = now_or(now)
    builder = (
        CommunityBuilder.objects.select_for_update(of=("self",))
        .select_related("employer", "area")
        .get(pk=builder.pk)
    )
    if not may_edit_builder(actor, builder):
        raise forbidden()
    if builder.left_on is not None:
        raise DomainError(_("This community builder has already left the register."))
    if left_on is None or left_on < builder.started_on or left_on > now.date():
        raise DomainError(_("Choose a date between the start and today."), field="left_on")
    if builder.photo:
        builder.photo.delete(save=False)
    builder.left_on = left_on
    builder.public_profile = False
    builder.public_first_name = ""
    builder.public_description = ""
    builder.save()
    audit_record(
        actor=actor,
        action="people.builder.left",
        area=builder.area,
        obj=builder,
        data={"left_on": left_on.isoformat()},
        now=now,
    )
    return builder

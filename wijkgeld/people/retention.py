"""Retention of people's data: what is deleted when (see docs/privacy.md, DPIA starting point)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from wijkgeld.core.audit import audit_record
from wijkgeld.core.retention import register_purge_step
from wijkgeld.people import conf


@register_purge_step(
    "people.placements",
    "Personal data of placements that ended more than WIJKGELD_PEOPLE_RETENTION_MONTHS months ago.",
)
def purge_placements(now: dt.datetime) -> int:
    from wijkgeld.people.models import ParticipantData, Placement

    cutoff = conf.months_before(now.date(), conf.retention_months())
    count = 0
    due = Placement.objects.filter(ended_on__isnull=False, ended_on__lte=cutoff, personal_data__isnull=False)
    for placement in due.select_related("area"):
        with transaction.atomic():
            ParticipantData.objects.filter(placement=placement).delete()
            placement.personal_data_deleted_at = now
            placement.save(update_fields=["personal_data_deleted_at"])
            audit_record(
                actor=None,
                action="people.personal_data.purged",
                area=placement.area,
                obj=placement,
                data={"ended_on": placement.ended_on.isoformat(), "months": conf.retention_months()},
                now=now,
            )
        count += 1
    return count


@register_purge_step(
    "people.interest",
    "Interest forms older than WIJKGELD_PEOPLE_INTEREST_RETENTION_DAYS days that became no placement.",
)
def purge_interest(now: dt.datetime) -> int:
    from wijkgeld.people.models import Interest

    cutoff = now - dt.timedelta(days=conf.interest_retention_days())
    count = 0
    for interest in Interest.objects.filter(created_at__lt=cutoff).select_related("role__area"):
        with transaction.atomic():
            area, label = interest.role.area, str(interest)
            interest.delete()
            audit_record(
                actor=None,
                action="people.interest.purged",
                area=area,
                data={"interest": label, "days": conf.interest_retention_days()},
                now=now,
            )
        count += 1
    return count


@register_purge_step(
    "people.builders",
    "Names and accounts of community builders who left more than WIJKGELD_PEOPLE_RETENTION_MONTHS months ago.",
)
def purge_builders(now: dt.datetime) -> int:
    from wijkgeld.people.models import CommunityBuilder

    cutoff = conf.months_before(now.date(), conf.retention_months())
    count = 0
    due = CommunityBuilder.objects.filter(left_on__isnull=False, left_on__lte=cutoff).exclude(name="")
    for builder in due.select_related("area"):
        with transaction.atomic():
            builder.name = ""
            builder.user = None
            builder.save(update_fields=["name", "user"])
            audit_record(
                actor=None,
                action="people.builder.purged",
                area=builder.area,
                obj=builder,
                data={"left_on": builder.left_on.isoformat(), "months": conf.retention_months()},
                now=now,
            )
        count += 1
    return count

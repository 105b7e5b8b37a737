"""Retention: a placement's personal data is deleted a set time after it ends, by the retention command."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tests.people.conftest import NOW
from wijkgeld.core.models import AuditEntry
from wijkgeld.core.retention import purge_steps
from wijkgeld.people import services
from wijkgeld.people.models import Interest, ParticipantData

pytestmark = pytest.mark.django_db


def purge(day: str) -> str:
    out = StringIO()
    call_command("purge_personal_data", date=day, stdout=out)
    return out.getvalue()


def test_personal_data_deleted_twelve_months_after_the_end(make_placement, coordinator):
    ended = make_placement("Eerste Beeindigd")
    running = make_placement("Tweede Loopt Nog")
    services.milestone_record(
        actor=coordinator, placement=ended, kind="paid_elsewhere", reached_on=dt.date(2026, 5, 31), now=NOW
    )
    assert "people.placements: 0 deleted" in purge("2027-05-30")  # one day early: kept
    assert ParticipantData.objects.count() == 2
    assert "people.placements: 1 deleted" in purge("2027-05-31")
    ended.refresh_from_db()
    assert not ParticipantData.objects.filter(placement=ended).exists()
    assert ended.personal_data_deleted_at is not None and ended.milestones.count() == 2
    assert ParticipantData.objects.filter(placement=running).exists()  # still running: never purged
    assert AuditEntry.objects.filter(
        action="people.personal_data.purged", object_label=ended.pseudonym
    ).exists()
    assert "people.placements: 0 deleted" in purge("2028-01-01")  # idempotent


def test_retention_period_is_a_setting(make_placement, coordinator, settings):
    settings.WIJKGELD_PEOPLE_RETENTION_MONTHS = 3
    placement = make_placement()
    services.milestone_record(
        actor=coordinator,
        placement=placement,
        kind="stopped",
        stop_reason="moved",
        reached_on=dt.date(2026, 5, 31),
        now=NOW,
    )
    assert "people.placements: 1 deleted" in purge("2026-08-31")


def test_old_interest_forms_are_deleted(work_role):
    services.interest_register(role=work_role, name="Oud", email="o@example.org", now=NOW)
    services.interest_register(
        role=work_role, name="Nieuw", email="n@example.org", now=NOW + dt.timedelta(days=60)
    )
    assert "people.interest: 1 deleted" in purge("2026-09-14")
    assert list(Interest.objects.values_list("name", flat=True)) == ["Nieuw"]


def test_the_command_lists_registered_steps_and_refuses_bad_dates():
    names = [step.name for step in purge_steps()]
    assert {"people.placements", "people.interest"} <= set(names)
    out = StringIO()
    call_command("purge_personal_data", list=True, stdout=out)
    assert "people.placements" in out.getvalue()
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("purge_personal_data", date="gisteren")


def test_builders_who_left_lose_profile_at_once_and_name_after_retention(delegate, area, collective, staff):
    builder = services.builder_register(
        actor=delegate,
        area=area,
        name="Verbinder Vertrekt",
        employer=collective,
        lives_in_area=True,
        works_in_area=False,
        started_on=dt.date(2026, 1, 1),
        now=NOW,
    )
    services.builder_profile_update(
        actor=delegate, builder=builder, public_profile=True, public_first_name="Vera", now=NOW
    )
    from wijkgeld.core.errors import DomainError

    with pytest.raises(DomainError):
        services.builder_leave(actor=staff, builder=builder, left_on=dt.date(2026, 6, 1), now=NOW)
    builder = services.builder_leave(actor=delegate, builder=builder, left_on=dt.date(2026, 6, 1), now=NOW)
    assert not builder.public_profile and builder.public_first_name == ""
    assert "people.builders: 0 deleted" in purge("2027-05-31")
    assert "people.builders: 1 deleted" in purge("2027-06-01")
    builder.refresh_from_db()
    assert builder.name == "" and builder.left_on == dt.date(2026, 6, 1)

"""Placements: personal data apart and only for the coordinator and the municipal contact; consent;
the work-rhythm plan, hours, milestones, and the volunteer-allowance warning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.people.conftest import NOW, START
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.people import services
from wijkgeld.people.models import Appointment, Interest, Milestone, ParticipantData, Placement
from wijkgeld.people.permissions import may_see_personal_data

pytestmark = pytest.mark.django_db


def test_placement_keeps_the_name_apart_and_out_of_the_log(make_placement):
    placement = make_placement("Yasmina Testnaam")
    assert placement.personal_data.name == "Yasmina Testnaam"
    assert placement.pseudonym.startswith("D-") and "Yasmina" not in str(placement)
    for entry in AuditEntry.objects.all():
        assert "Yasmina" not in f"{entry.object_label} {entry.data}"
    assert placement.milestones.get().kind == Milestone.Kind.STARTED


def test_only_coordinator_and_contact_may_see_personal_data(
    make_placement, coordinator, contact, staff, finance, delegate, make_user, area
):
    placement = make_placement()
    admin = make_user("site_admin", None)
    superuser = make_user(None, is_superuser=True)
    assert may_see_personal_data(coordinator, placement)
    assert may_see_personal_data(contact, placement)
    for user in (staff, finance, delegate, admin, superuser):
        assert not may_see_personal_data(user, placement), user


def test_staff_cannot_be_appointed_and_loses_access_when_made_staff(
    make_placement, coordinator, delegate, staff, enterprise, area
):
    with pytest.raises(DomainError):
        services.appointment_create(
            actor=delegate, area=area, user=staff, kind=Appointment.Kind.COORDINATOR, collective=enterprise
        )
    placement = make_placement()
    from wijkgeld.accounts.models import Role

    Role.objects.create(user=coordinator, area=area, name="programme_staff")
    coordinator._wijkgeld_roles = None
    del coordinator._wijkgeld_roles
    assert not may_see_personal_data(coordinator, placement)


def test_coordinator_of_another_bewonersbedrijf_sees_nothing(make_placement, make_user, delegate, area):
    from tests.people.conftest import make_profile

    other = make_profile(area, "Ander Bedrijf", "bewonersbedrijf")
    stranger = make_user(None)
    services.appointment_create(
        actor=delegate, area=area, user=stranger, kind=Appointment.Kind.COORDINATOR, collective=other
    )
    placement = make_placement()
    assert not may_see_personal_data(stranger, placement)
    with pytest.raises(DomainError):
        services.rhythm_step_add(actor=stranger, placement=placement, hours_per_week=4)


def test_no_registration_without_consent(coordinator, work_role):
    with pytest.raises(DomainError) as exc:
        services.placement_create(
            actor=coordinator,
            role=work_role,
            name="Zonder Toestemming",
            consent_given_on=None,
            started_on=START,
            now=NOW,
        )
    assert exc.value.field == "consent_given_on"
    assert not Placement.objects.exists() and not ParticipantData.objects.exists()


def test_withdrawn_consent_deletes_the_name_and_keeps_the_counts(make_placement, coordinator):
    placement = make_placement("Karel Intrekker")
    services.month_record(
        actor=coordinator, placement=placement, month=dt.date(2026, 3, 1), hours=Decimal("16"), now=NOW
    )
    services.consent_withdraw(actor=coordinator, placement=placement, now=NOW)
    placement.refresh_from_db()
    assert not ParticipantData.objects.filter(placement=placement).exists()
    assert placement.consent_withdrawn_at == NOW and placement.personal_data_deleted_at == NOW
    assert placement.ended_on == NOW.date()
    assert placement.months.count() == 1 and placement.milestones.count() == 1
    from django.db import connection

    # Nowhere in the database: search every text column of every people table and the audit log.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith(("people_", "core_auditentry")):
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
                assert not any("Karel" in str(row) for row in cursor.fetchall()), table
    with pytest.raises(DomainError):
        services.rhythm_step_add(actor=coordinator, placement=placement, hours_per_week=4)


def test_staff_cannot_withdraw_or_touch_a_placement(make_placement, staff):
    placement = make_placement()
    with pytest.raises(DomainError):
        services.consent_withdraw(actor=staff, placement=placement)
    with pytest.raises(DomainError):
        services.milestone_record(actor=staff, placement=placement, kind="rhythm_reached", reached_on=START)


def test_rhythm_hours_and_milestones(make_placement, coordinator):
    placement = make_placement()
    for hours in (4, 8, 16):
        services.rhythm_step_add(actor=coordinator, placement=placement, hours_per_week=hours, now=NOW)
    assert list(placement.steps.values_list("order", "hours_per_week")) == [(1, 4), (2, 8), (3, 16)]
    with pytest.raises(DomainError):
        services.rhythm_step_add(actor=coordinator, placement=placement, hours_per_week=41)
    services.month_record(
        actor=coordinator, placement=placement, month=dt.date(2026, 3, 10), hours=Decimal("20.5"), now=NOW
    )
    services.month_record(
        actor=coordinator, placement=placement, month=dt.date(2026, 3, 1), hours=Decimal("22"), now=NOW
    )
    assert placement.months.get().hours == Decimal("22")  # corrected, not doubled
    assert AuditEntry.objects.filter(action="people.hours.corrected").exists()
    with pytest.raises(DomainError):  # before the start
        services.month_record(
            actor=coordinator, placement=placement, month=dt.date(2026, 1, 1), hours=Decimal("2"), now=NOW
        )
    services.milestone_record(
        actor=coordinator, placement=placement, kind="rhythm_reached", reached_on=dt.date(2026, 5, 1), now=NOW
    )
    with pytest.raises(DomainError):
        services.milestone_record(
            actor=coordinator,
            placement=placement,
            kind="rhythm_reached",
            reached_on=dt.date(2026, 5, 2),
            now=NOW,
        )
    with pytest.raises(DomainError) as exc:
        services.milestone_record(
            actor=coordinator, placement=placement, kind="stopped", reached_on=dt.date(2026, 6, 1), now=NOW
        )
    assert exc.value.field == "stop_reason"
    services.milestone_record(
        actor=coordinator,
        placement=placement,
        kind="stopped",
        reached_on=dt.date(2026, 6, 1),
        stop_reason="education",
        now=NOW,
    )
    placement.refresh_from_db()
    assert placement.ended_on == dt.date(2026, 6, 1)


def test_allowance_over_the_yearly_maximum_needs_confirmation(make_placement, coordinator, settings):
    settings.WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_YEAR_CENTS = 50_000
    placement = make_placement()
    for month in (2, 3):
        services.month_record(
            actor=coordinator,
            placement=placement,
            month=dt.date(2026, month, 1),
            hours=Decimal("20"),
            allowance_cents=20_000,
            now=NOW,
        )
    with pytest.raises(DomainError) as exc:
        services.month_record(
            actor=coordinator,
            placement=placement,
            month=dt.date(2026, 4, 1),
            hours=Decimal("20"),
            allowance_cents=20_000,
            now=NOW,
        )
    assert exc.value.code == "allowance_over_maximum" and "500" in exc.value.message
    assert placement.months.count() == 2
    services.month_record(
        actor=coordinator,
        placement=placement,
        month=dt.date(2026, 4, 1),
        hours=Decimal("20"),
        allowance_cents=20_000,
        over_maximum_confirmed=True,
        now=NOW,
    )
    assert placement.months.count() == 3


def test_interest_without_account_and_into_a_placement(work_role, coordinator):
    with pytest.raises(DomainError):
        services.interest_register(role=work_role, name="Anna", email="", phone="")
    interest = services.interest_register(
        role=work_role, name="Anna Geinteresseerd", phone="0612345678", now=NOW
    )
    entry = AuditEntry.objects.get(action="people.interest.received")
    assert "Anna" not in f"{entry.object_label} {entry.data}"
    services.placement_create(
        actor=coordinator,
        role=work_role,
        name=interest.name,
        phone=interest.phone,
        consent_given_on=START,
        started_on=START,
        interest=interest,
        now=NOW,
    )
    assert not Interest.objects.exists()


def test_only_a_coordinator_publishes_roles(enterprise, staff, delegate):
    for user in (staff, delegate):
        with pytest.raises(DomainError):
            services.work_role_create(
                actor=user, enterprise=enterprise, title="X", tasks="Y", hours_min=1, hours_max=2
            )

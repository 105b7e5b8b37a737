"""Community builders: the register, commissions by the neighbourhood (never staff alone), reports,
and pay through the ledger to the employing collective."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.people.conftest import NOW
from wijkgeld.core.errors import DomainError
from wijkgeld.money import services as money
from wijkgeld.money.models import Commitment, Posting, Theme
from wijkgeld.people import services
from wijkgeld.people.models import Appointment, Commission

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def builder(delegate, area, collective):
    return services.builder_register(
        actor=delegate,
        area=area,
        name="Mo Verbinder",
        employer=collective,
        lives_in_area=True,
        works_in_area=False,
        started_on=D(2026, 1, 1),
        now=NOW,
    )


def commission_kwargs(**changes):
    data = {
        "title": "Buren verbinden in de Tarwewijk",
        "aim": "Buren leren elkaar kennen en helpen elkaar.",
        "hours": 200,
        "starts_on": D(2026, 1, 1),
        "ends_on": D(2026, 12, 31),
        "pay_cents": 1_000_000,
    }
    data.update(changes)
    return data


@pytest.fixture
def line(finance, area):
    theme = Theme.objects.get(tranche__number=2, code="maatschappelijke_samenhang")
    money.grant_create(
        actor=finance,
        area=area,
        year=2026,
        theme=theme,
        funding_ministry="VRO",
        amount_cents=10_000_000,
        now=NOW,
    )
    return money.budget_line_create(
        actor=finance,
        area=area,
        theme=theme,
        year=2026,
        code="wijkverbinders",
        name="Wijkverbinders",
        amount_cents=5_000_000,
        now=NOW,
    )


def test_staff_alone_cannot_give_a_commission(builder, staff, collective, delegate, area, make_user):
    with pytest.raises(DomainError) as exc:
        services.commission_create(actor=staff, builder=builder, **commission_kwargs())
    assert exc.value.code == "forbidden"
    with pytest.raises(DomainError):
        services.commission_create(actor=staff, builder=builder, collective=collective, **commission_kwargs())
    # Nor by appointing themselves, or a puppet, as the collective's representative.
    with pytest.raises(DomainError):
        services.appointment_create(
            actor=staff,
            area=area,
            user=make_user(None),
            kind=Appointment.Kind.REPRESENTATIVE,
            collective=collective,
        )
    with pytest.raises(DomainError):
        services.appointment_create(
            actor=delegate, area=area, user=staff, kind=Appointment.Kind.REPRESENTATIVE, collective=collective
        )
    assert not Commission.objects.exists()


def test_delegates_give_a_commission_with_their_quorum(builder, delegate, delegate2, make_user, area):
    make_user("resident_delegate", area)  # three delegates: two others, majority of them = 2
    commission = services.commission_create(actor=delegate, builder=builder, **commission_kwargs())
    assert commission.status == "proposed" and commission.approvals_needed == 2
    with pytest.raises(DomainError):
        services.commission_vote(actor=delegate, commission=commission, approve=True)
    commission = services.commission_vote(actor=delegate2, commission=commission, approve=True, now=NOW)
    assert commission.status == "proposed"
    with pytest.raises(DomainError):
        services.commission_vote(actor=delegate2, commission=commission, approve=True)
    third = make_user("resident_delegate", area)
    commission = services.commission_vote(actor=third, commission=commission, approve=True, now=NOW)
    assert commission.status == "given" and commission.given_at == NOW


def test_collective_gives_commission_paid_to_employer_through_the_ledger(
    builder, representative, collective, finance, staff, line, delegate
):
    commission = services.commission_create(
        actor=representative, builder=builder, collective=collective, **commission_kwargs()
    )
    assert commission.status == "given"
    with pytest.raises(DomainError):  # a delegate cannot commit money
        services.commission_commit(actor=delegate, commission=commission, line=line)
    commitment = services.commission_commit(actor=finance, commission=commission, line=line, now=NOW)
    assert commitment.recipient_organisation == collective.organisation and commitment.is_local
    assert commitment.source == f"people:commission:{commission.pk}"
    assert (
        sum(Posting.objects.filter(transaction=commitment.transaction).values_list("amount_cents", flat=True))
        == 0
    )
    with pytest.raises(DomainError):
        services.commission_commit(actor=finance, commission=commission, line=line)
    # The builder has no account here: the collective reports for them; the same person cannot accept.
    report = services.report_submit(
        actor=representative,
        commission=commission,
        year=2026,
        quarter=1,
        activities="Buurtsoep",
        people_reached=40,
        connections="Twee straten",
        now=NOW,
    )
    with pytest.raises(DomainError):
        services.report_decide(actor=representative, report=report, accept=True)
    with pytest.raises(DomainError):
        services.report_pay(actor=finance, report=report, amount_cents=100, description="Deel 1")


def test_reports_are_accepted_or_sent_back_by_the_commissioning_residents(
    builder, delegate, delegate2, make_user, area, staff, line, finance
):
    builder_user = make_user(None, username="bouwer")
    builder.user = builder_user
    builder.save()
    commission = services.commission_create(actor=delegate, builder=builder, **commission_kwargs())
    commission = services.commission_vote(actor=delegate2, commission=commission, approve=True, now=NOW)
    assert commission.status == "given"
    services.commission_commit(actor=staff, commission=commission, line=line, now=NOW)
    report = services.report_submit(
        actor=builder_user,
        commission=commission,
        year=2026,
        quarter=1,
        activities="Koffie-ochtenden",
        people_reached=25,
        connections="Buren kennen elkaar",
        now=NOW,
    )
    with pytest.raises(DomainError):
        services.report_decide(actor=staff, report=report, accept=True)
    with pytest.raises(DomainError) as exc:
        services.report_decide(actor=delegate2, report=report, accept=False)
    assert exc.value.field == "note"
    report = services.report_decide(
        actor=delegate2, report=report, accept=False, note="Meer over wie je bereikte", now=NOW
    )
    assert report.status == "sent_back"
    report = services.report_submit(
        actor=builder_user,
        commission=commission,
        year=2026,
        quarter=1,
        activities="Koffie-ochtenden, 3 straten",
        people_reached=30,
        connections="Buren",
        now=NOW,
    )
    assert report.status == "submitted"
    report = services.report_decide(actor=delegate, report=report, accept=True, now=NOW)
    with pytest.raises(DomainError):
        services.report_pay(actor=staff, report=report, amount_cents=250_000, description="Q1")
    payment = services.report_pay(
        actor=finance, report=report, amount_cents=250_000, description="Q1", now=NOW
    )
    commission.refresh_from_db()
    assert payment.status == "completed" and payment.commitment == commission.commitment
    assert Commitment.objects.get().recipient_organisation == builder.employer.organisation


def test_register_only_by_delegates_or_the_employer(staff, area, collective):
    with pytest.raises(DomainError):
        services.builder_register(
            actor=staff,
            area=area,
            name="X",
            employer=collective,
            lives_in_area=True,
            works_in_area=True,
            started_on=D(2026, 1, 1),
        )


def test_public_profile_needs_opt_in_and_a_first_name(builder, delegate):
    with pytest.raises(DomainError):
        services.builder_profile_update(
            actor=delegate, builder=builder, public_profile=True, public_first_name=""
        )
    builder = services.builder_profile_update(
        actor=delegate,
        builder=builder,
        public_profile=True,
        public_first_name="Mo",
        public_description="Ik verbind buren",
    )
    assert builder.public_profile
    services.training_record(
        actor=delegate,
        builder=builder,
        course="ABCD basis",
        provider="Buurtacademie",
        completed_on=D(2026, 3, 1),
        certificate=True,
        now=NOW,
    )
    assert builder.trainings.get().certificate

"""`manage.py retention` removes personal data past its retention period, and nothing else (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tests.fund.conftest import NOW
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.management.commands.retention import run_retention
from wijkgeld.core.models import AuditEntry
from wijkgeld.fund.models import Proposal, Round
from wijkgeld.money import services
from wijkgeld.money.models import Commitment, Transaction

pytestmark = pytest.mark.django_db
YEAR = dt.timedelta(days=365)


@pytest.fixture
def old_round(make_round, area):
    return make_round(area, phase=Round.Phase.CLOSED, voting_end=NOW, execution_end=NOW + YEAR)


def test_unfunded_proposers_lose_their_contact_data_after_a_year(old_round, make_idea):
    idea = make_idea(old_round, contact_phone="06-1")
    counts = run_retention(now=NOW + YEAR - dt.timedelta(days=1))
    idea.refresh_from_db()
    assert idea.contact_phone == "06-1" and counts["fund.proposer_contacts_not_funded"] == 0
    counts = run_retention(now=NOW + YEAR + dt.timedelta(days=1))
    idea.refresh_from_db()
    assert (idea.contact_name, idea.contact_email, idea.contact_phone) == ("", "", "")
    assert idea.title and counts["fund.proposer_contacts_not_funded"] == 1
    assert Proposal.objects.get(pk=idea.pk).estimated_cost_cents == idea.estimated_cost_cents


def test_resident_names_leave_the_ledger_after_seven_years(staff, line, local_org):
    resident = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=40_000,
        description="Buurtfeest",
        recipient_name="Jan Jansen",
        recipient_is_resident=True,
        now=NOW,
    )
    organisation = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=10_000,
        description="Koken",
        recipient_organisation=local_org,
        now=NOW,
    )
    run_retention(now=NOW + 6 * YEAR)
    resident.refresh_from_db()
    assert resident.recipient_name == "Jan Jansen"
    counts = run_retention(now=NOW + 8 * YEAR)
    resident.refresh_from_db()
    organisation.refresh_from_db()
    assert (
        resident.recipient_name == "—" and resident.amount_cents == 40_000 and resident.tier == "resident_led"
    )
    assert "Jan Jansen" not in Transaction.objects.get(pk=resident.transaction_id).description
    assert organisation.recipient_name == local_org.name  # organisations are not personal data
    assert counts["money.resident_recipient_names"] == 1
    assert Commitment.objects.count() == 2  # nothing financial was removed


def test_rejected_registrations_lose_their_contact_details(area, local_org):
    profile = CollectiveProfile.objects.create(
        organisation=local_org,
        area=area,
        activities="x",
        contact_name="Piet",
        contact_email="piet@example.org",
        status="rejected",
        registered_at=NOW,
        verified_at=NOW,
    )
    run_retention(now=NOW + 2 * YEAR)
    profile.refresh_from_db()
    assert (profile.contact_name, profile.contact_email) == ("", "")


def test_the_command_prints_counts_and_writes_the_audit_log(make_round, make_idea, area):
    long_ago = NOW - 3 * YEAR
    make_idea(make_round(area, phase=Round.Phase.CLOSED, voting_end=long_ago, execution_end=long_ago))
    out = io.StringIO()
    call_command("retention", stdout=out)
    assert "fund.proposer_contacts_not_funded: 1" in out.getvalue()
    assert AuditEntry.objects.filter(action="core.retention.purged").exists()

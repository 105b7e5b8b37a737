"""The demo gives both demo areas believable money and leaves €50,000 for a fund round."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from wijkgeld.money import services
from wijkgeld.money.models import Commitment, Grant, Payment, Posting, SupportRequest


@pytest.mark.django_db
def test_demo_money_is_complete_and_idempotent():
    call_command("demo", quiet=True)
    counts = (Grant.objects.count(), Posting.objects.count(), Commitment.objects.count())
    call_command("demo", quiet=True)
    assert (Grant.objects.count(), Posting.objects.count(), Commitment.objects.count()) == counts
    for slug in ("rotterdam-zuid", "utrecht-overvecht"):
        years = set(Grant.objects.filter(area__slug=slug).values_list("year", flat=True))
        assert years == {2026, 2027, 2028}
        from wijkgeld.areas.models import Area

        area = Area.objects.get(slug=slug)
        fund = services.budget_line_for(area=area, code="bewonersfonds", year=2026)
        assert fund.theme.code == "maatschappelijke_samenhang"
        # €50,000 for the fund; the fund demo may already have awarded part of it.
        awarded = sum(Commitment.objects.filter(line=fund).values_list("amount_cents", flat=True))
        assert services.line_available_cents(fund) + awarded == 5_000_000
        assert Commitment.objects.filter(line__area=area, is_local=True).exists()
        assert (
            Commitment.objects.filter(line__area=area, is_local=False).exclude(non_local_reason="").exists()
        )
        assert Payment.objects.filter(commitment__line__area=area, status="completed").exists()
    approved = SupportRequest.objects.get(status="approved")
    assert approved.votes.filter(approve=True).count() >= approved.approvals_needed
    assert Payment.objects.filter(commitment=approved.commitment, status="completed").exists()
    assert Payment.objects.filter(decided_by__username="financien2", status="completed").exists()


@pytest.mark.django_db
def test_demo_shows_all_three_tiers_and_the_tenzij_record_in_rotterdam_zuid(client):
    from wijkgeld.money.reports import finance_overview

    call_command("demo", quiet=True)
    from wijkgeld.areas.models import Area

    area = Area.objects.get(slug="rotterdam-zuid")
    totals = finance_overview(area=area, year=2026).totals
    assert (
        totals.resident_led_committed > 0
        and totals.other_local_committed > 0
        and totals.outside_committed > 0
    )
    town = Commitment.objects.get(line__area=area, recipient_organisation__name="Gemeente Rotterdam")
    assert town.tier == "outside" and town.non_local_reason
    assert set(town.consultations.values_list("answer", flat=True)) == {
        "took_it_on",
        "no_capacity",
        "not_asked",
    }
    html = client.get("/gebieden/rotterdam-zuid/geld/2026/").content.decode()
    assert "Moestuin Tarwewijk" in html  # the record of who was asked is public with the reason


@pytest.mark.django_db
def test_demo_has_a_pending_proposal_to_move_the_delegates_money():
    from wijkgeld.money.models import LineChange

    call_command("demo", quiet=True)
    change = LineChange.objects.get(line__area__slug="rotterdam-zuid", kind="carry_over")
    assert change.status == "proposed" and change.result is None and change.line.controlled_by_delegates

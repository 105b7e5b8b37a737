"""Execution: award → commitment in the ledger → tranche payment → final account → unspent money returns."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import login
from tests.fund.conftest import NOW, png_bytes
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Award, ProgressUpdate, Proposal
from wijkgeld.fund.services.execution import award_create, final_account_accept, update_post

pytestmark = pytest.mark.django_db


def test_award_commits_to_the_collective_and_a_tranche_is_paid(
    executing, committee, funded_line, make_user, area
):
    from wijkgeld.money.models import Commitment
    from wijkgeld.money.services import commitment_paid_cents, line_available_cents, payment_create

    round_, _token = executing
    playground = round_.proposals.get(number=1)
    award = award_create(actor=committee, proposal=playground, now=NOW)
    commitment = Commitment.objects.get(pk=award.commitment_id)
    assert commitment.amount_cents == 400_000
    assert commitment.recipient_organisation.name == "Speelclub Zuid" and commitment.is_local
    assert line_available_cents(funded_line) == 5_000_000 - 400_000
    garden = round_.proposals.get(number=2)
    garden_award = award_create(actor=committee, proposal=garden, now=NOW)
    garden_commitment = Commitment.objects.get(pk=garden_award.commitment_id)
    assert garden_commitment.recipient_is_resident and garden_commitment.recipient_name == "Aisha Indiener"
    finance = make_user("finance", area)
    payment_create(
        actor=finance, commitment=commitment, amount_cents=150_000, description="Eerste deel", now=NOW
    )
    assert commitment_paid_cents(commitment) == 150_000
    with pytest.raises(DomainError):
        award_create(actor=committee, proposal=playground)
    with pytest.raises(DomainError) as exc:
        award_create(actor=committee, proposal=round_.proposals.get(number=3))
    assert exc.value.code == "not_selected"


def test_final_account_returns_unspent_money(executing, committee, funded_line, make_user, area, client):
    from wijkgeld.money.models import Commitment
    from wijkgeld.money.services import line_available_cents, payment_create

    round_, token = executing
    playground = round_.proposals.get(number=1)
    award = award_create(actor=committee, proposal=playground, now=NOW)
    commitment = Commitment.objects.get(pk=award.commitment_id)
    url = f"/gebieden/{area.slug}/bewonersfonds/ronde/{round_.pk}/ideeen/1/prive/{token}/"
    photo = SimpleUploadedFile("bon.png", png_bytes(), "image/png")
    response = client.post(url, {"text": "De eerste toestellen staan er.", "photos": [photo]})
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().photos.count() == 1
    response = client.post(url, {"text": "Klaar!", "final": "on", "spent_cents": "5.000,00"})
    assert "spent_cents" in response.context["update_form"].errors
    response = client.post(url, {"text": "Klaar!", "final": "on", "spent_cents": "3.500,00"})
    assert response.status_code == 302
    with pytest.raises(DomainError) as exc:
        final_account_accept(actor=committee, proposal=playground)
    assert exc.value.code == "unpaid"
    payment_create(
        actor=make_user("finance", area),
        commitment=commitment,
        amount_cents=350_000,
        description="Alles",
        now=NOW,
    )
    award = final_account_accept(actor=committee, proposal=playground, now=NOW)
    assert award.status == Award.Status.ACCOUNTED and award.released_cents == 50_000
    assert line_available_cents(funded_line) == 5_000_000 - 350_000
    page = client.get(playground.get_absolute_url()).content.decode()
    assert "Klaar!" in page and "De eerste toestellen" in page
    with pytest.raises(DomainError):
        update_post(round=round_, number=1, token=token, text="Nog iets")


def test_updates_need_an_award_and_a_valid_link(executing):
    round_, token = executing
    with pytest.raises(DomainError) as exc:
        update_post(round=round_, number=1, token=token, text="Hallo")
    assert exc.value.code == "not_awarded"
    with pytest.raises(DomainError) as exc:
        update_post(round=round_, number=1, token="wrong", text="Hallo")
    assert exc.value.code == "bad_token"


def test_award_only_in_execution(voting_round, committee, funded_line):
    idea = voting_round.proposals.first()
    with pytest.raises(DomainError) as exc:
        award_create(actor=committee, proposal=idea)
    assert exc.value.code == "wrong_phase"
    assert not Award.objects.exists()


def test_award_through_the_committee_page(executing, committee, client, area):
    round_, _token = executing
    login(client, committee)
    base = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitvoering/"
    response = client.post(base + "1/toekennen/", follow=True)
    assert response.status_code == 200
    assert Award.objects.filter(proposal__number=1).exists()
    response = client.post(base + "1/toekennen/", follow=True)
    assert "utrecht-alert--error" in response.content.decode()
    assert Award.objects.count() == 1
    assert Proposal.objects.get(number=1, round=round_).award.amount_cents == 400_000


def test_execution_page_links_to_the_ledger_for_finance(executing, committee, client, area, make_user):
    round_, _token = executing
    award = award_create(actor=committee, proposal=round_.proposals.get(number=1), now=NOW)
    login(client, make_user("finance", area))
    page = client.get(f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitvoering/")
    [row] = [r for r in page.context["rows"] if r["award"]]
    assert row["pay_url"] == f"/gebieden/{area.slug}/geld/verplichtingen/{award.commitment_id}/betalen/"
    assert row["pay_url"] in page.content.decode()


def test_project_page_shows_award_and_paid_tranches(executing, committee, client, area, make_user):
    from wijkgeld.money.models import Commitment
    from wijkgeld.money.services import payment_create

    round_, _token = executing
    playground = round_.proposals.get(number=1)
    award = award_create(actor=committee, proposal=playground, now=NOW)
    payment_create(
        actor=make_user("finance", area),
        commitment=Commitment.objects.get(pk=award.commitment_id),
        amount_cents=123_400,
        description="Deel 1",
        now=NOW,
    )
    page = client.get(playground.get_absolute_url())
    assert [p.amount_cents for p in page.context["payments"]] == [123_400]
    assert "1.234,00" in page.content.decode()

"""Privacy by role in the fund (issue 13, section 4): proposers' contact data only for the committee
members who handle the idea; receipts of a final account public only once cleared of personal data."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import login
from tests.fund.conftest import NOW, png_bytes
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Photo, Round
from wijkgeld.fund.services.assessment import conflict_declare
from wijkgeld.fund.services.execution import award_create, update_post
from wijkgeld.fund.services.privacy import may_see_contact, receipt_clear

pytestmark = pytest.mark.django_db
PHONE = "06-12345678"


@pytest.fixture
def idea(make_round, make_idea, area):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    return make_idea(round_, contact_phone=PHONE)


def _assess_url(area, idea):
    return f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{idea.round_id}/ideeen/{idea.number}/"


@pytest.mark.parametrize("role", ["observer", "programme_staff", "finance"])
def test_an_observer_staff_or_finance_never_reads_the_proposers_phone(client, idea, area, make_user, role):
    user = make_user(role, None if role == "observer" else area)
    assert not may_see_contact(user, idea)
    login(client, user)
    response = client.get(_assess_url(area, idea))
    assert response.status_code == 200
    html = response.content.decode()
    assert PHONE not in html and "aisha@example.org" not in html and "Aisha Indiener" not in html


def test_the_committee_member_handling_the_idea_reads_it(client, idea, area, committee):
    assert may_see_contact(committee, idea)
    login(client, committee)
    assert PHONE in client.get(_assess_url(area, idea)).content.decode()


def test_a_committee_member_who_is_involved_does_not(client, idea, area, committee):
    conflict_declare(actor=committee, proposal=idea, explanation="Mijn buurvrouw")
    assert not may_see_contact(committee, idea)
    login(client, committee)
    assert PHONE not in client.get(_assess_url(area, idea)).content.decode()


def test_a_committee_member_of_another_area_does_not(idea, make_user, other_area):
    assert not may_see_contact(make_user("fund_committee", other_area), idea)


def test_receipts_are_public_only_after_a_committee_member_cleared_them(
    executing, committee, area, client, make_user
):
    round_, token = executing
    award_create(actor=committee, proposal=round_.proposals.get(number=1), now=NOW)
    update = update_post(
        round=round_,
        number=1,
        token=token,
        text="Klaar",
        final=True,
        spent_cents=350_000,
        photos=[SimpleUploadedFile("bon.png", png_bytes(), "image/png")],
        now=NOW,
    )
    photo = Photo.objects.get(update=update)
    public = f"/gebieden/{area.slug}/bewonersfonds/ronde/{round_.pk}/ideeen/1/"
    assert photo.image.url not in client.get(public).content.decode()
    with pytest.raises(PermissionDenied):
        receipt_clear(actor=make_user("programme_staff", area), photo=photo)
    login(client, make_user("fund_committee", area))
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitvoering/bonnen/{photo.pk}/vrijgeven/"
    assert client.post(url).status_code == 302
    photo.refresh_from_db()
    assert photo.cleared_at is not None
    client.logout()
    assert photo.image.url in client.get(public).content.decode()
    with pytest.raises(DomainError):
        receipt_clear(actor=committee, photo=photo)  # only once

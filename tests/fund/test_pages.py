"""Public pages: the area link, the fund, a round with its locked rules, an idea; both languages."""

from __future__ import annotations

import pytest

from wijkgeld.fund.models import Proposal, Round

pytestmark = pytest.mark.django_db


def test_area_page_links_to_the_fund(client, area):
    from django.urls import reverse

    from wijkgeld.public.registry import area_links

    [link] = [link for link in area_links() if link.url_name == "fund:home"]
    assert link.action is None
    assert reverse(link.url_name, kwargs={"slug": area.slug}) == f"/gebieden/{area.slug}/bewonersfonds/"


def test_fund_home_lists_public_rounds_only(client, area, make_round):
    make_round(area, phase=Round.Phase.PREPARATION, title="Geheim")
    make_round(area, phase=Round.Phase.IDEAS, title="Open ronde")
    page = client.get(f"/gebieden/{area.slug}/bewonersfonds/").content.decode()
    assert "Open ronde" in page and "Geheim" not in page


def test_rules_are_public_once_locked(client, area, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    page = client.get(round_.get_absolute_url())
    assert "cost-then-votes" not in page.content.decode()
    assert "Methode van Gelijke Delen" not in page.content.decode()
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING, locked_at=round_.voting_start)
    page = client.get(round_.get_absolute_url()).content.decode()
    assert "Methode van Gelijke Delen" in page and "12" in page


def test_round_page_in_english(client, area, make_round):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    client.cookies["django_language"] = "en"
    page = client.get(round_.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Send in your idea" in page


def test_round_page_in_dutch(client, area, make_round):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    page = client.get(round_.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Stuur uw idee in" in page


def test_withdrawn_idea_is_not_shown(client, area, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    idea = make_idea(round_, status=Proposal.Status.WITHDRAWN)
    assert client.get(idea.get_absolute_url()).status_code == 404


def test_not_admitted_idea_shows_the_public_reason(client, area, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.VOTING)
    idea = make_idea(round_, status=Proposal.Status.NOT_ADMITTED, public_reason="Valt buiten het gebied.")
    assert "Valt buiten het gebied." in client.get(idea.get_absolute_url()).content.decode()


def test_round_in_voting_links_to_the_ballot_and_committee_to_codes(client, area, make_round, make_user):
    from tests.conftest import login

    round_ = make_round(area, phase=Round.Phase.VOTING)
    page = client.get(round_.get_absolute_url()).content.decode()
    assert f'href="/gebieden/{area.slug}/stemmen/"' in page
    login(client, make_user("fund_committee", area))
    manage = client.get(f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/").content.decode()
    assert f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/" in manage

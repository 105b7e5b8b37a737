"""Assessment: criteria, conflicts of interest, one revision, public reasons."""

from __future__ import annotations

import pytest

from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Assessment, Proposal, Round
from wijkgeld.fund.services.assessment import (
    assessment_record,
    conflict_declare,
    idea_decide,
    revision_request,
)
from wijkgeld.fund.services.ideas import idea_edit, idea_submit
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db
ALL_MET = dict.fromkeys(Assessment.CRITERIA, True)


def assess_url(idea):
    r = idea.round
    return f"/gebieden/{r.area.slug}/bewonersfonds/beheer/ronde/{r.pk}/ideeen/{idea.number}/"


def test_member_assesses_and_admits_with_final_cost(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    assessment_record(actor=committee, proposal=idea, **ALL_MET)
    idea = idea_decide(actor=committee, proposal=idea, admitted=True, final_cost_cents=90_000)
    assert idea.status == Proposal.Status.ADMITTED and idea.cost_cents == 90_000


def test_not_admitted_needs_a_public_reason(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    assessment_record(actor=committee, proposal=idea, **ALL_MET | {"legal": False})
    with pytest.raises(DomainError):
        idea_decide(actor=committee, proposal=idea, admitted=False)
    idea_decide(actor=committee, proposal=idea, admitted=False, public_reason="Niet toegestaan op deze plek.")
    idea.refresh_from_db()
    assert idea.status == Proposal.Status.NOT_ADMITTED


def test_decision_needs_an_assessment(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    with pytest.raises(DomainError) as exc:
        idea_decide(actor=committee, proposal=idea, admitted=True)
    assert exc.value.code == "unassessed"


def test_member_with_a_conflict_cannot_assess(client, area, committee, make_round, make_idea):
    from tests.conftest import login

    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    conflict_declare(actor=committee, proposal=idea, explanation="Mijn buurvrouw")
    with pytest.raises(DomainError) as exc:
        assessment_record(actor=committee, proposal=idea, **ALL_MET)
    assert exc.value.code == "conflict"
    login(client, committee)
    data = {"action": "assess"} | {f"assess-{k}": "on" for k in Assessment.CRITERIA}
    response = client.post(assess_url(idea), data)
    assert response.status_code == 200
    assert response.context["forms"]["assess"].errors
    assert not Assessment.objects.exists()
    response = client.post(assess_url(idea), {"action": "decide", "decide-admitted": "yes"})
    idea.refresh_from_db()
    assert idea.status == Proposal.Status.SUBMITTED


def test_conflict_removes_an_earlier_assessment(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    assessment_record(actor=committee, proposal=idea, **ALL_MET)
    conflict_declare(actor=committee, proposal=idea, explanation="Ik doe zelf mee")
    assert not Assessment.objects.exists()


def test_assessment_only_in_the_assessment_phase(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    idea = make_idea(round_)
    with pytest.raises(DomainError) as exc:
        assessment_record(actor=committee, proposal=idea, **ALL_MET)
    assert exc.value.code == "wrong_phase"


def test_proposer_may_revise_once_when_asked(area, committee, make_round):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    idea, token = idea_submit(
        round=round_,
        title="Plan",
        summary="Kort.",
        description="Lang.",
        estimated_cost_cents=50_000,
        contact_name="Piet",
        contact_email="piet@example.org",
    )
    round_ = round_advance(actor=committee, round=round_)
    with pytest.raises(DomainError) as exc:
        idea_edit(round=round_, number=idea.number, token=token, title="Te laat")
    assert exc.value.code == "edit_closed"
    revision_request(actor=committee, proposal=idea, request="Maak het goedkoper.")
    idea = idea_edit(round=round_, number=idea.number, token=token, estimated_cost_cents=40_000)
    assert idea.revised and idea.status == Proposal.Status.SUBMITTED
    with pytest.raises(DomainError):
        idea_edit(round=round_, number=idea.number, token=token, estimated_cost_cents=30_000)
    with pytest.raises(DomainError) as exc:
        revision_request(actor=committee, proposal=idea, request="Nog een keer.")
    assert exc.value.code == "revised"
    idea.refresh_from_db()
    assert idea.estimated_cost_cents == 40_000


def test_tampered_action_changes_nothing(client, area, committee, make_round, make_idea):
    from tests.conftest import login

    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    login(client, committee)
    response = client.post(assess_url(idea), {"action": "delete_everything"}, follow=True)
    assert response.status_code == 200
    response = client.post(assess_url(idea), {"action": "decide", "decide-admitted": "maybe"})
    assert "admitted" in response.context["forms"]["decide"].errors
    idea.refresh_from_db()
    assert idea.status == Proposal.Status.SUBMITTED


def test_contact_details_only_for_the_committee(client, area, committee, make_round, make_idea, make_user):
    from tests.conftest import login

    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    login(client, committee)
    assert b"aisha@example.org" in client.get(assess_url(idea)).content
    client.logout()
    assert b"aisha@example.org" not in client.get(idea.get_absolute_url()).content

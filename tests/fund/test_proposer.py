"""The proposer's journey: the form says what is checked and when; the private link and each decision
come by e-mail; the proposer can withdraw the idea until voting opens."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.fund.conftest import NOW, cast
from tests.fund.test_ideas import submit, url
from wijkgeld.core.models import AuditEntry
from wijkgeld.fund.models import Assessment, Proposal, Round
from wijkgeld.fund.services.assessment import assessment_record, idea_decide
from wijkgeld.fund.services.results import result_count, result_publish
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db


def _private_link(client, response) -> str:
    return client.get(response["Location"]).context["link"]


def test_form_shows_criteria_deadline_and_next_steps(client, area, make_round):
    round_ = make_round(area)
    client.cookies["django_language"] = "nl"
    html = client.get(url(round_)).content.decode()
    assert "Wat de commissie nakijkt" in html
    assert "Het kan binnen een jaar klaar zijn." in html
    assert "Stuur uw idee in vóór" in html
    assert "Wat er daarna gebeurt" in html
    assert "één van de twee is nodig" in html  # the contact fields tell the truth


def test_private_link_is_also_sent_by_email(client, area, make_round, django_capture_on_commit_callbacks):
    round_ = make_round(area)
    response = submit(client, round_)
    link = _private_link(client, response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aisha@example.org"]
    assert link in message.body
    assert "— English —" in message.body  # Dutch first, then English


def test_no_email_address_no_mail(client, area, make_round):
    round_ = make_round(area)
    submit(client, round_, contact_email="", contact_phone="010 123 4567")
    assert Proposal.objects.count() == 1 and mail.outbox == []


def test_proposer_hears_each_decision(
    area, make_round, make_idea, committee, django_capture_on_commit_callbacks
):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    yes = make_idea(round_, contact_email="ja@example.org")
    no = make_idea(round_, contact_email="nee@example.org")
    criteria = dict.fromkeys(Assessment.CRITERIA, True)
    with django_capture_on_commit_callbacks(execute=True):
        for idea in (yes, no):
            assessment_record(actor=committee, proposal=idea, **criteria, now=NOW)
        idea_decide(actor=committee, proposal=yes, admitted=True, now=NOW)
        idea_decide(actor=committee, proposal=no, admitted=False, public_reason="Buiten het gebied.", now=NOW)
    to = {m.to[0]: m.body for m in mail.outbox}
    assert "toegelaten" in to["ja@example.org"]
    assert "Buiten het gebied." in to["nee@example.org"]


def test_proposer_hears_chosen_or_not(voting_round, committee, django_capture_on_commit_callbacks):
    voting_round.proposals.update(contact_email="indiener@example.org")
    cast(voting_round, committee, [("1", "3")] * 6 + [("2",)] * 4)
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result_count(actor=committee, round=round_, now=NOW)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result_publish(actor=committee, round=round_, now=NOW)
    bodies = [m.body for m in mail.outbox]
    assert len(bodies) == 3
    assert sum("is gekozen door de bewoners" in b for b in bodies) == 2
    assert sum("deze keer niet gekozen" in b for b in bodies) == 1


def test_a_decision_that_fails_sends_nothing(
    area, make_round, make_idea, committee, django_capture_on_commit_callbacks
):
    from wijkgeld.core.errors import DomainError

    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_, contact_email="x@example.org")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        idea_decide(actor=committee, proposal=idea, admitted=True, now=NOW)  # not assessed yet
    assert mail.outbox == []


def test_proposer_withdraws_with_the_private_link(client, area, make_round):
    round_ = make_round(area)
    link = _private_link(client, submit(client, round_))
    refused = client.post(link, {"action": "withdraw"})  # without ticking the box: nothing happens
    assert refused.status_code == 302 and Proposal.objects.get().status == "submitted"
    client.post(link, {"action": "withdraw", "confirmed": "yes"})
    idea = Proposal.objects.get()
    assert idea.status == "withdrawn"
    assert AuditEntry.objects.filter(action="fund.idea.withdrawn").exists()
    assert client.get(idea.get_absolute_url()).status_code == 404
    assert "Idee 1" not in client.get(round_.get_absolute_url()).content.decode()


def test_withdraw_needs_the_right_link(client, area, make_round):
    round_ = make_round(area)
    link = _private_link(client, submit(client, round_))
    wrong = link.rstrip("/")[:-4] + "abcd/"
    assert client.post(wrong, {"action": "withdraw", "confirmed": "yes"}).status_code == 404
    assert Proposal.objects.get().status == "submitted"


def test_no_withdrawing_once_voting_opened(client, area, make_round):
    round_ = make_round(area)
    link = _private_link(client, submit(client, round_))
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING, locked_at=NOW)
    client.post(link, {"action": "withdraw", "confirmed": "yes"})
    assert Proposal.objects.get().status == "submitted"

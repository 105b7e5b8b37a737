"""The chair sees questions to answer and proposed agenda items to plan; delegates and other areas do not."""

import pytest

from tests.alliance.conftest import NOW
from wijkgeld.alliance import services
from wijkgeld.core.tasks import tasks_for

pytestmark = pytest.mark.django_db


def kinds(user):
    return sorted(t.kind for t in tasks_for(user))


def test_chair_sees_question_and_agenda_item(
    alliance, meeting, make_document, staff, delegate, make_user, other_area
):
    document = make_document(meeting)
    question = services.question_ask(actor=delegate, document=document, text="Wat kost dit?", now=NOW)
    services.agenda_item_propose(
        actor=delegate, alliance=alliance, title="Speeltuin", explanation="Kapot sinds mei.", now=NOW
    )
    assert kinds(staff) == ["alliance.agenda.plan", "alliance.question.answer"]
    answer = next(t for t in tasks_for(staff) if t.kind == "alliance.question.answer")
    assert answer.url.endswith(f"/vragen/{question.pk}/antwoord/")
    assert kinds(delegate) == []
    assert kinds(make_user("programme_staff", other_area)) == []
    services.question_answer(actor=staff, question=question, answer="Niets.", now=NOW)
    assert kinds(staff) == ["alliance.agenda.plan"]

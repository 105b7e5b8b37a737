"""Delegates ask questions about documents; the chair answers; all members read both."""

import pytest
from django.core.exceptions import PermissionDenied

from wijkgeld.alliance import services
from wijkgeld.core.errors import DomainError


@pytest.fixture
def document(meeting, make_document):
    return make_document(meeting, title="Begroting")


@pytest.mark.django_db
def test_ask_and_answer_visible_to_all_members(document, delegate, staff, client_for, area, make_user):
    question = services.question_ask(actor=delegate, document=document, text="Waarom zo duur?")
    services.question_answer(actor=staff, question=question, answer="Door de huur van de zaal.")
    url = f"/gebieden/{area.slug}/alliantie/documenten/{document.pk}/"
    for role in ("resident_delegate", "finance", "observer"):
        html = client_for(make_user(role, area)).get(url).content.decode()
        assert "Waarom zo duur?" in html and "Door de huur van de zaal." in html
    assert area.audit_entries.filter(action="alliance.question.answered").exists()


@pytest.mark.django_db
def test_outsiders_do_not_see_questions_on_a_public_document(meeting, make_document, delegate, client, area):
    document = make_document(meeting, title="Openbaar", visibility="public")
    services.question_ask(actor=delegate, document=document, text="Mijn vraag")
    html = client.get(f"/gebieden/{area.slug}/alliantie/documenten/{document.pk}/").content.decode()
    assert "Openbaar" in html and "Mijn vraag" not in html


@pytest.mark.django_db
def test_empty_question_and_wrong_people(document, delegate, staff, area, other_area, make_user):
    with pytest.raises(DomainError):
        services.question_ask(actor=delegate, document=document, text="   ")
    for outsider in (
        make_user("resident", area),
        make_user("resident_delegate", other_area),
        make_user("observer", area),
    ):
        with pytest.raises(PermissionDenied):
            services.question_ask(actor=outsider, document=document, text="Hallo")
    question = services.question_ask(actor=delegate, document=document, text="Vraag")
    with pytest.raises(PermissionDenied):
        services.question_answer(actor=delegate, question=question, answer="Ik antwoord zelf")
    with pytest.raises(DomainError):
        services.question_answer(actor=staff, question=question, answer="")


@pytest.mark.django_db
def test_delegate_cannot_ask_about_a_document_not_shared_with_them(meeting, make_document, delegate):
    document = make_document(meeting, share_with="partners")
    with pytest.raises(PermissionDenied):
        services.question_ask(actor=delegate, document=document, text="?")


@pytest.mark.django_db
def test_question_and_answer_through_the_pages(document, delegate, staff, client_for, area):
    url = f"/gebieden/{area.slug}/alliantie/documenten/{document.pk}/"
    client = client_for(delegate)
    response = client.post(url, {"text": ""})
    assert response.status_code == 400 and 'id="id_text_error"' in response.content.decode()
    assert client.post(url, {"text": "Wat kost het?"}).status_code == 302
    question = document.questions.get()
    answer_url = f"/gebieden/{area.slug}/alliantie/vragen/{question.pk}/antwoord/"
    assert client.get(answer_url).status_code == 403
    client = client_for(staff)
    assert client.post(answer_url, {"answer": "Niets."}).status_code == 302
    question.refresh_from_db()
    assert question.answer == "Niets." and question.answered_by == staff


@pytest.mark.django_db
def test_observer_cannot_post_a_question(document, client_for, area, make_user):
    client = client_for(make_user("observer", area))
    url = f"/gebieden/{area.slug}/alliantie/documenten/{document.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "Mag ik?"}).status_code == 403
    assert document.questions.count() == 0

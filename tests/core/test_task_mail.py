"""The task e-mail: only with tasks, only once per change, never after opting out, in the person's language."""

import pytest
from django.core import mail
from django.core.management import call_command

from tests.conftest import login
from wijkgeld.core.models import TaskMailSettings
from wijkgeld.core.tasks import _PROVIDERS, Task, register_task_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_task(monkeypatch):
    def provider(user):
        if user.username == "met-taak":
            yield Task("test.task", "Een taak om te doen.", "/ergens/")

    monkeypatch.setattr("wijkgeld.core.tasks._PROVIDERS", [*_PROVIDERS, provider])
    return provider


@pytest.fixture
def person(make_user):
    return make_user(None, username="met-taak", email="taak@example.org")


def test_mail_once_per_new_list(one_task, person, make_user):
    make_user(None, username="zonder-taak", email="niets@example.org")
    call_command("send_task_mail")
    assert [m.to for m in mail.outbox] == [["taak@example.org"]]
    assert "Een taak om te doen." in mail.outbox[0].body and "/ergens/" in mail.outbox[0].body
    call_command("send_task_mail")
    assert len(mail.outbox) == 1  # the same list is not sent again


def test_opted_out_gets_nothing(one_task, person, client):
    login(client, person)
    assert client.get("/account/taken-mail/").status_code == 405
    client.post("/account/taken-mail/", {"task_mail": "off"})
    assert TaskMailSettings.objects.get(user=person).opted_out
    call_command("send_task_mail")
    assert mail.outbox == []
    client.post("/account/taken-mail/", {"task_mail": "on"})
    call_command("send_task_mail")
    assert len(mail.outbox) == 1


def test_mail_in_the_persons_language(one_task, person):
    TaskMailSettings.objects.create(user=person, language="en")
    call_command("send_task_mail")
    assert "These tasks are waiting for you" in mail.outbox[0].body


def test_toggle_needs_login(client):
    response = client.post("/account/taken-mail/", {"task_mail": "off"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not TaskMailSettings.objects.exists()


def test_register_is_idempotent():
    def provider(user):
        return []

    before = len(_PROVIDERS)
    register_task_provider(provider)
    register_task_provider(provider)
    assert len(_PROVIDERS) == before + 1
    _PROVIDERS.remove(provider)

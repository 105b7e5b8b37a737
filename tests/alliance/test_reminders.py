"""Reminder e-mails: on new documents and a day before; sent once, whatever happens."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from tests.alliance.conftest import NOW
from wijkgeld.alliance.models import Notice
from wijkgeld.alliance.services.reminders import reminders_send

DAY = dt.timedelta(days=1)


@pytest.fixture
def members(area, other_area, make_user, delegate, staff):
    make_user("resident", area, email="bewoner@example.org")  # not an alliance member
    make_user("resident_delegate", other_area, email="elders@example.org")  # another area
    make_user("finance", area, email="")  # no address
    return {delegate.email, staff.email}


@pytest.mark.django_db
def test_documents_mail_goes_once_to_members(members, meeting, make_document):
    make_document(meeting, title="Agenda", summary="Dit is de agenda.")
    make_document(meeting, title="Begroting")
    counts = reminders_send(now=NOW)
    assert counts == {"documents": 2, "day_before": 0}
    assert {m.to[0] for m in mail.outbox} == members
    body = mail.outbox[0].body
    assert "Agenda" in body and "Begroting" in body and "Dit is de agenda." in body
    assert f"/alliantie/overleg/{meeting.pk}/" in body
    assert reminders_send(now=NOW) == {"documents": 0, "day_before": 0}
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_later_document_gives_a_new_mail_only_about_itself(members, meeting, make_document):
    make_document(meeting, title="Agenda")
    reminders_send(now=NOW)
    make_document(meeting, title="Nagekomen stuk")
    reminders_send(now=NOW + DAY)
    latest = mail.outbox[-1].body
    assert "Nagekomen stuk" in latest and "- Agenda" not in latest
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_unshared_and_partner_only_documents(members, meeting, make_document, delegate):
    make_document(meeting, title="Concept", share_with=None)
    make_document(meeting, title="Voor partners", share_with="partners")
    reminders_send(now=NOW)
    assert delegate.email not in {m.to[0] for m in mail.outbox}
    assert all("Concept" not in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_day_before_mail_once(members, meeting):
    assert reminders_send(now=meeting.starts_at - 2 * DAY)["day_before"] == 0
    assert reminders_send(now=meeting.starts_at - dt.timedelta(hours=20))["day_before"] == 2
    assert reminders_send(now=meeting.starts_at - dt.timedelta(hours=2))["day_before"] == 0
    assert Notice.objects.filter(kind="day_before").count() == 2
    assert "Wijkcentrum" in mail.outbox[0].body


@pytest.mark.django_db
def test_no_mail_for_cancelled_or_past_meetings(members, meeting, make_document, staff):
    from wijkgeld.alliance import services

    make_document(meeting)
    services.meeting_update(
        actor=staff,
        meeting=meeting,
        kind=meeting.kind,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        cancelled=True,
    )
    assert reminders_send(now=meeting.starts_at - dt.timedelta(hours=5)) == {"documents": 0, "day_before": 0}


@pytest.mark.django_db
def test_failed_sending_is_tried_again(members, meeting, make_document, monkeypatch):
    from wijkgeld.alliance.services import reminders

    make_document(meeting)

    def broken(**kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(reminders, "_send", broken)
    with pytest.raises(OSError):
        reminders_send(now=NOW)
    assert Notice.objects.count() == 0
    monkeypatch.undo()
    assert reminders_send(now=NOW)["documents"] == 2


@pytest.mark.django_db
def test_management_command(members, meeting, make_document, area):
    make_document(meeting)
    call_command("send_alliance_reminders")
    call_command("send_alliance_reminders")
    assert len(mail.outbox) == 2
    from wijkgeld.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="alliance.reminder.sent").count() == 1

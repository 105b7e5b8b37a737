"""Documents must reach the resident delegates at least N days before the meeting (default 7)."""

import datetime as dt

import pytest

from tests.alliance.conftest import NOW
from wijkgeld.alliance import services
from wijkgeld.alliance.queries import late_documents

DAY = dt.timedelta(days=1)


@pytest.mark.django_db
def test_on_time_is_not_late(meeting, make_document):
    make_document(meeting, at=meeting.starts_at - 8 * DAY)
    assert not late_documents(meeting, now=NOW).is_late


@pytest.mark.django_db
def test_exactly_on_the_deadline_is_on_time(meeting, make_document):
    make_document(meeting, at=meeting.starts_at - 7 * DAY)
    assert not late_documents(meeting, now=NOW).is_late


@pytest.mark.django_db
def test_shared_too_late_is_late(meeting, make_document):
    doc = make_document(meeting, at=meeting.starts_at - 3 * DAY)
    report = late_documents(meeting, now=meeting.starts_at)
    assert report.is_late and report.late[0].document == doc and report.days == 7
    assert report.late[0].partners_earlier is False


@pytest.mark.django_db
def test_partners_first_then_residents_is_late_and_says_so(meeting, make_document, staff):
    doc = make_document(meeting, share_with="partners", at=meeting.starts_at - 10 * DAY)
    # Partners before the residents breaks "at the same time" at once, before the deadline too.
    early = late_documents(meeting, now=meeting.starts_at - 9 * DAY)
    assert early.is_late and early.late[0].partners_earlier and early.late[0].received_at is None
    report = late_documents(meeting, now=meeting.starts_at - 6 * DAY)
    assert report.is_late and report.late[0].received_at is None  # residents still do not have it
    services.document_share(actor=staff, document=doc, audience="delegates", now=meeting.starts_at - 2 * DAY)
    entry = late_documents(meeting, now=meeting.starts_at).late[0]
    assert entry.received_at == meeting.starts_at - 2 * DAY and entry.partners_earlier


@pytest.mark.django_db
def test_days_are_configurable_per_alliance(alliance, meeting, make_document, staff):
    make_document(meeting, at=meeting.starts_at - 5 * DAY)
    assert late_documents(meeting, now=meeting.starts_at).is_late
    services.alliance_update(
        actor=staff, alliance=alliance, name=alliance.name, description="", documents_days_before=3
    )
    meeting.refresh_from_db()
    assert not late_documents(meeting, now=meeting.starts_at).is_late


@pytest.mark.django_db
def test_days_out_of_range_are_refused(alliance, staff):
    from wijkgeld.core.errors import DomainError

    with pytest.raises(DomainError) as info:
        services.alliance_update(
            actor=staff, alliance=alliance, name="x", description="", documents_days_before=99
        )
    assert info.value.field == "documents_days_before"


@pytest.mark.django_db
def test_sharing_twice_with_the_same_group_is_refused(meeting, make_document, staff):
    from wijkgeld.core.errors import DomainError

    doc = make_document(meeting)
    with pytest.raises(DomainError):
        services.document_share(actor=staff, document=doc, audience="delegates")


@pytest.mark.django_db
def test_meeting_page_shows_the_warning_to_everyone(
    client_for, client, meeting, make_document, delegate, area
):
    make_document(meeting, title="Late notitie", visibility="public", at=meeting.starts_at - 2 * DAY)
    url = f"/gebieden/{area.slug}/alliantie/overleg/{meeting.pk}/"
    html = client_for(delegate).get(url).content.decode()
    assert 'id="late-heading"' in html and "Late notitie" in html
    client.logout()
    assert 'id="late-heading"' in client.get(url).content.decode()


@pytest.mark.django_db
def test_no_warning_when_on_time(client_for, meeting, make_document, delegate, area):
    make_document(meeting, at=meeting.starts_at - 8 * DAY)
    html = client_for(delegate).get(f"/gebieden/{area.slug}/alliantie/overleg/{meeting.pk}/").content.decode()
    assert 'id="late-heading"' not in html


@pytest.mark.django_db
def test_documents_added_after_the_meeting_began_do_not_count(alliance, make_meeting, make_document):
    past = make_meeting(alliance, days=-2)
    make_document(past, title="Presentatie", at=past.starts_at + dt.timedelta(hours=1))
    assert not late_documents(past, now=NOW).is_late


@pytest.mark.django_db
def test_sharing_reads_well_in_the_audit_log(meeting, make_document, area):
    from wijkgeld.core.audit import audit_text

    make_document(meeting, title="Agenda")
    entry = area.audit_entries.get(action="alliance.document.shared")
    assert "Agenda" in audit_text(entry) and "Alle leden tegelijk" in audit_text(entry)

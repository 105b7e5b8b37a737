"""Partners at the table (issue 13, section 3): a per-area partner role with the delegates' document
access; equal sharing is measured against every partner; documents without a meeting; the
delegates' own advice; decisions linked to budget lines and commitments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from tests.alliance.conftest import NOW, pdf_upload
from wijkgeld.alliance import services
from wijkgeld.alliance.models import Audience, Document
from wijkgeld.alliance.queries import late_documents, may_see_document, unequal_documents
from wijkgeld.areas.models import Organisation
from wijkgeld.core.errors import DomainError

DAY = dt.timedelta(days=1)
pytestmark = pytest.mark.django_db


def _partner(alliance, staff, make_user, name: str):
    org = Organisation.objects.create(name=name, kind="housing_corporation", legal_form="stichting")
    partner = services.partner_add(actor=staff, alliance=alliance, organisation=org, now=NOW)
    user = make_user("alliance_partner", alliance.area)
    services.representative_add(actor=staff, partner=partner, name=f"Rep {name}", user=user, now=NOW)
    return partner, user


@pytest.fixture
def woonstad(alliance, staff, make_user):
    return _partner(alliance, staff, make_user, "Woonstad Test")


@pytest.fixture
def politie(alliance, staff, make_user):
    return _partner(alliance, staff, make_user, "Politie Test")


def test_a_partner_reads_what_delegates_read_and_asks_questions(meeting, make_document, woonstad, delegate):
    _partner, user = woonstad
    doc = make_document(meeting)  # members-only, shared with all at once
    assert may_see_document(user, doc) and may_see_document(delegate, doc)
    services.question_ask(actor=user, document=doc, text="Wanneer start het project?", now=NOW)
    delegates_only = make_document(meeting, share_with="delegates", title="Alleen bewoners")
    assert not may_see_document(user, delegates_only)


def test_a_share_with_one_partner_reaches_only_that_partner(meeting, make_document, woonstad, politie, staff):
    doc = make_document(meeting, share_with=None)
    services.document_share(
        actor=staff, document=doc, audience=Audience.ONE_PARTNER, partner=woonstad[0], now=NOW
    )
    assert may_see_document(woonstad[1], doc) and not may_see_document(politie[1], doc)
    with pytest.raises(DomainError):  # twice to the same partner
        services.document_share(actor=staff, document=doc, audience=Audience.ONE_PARTNER, partner=woonstad[0])
    with pytest.raises(DomainError):  # one partner without saying which
        services.document_share(actor=staff, document=doc, audience=Audience.ONE_PARTNER)


def test_a_late_share_to_one_partner_triggers_the_public_warning(
    meeting, make_document, woonstad, staff, client, area
):
    """Shared with one partner ten days early, with the residents eight days early: on time for the
    residents, but a partner had it first, so the warning shows (the old rule missed this)."""
    doc = make_document(meeting, share_with=None, at=meeting.starts_at - 11 * DAY)
    services.document_share(
        actor=staff,
        document=doc,
        audience=Audience.ONE_PARTNER,
        partner=woonstad[0],
        now=meeting.starts_at - 10 * DAY,
    )
    services.document_share(actor=staff, document=doc, audience=Audience.ALL, now=meeting.starts_at - 8 * DAY)
    report = late_documents(meeting, now=meeting.starts_at - 7 * DAY)
    assert report.is_late and report.late[0].partners_earlier
    client.logout()
    html = client.get(f"/gebieden/{area.slug}/alliantie/overleg/{meeting.pk}/").content.decode()
    assert "te laat" in html or "late" in html


def test_same_moment_for_everyone_is_not_late(meeting, make_document, woonstad):
    make_document(meeting, at=meeting.starts_at - 8 * DAY)
    assert not late_documents(meeting, now=meeting.starts_at).is_late


def test_documents_without_a_meeting_and_the_delegates_advice(
    alliance, staff, delegate, woonstad, client_for, area
):
    plan = services.document_upload(
        actor=staff,
        alliance=alliance,
        kind=Document.Kind.AREA_PLAN,
        upload=pdf_upload(),
        title="Gebiedsplan",
        visibility="public",
        now=NOW,
    )
    assert plan.meeting is None and may_see_document(woonstad[1], plan)
    with pytest.raises(DomainError):  # a meeting document needs a meeting
        services.document_upload(
            actor=staff, alliance=alliance, kind=Document.Kind.MEETING, upload=pdf_upload(), title="x"
        )
    advice = services.document_upload_advice(
        actor=delegate, alliance=alliance, upload=pdf_upload(), title="Ons advies", now=NOW
    )
    assert advice.kind == Document.Kind.DELEGATES_ADVICE and advice.uploaded_by == delegate
    assert list(advice.shares.values_list("audience", flat=True)) == [Audience.ALL]
    with pytest.raises(PermissionDenied):  # a partner does not publish the residents' advice
        services.document_upload_advice(actor=woonstad[1], alliance=alliance, upload=pdf_upload(), title="x")
    with pytest.raises(PermissionDenied):  # a delegate does not publish the area plan
        services.document_upload(
            actor=delegate, alliance=alliance, kind=Document.Kind.AREA_PLAN, upload=pdf_upload(), title="x"
        )
    page = client_for(delegate).get(f"/gebieden/{area.slug}/alliantie/documenten/").content.decode()
    assert "Gebiedsplan" in page and "Ons advies" in page
    response = client_for(woonstad[1]).get(f"/gebieden/{area.slug}/alliantie/documenten/advies/")
    assert response.status_code == 403


def test_a_document_without_meeting_shared_with_a_partner_first_is_flagged(
    alliance, staff, woonstad, client, area
):
    doc = services.document_upload(
        actor=staff,
        alliance=alliance,
        kind=Document.Kind.MONITOR,
        upload=pdf_upload(),
        title="Monitor",
        share_with=None,
        now=NOW,
    )
    services.document_share(
        actor=staff, document=doc, audience=Audience.ONE_PARTNER, partner=woonstad[0], now=NOW
    )
    assert unequal_documents(alliance) == [doc]
    html = client.get(f"/gebieden/{area.slug}/alliantie/documenten/").content.decode()
    assert "Monitor" in html  # the warning is public, even though the document itself is members-only


def test_decisions_link_to_budget_lines_and_commitments(
    alliance, staff, make_meeting, other_area, area, client
):
    from wijkgeld.money.models import BudgetLine, Theme

    theme = Theme.objects.get(tranche__number=2, code="maatschappelijke_samenhang")
    line = BudgetLine.objects.create(area=area, theme=theme, year=2026, code="fonds", name="Fonds")
    elsewhere = BudgetLine.objects.create(
        area=other_area, theme=theme, year=2026, code="fonds", name="Elders"
    )
    past = make_meeting(alliance, days=-2)
    with pytest.raises(DomainError):
        services.decision_record(
            actor=staff,
            meeting=past,
            number="1",
            title="x",
            decided_by="Alliantie",
            budget_lines=[elsewhere],
            now=NOW,
        )
    decision = services.decision_record(
        actor=staff,
        meeting=past,
        number="2",
        title="Fonds vastgesteld",
        decided_by="Alliantie",
        budget_lines=[line],
        now=NOW,
    )
    assert list(decision.budget_lines.all()) == [line] and list(line.decisions.all()) == [decision]
    data = client.get(f"/api/v1/areas/{area.slug}/decisions/").json()
    assert data[0]["budget_lines"] == [{"code": "fonds", "name": "Fonds", "year": 2026}]


def test_the_observer_reads_the_agenda_without_names(alliance, delegate, make_user, client_for, area):
    services.agenda_item_propose(
        actor=delegate, alliance=alliance, title="Meer groen", explanation="Bomen in de straat", now=NOW
    )
    html = (
        client_for(make_user("observer", None)).get(f"/gebieden/{area.slug}/alliantie/agendapunten/").content
    )
    assert "Meer groen" in html.decode() and "Kees Bewoner" not in html.decode()
    html = client_for(make_user("resident_delegate", area)).get(
        f"/gebieden/{area.slug}/alliantie/agendapunten/"
    )
    assert "Kees Bewoner" in html.content.decode()

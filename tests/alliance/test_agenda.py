"""Residents propose agenda items; the chair accepts, plans or declines them with a reason for all."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from tests.alliance.conftest import NOW
from wijkgeld.alliance import services
from wijkgeld.alliance.models import AgendaItem
from wijkgeld.core.errors import DomainError


@pytest.fixture
def proposal(alliance, delegate):
    return services.agenda_item_propose(
        actor=delegate, alliance=alliance, title="Speeltuin", explanation="Kapot sinds maart.", now=NOW
    )


@pytest.mark.django_db
def test_delegate_proposes(proposal, delegate, area):
    assert proposal.status == "proposed" and proposal.proposed_by == delegate
    assert proposal.brought_by == "Kees Bewoner" and proposal.from_residents
    assert area.audit_entries.filter(action="alliance.agenda_item.proposed").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident", "finance", "observer", "programme_staff", "fund_committee"])
def test_only_delegates_propose(alliance, area, make_user, role):
    with pytest.raises(PermissionDenied):
        services.agenda_item_propose(
            actor=make_user(role, area), alliance=alliance, title="x", explanation="y"
        )


@pytest.mark.django_db
def test_empty_explanation_is_refused(alliance, delegate):
    with pytest.raises(DomainError) as info:
        services.agenda_item_propose(actor=delegate, alliance=alliance, title="x", explanation="  ")
    assert info.value.field == "explanation"
    assert AgendaItem.objects.count() == 0


@pytest.mark.django_db
def test_accept_then_plan(proposal, staff, meeting):
    item = services.agenda_item_decide(
        actor=staff, item=proposal, action="accept", reason="Goed idee", now=NOW
    )
    assert item.status == "accepted" and item.meeting is None
    item = services.agenda_item_decide(actor=staff, item=item, action="plan", meeting=meeting, now=NOW)
    assert item.status == "planned" and item.meeting == meeting
    assert list(meeting.agenda_items.all()) == [item]


@pytest.mark.django_db
def test_plan_needs_an_upcoming_meeting_of_this_alliance(
    proposal, staff, alliance, make_meeting, other_alliance
):
    with pytest.raises(DomainError) as info:
        services.agenda_item_decide(actor=staff, item=proposal, action="plan", now=NOW)
    assert info.value.field == "meeting"
    past = make_meeting(alliance, days=-3)
    with pytest.raises(DomainError):
        services.agenda_item_decide(actor=staff, item=proposal, action="plan", meeting=past, now=NOW)
    foreign = make_meeting(other_alliance, actor=other_alliance.area.roles.get().user)
    with pytest.raises(DomainError):
        services.agenda_item_decide(actor=staff, item=proposal, action="plan", meeting=foreign, now=NOW)
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


@pytest.mark.django_db
def test_decline_needs_a_reason_visible_to_all_delegates(proposal, staff, client_for, area, make_user):
    with pytest.raises(DomainError) as info:
        services.agenda_item_decide(actor=staff, item=proposal, action="decline", reason=" ", now=NOW)
    assert info.value.field == "reason"
    services.agenda_item_decide(
        actor=staff, item=proposal, action="decline", reason="Hoort bij de gemeenteraad"
    )
    other_delegate = make_user("resident_delegate", area)
    html = client_for(other_delegate).get(f"/gebieden/{area.slug}/alliantie/agendapunten/").content.decode()
    assert "Hoort bij de gemeenteraad" in html and "Speeltuin" in html
    with pytest.raises(DomainError):
        services.agenda_item_decide(actor=staff, item=proposal, action="accept")


@pytest.mark.django_db
def test_delegate_cannot_decide(proposal, delegate):
    with pytest.raises(PermissionDenied):
        services.agenda_item_decide(actor=delegate, item=proposal, action="accept")


@pytest.mark.django_db
def test_flow_through_the_pages(client_for, delegate, staff, meeting, area):
    client = client_for(delegate)
    base = f"/gebieden/{area.slug}/alliantie/agendapunten/"
    response = client.post(base + "voorstellen/", {"title": "", "explanation": ""})
    assert response.status_code == 400 and 'id="id_title_error"' in response.content.decode()
    response = client.post(
        base + "voorstellen/", {"title": "Bankjes", "explanation": "Er zijn geen bankjes."}
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(title="Bankjes")
    assert client.get(base + f"{item.pk}/besluiten/").status_code == 403  # a delegate is not the chair
    client = client_for(staff)
    response = client.post(base + f"{item.pk}/besluiten/", {"action": "plan", "meeting": "", "reason": ""})
    assert response.status_code == 400 and 'id="id_meeting_error"' in response.content.decode()
    response = client.post(
        base + f"{item.pk}/besluiten/", {"action": "plan", "meeting": meeting.pk, "reason": "Prima"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "planned"
    html = client.get(f"/gebieden/{area.slug}/alliantie/overleg/{meeting.pk}/").content.decode()
    assert "Bankjes" in html and "Kees Bewoner" in html


@pytest.mark.django_db
def test_staff_adds_item_with_who_brings_it(meeting, staff):
    item = services.agenda_item_add(
        actor=staff, meeting=meeting, title="Begroting", brought_by="Gemeente", now=NOW - dt.timedelta(days=1)
    )
    assert item.status == "planned" and item.brought_by == "Gemeente"

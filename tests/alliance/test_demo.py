"""The demo tells the story: two alliances, past meetings with real PDFs, one late-documents warning."""

import pytest
from django.core.management import call_command

from wijkgeld.alliance.models import Alliance, Decision, Meeting
from wijkgeld.alliance.queries import late_documents


@pytest.mark.django_db
def test_demo_loads_twice_and_tells_the_story(client):
    call_command("demo", "--quiet")
    call_command("demo", "--quiet")
    assert Alliance.objects.count() == 2
    for slug in ("rotterdam-zuid", "utrecht-overvecht"):
        alliance = Alliance.objects.get(area__slug=slug)
        meetings = list(alliance.meetings.all())
        past = [m for m in meetings if m.minutes]
        upcoming = [m for m in meetings if not m.minutes]
        assert len(past) == 2 and len(upcoming) == 1
        assert all(m.documents.exists() and m.decisions.exists() for m in past)
        assert upcoming[0].agenda_items.filter(proposed_by__roles__name="resident_delegate").exists()
        for document in alliance.documents.all():
            with document.file.open("rb") as handle:
                assert handle.read(5) == b"%PDF-"
        assert client.get(f"/gebieden/{slug}/alliantie/").status_code == 200
        assert client.get(f"/api/v1/areas/{slug}/decisions/").json()
    rotterdam = Meeting.objects.get(title="Alliantieoverleg: bewonersfonds en veiligheid")
    overvecht = Meeting.objects.get(title="Alliantieoverleg Overvecht: bewonersbedrijf")
    assert late_documents(rotterdam).is_late and not late_documents(overvecht).is_late
    assert Decision.objects.filter(visibility="members").exists()
    assert Decision.objects.filter(amount_cents__gt=0).exists()

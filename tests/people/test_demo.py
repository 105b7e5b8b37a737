"""The demo loads people in both areas, with counts under the threshold in Overvecht, and stays idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from wijkgeld.areas.models import Area
from wijkgeld.people.api import figures_document
from wijkgeld.people.models import Commission, Milestone, Placement, Report, WorkRole


@pytest.mark.django_db
def test_demo_people_in_two_areas():
    call_command("demo", quiet=True)
    counts = (WorkRole.objects.count(), Placement.objects.count(), Commission.objects.count())
    call_command("demo", quiet=True)
    assert (WorkRole.objects.count(), Placement.objects.count(), Commission.objects.count()) == counts
    zuid, overvecht = Area.objects.get(slug="rotterdam-zuid"), Area.objects.get(slug="utrecht-overvecht")
    for area in (zuid, overvecht):
        assert WorkRole.objects.filter(area=area, is_open=True).exists()
        assert Report.objects.filter(commission__area=area, status="accepted").exists()
        assert Commission.objects.filter(area=area, status="given", commitment__isnull=False).exists()
    kinds = set(Milestone.objects.filter(placement__area=zuid).values_list("kind", flat=True))
    assert kinds == {"started", "rhythm_reached", "training_done", "paid_here", "paid_elsewhere", "stopped"}
    zuid_doc, overvecht_doc = (
        figures_document(area=zuid, year=2026),
        figures_document(area=overvecht, year=2026),
    )
    assert zuid_doc["placements"]["placements"] == 7
    assert zuid_doc["placements"]["milestones"]["stopped"] == "<5"
    assert (
        zuid_doc["community_builders"]["builders"] == 6
        and zuid_doc["community_builders"]["share_from_neighbourhood"]
    )
    assert overvecht_doc["placements"]["placements"] == "<5"
    assert overvecht_doc["community_builders"]["share_from_neighbourhood"] is None

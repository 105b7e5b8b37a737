"""Each round shows its phases as a timeline: done, now, later."""

import pytest

from wijkgeld.fund.models import Round
from wijkgeld.fund.timeline import round_timeline


@pytest.mark.django_db
def test_timeline_marks_the_current_phase(make_round, area):
    steps = round_timeline(make_round(area, phase=Round.Phase.VOTING))
    assert [s["state"] for s in steps] == ["done", "done", "now", "later", "later"]
    assert steps[2]["start"] is not None and steps[2]["end"] is not None


@pytest.mark.django_db
def test_closed_round_has_every_step_done(make_round, area):
    steps = round_timeline(make_round(area, phase=Round.Phase.CLOSED))
    assert {s["state"] for s in steps} == {"done"}


@pytest.mark.django_db
def test_round_page_shows_the_timeline_with_the_current_step(client, make_round, area):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    html = client.get(round_.get_absolute_url()).content.decode()
    assert "Stappen van deze ronde" in html
    current = html.split('aria-current="step"')[1][:200]
    assert "Ideeën insturen" in current

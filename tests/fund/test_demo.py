"""The demo: a round in voting with working demo codes, and a published round that recounts fast."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from wijkgeld.fund import counting
from wijkgeld.fund.models import Award, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo", quiet=True)
    return Round.objects.select_related("fund__area")


def test_demo_has_a_voting_round_with_usable_codes(demo, client):
    from wijkgeld.core.demo import DemoContext
    from wijkgeld.fund.demo import load_voting_round
    from wijkgeld.voting.services import ballot_cast

    voting = demo.get(phase=Round.Phase.VOTING)
    assert voting.fund.area.slug == "utrecht-overvecht" and voting.is_locked
    ctx = DemoContext(objects={"overvecht": voting.fund.area})
    from django.utils import timezone

    load_voting_round(ctx, timezone.now())  # idempotent: no new round, no new codes
    assert Round.objects.filter(phase=Round.Phase.VOTING).count() == 1
    codes = (
        ctx.notes[0]
        .split("codes (one vote each; you can change your vote until voting closes): ")[1]
        .split(", ")
    )
    assert len(codes) == 5 and voting.voting_codes.count() == 5
    receipt = ballot_cast(round=voting, code=codes[0], approvals=["1"])
    assert receipt


def test_demo_published_round_recounts_in_under_a_second(demo):
    published = demo.get(published_at__isnull=False, split=Round.Split.NONE)
    result = published.result
    assert 150 <= result.num_ballots <= 250
    started = time.perf_counter()
    outcome = counting.count(
        counting.parse(result.pb_text),
        rule=published.rule,
        completion=published.completion,
        tie_break=published.tie_break_option,
    )
    assert time.perf_counter() - started < 1.0
    assert outcome.selected == result.selected
    assert published.phase == Round.Phase.EXECUTION
    award = Award.objects.get(proposal__round=published)
    from wijkgeld.money.models import Commitment
    from wijkgeld.money.services import commitment_paid_cents

    assert commitment_paid_cents(Commitment.objects.get(pk=award.commitment_id)) > 0
    assert award.proposal.updates.exists()


def test_demo_is_idempotent(demo):
    before = (Round.objects.count(), Award.objects.count())
    call_command("demo", quiet=True)
    assert (Round.objects.count(), Award.objects.count()) == before


def test_demo_has_a_published_round_per_neighbourhood_that_recounts_from_file(demo, client):
    from wijkgeld.pb.fromfile import tally_from_file

    split = demo.get(split=Round.Split.NEIGHBOURHOOD)
    assert split.is_published and split.fund.area.slug == "utrecht-overvecht"
    assert split.sub_areas.count() == 3
    result = split.result
    election = counting.parse(result.pb_text)
    assert sorted(tally_from_file(election, tie_break=result.tie_break).selected) == sorted(result.selected)
    page = client.get(f"{split.get_absolute_url()}uitslag/")
    assert [p["name"] for p in page.context["parts"]] == [s.name for s in split.sub_areas.all()]


def test_demo_has_a_published_round_per_theme_that_recounts_from_file(demo, client):
    from wijkgeld.pb.fromfile import tally_by_group, tally_from_file

    themes = demo.get(split=Round.Split.CATEGORY)
    assert themes.is_published and themes.fund.area.slug == "rotterdam-zuid"
    assert [s.theme for s in themes.sub_areas.all()] == ["groen", "spelen", "ontmoeten"]
    result = themes.result
    election = counting.parse(result.pb_text)
    assert election.meta["categories"] == "Groen en natuur,Spelen en sport,Elkaar ontmoeten"
    assert sorted(tally_from_file(election, tie_break=result.tie_break).selected) == sorted(result.selected)
    for part in tally_by_group(election, tie_break=result.tie_break).parts:
        assert part.result.selected and part.result.total_cost <= part.budget
    page = client.get(f"{themes.get_absolute_url()}uitslag/")
    assert [p["name"] for p in page.context["parts"]] == [
        "Groen en natuur",
        "Spelen en sport",
        "Elkaar ontmoeten",
    ]

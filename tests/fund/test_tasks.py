"""Committee members see the ideas they still have to assess (not those with a conflict of interest)."""

import pytest

from tests.fund.conftest import NOW
from wijkgeld.core.tasks import tasks_for
from wijkgeld.fund.models import Assessment, Round
from wijkgeld.fund.services.assessment import assessment_record, conflict_declare

pytestmark = pytest.mark.django_db


def assess_tasks(user):
    return [t for t in tasks_for(user) if t.kind == "fund.idea.assess"]


def test_ideas_to_assess_until_assessed(make_round, make_idea, area, committee):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    [task] = assess_tasks(committee)
    assert task.url.endswith(f"/beheer/ronde/{round_.pk}/ideeen/{idea.number}/")
    assessment_record(actor=committee, proposal=idea, **dict.fromkeys(Assessment.CRITERIA, True), now=NOW)
    assert assess_tasks(committee) == []


def test_no_task_with_a_conflict_or_in_another_area(
    make_round, make_idea, area, other_area, committee, make_user
):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    idea = make_idea(round_)
    conflict_declare(actor=committee, proposal=idea, explanation="Mijn buurman", now=NOW)
    assert assess_tasks(committee) == []
    assert assess_tasks(make_user("fund_committee", other_area)) == []
    assert assess_tasks(make_user("finance", area)) == []


def test_no_task_outside_the_assessment_phase(make_round, make_idea, area, committee):
    make_idea(make_round(area, phase=Round.Phase.IDEAS))
    assert assess_tasks(committee) == []

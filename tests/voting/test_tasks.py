"""A paper ballot entered once waits for another committee member; the first one does not see it."""

import pytest

from tests.voting.conftest import DURING
from wijkgeld.core.tasks import tasks_for
from wijkgeld.voting.services import paper_ballot_enter

pytestmark = pytest.mark.django_db


def paper_tasks(user):
    return [t for t in tasks_for(user) if t.kind == "voting.paper.second"]


def test_second_member_sees_the_paper_ballot_to_enter(
    round_, codes, committee, committee2, make_user, other_area
):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=DURING)
    assert paper_tasks(committee) == []
    [task] = paper_tasks(committee2)
    assert task.count == 1 and task.url.endswith(f"/stemmen/beheer/{round_.pk}/papier/")
    assert paper_tasks(make_user("fund_committee", other_area)) == []
    paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1"], now=DURING)
    assert paper_tasks(committee2) == []


def resolve_tasks(user):
    return [t for t in tasks_for(user) if t.kind == "voting.paper.resolve"]


def test_a_difference_is_a_task_for_a_third_member_only(
    round_, codes, committee, committee2, make_user, other_area, area
):
    third = make_user("fund_committee", area)
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=DURING)
    paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["2"], now=DURING)
    assert resolve_tasks(committee) == [] and resolve_tasks(committee2) == []
    [task] = resolve_tasks(third)
    assert task.count == 1 and task.url.endswith(f"/stemmen/beheer/{round_.pk}/verschillen/")
    assert resolve_tasks(make_user("fund_committee", other_area)) == []

"""50 simultaneous casts with the same code leave exactly one ballot (SQLite and PostgreSQL).

Each thread has its own database connection. On PostgreSQL the code row is locked with
SELECT ... FOR UPDATE; on SQLite the settings start every transaction IMMEDIATE, so writers queue.
"""

import threading

import pytest
from django.db import connection, connections

from tests.voting.conftest import DURING
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.models import Ballot, VotingCode
from wijkgeld.voting.services import ballot_cast, ballots_for_count

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 50


def _race(target, n=THREADS):
    barrier = threading.Barrier(n)
    results, errors = [], []

    def run(i):
        try:
            barrier.wait(timeout=30)
            results.append(target(i))
        except Exception as exc:  # collected and checked below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, errors


@pytest.mark.parametrize("code_index", [0, 1, 2])
def test_fifty_simultaneous_casts_with_one_code_leave_one_ballot(round_, codes, code_index):
    code = codes[code_index]
    choices = [["1"], ["2"], ["3"], ["1", "2"], ["2", "3"]]
    results, errors = _race(
        lambda i: ballot_cast(round=round_, code=code, approvals=choices[i % 5], now=DURING)
    )
    assert errors == []
    assert len(results) == THREADS
    assert len(set(results)) == 1  # every cast got the same receipt
    assert Ballot.objects.count() == 1
    [ballot] = ballots_for_count(round=round_)
    assert codelib.format_receipt(Ballot.objects.get().receipt) == results[0]
    assert list(ballot.approvals) in choices
    assert VotingCode.objects.get(pk=Ballot.objects.get().code_id).used_channel == "online"


def test_simultaneous_casts_with_different_codes_all_count(round_, committee):
    from tests.voting.conftest import START
    from wijkgeld.voting.services import codes_generate

    many = codes_generate(actor=committee, round=round_, count=20, now=START)
    results, errors = _race(
        lambda i: ballot_cast(round=round_, code=many[i], approvals=["1"], now=DURING), n=20
    )
    assert errors == []
    assert len(set(results)) == 20
    assert Ballot.objects.count() == 20


def test_database_vendor_is_reported(round_):
    # Makes the test log show which database ran the race.
    assert connection.vendor in {"sqlite", "postgresql"}

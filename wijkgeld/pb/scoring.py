"""Project scores as the city counts them, from the ballots.

* ``approval`` and ``choose-1``: the number of ballots naming the project.
* ``cumulative`` and ``scoring``: the sum of the points given to it.
* ``ordinal``: the points in the file's ``points`` column where a ballot has them; otherwise points by
  rank, ``max_length`` for the first choice, one less for each next one (Kraków: 3, 2, 1). The
  reference (pabutools) ignores ranks and counts every ranked project as one approval; Kraków's
  published winners follow from the points by rank, not from the approvals.

A project named twice on one ballot counts once (with points: the last points, as the reader keeps
them). Scores are exact.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from .errors import RuleError
from .model import Election
from .numbers import Number, normalize


def rank_points(election: Election) -> int:
    """Points for a first choice on an ordinal ballot without points: ``max_length`` from META, or
    the length of the longest ballot."""
    raw = election.meta.get("max_length", "").strip()
    if raw:
        try:
            return int(raw)
        except ValueError:
            raise RuleError(f"META max_length is not a whole number: {raw!r}") from None
    return max((len(b.projects) for b in election.ballots), default=0)


def project_scores(election: Election) -> dict[str, Number]:
    """The city's score of every project (file order)."""
    scores: dict[str, Number] = dict.fromkeys(election.projects, 0)
    ballots = Counter((b.projects, b.points) for b in election.ballots)
    vote_type = election.vote_type
    first = rank_points(election) if vote_type == "ordinal" else 0
    for (projects, points), count in ballots.items():
        given: dict[str, Number] = {}
        for pos, pid in enumerate(projects):
            if points is not None and vote_type != "approval" and vote_type != "choose-1":
                given[pid] = points[pos]
            elif vote_type == "ordinal":
                given.setdefault(pid, first - pos)
            else:
                given[pid] = 1
        for pid, value in given.items():
            scores[pid] += count * value
    return {pid: normalize(Fraction(s)) for pid, s in scores.items()}

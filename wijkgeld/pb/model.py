"""Elections as plain data: projects, ballots and the META section of a Pabulib file.

Everything here is immutable in spirit: the counting rules never change an election. ``build_election``
is the way to make one from Python objects (the fund app builds elections from database ballots);
``wijkgeld.pb.pbfile`` reads and writes them as Pabulib text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import cast

from .errors import ElectionError
from .numbers import Number, format_number, normalize, parse_number
from .rules import kernel

VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
#: Vote types whose ballots carry points (the reference ignores points on ordinal ballots).
POINT_VOTE_TYPES = ("cumulative", "scoring")


@dataclass(frozen=True, slots=True)
class Project:
    """A project on the ballot. ``extra`` keeps every other column of the file (name, votes, category...)."""

    project_id: str
    cost: Number
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The human name, falling back to the id when the file has none."""
        return self.extra.get("name") or self.project_id


@dataclass(frozen=True, slots=True)
class Ballot:
    """One voter's ballot: the projects in the order given (a ranking for ordinal ballots).

    ``points`` runs parallel to ``projects`` for cumulative and scoring ballots (and ordinal files that
    carry a points column); it is ``None`` when the file has no points for this ballot.
    """

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[Number, ...] | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


def make_ballots(
    voter_ids: Iterable[str],
    projects: Iterable[tuple[str, ...]],
    points: Iterable[tuple[Number, ...] | None],
    extras: Iterable[Mapping[str, str]],
    count: int,
) -> list[Ballot]:
    """``count`` ballots from their fields, column by column: what ``Ballot(...)`` gives, in about half
    the time (the reader makes 130,000 of them for one file). A frozen dataclass sets each field in
    its ``__init__`` through ``object.__setattr__``; this sets them through the same slot descriptors,
    one C-level pass per field. The passes go over a few hundred ballots at a time, which are then
    still in the processor's cache for the next field: when the new ballots lie scattered among
    older objects in memory (a second election read while the first is kept), four passes over all
    of them cost a third more.
    """
    if kernel.active is not None:
        # The loops below in C, one pass over the ballots (the same objects: see _kernel.c).
        made = kernel.active.make_objects(
            Ballot, _BALLOT_FIELDS, (voter_ids, projects, points, extras), count
        )
        return cast(list[Ballot], made)
    ballots: list[Ballot] = []
    columns = [iter(voter_ids), iter(projects), iter(points), iter(extras)]
    for start in range(0, count, _BALLOTS_AT_ONCE):
        chunk = list(map(object.__new__, repeat(Ballot, min(_BALLOTS_AT_ONCE, count - start))))
        for setter, values in zip(_BALLOT_SETTERS, columns, strict=True):
            deque(map(setter, chunk, values), maxlen=0)
        ballots += chunk
    return ballots


_BALLOT_FIELDS = ("voter_id", "projects", "points", "extra")
_BALLOT_SETTERS = [getattr(Ballot, name).__set__ for name in _BALLOT_FIELDS]
_BALLOTS_AT_ONCE = 1024


@dataclass(slots=True)
class Election:
    """A participatory-budgeting election: META data, projects in file order, and ballots.

    ``project_columns`` and ``vote_columns`` are the header rows, kept so that writing the election back
    gives an equivalent file.
    """

    meta: dict[str, str]
    projects: dict[str, Project]
    ballots: list[Ballot]
    project_columns: list[str] = field(default_factory=lambda: ["project_id", "cost"])
    vote_columns: list[str] = field(default_factory=lambda: ["voter_id", "vote"])

    @property
    def budget(self) -> Number:
        return parse_number(self.meta["budget"])

    @property
    def vote_type(self) -> str:
        return self.meta["vote_type"]

    @property
    def has_points(self) -> bool:
        return self.vote_type in POINT_VOTE_TYPES


def build_election(
    *,
    budget: Number,
    vote_type: str,
    projects: Iterable[Project],
    ballots: Iterable[Ballot],
    meta: Mapping[str, str] | None = None,
) -> Election:
    """Build and check an election from Python objects.

    ``meta`` may carry any further META keys (description, country, unit, instance, rule, currency...);
    ``budget``, ``vote_type``, ``num_projects`` and ``num_votes`` are always set from the arguments.
    Raises ``ElectionError`` on duplicate ids, unknown projects in a ballot, negative costs or points
    that do not match the ballot.
    """
    if vote_type not in VOTE_TYPES:
        raise ElectionError(f"unknown vote type {vote_type!r}; expected one of {', '.join(VOTE_TYPES)}")
    if budget < 0:
        raise ElectionError("budget must not be negative")
    project_map: dict[str, Project] = {}
    for project in projects:
        if project.project_id in project_map:
            raise ElectionError(f"duplicate project id {project.project_id!r}")
        if project.cost < 0:
            raise ElectionError(f"project {project.project_id!r} has a negative cost")
        project_map[project.project_id] = Project(project.project_id, normalize(project.cost), project.extra)
    # Empty points read back as "no points", so store them that way.
    ballot_list = [b if b.points != () else Ballot(b.voter_id, b.projects, None, b.extra) for b in ballots]
    check_ballots(ballot_list, project_map, vote_type)
    full_meta: dict[str, str] = {"description": "", "country": "", "unit": "", "instance": ""}
    full_meta.update(meta or {})
    full_meta.update(
        {
            "num_projects": str(len(project_map)),
            "num_votes": str(len(ballot_list)),
            "budget": format_number(budget),
            "vote_type": vote_type,
        }
    )
    extra_project_cols = _union_keys(p.extra for p in project_map.values())
    extra_vote_cols = _union_keys(b.extra for b in ballot_list)
    vote_cols = ["voter_id", "vote"]
    if any(b.points is not None for b in ballot_list):
        vote_cols.append("points")
    return Election(
        meta=full_meta,
        projects=project_map,
        ballots=ballot_list,
        project_columns=["project_id", "cost", *extra_project_cols],
        vote_columns=[*vote_cols, *extra_vote_cols],
    )


def check_ballots(ballots: Sequence[Ballot], projects: Mapping[str, Project], vote_type: str) -> None:
    """Raise ``ElectionError`` when a ballot names an unknown project, repeats one, or has bad points."""
    seen: set[str] = set()
    for ballot in ballots:
        if ballot.voter_id in seen:
            raise ElectionError(f"duplicate voter id {ballot.voter_id!r}")
        seen.add(ballot.voter_id)
        if len(set(ballot.projects)) != len(ballot.projects):
            raise ElectionError(f"voter {ballot.voter_id!r} names a project twice")
        for pid in ballot.projects:
            if pid not in projects:
                raise ElectionError(f"voter {ballot.voter_id!r} votes for unknown project {pid!r}")
        if ballot.points is not None:
            if len(ballot.points) != len(ballot.projects):
                raise ElectionError(
                    f"voter {ballot.voter_id!r} has {len(ballot.points)} points for "
                    f"{len(ballot.projects)} projects"
                )
            if any(p < 0 for p in ballot.points):
                raise ElectionError(f"voter {ballot.voter_id!r} gives negative points")
        if vote_type == "choose-1" and len(ballot.projects) > 1:
            raise ElectionError(f"voter {ballot.voter_id!r} chooses more than one project")


def _union_keys(maps: Iterable[Mapping[str, str]]) -> list[str]:
    keys: dict[str, None] = {}
    for m in maps:
        for k in m:
            if k not in ("project_id", "cost", "voter_id", "vote", "points"):
                keys[k] = None
    return list(keys)

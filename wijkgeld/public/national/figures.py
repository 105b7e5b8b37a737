"""The public figures of one area (or of many, summed) for a year, and optionally one theme.

Every stored figure is an integer (cents, tenths of an hour or a count), so the figures of several areas are
their sum (`Figures.add`). Shares are derived from two sums and never summed themselves: the national
resident-led share is the national resident-led money divided by the national committed money.

Counts about people (placements, hours worked, milestones, community builders) are public only from the
threshold on (`WIJKGELD_PEOPLE_SUPPRESS_BELOW`, 5). Each such measure has a `<measure>_small` companion: 1 for
an area whose count is withheld although it is not zero, so that for a group of areas it counts the areas
whose small count hides inside the group's total. A total that contains exactly one of them is withheld too,
or subtracting the published areas from it would give that area's count back (see `public`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

from wijkgeld.core.money import share
from wijkgeld.people import conf

# Measures about people, and the count that decides whether each is public.
PEOPLE_MEASURES = ("placements", "hours_people", "milestones", "builders")
DECIDED_BY = {
    "placements": "placements",
    "hours": "hours_people",
    "milestones": "milestones",
    "builders": "builders",
    "share_from_neighbourhood": "builders",
}
BELOW, WITHHELD = "below", "withheld"


@dataclass
class Figures:
    # Money (cents), from the ledger, per tier of the recipient (wijkgeld.areas.tiers).
    granted: int = 0
    committed: int = 0
    paid: int = 0
    available: int = 0
    resident_led_committed: int = 0
    other_local_committed: int = 0
    outside_committed: int = 0
    resident_led_paid: int = 0
    other_local_paid: int = 0
    residents_control: int = 0  # the delegates' support line plus the bewonersfonds line
    # Bewonersfonds (counts).
    fund_rounds: int = 0
    voting_codes: int = 0
    ballots_cast: int = 0
    # Alliance process (counts).
    meetings_held: int = 0
    documents_due: int = 0
    documents_late: int = 0
    resident_items_accepted: int = 0
    resident_items_declined: int = 0
    resident_items_pending: int = 0
    questions_asked: int = 0
    questions_answered: int = 0
    # People (wijkgeld.people.stats): counts, suppressed below the threshold; see the module docstring.
    placements: int = 0
    placements_small: int = 0
    hours_tenths: int = 0
    hours_people: int = 0
    hours_people_small: int = 0
    milestones: int = 0
    milestones_small: int = 0
    builders: int = 0
    builders_small: int = 0
    builders_local: int = 0  # never published itself: only as the share, when `builders` is public
    hours_commissioned: int = 0
    reports_accepted: int = 0
    # Measures withheld from this group although large enough (set by the overview; never summed).
    withheld: set[str] = field(default_factory=set, compare=False, repr=False)

    def add(self, other: Figures) -> Figures:
        for name in INTEGER_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @classmethod
    def total(cls, many) -> Figures:
        result = cls()
        for item in many:
            result.add(item)
        return result

    @property
    def carried(self) -> int:
        return self.available + self.committed - self.granted

    @property
    def local_committed(self) -> int:
        """Resident-led plus other local: the money that stays "in de wijk"."""
        return self.resident_led_committed + self.other_local_committed

    @property
    def local_paid(self) -> int:
        return self.resident_led_paid + self.other_local_paid

    @property
    def resident_led_share(self) -> Decimal | None:
        """The headline: the part of the committed money that reaches residents and their own collectives."""
        return share(self.resident_led_committed, self.committed)

    @property
    def other_local_share(self) -> Decimal | None:
        return share(self.other_local_committed, self.committed)

    @property
    def outside_share(self) -> Decimal | None:
        return share(self.outside_committed, self.committed)

    @property
    def turnout(self) -> Decimal | None:
        return share(self.ballots_cast, self.voting_codes)

    @property
    def documents_late_share(self) -> Decimal | None:
        return share(self.documents_late, self.documents_due)

    @property
    def hours(self) -> Decimal:
        return Decimal(self.hours_tenths) / 10

    @property
    def share_from_neighbourhood(self) -> Decimal | None:
        return share(self.builders_local, self.builders)

    # Suppression.
    def hidden(self, measure: str) -> str | None:
        """Why a people figure is not public: BELOW the threshold, WITHHELD (it would give a small count
        away by subtraction), or None when it is public."""
        decider = DECIDED_BY[measure]
        count = getattr(self, decider)
        if count < conf.suppress_below():
            return BELOW
        if getattr(self, f"{decider}_small") == 1 or decider in self.withheld:
            return WITHHELD
        return None

    def public(self, measure: str):
        """The figure, or None when it is not public."""
        return None if self.hidden(measure) else getattr(self, measure)


INTEGER_FIELDS = tuple(f.name for f in fields(Figures) if f.name != "withheld")


def small(count: int) -> int:
    """1 when a count about people is withheld for being small although it is not zero."""
    return 1 if 0 < count < conf.suppress_below() else 0


def withhold_for_subtraction(total: Figures, groups: list[Figures]) -> None:
    """Withhold a people measure of `total` when, after subtracting every group published for it, exactly
    one area with a small count is left: its count would be the difference.

    `groups` partition the areas of `total` (the municipalities of the national total); each group is
    already decided (a group with exactly one small area is withheld by `hidden`)."""
    for measure in PEOPLE_MEASURES:
        covered = sum(getattr(g, f"{measure}_small") for g in groups if g.hidden(_any(measure)) is None)
        if getattr(total, f"{measure}_small") - covered == 1:
            total.withheld.add(measure)


def _any(decider: str) -> str:
    return next(m for m, d in DECIDED_BY.items() if d == decider)

"""The public figures of one area (or of many, summed) for a year, and optionally one theme.

Every stored figure is an integer (cents or a count), so the figures of several areas are their sum
(`Figures.add`). Shares are derived from two sums and never summed themselves: the national resident-led
share is the national local money divided by the national committed money.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from wijkgeld.core.money import share


@dataclass
class Figures:
    # Money (cents), from the ledger.
    granted: int = 0
    committed: int = 0
    paid: int = 0
    available: int = 0
    local_committed: int = 0
    local_paid: int = 0
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

    def add(self, other: Figures) -> Figures:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
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

    # The resident-led share. Today it is the local share of committed money; when the three tiers of
    # resident-led money land in money.reports, add their shares here and a Column each in columns.py.
    @property
    def resident_led_share(self) -> Decimal | None:
        return share(self.local_committed, self.committed)

    @property
    def turnout(self) -> Decimal | None:
        return share(self.ballots_cast, self.voting_codes)

    @property
    def documents_late_share(self) -> Decimal | None:
        return share(self.documents_late, self.documents_due)


INTEGER_FIELDS = tuple(f.name for f in fields(Figures))

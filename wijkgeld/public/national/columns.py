"""Every public column, once: its label, meaning, unit and type. The tables, the CSV and JSON downloads, the
data dictionary and the API schema are all made from this list, so they cannot drift apart.

To add a figure (for example the three tiers of resident-led money): add a property to `Figures` and one
`Column` to the right group below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from wijkgeld.core.money import cents_to_str

MONEY, SHARE, COUNT, TEXT, INTEGER = "money", "share", "count", "text", "integer"

UNITS = {
    MONEY: _("euro, two decimals"),
    SHARE: _("fraction from 0 to 1, four decimals; empty when the denominator is zero"),
    COUNT: _("count"),
    TEXT: _("text"),
    INTEGER: _("count"),
}
TYPES = {MONEY: "decimal", SHARE: "decimal", COUNT: "integer", TEXT: "string", INTEGER: "integer"}


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # short, for a table heading
    description: Any  # the meaning, for the data dictionary
    kind: str = MONEY

    @property
    def unit(self):
        return UNITS[self.kind]

    @property
    def type(self) -> str:
        return TYPES[self.kind]

    def raw(self, figures) -> Any:
        return getattr(figures, self.key)

    def machine(self, figures) -> Any:
        """The value as written in CSV and JSON: money '1234.56', shares '0.1234' or None, counts int."""
        value = self.raw(figures)
        if self.kind == MONEY:
            return cents_to_str(value)
        if self.kind == SHARE:
            return None if value is None else f"{value:.4f}"
        return value


MONEY_COLUMNS = [
    Column(
        "granted", _("Granted"), _("Money granted to the area by the Rijk for this year (after corrections).")
    ),
    Column(
        "committed",
        _("Committed"),
        _("Money promised to a recipient (a commitment), paid or not yet paid, after releases."),
    ),
    Column("paid", _("Paid"), _("Money paid out to recipients.")),
    Column(
        "available",
        _("Available"),
        _("Money not yet committed: in a budget line or not yet given to one, after carry-over."),
    ),
    Column(
        "carried",
        _("Carried over"),
        _("Money carried in from (+) or out to (−) other years of the tranche."),
    ),
    Column(
        "local_committed",
        _("Committed locally"),
        _("Committed money that goes to local recipients: residents and parties based in the area."),
    ),
    Column("local_paid", _("Paid locally"), _("Paid money that went to local recipients.")),
    Column(
        "resident_led_share",
        _("Resident-led share"),
        _("Share of the committed money that goes to local recipients (committed locally ÷ committed)."),
        SHARE,
    ),
    Column(
        "residents_control",
        _("Under residents' control"),
        _(
            "Money in the budget lines that residents decide on: the delegates' support budget and the bewonersfonds."
        ),
    ),
]

FUND_COLUMNS = [
    Column(
        "fund_rounds",
        _("Fund rounds"),
        _("Bewonersfonds rounds for this budget year that were opened to residents."),
        COUNT,
    ),
    Column(
        "voting_codes", _("Voting codes"), _("Valid voting codes sent to residents in those rounds."), COUNT
    ),
    Column("ballots_cast", _("Ballots cast"), _("Ballots that count, online and on paper."), COUNT),
    Column("turnout", _("Turnout"), _("Ballots cast ÷ valid voting codes."), SHARE),
]

ALLIANCE_COLUMNS = [
    Column(
        "meetings_held", _("Meetings held"), _("Alliance meetings held this year (not cancelled)."), COUNT
    ),
    Column(
        "documents_due",
        _("Documents counted"),
        _("Preparation documents of this year's meetings whose deadline has passed or that residents have."),
        COUNT,
    ),
    Column(
        "documents_late",
        _("Documents late"),
        _("Of those, documents the resident delegates received after the deadline, or not at all."),
        COUNT,
    ),
    Column(
        "documents_late_share",
        _("Share late"),
        _("Documents late ÷ documents due: how often residents got their papers too late."),
        SHARE,
    ),
    Column(
        "resident_items_accepted",
        _("Resident items accepted"),
        _("Agenda items proposed by resident delegates this year that the chair accepted or planned."),
        COUNT,
    ),
    Column(
        "resident_items_declined",
        _("Resident items declined"),
        _("Agenda items proposed by resident delegates this year that the chair declined (with a reason)."),
        COUNT,
    ),
    Column(
        "resident_items_pending",
        _("Resident items pending"),
        _("Agenda items proposed by resident delegates this year still waiting for the chair."),
        COUNT,
    ),
    Column("questions_asked", _("Questions asked"), _("Questions about documents asked this year."), COUNT),
    Column(
        "questions_answered", _("Questions answered"), _("Of those, questions that have an answer."), COUNT
    ),
]

FIGURE_COLUMNS = MONEY_COLUMNS + FUND_COLUMNS + ALLIANCE_COLUMNS
BY_KEY = {column.key: column for column in FIGURE_COLUMNS}

# Identifiers: stable across releases. Area slug plus CBS municipality code, year, theme code.
ID_COLUMNS = {
    "area": Column("area", _("Area"), _("Stable identifier of the NPLV area (slug)."), TEXT),
    "area_name": Column("area_name", _("Area name"), _("Name of the area."), TEXT),
    "municipality": Column("municipality", _("Municipality"), _("Municipality of the area."), TEXT),
    "cbs_code": Column(
        "cbs_code", _("CBS code"), _("CBS municipality code (GMxxxx) of the reference year."), TEXT
    ),
    "cbs_reference_year": Column(
        "cbs_reference_year", _("Reference year"), _("Year to which the CBS code refers."), INTEGER
    ),
    "year": Column("year", _("Year"), _("Budget year."), INTEGER),
    "theme": Column("theme", _("Theme code"), _("Stable code of the theme of the tranche."), TEXT),
    "theme_name": Column("theme_name", _("Theme"), _("Name of the theme."), TEXT),
    "tranche": Column("tranche", _("Tranche"), _("Number of the tranche of the regulation."), INTEGER),
}

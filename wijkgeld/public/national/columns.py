"""Every public column, once: its label, meaning, unit and type. The tables, the CSV and JSON downloads, the
data dictionary and the API schema are all made from this list, so they cannot drift apart.

To add a figure: add a field or property to `Figures` and one `Column` to the right group below. A figure
about people gets a PEOPLE_* kind, so that every output suppresses it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from wijkgeld.core.money import cents_to_str
from wijkgeld.people import conf
from wijkgeld.public.national.figures import BELOW, WITHHELD

MONEY, SHARE, COUNT, TEXT, INTEGER = "money", "share", "count", "text", "integer"
# Figures about people: public only from the threshold on (figures.Figures.hidden); otherwise the export
# says "<5" (fewer than the threshold) or "withheld" (it would give a small count away by subtraction).
PEOPLE_COUNT, PEOPLE_HOURS, PEOPLE_SHARE = "people_count", "people_hours", "people_share"
PEOPLE_KINDS = (PEOPLE_COUNT, PEOPLE_HOURS, PEOPLE_SHARE)

UNITS = {
    MONEY: _("euro, two decimals"),
    SHARE: _("fraction from 0 to 1, four decimals; empty when the denominator is zero"),
    COUNT: _("count"),
    TEXT: _("text"),
    INTEGER: _("count"),
    PEOPLE_COUNT: _("count of people or events; “<5” when fewer than 5, “withheld” when hidden"),
    PEOPLE_HOURS: _("hours, one decimal; “<5” or “withheld” when the number of people is not public"),
    PEOPLE_SHARE: _(
        "fraction from 0 to 1, four decimals; “<5” or “withheld” when the number of builders is not public"
    ),
}
TYPES = {
    MONEY: "decimal",
    SHARE: "decimal",
    COUNT: "integer",
    TEXT: "string",
    INTEGER: "integer",
    PEOPLE_COUNT: "integer or string",
    PEOPLE_HOURS: "decimal or string",
    PEOPLE_SHARE: "decimal or string",
}


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

    @property
    def about_people(self) -> bool:
        return self.kind in PEOPLE_KINDS

    def raw(self, figures) -> Any:
        """The value to show and sort by; None for a figure about people that is not public."""
        if self.about_people:
            return figures.public(self.key)
        return getattr(figures, self.key)

    def hidden_marker(self, figures) -> str | None:
        """For a figure about people that is not public: "<5" or "withheld"; else None."""
        if not self.about_people:
            return None
        reason = figures.hidden(self.key)
        if reason is None:
            return None
        return f"<{conf.suppress_below()}" if reason == BELOW else WITHHELD

    def machine(self, figures) -> Any:
        """The value as written in CSV and JSON: money '1234.56', shares '0.1234' or None, counts int;
        a figure about people that is not public is "<5" or "withheld"."""
        marker = self.hidden_marker(figures)
        if marker is not None:
            return marker
        value = self.raw(figures)
        if self.kind == PEOPLE_HOURS:
            return f"{value:.1f}"
        if self.kind in (SHARE, PEOPLE_SHARE):
            return None if value is None else f"{value:.4f}"
        if self.kind == MONEY:
            return cents_to_str(value)
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
        "resident_led_committed",
        _("Committed resident-led"),
        _(
            "Committed money that goes to residents and to the area's verified resident collectives and "
            "bewonersbedrijven (tier 1)."
        ),
    ),
    Column(
        "other_local_committed",
        _("Committed to other local organisations"),
        _(
            "Committed money that goes to other organisations based in the area: housing corporations, "
            "schools, welfare, businesses (tier 2)."
        ),
    ),
    Column(
        "outside_committed",
        _("Committed outside the neighbourhood"),
        _("Committed money that goes to everyone else, public bodies always included (tier 3)."),
    ),
    Column(
        "local_committed",
        _("Committed locally"),
        _(
            "Committed money that stays in the area: resident-led plus other local organisations (tiers 1 and 2)."
        ),
    ),
    Column("local_paid", _("Paid locally"), _("Paid money that went to tiers 1 and 2.")),
    Column(
        "resident_led_share",
        _("Resident-led share"),
        _(
            "The headline: share of the committed money that is resident-led (committed resident-led ÷ "
            "committed). It used to mean the share of all local recipients (tiers 1 and 2): that is now “Committed locally” ÷ committed."
        ),
        SHARE,
    ),
    Column(
        "other_local_share",
        _("Other local share"),
        _("Share of the committed money that goes to other local organisations (tier 2 ÷ committed)."),
        SHARE,
    ),
    Column(
        "outside_share",
        _("Share outside"),
        _("Share of the committed money that goes outside the neighbourhood (tier 3 ÷ committed)."),
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

PEOPLE_COLUMNS = [
    Column(
        "placements",
        _("Placements"),
        _("People with a placement in a bewonersbedrijf at some moment of the year."),
        PEOPLE_COUNT,
    ),
    Column(
        "hours",
        _("Hours worked"),
        _("Hours worked in those placements this year; public when at least 5 people worked them."),
        PEOPLE_HOURS,
    ),
    Column(
        "milestones",
        _("Milestones reached"),
        _("Milestones that participants reached this year (every kind together)."),
        PEOPLE_COUNT,
    ),
    Column(
        "builders",
        _("Community builders"),
        _("Community builders (wijkverbinders) active at some moment of the year."),
        PEOPLE_COUNT,
    ),
    Column(
        "share_from_neighbourhood",
        _("Builders from the neighbourhood"),
        _("Share of those community builders who live or work in the area; public with at least 5 builders."),
        PEOPLE_SHARE,
    ),
    Column(
        "hours_commissioned",
        _("Hours commissioned"),
        _("Hours of commissions given to community builders that run this year."),
        COUNT,
    ),
    Column(
        "reports_accepted",
        _("Reports accepted"),
        _("Reports of community builders about this year that were accepted."),
        COUNT,
    ),
]

FIGURE_COLUMNS = MONEY_COLUMNS + FUND_COLUMNS + ALLIANCE_COLUMNS + PEOPLE_COLUMNS
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

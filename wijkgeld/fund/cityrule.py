"""A round counted with a city rule: sub-area budgets and the rule variants real cities use.

A round uses a city rule when it has a budget per neighbourhood, a minimum number of votes, Add1
without completion, or the comparison step. Its `.pb` file then names the rule the way Pabulib does
(docs/algorithms/city-rules.md) and the fund counts that very file with
`wijkgeld.pb.fromfile.tally_from_file`: `wijkgeld tally FILE --rule from-file` gives the published
winners by construction. No database access here; `services.results` passes in plain values.

Round settings → META:

* most votes → `greedy`; with a minimum number of votes → `greedy-threshold` and
  `min_project_score_threshold`
* equal shares without completion → `equalshares`; with Add1 → `equalshares/add1`; Add1 and then
  most votes → `equalshares/add1` with `completion: greedy`; the comparison step adds `-comparison`
* a budget per neighbourhood → `neighborhoods`, `budget_per_neighborhood` (euros, in the same order),
  project and vote column `neighborhood`; money left goes to the ideas with most votes that still fit
  → `leftover_budget`
* a budget per theme → `categories`, `budget_per_category` (as Amsterdam), project column `category`;
  no vote column: everyone votes on all ideas, each theme counted on its own (`tally_by_group`)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError
from wijkgeld.fund import counting
from wijkgeld.pb import Election
from wijkgeld.pb.fromfile import group_kind, tally_by_group, tally_from_file
from wijkgeld.pb.numbers import format_number


@dataclass(frozen=True)
class Settings:
    rule: str
    completion: str
    ballot_type: str
    min_votes: int | None
    comparison: bool
    split: bool
    pooled: bool
    by_category: bool = False  # the split is per theme (Pabulib's categories), not per neighbourhood


def check(settings: Settings) -> None:
    """Refuse combinations the city rules cannot count, with a message for the committee."""
    if settings.min_votes is not None and settings.rule != "greedy":
        raise DomainError(
            _("A minimum number of votes works with the rule “most votes” only."), field="min_votes"
        )
    if settings.comparison and settings.rule != "mes":
        raise DomainError(
            _("The comparison with most votes is a step of the Method of Equal Shares only."),
            field="comparison",
        )
    city = settings.split or settings.min_votes is not None or settings.comparison
    city = city or settings.completion == "add1-only"
    if not city:
        return
    if settings.rule == "phragmen":
        raise DomainError(
            _("Phragmén cannot be combined with a budget per neighbourhood or a rule variant."), field="rule"
        )
    if settings.rule == "mes" and settings.completion == "budget-increase":
        raise DomainError(
            _("With a budget per neighbourhood or a rule variant, choose add1 as the completion."),
            field="completion",
        )
    if settings.rule == "mes" and settings.ballot_type == "cumulative":
        raise DomainError(
            _(
                "With points ballots, a budget per neighbourhood or a rule variant needs the rule “most votes”."
            ),
            field="rule",
        )


def rule_name(settings: Settings) -> str:
    if settings.rule == "greedy":
        return "greedy-threshold" if settings.min_votes is not None else "greedy"
    name = "equalshares" if settings.completion == "none" else "equalshares/add1"
    return name + ("-comparison" if settings.comparison else "")


def meta(settings: Settings, sub_areas: Sequence[tuple[str, int]]) -> dict[str, str]:
    """The META keys that make `--rule from-file` count as the round does. `sub_areas`: (name, cents)."""
    values = {"rule": rule_name(settings)}
    if settings.min_votes is not None:
        values["min_project_score_threshold"] = str(settings.min_votes)
    if settings.rule == "mes" and settings.completion == "add1":
        values["completion"] = "greedy"
    if settings.comparison:
        values["comparison_measure"] = "satisfaction"
    if settings.split:
        names_key, budget_key = (
            ("categories", "budget_per_category")
            if settings.by_category
            else (
                "neighborhoods",
                "budget_per_neighborhood",
            )
        )
        values[names_key] = ",".join(name for name, _cents in sub_areas)
        values[budget_key] = ",".join(format_number(counting.euros(cents)) for _name, cents in sub_areas)
        if settings.pooled:
            values["leftover_budget"] = "true"
    return values


def count(election: Election, *, tie_break: str) -> counting.CountOutcome:
    """Count the published file with its own rule; per neighbourhood or per theme, each part with its
    own explanation."""
    whole = tally_from_file(election, tie_break=tie_break)
    if group_kind(election) is None:
        return counting.CountOutcome(list(whole.selected), counting.explanation_data(whole))
    split = tally_by_group(election, tie_break=tie_break)
    if set(split.result.selected) != set(whole.selected):  # pragma: no cover - the engine's own check
        raise DomainError(_("The count per neighbourhood does not match the count of the whole file."))
    return counting.CountOutcome(list(whole.selected), _split_explanation(election, split, whole))


def _split_explanation(election: Election, split, whole) -> dict[str, Any]:
    leftover = set(split.leftover_selected)
    projects: dict[str, dict[str, Any]] = {}
    parts = []
    for part in split.parts:
        data = counting.explanation_data(part.result)
        for pid, info in data["projects"].items():
            info["sub_area"] = part.name
            if pid in leftover:
                info["selected"] = True
                info["order"] = None
                info["reason"] = "leftover-funded"
                info["text"] = _leftover_text(split.kind)
            projects[pid] = info
        parts.append(
            {
                "name": part.name,
                "budget": str(part.budget),
                "spent": data["spent"],
                "num_voters": data["num_voters"],
                "selected": list(part.result.selected),
                "summary": data["summary"],
            }
        )
    chosen = set(whole.selected)
    happy = sum(1 for b in election.ballots if chosen.intersection(b.projects))
    spent_first = sum(
        (election.projects[pid].cost for part in split.parts for pid in part.result.selected), 0
    )
    return {
        "budget": str(whole.budget),
        "spent": str(whole.total_cost),
        "num_voters": whole.voters,
        "utility": "cost",
        "rule": whole.rule,
        "completion": whole.completion,
        "tie_break": whole.tie_break,
        "voter_budget": "",
        "increments": 0,
        "share_with_a_project": str(Fraction(happy, len(election.ballots))) if election.ballots else "0",
        "summary": _split_summary(split.kind, whole.rule),
        "projects": projects,
        "parts": parts,
        "split": "category" if split.kind == "category" else "neighbourhood",
        "leftover": {
            "pooled": "leftover_budget" in election.meta,
            "left_after_neighbourhoods": str(whole.budget - spent_first),
            "selected": list(split.leftover_selected),
        },
    }


def _split_summary(kind: str, rule: str) -> dict[str, str]:
    if kind == "category":
        return {
            "nl": f"Elk thema is apart geteld, met een eigen budget ({rule}). Iedereen stemde op alle ideeën.",
            "en": f"Each theme was counted on its own, with its own budget ({rule}). Everyone voted on all ideas.",
        }
    return {
        "nl": f"Elke buurt is apart geteld, met een eigen budget ({rule}).",
        "en": f"Each neighbourhood was counted on its own, with its own budget ({rule}).",
    }


def _leftover_text(kind: str) -> dict[str, str]:
    if kind == "category":
        return {
            "nl": "Gekozen met het geld dat bij de thema's overbleef: dit idee had daarna de meeste stemmen en "
            "paste nog.",
            "en": "Funded with the money the themes had left: this idea then had the most votes and still "
            "fitted.",
        }
    return {
        "nl": "Gekozen met het geld dat in de buurten overbleef: dit idee had daarna de meeste stemmen en paste nog.",
        "en": "Funded with the money the neighbourhoods had left: this idea then had the most votes and still "
        "fitted.",
    }

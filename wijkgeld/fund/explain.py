"""The count in plain words: per project why it was or was not funded; per voter how their share was used.

The result stores structured data (see `counting.count`); the words are made here at display time, so
they follow the visitor's language.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijkgeld.core.money import format_euros
from wijkgeld.fund.counting import to_cents


def money(value: Any) -> str:
    """Exact euros (string fraction) to a display amount in the active language."""
    return format_euros(to_cents(value), language=get_language() or "nl")


def _cents(cents: int) -> str:
    return format_euros(cents, language=get_language() or "nl")


def _lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def project_sentence(explanation: dict[str, Any], pid: str) -> str:
    """The counting engine's explanation of one project, in the visitor's language."""
    info = explanation["projects"].get(pid)
    if info is None:
        return ""
    return info["text"][_lang()]


def summary_sentence(explanation: dict[str, Any]) -> str:
    return explanation["summary"][_lang()]


def result_rows(result, round_) -> list[dict[str, Any]]:
    proposals = {p.project_id: p for p in round_.proposals.all()}
    rows = []
    for pid, info in result.explanation["projects"].items():
        proposal = proposals.get(pid)
        rows.append(
            {
                "idea": proposal,
                "number": pid,
                "title": proposal.title if proposal else pid,
                "cost": money(info["cost"]),
                "votes": info["votes"],
                "selected": info["selected"],
                "order": info["order"],
                "text": project_sentence(result.explanation, pid),
            }
        )
    rows.sort(key=lambda r: (not r["selected"], r["order"] or 0, -r["votes"]))
    return rows


def summary(result) -> dict[str, Any]:
    e = result.explanation
    n = e["num_voters"]
    comparison = result.comparison.get("rule", {})
    share = Fraction(comparison.get("share_with_a_project", "0"))
    return {
        "budget": money(e["budget"]),
        "spent": money(e["spent"]),
        "ballots": n,
        "voter_budget": money(e["voter_budget"]) if e.get("voter_budget") else "",
        "text": summary_sentence(e),
        "percent_with_project": round(float(share) * 100),
    }


def comparison_rows(result, round_) -> dict[str, Any]:
    c = result.comparison
    titles = {p.project_id: p.title for p in round_.proposals.all()}

    def side(data):
        return {
            "titles": [f"{pid}. {titles.get(pid, pid)}" for pid in data["selected"]],
            "spent": money(data["spent"]),
            "percent": round(float(Fraction(data["share_with_a_project"])) * 100),
            "voters": data["voters_with_a_project"],
        }

    return {
        "rule": side(c["rule"]),
        "greedy": side(c["greedy"]),
        "only_rule": [f"{pid}. {titles.get(pid, pid)}" for pid in c["only_rule"]],
        "only_greedy": [f"{pid}. {titles.get(pid, pid)}" for pid in c["only_greedy"]],
    }


def project_text(result, proposal) -> dict[str, Any] | None:
    if proposal.project_id not in result.explanation["projects"]:
        return None
    return {
        "selected": proposal.project_id in result.selected,
        "text": project_sentence(result.explanation, proposal.project_id),
    }


def unknown_receipt_message() -> str:
    return _("We do not know this receipt code for this round. Check the code and try again.")

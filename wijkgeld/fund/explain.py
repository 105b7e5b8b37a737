"""The count in plain words: per project why it was or was not funded; per voter how their share was used.

The result stores structured data (see `counting.count`); the words are made here at display time from
the published file, counted again (and kept in memory), so they follow the visitor's language and the
current wording. Residents know ideas by name, so names are used, not numbers.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from wijkgeld import pb
from wijkgeld.core.money import format_euros
from wijkgeld.fund import counting, ties
from wijkgeld.fund.counting import to_cents


def money(value: Any) -> str:
    """Exact euros (string fraction) to a display amount in the active language."""
    return format_euros(to_cents(value), language=get_language() or "nl")


def _cents(cents: int) -> str:
    return format_euros(cents, language=get_language() or "nl")


def _lang() -> str:
    """The visitor's language if the counting engine speaks it (wijkgeld/pb/texts.py: nl, en, tr, ar, pl);
    English otherwise. Pages mark these sentences with the language they are in (WCAG 3.1.2)."""
    code = (get_language() or "nl").split("-")[0].lower()
    return code if code in pb.LANGUAGES else "en"


def _stored(texts: dict[str, str]) -> tuple[str, str]:
    """A sentence stored with a count, and its language: the visitor's, or English for a result counted before
    the engine spoke Turkish, Arabic and Polish (those stored Dutch and English only)."""
    lang = _lang()
    if lang in texts:
        return texts[lang], lang
    return texts["en"], "en"


explanation_language = _lang


def text_dir(lang: str) -> str:
    """The direction of a text in ``lang``: an Arabic explanation is right to left even when it starts with an
    idea's name in Latin letters (which would make ``dir="auto"`` guess left to right)."""
    return "rtl" if get_language_info(lang)["bidi"] else "ltr"


def _engine(result) -> pb.Explanation | None:
    """The engine's explanation of the published count, or None if it cannot be counted again here.

    A round with a budget per neighbourhood is explained per neighbourhood, from the stored words.
    """
    if result.explanation.get("parts"):
        return None
    try:
        return counting.published_tally(
            result.pb_text,
            result.sha256,
            rule=result.rule,
            completion=result.completion,
            tie_break=result.tie_break,
        ).explanation
    except (pb.PbError, pb.RuleError):
        return None


def project_sentence(
    explanation: dict[str, Any], pid: str, engine: pb.Explanation | None = None
) -> tuple[str, str]:
    """Why one idea was (not) chosen, and the language of that sentence (the visitor's where there is one)."""
    if engine is not None and pid in engine.projects:
        return pb.project_text(engine, engine.projects[pid], _lang()), _lang()
    info = explanation["projects"].get(pid)
    if info is None:
        return "", _lang()
    return _stored(info["text"])


def summary_sentence(explanation: dict[str, Any], engine: pb.Explanation | None = None) -> tuple[str, str]:
    """The count in a few lines, and the language they are in."""
    if engine is not None:
        return pb.summary_text(engine, _lang()), _lang()
    return _stored(explanation["summary"])


def _titles(round_) -> dict[str, str]:
    return {p.project_id: p.title for p in round_.proposals.all()}


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _order_name(tie_break: str) -> str:
    if tie_break == "id":
        return _("by idea number")
    if tie_break == "cost-then-votes":
        return _("cheapest idea first")
    return _("a lottery")


def tie_notes(result, round_) -> dict[str, Any]:
    """What the results page says about ties: whether the tie-break decided, and per idea why."""
    titles = _titles(round_)
    outcome = ties.tie_break_outcome(result)
    per_idea: dict[str, str] = {}
    lead = ""
    if outcome is not None:
        lead = _(
            "A tie-break decided this result. At one moment in the count some ideas were exactly equal, and "
            "the rule of this round for a tie (%(rule)s) chose. With another order (%(other)s), "
            "%(would_win)s would have been chosen instead of %(would_lose)s."
        ) % {
            "rule": round_.get_tie_break_display().lower(),
            "other": _order_name(outcome["tie_break"]),
            "would_win": _and([titles.get(p, p) for p in outcome["would_win"]]),
            "would_lose": _and([titles.get(p, p) for p in outcome["would_lose"]]),
        }
    decided = set(outcome["would_win"]) if outcome else set()
    for pair in ties.equal_votes(result):
        values = {"lost": titles.get(pair["lost"], pair["lost"]), "won": titles.get(pair["won"], pair["won"])}
        values["votes"] = pair["votes"]
        if pair["lost"] in decided:
            text = _(
                "%(lost)s had as many votes as %(won)s (%(votes)s). It lost on a tie: the tie-break chose %(won)s."
            )
        else:
            text = _(
                "%(lost)s had as many votes as %(won)s (%(votes)s). The tie-break did not decide this: "
                "%(won)s was chosen for the reason below."
            )
        per_idea.setdefault(pair["lost"], text % values)
    return {"lead": lead, "per_idea": per_idea, "decided": outcome is not None}


def result_rows(result, round_) -> list[dict[str, Any]]:
    proposals = {p.project_id: p for p in round_.proposals.all()}
    engine = _engine(result)
    notes = tie_notes(result, round_)["per_idea"]
    rows = []
    for pid, info in result.explanation["projects"].items():
        proposal = proposals.get(pid)
        text, lang = project_sentence(result.explanation, pid, engine)
        rows.append(
            {
                "idea": proposal,
                "number": pid,
                "title": proposal.title if proposal else pid,
                "cost": money(info["cost"]),
                "cost_cents": to_cents(info["cost"]),
                "votes": info["votes"],
                "selected": info["selected"],
                "order": info["order"],
                "text": text,
                "lang": lang,
                "dir": text_dir(lang),
                "tie": notes.get(pid, ""),
            }
        )
    rows.sort(key=lambda r: (not r["selected"], r["order"] or 0, -r["votes"]))
    return rows


def summary(result) -> dict[str, Any]:
    e = result.explanation
    n = e["num_voters"]
    comparison = result.comparison.get("rule", {})
    share = Fraction(comparison.get("share_with_a_project", e.get("share_with_a_project", "0")))
    text, lang = summary_sentence(e, _engine(result))
    return {
        "text": text,
        "lang": lang,
        "dir": text_dir(lang),
        "budget": money(e["budget"]),
        "spent": money(e["spent"]),
        "ballots": n,
        "voter_budget": money(e["voter_budget"]) if e.get("voter_budget") else "",
        "percent_with_project": round(float(share) * 100),
    }


def comparison_rows(result, round_) -> dict[str, Any] | None:
    c = result.comparison
    if not c:
        return None  # a budget per neighbourhood: most votes over the whole area is no fair comparison
    titles = _titles(round_)

    def side(data):
        return {
            "titles": [titles.get(pid, pid) for pid in data["selected"]],
            "spent": money(data["spent"]),
            "percent": round(float(Fraction(data["share_with_a_project"])) * 100),
            "voters": data["voters_with_a_project"],
        }

    return {
        "rule": side(c["rule"]),
        "greedy": side(c["greedy"]),
        "only_rule": [titles.get(pid, pid) for pid in c["only_rule"]],
        "only_greedy": [titles.get(pid, pid) for pid in c["only_greedy"]],
    }


def project_text(result, proposal) -> dict[str, Any] | None:
    if proposal.project_id not in result.explanation["projects"]:
        return None
    text, lang = project_sentence(result.explanation, proposal.project_id, _engine(result))
    return {
        "selected": proposal.project_id in result.selected,
        "text": text,
        "lang": lang,
        "dir": text_dir(lang),
    }


def unknown_receipt_message() -> str:
    return _("We do not know this receipt code for this round. Check the code and try again.")


def voters_text(n: int) -> str:
    """A number of voters in one neighbourhood; under 5 it is not shown exactly (privacy)."""
    if 0 < n < 5:
        return _("fewer than 5")
    return str(n)


def parts(result, round_, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A round with a budget per neighbourhood or per theme: per part its budget, count and ideas."""
    from wijkgeld.fund.chart import result_chart

    e = result.explanation
    subs = {s.name: s for s in round_.sub_areas.all()}
    sections = []
    for part in e.get("parts", []):
        mine = [r for r in rows if e["projects"].get(r["number"], {}).get("sub_area") == part["name"]]
        budget_cents = to_cents(part["budget"])
        # The bar shows the neighbourhood's own budget: ideas paid from the pooled money left are not in it.
        own = [r | {"selected": r["number"] in part["selected"]} for r in mine]
        chart = result_chart(own, budget_cents)
        # An idea chosen with the money left over together is not in this part's total: its bar says so.
        mine = [r | {"pooled": r["selected"] and r["number"] not in part["selected"]} for r in mine]
        for bar, row in zip(chart["bars"], mine, strict=True):
            bar["selected"], bar["pooled"] = row["selected"], row["pooled"]
        sub = subs.get(part["name"])
        text, lang = _stored(part["summary"])
        sections.append(
            {
                "name": sub.label if sub else part["name"],
                "by_theme": bool(sub and sub.theme),
                "postcodes": sub.postcodes if sub else "",
                "budget_cents": budget_cents,
                "spent_cents": to_cents(part["spent"]),
                "left_cents": budget_cents - to_cents(part["spent"]),
                "voters": voters_text(part["num_voters"]),
                "text": text,
                "lang": lang,
                "dir": text_dir(lang),
                "rows": mine,
                "chart": chart,
            }
        )
    return sections


def leftover(result) -> dict[str, Any] | None:
    """What happened to the money the neighbourhoods left (None for one budget for the whole area)."""
    data = result.explanation.get("leftover")
    if data is None:
        return None
    return {
        "pooled": data["pooled"],
        "left_cents": to_cents(data["left_after_neighbourhoods"]),
        "selected": data["selected"],
    }

"""Explanations as plain text, in five languages (Dutch B1 first), for results pages and the command line.

Every sentence is a template in a per-language table (``texts_nl.py``, ``texts_en.py``, ``texts_tr.py``,
``texts_ar.py``, ``texts_pl.py``): a message id maps to a ``str.format`` string with named fields, or to a tuple
of plural forms. This module only decides which sentences a count needs and fills in the numbers, so a new
language is one more table (tests/pb/test_texts_languages.py checks that every table has every id and keeps every
field). English is the source; Turkish, Arabic and Polish are machine-assisted and await native review.

Amounts are shown rounded to cents; the explanation data keeps them exact.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from string import Formatter
from typing import TYPE_CHECKING

from . import texts_ar, texts_en, texts_nl, texts_pl, texts_tr
from .errors import RuleError
from .explain import Explanation, ProjectExplanation, VoterExplanation
from .numbers import Number

if TYPE_CHECKING:
    from .tally import Result

LANGUAGES = ("nl", "en", "tr", "ar", "pl")

TABLES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "nl": texts_nl.MESSAGES,
    "en": texts_en.MESSAGES,
    "tr": texts_tr.MESSAGES,
    "ar": texts_ar.MESSAGES,
    "pl": texts_pl.MESSAGES,
}

# The field whose number picks the plural form of a message with several forms.
PLURAL_BY = {"summary.funded": "n", "project.head": "votes", "city.below_threshold.votes": "score"}


def plural_index(language: str, n: int) -> int:
    """Which form of a tuple to use for ``n`` (the CLDR rules for cardinal numbers, whole numbers only).

    nl, en: one, other. pl: one, few (2-4, not 12-14), many. tr and ar tables phrase their sentences so that no
    plural is needed (Turkish uses the singular after a number; Arabic says "chosen projects: 3"); if they do get
    a tuple, tr uses one/other and ar zero, one, two, few, many, other.
    """
    n = abs(n)
    if language == "pl":
        if n == 1:
            return 0
        return 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else 2
    if language == "ar":
        if n in (0, 1, 2):
            return n
        return 3 if 3 <= n % 100 <= 10 else 4 if 11 <= n % 100 <= 99 else 5
    return 0 if n == 1 else 1


def fields(template: str) -> set[str]:
    """The named fields of one template (``{budget}`` -> ``budget``)."""
    return {name for _text, name, _spec, _conv in Formatter().parse(template) if name}


def _t(language: str, key: str, **values: object) -> str:
    template = TABLES[language][key]
    if isinstance(template, tuple):
        count = values[PLURAL_BY[key]]
        assert isinstance(count, int | Fraction)
        # A fractional count (points can be fractions) takes the form for "many".
        template = template[plural_index(language, int(count) if count == int(count) else 5)]
    return template.format(**values)


# Arabic runs right to left: a name in Latin letters (most idea names here) is isolated (FSI ... PDI) so that the
# parentheses and punctuation around it stay where the Arabic sentence puts them.
_NAME_ISOLATE = {"ar": ("\u2068", "\u2069")}


def _named(language: str, name: str) -> str:
    before, after = _NAME_ISOLATE.get(language, ("", ""))
    return f"{before}{name}{after}"


def rule_name(rule: str, language: str) -> str:
    return _t(language, f"rule.{rule}")


# How each language writes an amount, as on the site's pages (wijkgeld/core/money.py `format_euros`): the
# thousands and decimal separators, and where the euro sign goes. Dutch and English keep their engine forms
# ("€ 1.234,50", "€1,234.50"). Polish groups with a no-break space (CLDR). Arabic pages keep the digits 0-9 and
# write the amount as Dutch does, isolated as left to right (U+2066 ... U+2069) so that "€ 1.234,50" does not
# turn into "1.234,50 €" inside Arabic text.
_SEPARATORS = {"nl": (".", ","), "en": (",", "."), "tr": (".", ","), "ar": (".", ","), "pl": ("\u00a0", ",")}
_EURO_BEFORE = {"nl": "€ ", "en": "€", "tr": "€", "ar": "€\u00a0", "pl": ""}
_EURO_AFTER = {"pl": "\u00a0€"}
_ISOLATE = {"ar": ("\u2066", "\u2069")}


def money(value: Number, currency: str = "EUR", language: str = "nl") -> str:
    """``€ 1.234,50`` (nl), ``€1,234.50`` (en), ``€1.234,50`` (tr), ``1 234,50 €`` (pl), Arabic as Dutch isolated
    left to right; other currencies get their code after the amount."""
    cents = Fraction(value) * 100
    rounded = int(cents + Fraction(1, 2)) if cents >= 0 else -int(-cents + Fraction(1, 2))
    whole, part = divmod(abs(rounded), 100)
    sign = "-" if rounded < 0 else ""
    thousands, decimal = _SEPARATORS.get(language, _SEPARATORS["en"])
    number = f"{whole:,}".replace(",", thousands) + f"{decimal}{part:02d}"
    if currency not in ("EUR", ""):
        text = f"{sign}{number} {currency}"
    elif language in ("nl", "en"):
        text = f"{_EURO_BEFORE[language]}{sign}{number}"  # as the engine always wrote them: "€ -5,00"
    else:
        text = f"{sign}{_EURO_BEFORE.get(language, '')}{number}{_EURO_AFTER.get(language, '')}"
    before, after = _ISOLATE.get(language, ("", ""))
    return f"{before}{text}{after}"


def _money_for(currency: str, language: str) -> Callable[[Number], str]:
    def m(value: Number) -> str:
        return money(value, currency, language)

    return m


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise RuleError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")


def summary_text(ex: Explanation, language: str = "nl") -> str:
    _check(language)
    m = _money_for(ex.currency, language)
    t = _t
    lines = [
        t(
            language,
            "summary.count",
            rule=rule_name(ex.rule, language),
            budget=m(ex.budget),
            voters=ex.num_voters,
        ),
        t(
            language,
            "summary.funded",
            n=len(ex.selected),
            total=m(ex.total_cost),
            left=m(ex.budget - ex.total_cost),
        ),
    ]
    if ex.voter_share is not None:
        lines.append(t(language, "summary.share", share=m(ex.voter_share)))
        if ex.increments:
            lines.append(t(language, "summary.raised"))
    if _fills_up(ex.completion):
        lines.append(t(language, "summary.fill_up"))
    lines += city_rule_lines(ex, language)
    lines.append(t(language, "summary.ties", tie=_tie_text(ex.tie_break, language)))
    return "\n".join(lines)


def _fills_up(completion: str) -> bool:
    return completion in ("add1", "budget-increase") or completion.endswith("+greedy")


def _unit(ex: Explanation) -> str:
    return "points" if ex.utility == "points" else "votes"


def city_rule_lines(ex: Explanation, language: str) -> list[str]:
    """What a city's rule adds to the count: threshold, stopping, group budgets, the comparison."""
    m = _money_for(ex.currency, language)
    params = ex.parameters
    lines: list[str] = []
    threshold = params.get("min_project_score_threshold")
    if threshold is not None and ex.rule.startswith("greedy"):
        lines.append(_t(language, f"city.threshold.{_unit(ex)}", threshold=threshold))
    if ex.rule == "greedy-no-skip":
        lines.append(_t(language, "city.no_skip"))
    for key, group in (("budget_per_category", "category"), ("budget_per_neighborhood", "neighbourhood")):
        if key in params:
            lines.append(_t(language, f"city.group.{group}"))
    if "leftover_budget" in params and ex.rule.startswith("greedy"):
        lines.append(_t(language, "city.leftover"))
    c = ex.comparison
    if c is not None:
        lines.append(
            _t(
                language,
                "city.comparison",
                measure=_t(
                    language,
                    "city.measure.satisfaction" if c.measure == "satisfaction" else "city.measure.cover",
                ),
                prefers_mes=c.prefers_mes,
                prefers_greedy=c.prefers_greedy,
                verdict=_t(language, "city.comparison.switched" if c.switched else "city.comparison.kept"),
            )
        )
    if ex.rule.startswith("equalshares") and ex.voter_share is not None and ex.increments:
        lines.append(_t(language, "city.increments", share=m(ex.voter_share)))
    return lines


def _tie_text(tie_break: str, language: str) -> str:
    if tie_break in ("id", "cost-then-votes"):
        return _t(language, f"tie.{tie_break}")
    return _t(language, "tie.lottery", seed=tie_break.split(":", 1)[1])


# Reasons whose sentence is the template "project.<reason>" with the step, place and money left filled in.
_SIMPLE_REASONS = {
    "greedy-funded": "project.greedy_funded",
    "greedy-no-fit": "project.greedy_no_fit",
    "phragmen-bought": "project.phragmen_bought",
    "phragmen-stopped": "project.phragmen_stopped",
    "phragmen-not-reached": "project.phragmen_not_reached",
    "too-expensive": "project.too_expensive",
}


def project_text(ex: Explanation, p: ProjectExplanation, language: str = "nl") -> str:
    """One or two sentences: funded or not, and why."""
    _check(language)
    m = _money_for(ex.currency, language)
    points = ""
    if p.score is not None and ex.utility == "points":
        points = _t(language, "project.points", score=p.score)
    head = _t(
        language, "project.head", name=_named(language, p.name), cost=m(p.cost), votes=p.votes, points=points
    )
    r = p.reason
    left = m(p.budget_left or 0)
    if r == "mes-bought":
        key = "project.mes_bought.points" if ex.utility == "points" else "project.mes_bought"
        body = _t(language, key, step=p.round, price=m(p.price or 0))
    elif r in ("mes-ran-out", "completion-funded", "completion-no-fit"):
        body = _ran_out_text(ex, p, language)
        if r == "completion-funded":
            body += _t(language, "project.completion_funded", rank=p.rank, left=left)
        elif r == "completion-no-fit":
            body += _t(language, "project.completion_no_fit", left=left)
    elif r in _SIMPLE_REASONS:
        body = _t(language, _SIMPLE_REASONS[r], step=p.round, rank=p.rank, left=left)
    elif r in _CITY_REASONS:
        body = _city_reason_text(ex, p, language)
    elif r == "no-support":
        body = _t(language, "project.no_support")
        if p.funded:
            body += _t(language, "project.no_support_filled")
    else:  # free
        body = _t(language, "project.free")
    return head + body


def _name(ex: Explanation, pid: str) -> str:
    """A project by its name (residents know ideas by name, not by number); the id if it has none."""
    project = ex.projects.get(pid)
    return project.name if project is not None and project.name else pid


_CITY_REASONS = (
    "below-threshold",
    "withdrawn",
    "no-skip-stop",
    "not-reached",
    "group-full",
    "leftover-funded",
    "leftover-no-fit",
    "excluded",
)


def _city_reason_text(ex: Explanation, p: ProjectExplanation, language: str) -> str:
    m = _money_for(ex.currency, language)
    r = p.reason
    left = m(p.budget_left or 0)
    if r == "below-threshold":
        threshold = ex.parameters.get("min_project_score_threshold", "")
        return _t(language, f"city.below_threshold.{_unit(ex)}", score=p.score, threshold=threshold)
    if r == "withdrawn":
        return _t(language, "city.withdrawn")
    if r == "no-skip-stop":
        return _t(language, "city.no_skip_stop", rank=p.rank, left=left)
    if r == "not-reached":
        return _t(language, "city.not_reached")
    if r == "excluded":
        return _t(language, "city.excluded", rival=_named(language, str(p.rival)))
    groups = _t(language, "list.separator").join(
        f"{_named(language, g.split(':', 1)[1])} ({m(x)})" for g, x in p.group_left
    )
    text = _t(language, "city.group_full", rank=p.rank, groups=groups)
    if r == "leftover-funded":
        text += _t(language, "city.leftover_funded", left=left)
    elif r == "leftover-no-fit":
        text += _t(language, "city.leftover_no_fit", left=left)
    return _t(language, "city.funded" if p.funded else "city.not_funded", text=text)


def _ran_out_text(ex: Explanation, p: ProjectExplanation, language: str) -> str:
    m = _money_for(ex.currency, language)
    held = m(p.supporters_money or 0)
    if p.round is None:  # out of reach from the start (for example: nobody voted for it)
        return _t(language, "ran_out.never", money=held)
    top = _t(language, "list.separator").join(
        f"{_named(language, _name(ex, pid))} ({m(x)})" for pid, x in p.went_to[:3]
    )
    text = _t(language, "ran_out.from_step", step=p.round, money=held)
    return text + (_t(language, "ran_out.went_to", top=top) if top else "")


def voter_text(ex: Explanation, v: VoterExplanation, language: str = "nl") -> str:
    _check(language)
    m = _money_for(ex.currency, language)
    lines = [_t(language, "voter.funded", n=len(v.funded_supported), spent=m(v.spent_on_supported))]
    if v.share is not None and v.paid is not None:
        lines.append(_t(language, "voter.share", share=m(v.share), paid=m(v.paid)))
    return " ".join(lines)


def explain_text(ex: Explanation | Result, *, language: str = "nl", voter_id: str | None = None) -> str:
    """The summary and one line per project (funded first, in the order chosen); or one voter's text.

    Accepts a ``Result`` or its ``explanation``.
    """
    _check(language)
    if not isinstance(ex, Explanation):
        ex = ex.explanation
    if voter_id is not None:
        return voter_text(ex, ex.voters[voter_id], language)
    lines = [summary_text(ex, language), ""]
    order = {pid: i for i, pid in enumerate(ex.selected)}
    for p in sorted(ex.projects.values(), key=lambda p: (order.get(p.project_id, len(order)), p.project_id)):
        lines.append(f"- {p.project_id}: {project_text(ex, p, language)}")
    return "\n".join(lines)

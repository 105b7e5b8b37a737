"""Explanations as plain text, in Dutch (B1) or English, for results pages and the command line.

Dutch says "idee" (what residents sent in) and "stap" for a step of the count ("ronde" is the fund's
round); English keeps the Pabulib word "project".

Amounts are shown rounded to cents; the explanation data keeps them exact.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING

from .errors import RuleError
from .explain import Explanation, ProjectExplanation, VoterExplanation
from .numbers import Number

if TYPE_CHECKING:
    from .tally import Result

LANGUAGES = ("nl", "en")

_RULE_NAMES = {
    "nl": {
        "greedy": "meeste stemmen eerst",
        "greedy-ratio": "meeste stemmen per euro eerst",
        "mes": "gelijke delen (Method of Equal Shares)",
        "phragmen": "Phragmén",
        "greedy-threshold": "meeste stemmen eerst, met een minimum aantal stemmen",
        "greedy-no-skip": "meeste stemmen eerst, stoppen bij het eerste project dat niet past",
        "greedy-exclusive": "meeste stemmen eerst, met projecten die elkaar uitsluiten",
        "equalshares": "gelijke delen (Method of Equal Shares)",
        "equalshares-comparison": "gelijke delen, vergeleken met meeste stemmen eerst",
        "equalshares/add1": "gelijke delen, met een deel dat stap voor stap hoger wordt (Add1)",
        "equalshares/add1-comparison": "gelijke delen met Add1, vergeleken met meeste stemmen eerst",
    },
    "en": {
        "greedy": "most votes first",
        "greedy-ratio": "most votes per euro first",
        "mes": "equal shares (Method of Equal Shares)",
        "phragmen": "Phragmén",
        "greedy-threshold": "most votes first, with a minimum number of votes",
        "greedy-no-skip": "most votes first, stopping at the first project that does not fit",
        "greedy-exclusive": "most votes first, with projects that exclude each other",
        "equalshares": "equal shares (Method of Equal Shares)",
        "equalshares-comparison": "equal shares, compared with most votes first",
        "equalshares/add1": "equal shares, with a share raised step by step (Add1)",
        "equalshares/add1-comparison": "equal shares with Add1, compared with most votes first",
    },
}


def money(value: Number, currency: str = "EUR", language: str = "nl") -> str:
    """``€ 1.234,50`` (nl) or ``€1,234.50`` (en); other currencies get their code after the amount."""
    cents = Fraction(value) * 100
    rounded = int(cents + Fraction(1, 2)) if cents >= 0 else -int(-cents + Fraction(1, 2))
    whole, part = divmod(abs(rounded), 100)
    sign = "-" if rounded < 0 else ""
    grouped = f"{whole:,}"
    if language == "nl":
        text = f"{sign}{grouped.replace(',', '.')},{part:02d}"
        return f"€ {text}" if currency in ("EUR", "") else f"{text} {currency}"
    text = f"{sign}{grouped}.{part:02d}"
    return f"€{text}" if currency in ("EUR", "") else f"{text} {currency}"


def _money_for(currency: str, language: str) -> Callable[[Number], str]:
    def m(value: Number) -> str:
        return money(value, currency, language)

    return m


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise RuleError(f"unknown language {language!r}; expected nl or en")


def summary_text(ex: Explanation, language: str = "nl") -> str:
    _check(language)
    m = _money_for(ex.currency, language)
    rule = _RULE_NAMES[language][ex.rule]
    n_funded = len(ex.selected)
    if language == "nl":
        lines = [
            f"Telling met de regel {rule}. Budget: {m(ex.budget)}. Aantal stemmers: {ex.num_voters}.",
            f"Gekozen: {n_funded} {'idee' if n_funded == 1 else 'ideeën'}, samen {m(ex.total_cost)}. Over: {m(ex.budget - ex.total_cost)}.",
        ]
        if ex.voter_share is not None:
            lines.append(
                f"Elke stemmer kreeg een gelijk deel van {m(ex.voter_share)} om ideeën mee te betalen."
            )
            if ex.increments:
                lines.append(
                    "Dat deel is hoger dan budget gedeeld door het aantal stemmers: het is stap voor stap "
                    "verhoogd zodat er zo weinig mogelijk geld overblijft, zonder over het budget te gaan."
                )
        if _fills_up(ex.completion):
            lines.append(
                "Was er daarna nog geld over, dan zijn de ideeën met de meeste stemmen gekozen die nog pasten."
            )
        lines += city_rule_lines(ex, language)
        lines.append(f"Bij gelijke stand beslist: {_tie_text(ex.tie_break, language)}.")
    else:
        lines = [
            f"Count with the rule {rule}. Budget: {m(ex.budget)}. Voters: {ex.num_voters}.",
            f"Funded: {n_funded} {'project' if n_funded == 1 else 'projects'}, together {m(ex.total_cost)}. Left over: {m(ex.budget - ex.total_cost)}.",
        ]
        if ex.voter_share is not None:
            lines.append(f"Every voter had an equal share of {m(ex.voter_share)} to buy projects with.")
            if ex.increments:
                lines.append(
                    "That share is more than the budget divided by the number of voters: it was raised "
                    "step by step to leave as little money unused as possible without going over budget."
                )
        if _fills_up(ex.completion):
            lines.append(
                "Money still left after that went to the projects with most votes that still fitted."
            )
        lines += city_rule_lines(ex, language)
        lines.append(f"Ties are broken by: {_tie_text(ex.tie_break, language)}.")
    return "\n".join(lines)


def _fills_up(completion: str) -> bool:
    return completion in ("add1", "budget-increase") or completion.endswith("+greedy")


def city_rule_lines(ex: Explanation, language: str) -> list[str]:
    """What a city's rule adds to the count: threshold, stopping, group budgets, the comparison."""
    nl = language == "nl"
    m = _money_for(ex.currency, language)
    params = ex.parameters
    lines: list[str] = []
    threshold = params.get("min_project_score_threshold")
    if threshold is not None and ex.rule.startswith("greedy"):
        lines.append(
            f"Alleen projecten met minstens {threshold} {'punten' if ex.utility == 'points' else 'stemmen'} "
            "konden gekozen worden."
            if nl
            else f"Only projects with at least {threshold} {'points' if ex.utility == 'points' else 'votes'} "
            "could be funded."
        )
    if ex.rule == "greedy-no-skip":
        lines.append(
            "De telling stopte bij het eerste project dat niet meer in het budget paste."
            if nl
            else "The count stopped at the first project that no longer fitted the budget."
        )
    for key, nl_word, en_word in (
        ("budget_per_category", "categorie", "category"),
        ("budget_per_neighborhood", "buurt", "neighbourhood"),
    ):
        if key in params:
            lines.append(
                f"Elke {nl_word} had een eigen budget; een project moest ook daarin passen."
                if nl
                else f"Each {en_word} had its own budget; a project also had to fit in it."
            )
    if "leftover_budget" in params and ex.rule.startswith("greedy"):
        lines.append(
            "Geld dat in een groep overbleef, ging daarna naar de projecten met de meeste stemmen die nog pasten."
            if nl
            else "Money left in the groups then went to the projects with most votes that still fitted."
        )
    c = ex.comparison
    if c is not None:
        measure_nl = (
            "meer gekozen projecten" if c.measure == "satisfaction" else "minstens één gekozen project"
        )
        measure_en = "more funded projects" if c.measure == "satisfaction" else "at least one funded project"
        if nl:
            lines.append(
                f"Vergelijking met meeste stemmen eerst ({measure_nl}): {c.prefers_mes} stemmers hadden liever "
                f"de uitkomst met gelijke delen, {c.prefers_greedy} liever die met de meeste stemmen. "
                + (
                    "Daarom geldt de uitkomst met de meeste stemmen."
                    if c.switched
                    else "Daarom blijft de uitkomst met gelijke delen."
                )
            )
        else:
            lines.append(
                f"Comparison with most votes first ({measure_en}): {c.prefers_mes} voters preferred the equal "
                f"shares outcome, {c.prefers_greedy} the most-votes one. "
                + ("So the most-votes outcome holds." if c.switched else "So the equal shares outcome holds.")
            )
    if ex.rule.startswith("equalshares") and ex.voter_share is not None and ex.increments:
        lines.append(
            f"Het deel per stemmer begon bij een heel bedrag en ging telkens 1 omhoog, tot {m(ex.voter_share)}."
            if nl
            else f"The share per voter started at a whole amount and went up by 1 each time, to {m(ex.voter_share)}."
        )
    return lines


def _tie_text(tie_break: str, language: str) -> str:
    if tie_break == "id":
        return "het nummer van het idee" if language == "nl" else "the project number"
    if tie_break == "cost-then-votes":
        return (
            "het goedkoopste idee, dan de meeste stemmen"
            if language == "nl"
            else "the cheapest project, then most votes"
        )
    seed = tie_break.split(":", 1)[1]
    return (
        f"loting met het openbare getal {seed}"
        if language == "nl"
        else f"a lottery with the published seed {seed}"
    )


def project_text(ex: Explanation, p: ProjectExplanation, language: str = "nl") -> str:
    """One or two sentences: funded or not, and why."""
    _check(language)
    m = _money_for(ex.currency, language)
    nl = language == "nl"
    points = ""
    if p.score is not None and ex.utility == "points":
        points = f", {p.score} {'punten' if nl else 'points'}"
    head = f"{p.name} ({m(p.cost)}, {p.votes} {'stemmen' if nl else 'votes'}{points}): "
    r = p.reason
    if r == "mes-bought":
        if ex.utility == "points":
            body = (
                f"gekozen in stap {p.round}, voor {m(p.price or 0)} per punt."
                if nl
                else f"funded in step {p.round}, at {m(p.price or 0)} per point."
            )
        else:
            body = (
                f"gekozen in stap {p.round}. Elke stemmer voor dit idee betaalde hoogstens {m(p.price or 0)} "
                "uit het eigen deel; wie minder over had, betaalde alles wat er nog over was."
                if nl
                else f"funded in step {p.round}. Each of its voters paid at most {m(p.price or 0)} from their "
                "share; voters with less left paid all they had."
            )
    elif r in ("mes-ran-out", "completion-funded", "completion-no-fit"):
        body = _ran_out_text(ex, p, language)
        if r == "completion-funded":
            body += (
                f" Daarna gekozen bij het aanvullen: plaats {p.rank} op de lijst, er was nog {m(p.budget_left or 0)} over."
                if nl
                else f" Then funded in the fill-up: place {p.rank} in the list, {m(p.budget_left or 0)} was left."
            )
        elif r == "completion-no-fit":
            body += (
                f" Ook bij het aanvullen paste het niet: er was nog {m(p.budget_left or 0)} over."
                if nl
                else f" It did not fit in the fill-up either: {m(p.budget_left or 0)} was left."
            )
    elif r == "greedy-funded":
        body = (
            f"gekozen. Plaats {p.rank} op de lijst; toen het aan de beurt was, was er nog {m(p.budget_left or 0)} over."
            if nl
            else f"funded. Place {p.rank} in the list; when its turn came, {m(p.budget_left or 0)} was left."
        )
    elif r == "greedy-no-fit":
        body = (
            f"niet gekozen. Plaats {p.rank} op de lijst; toen het aan de beurt was, was er nog maar "
            f"{m(p.budget_left or 0)} over."
            if nl
            else f"not funded. Place {p.rank} in the list; when its turn came, only {m(p.budget_left or 0)} was left."
        )
    elif r in _CITY_REASONS:
        body = _city_reason_text(ex, p, language)
    elif r == "phragmen-bought":
        body = f"gekozen in stap {p.round}." if nl else f"funded in step {p.round}."
    elif r == "phragmen-stopped":
        body = (
            "niet gekozen: het was aan de beurt maar paste niet meer in het budget, en daar stopt deze regel."
            if nl
            else "not funded: its turn came but it no longer fitted the budget, and there this rule stops."
        )
    elif r == "phragmen-not-reached":
        body = (
            "niet gekozen: de telling stopte voordat dit idee aan de beurt was."
            if nl
            else "not funded: the count stopped before this project's turn."
        )
    elif r == "too-expensive":
        body = (
            "niet gekozen: het kost meer dan het hele budget."
            if nl
            else "not funded: it costs more than the whole budget."
        )
    elif r == "no-support":
        body = (
            "niet gekozen met gelijke delen: niemand stemde erop."
            if nl
            else "not funded by equal shares: nobody voted for it."
        )
        if p.funded:
            body += " Wel gekozen bij het aanvullen." if nl else " Funded in the fill-up."
    else:  # free
        body = (
            "gekozen: het kost niets en heeft steun." if nl else "funded: it costs nothing and has support."
        )
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
    nl = language == "nl"
    r = p.reason
    left = m(p.budget_left or 0)
    if r == "below-threshold":
        threshold = ex.parameters.get("min_project_score_threshold", "")
        unit_nl, unit_en = ("punten", "points") if ex.utility == "points" else ("stemmen", "votes")
        return (
            f"niet gekozen: {p.score} {unit_nl} is minder dan het minimum van {threshold}."
            if nl
            else f"not funded: {p.score} {unit_en} is under the minimum of {threshold}."
        )
    if r == "withdrawn":
        return (
            "niet gekozen: het project is na de stemming teruggetrokken."
            if nl
            else "not funded: the project was withdrawn after the vote."
        )
    if r == "no-skip-stop":
        return (
            f"niet gekozen: plaats {p.rank} op de lijst, maar er was nog maar {left} over. Hier stopte de telling."
            if nl
            else f"not funded: place {p.rank} in the list, but only {left} was left. The count stopped here."
        )
    if r == "not-reached":
        return (
            "niet gekozen: de telling stopte voordat dit project aan de beurt was."
            if nl
            else "not funded: the count stopped before this project's turn."
        )
    if r == "excluded":
        return (
            f"niet gekozen: het sluit {p.rival} uit, en dat project was al gekozen."
            if nl
            else f"not funded: it excludes {p.rival}, which was already funded."
        )
    groups = ", ".join(f"{g.split(':', 1)[1]} ({m(x)})" for g, x in p.group_left)
    text = (
        f"plaats {p.rank} op de lijst; het paste niet meer in het budget van de eigen groep: {groups}."
        if nl
        else f"place {p.rank} in the list; it no longer fitted its group's budget: {groups}."
    )
    if r == "leftover-funded":
        text += (
            f" Wel gekozen van het geld dat overbleef ({left})."
            if nl
            else f" Funded from the money left over ({left})."
        )
    elif r == "leftover-no-fit":
        text += (
            f" Ook van het geld dat overbleef ({left}) kon het niet."
            if nl
            else f" The money left over ({left}) was not enough either."
        )
    if nl:
        return ("gekozen: " if p.funded else "niet gekozen: ") + text
    return ("funded: " if p.funded else "not funded: ") + text


def _ran_out_text(ex: Explanation, p: ProjectExplanation, language: str) -> str:
    m = _money_for(ex.currency, language)
    top = ", ".join(f"{_name(ex, pid)} ({m(x)})" for pid, x in p.went_to[:3])
    if p.round is None:  # out of reach from the start (for example: nobody voted for it)
        if language == "nl":
            return (
                f"niet gekozen met gelijke delen: de stemmers voor dit idee hadden samen maar "
                f"{m(p.supporters_money or 0)}: te weinig."
            )
        return f"not funded by equal shares: its voters together held only {m(p.supporters_money or 0)}: not enough."
    if language == "nl":
        text = (
            f"niet gekozen met gelijke delen. Vanaf stap {p.round} hadden de stemmers voor dit idee samen nog "
            f"{m(p.supporters_money or 0)}: te weinig."
        )
        return text + (f" Hun geld ging vooral naar {top}." if top else "")
    text = (
        f"not funded by equal shares. From step {p.round} on, its voters together held only "
        f"{m(p.supporters_money or 0)}: not enough."
    )
    return text + (f" Their money went mostly to {top}." if top else "")


def voter_text(ex: Explanation, v: VoterExplanation, language: str = "nl") -> str:
    _check(language)
    m = _money_for(ex.currency, language)
    nl = language == "nl"
    n = len(v.funded_supported)
    lines = [
        (
            f"Van de ideeën waarop u stemde, zijn er {n} gekozen. Daaraan gaat {m(v.spent_on_supported)} "
            f"van het budget."
        )
        if nl
        else (
            f"{n} of the projects you voted for were funded. They take {m(v.spent_on_supported)} of the budget."
        )
    ]
    if v.share is not None and v.paid is not None:
        lines.append(
            f"Uw gelijke deel was {m(v.share)}. Daarvan is {m(v.paid)} gebruikt voor ideeën waarop u stemde."
            if nl
            else f"Your equal share was {m(v.share)}. Of that, {m(v.paid)} paid for projects you voted for."
        )
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

"""Dutch (B1): the counting engine's sentences. The first language; every other table follows these ids.

Dutch says "idee" (what residents sent in) and "stap" for a step of the count ("ronde" is the fund's round).
A value is a format string with named fields, or a tuple of plural forms (one, other) chosen by the field
named in ``PLURAL_BY``.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Rule names
    "rule.greedy": "meeste stemmen eerst",
    "rule.greedy-ratio": "meeste stemmen per euro eerst",
    "rule.mes": "gelijke delen (Method of Equal Shares)",
    "rule.phragmen": "Phragmén",
    "rule.greedy-threshold": "meeste stemmen eerst, met een minimum aantal stemmen",
    "rule.greedy-no-skip": "meeste stemmen eerst, stoppen bij het eerste project dat niet past",
    "rule.greedy-exclusive": "meeste stemmen eerst, met projecten die elkaar uitsluiten",
    "rule.equalshares": "gelijke delen (Method of Equal Shares)",
    "rule.equalshares-comparison": "gelijke delen, vergeleken met meeste stemmen eerst",
    "rule.equalshares/add1": "gelijke delen, met een deel dat stap voor stap hoger wordt (Add1)",
    "rule.equalshares/add1-comparison": "gelijke delen met Add1, vergeleken met meeste stemmen eerst",
    # Summary
    "summary.count": "Telling met de regel {rule}. Budget: {budget}. Aantal stemmers: {voters}.",
    "summary.funded": (
        "Gekozen: {n} idee, samen {total}. Over: {left}.",
        "Gekozen: {n} ideeën, samen {total}. Over: {left}.",
    ),
    "summary.share": "Elke stemmer kreeg een gelijk deel van {share} om ideeën mee te betalen.",
    "summary.raised": "Dat deel is hoger dan budget gedeeld door het aantal stemmers: het is stap voor stap "
    "verhoogd zodat er zo weinig mogelijk geld overblijft, zonder over het budget te gaan.",
    "summary.fill_up": "Was er daarna nog geld over, dan zijn de ideeën met de meeste stemmen gekozen die nog pasten.",
    "summary.ties": "Bij gelijke stand beslist: {tie}.",
    # Ties
    "tie.id": "het nummer van het idee",
    "tie.cost-then-votes": "het goedkoopste idee, dan de meeste stemmen",
    "tie.lottery": "loting met het openbare getal {seed}",
    # A city's rule
    "city.threshold.votes": "Alleen projecten met minstens {threshold} stemmen konden gekozen worden.",
    "city.threshold.points": "Alleen projecten met minstens {threshold} punten konden gekozen worden.",
    "city.no_skip": "De telling stopte bij het eerste project dat niet meer in het budget paste.",
    "city.group.category": "Elke categorie had een eigen budget; een project moest ook daarin passen.",
    "city.group.neighbourhood": "Elke buurt had een eigen budget; een project moest ook daarin passen.",
    "city.leftover": "Geld dat in een groep overbleef, ging daarna naar de projecten met de meeste stemmen die nog "
    "pasten.",
    "city.measure.satisfaction": "meer gekozen projecten",
    "city.measure.cover": "minstens één gekozen project",
    "city.comparison": "Vergelijking met meeste stemmen eerst ({measure}): {prefers_mes} stemmers hadden liever "
    "de uitkomst met gelijke delen, {prefers_greedy} liever die met de meeste stemmen. {verdict}",
    "city.comparison.switched": "Daarom geldt de uitkomst met de meeste stemmen.",
    "city.comparison.kept": "Daarom blijft de uitkomst met gelijke delen.",
    "city.increments": "Het deel per stemmer begon bij een heel bedrag en ging telkens 1 omhoog, tot {share}.",
    # One project: the head, then why
    "project.head": ("{name} ({cost}, {votes} stem{points}): ", "{name} ({cost}, {votes} stemmen{points}): "),
    "project.points": ", {score} punten",
    "project.mes_bought.points": "gekozen in stap {step}, voor {price} per punt.",
    "project.mes_bought": "gekozen in stap {step}. Elke stemmer voor dit idee betaalde hoogstens {price} "
    "uit het eigen deel; wie minder over had, betaalde alles wat er nog over was.",
    "project.completion_funded": " Daarna gekozen bij het aanvullen: plaats {rank} op de lijst, er was nog "
    "{left} over.",
    "project.completion_no_fit": " Ook bij het aanvullen paste het niet: er was nog {left} over.",
    "project.greedy_funded": "gekozen. Plaats {rank} op de lijst; toen het aan de beurt was, was er nog {left} over.",
    "project.greedy_no_fit": "niet gekozen. Plaats {rank} op de lijst; toen het aan de beurt was, was er nog maar "
    "{left} over.",
    "project.phragmen_bought": "gekozen in stap {step}.",
    "project.phragmen_stopped": "niet gekozen: het was aan de beurt maar paste niet meer in het budget, en daar "
    "stopt deze regel.",
    "project.phragmen_not_reached": "niet gekozen: de telling stopte voordat dit idee aan de beurt was.",
    "project.too_expensive": "niet gekozen: het kost meer dan het hele budget.",
    "project.no_support": "niet gekozen met gelijke delen: niemand stemde erop.",
    "project.no_support_filled": " Wel gekozen bij het aanvullen.",
    "project.free": "gekozen: het kost niets en heeft steun.",
    # Equal shares: why the voters' money was not enough
    "ran_out.never": "niet gekozen met gelijke delen: de stemmers voor dit idee hadden samen maar {money}: te weinig.",
    "ran_out.from_step": "niet gekozen met gelijke delen. Vanaf stap {step} hadden de stemmers voor dit idee samen "
    "nog {money}: te weinig.",
    "ran_out.went_to": " Hun geld ging vooral naar {top}.",
    # A city's rule, per project
    "city.below_threshold.votes": (
        "niet gekozen: {score} stem is minder dan het minimum van {threshold}.",
        "niet gekozen: {score} stemmen is minder dan het minimum van {threshold}.",
    ),
    "city.below_threshold.points": "niet gekozen: {score} punten is minder dan het minimum van {threshold}.",
    "city.withdrawn": "niet gekozen: het project is na de stemming teruggetrokken.",
    "city.no_skip_stop": "niet gekozen: plaats {rank} op de lijst, maar er was nog maar {left} over. Hier stopte "
    "de telling.",
    "city.not_reached": "niet gekozen: de telling stopte voordat dit project aan de beurt was.",
    "city.excluded": "niet gekozen: het sluit {rival} uit, en dat project was al gekozen.",
    "city.group_full": "plaats {rank} op de lijst; het paste niet meer in het budget van de eigen groep: {groups}.",
    "city.leftover_funded": " Wel gekozen van het geld dat overbleef ({left}).",
    "city.leftover_no_fit": " Ook van het geld dat overbleef ({left}) kon het niet.",
    "city.funded": "gekozen: {text}",
    "city.not_funded": "niet gekozen: {text}",
    # One voter
    "voter.funded": "Van de ideeën waarop u stemde, zijn er {n} gekozen. Daaraan gaat {spent} van het budget.",
    "voter.share": "Uw gelijke deel was {share}. Daarvan is {paid} gebruikt voor ideeën waarop u stemde.",
    # Lists
    "list.separator": ", ",
}

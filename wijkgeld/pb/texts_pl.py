"""Polish (polski): the counting engine's sentences, for results pages in Polish.

Made: machine-assisted by a Wijkgeld developer from the English source (texts_en.py), with the Dutch (texts_nl.py)
as reference, 2026-12-03. Written in plain language (CEFR B1), with the words of the fund's Polish catalog
(wijkgeld/fund/locale/pl): pomysł (idea, where the Dutch says "idee"), projekt (project), głosujący (voter), równe
udziały (equal shares), losowanie (lottery), remis (tie).
Review: every sentence awaits review by a native speaker. Least sure, marked "review:" below: the rule names
("równe udziały", "Add1"), "uzupełnienie" for the fill-up after equal shares, and "liczba startowa" (seed).
Plural: "summary.funded" has three forms (1; 2-4 except 12-14; 5 and more, and 0); elsewhere a number stands
after a colon ("głosy: 12") so that no plural form is needed.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Rule names. review: "równe udziały" (equal shares) and "Add1" as in the fund's catalog.
    "rule.greedy": "najpierw najwięcej głosów",
    "rule.greedy-ratio": "najpierw najwięcej głosów na euro",
    "rule.mes": "równe udziały (Method of Equal Shares)",
    "rule.phragmen": "Phragmén",
    "rule.greedy-threshold": "najpierw najwięcej głosów, z minimalną liczbą głosów",
    "rule.greedy-no-skip": "najpierw najwięcej głosów, koniec na pierwszym projekcie, który się nie mieści",
    "rule.greedy-exclusive": "najpierw najwięcej głosów, z projektami, które się wykluczają",
    "rule.equalshares": "równe udziały (Method of Equal Shares)",
    "rule.equalshares-comparison": "równe udziały w porównaniu z zasadą „najpierw najwięcej głosów”",
    "rule.equalshares/add1": "równe udziały, z udziałem podnoszonym krok po kroku (Add1)",
    "rule.equalshares/add1-comparison": "równe udziały z Add1 w porównaniu z zasadą „najpierw najwięcej głosów”",
    # Summary
    "summary.count": "Liczenie według zasady: {rule}. Budżet: {budget}. Liczba głosujących: {voters}.",
    "summary.funded": (
        "Wybrano {n} pomysł, razem {total}. Zostało: {left}.",
        "Wybrano {n} pomysły, razem {total}. Zostało: {left}.",
        "Wybrano {n} pomysłów, razem {total}. Zostało: {left}.",
    ),
    "summary.share": "Każdy głosujący dostał równy udział w wysokości {share}, aby płacić za pomysły.",
    "summary.raised": "Ten udział jest wyższy niż budżet podzielony przez liczbę głosujących: podnoszono go krok "
    "po kroku, aby zostało jak najmniej pieniędzy, bez przekroczenia budżetu.",
    "summary.fill_up": "Jeśli potem zostały jeszcze pieniądze, wybrano pomysły z największą liczbą głosów, które "
    "jeszcze się mieściły.",
    "summary.ties": "Przy remisie decyduje: {tie}.",
    # Ties. review: "liczba startowa" (seed)
    "tie.id": "numer pomysłu",
    "tie.cost-then-votes": "najtańszy pomysł, potem najwięcej głosów",
    "tie.lottery": "losowanie z opublikowaną liczbą startową {seed}",
    # A city's rule
    "city.threshold.votes": "Wybrane mogły być tylko projekty z minimalną liczbą głosów: {threshold}.",
    "city.threshold.points": "Wybrane mogły być tylko projekty z minimalną liczbą punktów: {threshold}.",
    "city.no_skip": "Liczenie zakończyło się na pierwszym projekcie, który nie mieścił się już w budżecie.",
    "city.group.category": "Każda kategoria miała własny budżet; projekt musiał zmieścić się także w nim.",
    "city.group.neighbourhood": "Każde osiedle miało własny budżet; projekt musiał zmieścić się także w nim.",
    "city.leftover": "Pieniądze, które zostały w grupach, trafiły potem do projektów z największą liczbą głosów, "
    "które jeszcze się mieściły.",
    "city.measure.satisfaction": "więcej wybranych projektów",
    "city.measure.cover": "co najmniej jeden wybrany projekt",
    "city.comparison": "Porównanie z zasadą „najpierw najwięcej głosów” ({measure}). Liczba głosujących, którzy "
    "woleli wynik równych udziałów: {prefers_mes}; liczba tych, którzy woleli wynik z największą liczbą głosów: "
    "{prefers_greedy}. {verdict}",
    "city.comparison.switched": "Dlatego obowiązuje wynik z największą liczbą głosów.",
    "city.comparison.kept": "Dlatego zostaje wynik równych udziałów.",
    "city.increments": "Udział na głosującego zaczął się od pełnej kwoty i za każdym razem rósł o 1, aż do {share}.",
    # One project: the head, then why
    "project.head": "{name} ({cost}, głosy: {votes}{points}): ",
    "project.points": ", punkty: {score}",
    "project.mes_bought.points": "wybrany w kroku {step}, po {price} za punkt.",
    "project.mes_bought": "wybrany w kroku {step}. Każdy głosujący na ten pomysł zapłacił najwyżej {price} "
    "ze swojego udziału; kto miał mniej, zapłacił wszystko, co mu zostało.",
    # review: "uzupełnienie" for the fill-up
    "project.completion_funded": " Potem wybrany przy uzupełnieniu: miejsce {rank} na liście, zostało jeszcze "
    "{left}.",
    "project.completion_no_fit": " Przy uzupełnieniu też się nie zmieścił: zostało tylko {left}.",
    "project.greedy_funded": "wybrany. Miejsce {rank} na liście; gdy przyszła jego kolej, zostało jeszcze {left}.",
    "project.greedy_no_fit": "niewybrany. Miejsce {rank} na liście; gdy przyszła jego kolej, zostało tylko {left}.",
    "project.phragmen_bought": "wybrany w kroku {step}.",
    "project.phragmen_stopped": "niewybrany: przyszła jego kolej, ale nie mieścił się już w budżecie, a tu ta "
    "zasada się kończy.",
    "project.phragmen_not_reached": "niewybrany: liczenie skończyło się, zanim przyszła kolej tego pomysłu.",
    "project.too_expensive": "niewybrany: kosztuje więcej niż cały budżet.",
    "project.no_support": "niewybrany przy równych udziałach: nikt na niego nie głosował.",
    "project.no_support_filled": " Ale wybrany przy uzupełnieniu.",
    "project.free": "wybrany: nic nie kosztuje i ma poparcie.",
    # Equal shares: why the voters' money was not enough
    "ran_out.never": "niewybrany przy równych udziałach: głosujący na ten pomysł mieli razem tylko {money}: "
    "za mało.",
    "ran_out.from_step": "niewybrany przy równych udziałach. Od kroku {step} głosujący na ten pomysł mieli razem "
    "tylko {money}: za mało.",
    "ran_out.went_to": " Ich pieniądze poszły głównie na: {top}.",
    # A city's rule, per project
    "city.below_threshold.votes": "niewybrany: liczba głosów ({score}) jest mniejsza niż minimum ({threshold}).",
    "city.below_threshold.points": "niewybrany: liczba punktów ({score}) jest mniejsza niż minimum ({threshold}).",
    "city.withdrawn": "niewybrany: projekt wycofano po głosowaniu.",
    "city.no_skip_stop": "niewybrany: miejsce {rank} na liście, ale zostało tylko {left}. Tu liczenie się "
    "zakończyło.",
    "city.not_reached": "niewybrany: liczenie skończyło się, zanim przyszła kolej tego projektu.",
    "city.excluded": "niewybrany: wyklucza projekt {rival}, który był już wybrany.",
    "city.group_full": "miejsce {rank} na liście; nie mieścił się już w budżecie swojej grupy: {groups}.",
    "city.leftover_funded": " Ale wybrany z pieniędzy, które zostały ({left}).",
    "city.leftover_no_fit": " Pieniądze, które zostały ({left}), też nie wystarczyły.",
    "city.funded": "wybrany: {text}",
    "city.not_funded": "niewybrany: {text}",
    # One voter
    "voter.funded": "Liczba wybranych pomysłów spośród tych, na które głosowano: {n}. Idzie na nie {spent} "
    "z budżetu.",
    "voter.share": "Twój równy udział wynosił {share}. Z tego {paid} zapłacono za pomysły, na które głosowano.",
    # Lists
    "list.separator": ", ",
}

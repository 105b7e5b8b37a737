"""English: the counting engine's sentences. The source the other translations are made from.

English keeps the Pabulib word "project". A value is a format string with named fields, or a tuple of plural
forms (one, other) chosen by the field named in ``PLURAL_BY`` (wijkgeld/pb/texts.py).
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Rule names
    "rule.greedy": "most votes first",
    "rule.greedy-ratio": "most votes per euro first",
    "rule.mes": "equal shares (Method of Equal Shares)",
    "rule.phragmen": "Phragmén",
    "rule.greedy-threshold": "most votes first, with a minimum number of votes",
    "rule.greedy-no-skip": "most votes first, stopping at the first project that does not fit",
    "rule.greedy-exclusive": "most votes first, with projects that exclude each other",
    "rule.equalshares": "equal shares (Method of Equal Shares)",
    "rule.equalshares-comparison": "equal shares, compared with most votes first",
    "rule.equalshares/add1": "equal shares, with a share raised step by step (Add1)",
    "rule.equalshares/add1-comparison": "equal shares with Add1, compared with most votes first",
    # Summary
    "summary.count": "Count with the rule {rule}. Budget: {budget}. Voters: {voters}.",
    "summary.funded": (
        "Funded: {n} project, together {total}. Left over: {left}.",
        "Funded: {n} projects, together {total}. Left over: {left}.",
    ),
    "summary.share": "Every voter had an equal share of {share} to buy projects with.",
    "summary.raised": "That share is more than the budget divided by the number of voters: it was raised "
    "step by step to leave as little money unused as possible without going over budget.",
    "summary.fill_up": "Money still left after that went to the projects with most votes that still fitted.",
    "summary.ties": "Ties are broken by: {tie}.",
    # Ties
    "tie.id": "the project number",
    "tie.cost-then-votes": "the cheapest project, then most votes",
    "tie.lottery": "a lottery with the published seed {seed}",
    # A city's rule
    "city.threshold.votes": "Only projects with at least {threshold} votes could be funded.",
    "city.threshold.points": "Only projects with at least {threshold} points could be funded.",
    "city.no_skip": "The count stopped at the first project that no longer fitted the budget.",
    "city.group.category": "Each category had its own budget; a project also had to fit in it.",
    "city.group.neighbourhood": "Each neighbourhood had its own budget; a project also had to fit in it.",
    "city.leftover": "Money left in the groups then went to the projects with most votes that still fitted.",
    "city.measure.satisfaction": "more funded projects",
    "city.measure.cover": "at least one funded project",
    "city.comparison": "Comparison with most votes first ({measure}): {prefers_mes} voters preferred the equal "
    "shares outcome, {prefers_greedy} the most-votes one. {verdict}",
    "city.comparison.switched": "So the most-votes outcome holds.",
    "city.comparison.kept": "So the equal shares outcome holds.",
    "city.increments": "The share per voter started at a whole amount and went up by 1 each time, to {share}.",
    # One project: the head, then why
    "project.head": ("{name} ({cost}, {votes} vote{points}): ", "{name} ({cost}, {votes} votes{points}): "),
    "project.points": ", {score} points",
    "project.mes_bought.points": "funded in step {step}, at {price} per point.",
    "project.mes_bought": "funded in step {step}. Each of its voters paid at most {price} from their "
    "share; voters with less left paid all they had.",
    "project.completion_funded": " Then funded in the fill-up: place {rank} in the list, {left} was left.",
    "project.completion_no_fit": " It did not fit in the fill-up either: {left} was left.",
    "project.greedy_funded": "funded. Place {rank} in the list; when its turn came, {left} was left.",
    "project.greedy_no_fit": "not funded. Place {rank} in the list; when its turn came, only {left} was left.",
    "project.phragmen_bought": "funded in step {step}.",
    "project.phragmen_stopped": "not funded: its turn came but it no longer fitted the budget, and there this "
    "rule stops.",
    "project.phragmen_not_reached": "not funded: the count stopped before this project's turn.",
    "project.too_expensive": "not funded: it costs more than the whole budget.",
    "project.no_support": "not funded by equal shares: nobody voted for it.",
    "project.no_support_filled": " Funded in the fill-up.",
    "project.free": "funded: it costs nothing and has support.",
    # Equal shares: why the voters' money was not enough
    "ran_out.never": "not funded by equal shares: its voters together held only {money}: not enough.",
    "ran_out.from_step": "not funded by equal shares. From step {step} on, its voters together held only "
    "{money}: not enough.",
    "ran_out.went_to": " Their money went mostly to {top}.",
    # A city's rule, per project
    "city.below_threshold.votes": (
        "not funded: {score} vote is under the minimum of {threshold}.",
        "not funded: {score} votes is under the minimum of {threshold}.",
    ),
    "city.below_threshold.points": "not funded: {score} points is under the minimum of {threshold}.",
    "city.withdrawn": "not funded: the project was withdrawn after the vote.",
    "city.no_skip_stop": "not funded: place {rank} in the list, but only {left} was left. The count stopped here.",
    "city.not_reached": "not funded: the count stopped before this project's turn.",
    "city.excluded": "not funded: it excludes {rival}, which was already funded.",
    "city.group_full": "place {rank} in the list; it no longer fitted its group's budget: {groups}.",
    "city.leftover_funded": " Funded from the money left over ({left}).",
    "city.leftover_no_fit": " The money left over ({left}) was not enough either.",
    "city.funded": "funded: {text}",
    "city.not_funded": "not funded: {text}",
    # One voter
    "voter.funded": "{n} of the projects you voted for were funded. They take {spent} of the budget.",
    "voter.share": "Your equal share was {share}. Of that, {paid} paid for projects you voted for.",
    # Lists
    "list.separator": ", ",
}

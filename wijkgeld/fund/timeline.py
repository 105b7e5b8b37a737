"""The phases of a round as a timeline for residents: what is done, what happens now, what comes next."""

from __future__ import annotations

from django.utils.translation import gettext as _

from wijkgeld.fund.models import Round

_ORDER = [
    Round.Phase.IDEAS,
    Round.Phase.ASSESSMENT,
    Round.Phase.VOTING,
    Round.Phase.RESULTS,
    Round.Phase.EXECUTION,
]


def round_timeline(round_: Round) -> list[dict]:
    names = {
        Round.Phase.IDEAS: _("Send in ideas"),
        Round.Phase.ASSESSMENT: _("The committee checks the ideas"),
        Round.Phase.VOTING: _("Residents vote"),
        Round.Phase.RESULTS: _("Result"),
        Round.Phase.EXECUTION: _("The chosen ideas are carried out"),
    }
    dates = {
        Round.Phase.IDEAS: (round_.ideas_start, round_.assessment_start),
        Round.Phase.ASSESSMENT: (round_.assessment_start, round_.voting_start),
        Round.Phase.VOTING: (round_.voting_start, round_.voting_end),
        Round.Phase.RESULTS: (None, round_.results_date),
        Round.Phase.EXECUTION: (None, round_.execution_end),
    }
    if round_.phase == Round.Phase.CLOSED:
        current = len(_ORDER)
    elif round_.phase in _ORDER:
        current = _ORDER.index(round_.phase)
    else:  # preparation
        current = -1
    steps = []
    for i, phase in enumerate(_ORDER):
        state = "done" if i < current else "now" if i == current else "later"
        start, end = dates[phase]
        steps.append({"phase": phase, "name": names[phase], "start": start, "end": end, "state": state})
    return steps

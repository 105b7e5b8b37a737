"""Helpers shared by the fund services: phases in order, and the phase guard every write path uses."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round

Phase = Round.Phase
PHASES: tuple[str, ...] = tuple(Phase.values)


def now_or(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def next_phase(phase: str) -> str | None:
    index = PHASES.index(phase)
    return PHASES[index + 1] if index + 1 < len(PHASES) else None


def locked_round(round_: Round) -> Round:
    """Reload the round with a row lock, so two requests never move or change it at the same time."""
    return Round.objects.select_for_update().select_related("fund__area").get(pk=round_.pk)


def require_phase(round_: Round, *phases: str, field: str | None = None) -> None:
    if round_.phase not in phases:
        labels = ", ".join(str(Phase(p).label) for p in phases)
        raise DomainError(
            _("This is not possible in the phase “%(phase)s”; it is possible in: %(allowed)s.")
            % {"phase": round_.get_phase_display(), "allowed": labels},
            field=field,
            code="wrong_phase",
        )

"""Seams to the apps the fund builds on: voting (ballots, receipts) and money (budget lines, commitments).

Everything the fund needs from them goes through these few functions, so the fund keeps working (and
says clearly what is missing) while a neighbouring app is not installed yet, and tests can replace one
function instead of a whole app.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError


@dataclass(frozen=True)
class CountedBallot:
    """The shape `wijkgeld.voting.services.ballots_for_count` returns (duck-typed)."""

    voter_id: str
    approvals: tuple[str, ...]
    points: dict[str, int] | None = field(default=None)


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def voting() -> ModuleType:
    module = _module("wijkgeld.voting.services")
    if module is None or not hasattr(module, "ballots_for_count"):
        raise DomainError(_("Voting is not available in this installation yet."), code="no_voting")
    return module


def money() -> ModuleType | None:
    module = _module("wijkgeld.money.services")
    if module is None or not hasattr(module, "commitment_create"):
        return None
    return module


def require_money() -> ModuleType:
    module = money()
    if module is None:
        raise DomainError(_("The ledger is not available in this installation yet."), code="no_money")
    return module


# --- voting -----------------------------------------------------------------------------------------


def ballots_for_count(*, round) -> list[Any]:
    return list(voting().ballots_for_count(round=round))


def receipt_codes(*, round) -> list[str]:
    return list(voting().receipt_codes(round=round))


def invalid_paper_ballots(*, round) -> int:
    """Paper ballots confirmed as invalid (too many crosses, unreadable): shown with the result, not counted."""
    module = _module("wijkgeld.voting.services")
    if module is None or not hasattr(module, "turnout"):
        return 0
    return module.turnout(round=round).paper_invalid


def ballots_with_help(*, round) -> int:
    """How many ballots were cast at a help desk (a count; no ballot says it was helped)."""
    module = _module("wijkgeld.voting.services")
    if module is None or not hasattr(module, "turnout"):
        return 0
    return getattr(module.turnout(round=round), "assisted", 0)


def voting_available() -> bool:
    module = _module("wijkgeld.voting.services")
    return module is not None and hasattr(module, "ballots_for_count")


# --- money ------------------------------------------------------------------------------------------


def line_available_cents(*, area, code: str, year: int) -> int | None:
    """Money still free on the fund's budget line; None when the ledger is not installed."""
    module = money()
    if module is None:
        return None
    line = module.budget_line_for(area=area, code=code, year=year)
    if line is None:
        return 0
    return int(module.line_available_cents(line))


def budget_line(*, area, code: str, year: int):
    module = require_money()
    line = module.budget_line_for(area=area, code=code, year=year)
    if line is None:
        raise DomainError(_("This area has no budget line for the fund in that year."), code="no_line")
    return line


def payments_made(commitment) -> list[Any]:
    """The completed payments (tranches) on a commitment, oldest first."""
    if commitment is None or not hasattr(commitment, "payments"):
        return []
    return list(commitment.payments.filter(status="completed").order_by("created_at", "id"))


def commitment_for(commitment_id: int | None):
    """The money app's commitment (or None), for showing payments on the project page."""
    if commitment_id is None:
        return None
    module = _module("wijkgeld.money.models")
    model = getattr(module, "Commitment", None) if module else None
    if model is None:
        return None
    return model.objects.filter(pk=commitment_id).first()

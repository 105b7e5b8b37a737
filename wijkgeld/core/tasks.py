"""Tasks for people at work: "Mijn pagina" shows them, `send_task_mail` e-mails them.

Each domain app registers a provider (in its own `tasks.py`): a function that, for one user, yields
what is waiting for that user, each with the one link to the action. `core` knows no domain app; the
providers decide who may see what (with the usual area permissions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Task:
    kind: str  # a stable code, e.g. "money.payment.confirm"
    text: str  # one translated sentence: what is waiting
    url: str  # the page where the person does it
    area: Any = None
    count: int = 1


Provider = Callable[[Any], Iterable[Task]]
_PROVIDERS: list[Provider] = []


def register_task_provider(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def tasks_for(user) -> list[Task]:
    """Everything waiting for this user, grouped by area name, then by the order providers registered."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    found: list[Task] = []
    for provider in _PROVIDERS:
        found.extend(provider(user))
    return sorted(found, key=lambda t: str(t.area or ""))

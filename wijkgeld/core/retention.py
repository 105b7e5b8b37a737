"""The retention registry: each app registers the steps that delete personal data it no longer needs.

`manage.py purge_personal_data` runs every registered step in its own transaction and prints what each
one deleted. A step is a function `(now) -> int` (the number of records it cleared); it must be
idempotent, so the command can run every night.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

PurgeStep = Callable[[dt.datetime], int]


@dataclass(frozen=True)
class RetentionStep:
    name: str  # "people.placements", shown in the command's output
    description: str
    run: PurgeStep


_STEPS: dict[str, RetentionStep] = {}


def register_purge_step(name: str, description: str) -> Callable[[PurgeStep], PurgeStep]:
    def decorator(fn: PurgeStep) -> PurgeStep:
        _STEPS[name] = RetentionStep(name=name, description=description, run=fn)
        return fn

    return decorator


def purge_steps() -> list[RetentionStep]:
    return [_STEPS[name] for name in sorted(_STEPS)]

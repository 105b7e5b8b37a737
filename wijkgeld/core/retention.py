"""The retention registry: each app registers the steps that delete personal data it no longer needs.

`manage.py retention` (daily; `purge_personal_data` is the same with `--date` and `--list`) runs every
registered step in its own transaction. A step is a function `(now) -> int | dict[str, int]` (the number
of records it cleared, or such numbers per kind); it must be idempotent, so it can run every night.
Steps live in each app's `retention` module, which is found automatically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

PurgeStep = Callable[[dt.datetime], int | dict[str, int]]


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


def run_purge_steps(*, now: dt.datetime) -> dict[str, int]:
    """Run every registered step, each in its own transaction (one failing step undoes only itself)."""
    from django.db import transaction
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("retention")
    counts: dict[str, int] = {}
    for step in purge_steps():
        with transaction.atomic():
            result = step.run(now)
        counts.update(result if isinstance(result, dict) else {step.name: result})
    return counts

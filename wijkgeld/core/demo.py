"""The demo registry: each app's `demo.py` registers a loader; `manage.py demo` runs them in order.

Loaders must be idempotent (get_or_create / update_or_create) so `make run` can load the demo
on every start. Invented names only; never real personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """Shared between loaders: accounts to print at the end, and objects later loaders need."""

    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # (username, role, area)
    notes: list[str] = field(default_factory=list)
    objects: dict[str, object] = field(default_factory=dict)


Loader = Callable[[DemoContext], None]
_LOADERS: list[tuple[int, str, Loader]] = []


def register_demo(order: int, name: str) -> Callable[[Loader], Loader]:
    def decorator(fn: Loader) -> Loader:
        if all(existing != name for _o, existing, _f in _LOADERS):
            _LOADERS.append((order, name, fn))
            _LOADERS.sort(key=lambda item: item[0])
        return fn

    return decorator


def demo_loaders() -> list[tuple[int, str, Loader]]:
    return list(_LOADERS)

"""The audit log: one function that every write path calls, and readable text for each entry.

Apps register a sentence per action code (`register_texts`) so the log reads as
"Anna approved the proposal 'Buurtmoestuin'" rather than as codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.models import AuditEntry

_TEXTS: dict[str, Any] = {}


def register_texts(texts: Mapping[str, Any]) -> None:
    """Register translatable sentences with {actor} and {object} placeholders per action code."""
    _TEXTS.update(texts)


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_safe(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def audit_record(
    *,
    actor,
    action: str,
    area=None,
    obj: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
    actor_label: str | None = None,
    now: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry. `actor` is a user or None (anonymous resident or the system)."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor_label or actor.get_username()
        actor_obj = actor
    else:
        label = actor_label or "system"
        actor_obj = None
    entry = AuditEntry(
        created_at=now or timezone.now(),
        actor=actor_obj,
        actor_label=label[:200],
        area=area,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:300] if obj is not None else "",
        data=_json_safe(dict(data or {})),
    )
    entry.save()
    return entry


def _readable_amounts(data: dict[str, Any]) -> dict[str, Any]:
    """Amounts are stored in machine form ('20000.00'); show them as people read them ('20.000,00')."""
    from decimal import Decimal, InvalidOperation

    from django.utils.translation import get_language

    from wijkgeld.core.money import format_euros

    language = get_language() or "nl"
    readable = dict(data)
    for key, value in data.items():
        if key == "amount" or key.endswith("_amount"):
            try:
                cents = int(Decimal(str(value)) * 100)
            except (InvalidOperation, ValueError):
                continue
            readable[key] = format_euros(cents, language=language).replace("€", "").strip()
    return readable


# Data keys and object types that name or reach a person. Shown as "…" to readers who see figures,
# not people (the national observer).
PERSONAL_KEYS = frozenset(
    {"recipient", "supplier", "name", "user", "comment", "contact", "email", "phone", "delegate", "member"}
)
PERSONAL_OBJECTS = frozenset(
    {
        "accounts.user",
        "accounts.role",
        "alliance.delegate",
        "alliance.representative",
        "alliance.question",
        "money.commitment",
        "money.payment",
        "community.collectiveprofile",
    }
)


def audit_text(entry: AuditEntry, *, without_people: bool = False) -> str:
    """The entry as one sentence in the active language. `without_people` leaves out who did it and any
    name or contact detail in the entry (for observers: figures, not people)."""
    template = _TEXTS.get(entry.action)
    obj = entry.object_label or entry.object_type
    actor = entry.actor_label
    data = dict(entry.data)
    if without_people:
        actor = str(_("someone"))
        # A key is shown only when the entry says it names an organisation ("<key>_is_person": False).
        data = {
            k: ("…" if k in PERSONAL_KEYS and data.get(f"{k}_is_person") is not False else v)
            for k, v in data.items()
        }
        if entry.object_type in PERSONAL_OBJECTS:
            obj = "…"
    if template is None:
        return f"{actor}: {entry.action} {obj}".strip()
    try:
        return str(template).format(actor=actor, object=obj, **_readable_amounts(data))
    except (KeyError, IndexError, ValueError):
        return str(template).format_map(_Default(actor=actor, object=obj))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "…"


register_texts(
    {
        "core.demo.loaded": _("{actor} loaded the demo data"),
        "core.retention.purged": _("Personal data past its retention period was removed"),
    }
)

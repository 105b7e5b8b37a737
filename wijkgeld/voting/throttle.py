"""Throttling of code guessing, per client and for the whole site, with cache counters.

Only failed attempts count (a wrong, unknown or revoked code), so voters who type their code right
are never slowed down. The client's IP address is used only inside the cache key, hashed with a
server key, and expires with the window; it is never stored in the database.

Limits come from settings or the environment (documented in docs/voting.md):
VOTING_THROTTLE_CLIENT_FAILURES (10) per VOTING_THROTTLE_CLIENT_WINDOW seconds (600) and
VOTING_THROTTLE_GLOBAL_FAILURES (600) per VOTING_THROTTLE_GLOBAL_WINDOW seconds (60).
With several gunicorn workers set CACHE_DIR so that the workers share the counters.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time

from django.conf import settings
from django.core.cache import cache

from wijkgeld.voting.codes import code_key

DEFAULTS = {
    "VOTING_THROTTLE_CLIENT_FAILURES": 10,
    "VOTING_THROTTLE_CLIENT_WINDOW": 600,
    "VOTING_THROTTLE_GLOBAL_FAILURES": 600,
    "VOTING_THROTTLE_GLOBAL_WINDOW": 60,
}


def limit(name: str) -> int:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name) or DEFAULTS[name]
    return int(value)


def _client(request) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(code_key(), address.encode(), hashlib.sha256).hexdigest()[:24]


def _keys(request) -> list[tuple[str, int, int]]:
    now = int(time.time())
    cw = limit("VOTING_THROTTLE_CLIENT_WINDOW")
    gw = limit("VOTING_THROTTLE_GLOBAL_WINDOW")
    return [
        (f"voting:fail:c:{_client(request)}:{now // cw}", limit("VOTING_THROTTLE_CLIENT_FAILURES"), cw),
        (f"voting:fail:g:{now // gw}", limit("VOTING_THROTTLE_GLOBAL_FAILURES"), gw),
    ]


def retry_after(request) -> int | None:
    """Seconds to wait if this client (or the whole site) tried too many wrong codes, else None."""
    keys = _keys(request)
    counts = cache.get_many([k for k, _, _ in keys])
    for key, maximum, window in keys:
        if counts.get(key, 0) >= maximum:
            return window - int(time.time()) % window
    return None


def record_failure(request) -> None:
    for key, _maximum, window in _keys(request):
        if not cache.add(key, 1, timeout=window + 5):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window + 5)

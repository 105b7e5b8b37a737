"""Slowing down code guessing, per client, with cache counters. A right code is never refused.

Only failed attempts count (a wrong, unknown or revoked code), and the limit is only ever applied to
failed attempts: the views check the code first, so a resident whose code is right votes even when
their address (a shared Wi-Fi, a library) is being throttled. There is deliberately no site-wide
limit: with 73-bit codes guessing is hopeless anyway (docs/voting.md), and a global lock would let
anyone with a few dozen addresses stop the vote for everyone.

A client is one IPv4 address, or one IPv6 /64 network (one household or phone usually gets a whole
/64, so per-address counting would let it rotate for free). The address comes from
`wijkgeld.core.client_ip` (X-Forwarded-For only through TRUSTED_PROXIES). It is used only inside the
cache key, hashed with a server key, and expires with the window; it is never stored in the database.

After VOTING_THROTTLE_CLIENT_FAILURES (10) wrong codes within VOTING_THROTTLE_CLIENT_WINDOW seconds
(600) the client's wrong codes get "wait" (429) for one window; each time it happens again within a
day the wait doubles, up to VOTING_THROTTLE_MAX_WAIT seconds (86400). With several gunicorn workers
set CACHE_DIR so that the workers share the counters.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import os
import time

from django.conf import settings
from django.core.cache import cache

from wijkgeld.core.client_ip import client_address
from wijkgeld.voting.codes import code_key

DEFAULTS = {
    "VOTING_THROTTLE_CLIENT_FAILURES": 10,
    "VOTING_THROTTLE_CLIENT_WINDOW": 600,
    "VOTING_THROTTLE_MAX_WAIT": 86400,
}
LEVEL_MEMORY = 86400  # seconds a client's earlier lock-outs count towards a longer wait


def limit(name: str) -> int:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name) or DEFAULTS[name]
    return int(value)


def client_bucket(request) -> str:
    """The client's throttle bucket: its IPv4 address or IPv6 /64, as text (not yet hashed)."""
    address = client_address(request)
    if address is None:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _key(request, kind: str) -> str:
    digest = hmac.new(code_key(), client_bucket(request).encode(), hashlib.sha256).hexdigest()[:24]
    return f"voting:{kind}:{digest}"


def _incr(key: str, timeout: int) -> int:
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def retry_after(request) -> int | None:
    """Seconds this client must wait before its next wrong code is answered, else None."""
    until = cache.get(_key(request, "block"))
    now = time.time()
    if until is None or until <= now:
        return None
    return max(1, math.ceil(until - now))


def record_failure(request) -> int | None:
    """Count one wrong code for this client; the seconds to wait if it is now (or still) locked out."""
    if (wait := retry_after(request)) is not None:
        return wait
    window = limit("VOTING_THROTTLE_CLIENT_WINDOW")
    now = time.time()
    count = _incr(f"{_key(request, 'fail')}:{int(now) // window}", window + 5)
    if count < limit("VOTING_THROTTLE_CLIENT_FAILURES"):
        return None
    level = _incr(_key(request, "level"), LEVEL_MEMORY)
    wait = min(window * 2 ** min(level - 1, 20), limit("VOTING_THROTTLE_MAX_WAIT"))
    cache.set(_key(request, "block"), now + wait, timeout=wait + 5)
    cache.delete(f"{_key(request, 'fail')}:{int(now) // window}")
    return wait

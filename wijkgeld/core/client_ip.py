"""The address of the client, also behind a reverse proxy: one function for every per-client limit.

`REMOTE_ADDR` is the direct peer. Behind nginx that is the proxy, so every resident would share one
throttle bucket (and one login lockout). `X-Forwarded-For` carries the real address, but anyone can
send that header, so it is read only when the direct peer is listed in `TRUSTED_PROXIES` (addresses
or networks, e.g. `127.0.0.1,10.0.0.0/8`). The list is then walked from the right (the hop our own
proxy added last) and every trusted hop is skipped; the first untrusted address is the client. Left
of it anything may be forged, so it is never read.

Used by the voting throttle and by django-axes (`AXES_CLIENT_IP_CALLABLE`).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def trusted_networks() -> tuple[Network, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def _parse(value: str) -> Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:1234"
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_address(request) -> Address | None:
    """The client's address: REMOTE_ADDR, or through trusted proxies the last untrusted X-Forwarded-For hop."""
    peer = _parse(request.META.get("REMOTE_ADDR", "") or "")
    networks = trusted_networks()
    if peer is None or not networks or not _trusted(peer, networks):
        return peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = peer
    for raw in reversed(hops):
        hop = _parse(raw)
        if hop is None:
            # A hop we cannot read: stop at the last address we could trust to be real.
            break
        client = hop
        if not _trusted(hop, networks):
            break
    return client


def client_ip(request) -> str | None:
    """`client_address` as text (django-axes wants a string)."""
    address = client_address(request)
    return str(address) if address is not None else None

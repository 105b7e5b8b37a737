"""Client addresses through a real reverse proxy on loopback: one throttle bucket per resident.

The Django live server runs on 127.0.0.1; a small proxy (tests/voting/reverse_proxy.py, doing what
nginx's `$proxy_add_x_forwarded_for` does) runs in front of it. Residents are HTTP clients that bind
to different loopback addresses (127.0.0.2, 127.0.0.3, …), so the proxy sees different peers.
"""

from __future__ import annotations

import http.client
import re
import urllib.parse
from http.cookies import SimpleCookie

import pytest
from django.core.cache import cache

from tests.voting.reverse_proxy import ReverseProxy

pytestmark = pytest.mark.django_db(transaction=True)
WRONG = "ABCD-EFGH-JKMN-PQRS"


class Resident:
    """An HTTP client bound to one loopback source address, with its own cookies."""

    def __init__(self, source: str, host: str, port: int) -> None:
        self.source, self.host, self.port = source, host, port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, form=None, headers=None) -> tuple[int, str]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=(self.source, 0))
        head = dict(headers or {})
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            head["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=head)
        response = conn.getresponse()
        text = response.read().decode()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, text

    def try_code(self, code: str, *, headers=None) -> int:
        _status, page = self.request("GET", "/stemmen/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _text = self.request(
            "POST", "/stemmen/", form={"csrfmiddlewaretoken": token, "code": code}, headers=headers
        )
        return status


@pytest.fixture
def upstream(live_server):
    parts = urllib.parse.urlsplit(live_server.url)
    host = "127.0.0.1" if parts.hostname in {"localhost", "127.0.0.1"} else parts.hostname
    cache.clear()
    yield host, parts.port
    cache.clear()


def test_residents_behind_the_proxy_get_their_own_bucket_and_spoofing_is_ignored(
    upstream, round_, codes, timezone_now, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 3
    host, port = upstream
    with ReverseProxy(host, port) as proxy:
        alice = Resident("127.0.0.2", proxy.host, proxy.port)
        bob = Resident("127.0.0.3", proxy.host, proxy.port)
        assert [alice.try_code(WRONG) for _ in range(3)] == [200, 200, 429]
        # Bob is behind the same proxy (same REMOTE_ADDR for Django) but has his own bucket.
        assert bob.try_code(WRONG) == 200
        # Bob pretends to be someone else: the proxy appends what it saw, so he stays Bob.
        assert bob.try_code(WRONG, headers={"X-Forwarded-For": "203.0.113.50"}) == 200
        assert bob.try_code(WRONG, headers={"X-Forwarded-For": "127.0.0.2"}) == 429  # his 3rd
        # Alice, though throttled, votes with her right code.
        assert alice.try_code(codes[0]) == 303  # to the ballot
        assert proxy.forwarded >= 10
    # Straight to Django (an untrusted peer): a forged header neither frees Alice nor blocks others.
    carol = Resident("127.0.0.4", host, port)
    assert carol.try_code(WRONG, headers={"X-Forwarded-For": "127.0.0.2"}) == 200
    alice_direct = Resident("127.0.0.2", host, port)
    assert alice_direct.try_code(WRONG, headers={"X-Forwarded-For": "198.51.100.9"}) == 429


def test_without_trusted_proxies_everyone_behind_the_proxy_shares_one_bucket(
    upstream, round_, codes, timezone_now, settings
):
    """The failure the setting exists for (and proof the test above can fail)."""
    settings.TRUSTED_PROXIES = []
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 3
    host, port = upstream
    with ReverseProxy(host, port) as proxy:
        alice = Resident("127.0.0.2", proxy.host, proxy.port)
        bob = Resident("127.0.0.3", proxy.host, proxy.port)
        assert [alice.try_code(WRONG) for _ in range(3)] == [200, 200, 429]
        assert bob.try_code(WRONG) == 429
        assert bob.try_code(codes[1]) == 303  # a right code still works: to the ballot

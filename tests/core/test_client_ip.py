"""The client address behind trusted proxies: X-Forwarded-For is believed only through them."""

import pytest
from django.test import RequestFactory

from wijkgeld.core.client_ip import client_ip


def ip(remote, xff=None):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return client_ip(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert ip("203.0.113.5", "198.51.100.7") == "203.0.113.5"


def test_spoofed_header_from_an_untrusted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert ip("203.0.113.5", "198.51.100.7") == "203.0.113.5"


def test_walks_from_the_right_and_skips_trusted_hops(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert ip("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    # The client forged the left part; our proxies added the right part.
    assert ip("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3") == "198.51.100.7"
    assert ip("127.0.0.1", "10.1.2.3, 10.4.5.6") == "10.1.2.3"  # only proxies: the leftmost one


@pytest.mark.parametrize(
    ("xff", "expected"),
    [
        ("", "127.0.0.1"),
        ("not-an-ip", "127.0.0.1"),
        ("garbage, 198.51.100.7", "198.51.100.7"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("198.51.100.7:5555", "198.51.100.7"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
    ],
)
def test_odd_header_values(settings, xff, expected):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert ip("127.0.0.1", xff) == expected


def test_ipv6_proxy_network(settings):
    settings.TRUSTED_PROXIES = ["fd00::/8"]
    assert ip("fd00::1", "2001:db8::7") == "2001:db8::7"
    assert ip("2001:db8::9", "2001:db8::7") == "2001:db8::9"


def test_axes_uses_the_same_function(settings):
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert get_client_ip_address(request) == "198.51.100.7"

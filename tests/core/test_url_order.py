"""Every named URL resolves to its own view, whatever order config/urls.py tries the apps in.

The vote's patterns come first (the busiest request resolves fastest); this test fails when a pattern
of one app starts to catch the paths of another.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

SAMPLE = {"int": 7, "slug": "voorbeeldwijk", "str": "voorbeeld", "path": "a/b"}


def _patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _sample_kwargs(pattern: URLPattern) -> dict:
    kinds = {
        "IntConverter": "int",
        "SlugConverter": "slug",
        "StringConverter": "str",
        "PathConverter": "path",
    }
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {key: SAMPLE[kinds[type(c).__name__]] for key, c in converters.items()}
    # A regular-expression pattern (the development media route) has groups, not converters.
    return kwargs | {g: "voorbeeld" for g in pattern.pattern.regex.groupindex if g not in kwargs}


def test_every_named_url_resolves_to_its_own_view():
    checked = 0
    for name, pattern in _patterns():
        path = reverse(name, kwargs=_sample_kwargs(pattern))
        match = resolve(path)
        assert match.view_name == name, f"{path} should open {name} but opens {match.view_name}"
        checked += 1
    assert checked > 150  # the whole site, not an empty list


def test_the_ballot_is_resolved_by_the_first_app_tried():
    first = get_resolver().url_patterns[1]
    assert isinstance(first, URLResolver) and first.namespace == "voting"

"""Helpers for browser tests: axe-core scans, layout checks, logging in."""

from __future__ import annotations

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page with the WCAG 2.1 A/AA tags; return the violations."""
    if getattr(page, "wijkgeld_no_js", False):
        # Without JavaScript axe cannot run (Playwright would wait forever); scan the same page in a
        # context with JavaScript instead.
        raise AssertionError("axe-core needs JavaScript; scan this page with the `page` fixture")
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    from tests.e2e.a11y_record import record_scan

    record_scan(page, results.response)  # for the accessibility statement (make test-e2e)
    return results.response["violations"]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    ]
    assert violations == [], f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(summary)


def assert_no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px on {page.url}"


def login_in_browser(page, username: str, password: str = "correct horse battery") -> None:
    page.goto("/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")

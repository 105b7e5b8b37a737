"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for WCAG 2.1 A/AA.

The live server runs in a thread of this process; Playwright's sync API runs an event loop in
the test thread, so Django's async-safety guard is relaxed for these tests only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if "/e2e/" in str(item.fspath):
        from tests.e2e.a11y_record import record_test

        record_test(item, outcome.get_result())


def pytest_sessionfinish(session, exitstatus):
    """`make test-e2e` sets WIJKGELD_A11Y_RESULTS: the accessibility statement reads this file."""
    target = os.environ.get("WIJKGELD_A11Y_RESULTS")
    if target:
        from tests.e2e.a11y_record import write

        write(target)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run scripts/ensure-chromium.sh (make test does).")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def small_page(browser, live_server):
    """A 320 px wide phone screen."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}, locale="nl-NL"
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def nojs_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.wijkgeld_no_js = True  # axe-core needs JavaScript: assert_accessible refuses such pages
    yield page
    context.close()

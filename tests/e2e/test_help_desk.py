"""The help desk in real Chromium: two residents in a row on one tablet, by keyboard only, at 320 px,
with and without JavaScript; axe-core finds zero WCAG 2.1 A/AA violations on every page.

After voter 1 is done, nothing of them is on the device: not on voter 2's pages, not behind Back.
The helper's account is linked to no ballot (asserted on the database rows and the audit log).
"""

from __future__ import annotations

import contextlib
import os

import pytest

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login_in_browser
from tests.e2e.test_voting import voting_round  # noqa: F401  (the round fixture)

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them
IDEA_1, IDEA_2, IDEA_3 = "Moestuin bij de school", "Bankjes op het plein", "Buurtfeest in juni"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}, locale="nl-NL"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def phone_nojs(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 320, "height": 640},
        java_script_enabled=False,
        locale="nl-NL",
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def volunteer(round_):
    from wijkgeld.accounts.models import Role, User

    user = User.objects.create_user(username="balie-yasmin", password="correct horse battery")
    Role.objects.create(user=user, area=round_.fund.area, name="help_desk")
    return user


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element is focused: proves it is reachable by keyboard alone."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab on {page.url}")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"desk-{name}.png"), full_page=True)


def scan(page, js: bool) -> None:
    assert page.locator("html").get_attribute("lang") == "nl"
    if js:
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


def log_in(page, username: str) -> None:
    login_in_browser(page, username)
    page.wait_for_url(lambda url: "/account/login/" not in url)  # the login POST has landed


def open_desk(page, round_, js: bool) -> None:
    user = volunteer(round_)
    log_in(page, user.username)
    page.goto(f"/gebieden/{round_.fund.area.slug}/stemmen/balie/")
    scan(page, js)
    if js:
        tab_to(page, "form[action$='/openen/'] button")
        page.keyboard.press("Enter")
    else:
        page.click("form[action$='/openen/'] button")
    # The desk device's page, not the helper's page (/gebieden/…/stemmen/balie/) we came from.
    page.wait_for_url(lambda url: url.endswith("/stemmen/balie/") and "/gebieden/" not in url)
    scan(page, js)
    assert "Hulpbalie" in page.inner_text(".desk-banner") or "Help desk" in page.inner_text(".desk-banner")


def vote_by_keyboard(page, code: str, ideas: list[int], js: bool) -> str:
    tab_to(page, "#id_code")
    page.keyboard.type(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    page.wait_for_selector("#project-1")
    scan(page, js)
    for number in ideas:
        tab_to(page, f"#project-{number}")
        page.keyboard.press("Space")
    tab_to(page, "button[value=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_selector("button[value=cast]")
    scan(page, js)
    tab_to(page, "button[value=cast]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stemmen/bewijs/")
    scan(page, js)
    return page.inner_text(".receipt-code").strip()


def next_voter(page) -> None:
    tab_to(page, "form[action$='/stemmen/balie/volgende/'] button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stemmen/balie/")


def _content(page) -> str:
    for _ in range(10):
        try:
            page.wait_for_load_state("load")
            return page.content()
        except Exception:  # noqa: BLE001 - still navigating: wait and read again
            page.wait_for_timeout(200)
    return page.content()


def shows_nothing_of(page, code: str, titles: list[str]) -> None:
    text = _content(page)
    assert code not in text and code.replace("-", "") not in text, page.url
    for title in titles:
        assert title not in text, (title, page.url)


def back_shows_nothing(page, code: str, titles: list[str], steps: int = 4) -> None:
    """Press Back a few times: every page the browser shows has nothing of the previous voter."""
    for _ in range(steps):
        # Chromium may refuse to show a form result again (ERR_CACHE_MISS): that is fine.
        with contextlib.suppress(Exception):
            page.go_back(wait_until="load")
        shows_nothing_of(page, code, titles)


def check_database(round_, helper_name: str, expected_ballots: int) -> None:
    from wijkgeld.core.models import AuditEntry
    from wijkgeld.voting.models import Ballot, HelpDeskTally

    assert HelpDeskTally.objects.get(round=round_).ballots == expected_ballots
    rows = list(Ballot.objects.values())
    assert len(rows) == expected_ballots
    for row in rows:
        assert set(row) == {"id", "round_id", "code_id", "receipt", "channel", "approvals", "points"}
    # The audit log has the desk's opening by the helper, and nothing per ballot.
    actions = list(AuditEntry.objects.filter(actor__username=helper_name).values_list("action", flat=True))
    assert "voting.desk.opened" in actions
    assert set(actions) <= {"voting.desk.opened", "accounts.login.succeeded"}
    receipts = [r["receipt"] for r in rows]
    dump = str(list(AuditEntry.objects.values("data", "object_id", "action")))
    assert not any(receipt in dump for receipt in receipts)


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_two_residents_in_a_row_at_the_help_desk(request, voting_round, js):  # noqa: F811
    page = request.getfixturevalue("phone" if js else "phone_nojs")
    round_, codes = voting_round()
    open_desk(page, round_, js)
    # The helper is logged out: the resident at the tablet cannot reach the helper's pages.
    assert "Inloggen" in page.inner_text("header") or "Log in" in page.inner_text("header")

    shot(page, f"start-320-{js}")
    vote_by_keyboard(page, codes[0], [1, 2], js)
    shot(page, f"receipt-320-{js}")
    assert IDEA_1 in page.inner_text("main") and IDEA_2 in page.inner_text("main")
    next_voter(page)
    scan(page, js)
    shows_nothing_of(page, codes[0], [IDEA_1, IDEA_2])
    back_shows_nothing(page, codes[0], [IDEA_1, IDEA_2])

    page.goto("/stemmen/balie/")
    assert page.input_value("#id_code") == ""
    vote_by_keyboard(page, codes[1], [3], js)
    main = page.inner_text("main")
    assert IDEA_3 in main and IDEA_1 not in main and IDEA_2 not in main
    next_voter(page)
    back_shows_nothing(page, codes[1], [IDEA_3])
    check_database(round_, "balie-yasmin", 2)


def test_help_desk_pages_for_the_helper_and_committee_are_accessible(page, voting_round):  # noqa: F811
    from wijkgeld.accounts.models import Role, User

    round_, _codes = voting_round()
    area = round_.fund.area
    member = User.objects.create_user(username="lid-desk", password="correct horse battery")
    Role.objects.create(user=member, area=area, name="fund_committee")
    log_in(page, member.username)
    page.goto(f"/gebieden/{area.slug}/stemmen/balie/")
    assert_accessible(page)
    shot(page, "home-1280")
    page.fill("#id_letter", "0")  # bad input: the error is next to the field, nothing is asked for
    page.click("form[action$='/vervangen/'] button")
    assert page.locator("#id_letter[aria-invalid=true]").count() == 1
    assert_accessible(page)
    page.goto(f"/gebieden/{area.slug}/stemmen/balie/vrijwilligers/")
    assert_accessible(page)
    page.click("main form button[type=submit]")  # empty form: errors next to the fields
    assert_accessible(page)
    shot(page, "volunteers-1280")
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    shot(page, "volunteers-320")
    page.goto(f"/gebieden/{area.slug}/stemmen/balie/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    shot(page, "home-320")

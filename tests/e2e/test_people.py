"""People pages in real Chromium: zero axe violations, 320 px, keyboard only, no JavaScript."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from tests.conftest import login
from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from wijkgeld.accounts.models import User
from wijkgeld.money.structure import load_structure
from wijkgeld.people.models import Commission, CommunityBuilder, Interest, Milestone, Placement, WorkRole

pytestmark = pytest.mark.django_db(transaction=True)
Z = "/gebieden/rotterdam-zuid"
M = f"{Z}/mensen"


@pytest.fixture
def demo():
    load_structure()
    call_command("demo", quiet=True)


def log_in(page, live_server, username: str) -> None:
    client = Client()
    login(client, User.objects.get(username=username))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _ids():
    placement = Placement.objects.filter(area__slug="rotterdam-zuid", ended_on__isnull=True).first()
    commission = Commission.objects.filter(
        area__slug="rotterdam-zuid", given_by="delegates", status="given"
    ).first()
    proposed = Commission.objects.filter(area__slug="rotterdam-zuid", status="proposed").first()
    builder = CommunityBuilder.objects.filter(area__slug="rotterdam-zuid").first()
    return placement, commission, proposed, builder


def test_public_pages_have_no_axe_violations(page, demo):
    role = WorkRole.objects.filter(area__slug="rotterdam-zuid").first()
    for path in (f"{M}/", "/gebieden/utrecht-overvecht/mensen/", f"{M}/rollen/{role.pk}/"):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "nl"
        assert_accessible(page)
    assert "minder dan 5" in page.goto("/gebieden/utrecht-overvecht/mensen/").text()
    page.goto(f"{M}/rollen/{role.pk}/")
    page.click("main button[type=submit]")
    assert page.locator(".utrecht-form-field-error-message").count() >= 1
    assert_accessible(page)


def test_member_pages_have_no_axe_violations(page, live_server, demo):
    placement, commission, proposed, builder = _ids()
    urls = [
        ("coordinator-bloemhof", f"{M}/begeleiding/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/deelnemers/{placement.pk}/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/deelnemers/nieuw/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/rollen/nieuw/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/deelnemers/{placement.pk}/toestemming-intrekken/"),
        ("gemeente-rotterdam", f"{M}/begeleiding/"),
        ("programma", f"{M}/plaatsingen/"),
        ("programma", f"{M}/plaatsingen/{placement.pk}/vergoeding/"),
        ("programma", f"{M}/taken/"),
        ("financien", f"{M}/plaatsingen/{placement.pk}/vergoeding/"),
        ("financien", f"{M}/opdrachten/{commission.pk}/"),
        ("afgevaardigde", f"{M}/wijkbouwers/"),
        ("afgevaardigde", f"{M}/wijkbouwers/{builder.pk}/"),
        ("afgevaardigde", f"{M}/opdrachten/nieuw/"),
        ("afgevaardigde", f"{M}/opdrachten/{proposed.pk}/"),
        ("commissie", f"{M}/wijkbouwers/"),
        ("wijkverbinder-amal", f"{M}/wijkbouwers/{builder.pk}/"),
        ("buurtkeuken", f"{M}/opdrachten/{commission.pk}/"),
    ]
    for username, path in urls:
        page.context.clear_cookies()
        log_in(page, live_server, username)
        response = page.goto(path)
        assert response.status == 200, (username, path)
        assert_accessible(page)


def test_a_form_with_a_warning_has_no_axe_violations(page, live_server, demo, settings):
    placement, *_rest = _ids()
    log_in(page, live_server, "coordinator-bloemhof")
    page.goto(f"{M}/begeleiding/deelnemers/{placement.pk}/")
    page.fill("#id_month", "2026-11")
    page.fill("#id_hours", "12")
    page.fill("#id_allowance", "2500")
    page.get_by_role("button", name="Uren opslaan").click()
    assert "maximum" in page.text_content("main")
    assert_accessible(page)


def test_pages_fit_a_320px_phone(small_page, live_server, demo):
    placement, commission, _proposed, _builder = _ids()
    for username, path in [
        (None, f"{M}/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/"),
        ("coordinator-bloemhof", f"{M}/begeleiding/deelnemers/{placement.pk}/"),
        ("afgevaardigde", f"{M}/opdrachten/{commission.pk}/"),
        ("afgevaardigde", f"{M}/wijkbouwers/"),
    ]:
        small_page.context.clear_cookies()
        if username:
            log_in(small_page, live_server, username)
        small_page.goto(path)
        assert_no_horizontal_scroll(small_page)
        assert_accessible(small_page)


def test_keyboard_from_area_page_to_interest_form(page, demo):
    page.goto(f"{Z}/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Werk en wijkverbinders":
            break
    else:
        pytest.fail("the people link was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mensen/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Klusser in de werkplaats":
            break
    else:
        pytest.fail("the first role was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/rollen/*/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_name":
            break
    page.keyboard.type("Toetsenbord Bewoner")
    page.keyboard.press("Tab")
    page.keyboard.type("toets@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mensen/")
    assert Interest.objects.filter(name="Toetsenbord Bewoner").exists()


def test_interest_and_milestone_without_javascript(nojs_page, live_server, demo):
    role = WorkRole.objects.filter(area__slug="rotterdam-zuid", is_open=True).first()
    nojs_page.goto(f"{M}/rollen/{role.pk}/")
    nojs_page.fill("#id_name", "Zonder Script")
    nojs_page.fill("#id_phone", "0611111111")
    nojs_page.click("main button[type=submit]")
    assert "neemt contact met u op" in nojs_page.content()
    placement, *_rest = _ids()
    log_in(nojs_page, live_server, "coordinator-bloemhof")
    nojs_page.goto(f"{M}/begeleiding/deelnemers/{placement.pk}/")
    nojs_page.select_option("#id_kind", "training_done")
    nojs_page.fill("#id_reached_on", "2026-11-20")
    nojs_page.get_by_role("button", name="Mijlpaal vastleggen").click()
    assert "Opgeslagen." in nojs_page.content()
    assert Milestone.objects.filter(placement=placement, kind="training_done").exists()

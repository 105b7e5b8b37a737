"""Money and collectives pages in real Chromium: zero axe violations, 320 px, keyboard only, no JS."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from tests.conftest import login
from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from wijkgeld.accounts.models import User
from wijkgeld.money.models import BudgetLine, Commitment, Payment, SupportRequest
from wijkgeld.money.structure import load_structure

pytestmark = pytest.mark.django_db(transaction=True)
Z = "/gebieden/rotterdam-zuid"


@pytest.fixture
def demo():
    load_structure()  # transactional tests flush the rows the data migration made
    call_command("demo", quiet=True)


def log_in(page, live_server, username: str) -> None:
    """Share a Django session (second step done) with the browser: works for 2FA roles too."""
    client = Client()
    login(client, User.objects.get(username=username))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def member_urls() -> list[tuple[str, str]]:
    line = BudgetLine.objects.get(area__slug="rotterdam-zuid", code="wijkverbinders", year=2026)
    commitment = Commitment.objects.filter(line__area__slug="rotterdam-zuid", is_local=False).first()
    support = SupportRequest.objects.filter(status="proposed").first()
    return [
        ("financien", f"{Z}/geld/2026/"),
        ("financien", f"{Z}/geld/posten/{line.pk}/"),
        ("financien", f"{Z}/geld/posten/{line.pk}/verplichting/"),
        ("financien", f"{Z}/geld/verplichtingen/{commitment.pk}/"),
        ("financien", f"{Z}/geld/verplichtingen/{commitment.pk}/betalen/"),
        ("financien", f"{Z}/geld/2026/subsidie/"),
        ("financien", f"{Z}/geld/posten/{line.pk}/doorschuiven/"),
        ("afgevaardigde", f"{Z}/ondersteuning/"),
        ("afgevaardigde", f"{Z}/ondersteuning/nieuw/"),
        ("afgevaardigde", f"{Z}/ondersteuning/{support.pk}/"),
        ("afgevaardigde", f"{Z}/bewonersinitiatieven/controleren/"),
    ]


@pytest.mark.parametrize(
    "path",
    [
        f"{Z}/geld/2026/",
        f"{Z}/geld/2028/",
        f"{Z}/bewonersinitiatieven/",
        f"{Z}/bewonersinitiatieven/aanmelden/",
    ],
)
def test_public_pages_have_no_axe_violations(page, demo, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)


def test_member_pages_have_no_axe_violations(page, live_server, demo):
    for username, path in member_urls():
        page.context.clear_cookies()
        log_in(page, live_server, username)
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)


def test_forms_with_errors_have_no_axe_violations(page, live_server, demo):
    line = BudgetLine.objects.get(area__slug="rotterdam-zuid", code="wijkverbinders", year=2026)
    log_in(page, live_server, "programma")
    page.goto(f"{Z}/geld/posten/{line.pk}/verplichting/")
    page.select_option("#id_recipient_organisation", label="Huiswerkinstituut Randstad (demo)")
    page.fill("#id_amount", "12,345")
    page.fill("#id_description", "Test")
    page.click("main button[type=submit]")
    assert "twee cijfers achter de komma" in page.content()
    assert_accessible(page)
    page.goto(f"{Z}/bewonersinitiatieven/aanmelden/")
    page.click("main button[type=submit]")
    assert page.locator(".utrecht-form-field-error-message").count() >= 2
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", [f"{Z}/geld/2026/", f"{Z}/bewonersinitiatieven/", f"{Z}/bewonersinitiatieven/aanmelden/"]
)
def test_pages_fit_a_320px_phone(small_page, demo, path):
    small_page.goto(path)
    assert_no_horizontal_scroll(small_page)
    assert_accessible(small_page)


def test_member_forms_fit_a_320px_phone(small_page, live_server, demo):
    line = BudgetLine.objects.get(area__slug="rotterdam-zuid", code="wijkverbinders", year=2026)
    log_in(small_page, live_server, "financien")
    for path in [f"{Z}/geld/posten/{line.pk}/verplichting/", f"{Z}/geld/posten/{line.pk}/"]:
        small_page.goto(path)
        assert_no_horizontal_scroll(small_page)


def test_keyboard_from_area_page_to_finance_table(page, demo):
    page.goto(f"{Z}/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()").startswith(
            "Geld: waar het naartoe gaat"
        ):
            break
    else:
        pytest.fail("the finance link was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/geld/20*/")
    # The table region is focusable so keyboard users can scroll it.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "region":
            break
    else:
        pytest.fail("the scrollable table was not reachable with Tab")


def test_commit_and_pay_without_javascript(nojs_page, live_server, demo):
    line = BudgetLine.objects.get(area__slug="rotterdam-zuid", code="wijkverbinders", year=2026)
    log_in(nojs_page, live_server, "financien")
    nojs_page.goto(f"{Z}/geld/posten/{line.pk}/verplichting/")
    nojs_page.select_option("#id_recipient_organisation", label="Moestuin Tarwewijk")
    nojs_page.fill("#id_amount", "2.500")
    nojs_page.fill("#id_description", "Zaden en gereedschap")
    nojs_page.click("main button[type=submit]")
    assert "De verplichting is geboekt." in nojs_page.content()
    commitment = Commitment.objects.get(description="Zaden en gereedschap")
    assert commitment.is_local and commitment.amount_cents == 250_000
    nojs_page.get_by_role("link", name="Betalen", exact=True).click()
    nojs_page.fill("#id_amount", "2500")
    nojs_page.fill("#id_description", "Factuur 1")
    nojs_page.click("main button[type=submit]")
    assert "De betaling is geboekt." in nojs_page.content()
    assert Payment.objects.get(commitment=commitment).status == "completed"


def test_register_a_collective_without_javascript(nojs_page, demo):
    nojs_page.goto(f"{Z}/bewonersinitiatieven/aanmelden/")
    nojs_page.fill("#id_name", "Fietsclub Feijenoord")
    nojs_page.check("input[name=kind][value=resident_collective]")
    nojs_page.select_option("#id_legal_form", "informal")
    nojs_page.fill("#id_activities", "Samen fietsen repareren")
    nojs_page.click("main button[type=submit]")
    assert "Jullie initiatief is aangemeld" in nojs_page.content()

"""Issue 13 in real Chromium with axe (WCAG 2.1 A/AA): the public register of commitments and awards,
the three tiers, the delegates approving a change to their own line, the partners' documents."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.test_money import log_in
from wijkgeld.money import services
from wijkgeld.money.models import LineChange
from wijkgeld.money.structure import load_structure

pytestmark = pytest.mark.django_db(transaction=True)
Z = "/gebieden/rotterdam-zuid"


@pytest.fixture
def demo():
    load_structure()
    call_command("demo", quiet=True)


def test_register_of_commitments_is_public_accessible_and_fits_a_phone(page, small_page, demo):
    page.goto(f"{Z}/geld/register/")
    html = page.content()
    assert "Gemeente Rotterdam" in html and "Buiten de wijk" in html and "Moestuin Tarwewijk" in html
    assert_accessible(page)
    page.select_option("#id_year", "2026")
    page.click("main button[type=submit]")
    assert "year=2026" in page.url
    assert_accessible(page)
    small_page.goto(f"{Z}/geld/register/")
    assert_no_horizontal_scroll(small_page)
    assert_accessible(small_page)
    page.goto(f"{Z}/geld/2026/")
    assert "Door bewoners geleid" in page.content()  # the headline tier
    assert_accessible(page)


def test_register_filter_works_without_javascript(nojs_page, demo):
    nojs_page.goto(f"{Z}/geld/register/")
    nojs_page.select_option("#id_year", "2027")
    nojs_page.click("main button[type=submit]")
    assert "Er is nog geen geld verplicht." in nojs_page.content()


def test_delegates_approve_a_change_to_their_line(page, live_server, demo):
    change = LineChange.objects.get(line__area__slug="rotterdam-zuid", status="proposed")
    line = change.line
    before = services.line_available_cents(line)
    for username in ("afgevaardigde", "afgevaardigde2"):
        page.context.clear_cookies()
        log_in(page, live_server, username)
        page.goto(f"{Z}/ondersteuning/")
        assert "wacht op instemming" in page.content()
        assert_accessible(page)
        page.get_by_role("link", name="Geld naar een ander jaar schuiven").first.click()
        assert_accessible(page)
        page.check("input[name=approve][value=yes]")
        page.fill("#id_comment", "Akkoord, training schuift op")
        page.click("main form button[type=submit]")
        assert "Uw antwoord is opgeslagen." in page.content()
        assert_accessible(page)
    change.refresh_from_db()
    assert change.status == "applied"
    assert services.line_available_cents(line) == before - change.amount_cents
    assert "Uitgevoerd" in page.content()


def test_staff_proposal_form_and_partner_documents_are_accessible(page, live_server, demo):
    change = LineChange.objects.get(line__area__slug="rotterdam-zuid", status="proposed")
    log_in(page, live_server, "programma")
    page.goto(f"{Z}/ondersteuning/posten/{change.line_id}/wijziging/")
    assert_accessible(page)
    page.click("main button[type=submit]")  # empty: errors next to the fields, nothing booked
    assert page.locator(".utrecht-form-field-error-message").count() >= 1
    assert_accessible(page)
    page.context.clear_cookies()
    log_in(page, live_server, "partner-woonstad")
    page.goto(f"{Z}/alliantie/documenten/")
    html = page.content()
    assert "Monitor eerste kwartaal 2026" in html and "Niet op hetzelfde moment gedeeld" in html
    assert_accessible(page)

"""Home, area and login pages in real Chromium: zero axe violations, keyboard-only, 320 px, no JS."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from wijkgeld.areas.demo import load_nplv_areas

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def areas():
    load_nplv_areas()


@pytest.mark.parametrize("path", ["/", "/gebieden/rotterdam-zuid/", "/account/login/", "/gebieden/nergens/"])
def test_pages_have_no_axe_violations(page, areas, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)


def test_english_pages_have_no_axe_violations(page, areas):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Money for the neighbourhood")
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/gebieden/rotterdam-zuid/", "/account/login/"])
def test_pages_fit_a_320px_phone(small_page, areas, path):
    small_page.goto(path)
    assert_no_horizontal_scroll(small_page)
    assert_accessible(small_page)


def test_keyboard_only_from_home_to_area_page(page, areas):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"  # the skip link comes first
    page.keyboard.press("Enter")
    # Tab forward until the Rotterdam-Zuid link has focus, then follow it with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Rotterdam-Zuid":
            break
    else:
        pytest.fail("Rotterdam-Zuid was not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focused link has no visible focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url("**/gebieden/rotterdam-zuid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rotterdam-Zuid"


def test_language_switch_and_login_work_without_javascript(nojs_page, areas, django_user_model):
    django_user_model.objects.create_user(username="kees", password="correct horse battery")
    nojs_page.goto("/")
    nojs_page.get_by_role("button", name="English").click()
    assert nojs_page.locator("html").get_attribute("lang") == "en"
    nojs_page.goto("/account/login/")
    nojs_page.fill("#id_username", "kees")
    nojs_page.fill("#id_password", "wrong password")
    nojs_page.click("main button[type=submit]")
    assert "not correct" in nojs_page.content()


def test_staff_logs_in_with_two_steps_and_manages_roles(page, areas, django_user_model):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkgeld.accounts.models import Role
    from wijkgeld.areas.models import Area

    area = Area.objects.get(slug="rotterdam-zuid")
    eva = django_user_model.objects.create_user(username="eva", password="correct horse battery")
    Role.objects.create(user=eva, area=area, name="programme_staff")
    device = TOTPDevice.objects.create(user=eva, name="phone", confirmed=True)
    page.goto("/account/login/")
    page.fill("#id_username", "eva")
    page.fill("#id_password", "correct horse battery")
    page.click("main button[type=submit]")
    page.wait_for_url("**/two-step/**")
    assert_accessible(page)
    page.fill("#id_token", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    page.goto("/gebieden/rotterdam-zuid/rollen/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Wie heeft welke rol")
    # Not herself (nobody grants a role to themselves, and staff is never a delegate in the same area):
    # a resident chosen by the wijkraad.
    django_user_model.objects.create_user(username="sanne", password="x" * 20, email="sanne@example.org")
    page.fill("#id_username", "sanne")
    page.select_option("#id_role", "resident_delegate")
    page.select_option("#id_chosen_by", "wijkraad")
    page.fill("#id_chosen_reference", "Wijkraad Charlois, 3 november 2026")
    page.fill("#id_until", (dt.date.today() + dt.timedelta(days=700)).isoformat())
    page.get_by_role("button", name="Rol geven", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("De rol is gegeven.").is_visible()
    assert Role.objects.filter(user__username="sanne", area=area, name="resident_delegate").exists()
    assert not Role.objects.filter(user=eva, name="resident_delegate").exists()
    assert_accessible(page)

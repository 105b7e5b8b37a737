"""Role pages in real Chromium: zero axe violations, 320 px, and giving a delegate role without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tests.conftest import login
from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from wijkgeld.accounts.models import Role, User
from wijkgeld.money.structure import load_structure

pytestmark = pytest.mark.django_db(transaction=True)
Z = "/gebieden/rotterdam-zuid"


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


def test_role_pages_have_no_axe_violations(page, live_server, demo):
    for username, path in [("programma", f"{Z}/rollen/"), ("afgevaardigde", f"{Z}/rollen/wijzigingen/")]:
        page.context.clear_cookies()
        log_in(page, live_server, username)
        assert page.goto(path).status == 200, path
        assert_accessible(page)
    # The delegates see who chose them, with the reference and the end of the term.
    assert "Bewonersplatform, vergadering 12 maart 2026" in page.content()
    # The form with an error from the rules.
    page.context.clear_cookies()
    log_in(page, live_server, "programma")
    page.goto(f"{Z}/rollen/")
    page.fill("#id_username", "afgevaardigde")
    page.select_option("#id_role", "fund_committee")
    page.get_by_role("button", name="Rol geven", exact=True).click()
    assert page.locator("#id_chosen_by_error").count() == 1
    assert_accessible(page)


def test_role_history_fits_a_320px_phone(small_page, live_server, demo):
    log_in(small_page, live_server, "afgevaardigde")
    small_page.goto(f"{Z}/rollen/wijzigingen/")
    assert_no_horizontal_scroll(small_page)


def test_give_a_delegate_role_to_a_new_account_without_javascript(nojs_page, live_server, demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    log_in(nojs_page, live_server, "programma")
    nojs_page.goto(f"{Z}/rollen/")
    nojs_page.fill("#id_username", "yasmina")
    nojs_page.fill("#id_display_name", "Yasmina")
    nojs_page.fill("#id_email", "yasmina@example.org")
    nojs_page.select_option("#id_role", "resident_delegate")
    nojs_page.get_by_role("button", name="Rol geven", exact=True).click()
    # Without the residents' choice the role is refused, with the reason next to the field, and no account
    # is left behind.
    assert nojs_page.locator("#id_chosen_by_error").count() == 1
    assert not User.objects.filter(username="yasmina").exists()
    nojs_page.select_option("#id_chosen_by", "wijkraad")
    nojs_page.fill("#id_chosen_reference", "Wijkraad Charlois, 3 november 2026")
    nojs_page.fill("#id_until", (dt.date.today() + dt.timedelta(days=700)).isoformat())
    mail.outbox.clear()  # the demo's own mails (proposers' links) are not this test's
    nojs_page.get_by_role("button", name="Rol geven", exact=True).click()
    content = nojs_page.content()
    assert "yasmina@example.org" in content
    assert "/account/wachtwoord/" not in content  # the link went by e-mail, not to this screen
    assert Role.objects.get(user__username="yasmina").chosen_by == "wijkraad"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["yasmina@example.org"]

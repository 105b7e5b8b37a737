"""The alliance demo story in real Chromium: a resident delegate prepares a meeting as an equal.

A delegate logs in, sees the upcoming meeting with all documents and their summaries, proposes an
agenda item and asks a question; the chair answers and plans the item; the public page shows the
decisions. axe-core finds nothing on the residents' meeting page and the public decisions page;
the resident pages work with the keyboard only, at 320 px and without JavaScript.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login_in_browser
from wijkgeld.areas.demo import DEMO_BACKUP_CODES, DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

AREA = "/gebieden/rotterdam-zuid/alliantie/"
MEETING_TITLE = "Alliantieoverleg: bewonersfonds en veiligheid"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--quiet")
    from wijkgeld.alliance.models import Meeting

    return {"meeting": f"{AREA}overleg/{Meeting.objects.get(title=MEETING_TITLE).pk}/"}


def _login(page, username):
    login_in_browser(page, username, DEMO_PASSWORD)
    page.wait_for_load_state()


def test_demo_story(page, demo):
    # 1. The delegate sees the upcoming meeting with every document, summary first, and the warning.
    _login(page, "afgevaardigde")
    page.goto(AREA)
    page.get_by_role("link", name=MEETING_TITLE).first.click()
    page.wait_for_url(f"**{demo['meeting']}")
    assert page.locator("html").get_attribute("lang") == "nl"
    main = page.locator("main")
    assert main.get_by_role("heading", name="De stukken waren te laat bij de bewoners").is_visible()
    for title, summary in (
        ("Plan bewonersfonds 2026", "Bewoners beslissen zelf over 150.000 euro."),
        ("Notitie veiligheid Tarwewijk", "Politie en corporatie willen meer verlichting"),
    ):
        card = main.locator("article", has=page.get_by_role("heading", name=title))
        text = card.inner_text()
        assert summary in text
        assert text.index("In het kort") < text.index("Download het hele stuk")
    assert "Speelplekken in de Tarwewijk" in main.inner_text()  # proposed by a delegate, planned
    assert_accessible(page)

    # 2. She proposes an agenda item.
    page.get_by_role("link", name="Een agendapunt voorstellen").first.click()
    page.get_by_label("Waarover wilt u praten?").fill("Bankjes op het Afrikaanderplein")
    page.get_by_label("Korte uitleg").fill("Ouderen kunnen nergens zitten. Wij willen meer bankjes.")
    page.get_by_role("button", name="Voorstel versturen").click()
    assert "Dank u wel" in page.locator(".messages").inner_text()
    assert "Bankjes op het Afrikaanderplein" in page.locator("main").inner_text()

    # 3. She asks a question about the safety note.
    page.goto(demo["meeting"])
    page.get_by_role("link", name="0 vragen over Notitie veiligheid Tarwewijk").click()
    page.get_by_label("Uw vraag over dit stuk").fill("Worden bewoners gevraagd waar de camera's komen?")
    page.get_by_role("button", name="Vraag versturen").click()
    assert "Uw vraag is verstuurd" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Uitloggen").click()

    # 4. The chair (programme staff, two-step login) answers and plans the item.
    _login(page, "programma")
    page.fill("#id_token", DEMO_BACKUP_CODES[0])
    page.locator("main button[type=submit]").click()
    page.goto(demo["meeting"])
    page.get_by_role("link", name="1 vraag over Notitie veiligheid Tarwewijk").click()
    page.get_by_role("link", name="Deze vraag beantwoorden").click()
    page.get_by_label("Antwoord").fill("Ja. In juni is er een bewonersavond over de plekken.")
    page.get_by_role("button", name="Antwoord publiceren").click()
    assert "zichtbaar voor alle leden" in page.locator(".messages").inner_text()
    page.goto(AREA + "agendapunten/")
    page.get_by_role("link", name="Plannen, aannemen of afwijzen – Bankjes op het Afrikaanderplein").click()
    page.get_by_label("Plannen voor een overleg").check()
    page.locator("#id_meeting").select_option(label=MEETING_TITLE)
    page.get_by_label("Reden of uitleg voor de afgevaardigden").fill("Goed punt, we bespreken het.")
    page.get_by_role("button", name="Beslissing opslaan").click()
    assert "zichtbaar voor alle afgevaardigden" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Uitloggen").click()

    # 5. The delegate sees the answer and the planned item.
    _login(page, "afgevaardigde")
    page.goto(demo["meeting"])
    assert "Bankjes op het Afrikaanderplein" in page.locator("main").inner_text()
    page.get_by_role("link", name="1 vraag over Notitie veiligheid Tarwewijk").click()
    assert "In juni is er een bewonersavond" in page.locator("main").inner_text()

    # 6. The public sees the decisions, but nothing members-only.
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(AREA + "besluiten/")
    text = page.locator("main").inner_text()
    assert "60.000 euro voor ondersteuning van bewonersafgevaardigden" in text
    assert "60.000,00" in text
    assert "Personele invulling programmabureau" not in text
    assert_accessible(page)


@pytest.mark.parametrize("path", [AREA, AREA + "besluiten/", "/gebieden/delft-west/alliantie/"])
def test_public_alliance_pages_are_accessible(page, demo, path):
    page.goto("/gebieden/rotterdam-zuid/")
    page.get_by_role("link", name="Alliantie: wie aan tafel zit, overleggen en besluiten").click()
    page.wait_for_url(f"**{AREA}")
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)


def test_resident_pages_fit_a_320px_phone(small_page, demo):
    _login(small_page, "afgevaardigde")
    small_page.goto(demo["meeting"])
    document = small_page.get_by_role(
        "link", name="0 vragen over Notitie veiligheid Tarwewijk"
    ).get_attribute("href")
    for path in (
        AREA,
        AREA + "besluiten/",
        demo["meeting"],
        document,
        AREA + "agendapunten/",
        AREA + "agendapunten/voorstellen/",
    ):
        small_page.goto(path)
        assert_no_horizontal_scroll(small_page)
        assert_accessible(small_page)


def test_keyboard_only_proposal(page, demo):
    _login(page, "afgevaardigde")
    page.goto(demo["meeting"])

    def tab_to(text: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == text:
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", f"{text!r} has no visible focus"
                return
        pytest.fail(f"{text!r} was not reachable with Tab")

    tab_to("Een agendapunt voorstellen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/agendapunten/voorstellen/")
    page.keyboard.press("Tab")
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "id_title":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("Straatverlichting")
    page.keyboard.press("Tab")
    page.keyboard.type("Het is donker bij de bushalte.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Voorstel versturen"
    page.keyboard.press("Enter")
    page.wait_for_url("**/agendapunten/")
    assert "Straatverlichting" in page.locator("main").inner_text()


def test_proposal_and_question_work_without_javascript(nojs_page, demo):
    _login(nojs_page, "afgevaardigde")
    nojs_page.goto(AREA + "agendapunten/voorstellen/")
    nojs_page.get_by_role("button", name="Voorstel versturen").click()
    assert nojs_page.locator("#id_title_error").is_visible()  # the error sits next to the field
    nojs_page.get_by_label("Waarover wilt u praten?").fill("Groen")
    nojs_page.get_by_label("Korte uitleg").fill("Meer bomen.")
    nojs_page.get_by_role("button", name="Voorstel versturen").click()
    assert "Groen" in nojs_page.locator("main").inner_text()

"""Five languages: the switch, the choice that persists, right to left, staff pages in nl/en, amounts per locale,
and the language of what residents type (docs/languages.md)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from wijkgeld.core.languages import content_language, page_language, switch_languages
from wijkgeld.core.money import format_euros

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_each_language_is_named_in_its_own_language_whatever_the_page_language():
    with translation.override("tr"):
        names = dict(settings.LANGUAGES)
    assert names == {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية", "pl": "Polski"}
    assert settings.LANGUAGE_CODE == "nl"
    assert translation.get_language_info("ar")["bidi"] is True


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "€\u00a01.234.567,89"),
        ("en", "€1,234,567.89"),
        ("tr", "€1.234.567,89"),
        ("pl", "1\u00a0234\u00a0567,89\u00a0€"),
        ("ar", "\u2066€\u00a01.234.567,89\u2069"),  # Western digits, isolated left to right
    ],
)
def test_amounts_follow_the_language(language, text):
    assert format_euros(123456789, language=language) == text


def test_amounts_are_exact_for_the_largest_sums_and_negative_ones():
    """Integer arithmetic only: a float would lose the last cent of an amount this large."""
    assert format_euros(10**15 + 1, language="pl").endswith(",01\u00a0€")
    assert format_euros(-5, language="tr") == "-€0,05"
    assert format_euros(7, language="xx") == "€0.07"  # an unknown language reads as English


@pytest.mark.parametrize(
    ("language", "text"), [("nl", "12,3%"), ("en", "12.3%"), ("tr", "12,3%"), ("pl", "12,3%")]
)
def test_percentages_use_the_decimal_separator_of_the_language(language, text):
    with translation.override(language):
        assert (
            Template("{% load wijkgeld %}{{ value|percent }}").render(Context({"value": Decimal("0.1234")}))
            == text
        )


def test_dates_use_the_language_and_western_digits():
    import datetime as dt

    from django.utils.formats import date_format

    day = dt.date(2026, 3, 3)
    with translation.override("ar"):
        text = date_format(day, "DATE_FORMAT")
    assert "2026" in text and "3" in text  # 0-9, not Arabic-Indic digits
    with translation.override("pl"):
        assert date_format(day, "DATE_FORMAT") == "3 marca 2026"


@pytest.mark.django_db
def test_resident_pages_offer_five_languages_each_marked_with_its_language(client):
    html = client.get("/").content.decode()
    for code, name in settings.LANGUAGES:
        assert f'value="{code}"' in html and f'lang="{code}"' in html and name in html
    assert '<html lang="nl" dir="ltr"' in html


@pytest.mark.django_db
def test_arabic_pages_run_right_to_left(client):
    client.cookies[COOKIE] = "ar"
    response = client.get("/stemmen/")
    assert '<html lang="ar" dir="rtl"' in response.content.decode()
    assert response["Content-Language"] == "ar"


@pytest.mark.django_db
def test_the_switch_sets_a_cookie_that_persists_and_returns_to_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "tr", "next": "/stemmen/"})
    assert response.status_code == 302 and response["Location"] == "/stemmen/"
    assert client.cookies[COOKIE].value == "tr"
    assert '<html lang="tr"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_letter_link_chooses_the_language_and_keeps_it(client):
    response = client.get("/stemmen/?lang=pl")
    assert '<html lang="pl"' in response.content.decode()
    assert response.cookies[COOKIE].value == "pl"
    assert '<html lang="pl"' in client.get("/").content.decode()
    # The switch returns to the page without the letter's lang=, which would otherwise overrule the new choice.
    assert 'name="next" value="/stemmen/"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["xx", "", "ar<script>", "../nl", "EN"])
def test_an_unknown_language_in_a_link_changes_nothing(client, value):
    response = client.get("/stemmen/", {"lang": value})
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()
    assert COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_post_cannot_choose_the_language_with_lang(client):
    """Only the switch (Django's set_language, with its CSRF check) and GET links choose a language."""
    client.post("/stemmen/?lang=ar", {"code": "x"})
    assert COOKIE not in client.cookies


def test_staff_pages_stay_dutch_or_english():
    assert page_language("tr", "/account/login/") == "en"
    assert page_language("ar", "/gebieden/x/stemmen/beheer/") == "en"
    assert page_language("nl", "/gebieden/x/stemmen/beheer/") == "nl"
    assert page_language("pl", "/stemmen/") == "pl"
    assert page_language("pl", "/no/such/page/") == "pl"  # the 404 page is for residents too
    assert [o["code"] for o in switch_languages("/account/login/")] == ["nl", "en"]
    assert [o["dir"] for o in switch_languages("/")] == ["ltr", "ltr", "ltr", "rtl", "ltr"]


@pytest.mark.django_db
def test_a_staff_page_in_english_for_a_visitor_who_chose_arabic(client):
    client.cookies[COOKIE] = "ar"
    html = client.get("/account/login/").content.decode()
    assert '<html lang="en" dir="ltr"' in html
    assert 'value="ar"' not in html  # the switch there offers Dutch and English only


def test_typed_text_keeps_the_language_it_was_written_in():
    assert content_language("tr") == "tr"
    assert content_language("xx") == "nl"
    with translation.override("ar"):
        assert content_language() == "ar"
    with translation.override("en-gb"):
        assert content_language(None) == "en"


def test_content_is_marked_with_its_language_and_direction():
    class Idea:
        content_language = "ar"

    html = Template("{% load wijkgeld %}<h2 {{ idea|content_lang }}>x</h2>").render(Context({"idea": Idea()}))
    assert html == '<h2 lang="ar" dir="auto">x</h2>'
    assert 'lang="nl"' in Template("{% load wijkgeld %}{{ x|content_lang }}").render(Context({"x": object()}))


def test_postcodes_and_codes_stay_left_to_right_and_the_rest_is_escaped():
    html = Template("{% load wijkgeld %}{{ text|ltr_runs }}").render(
        Context({"text": "مثلًا 3083 AB <script>x</script> ABCD-EFGH-JKMN-PQRS"})
    )
    assert '<bdi dir="ltr">3083 AB</bdi>' in html
    assert '<bdi dir="ltr">ABCD-EFGH-JKMN-PQRS</bdi>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_an_idea_stores_the_language_of_the_form(monkeypatch):
    import datetime as dt

    from django.utils import timezone

    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Round
    from wijkgeld.fund.services.ideas import idea_submit

    area = Area.objects.create(name="Taalwijk", slug="taalwijk", municipality="Teststad", cbs_code="GM0599")
    fund = Fund.objects.create(area=area, name="Fonds")
    now = timezone.now()
    round_ = Round.objects.create(
        fund=fund,
        title="Ronde",
        year=2026,
        budget_cents=10_000_00,
        phase=Round.Phase.IDEAS,
        ideas_start=now - dt.timedelta(days=3),
        assessment_start=now + dt.timedelta(days=3),
    )
    common = {"round": round_, "summary": "s", "description": "d", "estimated_cost_cents": 100_00}
    common |= {"contact_name": "A", "contact_email": "a@example.org"}
    with translation.override("tr"):
        turkish, _token = idea_submit(title="Oyun parkı", **common)
    dutch, _token = idea_submit(title="Speeltuin", content_language="nl", **common)
    assert (turkish.content_language, dutch.content_language) == ("tr", "nl")

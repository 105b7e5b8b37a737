"""The results' explanations in the visitor's language: Turkish, Arabic and Polish too (issue 17)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from tests.fund.conftest import NOW, cast
from wijkgeld.fund import explain
from wijkgeld.fund.services.results import result_count, result_publish
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db

SELECTIONS = [("1", "3")] * 6 + [("2",)] * 4


@pytest.fixture
def published(voting_round, committee):
    cast(voting_round, committee, SELECTIONS)
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result = result_count(actor=committee, round=round_, now=NOW)
    result_publish(actor=committee, round=round_, now=NOW)
    return round_, result


def _page(client, round_, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/")


def test_a_turkish_visitor_reads_the_count_in_turkish(client, published):
    round_, _result = published
    page = _page(client, round_, "tr")
    html = page.content.decode()
    assert page.context["summary"]["lang"] == "tr"
    assert 'lang="tr" dir="ltr">Sayım kuralı: eşit paylar' in html
    assert "adımda seçildi" in html  # "funded in step ..." per idea
    assert "Bütçe: €" in page.context["summary"]["text"]  # amounts as Turkish pages write them: "€1.234,50"
    assert "Count with the rule" not in html and "funded in step" not in html
    assert 'lang="en"' not in html.split("<main", 1)[1]  # nothing left in English inside the page
    assert "--explain --language tr</code>" in html  # the command to recount explains in Turkish too


def test_an_arabic_visitor_reads_amounts_left_to_right(client, published):
    round_, _result = published
    html = _page(client, round_, "ar").content.decode()
    assert 'lang="ar" dir="rtl">العدّ بقاعدة' in html
    assert "\u2066€\u00a0" in html  # every amount isolated left to right, digits 0-9


def test_the_idea_page_explains_in_polish(client, published):
    round_, _result = published
    proposal = round_.proposals.get(number=1)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    page = client.get(proposal.get_absolute_url())
    assert page.context["project"]["lang"] == "pl"
    assert "wybrany" in page.context["project"]["text"]


def test_a_result_counted_before_the_translations_falls_back_to_marked_english(published):
    """Results stored before the engine spoke tr, ar and pl keep only Dutch and English texts."""
    _round, result = published
    stored = {"nl": "Telling met de regel", "en": "Count with the rule"}
    explanation = {"summary": stored, "projects": {"1": {"text": stored}}}
    with translation.override("tr"):
        assert explain.summary_sentence(explanation) == ("Count with the rule", "en")
        assert explain.project_sentence(explanation, "1") == ("Count with the rule", "en")
    with translation.override("nl"):
        assert explain.summary_sentence(explanation) == ("Telling met de regel", "nl")
    assert (explain.text_dir("en"), explain.text_dir("ar")) == (
        "ltr",
        "rtl",
    )  # English on an Arabic page: ltr
    new = result.explanation  # counted now: every language stored
    assert set(new["summary"]) == {"nl", "en", "tr", "ar", "pl"}
    with translation.override("pl"):
        text, lang = explain.summary_sentence(new)
        assert lang == "pl" and text.startswith("Liczenie według zasady")

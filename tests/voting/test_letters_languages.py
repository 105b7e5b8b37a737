"""Letters and the paper ballot in the language the issuing member picks; every letter says, in each of the
five languages, where to vote in that language; Arabic is shaped and set right to left."""

import io
import zipfile

import pytest
from django.conf import settings
from django.utils import translation

from tests.conftest import login
from wijkgeld.voting import letters
from wijkgeld.voting.models import CodeBatch, VotingCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(monkeypatch):
    lines: list[tuple[str, str]] = []
    original = letters._Letter.para

    def para(self, value, *args, **kwargs):
        lines.append((value, kwargs.get("align", "") or self.align))
        return original(self, value, *args, **kwargs)

    monkeypatch.setattr(letters._Letter, "para", para)
    return lines


def said(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_letter_is_printed_in_the_chosen_language(round_, codes, written, language):
    pdf = letters.letters_pdf(
        round=round_, codes=codes[:1], base_url="https://wijkgeld.example.org", language=language
    )
    assert pdf.startswith(b"%PDF")
    texts = [text for text, _align in written]
    assert said(language, "Your voting code:") in texts
    assert said(language, "How to vote:") in texts
    aligned = {align for text, align in written if text == said(language, "How to vote:")}
    assert aligned == {"R" if language == "ar" else "L"}


def test_every_letter_says_in_each_language_where_to_vote_in_it(round_, codes, written):
    letters.letters_pdf(round=round_, codes=codes[:1], base_url="https://wijkgeld.example.org", language="nl")
    texts = [text for text, _align in written]
    for code, _name in settings.LANGUAGES:
        url = f"https://wijkgeld.example.org/stemmen/?lang={code}"
        with translation.override(code):
            line = translation.gettext("In English: vote at %(url)s") % {"url": url}
        assert line in texts, code
    arabic = [align for text, align in written if "?lang=ar" in text and "stemmen" in text]
    assert arabic == ["R"]  # the Arabic line runs right to left, also in a Dutch letter


def test_the_qr_code_opens_the_ballot_in_the_letter_language(round_, codes):
    assert letters.ballot_url("https://x.org", codes[0], "tr").endswith(f"?code={codes[0]}&lang=tr")
    assert letters.ballot_url("https://x.org", codes[0]).endswith(f"?code={codes[0]}")  # Dutch: as before


def test_arabic_is_shaped_with_a_font_that_has_the_glyphs(round_, codes):
    pytest.importorskip("uharfbuzz")
    pdf = letters._Letter("ar")
    assert pdf.unicode and pdf.shaping and pdf.rtl, (
        "DejaVu fonts and uharfbuzz are needed (docs/languages.md)"
    )
    data = letters.letters_pdf(round=round_, codes=codes[:1], base_url="https://x.org", language="ar")
    assert b"DejaVuSans" in data


def test_the_paper_ballot_in_polish_and_arabic(round_, written):
    for language in ("pl", "ar"):
        assert letters.paper_ballot_pdf(round=round_, language=language).startswith(b"%PDF")
        assert said(language, "Your voting code (from your letter):") in [text for text, _a in written]


@pytest.mark.parametrize("value", ["xx", "", None, "de"])
def test_an_unknown_letter_language_prints_dutch(value):
    assert letters.letter_language(value) == "nl"


def _pending(round_, make_user, area):
    from wijkgeld.voting.batches import code_batch_request

    asker = make_user("fund_committee", area)
    return code_batch_request(actor=asker, round=round_, count=1)


def test_the_issuing_member_picks_the_letter_language(client, make_user, area, round_, monkeypatch):
    round_.phase = "preparation"
    round_.save()
    chosen = []
    original = letters.letters_pdf

    def spy(**kwargs):
        chosen.append(kwargs.get("language"))
        return original(**kwargs)

    monkeypatch.setattr(letters, "letters_pdf", spy)
    batch = _pending(round_, make_user, area)
    login(client, make_user("fund_committee", area))
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/{batch.pk}/uitgeven/"
    page = client.get(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/").content.decode()
    assert 'name="language"' in page and 'lang="ar"' in page
    response = client.post(url, {"language": "tr"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert chosen == ["tr"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        assert "lang=tr" in zf.read("codes.csv").decode()


def test_a_bad_letter_language_prints_dutch_and_a_resident_cannot_issue(
    client, make_user, area, round_, monkeypatch
):
    round_.phase = "preparation"
    round_.save()
    batch = _pending(round_, make_user, area)
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/{batch.pk}/uitgeven/"
    login(client, make_user("resident_delegate", area))
    assert client.post(url, {"language": "ar"}).status_code == 403
    assert CodeBatch.objects.get().status == "requested" and not VotingCode.objects.exists()
    login(client, make_user("fund_committee", area))
    response = client.post(url, {"language": "<script>"})
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        assert "lang=" not in zf.read("codes.csv").decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "€\u00a010.000"),
        ("en", "€10,000"),
        ("tr", "€10.000"),
        ("pl", "10\u00a0000\u00a0€"),
        ("ar", "€\u00a010.000"),
    ],
)
def test_whole_euros_on_the_letter_keep_their_thousands(language, text):
    assert letters._whole_euros(10_000_99, language).strip("\u2066\u2069") == text

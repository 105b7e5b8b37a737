"""Letters carry the committee's contact details, the voting dates and the ideas; a paper ballot to print."""

import io
import zipfile

import pytest

from wijkgeld.voting import letters

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(monkeypatch):
    lines: list[str] = []
    original = letters._Letter.para

    def para(self, value, *args, **kwargs):
        lines.append(value)
        return original(self, value, *args, **kwargs)

    monkeypatch.setattr(letters._Letter, "para", para)
    return lines


def test_letter_has_contact_dates_and_ideas(round_, codes, written):
    round_.fund.contact = "commissie@example.org, 010 123 4567"
    round_.fund.save()
    letters.letters_pdf(round=round_, codes=codes[:1], base_url="https://wijkgeld.example.org")
    text = "\n".join(written)
    assert "commissie@example.org, 010 123 4567" in text
    assert "Stemmen kan van" in text and "maart 2026" in text
    assert "De ideeën van" in text and "Project 1\n€\u00a0100\n" in text  # each idea: title, cost, summary


def test_paper_ballot_lists_every_idea_with_a_box_for_the_code(round_, written):
    pdf = letters.paper_ballot_pdf(round=round_)
    assert pdf.startswith(b"%PDF")
    text = "\n".join(written)
    assert "Uw stemcode" in text and "hoogstens 3" in text


def test_zip_has_the_paper_ballot(round_, codes):
    data = letters.letters_zip(round=round_, codes=codes, base_url="http://testserver")
    assert "stembiljet.pdf" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_fund_contact_only_by_the_committee(client, area, round_, make_user):
    from tests.conftest import login
    from wijkgeld.fund.models import Fund

    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/contact/"
    login(client, make_user("resident_delegate", area))
    assert client.post(url, {"contact": "gekaapt"}).status_code == 403
    login(client, make_user("fund_committee", area))
    assert client.post(url, {"contact": "x" * 301}).status_code == 302
    assert Fund.objects.get(area=area).contact == ""  # too long: nothing saved
    client.post(url, {"contact": "commissie@example.org"})
    assert Fund.objects.get(area=area).contact == "commissie@example.org"

"""Home and area pages say what is happening now; the postcode search finds the area."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkgeld.areas.demo import load_nplv_areas
from wijkgeld.areas.lookup import PostcodeError, areas_for_postcode, postcode_digits
from wijkgeld.areas.models import Area
from wijkgeld.fund.models import Fund, Round


@pytest.fixture
def nplv(db):
    load_nplv_areas()


def _round(area, phase, **kwargs):
    fund, _ = Fund.objects.get_or_create(area=area, defaults={"name": "Bewonersfonds"})
    now = timezone.now()
    values = {
        "title": f"Ronde {phase}",
        "year": 2026,
        "budget_cents": 1_500_000,
        "phase": phase,
        "ideas_start": now - dt.timedelta(days=5),
        "assessment_start": now + dt.timedelta(days=20),
        "voting_start": now - dt.timedelta(days=1),
        "voting_end": now + dt.timedelta(days=12),
    }
    values.update(kwargs)
    return Round.objects.create(fund=fund, **values)


@pytest.mark.parametrize(
    ("typed", "digits"), [("3083", "3083"), ("3083 AB", "3083"), (" 3083ab ", "3083"), ("3083AB", "3083")]
)
def test_postcode_digits_accepts_dutch_postcodes(typed, digits):
    assert postcode_digits(typed) == digits


@pytest.mark.parametrize("typed", ["", "308", "0830", "30831", "abcd", "3083 ABC", "3083-AB"])
def test_postcode_digits_refuses_other_text(typed):
    with pytest.raises(PostcodeError):
        postcode_digits(typed)


@pytest.mark.django_db
def test_postcode_in_a_range_finds_its_area(nplv):
    assert [a.slug for a in areas_for_postcode("3084 CD")] == ["rotterdam-zuid"]  # Carnisse: 3083-3084
    assert [a.slug for a in areas_for_postcode("3563")] == ["utrecht-overvecht"]
    assert areas_for_postcode("1012") == []


@pytest.mark.django_db
def test_postcode_search_redirects_to_the_one_area(client, nplv):
    response = client.get(reverse("public:postcode"), {"postcode": "3072 AB"})
    assert response.status_code == 302
    assert response["Location"] == reverse("public:area", kwargs={"slug": "rotterdam-zuid"})


@pytest.mark.django_db
def test_postcode_search_says_plainly_when_nothing_is_found(client, nplv):
    html = client.get(reverse("public:postcode"), {"postcode": "1012"}).content.decode()
    assert "We vonden geen gebied bij postcode 1012" in html
    assert html.count('class="area-card"') == 20  # the list to choose from


@pytest.mark.django_db
def test_postcode_search_explains_bad_input_next_to_the_field(client, nplv):
    response = client.get(reverse("public:postcode"), {"postcode": "<script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Typ een postcode met vier cijfers" in html
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html


@pytest.mark.django_db
def test_home_shows_open_vote_and_call_for_ideas_with_one_button_each(client, nplv):
    zuid = Area.objects.get(slug="rotterdam-zuid")
    overvecht = Area.objects.get(slug="utrecht-overvecht")
    vote = _round(zuid, Round.Phase.VOTING, locked_at=timezone.now())
    ideas = _round(overvecht, Round.Phase.IDEAS)
    _round(overvecht, Round.Phase.PREPARATION, title="Nog geheim")
    html = client.get("/").content.decode()
    assert "Stemmen kan tot" in html
    assert "Stuur uw idee in vóór" in html
    assert reverse("voting:area_start", kwargs={"slug": zuid.slug}) in html
    assert reverse("fund:idea_new", kwargs={"slug": overvecht.slug, "round_id": ideas.pk}) in html
    assert "Nog geheim" not in html  # a round in preparation is not public
    assert vote.title in html


@pytest.mark.django_db
def test_home_shows_the_next_alliance_meeting(client, nplv):
    from wijkgeld.alliance.models import Alliance, Meeting

    zuid = Area.objects.get(slug="rotterdam-zuid")
    alliance = Alliance.objects.create(area=zuid, name="Alliantie Zuid")
    now = timezone.now()
    for days, title, cancelled in [(-3, "Voorbij", False), (9, "Afgelast", True), (14, "Volgende", False)]:
        Meeting.objects.create(
            alliance=alliance,
            kind=Meeting.Kind.OVERLEG,
            title=title,
            starts_at=now + dt.timedelta(days=days),
            ends_at=now + dt.timedelta(days=days, hours=2),
            cancelled=cancelled,
            updated_at=now,
        )
    html = client.get("/").content.decode()
    assert "Volgende alliantievergadering" in html
    assert "Volgende" in html and "Voorbij" not in html and "Afgelast" not in html


@pytest.mark.django_db
def test_area_page_leads_with_what_residents_decide_and_how_much(client, nplv):
    zuid = Area.objects.get(slug="rotterdam-zuid")
    _round(zuid, Round.Phase.VOTING, locked_at=timezone.now())
    html = client.get(zuid.get_absolute_url()).content.decode()
    assert "Waar bewoners hier over beslissen" in html
    assert "15.000,00" in html
    assert "Zo doet u mee" in html
    # People and money first; the CBS code is a detail at the bottom.
    assert html.index("Nu in de wijk") < html.index("GM0599")
    assert html.index("Zo doet u mee") < html.index("GM0599")


@pytest.mark.django_db
def test_area_page_only_shows_its_own_area(client, nplv):
    _round(Area.objects.get(slug="utrecht-overvecht"), Round.Phase.IDEAS, title="Overvecht-ronde")
    html = client.get(reverse("public:area", kwargs={"slug": "rotterdam-zuid"})).content.decode()
    assert "Overvecht-ronde" not in html

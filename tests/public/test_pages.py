import pytest
from django.urls import reverse

from wijkgeld.areas.demo import load_nplv_areas


@pytest.fixture
def nplv(db):
    load_nplv_areas()


@pytest.mark.django_db
def test_home_lists_the_20_areas_in_dutch(client, nplv):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert html.count('class="area-card"') == 20
    assert "Rotterdam-Zuid" in html and "Gemeente: Rotterdam" in html


@pytest.mark.django_db
def test_language_switch_to_english(client, nplv):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Municipality: Rotterdam" in html
    assert "Nederlands" in html  # the way back


@pytest.mark.django_db
def test_area_page_shows_neighbourhoods(client, nplv):
    response = client.get(reverse("public:area", kwargs={"slug": "rotterdam-zuid"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bloemhof" in html and "3073" in html


@pytest.mark.django_db
def test_unknown_area_is_a_styled_404(client, nplv):
    response = client.get("/gebieden/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_audit_page_requires_role_in_that_area(client, area, other_area, make_user, login_as):
    url = reverse("public:area_audit", kwargs={"slug": area.slug})
    assert client.get(url).status_code == 302  # anonymous: to login
    login_as("resident_delegate", other_area)
    assert client.get(url).status_code == 403
    login_as("resident_delegate", area)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_security_headers(client, nplv):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_dutch_by_default_even_for_english_browsers(client, nplv):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()
    client.cookies["django_language"] = "en"
    assert '<html lang="en"' in client.get("/").content.decode()
    client.cookies["django_language"] = "xx"
    assert '<html lang="nl"' in client.get("/").content.decode()

"""Our own 404 and 500 pages, in Dutch and English, also when the demo runs with DEBUG on."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.error_urls")]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.FRIENDLY_ERROR_PAGES = True


def test_unknown_address_with_debug_shows_our_404(client, debug):
    response = client.get("/bestaat/niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html and "Using the URLconf" not in html
    assert 'id="id_postcode"' in html  # a way on: find your area


def test_http404_from_a_view_with_debug_shows_our_404(client, debug):
    response = client.get("/gebieden/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_404_in_english(client, debug):
    client.cookies["django_language"] = "en"
    html = client.get("/bestaat/niet/").content.decode()
    assert "Page not found" in html and '<html lang="en"' in html


def test_a_bug_with_debug_shows_our_500_in_both_languages(client, debug, caplog):
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html and "Something went wrong" in html
    assert "Traceback" not in html and "RuntimeError" not in html
    assert "a bug" in caplog.text  # the developer finds it in the log


def test_a_bug_without_debug_shows_the_same_500(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500 and "Er ging iets mis" in response.content.decode()


def test_developers_can_switch_back_to_djangos_pages(client, settings):
    settings.DEBUG = True
    settings.FRIENDLY_ERROR_PAGES = False
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404 and "Pagina niet gevonden" not in response.content.decode()


def test_permission_denied_is_left_to_django(client, debug):
    response = client.get("/gebieden/rotterdam-zuid/logboek/")
    assert response.status_code in (302, 404)  # login first (or no such area), never a 500


def test_favicon_ico_points_to_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


# --- the API answers errors in JSON ----------------------------------------------------------------


@pytest.mark.parametrize("debug_on", [True, False])
def test_an_unknown_api_address_is_json(client, settings, debug_on):
    settings.DEBUG = debug_on
    response = client.get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "not found"}


@pytest.mark.parametrize("debug_on", [True, False])
def test_a_bug_in_the_api_is_json_without_details(client, settings, debug_on):
    settings.DEBUG = debug_on
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response.json() == {"error": "server error"}
    assert "a bug" not in response.content.decode()


def test_an_unreadable_body_sent_to_the_api_is_json(client):
    response = client.post(
        "/api/v1/areas/", b"x=1", content_type="application/x-www-form-urlencoded; charset=utf-16"
    )
    assert response.status_code == 400
    assert response.json() == {"error": "bad request"}


def test_site_pages_keep_their_html_error_pages(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404 and "text/html" in response["Content-Type"]

import pytest

from wijkgeld.areas.demo import load_nplv_areas


@pytest.mark.django_db
def test_areas_api_returns_all_20(client):
    load_nplv_areas()
    data = client.get("/api/v1/areas/").json()
    assert len(data) == 20
    assert {"slug", "name", "municipality", "cbs_code"} <= set(data[0])
    zuid = next(a for a in data if a["slug"] == "rotterdam-zuid")
    assert zuid == {**zuid, "name": "Rotterdam-Zuid", "municipality": "Rotterdam", "cbs_code": "GM0599"}
    assert len({a["slug"] for a in data}) == 20


@pytest.mark.django_db
def test_openapi_documents_the_areas_endpoint(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/areas/" in doc["paths"]
    schema = doc["components"]["schemas"]["Area"]
    assert set(schema["required"]) >= {"slug", "name", "municipality", "cbs_code"}


@pytest.mark.django_db
def test_api_refuses_post(client):
    assert client.post("/api/v1/areas/").status_code == 405

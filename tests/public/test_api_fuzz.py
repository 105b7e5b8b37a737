"""A bounded property-based fuzz of every /api/v1/ endpoint in the OpenAPI document (schemathesis).

Each operation gets up to FUZZ_EXAMPLES generated requests (path and query parameters from the schema, valid
and invalid), sent to the WSGI application: no 500, and every response matches its documented schema.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from wijkgeld.areas.demo import load_nplv_areas
from wijkgeld.money.structure import load_structure
from wijkgeld.public.demo import _load_area
from wijkgeld.public.openapi import openapi_document

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
schema = schemathesis.openapi.from_dict(openapi_document(server_url="http://testserver"))
app = get_wsgi_application()


@pytest.fixture
def some_money(db):
    load_nplv_areas()
    load_structure()
    from wijkgeld.areas.models import Area

    for area in Area.objects.order_by("name")[:2]:
        _load_area(area, factor=50)
    # The WSGI handler would close the test's connection at every request (the test client does the same).
    request_started.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_never_fails_and_matches_its_schema(case, some_money):
    case.call_and_validate(
        app=app,
        checks=[not_a_server_error, response_schema_conformance],
    )

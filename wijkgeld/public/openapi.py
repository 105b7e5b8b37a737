"""The OpenAPI 3.1 document of the open-data API, assembled from what each app registers."""

from __future__ import annotations

from typing import Any

from wijkgeld import __version__
from wijkgeld.public.registry import openapi_parts, register_openapi

# The areas endpoint and its schema come from django-ninja (public/national/api.py); the error shape is
# shared by the hand-written parts of the other apps.
register_openapi(
    paths={},
    schemas={
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "string"}},
        },
    },
)


def openapi_document(*, server_url: str) -> dict[str, Any]:
    """The hand-registered parts of each app, plus the parts django-ninja derives from the national API."""
    from wijkgeld.public.national.api import ninja_openapi

    paths, schemas = openapi_parts()
    generated = ninja_openapi()
    paths = {**paths, **generated.get("paths", {})}
    schemas = {**schemas, **generated.get("components", {}).get("schemas", {})}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wijkgeld open data",
            "version": __version__,
            "description": "Public data of the NPLV areas: areas, finance, decisions, bewonersfonds rounds, "
            "and the national figures, per area, year and theme.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": server_url}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(schemas.items()))},
    }

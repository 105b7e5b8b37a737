"""Extension points so that each domain app adds itself to shared pages without editing them.

- `register_area_link`: a link on the area page (e.g. "Finance", "Bewonersfonds", "Alliance"),
  shown when `action` is None (public) or the visitor may perform `action` in that area.
- `register_openapi`: paths and schemas for /api/v1/openapi.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AreaLink:
    label: Any  # a lazy translated string
    url_name: str  # reversed with kwargs={"slug": area.slug}
    action: str | None = None
    order: int = 50


_AREA_LINKS: list[AreaLink] = []
_OPENAPI_PATHS: dict[str, Any] = {}
_OPENAPI_SCHEMAS: dict[str, Any] = {}


def register_area_link(link: AreaLink) -> None:
    if link not in _AREA_LINKS:
        _AREA_LINKS.append(link)
        _AREA_LINKS.sort(key=lambda item: item.order)


def area_links() -> list[AreaLink]:
    return list(_AREA_LINKS)


def register_openapi(*, paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> None:
    _OPENAPI_PATHS.update(paths)
    _OPENAPI_SCHEMAS.update(schemas or {})


def openapi_parts() -> tuple[dict[str, Any], dict[str, Any]]:
    return dict(_OPENAPI_PATHS), dict(_OPENAPI_SCHEMAS)

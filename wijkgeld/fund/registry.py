"""The fund's place on shared pages: the area link and the open-data API description."""

from django.utils.translation import gettext_lazy as _

from wijkgeld.public.registry import AreaLink, register_area_link, register_openapi

register_area_link(AreaLink(_("Bewonersfonds"), "fund:home", action=None, order=30))

_ROUND = {
    "type": "object",
    "required": ["id", "area", "title", "year", "phase", "budget", "rule", "completion", "tie_break"],
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri"},
        "area": {"type": "string", "example": "rotterdam-zuid"},
        "title": {"type": "string"},
        "year": {"type": "integer"},
        "phase": {
            "type": "string",
            "enum": ["preparation", "ideas", "assessment", "voting", "results", "execution", "closed"],
        },
        "budget": {"type": "string", "example": "25000.00", "description": "euros, two decimals"},
        "ballot_type": {"type": "string", "enum": ["approval", "cumulative"]},
        "rule": {"type": "string", "enum": ["mes", "greedy", "phragmen"]},
        "completion": {"type": "string", "enum": ["none", "add1", "add1-only", "budget-increase"]},
        "min_votes": {
            "type": ["integer", "null"],
            "description": "minimum number of votes an idea needs to be chosen (rule greedy only)",
        },
        "comparison": {"type": "boolean", "description": "equal shares: the comparison step with greedy"},
        "neighbourhoods": {
            "type": "array",
            "description": "a budget per neighbourhood (empty: one budget for the whole area)",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "postcodes": {"type": "string", "example": "3081–3082"},
                    "budget": {"type": "string", "example": "6000.00"},
                },
            },
        },
        "split": {"type": "string", "enum": ["none", "neighbourhood", "category"]},
        "themes": {
            "type": "array",
            "description": "a budget per idea theme, Pabulib's categories (empty: no split per theme)",
            "items": {
                "type": "object",
                "properties": {
                    "theme": {"type": "string", "example": "groen"},
                    "name": {"type": "string", "example": "Groen en natuur"},
                    "budget": {"type": "string", "example": "6000.00"},
                },
            },
        },
        "leftover": {
            "type": "string",
            "enum": ["fund", "pooled"],
            "description": "money a neighbourhood does not spend: stays in the fund, or pooled for the ideas "
            "with most votes that still fit",
        },
        "tie_break": {"type": "string", "example": "cost-then-votes"},
        "rules_locked": {"type": "boolean"},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "selected_projects": {
            "type": ["array", "null"],
            "items": {"type": "string"},
            "description": "project ids (idea numbers) of the winners; null before publication",
        },
        "pb_file_url": {"type": ["string", "null"], "format": "uri"},
        "pb_sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
        "tally_command": {"type": ["string", "null"]},
        "projects": {"type": "array", "items": {"$ref": "#/components/schemas/FundProject"}},
    },
}
_PROJECT = {
    "type": "object",
    "required": ["id", "title", "status"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "status": {"type": "string"},
        "cost": {"type": "string", "example": "1250.00"},
        "url": {"type": "string", "format": "uri"},
    },
}


def _get(op: str, summary: str, schema: dict, params: list | None = None) -> dict:
    return {
        "get": {
            "operationId": op,
            "summary": summary,
            "tags": ["bewonersfonds"],
            "parameters": params or [],
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                "404": {
                    "description": "Unknown round",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                },
            },
        }
    }


register_openapi(
    paths={
        "/api/v1/rounds/": _get(
            "listFundRounds",
            "All bewonersfonds rounds that are past preparation",
            {"type": "array", "items": {"$ref": "#/components/schemas/FundRound"}},
            [{"name": "area", "in": "query", "required": False, "schema": {"type": "string"}}],
        ),
        "/api/v1/rounds/{id}/": _get(
            "getFundRound",
            "One bewonersfonds round with its projects and, after publication, its result",
            {"$ref": "#/components/schemas/FundRound"},
            [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        ),
    },
    schemas={"FundRound": _ROUND, "FundProject": _PROJECT},
)

"""People's part of the OpenAPI document (assembled by wijkgeld.public.openapi)."""

from wijkgeld.public.registry import register_openapi

_SUPPRESSED = {
    "oneOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": "^<[0-9]+$", "description": "Suppressed: fewer than the threshold."},
    ],
    "description": 'A count about people; below the threshold it is given as "<5" so nobody can be recognised.',
}

register_openapi(
    paths={
        "/api/v1/areas/{slug}/people/{year}/": {
            "get": {
                "operationId": "areaPeople",
                "summary": "Placements in bewonersbedrijven and community builders of an area in a year",
                "tags": ["people"],
                "parameters": [
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": {
                        "description": 'Aggregates only. Counts about people below the threshold are "<5".',
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/AreaPeople"}}
                        },
                    },
                    "404": {
                        "description": "Unknown area or year.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        }
    },
    schemas={
        "SuppressedCount": _SUPPRESSED,
        "AreaPeople": {
            "type": "object",
            "required": ["area", "year", "suppressed_below", "placements", "community_builders"],
            "properties": {
                "area": {"type": "string", "example": "rotterdam-zuid"},
                "year": {"type": "integer", "example": 2026},
                "suppressed_below": {"type": "integer", "example": 5},
                "placements": {
                    "type": "object",
                    "properties": {
                        "open_roles": {"type": "integer"},
                        "placements": {"$ref": "#/components/schemas/SuppressedCount"},
                        "hours_worked": {
                            "type": "string",
                            "description": 'Hours worked in the year (one decimal), or "<5" when fewer people worked them.',
                        },
                        "milestones": {
                            "type": "object",
                            "additionalProperties": {"$ref": "#/components/schemas/SuppressedCount"},
                            "description": "Per milestone (started, rhythm_reached, training_done, paid_here, "
                            "paid_elsewhere, stopped): how often it was reached in the year.",
                        },
                    },
                },
                "community_builders": {
                    "type": "object",
                    "properties": {
                        "builders": {"$ref": "#/components/schemas/SuppressedCount"},
                        "share_from_neighbourhood": {
                            "type": ["string", "null"],
                            "pattern": "^[0-9]\\.[0-9]{4}$",
                            "description": "Share who live or work in the area; null below the threshold.",
                        },
                        "hours_commissioned": {"type": "integer"},
                        "commissions_given": {"type": "integer"},
                        "reports_accepted": {"type": "integer"},
                    },
                },
            },
        },
    },
)

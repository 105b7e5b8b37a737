"""The open-data endpoint of the decisions register, documented in /api/v1/openapi.json."""

from wijkgeld.public.registry import register_openapi

register_openapi(
    paths={
        "/api/v1/areas/{slug}/decisions/": {
            "get": {
                "operationId": "listAreaDecisions",
                "summary": "Public decisions of an area's alliance (decisions register, Woo)",
                "tags": ["alliance"],
                "parameters": [
                    {
                        "name": "slug",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": "rotterdam-zuid",
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The public decisions, newest first. Members-only decisions are left out.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Decision"},
                                }
                            }
                        },
                    },
                    "404": {
                        "description": "No area with this slug.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        }
    },
    schemas={
        "Decision": {
            "type": "object",
            "required": ["number", "title", "decided_on", "decided_by", "meeting", "amount", "url"],
            "properties": {
                "number": {"type": "string", "example": "2026-004"},
                "title": {"type": "string"},
                "summary": {"type": "string", "description": "Plain-language (B1) summary"},
                "text": {"type": "string"},
                "decided_on": {"type": "string", "format": "date"},
                "decided_by": {"type": "string", "example": "Alliantieoverleg"},
                "meeting": {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string"},
                        "kind": {"type": "string", "enum": ["alliantieoverleg", "stuurgroep", "werkgroep"]},
                        "starts_at": {"type": "string", "format": "date-time"},
                    },
                },
                "agenda_item": {"type": ["string", "null"]},
                "amount": {
                    "type": ["string", "null"],
                    "description": "Euros with two decimals and a dot, or null when no money is involved",
                    "example": "25000.00",
                },
                "amount_cents": {"type": ["integer", "null"]},
                "money_reference": {"type": "string"},
                "budget_lines": {
                    "type": "array",
                    "description": "The budget lines this decision is about.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string"},
                            "name": {"type": "string"},
                            "year": {"type": "integer"},
                        },
                    },
                },
                "commitments": {
                    "type": "array",
                    "description": "Ids of the commitments it is about (see /api/v1/areas/{slug}/commitments/).",
                    "items": {"type": "integer"},
                },
                "url": {"type": "string", "format": "uri"},
            },
        }
    },
)

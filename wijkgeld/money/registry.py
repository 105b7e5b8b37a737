"""Money adds itself to the area page and to the OpenAPI document."""

from django.utils.translation import gettext_lazy as _

from wijkgeld.public.registry import AreaLink, register_area_link, register_openapi

register_area_link(AreaLink(_("Finance: where the money goes"), "money:overview_current", order=20))
register_area_link(AreaLink(_("Register of commitments and awards (Woo)"), "money:register", order=22))
register_area_link(
    AreaLink(_("Residents' support budget"), "money:support_list", action="support.view", order=21)
)

_AMOUNT = {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$", "description": "Euros with two decimals."}
_SHARE = {"type": ["string", "null"], "pattern": "^[0-9]\\.[0-9]{4}$"}
_FIGURES = {
    "granted": {**_AMOUNT, "description": "Granted for this year (after corrections)."},
    "committed": {**_AMOUNT, "description": "Committed to recipients, paid or not (after releases)."},
    "paid": {**_AMOUNT, "description": "Paid out."},
    "available": {**_AMOUNT, "description": "Not yet committed, after carry-over between years."},
    "carried": {**_AMOUNT, "description": "Carried in from (+) or out to (−) other years of the tranche."},
    "resident_led_committed": {
        **_AMOUNT,
        "description": "Committed to resident-led recipients: verified resident collectives and "
        "bewonersbedrijven of the area, and residents themselves.",
    },
    "other_local_committed": {
        **_AMOUNT,
        "description": "Committed to other local organisations (housing corporations, schools, welfare, "
        "businesses based in the area). Public bodies are never local.",
    },
    "outside_committed": {
        **_AMOUNT,
        "description": "Committed to recipients outside the neighbourhood, including every public body "
        "(municipality, police, province, Rijk).",
    },
    "resident_led_share": {
        **_SHARE,
        "description": "The headline: resident_led_committed / committed; null when nothing is committed.",
    },
    "other_local_share": {**_SHARE, "description": "other_local_committed / committed."},
    "outside_share": {**_SHARE, "description": "outside_committed / committed."},
    "local_committed": {
        **_AMOUNT,
        "description": "resident_led_committed + other_local_committed (money that stays in the neighbourhood).",
    },
    "local_share": {
        **_SHARE,
        "description": "local_committed / committed with 4 decimals; null when nothing is committed.",
    },
}

_REGISTER_ROW = {
    "type": "object",
    "required": [
        "id",
        "date",
        "kind",
        "recipient",
        "purpose",
        "amount",
        "theme",
        "tier",
        "reason",
        "explanation",
    ],
    "properties": {
        "id": {"type": "integer"},
        "date": {"type": "string", "format": "date"},
        "kind": {"type": "string", "enum": ["commitment", "award", "support"]},
        "recipient": {
            "type": "string",
            "description": "The organisation's name; a private person is never named (a neutral label instead).",
        },
        "recipient_is_organisation": {"type": "boolean"},
        "purpose": {"type": "string"},
        "amount": _AMOUNT,
        "amount_cents": {"type": "integer"},
        "year": {"type": "integer"},
        "theme": {"type": "string", "example": "maatschappelijke_samenhang"},
        "theme_name": {"type": "string"},
        "tier": {"type": "string", "enum": ["resident_led", "local_organisation", "outside"]},
        "reason": {
            "type": "string",
            "description": "Why the money does not go to a resident-led recipient (empty when none is needed).",
        },
        "reason_text": {"type": "string"},
        "explanation": {"type": "string"},
        "collectives_asked": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "collective": {"type": "string"},
                    "answer": {"type": "string", "enum": ["took_it_on", "no_capacity", "not_asked"]},
                    "why": {"type": "string"},
                },
            },
        },
        "reversed": {"type": "boolean", "description": "The commitment was corrected with a reversal."},
    },
}

register_openapi(
    paths={
        "/api/v1/areas/{slug}/commitments/": {
            "get": {
                "operationId": "areaCommitments",
                "summary": "Register of every commitment and award of an area (Woo)",
                "tags": ["finance"],
                "parameters": [
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "year", "in": "query", "required": False, "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": {
                        "description": "Newest first: recipient, purpose, amount, theme, tier and reason.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/CommitmentRegister"}
                            }
                        },
                    },
                    "404": {
                        "description": "Unknown area.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        },
        "/api/v1/areas/{slug}/finance/{year}/": {
            "get": {
                "operationId": "areaFinance",
                "summary": "Money of an area in a year, per theme",
                "tags": ["finance"],
                "parameters": [
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": {
                        "description": "Per theme and in total: granted, committed, paid, available, local share.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/AreaFinance"}}
                        },
                    },
                    "404": {
                        "description": "Unknown area, or a year outside every tranche.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        },
    },
    schemas={
        "CommitmentRegisterRow": _REGISTER_ROW,
        "CommitmentRegister": {
            "type": "object",
            "required": ["area", "currency", "commitments"],
            "properties": {
                "area": {"type": "string"},
                "currency": {"type": "string", "const": "EUR"},
                "commitments": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/CommitmentRegisterRow"},
                },
            },
        },
        "FinanceFigures": {"type": "object", "required": list(_FIGURES), "properties": _FIGURES},
        "ThemeFinance": {
            "allOf": [
                {"$ref": "#/components/schemas/FinanceFigures"},
                {
                    "type": "object",
                    "required": ["code", "name"],
                    "properties": {
                        "code": {"type": "string", "example": "maatschappelijke_samenhang"},
                        "name": {"type": "string", "example": "Maatschappelijke samenhang"},
                        "article": {"type": "string", "example": "7a"},
                        "tranche": {"type": "integer", "example": 2},
                    },
                },
            ]
        },
        "AreaFinance": {
            "type": "object",
            "required": ["area", "year", "currency", "themes", "totals"],
            "properties": {
                "area": {"type": "string", "example": "rotterdam-zuid"},
                "year": {"type": "integer", "example": 2026},
                "currency": {"type": "string", "const": "EUR"},
                "themes": {"type": "array", "items": {"$ref": "#/components/schemas/ThemeFinance"}},
                "totals": {"$ref": "#/components/schemas/FinanceFigures"},
            },
        },
    },
)

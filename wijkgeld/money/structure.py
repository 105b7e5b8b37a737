"""Load the budget structure (tranches and themes) from data/tranches.json. Idempotent."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "tranches.json"


def load_structure(tranche_model=None, theme_model=None) -> int:
    """Create or update tranches and themes; returns the number of themes. Usable from a migration."""
    if tranche_model is None or theme_model is None:
        from wijkgeld.money.models import Theme, Tranche

        tranche_model, theme_model = Tranche, Theme
    data = json.loads(DATA.read_text(encoding="utf-8"))
    count = 0
    for t in data["tranches"]:
        tranche, _c = tranche_model.objects.update_or_create(
            number=t["number"],
            defaults={
                "name": t["name"],
                "first_year": t["first_year"],
                "last_year": t["last_year"],
                "regulation": t["regulation"],
            },
        )
        for order, theme in enumerate(t["themes"]):
            theme_model.objects.update_or_create(
                tranche=tranche,
                code=theme["code"],
                defaults={
                    "name": theme["name"],
                    "article": theme["article"],
                    "funding_ministry": theme["ministry"],
                    "is_fixed_amount": bool(theme.get("fixed", False)),
                    "order": order,
                },
            )
            count += 1
    return count

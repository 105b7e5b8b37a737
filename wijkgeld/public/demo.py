"""Demo money for the areas that the other demos leave empty, so the national overview shows all 20.

Per area (booked by the system, not by a person): grants 2026–2028, a bewonersfonds line and a line for
activities in 2026, one commitment to a local bewonersbedrijf and one to a party outside the area, and a
payment. Amounts differ per area (a factor from the area's place in the list). Idempotent: an area that
already has grants is left alone.
"""

from __future__ import annotations

import datetime as dt

from wijkgeld.core.demo import DemoContext, register_demo

T = dt.UTC
GRANTS = {  # euros per year at factor 100
    "reintegratie_preventie_geldzorgen": ("SZW", 800_000),
    "school_en_omgeving": ("OCW", 1_500_000),
    "ontwikkeling_jonge_kind": ("OCW", 1_000_000),
    "maatschappelijke_samenhang": ("VRO", 700_000),
    "financiele_educatie": ("SZW", 200_000),
    "integraal": ("VRO", 400_000),
}


def _load_area(area, factor: int) -> None:
    from wijkgeld.areas.models import Organisation
    from wijkgeld.money import services
    from wijkgeld.money.models import NonLocalReason, Theme

    themes = {t.code: t for t in Theme.objects.filter(tranche__number=2)}
    for index, year in enumerate((2026, 2027, 2028)):
        for code, (ministry, euros) in GRANTS.items():
            services.grant_create(
                actor=None,
                area=area,
                year=year,
                theme=themes[code],
                funding_ministry=ministry,
                amount_cents=euros * factor,
                reference=f"SPUK-KW-{area.slug}-{year}",
                now=dt.datetime(2026, 1, 8, 9, index, tzinfo=T),
            )
    when = dt.datetime(2026, 1, 20, 10, 0, tzinfo=T)

    def line(theme: str, code: str, name: str, cents: int):
        return services.budget_line_create(
            actor=None,
            area=area,
            theme=themes[theme],
            year=2026,
            code=code,
            name=name,
            amount_cents=cents,
            now=when,
        )

    line("maatschappelijke_samenhang", "bewonersfonds", "Bewonersfonds", 300 * factor * 100)
    activities = line(
        "maatschappelijke_samenhang", "activiteiten", "Activiteiten in de wijk", 1_500 * factor * 100
    )
    local, _c = Organisation.objects.get_or_create(
        name=f"Bewonersbedrijf {area.name} (demo)", kind="other", defaults={"legal_form": "cooperatie"}
    )
    local.local_areas.add(area)
    outside, _c = Organisation.objects.get_or_create(
        name="Adviesbureau Wijkkracht (demo)", kind="other", defaults={"legal_form": "bv"}
    )
    mine = services.commitment_create(
        actor=None,
        line=activities,
        amount_cents=600 * factor * 100,
        recipient_organisation=local,
        description="Buurtactiviteiten door het bewonersbedrijf",
        now=when,
    )
    services.commitment_create(
        actor=None,
        line=activities,
        amount_cents=(150 + factor) * 100 * 10,
        recipient_organisation=outside,
        description="Procesbegeleiding van het alliantieoverleg",
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Geen partij in de wijk heeft ervaring met deze begeleiding.",
        now=when,
    )
    services.payment_create(
        actor=None,
        commitment=mine,
        amount_cents=200 * factor * 100,
        description="Voorschot",
        now=dt.datetime(2026, 3, 1, 10, 0, tzinfo=T),
    )


@register_demo(90, "national")
def load(ctx: DemoContext) -> None:
    from wijkgeld.areas.models import Area
    from wijkgeld.money.models import Grant

    for index, area in enumerate(Area.objects.order_by("name")):
        if Grant.objects.filter(area=area).exists():
            continue
        _load_area(area, factor=40 + (index * 7) % 60)
    ctx.notes.append("National overview of all 20 areas: /landelijk/ ; open data: /open-data/ .")

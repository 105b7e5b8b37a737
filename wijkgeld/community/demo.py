"""Demo: verified resident collectives in the two demo areas, and one registration waiting for a check."""

from __future__ import annotations

import datetime as dt

from wijkgeld.core.demo import DemoContext, register_demo

WHEN = dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC)

# (organisation name, themes, activities, verified)
PROFILES = {
    "rotterdam": [
        (
            "Bewonersbedrijf Bloemhof Werkt",
            ["reintegratie_preventie_geldzorgen", "maatschappelijke_samenhang"],
            "Werkplaats en klussendienst; bewoners leren een vak en krijgen waar het kan een betaalde plek.",
            True,
        ),
        (
            "Buurtkeuken Afrikaanderwijk",
            ["maatschappelijke_samenhang", "ontwikkeling_jonge_kind"],
            "Samen koken en eten, drie avonden per week; ouder-en-kindochtend op woensdag.",
            True,
        ),
        (
            "Moestuin Tarwewijk",
            ["maatschappelijke_samenhang"],
            "Een moestuin die buren samen onderhouden.",
            True,
        ),
    ],
    "overvecht": [
        (
            "Bewonersbedrijf De Dreef",
            ["maatschappelijke_samenhang", "reintegratie_preventie_geldzorgen", "financiele_educatie"],
            "Buurthuis in eigen beheer, geldcafé en leerwerkplekken.",
            True,
        ),
        (
            "Samen Vechtzoom",
            ["maatschappelijke_samenhang"],
            "Straatfeesten en een buurtapp voor elkaar.",
            True,
        ),
    ],
}


@register_demo(20, "community")
def load(ctx: DemoContext) -> None:
    from wijkgeld.accounts.models import User
    from wijkgeld.areas.models import Organisation
    from wijkgeld.community.models import CollectiveProfile
    from wijkgeld.money.models import Theme

    verifier = {
        "rotterdam": User.objects.filter(username="programma").first(),
        "overvecht": User.objects.filter(username="overvecht-programma").first(),
    }
    for key, profiles in PROFILES.items():
        area = ctx.objects[key]
        for name, theme_codes, activities, verified in profiles:
            org = Organisation.objects.filter(name=name).first()
            if org is None:
                continue
            profile, created = CollectiveProfile.objects.get_or_create(
                organisation=org,
                defaults={
                    "area": area,
                    "activities": activities,
                    "contact_name": "Demo contact",
                    "contact_email": "info@example.org",
                    "contact_consent": True,
                    "principle_area": "We werken alleen in onze eigen wijk.",
                    "principle_independent": "Winst gaat terug naar buurtprojecten.",
                    "principle_resident_owned": "Het bestuur bestaat uit bewoners.",
                    "principle_cooperation": "We werken samen met de gemeente en de corporatie.",
                    "registered_at": WHEN,
                    "status": CollectiveProfile.Status.VERIFIED
                    if verified
                    else CollectiveProfile.Status.UNVERIFIED,
                    "verified_at": WHEN if verified else None,
                    "verified_by": verifier[key] if verified else None,
                },
            )
            if created:
                profile.themes.set(Theme.objects.filter(tranche__number=2, code__in=theme_codes))
    rotterdam = ctx.objects["rotterdam"]
    if not CollectiveProfile.objects.filter(organisation__name="Taalcafé Hillesluis").exists():
        from wijkgeld.community.services import collective_register

        collective_register(
            actor=None,
            area=rotterdam,
            name="Taalcafé Hillesluis",
            kind=Organisation.Kind.COLLECTIVE,
            legal_form=Organisation.LegalForm.INFORMAL,
            activities="Elke dinsdag Nederlands oefenen met buren.",
            themes=Theme.objects.filter(tranche__number=2, code="maatschappelijke_samenhang"),
            now=WHEN,
        )
    ctx.notes.append(
        "Resident collectives: /gebieden/rotterdam-zuid/bewonersinitiatieven/ (one waits for a check)."
    )

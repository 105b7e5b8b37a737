"""Demo money for Rotterdam-Zuid and Utrecht Overvecht: grants 2026–2028, budget lines, commitments
(local and not local, with reasons), payments (one confirmed by a second person), and a support
request that went through approval. Leaves €50,000 in "bewonersfonds" 2026 for a fund round."""

from __future__ import annotations

import datetime as dt

from wijkgeld.core.demo import DemoContext, register_demo

T = dt.UTC
# Amounts per year in euros (tranche 2). Believable, invented; Overvecht gets 70 %.
GRANTS = {
    "reintegratie_preventie_geldzorgen": ("SZW", 1_150_000),
    "school_en_omgeving": ("OCW", 2_100_000),
    "ontwikkeling_jonge_kind": ("OCW", 1_450_000),
    "maatschappelijke_samenhang": ("VRO", 900_000),
    "financiele_educatie": ("SZW", 300_000),
    "integraal": ("VRO", 600_000),
}
PROGRAMME_PER_YEAR = [16_666_667, 16_666_667, 16_666_666]  # €500,000 per area over the tranche, in cents


def _user(username: str):
    from wijkgeld.accounts.models import User

    return User.objects.filter(username=username).first()


def _org(name: str, kind: str = "other", legal_form: str = "stichting", local_to=None):
    from wijkgeld.areas.models import Organisation

    org, _c = Organisation.objects.get_or_create(name=name, kind=kind, defaults={"legal_form": legal_form})
    if local_to is not None:
        org.local_areas.add(local_to)
    return org


def _load_area(area, *, factor: int, fin: str, fin2: str | None, staff: str) -> None:
    from wijkgeld.areas.models import Organisation
    from wijkgeld.money import services
    from wijkgeld.money.models import NonLocalReason, Theme

    finance, finance2, programme = _user(fin), _user(fin2) if fin2 else None, _user(staff)
    themes = {t.code: t for t in Theme.objects.filter(tranche__number=2)}
    for index, year in enumerate((2026, 2027, 2028)):
        when = dt.datetime(2026, 1, 8, 9, index, tzinfo=T)
        for code, (ministry, euros) in GRANTS.items():
            services.grant_create(
                actor=finance,
                area=area,
                year=year,
                theme=themes[code],
                funding_ministry=ministry,
                amount_cents=euros * factor,
                reference=f"SPUK-KW-{area.slug}-{year}",
                now=when,
            )
        services.grant_create(
            actor=finance,
            area=area,
            year=year,
            theme=themes["programmaorganisatie"],
            funding_ministry="VRO",
            amount_cents=PROGRAMME_PER_YEAR[index],
            reference=f"SPUK-KW-{area.slug}-{year}-vast",
            now=when,
        )
    when = dt.datetime(2026, 1, 15, 10, 0, tzinfo=T)

    def line(theme, code, name, euros, delegates=False):
        return services.budget_line_create(
            actor=finance,
            area=area,
            theme=themes[theme],
            year=2026,
            code=code,
            name=name,
            amount_cents=euros * 100,
            controlled_by_delegates=delegates,
            now=when,
        )

    line("maatschappelijke_samenhang", "bewonersfonds", "Bewonersfonds", 50_000)
    builders = line("maatschappelijke_samenhang", "wijkverbinders", "Wijkverbinders uit de wijk", 120_000)
    school = line("school_en_omgeving", "verlengde-schooldag", "Verlengde schooldag", 400_000)
    work = line("reintegratie_preventie_geldzorgen", "werkplekken", "Leerwerkplekken", 150_000)
    support = line("programmaorganisatie", "bewonersondersteuning", "Bewonersondersteuning", 40_000, True)
    local = Organisation.objects.filter(collective_profile__area=area, collective_profile__status="verified")
    first_local = local.order_by("name").first()
    assert first_local is not None, "community demo must run first"
    c1 = services.commitment_create(
        actor=programme,
        line=builders,
        amount_cents=60_000 * factor,
        recipient_organisation=first_local,
        description="Drie wijkverbinders uit de buurt, opgeleid en in dienst van het bewonersbedrijf",
        now=when,
    )
    c2 = services.commitment_create(
        actor=programme,
        line=work,
        amount_cents=45_000 * factor,
        recipient_organisation=first_local,
        description="Twaalf leerwerkplekken met begeleiding",
        now=when,
    )
    outsider = _org("Huiswerkinstituut Randstad (demo)", "school", "bv")
    c3 = services.commitment_create(
        actor=programme,
        line=school,
        amount_cents=80_000 * factor,
        recipient_organisation=outsider,
        description="Huiswerkbegeleiding op vier basisscholen",
        non_local_reason=NonLocalReason.NO_CAPACITY,
        non_local_explanation="De buurtorganisaties die dit doen zitten vol; dit contract loopt tot de zomer en "
        "gaat daarna naar een bewonersbedrijf.",
        now=when,
    )
    paid = dt.datetime(2026, 3, 2, 11, 0, tzinfo=T)
    services.payment_create(
        actor=finance, commitment=c1, amount_cents=7_500 * factor, description="Voorschot Q1", now=paid
    )
    services.payment_create(
        actor=finance, commitment=c2, amount_cents=9_000 * factor, description="Factuur 2026-014", now=paid
    )
    big = services.payment_create(
        actor=finance,
        commitment=c3,
        amount_cents=25_000 * factor,
        description="Factuur HR-2026-031",
        now=paid,
    )
    if finance2 is not None:
        services.payment_confirm(actor=finance2, payment=big, now=paid + dt.timedelta(hours=3))
    if area.slug == "utrecht-overvecht":
        services.commitment_create(
            actor=programme,
            line=school,
            amount_cents=30_000 * factor,
            recipient_organisation=_org("GGD regio Utrecht (demo)", "care_welfare", "public_body"),
            description="Wettelijke jeugdgezondheidszorg op school",
            non_local_reason=NonLocalReason.LEGALLY_REQUIRED,
            non_local_explanation="Alleen de GGD mag deze wettelijke taak uitvoeren.",
            now=when,
        )
        return
    _load_tiers_rotterdam(area, programme=programme, themes=themes, when=when)
    # The residents' own support budget: a delegate proposes, two others approve, finance pays.
    proposer, second, third = _user("afgevaardigde"), _user("afgevaardigde2"), _user("afgevaardigde3")
    trainer = _org("Trainersbureau Samen Sterk (demo)", "other", "bv")
    request = services.support_request_propose(
        actor=proposer,
        line=support,
        title="Training onderhandelen in het alliantieoverleg",
        reason="Wij willen als bewoners goed voorbereid aan tafel zitten bij de burgemeester en de partners.",
        amount_cents=4_800_00,
        supplier_organisation=trainer,
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Geen bewonersorganisatie in Zuid geeft deze training; we vroegen het de buurtacademie.",
        now=dt.datetime(2026, 2, 3, 19, 0, tzinfo=T),
    )
    services.support_request_vote(
        actor=second,
        request=request,
        approve=True,
        comment="Goed plan",
        now=dt.datetime(2026, 2, 4, 9, 0, tzinfo=T),
    )
    request = services.support_request_vote(
        actor=third, request=request, approve=True, now=dt.datetime(2026, 2, 5, 9, 0, tzinfo=T)
    )
    services.payment_create(
        actor=finance,
        commitment=request.commitment,
        amount_cents=4_800_00,
        description="Factuur SS-2026-7",
        now=dt.datetime(2026, 3, 10, 9, 0, tzinfo=T),
    )
    services.support_request_propose(
        actor=second,
        line=support,
        title="Procesbegeleider voor het bewonersplatform",
        reason="Iemand die onze vergaderingen voorzit en verslagen maakt.",
        amount_cents=6_000_00,
        supplier_name="Een bewoner uit Bloemhof",
        supplier_is_resident=True,
        now=dt.datetime(2026, 3, 12, 20, 0, tzinfo=T),
    )
    # Programme staff want to move part of the delegates' money to 2027: it waits for the delegates.
    services.line_change_propose(
        actor=programme,
        line=support,
        kind="carry_over",
        amount_cents=10_000_00,
        to_year=2027,
        reason="De training voor nieuwe afgevaardigden is verschoven naar voorjaar 2027.",
        now=dt.datetime(2026, 4, 2, 10, 0, tzinfo=T),
    )


def _load_tiers_rotterdam(area, *, programme, themes, when) -> None:
    """Money to all three tiers: besides the bewonersbedrijf (resident-led) and the homework institute
    (outside), welfare (other local) and the municipality (a public body, so outside), each with the
    record of which collectives working on the theme were asked ("tenzij")."""
    from wijkgeld.areas.models import Organisation
    from wijkgeld.money import services
    from wijkgeld.money.models import CollectiveConsultation, NonLocalReason

    answer = CollectiveConsultation.Answer
    finance = _user("financien")
    young = services.budget_line_create(
        actor=finance,
        area=area,
        theme=themes["ontwikkeling_jonge_kind"],
        year=2026,
        code="voorschool",
        name="Voorschool en ouders",
        amount_cents=200_000_00,
        now=when,
    )
    kitchen = Organisation.objects.get(name="Buurtkeuken Afrikaanderwijk")
    services.commitment_create(
        actor=programme,
        line=young,
        amount_cents=35_000_00,
        recipient_organisation=Organisation.objects.get(name="Welzijn Zuid (demo)"),
        description="Consultatiebureau-inloop en opvoedsteun in twee buurthuizen",
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Opvoedsteun vraagt een geregistreerde jeugdprofessional; die heeft de Buurtkeuken niet.",
        consultations=_asked(
            area,
            young.theme,
            {
                kitchen.name: (
                    answer.TOOK_ON,
                    "Verzorgt de lunch bij de ouderochtenden (eigen commitment volgt).",
                )
            },
        ),
        now=when,
    )
    cohesion = services.budget_line_for(area=area, code="wijkverbinders", year=2026)
    asked = {
        "Bewonersbedrijf Bloemhof Werkt": (answer.NO_CAPACITY, "Klussendienst zit vol tot september."),
        "Buurtkeuken Afrikaanderwijk": (answer.NOT_ASKED, "Werkt niet aan de openbare ruimte."),
        "Moestuin Tarwewijk": (answer.TOOK_ON, "Plant de borders langs de nieuwe paden."),
    }
    services.commitment_create(
        actor=programme,
        line=cohesion,
        amount_cents=18_000_00,
        recipient_organisation=Organisation.objects.get(name="Gemeente Rotterdam", kind="municipality"),
        description="Ontmoetingsplein Tarwewijk: bestrating en bankjes",
        non_local_reason=NonLocalReason.LEGALLY_REQUIRED,
        non_local_explanation="Werk aan de openbare ruimte moet de gemeente zelf aanbesteden.",
        consultations=_asked(area, cohesion.theme, asked),
        now=when,
    )


def _asked(area, theme, answers: dict) -> list:
    """The recorded tenzij question for every verified collective on the theme (the service wants them all)."""
    from wijkgeld.money import services
    from wijkgeld.money.models import CollectiveConsultation

    default = (CollectiveConsultation.Answer.NOT_ASKED, "Werkt niet aan dit onderdeel.")
    result = []
    for profile in services.local_collectives_for(area=area, theme=theme):
        answer, why = answers.get(profile.organisation.name, default)
        result.append(services.Consultation(collective=profile.organisation, answer=answer, why=why))
    return result


@register_demo(22, "money")
def load(ctx: DemoContext) -> None:
    from wijkgeld.money.models import Grant
    from wijkgeld.money.structure import load_structure

    # The tranches and themes come from a data migration; a flushed test database lacks them.
    load_structure()

    settings = [
        ("rotterdam", 100, "financien", "financien2", "programma"),
        ("overvecht", 70, "overvecht-financien", None, "overvecht-programma"),
    ]
    for key, factor, fin, fin2, staff in settings:
        area = ctx.objects[key]
        if Grant.objects.filter(area=area).exists():
            continue
        _load_area(area, factor=factor, fin=fin, fin2=fin2, staff=staff)
    ctx.notes.append("Finance: /gebieden/rotterdam-zuid/geld/2026/ (public); support budget for delegates.")

"""Demo: an alliance in Rotterdam-Zuid and Utrecht Overvecht, with past and upcoming meetings.

Rotterdam-Zuid's upcoming meeting shows the late-documents warning: one note reached the partners
ten days before, the residents only five. Overvecht shares everything on time. Idempotent: an
area that already has an alliance is left alone. Invented names only.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wijkgeld.core.demo import DemoContext, register_demo

# Stored text, so in Dutch (the demo runs outside a request, where the active language is English).
DECIDED_BY = {"alliantieoverleg": "Alliantieoverleg", "stuurgroep": "Stuurgroep", "werkgroep": "Werkgroep"}
RESIDENT_NAMES = {"Kees Afgevaardigde", "Samira Delegee", "Joop van Zuid", "Mohamed Overvecht"}


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A small real PDF (fpdf2, core font: Latin-1 text only)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, "Demodocument van Wijkgeld - verzonnen inhoud.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _doc(staff, meeting, title, summary, visibility, *, lines, shares):
    """Upload a document and record its shares: [(audience, moment), ...]."""
    from wijkgeld.alliance import services

    upload = SimpleUploadedFile(
        f"{title.lower().replace(' ', '-')}.pdf", demo_pdf(title, lines), content_type="application/pdf"
    )
    first = shares[0][1] if shares else timezone.now()
    document = services.document_upload(
        actor=staff,
        meeting=meeting,
        upload=upload,
        title=title,
        summary=summary,
        visibility=visibility,
        share_with=None,
        now=first - dt.timedelta(hours=1),
    )
    for audience, moment in shares:
        services.document_share(actor=staff, document=document, audience=audience, now=moment)
    return document


def _alliance(area, staff, *, name, description, partners, delegates):
    from wijkgeld.accounts.models import User
    from wijkgeld.alliance import services
    from wijkgeld.areas.models import Organisation

    past = timezone.now() - dt.timedelta(days=120)
    alliance = services.alliance_create(actor=staff, area=area, name=name, description=description, now=past)
    for org_name, reps in partners:
        partner = services.partner_add(
            actor=staff,
            alliance=alliance,
            organisation=Organisation.objects.get(name=org_name),
            since=dt.date(2023, 1, 1),
            now=past,
        )
        for rep_name, function in reps:
            services.representative_add(
                actor=staff, partner=partner, name=rep_name, function=function, now=past
            )
    for username, how, note, since in delegates:
        services.delegate_add(
            actor=staff,
            alliance=alliance,
            user=User.objects.get(username=username),
            chosen_how=how,
            chosen_note=note,
            since=since,
            until=since.replace(year=since.year + 2),
            now=past,
        )
    return alliance


def _past_meeting(staff, alliance, *, title, kind, days, place, items, docs, minutes, summary, decisions):
    from wijkgeld.alliance import services
    from wijkgeld.alliance.models import Audience

    starts = _at(days, 19, 30)
    meeting = services.meeting_create(
        actor=staff,
        alliance=alliance,
        kind=kind,
        title=title,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        place=place,
        now=starts - dt.timedelta(days=30),
    )
    agenda = [
        services.agenda_item_add(
            actor=staff,
            meeting=meeting,
            title=t,
            brought_by=who,
            explanation=why,
            from_residents=who in RESIDENT_NAMES,
            now=starts - dt.timedelta(days=20),
        )
        for t, who, why in items
    ]
    for doc_title, doc_summary, visibility, lines in docs:
        _doc(
            staff,
            meeting,
            doc_title,
            doc_summary,
            visibility,
            lines=lines,
            shares=[(Audience.ALL, starts - dt.timedelta(days=10))],
        )
    end = starts + dt.timedelta(hours=2)
    services.minutes_save(actor=staff, meeting=meeting, minutes=minutes, minutes_summary=summary, now=end)
    for index, (number, what, item_index, amount, reference, visibility, b1) in enumerate(decisions):
        services.decision_record(
            actor=staff,
            meeting=meeting,
            number=number,
            title=what,
            summary=b1,
            decided_by=DECIDED_BY[meeting.kind],
            agenda_item=agenda[item_index] if item_index is not None else None,
            amount_cents=amount,
            money_reference=reference,
            visibility=visibility,
            now=end + dt.timedelta(minutes=index),
        )
    return meeting


@register_demo(30, "alliance")
def load(ctx: DemoContext) -> None:
    from wijkgeld.accounts.models import User
    from wijkgeld.alliance import services
    from wijkgeld.alliance.models import Alliance, Audience, Meeting, Visibility

    rotterdam, overvecht = ctx.objects["rotterdam"], ctx.objects["overvecht"]
    if Alliance.objects.filter(area__in=[rotterdam, overvecht]).exists():
        return
    staff = User.objects.get(username="programma")
    r = _alliance(
        rotterdam,
        staff,
        name="Alliantie Zuid",
        description="Gemeente, woningcorporatie, politie, welzijn, scholen en bewoners sturen samen het NPRZ-gebiedsplan.",
        partners=[
            (
                "Gemeente Rotterdam",
                [("Wethouder A. de Vries (demo)", "wethouder"), ("M. Jansen (demo)", "programmadirecteur")],
            ),
            ("Woonstad Zuid (demo)", [("R. Bakker (demo)", "gebiedsmanager")]),
            ("Politie eenheid Rotterdam, team Zuid (demo)", [("K. Smit (demo)", "teamchef")]),
            ("Welzijn Zuid (demo)", [("D. Yilmaz (demo)", "directeur")]),
            ("OBS De Zuiderster (demo)", [("L. Visser (demo)", "schoolleider")]),
            ("Bewonersbedrijf Bloemhof Werkt", [("T. Mulder (demo)", "voorzitter")]),
        ],
        delegates=[
            ("afgevaardigde", "elected", "Gekozen op de bewonersavond", dt.date(2025, 9, 1)),
            ("afgevaardigde2", "lot", "Geloot uit 40 aanmeldingen", dt.date(2025, 9, 1)),
            (
                "afgevaardigde3",
                "platform",
                "Voorgedragen door het bewonersplatform Zuid",
                dt.date(2026, 1, 1),
            ),
        ],
    )
    _past_meeting(
        staff,
        r,
        title="Alliantieoverleg: uitvoeringsprogramma",
        kind=Meeting.Kind.OVERLEG,
        days=-56,
        place="Wijkcentrum Bloemhof (demo), Bloemhofplein 1",
        items=[
            (
                "Uitvoeringsprogramma 2026",
                "Gemeente Rotterdam",
                "Vaststellen van het programma voor dit jaar.",
            ),
            (
                "Ondersteuning van bewonersafgevaardigden",
                "Kees Afgevaardigde",
                "Bewoners willen zelf ondersteuning kunnen inhuren uit het geld voor de programmaorganisatie.",
            ),
        ],
        docs=[
            (
                "Uitvoeringsprogramma 2026",
                "Dit is het plan voor 2026. Er komt meer geld voor werk en voor jonge kinderen. "
                "Bewoners krijgen een eigen fonds.",
                Visibility.PUBLIC,
                [
                    "Thema's: werk, school en omgeving, jonge kind, samenhang.",
                    "Totaal budget: 4,2 miljoen EUR.",
                ],
            ),
            (
                "Begroting programmaorganisatie 2026",
                "Hoe het geld voor de organisatie van de alliantie wordt verdeeld. "
                "60.000 euro is voor ondersteuning van bewoners.",
                Visibility.MEMBERS,
                ["Programmabureau: 320.000 EUR.", "Ondersteuning bewoners: 60.000 EUR."],
            ),
        ],
        minutes="1. Opening door de wethouder.\n2. Het uitvoeringsprogramma 2026 is besproken en vastgesteld.\n"
        "3. De bewonersafgevaardigden lichtten hun voorstel toe. De alliantie stemt in.",
        summary="Het plan voor 2026 is goedgekeurd. Bewoners mogen 60.000 euro gebruiken om zelf hulp in te huren.",
        decisions=[
            (
                "2026-001",
                "Uitvoeringsprogramma 2026 vastgesteld",
                0,
                None,
                "",
                Visibility.PUBLIC,
                "Het plan voor 2026 gaat door.",
            ),
            (
                "2026-002",
                "60.000 euro voor ondersteuning van bewonersafgevaardigden",
                1,
                6_000_000,
                "Programmaorganisatie 2026 - equiperen bewoners",
                Visibility.PUBLIC,
                "Bewoners kiezen zelf wie hen helpt, en betalen dat uit dit geld.",
            ),
        ],
    )
    _past_meeting(
        staff,
        r,
        title="Stuurgroep Zuid",
        kind=Meeting.Kind.STUURGROEP,
        days=-21,
        place="Stadswinkel Zuid (demo)",
        items=[("Voortgang eerste kwartaal", "Gemeente Rotterdam", "")],
        docs=[
            (
                "Voortgangsrapportage Q1",
                "Wat is er in de eerste drie maanden gedaan? 12 projecten zijn gestart.",
                Visibility.PUBLIC,
                ["12 projecten gestart, 3 vertraagd."],
            )
        ],
        minutes="De stuurgroep besprak de voortgang. Drie projecten lopen vertraging op door personeelstekort.",
        summary="Het meeste gaat volgens plan. Drie projecten zijn later.",
        decisions=[
            (
                "2026-003",
                "Extra inzet op vertraagde projecten",
                0,
                1_500_000,
                "Integraal budget 2026",
                Visibility.PUBLIC,
                "Er komt 15.000 euro bij om vertraagde projecten te helpen.",
            ),
            (
                "2026-004",
                "Personele invulling programmabureau",
                None,
                None,
                "",
                Visibility.MEMBERS,
                "Afspraken over wie welk werk doet in het programmabureau.",
            ),
        ],
    )
    upcoming_start = _at(5, 19, 30)
    upcoming = services.meeting_create(
        actor=staff,
        alliance=r,
        kind=Meeting.Kind.OVERLEG,
        title="Alliantieoverleg: bewonersfonds en veiligheid",
        starts_at=upcoming_start,
        ends_at=upcoming_start + dt.timedelta(hours=2),
        place="Wijkcentrum Bloemhof (demo), Bloemhofplein 1",
        online_url="https://meet.example.org/alliantie-zuid",
        now=timezone.now() - dt.timedelta(days=30),
    )
    services.agenda_item_add(
        actor=staff,
        meeting=upcoming,
        title="Plan bewonersfonds 2026",
        brought_by="Gemeente Rotterdam",
        explanation="Regels voor het bewonersfonds.",
    )
    proposal = services.agenda_item_propose(
        actor=User.objects.get(username="afgevaardigde3"),
        alliance=r,
        title="Speelplekken in de Tarwewijk",
        explanation="Ouders melden kapotte speeltoestellen. Wij willen dat de alliantie dit oppakt met de corporatie.",
        now=timezone.now() - dt.timedelta(days=12),
    )
    services.agenda_item_decide(
        actor=staff,
        item=proposal,
        action="plan",
        meeting=upcoming,
        reason="Goed punt; de corporatie komt toelichten.",
        now=timezone.now() - dt.timedelta(days=11),
    )
    _doc(
        staff,
        upcoming,
        "Plan bewonersfonds 2026",
        "Bewoners beslissen zelf over 150.000 euro. Iedereen vanaf 12 jaar mag stemmen.",
        Visibility.PUBLIC,
        lines=["Budget: 150.000 EUR.", "Stemmen vanaf 12 jaar."],
        shares=[(Audience.ALL, timezone.now() - dt.timedelta(days=2))],
    )
    _doc(
        staff,
        upcoming,
        "Notitie veiligheid Tarwewijk",
        "Politie en corporatie willen meer verlichting en cameratoezicht. Bewoners worden om hun mening gevraagd.",
        Visibility.MEMBERS,
        lines=["Voorstel: extra verlichting in 4 straten."],
        shares=[
            (Audience.PARTNERS, timezone.now() - dt.timedelta(days=10)),
            (Audience.DELEGATES, timezone.now() - dt.timedelta(days=1)),
        ],
    )

    o_staff = User.objects.get(username="overvecht-programma")
    o = _alliance(
        overvecht,
        o_staff,
        name="Alliantie Overvecht",
        description="Samen werken aan een Overvecht waar iedereen mee kan doen.",
        partners=[
            ("Gemeente Utrecht", [("Burgemeester (demo)", "voorzitter")]),
            ("Woonbond Overvecht (demo)", [("S. de Boer (demo)", "directeur")]),
            ("Buurtteam Overvecht (demo)", [("F. El Amrani (demo)", "teamleider")]),
            ("Bewonersbedrijf De Dreef", [("H. Peters (demo)", "coordinator")]),
        ],
        delegates=[
            (
                "overvecht-afgevaardigde",
                "collective",
                "Voorgedragen door Samen Vechtzoom",
                dt.date(2025, 10, 1),
            )
        ],
    )
    _past_meeting(
        o_staff,
        o,
        title="Alliantieoverleg Overvecht: wijkplan",
        kind=Meeting.Kind.OVERLEG,
        days=-70,
        place="Buurthuis De Dreef (demo)",
        items=[("Wijkplan Overvecht", "Gemeente Utrecht", "Bespreken van het wijkplan.")],
        docs=[
            (
                "Wijkplan Overvecht",
                "De plannen voor de wijk tot 2030, in het kort.",
                Visibility.PUBLIC,
                ["Doelen tot 2030."],
            )
        ],
        minutes="Het wijkplan is besproken en vastgesteld.",
        summary="Het wijkplan is goedgekeurd.",
        decisions=[
            (
                "2026-001",
                "Wijkplan Overvecht vastgesteld",
                0,
                None,
                "",
                Visibility.PUBLIC,
                "Het wijkplan geldt vanaf nu.",
            )
        ],
    )
    _past_meeting(
        o_staff,
        o,
        title="Werkgroep jonge kind",
        kind=Meeting.Kind.WERKGROEP,
        days=-28,
        place="Consultatiebureau Overvecht (demo)",
        items=[("Voorschool", "Buurtteam Overvecht (demo)", "")],
        docs=[
            (
                "Notitie voorschool",
                "Meer plekken op de voorschool voor peuters.",
                Visibility.MEMBERS,
                ["30 extra plekken."],
            )
        ],
        minutes="De werkgroep adviseert 30 extra voorschoolplekken.",
        summary="Advies: 30 extra plekken voor peuters.",
        decisions=[
            (
                "2026-002",
                "Advies: 30 extra voorschoolplekken",
                0,
                9_000_000,
                "Ontwikkeling jonge kind 2026",
                Visibility.PUBLIC,
                "De werkgroep vraagt 90.000 euro voor 30 extra plekken.",
            )
        ],
    )
    o_start = _at(12, 20, 0)
    o_next = services.meeting_create(
        actor=o_staff,
        alliance=o,
        kind=Meeting.Kind.OVERLEG,
        title="Alliantieoverleg Overvecht: bewonersbedrijf",
        starts_at=o_start,
        ends_at=o_start + dt.timedelta(hours=2),
        place="Buurthuis De Dreef (demo)",
        now=timezone.now() - dt.timedelta(days=20),
    )
    o_item = services.agenda_item_propose(
        actor=User.objects.get(username="overvecht-afgevaardigde"),
        alliance=o,
        title="Bewonersbedrijf als partner",
        explanation="Bewonersbedrijf De Dreef wil werk uitvoeren voor de alliantie.",
        now=timezone.now() - dt.timedelta(days=6),
    )
    services.agenda_item_decide(
        actor=o_staff,
        item=o_item,
        action="plan",
        meeting=o_next,
        reason="Akkoord.",
        now=timezone.now() - dt.timedelta(days=5),
    )
    _doc(
        o_staff,
        o_next,
        "Voorstel inzet bewonersbedrijf",
        "De Dreef gaat het groen onderhouden. Dat levert 4 banen op.",
        Visibility.PUBLIC,
        lines=["4 banen voor buurtbewoners."],
        shares=[(Audience.ALL, timezone.now() - dt.timedelta(hours=3))],
    )
    ctx.notes.append(
        "Alliance: /gebieden/rotterdam-zuid/alliantie/ (its upcoming meeting shows the late-documents warning) "
        "and /gebieden/utrecht-overvecht/alliantie/."
    )


from wijkgeld.alliance import demo_partners  # noqa: E402,F401 - registers the partners demo

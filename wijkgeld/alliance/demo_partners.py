"""Demo (issue 13): two alliance partners with an account and documents, documents that belong to no
meeting, the delegates' own advice, and the support line tied to the alliance decision that sized it.

Loaded after the alliance demo (order 31); idempotent by its own marker (the area plan)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wijkgeld.core.demo import DemoContext, register_demo

PARTNERS = [
    # (username, display name, organisation, representative name)
    ("partner-woonstad", "Rob Bakker (demo)", "Woonstad Zuid (demo)", "R. Bakker (demo)"),
    ("partner-politie", "Karin Smit (demo)", "Politie eenheid Rotterdam, team Zuid (demo)", "K. Smit (demo)"),
]


def _pdf(title: str, lines: list[str]) -> SimpleUploadedFile:
    from wijkgeld.alliance.demo import demo_pdf

    return SimpleUploadedFile(
        f"{title.lower().replace(' ', '-')}.pdf", demo_pdf(title, lines), content_type="application/pdf"
    )


@register_demo(31, "alliance-partners")
def load(ctx: DemoContext) -> None:
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.alliance import services
    from wijkgeld.alliance.models import Alliance, Audience, Decision, Document, Representative, Visibility
    from wijkgeld.areas.demo import DEMO_PASSWORD
    from wijkgeld.money import services as money
    from wijkgeld.money.models import BudgetLine

    area = ctx.objects["rotterdam"]
    alliance = Alliance.objects.filter(area=area).first()
    if alliance is None:
        return
    for username, display, org, rep_name in PARTNERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"display_name": display, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Role.objects.get_or_create(user=user, area=area, name=Role.Name.PARTNER)
        Representative.objects.filter(
            partner__alliance=alliance, partner__organisation__name=org, name=rep_name
        ).update(user=user)
        ctx.accounts.append((username, Role.Name.PARTNER.value, area.name))
    if Document.objects.filter(alliance=alliance, kind=Document.Kind.AREA_PLAN).exists():
        return
    staff = User.objects.get(username="programma")
    woonstad = alliance.partners.get(organisation__name=PARTNERS[0][2])
    police = alliance.partners.get(organisation__name=PARTNERS[1][2])
    now = timezone.now()
    services.document_upload(
        actor=staff,
        alliance=alliance,
        kind=Document.Kind.AREA_PLAN,
        upload=_pdf("Gebiedsplan Zuid 2026-2028", ["Drie doelen: werk, school, samen wonen."]),
        title="Gebiedsplan Zuid 2026-2028",
        summary="Het plan voor de hele wijk voor drie jaar. Bewoners schreven mee.",
        visibility=Visibility.PUBLIC,
        now=now - dt.timedelta(days=60),
    )
    # The monitor went to the housing corporation a day before the residents: the public warning shows it.
    monitor = services.document_upload(
        actor=staff,
        alliance=alliance,
        kind=Document.Kind.MONITOR,
        upload=_pdf(
            "Monitor eerste kwartaal 2026", ["Werkloosheid daalt licht.", "Meer kinderen op de voorschool."]
        ),
        title="Monitor eerste kwartaal 2026",
        summary="Hoe staat de wijk ervoor? Iets minder werkloosheid, meer kinderen op de voorschool.",
        visibility=Visibility.MEMBERS,
        share_with=None,
        now=now - dt.timedelta(days=12),
    )
    services.document_share(
        actor=staff,
        document=monitor,
        audience=Audience.ONE_PARTNER,
        partner=woonstad,
        now=now - dt.timedelta(days=11),
    )
    services.document_share(
        actor=staff, document=monitor, audience=Audience.ALL, now=now - dt.timedelta(days=10)
    )
    safety = services.document_upload(
        actor=staff,
        alliance=alliance,
        kind=Document.Kind.PROGRAMME,
        upload=_pdf("Uitvoeringsprogramma veilig wonen", ["Verlichting, buurtpreventie, huismeesters."]),
        title="Uitvoeringsprogramma veilig wonen",
        summary="Wat politie, corporatie en bewoners samen doen voor een veilige buurt.",
        visibility=Visibility.MEMBERS,
        share_with=None,
        now=now - dt.timedelta(days=5),
    )
    services.document_share(
        actor=staff, document=safety, audience=Audience.ALL, now=now - dt.timedelta(days=5)
    )
    assert police  # both partners have documents (the programme reached them with everyone else)
    services.document_upload_advice(
        actor=User.objects.get(username="afgevaardigde"),
        alliance=alliance,
        upload=_pdf(
            "Advies bewoners over veilig wonen", ["Meer licht, minder camera's.", "Huismeesters uit de wijk."]
        ),
        title="Advies van de bewonersafgevaardigden: veilig wonen",
        summary="Wij willen meer licht op straat en huismeesters uit de wijk, en minder camera's.",
        visibility=Visibility.PUBLIC,
        now=now - dt.timedelta(days=3),
    )
    # The delegates' support line is sized by the alliance decision 2026-002.
    decision = Decision.objects.filter(alliance=alliance, number="2026-002").first()
    line = BudgetLine.objects.filter(area=area, code="bewonersondersteuning", year=2026).first()
    if decision is not None and line is not None:
        money.budget_line_size_decision_set(actor=staff, line=line, decision=decision)
        decision.budget_lines.add(line)
    ctx.notes.append(
        "Partners: partner-woonstad and partner-politie; documents at /gebieden/rotterdam-zuid/alliantie/documenten/."
    )

"""Demo people in Rotterdam-Zuid and Utrecht Overvecht: roles at a bewonersbedrijf, placements at
different milestones (Overvecht stays under the threshold, so its public counts read "fewer than 5"),
community builders with commissions from the neighbourhood and accepted reports. Invented names only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wijkgeld.core.demo import DemoContext, register_demo

D = dt.date
NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)

ROLES = {
    "rotterdam": [
        (
            "Klusser in de werkplaats",
            "Kleine reparaties voor buren: fietsen, meubels, een lekkende kraan.",
            4,
            16,
            False,
        ),
        (
            "Gastvrouw of gastheer in de buurtkamer",
            "Koffie zetten, mensen welkom heten, de agenda bijhouden.",
            4,
            12,
            False,
        ),
        (
            "Medewerker groenonderhoud",
            "Perken en boomspiegels in de wijk bijhouden, in een vast team.",
            16,
            24,
            True,
        ),
    ],
    "overvecht": [
        ("Medewerker geldcafé", "Bezoekers ontvangen en helpen met het ordenen van post.", 4, 12, False),
        ("Beheerder buurthuis", "Openen, sluiten en de zalen klaarzetten.", 8, 20, True),
    ],
}

# (name, role index, start, steps, [(milestone, date, reason)], hours per month from the start)
PLACEMENTS = {
    "rotterdam": [
        ("Demo Deelnemer Een", 0, D(2026, 2, 2), [4, 8, 16], [("rhythm_reached", D(2026, 6, 1), "")], 12),
        ("Demo Deelnemer Twee", 0, D(2026, 2, 16), [4, 8], [("training_done", D(2026, 5, 20), "")], 20),
        (
            "Demo Deelnemer Drie",
            1,
            D(2026, 3, 2),
            [4, 8, 12],
            [("rhythm_reached", D(2026, 7, 1), ""), ("paid_here", D(2026, 10, 1), "")],
            30,
        ),
        ("Demo Deelnemer Vier", 1, D(2026, 3, 9), [4], [("stopped", D(2026, 4, 20), "education")], 10),
        (
            "Demo Deelnemer Vijf",
            2,
            D(2026, 4, 1),
            [16, 24],
            [("rhythm_reached", D(2026, 8, 1), ""), ("paid_elsewhere", D(2026, 11, 2), "")],
            70,
        ),
        ("Demo Deelnemer Zes", 0, D(2026, 5, 4), [4, 8], [("training_done", D(2026, 9, 15), "")], 16),
        ("Demo Deelnemer Zeven", 1, D(2026, 9, 7), [4], [], 14),
    ],
    "overvecht": [
        ("Demo Deelnemer Acht", 0, D(2026, 3, 2), [4, 8], [("rhythm_reached", D(2026, 7, 1), "")], 18),
        ("Demo Deelnemer Negen", 0, D(2026, 4, 6), [4], [], 12),
        ("Demo Deelnemer Tien", 1, D(2026, 5, 4), [8, 16], [("paid_here", D(2026, 10, 1), "")], 40),
    ],
}

# (name, lives, works, public first name or "", what they do)
BUILDERS = {
    "rotterdam": [
        (
            "Demo Verbinder Amal",
            True,
            True,
            "Amal",
            "Ik breng buren in de Afrikaanderwijk samen bij de buurtsoep.",
        ),
        ("Demo Verbinder Bart", True, False, "Bart", "Ik help jongeren een plek te vinden in de wijk."),
        ("Demo Verbinder Cemile", False, True, "", ""),
        ("Demo Verbinder Dirk", True, True, "", ""),
        ("Demo Verbinder Esra", True, False, "Esra", "Ik organiseer straatgesprekken in Bloemhof."),
        ("Demo Verbinder Frank", False, False, "", ""),
    ],
    "overvecht": [
        (
            "Demo Verbinder Gina",
            True,
            True,
            "Gina",
            "Ik ken iedereen aan de Vechtzoom en breng ze bij elkaar.",
        ),
        ("Demo Verbinder Hamid", True, False, "", ""),
    ],
}

SETUP = {
    # key: (enterprise, collective, delegate, finance, coordinator, representative, contact or None)
    "rotterdam": (
        "Bewonersbedrijf Bloemhof Werkt",
        "Buurtkeuken Afrikaanderwijk",
        "afgevaardigde",
        "financien",
        ("coordinator-bloemhof", "Rachida Coördinator"),
        ("buurtkeuken", "Wim van de Buurtkeuken"),
        ("gemeente-rotterdam", "Gert Werk en Inkomen"),
    ),
    "overvecht": (
        "Bewonersbedrijf De Dreef",
        "Samen Vechtzoom",
        "overvecht-afgevaardigde",
        "overvecht-financien",
        ("coordinator-dreef", "Jolanda Coördinator"),
        ("vechtzoom", "Priya van Samen Vechtzoom"),
        None,
    ),
}


def _account(ctx: DemoContext, username: str, display: str, task: str, area):
    from wijkgeld.accounts.models import User
    from wijkgeld.areas.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(
        username=username, defaults={"display_name": display, "email": f"{username}@example.org"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    ctx.accounts.append((username, task, area.name))
    return user


def _load_placements(ctx, area, key, enterprise, coordinator, contact, finance) -> None:
    from wijkgeld.money.services import budget_line_for
    from wijkgeld.people import services

    roles = [
        services.work_role_create(
            actor=coordinator,
            enterprise=enterprise,
            title=title,
            tasks=tasks,
            hours_min=lo,
            hours_max=hi,
            is_paid=paid,
            now=NOW,
        )
        for title, tasks, lo, hi, paid in ROLES[key]
    ]
    line = budget_line_for(area=area, code="werkplekken", year=2026)
    for index, (name, role_index, start, steps, milestones, hours) in enumerate(PLACEMENTS[key]):
        placement = services.placement_create(
            actor=coordinator,
            role=roles[role_index],
            name=name,
            email=f"deelnemer{index + 1}@example.org",
            consent_given_on=start,
            started_on=start,
            municipal_contact=contact if index % 2 == 0 else None,
            now=NOW,
        )
        for step in steps:
            services.rhythm_step_add(actor=coordinator, placement=placement, hours_per_week=step, now=NOW)
        end = next(
            (when for kind, when, _r in milestones if kind in ("paid_here", "paid_elsewhere", "stopped")),
            None,
        )
        month = start.replace(day=1)
        while month <= (end or NOW.date()) and month <= NOW.date():
            allowance = 0 if roles[role_index].is_paid else 15_000
            services.month_record(
                actor=coordinator,
                placement=placement,
                month=month,
                hours=Decimal(hours),
                allowance_cents=allowance,
                now=NOW,
                over_maximum_confirmed=True,
            )
            month = (month + dt.timedelta(days=32)).replace(day=1)
        for kind, when, reason in milestones:
            services.milestone_record(
                actor=coordinator,
                placement=placement,
                kind=kind,
                reached_on=when,
                stop_reason=reason,
                now=NOW,
            )
        if line is not None and index < 3:
            services.placement_fee_commit(
                actor=finance, placement=placement, line=line, amount_cents=300_000, now=NOW
            )
            services.placement_fee_pay(
                actor=finance, placement=placement, amount_cents=100_000, description="Eerste deel", now=NOW
            )
    if key == "rotterdam":
        services.interest_register(role=roles[0], name="Demo Belangstellende", phone="0612345678", now=NOW)


def _load_builders(ctx, area, key, collective, delegate, finance, representative) -> None:
    from wijkgeld.accounts.models import User
    from wijkgeld.money.services import budget_line_for
    from wijkgeld.people import services

    builders = []
    for index, (name, lives, works, first, what) in enumerate(BUILDERS[key]):
        # The first builder writes their own reports, so they get an account.
        account = (
            _account(ctx, f"wijkverbinder-{first.lower()}", name, "community builder", area)
            if index == 0
            else None
        )
        builder = services.builder_register(
            user=account,
            actor=delegate,
            area=area,
            name=name,
            employer=collective,
            lives_in_area=lives,
            works_in_area=works,
            started_on=D(2026, 1, 5),
            now=NOW,
        )
        services.training_record(
            actor=delegate,
            builder=builder,
            course="ABCD: werken vanuit wat de buurt heeft",
            provider="Buurtacademie (demo)",
            completed_on=D(2026, 2, 20),
            certificate=True,
            now=NOW,
        )
        if first:
            builder = services.builder_profile_update(
                actor=delegate,
                builder=builder,
                public_profile=True,
                public_first_name=first,
                public_description=what,
                now=NOW,
            )
        builders.append(builder)
    line = budget_line_for(area=area, code="wijkverbinders", year=2026)
    commissions = [
        services.commission_create(
            actor=representative,
            builder=builders[0],
            collective=collective,
            title="Buurtsoep als ontmoetingsplek",
            aim="Elke week schuiven buren aan die elkaar nog niet kenden; zo ontstaan nieuwe contacten.",
            hours=240,
            starts_on=D(2026, 1, 1),
            ends_on=D(2026, 12, 31),
            pay_cents=900_000,
            now=NOW,
        )
    ]
    if key == "rotterdam":
        second, third = (
            User.objects.get(username="afgevaardigde2"),
            User.objects.get(username="afgevaardigde3"),
        )
        proposed = services.commission_create(
            actor=delegate,
            builder=builders[1],
            title="Jongeren en buren in gesprek",
            aim="Jongeren en oudere buren leren elkaar kennen en pakken samen iets op in de straat.",
            hours=160,
            starts_on=D(2026, 3, 1),
            ends_on=D(2026, 12, 31),
            pay_cents=640_000,
            now=NOW,
        )
        services.commission_vote(actor=second, commission=proposed, approve=True, now=NOW)
        commissions.append(services.commission_vote(actor=third, commission=proposed, approve=True, now=NOW))
        # Waiting for the delegates: shows the quorum on the page.
        services.commission_create(
            actor=second,
            builder=builders[4],
            title="Straatgesprekken in Bloemhof",
            aim="In elke straat een gesprek over wat buren samen willen doen.",
            hours=80,
            starts_on=D(2027, 1, 1),
            ends_on=D(2027, 6, 30),
            pay_cents=320_000,
            now=NOW,
        )
    for commission in commissions:
        if line is not None:
            services.commission_commit(actor=finance, commission=commission, line=line, now=NOW)
        decider = (
            representative
            if commission.given_by == "collective"
            else User.objects.get(username="afgevaardigde2")
        )
        for quarter in (1, 2, 3):
            report = services.report_submit(
                actor=commission.builder.user or representative,
                commission=commission,
                year=2026,
                quarter=quarter,
                activities=f"Kwartaal {quarter}: wekelijkse bijeenkomsten en huisbezoeken.",
                people_reached=30 + 10 * quarter,
                connections="Buren uit drie straten helpen elkaar nu met boodschappen.",
                now=NOW,
            )
            if quarter < 3 and decider != report.submitted_by:
                report = services.report_decide(actor=decider, report=report, accept=True, now=NOW)
                if line is not None and quarter == 1:
                    services.report_pay(
                        actor=finance,
                        report=report,
                        amount_cents=200_000,
                        description=f"Kwartaal {quarter}",
                        now=NOW,
                    )


@register_demo(26, "people")
def load(ctx: DemoContext) -> None:
    from wijkgeld.accounts.models import User
    from wijkgeld.community.models import CollectiveProfile
    from wijkgeld.people import services
    from wijkgeld.people.models import Appointment, WorkRole

    for key, (
        enterprise_name,
        collective_name,
        delegate_name,
        finance_name,
        coord,
        rep,
        contact,
    ) in SETUP.items():
        area = ctx.objects[key]
        enterprise = CollectiveProfile.objects.filter(
            organisation__name=enterprise_name, status="verified"
        ).first()
        collective = CollectiveProfile.objects.filter(
            organisation__name=collective_name, status="verified"
        ).first()
        delegate = User.objects.filter(username=delegate_name).first()
        finance = User.objects.filter(username=finance_name).first()
        if (
            enterprise is None
            or collective is None
            or delegate is None
            or WorkRole.objects.filter(area=area).exists()
        ):
            continue
        coordinator = _account(ctx, *coord, "coordinator (bewonersbedrijf)", area)
        representative = _account(ctx, *rep, "representative (collective)", area)
        services.appointment_create(
            actor=delegate,
            area=area,
            user=coordinator,
            kind=Appointment.Kind.COORDINATOR,
            collective=enterprise,
            now=NOW,
        )
        services.appointment_create(
            actor=delegate,
            area=area,
            user=representative,
            kind=Appointment.Kind.REPRESENTATIVE,
            collective=collective,
            now=NOW,
        )
        municipal = None
        if contact:
            municipal = _account(ctx, *contact, "municipal contact", area)
            services.appointment_create(
                actor=delegate, area=area, user=municipal, kind=Appointment.Kind.MUNICIPAL_CONTACT, now=NOW
            )
        _load_placements(ctx, area, key, enterprise, coordinator, municipal, finance)
        _load_builders(ctx, area, key, collective, delegate, finance, representative)
    ctx.notes.append(
        "People: /gebieden/rotterdam-zuid/mensen/ (public figures; Overvecht's are under the threshold); "
        "log in as coordinator-bloemhof to see participants, as programma to see them without names."
    )

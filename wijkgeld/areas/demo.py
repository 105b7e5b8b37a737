"""Demo data for areas, organisations, people and roles."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction

from wijkgeld.core.demo import DemoContext, register_demo

DATA = Path(__file__).resolve().parent / "data" / "nplv_areas.csv"


def load_nplv_areas() -> int:
    """Create or update the 20 NPLV areas and their neighbourhoods from data/nplv_areas.csv."""
    from wijkgeld.areas.models import Area, Neighbourhood

    count = 0
    with DATA.open(encoding="utf-8") as handle, transaction.atomic():
        for row in csv.DictReader(handle):
            area, _created = Area.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "name": row["name"],
                    "municipality": row["municipality"],
                    "cbs_code": row["cbs_code"],
                    "cbs_reference_year": int(row["cbs_reference_year"]),
                },
            )
            for part in filter(None, row["neighbourhoods"].split(";")):
                name, _sep, postcodes = part.partition(":")
                start, _dash, end = postcodes.partition("-")
                Neighbourhood.objects.update_or_create(
                    area=area, name=name, defaults={"postcode_from": start, "postcode_to": end or start}
                )
            count += 1
    return count


ORGANISATIONS = {
    "rotterdam-zuid": [
        ("Gemeente Rotterdam", "municipality", "public_body"),
        ("Woonstad Zuid (demo)", "housing_corporation", "stichting"),
        ("Politie eenheid Rotterdam, team Zuid (demo)", "police", "public_body"),
        ("Welzijn Zuid (demo)", "care_welfare", "stichting"),
        ("OBS De Zuiderster (demo)", "school", "stichting"),
        ("Bewonersbedrijf Bloemhof Werkt", "bewonersbedrijf", "cooperatie"),
        ("Buurtkeuken Afrikaanderwijk", "resident_collective", "vereniging"),
        ("Moestuin Tarwewijk", "resident_collective", "informal"),
    ],
    "utrecht-overvecht": [
        ("Gemeente Utrecht", "municipality", "public_body"),
        ("Woonbond Overvecht (demo)", "housing_corporation", "stichting"),
        ("Buurtteam Overvecht (demo)", "care_welfare", "stichting"),
        ("Bewonersbedrijf De Dreef", "bewonersbedrijf", "stichting"),
        ("Samen Vechtzoom", "resident_collective", "informal"),
    ],
}

# (username, display name, role, area slug or None). Invented people.
PEOPLE = [
    ("bewoner", "Fatima de Bewoner", "resident", "rotterdam-zuid"),
    ("afgevaardigde", "Kees Afgevaardigde", "resident_delegate", "rotterdam-zuid"),
    ("afgevaardigde2", "Samira Delegee", "resident_delegate", "rotterdam-zuid"),
    ("afgevaardigde3", "Joop van Zuid", "resident_delegate", "rotterdam-zuid"),
    ("commissie", "Noor Commissie", "fund_committee", "rotterdam-zuid"),
    ("commissie2", "Henk Beoordelaar", "fund_committee", "rotterdam-zuid"),
    ("programma", "Eva Programmaleider", "programme_staff", "rotterdam-zuid"),
    ("financien", "Bram Penningmeester", "finance", "rotterdam-zuid"),
    ("financien2", "Ilse Controller", "finance", "rotterdam-zuid"),
    ("overvecht-afgevaardigde", "Mohamed Overvecht", "resident_delegate", "utrecht-overvecht"),
    ("overvecht-commissie", "Lotte Commissie", "fund_committee", "utrecht-overvecht"),
    ("overvecht-programma", "Pieter Programma", "programme_staff", "utrecht-overvecht"),
    ("overvecht-financien", "Anouk Financien", "finance", "utrecht-overvecht"),
    # Helps residents vote at the buurthuis table in Overvecht, where voting is open (docs/voting.md).
    ("overvecht-balie", "Yasmin Balie", "help_desk", "utrecht-overvecht"),
    ("rijk", "Waarnemer Rijk", "observer", None),
    ("beheer", "Beheerder", "site_admin", None),
]
DEMO_PASSWORD = "wijkgeld-demo"  # noqa: S105 - printed on purpose; demo accounts only
# A fixed base32 TOTP key so that a demo user can add it to an authenticator app once.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"  # RFC 6238 test key "1234567890..."
DEMO_BACKUP_CODES = ["demo00001", "demo00002", "demo00003", "demo00004", "demo00005"]


def _chosen_by_residents(role: str) -> dict:
    """Delegates and committee members are on record as chosen by residents, with a term end."""
    if role == "resident_delegate":
        return {
            "chosen_by": "residents_platform",
            "chosen_reference": "Bewonersplatform, vergadering 12 maart 2026, besluit 4",
            "until": dt.date(2028, 12, 31),
        }
    if role == "fund_committee":
        return {
            "chosen_by": "elected",
            "chosen_reference": "Verkiezing bewonerscommissie, februari 2026",
            "until": dt.date(2028, 12, 31),
        }
    return {}


@register_demo(10, "areas")
def load(ctx: DemoContext) -> None:
    from django.conf import settings
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkgeld.accounts.models import Role, User
    from wijkgeld.accounts.services import role_grant
    from wijkgeld.areas.models import Area, Organisation

    load_nplv_areas()
    for slug, orgs in ORGANISATIONS.items():
        area = Area.objects.get(slug=slug)
        for name, kind, legal_form in orgs:
            org, _c = Organisation.objects.update_or_create(
                name=name, kind=kind, defaults={"legal_form": legal_form}
            )
            org.local_areas.add(area)
    for username, display, role, slug in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username, defaults={"display_name": display, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            # The site administrator also uses Django's admin (/beheer/).
            user.is_staff = user.is_superuser = role == "site_admin"
            user.save()
        area = Area.objects.get(slug=slug) if slug else None
        if not Role.objects.filter(user=user, area=area, name=role).exists():
            # Through the service, so the rules hold and the grant shows on the area's role history.
            role_grant(actor=None, user=user, area=area, name=role, **_chosen_by_residents(role))
        if role in settings.TWO_FACTOR_ROLES:
            TOTPDevice.objects.get_or_create(
                user=user, name="demo", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
            )
            static, _c = StaticDevice.objects.get_or_create(user=user, name="backup")
            for token in DEMO_BACKUP_CODES:
                StaticToken.objects.get_or_create(device=static, token=token)
        ctx.accounts.append((username, role, area.name if area else "alle gebieden"))
    ctx.objects["rotterdam"] = Area.objects.get(slug="rotterdam-zuid")
    ctx.objects["overvecht"] = Area.objects.get(slug="utrecht-overvecht")
    ctx.notes.append(f"Password for every demo account: {DEMO_PASSWORD}")
    ctx.notes.append(
        "Programme staff, finance and beheer log in with two steps: add the key "
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ to an authenticator app, or use a backup code "
        f"({', '.join(DEMO_BACKUP_CODES)}; each works once per user)."
    )

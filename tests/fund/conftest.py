"""Fixtures for the fund: rounds in any phase, ideas, committee members, ballots and a funded budget line."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from PIL import Image

from wijkgeld.fund.models import Fund, Proposal, Round

NOW = timezone.make_aware(dt.datetime(2026, 5, 1, 12, 0))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def make_round(db):
    def make(area, phase=Round.Phase.IDEAS, **kwargs):
        fund, _ = Fund.objects.get_or_create(area=area, defaults={"name": f"Bewonersfonds {area.name}"})
        values = {
            "title": "Wijkbudget 2026",
            "year": 2026,
            "budget_cents": 1_000_000,
            "phase": phase,
            "ideas_start": NOW - dt.timedelta(days=30),
            "assessment_start": NOW + dt.timedelta(days=10),
            "voting_start": NOW + dt.timedelta(days=20),
            "voting_end": NOW + dt.timedelta(days=30),
            "execution_end": NOW + dt.timedelta(days=400),
        }
        values.update(kwargs)
        if phase in (Round.Phase.VOTING, Round.Phase.RESULTS, Round.Phase.EXECUTION, Round.Phase.CLOSED):
            values.setdefault("locked_at", NOW)
        return Round.objects.create(fund=fund, **values)

    return make


@pytest.fixture
def make_idea(db):
    def make(round_, status=Proposal.Status.SUBMITTED, cost=100_000, **kwargs):
        number = round_.proposals.count() + 1
        values = {
            "number": number,
            "title": f"Idee {number}",
            "summary": "Een korte samenvatting.",
            "description": "Wat we gaan doen.",
            "estimated_cost_cents": cost,
            "contact_name": "Aisha Indiener",
            "contact_email": "aisha@example.org",
            "status": status,
        }
        if status == Proposal.Status.ADMITTED:
            values["final_cost_cents"] = cost
        values.update(kwargs)
        return Proposal.objects.create(round=round_, **values)

    return make


@pytest.fixture
def committee(make_user, area):
    return make_user("fund_committee", area)


def png_bytes(size=(40, 30), fmt="PNG", exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 50, 50))
    kwargs = {"exif": exif} if exif else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    gps = {1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (4.0, 28.0, 0.0)}
    exif[0x8825] = gps
    return exif.tobytes()


@pytest.fixture
def voting_round(make_round, make_idea, area):
    """A round in voting with three admitted projects (costs €4000, €3000, €5000 of €10000)."""
    round_ = make_round(
        area,
        phase=Round.Phase.VOTING,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
    )
    make_idea(round_, status=Proposal.Status.ADMITTED, cost=400_000, title="Speeltuin")
    make_idea(round_, status=Proposal.Status.ADMITTED, cost=300_000, title="Moestuin")
    make_idea(round_, status=Proposal.Status.ADMITTED, cost=500_000, title="Buurtfeest")
    return round_


def cast(round_, actor, selections, now=NOW):
    """Cast one ballot per selection through the voting services; returns the receipts."""
    from wijkgeld.voting.services import ballot_cast, codes_generate

    codes = codes_generate(actor=actor, round=round_, count=len(selections), now=now)
    return [
        ballot_cast(round=round_, code=c, approvals=list(s), now=now)
        for c, s in zip(codes, selections, strict=True)
    ]


@pytest.fixture
def funded_line(make_user, area):
    """A €50,000 'bewonersfonds' budget line for 2026 in the area (through the money services)."""
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import budget_line_create, grant_create
    from wijkgeld.money.structure import load_structure

    load_structure()  # a flushing (transactional) test may have removed the seeded themes
    finance = make_user("finance", area)
    theme = Theme.objects.get(code="maatschappelijke_samenhang", tranche__number=2)
    grant_create(
        actor=finance,
        area=area,
        year=2026,
        theme=theme,
        funding_ministry="VRO",
        amount_cents=5_000_000,
        now=NOW,
    )
    return budget_line_create(
        actor=finance,
        area=area,
        theme=theme,
        year=2026,
        code="bewonersfonds",
        name="Bewonersfonds",
        amount_cents=5_000_000,
        now=NOW,
    )


@pytest.fixture
def executing(voting_round, committee, funded_line, area):
    """A round in execution whose project 1 belongs to a collective; returns (round, proposer token)."""
    from wijkgeld.areas.models import Organisation
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.fund.tokens import new_token

    collective = Organisation.objects.create(
        name="Speelclub Zuid", kind="resident_collective", legal_form="informal"
    )
    collective.local_areas.add(area)
    token, digest = new_token()
    voting_round.proposals.filter(number=1).update(on_behalf_of=collective, edit_token_hash=digest)
    cast(voting_round, committee, [("1", "3")] * 6 + [("2",)] * 4)
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result_count(actor=committee, round=round_, now=NOW)
    result_publish(actor=committee, round=round_, now=NOW)
    round_ = round_advance(actor=committee, round=round_, now=NOW)
    return round_, token

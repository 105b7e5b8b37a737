"""Demo data for the bewonersfonds, made through the real services (with time injected).

- Utrecht Overvecht: a round in voting with six admitted ideas and a few fixed demo codes (printed).
- Utrecht Overvecht: also a second round open for ideas (so the home page shows "send your idea before").
- Rotterdam-Zuid: a published round with about 200 ballots, its result, and a project in execution
  with a paid tranche and a progress update.
- Utrecht Overvecht: a published round with a budget per neighbourhood (three neighbourhoods, money
  left pooled), about 60 ballots cast with codes per neighbourhood.

Idempotent: a round that exists is left alone; the fixed demo codes are only added once.
"""

from __future__ import annotations

import datetime as dt
import random
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from wijkgeld.core.demo import DemoContext, register_demo

VOTING_TITLE = "Buurtbudget Overvecht 2026"
IDEAS_TITLE = "Jongerenbudget Overvecht 2026"
PUBLISHED_TITLE = "Wijkbudget Zuid 2026"
SPLIT_TITLE = "Buurtenbudget Overvecht 2026"
THEMES_TITLE = "Themabudget Zuid 2026"
# (theme, budget in cents, ideas: title, summary, cost): a budget per theme, everyone votes on all ideas.
THEMES_ZUID = [
    (
        "groen",
        500_000,
        [
            ("Geveltuintjes Tarwewijk", "Tegels eruit, planten erin: twintig geveltuinen.", 250_000),
            ("Bomen op het Mijnkintplein", "Vier bomen met een bankje eromheen.", 300_000),
            ("Moestuin bij de school", "Een moestuin waar kinderen en buren samen kweken.", 150_000),
        ],
    ),
    (
        "spelen",
        300_000,
        [
            ("Voetbalkooi opknappen", "Nieuwe netten en doelen in de kooi aan de Brede Hilledijk.", 200_000),
            ("Speelkist op het plein", "Een kist met buitenspeelgoed die buren beheren.", 60_000),
        ],
    ),
    (
        "ontmoeten",
        200_000,
        [
            ("Buurtmaaltijd op vrijdag", "Elke vrijdag samen eten in het buurthuis.", 120_000),
            ("Taalcafé", "Wekelijks praten in het Nederlands, met koffie.", 70_000),
        ],
    ),
]
# (neighbourhood of Overvecht, budget in cents, ideas: title, summary, cost, theme)
SPLIT_OVERVECHT = [
    (
        "Zambesidreef en omgeving",
        400_000,
        [
            (
                "Bankjes bij de Zambesidreef",
                "Vijf bankjes langs het pad naar de winkels.",
                200_000,
                "ontmoeten",
            ),
            ("Buurtbibliotheekkastjes", "Drie kastjes waar buren boeken ruilen.", 90_000, "leren"),
            ("Speelplek opknappen", "Een nieuwe wip en een zandbak bij de flats.", 300_000, "spelen"),
        ],
    ),
    (
        "Wolga- en Donaudreef",
        400_000,
        [
            ("Bloembakken Wolgadreef", "Bloembakken met vaste planten voor de portieken.", 150_000, "groen"),
            ("Kookavond voor buren", "Elke maand samen koken in de ontmoetingsruimte.", 180_000, "ontmoeten"),
        ],
    ),
    (
        "Vechtzoom",
        400_000,
        [
            (
                "Hondenuitlaatveld met hek",
                "Een omheind veld zodat honden los kunnen lopen.",
                350_000,
                "groen",
            ),
            ("Fietsreparatiedag", "Twee keer per jaar gratis fietsen repareren.", 60_000, "leren"),
        ],
    ),
]
YEAR = 2026
DEMO_CODES = 5
NUM_BALLOTS = 200

IDEAS_OVERVECHT = [
    (
        "Picknicktafels in het Vechtzoompark",
        "Drie picknicktafels bij de speelplaats, zodat buren samen kunnen eten.",
        450_000,
        "ontmoeten",
    ),
    ("Moestuinbakken bij de flat", "Tien moestuinbakken voor bewoners van de Gambiadreef.", 300_000, "groen"),
    (
        "Straatvoetbaltoernooi",
        "Een toernooi voor jongeren, met een finale en een buurtbarbecue.",
        250_000,
        "spelen",
    ),
    ("Repair Café elke maand", "Samen spullen repareren in het buurthuis, met koffie.", 180_000, "ontmoeten"),
    ("Meer licht op het fietspad", "Vier extra lampen op het donkere stuk fietspad.", 600_000, "veilig"),
    (
        "Taalcafé voor nieuwe buren",
        "Elke week Nederlands oefenen met vrijwilligers uit de buurt.",
        220_000,
        "leren",
    ),
]
IDEAS_ZUID = [
    (
        "Speeltuin Tarwewijk opknappen",
        "Nieuwe schommels en een klimrek in de speeltuin.",
        1_200_000,
        "spelen",
    ),
    (
        "Buurtkeuken voor ouderen",
        "Twee keer per week samen eten voor ouderen uit de buurt.",
        800_000,
        "ontmoeten",
    ),
    ("Groene gevels Bloemhof", "Geveltuinen en bloembakken in drie straten.", 500_000, "groen"),
    ("Huiswerkclub", "Hulp bij huiswerk voor kinderen, door studenten uit de wijk.", 600_000, "leren"),
    (
        "Zomerfeest op het plein",
        "Een feest met muziek en eten uit alle landen van de buurt.",
        400_000,
        "cultuur",
    ),
    ("Buurtpreventie-app en hesjes", "Hesjes en zaklampen voor de buurtwacht.", 150_000, "veilig"),
    (
        "Muurschildering tunnel",
        "Jongeren maken een muurschildering in de donkere tunnel.",
        700_000,
        "cultuur",
    ),
]


# Colours for the invented demo "photos": a simple drawing per theme (no real photos in the repository).
THEME_COLOURS = {
    "ontmoeten": ((246, 214, 160), (196, 98, 45)),
    "groen": ((206, 234, 196), (46, 125, 50)),
    "spelen": ((255, 232, 163), (21, 101, 192)),
    "veilig": ((40, 53, 90), (255, 214, 0)),
    "leren": ((227, 221, 245), (94, 53, 177)),
    "cultuur": ((250, 208, 220), (173, 20, 87)),
}


def _demo_photo(theme: str, index: int):
    """A small drawn picture (sky, ground, sun, a house) as an upload, so cards and ballot show photos."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw

    sky, accent = THEME_COLOURS.get(theme, ((220, 230, 240), (11, 110, 79)))
    image = Image.new("RGB", (640, 360), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 250, 640, 360), fill=(120, 170, 90))
    draw.ellipse((500 - index * 40, 40, 580 - index * 40, 120), fill=(255, 200, 60))
    x = 80 + index * 60
    draw.rectangle((x, 150, x + 160, 260), fill=accent)
    draw.polygon([(x - 20, 150), (x + 80, 80), (x + 180, 150)], fill=(90, 60, 50))
    draw.rectangle((x + 60, 200, x + 100, 260), fill=(250, 250, 250))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile(f"demo-{theme}-{index}.png", out.getvalue(), content_type="image/png")


def _demo_code(index: int, seed: str) -> str:
    from wijkgeld.voting import codes as codelib

    rng = random.Random(f"{seed}:{index}")  # noqa: S311 - demo codes are printed in the README on purpose
    body = "".join(rng.choice(codelib.ALPHABET) for _ in range(codelib.RANDOM_CHARS))
    return body + codelib.check_char(body)


@contextmanager
def _fixed_codes(seed: str):
    """Let the voting service make codes that are the same on every machine (demo only)."""
    from wijkgeld.voting import codes as codelib

    counter = iter(range(10_000))
    with mock.patch.object(codelib, "generate_code", lambda: _demo_code(next(counter), seed)):
        yield


def _ensure_line(area, finance, now):
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import (
        budget_line_create,
        budget_line_for,
        grant_create,
        line_available_cents,
    )

    line = budget_line_for(area=area, code="bewonersfonds", year=YEAR)
    if line is not None:
        return line
    theme = Theme.objects.get(code="maatschappelijke_samenhang", tranche__number=2)
    grant_create(
        actor=finance,
        area=area,
        year=YEAR,
        theme=theme,
        funding_ministry="VRO",
        amount_cents=10_000_000,
        now=now,
    )
    line = budget_line_create(
        actor=finance,
        area=area,
        theme=theme,
        year=YEAR,
        code="bewonersfonds",
        name="Bewonersfonds",
        amount_cents=10_000_000,
        now=now,
    )
    assert line_available_cents(line) > 0
    return line


def _round_with_ideas(*, area, committee, members, ideas, budget, start, title, voting_days, prepare=None):
    """A round moved through ideas and assessment into voting, each step at its own (past) moment.

    `prepare(round, proposals, moment)` runs just before voting opens (to set neighbourhood budgets)."""
    from wijkgeld.fund.models import Assessment
    from wijkgeld.fund.services.assessment import assessment_record, idea_decide
    from wijkgeld.fund.services.ideas import idea_submit
    from wijkgeld.fund.services.rounds import round_advance, round_create

    day = dt.timedelta(days=1)
    round_ = round_create(
        actor=committee,
        area=area,
        title=title,
        year=YEAR,
        budget_cents=budget,
        ideas_start=start,
        assessment_start=start + 14 * day,
        voting_start=start + 28 * day,
        voting_end=start + (28 + voting_days) * day,
        max_projects=3,
        now=start - day,
    )
    round_ = round_advance(actor=committee, round=round_, now=start)
    proposals = []
    for i, (name, summary, cost, theme) in enumerate(ideas):
        proposal, _token = idea_submit(
            round=round_,
            title=name,
            summary=summary,
            description=f"{summary} We doen het samen met de buren. De commissie kan ons altijd bellen.",
            estimated_cost_cents=cost,
            theme=theme,
            location=area.name,
            contact_name=f"Demo-indiener {i + 1}",
            contact_email=f"indiener{i + 1}@example.org",
            photos=[_demo_photo(theme, i % 4)],
            now=start + (i + 1) * dt.timedelta(hours=5),
        )
        proposals.append(proposal)
    round_ = round_advance(actor=committee, round=round_, now=start + 14 * day)
    criteria = dict.fromkeys(Assessment.CRITERIA, True)
    for proposal in proposals:
        for member in members:
            assessment_record(actor=member, proposal=proposal, **criteria, now=start + 16 * day)
        idea_decide(actor=committee, proposal=proposal, admitted=True, now=start + 18 * day)
    if prepare is not None:
        prepare(round_, proposals, start + 20 * day)
    return round_advance(actor=committee, round=round_, now=start + 28 * day), proposals


def _users(*names):
    from wijkgeld.accounts.models import User

    return [User.objects.get(username=n) for n in names]


def load_voting_round(ctx: DemoContext, now: dt.datetime) -> None:
    from wijkgeld.fund.models import Round
    from wijkgeld.voting import codes as codelib
    from wijkgeld.voting.models import VotingCode
    from wijkgeld.voting.services import codes_generate

    area = ctx.objects["overvecht"]
    committee, finance = _users("overvecht-commissie", "overvecht-financien")
    round_ = Round.objects.filter(fund__area=area, title=VOTING_TITLE).first()
    if round_ is None:
        _ensure_line(area, finance, now - dt.timedelta(days=60))
        round_, _ = _round_with_ideas(
            area=area,
            committee=committee,
            members=[committee],
            ideas=IDEAS_OVERVECHT,
            budget=1_500_000,
            start=now - dt.timedelta(days=30),
            title=VOTING_TITLE,
            voting_days=365,
        )
    seed = f"wijkgeld-demo-{area.slug}-{round_.pk}"
    codes = [_demo_code(i, seed) for i in range(DEMO_CODES)]
    if not VotingCode.objects.filter(round=round_, code_hash=codelib.code_hash(codes[0])).exists():
        with _fixed_codes(seed):
            codes_generate(actor=committee, round=round_, count=DEMO_CODES, now=now)
    ctx.notes.append(
        f"Bewonersfonds {area.name}: voting is open at {round_.get_absolute_url()} . "
        "Demo voting codes (one vote each; you can change your vote until voting closes): "
        + ", ".join(codelib.format_code(c) for c in codes)
    )


def load_published_round(ctx: DemoContext, now: dt.datetime) -> None:
    from wijkgeld.fund.models import Round
    from wijkgeld.fund.services.execution import award_create, update_post
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.fund.tokens import new_token
    from wijkgeld.money.services import payment_create
    from wijkgeld.voting.services import ballot_cast, codes_generate

    area = ctx.objects["rotterdam"]
    committee, member2, finance = _users("commissie", "commissie2", "financien")
    round_ = Round.objects.filter(fund__area=area, title=PUBLISHED_TITLE).first()
    if round_ is None:
        day = dt.timedelta(days=1)
        start = now - 120 * day
        _ensure_line(area, finance, start - 30 * day)
        round_, proposals = _round_with_ideas(
            area=area,
            committee=committee,
            members=[committee, member2],
            ideas=IDEAS_ZUID,
            budget=2_500_000,
            start=start,
            title=PUBLISHED_TITLE,
            voting_days=14,
        )
        vote_at = start + 30 * day
        codes = codes_generate(actor=committee, round=round_, count=NUM_BALLOTS, now=vote_at)
        rng = random.Random(2026)  # noqa: S311 - invented, reproducible demo votes
        weights = [9, 7, 6, 5, 4, 3, 2]
        ids = [p.project_id for p in proposals]
        for code in codes:
            chosen: set[str] = set()
            for _ in range(rng.choice([1, 2, 2, 3, 3])):
                chosen.add(rng.choices(ids, weights=weights)[0])
            ballot_cast(round=round_, code=code, approvals=sorted(chosen), now=vote_at)
        round_ = round_advance(actor=committee, round=round_, now=start + 42 * day)
        result_count(actor=committee, round=round_, now=start + 43 * day)
        result_publish(actor=committee, round=round_, now=start + 44 * day)
        round_ = round_advance(actor=committee, round=round_, now=start + 45 * day)
        result = round_.result
        winner = round_.proposals.get(number=int(result.selected[0]))
        token, digest = new_token()
        winner.edit_token_hash = digest
        winner.save(update_fields=["edit_token_hash"])
        award = award_create(actor=committee, proposal=winner, now=start + 46 * day)
        from wijkgeld.money.models import Commitment

        commitment = Commitment.objects.get(pk=award.commitment_id)
        payment_create(
            actor=finance,
            commitment=commitment,
            amount_cents=award.amount_cents // 2,
            description="Eerste deel (demo)",
            now=start + 50 * day,
        )
        update_post(
            round=round_,
            number=winner.number,
            token=token,
            text="We zijn begonnen. De eerste spullen zijn gekocht en de buren helpen mee.",
            now=start + 60 * day,
        )
    ctx.notes.append(
        f"Bewonersfonds {area.name}: published result at {round_.get_absolute_url()}uitslag/ "
        "(download the .pb file there and recount it with the command shown)."
    )


def load_split_round(ctx: DemoContext, now: dt.datetime) -> None:
    """A published round of Overvecht with a budget per neighbourhood; each code votes in its own."""
    from wijkgeld.areas.models import Neighbourhood
    from wijkgeld.fund.models import Round
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.fund.services.subareas import idea_sub_area_set, sub_areas_set
    from wijkgeld.voting.services import ballot_cast, codes_generate

    area = ctx.objects["overvecht"]
    committee, finance = _users("overvecht-commissie", "overvecht-financien")
    round_ = Round.objects.filter(fund__area=area, title=SPLIT_TITLE).first()
    if round_ is None:
        day = dt.timedelta(days=1)
        start = now - 90 * day
        _ensure_line(area, finance, start - 30 * day)
        ideas = [idea for _name, _budget, group in SPLIT_OVERVECHT for idea in group]
        hoods = {n.name: n for n in Neighbourhood.objects.filter(area=area)}

        def prepare(round_, proposals, moment):
            sub_areas_set(
                actor=committee,
                round=round_,
                budgets={hoods[name].pk: budget for name, budget, _group in SPLIT_OVERVECHT},
                leftover=Round.Leftover.POOLED,
                now=moment,
            )
            subs = {s.name: s for s in round_.sub_areas.all()}
            numbered = iter(proposals)
            for name, _budget, group in SPLIT_OVERVECHT:
                for _idea in group:
                    idea_sub_area_set(
                        actor=committee, proposal=next(numbered), sub_area=subs[name], now=moment
                    )

        round_, proposals = _round_with_ideas(
            area=area,
            committee=committee,
            members=[committee],
            ideas=ideas,
            budget=sum(budget for _name, budget, _group in SPLIT_OVERVECHT),
            start=start,
            title=SPLIT_TITLE,
            voting_days=14,
            prepare=prepare,
        )
        vote_at = start + 30 * day
        rng = random.Random(2027)  # noqa: S311 - invented, reproducible demo votes
        for sub, voters in zip(round_.sub_areas.all(), (24, 20, 16), strict=True):
            ids = [p.project_id for p in proposals if p.pk in set(sub.proposals.values_list("pk", flat=True))]
            for code in codes_generate(
                actor=committee, round=round_, count=voters, sub_area=sub, now=vote_at
            ):
                chosen = set(rng.sample(ids, rng.choice([1, 1, 2])))
                ballot_cast(round=round_, code=code, approvals=sorted(chosen), now=vote_at)
        round_ = round_advance(actor=committee, round=round_, now=start + 42 * day)
        result_count(actor=committee, round=round_, now=start + 43 * day)
        result_publish(actor=committee, round=round_, now=start + 44 * day)
    ctx.notes.append(
        f"Bewonersfonds {area.name}: published result with a budget per neighbourhood at "
        f"{round_.get_absolute_url()}uitslag/ ."
    )


def load_theme_round(ctx: DemoContext, now: dt.datetime) -> None:
    """A published round of Rotterdam-Zuid with a budget per theme: everyone votes on all ideas,
    each theme is counted on its own budget (as Amsterdam does), money left is pooled."""
    from wijkgeld.fund.models import Round
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.fund.services.subareas import category_budgets_set
    from wijkgeld.voting.services import ballot_cast, codes_generate

    area = ctx.objects["rotterdam"]
    committee, member2, finance = _users("commissie", "commissie2", "financien")
    round_ = Round.objects.filter(fund__area=area, title=THEMES_TITLE).first()
    if round_ is None:
        day = dt.timedelta(days=1)
        start = now - 100 * day
        _ensure_line(area, finance, start - 30 * day)
        ideas = [(*idea, theme) for theme, _budget, group in THEMES_ZUID for idea in group]

        def prepare(round_, _proposals, moment):
            category_budgets_set(
                actor=committee,
                round=round_,
                budgets={theme: budget for theme, budget, _group in THEMES_ZUID},
                leftover=Round.Leftover.POOLED,
                now=moment,
            )

        round_, proposals = _round_with_ideas(
            area=area,
            committee=committee,
            members=[committee, member2],
            ideas=ideas,
            budget=sum(budget for _theme, budget, _group in THEMES_ZUID),
            start=start,
            title=THEMES_TITLE,
            voting_days=14,
            prepare=prepare,
        )
        vote_at = start + 30 * day
        rng = random.Random(2028)  # noqa: S311 - invented, reproducible demo votes
        ids = [p.project_id for p in proposals]
        weights = [8, 5, 4, 7, 6, 3, 5]
        for code in codes_generate(actor=committee, round=round_, count=60, now=vote_at):
            chosen = {rng.choices(ids, weights)[0] for _ in range(rng.choice([1, 2, 3]))}
            ballot_cast(round=round_, code=code, approvals=sorted(chosen), now=vote_at)
        round_ = round_advance(actor=committee, round=round_, now=start + 42 * day)
        result_count(actor=committee, round=round_, now=start + 43 * day)
        result_publish(actor=committee, round=round_, now=start + 44 * day)
    ctx.notes.append(
        f"Bewonersfonds {area.name}: published result with a budget per theme at {round_.get_absolute_url()}uitslag/ ."
    )


def load_ideas_round(ctx: DemoContext, now: dt.datetime) -> None:
    """A round open for ideas, with one idea sent in, so residents see how to take part."""
    from wijkgeld.fund.models import Round
    from wijkgeld.fund.services.ideas import idea_submit
    from wijkgeld.fund.services.rounds import round_advance, round_create

    area = ctx.objects["overvecht"]
    (committee,) = _users("overvecht-commissie")
    round_ = Round.objects.filter(fund__area=area, title=IDEAS_TITLE).first()
    if round_ is None:
        day = dt.timedelta(days=1)
        start = now - 5 * day
        round_ = round_create(
            actor=committee,
            area=area,
            title=IDEAS_TITLE,
            year=YEAR,
            budget_cents=500_000,
            ideas_start=start,
            assessment_start=now + 25 * day,
            voting_start=now + 45 * day,
            voting_end=now + 59 * day,
            max_projects=2,
            now=start - day,
        )
        round_ = round_advance(actor=committee, round=round_, now=start)
        idea_submit(
            round=round_,
            title="Skatebaan bij de Vechtzoom",
            summary="Een kleine skatebaan waar jongeren elkaar kunnen ontmoeten.",
            description="Jongeren uit de buurt willen een plek om te skaten. Wij helpen mee met de bouw.",
            estimated_cost_cents=350_000,
            theme="spelen",
            location=area.name,
            contact_name="Demo-indiener jongeren",
            contact_email="jongeren@example.org",
            now=start + day,
        )
    ctx.notes.append(f"Bewonersfonds {area.name}: open for ideas at {round_.get_absolute_url()} .")


@register_demo(50, "fund")
def load(ctx: DemoContext) -> None:
    from wijkgeld.fund.models import Fund

    now = timezone.now().replace(microsecond=0)
    load_voting_round(ctx, now)
    load_ideas_round(ctx, now)
    load_published_round(ctx, now)
    load_split_round(ctx, now)
    load_theme_round(ctx, now)
    # Invented contact details for the letters and paper ballots.
    Fund.objects.filter(area__slug="utrecht-overvecht", contact="").update(
        contact="bewonersfonds-overvecht@example.org, 030 000 0000 (di en do 10-12 uur)"
    )
    Fund.objects.filter(area__slug="rotterdam-zuid", contact="").update(
        contact="bewonersfonds-zuid@example.org, 010 000 0000"
    )

"""A demo-like world for tests that walk the whole site: the demo (two areas full of money, alliance and
fund data) plus rounds in the phases the demo skips (ideas, assessment) with known private links.

`World.obj(area)` gives the objects of one area, so a test can ask for "own area" and "other area" alike.
"""

from __future__ import annotations

import datetime as dt
import html.parser
from dataclasses import dataclass, field

from django.core.management import call_command
from django.utils import timezone

from tests.conftest import login

# Role in the matrix -> demo account (Rotterdam-Zuid, or every area for observer and admin).
ROLE_USERS = {
    "anonymous": None,
    "resident": "bewoner",
    "delegate": "afgevaardigde",
    "committee": "commissie",
    "staff": "programma",
    "finance": "financien",
    "finance2": "financien2",
    "observer": "rijk",
    "admin": "beheer",
}
OWN, OTHER = "rotterdam-zuid", "utrecht-overvecht"


@dataclass
class AreaObjects:
    area: object
    line: object
    commitment: object
    payment: object
    support: object
    transaction: object
    meeting: object
    document: object  # members only, where the demo has one
    question: object
    agenda_item: object
    collective: object
    round_ideas: object
    round_assessment: object
    round_voting: object | None
    round_done: object
    idea: object  # in round_ideas, editable through its private link
    idea_token: str
    assessed: object  # in round_assessment
    awarded: object  # in round_done: awarded and executing (Rotterdam-Zuid), admitted (elsewhere)
    awarded_token: str
    # Pages added later: money documents and line changes, voting batches, fund receipts, people.
    money_document: tuple[str, int] = ("boeking", 0)  # (kind, pk) of a row with a stored document
    line_change: object = None
    batch: object = None  # a letter-code batch of round_voting (None where no round is in voting)
    receipt_photo: object = None  # a receipt photo in round_done (pk 0: none)
    work_role: object = None  # an open role at the area's bewonersbedrijf
    interest: object = None
    placement: object = None
    builder: object = None
    commission: object = None
    report: object = None


@dataclass
class World:
    areas: dict[str, AreaObjects] = field(default_factory=dict)

    def obj(self, slug: str) -> AreaObjects:
        return self.areas[slug]


def _round(area, phase, title, *, budget=1_000_000, **kwargs):
    from wijkgeld.fund.models import Fund, Round

    now = timezone.now()
    fund, _ = Fund.objects.get_or_create(area=area, defaults={"name": f"Bewonersfonds {area.name}"})
    values = {
        "title": title,
        "year": 2026,
        "budget_cents": budget,
        "phase": phase,
        "ideas_start": now - dt.timedelta(days=10),
        "assessment_start": now + dt.timedelta(days=10),
        "voting_start": now + dt.timedelta(days=20),
        "voting_end": now + dt.timedelta(days=30),
        "execution_end": now + dt.timedelta(days=400),
    }
    values.update(kwargs)
    return Round.objects.create(fund=fund, **values)


def _idea(round_, status, *, cost=250_050):
    from wijkgeld.fund.models import Proposal
    from wijkgeld.fund.tokens import new_token

    token, digest = new_token()
    number = round_.proposals.count() + 1
    proposal = Proposal.objects.create(
        round=round_,
        number=number,
        title=f"Bankjes {number}",
        summary="Bankjes op het plein.",
        description="Wij zetten bankjes neer, samen met de buren van het plein.",
        estimated_cost_cents=cost,
        theme="groen",
        contact_name="Demo Indiener",
        contact_email="indiener@example.org",
        status=status,
        edit_token_hash=digest,
    )
    return proposal, token


def _first(qs):
    return qs.order_by("pk").first()


def build_world() -> World:
    from wijkgeld.accounts.models import User
    from wijkgeld.alliance.models import AgendaItem, Document, Meeting, Question
    from wijkgeld.areas.models import Area
    from wijkgeld.community.models import CollectiveProfile
    from wijkgeld.fund.models import Award, Proposal, Round
    from wijkgeld.fund.tokens import new_token
    from wijkgeld.money.models import BudgetLine, Commitment, Payment, SupportRequest, Transaction

    call_command("demo", quiet=True)
    world = World()
    for slug in (OWN, OTHER):
        area = Area.objects.get(slug=slug)
        rounds = Round.objects.filter(fund__area=area)
        # The demo's round with a budget per neighbourhood (Overvecht) is not the one the matrix walks.
        done = _first(rounds.filter(phase__in=["results", "execution"], split=Round.Split.NONE)) or _round(
            area, Round.Phase.RESULTS, "Afgerond", locked_at=timezone.now()
        )
        round_ideas = _round(area, Round.Phase.IDEAS, "Ideeënronde")
        idea, idea_token = _idea(round_ideas, Proposal.Status.SUBMITTED)
        round_assessment = _round(area, Round.Phase.ASSESSMENT, "Beoordelingsronde")
        assessed, _token = _idea(round_assessment, Proposal.Status.SUBMITTED)
        award = _first(Award.objects.filter(proposal__round=done))
        if award is not None:
            awarded = award.proposal
            awarded_token, digest = new_token()
            Proposal.objects.filter(pk=awarded.pk).update(edit_token_hash=digest)
        else:  # the demo awards only in Rotterdam-Zuid; elsewhere an admitted idea stands in
            awarded, awarded_token = _idea(done, Proposal.Status.ADMITTED)
        line = _first(BudgetLine.objects.filter(area=area))
        support = _first(SupportRequest.objects.filter(line__area=area)) or SupportRequest.objects.create(
            line=line,
            title="Training vergadertechniek",
            reason="Zodat bewoners goed voorbereid aan tafel zitten.",
            supplier_name="Buurtacademie",
            amount_cents=50_000,
            proposed_by=User.objects.filter(roles__area=area, roles__name="resident_delegate").first(),
            created_at=timezone.now(),
            approvals_needed=2,
        )
        documents = Document.objects.filter(meeting__alliance__area=area)
        document = _first(documents.filter(visibility="members")) or _first(documents)  # the private kind
        question = _first(Question.objects.filter(document__meeting__alliance__area=area))
        if question is None:
            question = Question.objects.create(
                document=document,
                asked_by=User.objects.filter(roles__area=area, roles__name="resident_delegate").first(),
                text="Wat kost dit per jaar?",
                asked_at=timezone.now(),
            )
        world.areas[slug] = AreaObjects(
            area=area,
            line=line,
            commitment=_first(Commitment.objects.filter(line__area=area)),
            payment=_first(Payment.objects.filter(commitment__line__area=area)),
            support=support,
            transaction=_first(Transaction.objects.filter(area=area)),
            meeting=_first(Meeting.objects.filter(alliance__area=area)),
            document=document,
            question=question,
            agenda_item=_first(AgendaItem.objects.filter(alliance__area=area)),
            collective=_first(CollectiveProfile.objects.filter(organisation__local_areas=area)),
            round_ideas=round_ideas,
            round_assessment=round_assessment,
            round_voting=_first(rounds.filter(phase="voting")),
            round_done=done,
            idea=idea,
            idea_token=idea_token,
            assessed=assessed,
            awarded=awarded,
            awarded_token=awarded_token,
            **_later_objects(area, done, _first(rounds.filter(phase="voting"))),
        )
    return world


def _later_objects(area, round_done, round_voting) -> dict:
    from wijkgeld.fund.models import Photo
    from wijkgeld.money.models import Commitment, Grant, LineChange, Payment, Transaction
    from wijkgeld.people.models import Commission, CommunityBuilder, Interest, Placement, Report, WorkRole
    from wijkgeld.voting.models import CodeBatch

    document = ("boeking", 0)
    for kind, model, path in (
        ("boeking", Transaction, "area"),
        ("verplichting", Commitment, "line__area"),
        ("betaling", Payment, "commitment__line__area"),
        ("subsidie", Grant, "area"),
    ):
        row = _first(model.objects.filter(**{path: area}).exclude(document=""))
        if row is not None:
            document = (kind, row.pk)
            break
    return {
        "money_document": document,
        "line_change": _first(LineChange.objects.filter(line__area=area)),
        "batch": _first(CodeBatch.objects.filter(round=round_voting)) if round_voting else None,
        "receipt_photo": _first(Photo.objects.filter(proposal__round=round_done)),
        "work_role": _first(WorkRole.objects.filter(area=area, is_open=True)),
        "interest": _first(Interest.objects.filter(role__area=area)),
        "placement": _first(Placement.objects.filter(area=area)),
        "builder": _first(CommunityBuilder.objects.filter(area=area)),
        "commission": _first(Commission.objects.filter(area=area)),
        "report": _first(Report.objects.filter(commission__area=area)),
    }


def client_as(client, role: str):
    """The test client logged in as the demo account of this role (second step done), or logged out."""
    from wijkgeld.accounts.models import User

    client.logout()
    username = ROLE_USERS[role]
    if username is not None:
        login(client, User.objects.get(username=username))
    return client


class _FormParser(html.parser.HTMLParser):
    """Collects what a browser would send for each <form>: inputs, checked boxes, selected options, textareas."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def _add(self, name, value):
        if self._form is not None and name:
            self._form["data"].setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(), "data": {}}
            self.forms.append(self._form)
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._add(a.get("name"), a.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = a.get("name"), None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                self._add(self._select, value)
                self._select_chosen = True
        elif tag == "textarea":
            self._textarea = a.get("name")
            self._add(self._textarea, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            values = self._form["data"][self._textarea]
            if values[-1].startswith("\n"):  # browsers drop the newline right after <textarea>
                values[-1] = values[-1][1:]
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            values = self._form["data"][self._textarea]
            values[-1] += data


def form_on_page(html_text: str, field_name: str) -> dict:
    """The data a browser would submit, unchanged, for the form on the page that has this field."""
    parser = _FormParser()
    parser.feed(html_text)
    for form in parser.forms:
        if field_name in form["data"]:
            data = form["data"]
            for name, values in data.items():
                if len(values) == 1:  # several values stay a list (multiple choice)
                    data[name] = values[0]
            return form
    raise AssertionError(f"no form with a field {field_name!r} on the page")

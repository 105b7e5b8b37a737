"""Every form with a EuroField, found by walking the form classes: stored amounts read back unchanged, and
'1e30' (which crashed twelve forms) gets a clear message through the real view, with nothing changed.

A new form with a EuroField fails `test_every_euro_form_has_a_page_here` until it gets a row in PAGES.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import pytest
from django import forms
from django.urls import get_resolver, reverse

import wijkgeld
from tests.conftest import login
from tests.core.world import OWN, build_world, client_as, form_on_page
from wijkgeld.core.forms import EuroField


def euro_form_classes() -> dict[str, type[forms.BaseForm]]:
    """Every form class in the project that has a EuroField, by dotted name."""
    get_resolver().url_patterns  # imports every view, and so every form a page uses  # noqa: B018
    for module in pkgutil.walk_packages(wijkgeld.__path__, "wijkgeld."):
        if "form" in module.name.rsplit(".", 1)[-1] or ".forms." in module.name:
            importlib.import_module(module.name)
    found = {}
    stack = [forms.BaseForm]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        fields = getattr(cls, "base_fields", {})
        if cls.__module__.startswith("wijkgeld.") and any(isinstance(f, EuroField) for f in fields.values()):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def euro_fields(cls) -> list[str]:
    return [name for name, f in cls.base_fields.items() if isinstance(f, EuroField)]


@dataclass(frozen=True)
class Page:
    """Where a form lives: who may use it, its URL (from the world's objects), and the prefix it uses."""

    role: str
    url: object  # (AreaObjects) -> str
    prefix: str = ""
    extra: tuple[tuple[str, str], ...] = ()


def _a(name, **kw):
    return lambda o: reverse(name, kwargs={"slug": o.area.slug, **{k: v(o) for k, v in kw.items()}})


def _round(attr):
    return lambda o: getattr(o, attr).round.pk


PAGES: dict[str, list[Page]] = {
    "wijkgeld.money.forms.GrantForm": [Page("finance", _a("money:grant_create", year=lambda o: 2026))],
    "wijkgeld.money.forms.BudgetLineForm": [Page("finance", _a("money:line_create", year=lambda o: 2026))],
    "wijkgeld.money.forms.AmountReasonForm": [Page("finance", _a("money:line_fund", pk=lambda o: o.line.pk))],
    "wijkgeld.money.forms.CarryOverForm": [
        Page("finance", _a("money:line_carry_over", pk=lambda o: o.line.pk))
    ],
    "wijkgeld.money.forms.CommitmentForm": [
        Page("staff", _a("money:commitment_create", pk=lambda o: o.line.pk))
    ],
    "wijkgeld.money.forms.PaymentForm": [
        Page("finance", _a("money:payment_create", pk=lambda o: o.commitment.pk))
    ],
    "wijkgeld.money.forms.SupportRequestForm": [Page("delegate", _a("money:support_create"))],
    "wijkgeld.fund.forms.RoundForm": [
        Page("committee", _a("fund:manage")),
        Page("committee", _a("fund:manage_round", round_id=lambda o: o.round_ideas.pk)),
    ],
    "wijkgeld.fund.forms.IdeaForm": [
        Page("anonymous", _a("fund:idea_new", round_id=lambda o: o.round_ideas.pk)),
        Page(
            "anonymous",
            _a(
                "fund:idea_private",
                round_id=_round("idea"),
                number=lambda o: o.idea.number,
                token=lambda o: o.idea_token,
            ),
        ),
    ],
    "wijkgeld.fund.forms.DecisionForm": [
        Page(
            "committee",
            _a("fund:assess", round_id=_round("assessed"), number=lambda o: o.assessed.number),
            prefix="decide-",
            extra=(("action", "decide"),),
        )
    ],
    "wijkgeld.fund.forms.UpdateForm": [
        Page(
            "anonymous",
            _a(
                "fund:idea_private",
                round_id=_round("awarded"),
                number=lambda o: o.awarded.number,
                token=lambda o: o.awarded_token,
            ),
        )
    ],
    "wijkgeld.alliance.forms.DecisionForm": [
        Page("staff", _a("alliance:decision_add", pk=lambda o: o.meeting.pk))
    ],
    "wijkgeld.money.forms.LineChangeForm": [
        Page("staff", _a("money:line_change_create", line_pk=lambda o: _delegates_line(o).pk))
    ],
    "wijkgeld.people.forms.HoursForm": [
        Page("user:coordinator-bloemhof", _a("people:hours", pk=lambda o: _placement(o).pk))
    ],
    "wijkgeld.people.forms.PayForm": [
        Page("finance", _a("people:fee", pk=lambda o: _placement(o, with_fee=True).pk), prefix="p-"),
    ],
    "wijkgeld.people.forms.CommissionForm": [Page("delegate", _a("people:commission_create"))],
    "wijkgeld.people.forms.CommitForm": [
        Page(
            "staff",
            _a("people:fee", pk=lambda o: _placement(o, with_fee=False).pk),
            prefix="c-",
            extra=(("c-line", "0"),),
        ),
    ],
}


def _delegates_line(o):
    from wijkgeld.money.models import BudgetLine

    return BudgetLine.objects.filter(area=o.area, controlled_by_delegates=True).first()


def _placement(o, *, with_fee: bool | None = None):
    """The area's first placement; with_fee True/False: the first with / without a committed fee."""
    from wijkgeld.people.models import Placement

    placements = Placement.objects.filter(area=o.area).order_by("pk")
    if with_fee is not None:
        placements = placements.filter(fee_commitment__isnull=not with_fee)
    return placements.first()


def _login(client, role: str):
    """A role of the world, or "user:<name>" for a demo account that holds a task of its own (a coordinator)."""
    from wijkgeld.accounts.models import User

    if role.startswith("user:"):
        client.logout()
        login(client, User.objects.get(username=role.removeprefix("user:")))
        return client
    return client_as(client, role)


def test_every_euro_form_has_a_page_here():
    found = set(euro_form_classes())
    assert len(found) >= 12
    assert found == set(PAGES), "add the new form with a EuroField to PAGES (and check it saves unchanged)"


@pytest.mark.parametrize("name", sorted(euro_form_classes()))
@pytest.mark.parametrize("cents", [1, 1050, 99_999, 100_000, 1_000_000, 123_456_789, 10**12])
def test_a_stored_amount_is_shown_so_that_it_reads_back_unchanged(name, cents):
    """The bug of issue 16: the field showed cents, so saving unchanged multiplied the amount by 100."""
    for field_name in euro_fields(euro_form_classes()[name]):
        field = euro_form_classes()[name].base_fields[field_name]
        if cents > field.max_cents:
            continue
        shown = field.prepare_value(cents)
        assert field.clean(shown) == cents, (name, field_name, shown)


def _snapshot():
    from wijkgeld.core.models import AuditEntry
    from wijkgeld.fund.models import Proposal, Round
    from wijkgeld.money.models import Posting

    return (
        AuditEntry.objects.count(),
        Posting.objects.count(),
        sorted(Round.objects.values_list("pk", "budget_cents")),
        sorted(Proposal.objects.values_list("pk", "estimated_cost_cents", "final_cost_cents")),
    )


@pytest.mark.django_db
def test_1e30_and_english_notation_get_a_clear_message_on_every_euro_form(client):
    world = build_world()
    own = world.obj(OWN)
    before = _snapshot()
    checked = 0
    for name, pages in PAGES.items():
        for page in pages:
            url = page.url(own)
            _login(client, page.role)
            for text, message in [("1e30", "bijvoorbeeld 1250"), ("10,000.00", "Schrijf het bedrag")]:
                data = dict(page.extra)
                for field_name in euro_fields(euro_form_classes()[name]):
                    data[page.prefix + field_name] = text
                response = client.post(url, data)
                assert response.status_code in (200, 400), (name, url, text, response.status_code)
                assert message in response.content.decode(), (name, url, text)
                checked += 1
    assert checked == 2 * sum(len(p) for p in PAGES.values())
    assert _snapshot() == before


@pytest.mark.django_db
def test_edit_forms_save_unchanged_through_their_pages(client):
    """Open each edit page, submit what the browser shows without touching it, and nothing changes."""
    from wijkgeld.fund.models import Proposal, Round

    world = build_world()
    own = world.obj(OWN)
    round_ = own.round_ideas
    Round.objects.filter(pk=round_.pk).update(budget_cents=1_000_000)  # "10.000" euros
    client_as(client, "committee")
    url = reverse("fund:manage_round", kwargs={"slug": own.area.slug, "round_id": round_.pk})
    form = form_on_page(client.get(url).content.decode(), "budget_cents")
    assert form["data"]["budget_cents"] == "10.000"
    response = client.post(url, form["data"])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Round.objects.get(pk=round_.pk).budget_cents == 1_000_000

    client_as(client, "anonymous")
    idea = own.idea
    url = reverse(
        "fund:idea_private",
        kwargs={"slug": own.area.slug, "round_id": round_.pk, "number": idea.number, "token": own.idea_token},
    )
    form = form_on_page(client.get(url).content.decode(), "estimated_cost_cents")
    response = client.post(url, form["data"])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Proposal.objects.get(pk=idea.pk).estimated_cost_cents == 250_050

    client_as(client, "committee")
    assessed = own.assessed
    url = reverse(
        "fund:assess",
        kwargs={"slug": own.area.slug, "round_id": assessed.round_id, "number": assessed.number},
    )
    form = form_on_page(client.get(url).content.decode(), "decide-final_cost_cents")
    form["data"].update({"action": "decide", "decide-admitted": "yes"})
    client.post(url, form["data"])
    assert Proposal.objects.get(pk=assessed.pk).final_cost_cents in (None, 250_050)

"""Forms: good input books money; bad input shows a clear message next to the field and changes nothing."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.core.models import AuditEntry
from wijkgeld.money import services
from wijkgeld.money.models import Commitment, Grant, Payment, Posting


def counts():
    return (
        Posting.objects.count(),
        Commitment.objects.count(),
        Payment.objects.count(),
        Grant.objects.count(),
    )


@pytest.fixture
def as_staff(client, staff):
    return login(client, staff)


@pytest.fixture
def as_finance(client, finance):
    return login(client, finance)


def commit_url(line):
    return f"/gebieden/{line.area.slug}/geld/posten/{line.pk}/verplichting/"


GOOD = {
    "recipient_organisation": "",
    "recipient_name": "Buurtvader",
    "recipient_is_resident": "on",
    "amount": "1.250,50",
    "description": "Vrijwilligers",
    "non_local_reason": "",
    "non_local_explanation": "",
}


@pytest.mark.django_db
def test_commitment_form_books_and_redirects(as_staff, line):
    response = as_staff.post(commit_url(line), GOOD)
    assert response.status_code == 302
    c = Commitment.objects.get()
    assert c.amount_cents == 125050 and c.is_local
    assert services.line_available_cents(line) == 5_000_000 - 125050
    assert AuditEntry.objects.filter(action="money.commitment.created").exists()


@pytest.mark.django_db
def test_commitment_form_lists_local_collectives_first(as_staff, line, local_org, theme):
    from wijkgeld.community.models import CollectiveProfile

    profile = CollectiveProfile.objects.create(
        organisation=local_org,
        area=line.area,
        activities="Koken",
        status="verified",
        registered_at=line.created_at,
    )
    profile.themes.add(theme)
    html = as_staff.get(commit_url(line)).content.decode()
    assert "Buurtkeuken Test" in html
    assert html.index("Buurtkeuken Test") < html.index("utrecht-form narrow-form")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"amount": "-5"}, "amount", "negatief"),
        ({"amount": "0"}, "amount", "meer dan nul"),
        ({"amount": "12,345"}, "amount", "twee cijfers achter de komma"),
        ({"amount": "50.000,01"}, "amount", "50.000,00"),
        ({"amount": "abc"}, "amount", "bedrag"),
        ({"description": ""}, "description", ""),
    ],
)
def test_commitment_bad_input(as_staff, line, changes, field, text):
    before = counts()
    response = as_staff.post(commit_url(line), {**GOOD, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert text.lower() in " ".join(errors[field]).lower()
    assert counts() == before


@pytest.mark.django_db
def test_recipient_from_another_area_is_not_local(as_staff, line, outside_org):
    before = counts()
    data = {
        **GOOD,
        "recipient_is_resident": "",
        "recipient_name": "",
        "recipient_organisation": outside_org.pk,
    }
    response = as_staff.post(commit_url(line), data)
    errors = response.context["form"].errors
    assert "non_local_reason" in errors and "Andere Wijk" in errors["non_local_reason"][0]
    assert counts() == before
    # The same organisation ticked as "a resident of this area" is refused too.
    response = as_staff.post(commit_url(line), {**data, "recipient_is_resident": "on"})
    assert "recipient_is_resident" in response.context["form"].errors
    assert counts() == before
    # With a reason and an explanation it is booked as not local, and the reason is public.
    data.update(
        non_local_reason="no_local_capacity", non_local_explanation="Alle lokale partijen zitten vol."
    )
    assert as_staff.post(commit_url(line), data).status_code == 302
    as_staff.logout()
    html = as_staff.get(f"/gebieden/{line.area.slug}/geld/2026/").content.decode()
    assert "Adviesbureau Elders" in html and "Alle lokale partijen zitten vol." in html


@pytest.mark.django_db
def test_payment_above_commitment_is_refused(as_finance, commitment):
    url = f"/gebieden/{commitment.line.area.slug}/geld/verplichtingen/{commitment.pk}/betalen/"
    before = counts()
    response = as_finance.post(url, {"amount": "20.000,01", "description": "Factuur"})
    assert "20.000,00" in response.context["form"].errors["amount"][0]
    assert counts() == before
    assert as_finance.post(url, {"amount": "500", "description": "Factuur 1"}).status_code == 302
    assert services.commitment_paid_cents(commitment) == 50_000


@pytest.mark.django_db
def test_large_payment_needs_a_second_finance_person(client, finance, finance2, commitment):
    slug = commitment.line.area.slug
    login(client, finance)
    client.post(
        f"/gebieden/{slug}/geld/verplichtingen/{commitment.pk}/betalen/",
        {"amount": "15000", "description": "F"},
    )
    payment = Payment.objects.get()
    assert payment.status == Payment.Status.AWAITING
    url = f"/gebieden/{slug}/geld/betalingen/{payment.pk}/"
    response = client.post(url, {"decision": "confirm"})
    assert response.status_code == 200 and "tweede persoon" in response.content.decode()
    payment.refresh_from_db()
    assert payment.status == Payment.Status.AWAITING
    login(client, finance2)
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    payment.refresh_from_db()
    assert payment.status == Payment.Status.COMPLETED and payment.decided_by == finance2


@pytest.mark.django_db
def test_second_person_can_refuse_with_reason(client, finance, finance2, commitment):
    payment = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=1_500_000, description="F"
    )
    login(client, finance2)
    url = f"/gebieden/{commitment.line.area.slug}/geld/betalingen/{payment.pk}/"
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert "reason" in response.context["reject_form"].errors
    assert client.post(url, {"decision": "reject", "reason": "Factuur klopt niet"}).status_code == 302
    payment.refresh_from_db()
    assert payment.status == Payment.Status.REJECTED
    assert services.commitment_payable_cents(commitment) == 2_000_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "error"),
    [("0", "meer dan nul"), ("10,001", "twee cijfers achter de komma"), ("-1", "negatief")],
)
def test_grant_form_bad_amounts(as_finance, area, theme, amount, error):
    before = counts()
    response = as_finance.post(
        f"/gebieden/{area.slug}/geld/2026/subsidie/",
        {"theme": theme.pk, "funding_ministry": "VRO", "amount": amount},
    )
    assert error in response.context["form"].errors["amount"][0].lower()
    assert counts() == before


@pytest.mark.django_db
def test_grant_form_refuses_a_theme_of_another_tranche_and_wrong_file(as_finance, area):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wijkgeld.money.models import Theme

    old = Theme.objects.get(tranche__number=1, code="integraal")
    response = as_finance.post(
        f"/gebieden/{area.slug}/geld/2026/subsidie/",
        {"theme": old.pk, "funding_ministry": "VRO", "amount": "10"},
    )
    assert "theme" in response.context["form"].errors
    new = Theme.objects.get(tranche__number=2, code="integraal")
    bad_file = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = as_finance.post(
        f"/gebieden/{area.slug}/geld/2026/subsidie/",
        {"theme": new.pk, "funding_ministry": "VRO", "amount": "10", "document": bad_file},
    )
    assert "document" in response.context["form"].errors
    assert Grant.objects.count() == 0


@pytest.mark.django_db
def test_grant_and_line_forms_book(as_finance, area, theme):
    url = f"/gebieden/{area.slug}/geld/2026/subsidie/"
    assert (
        as_finance.post(url, {"theme": theme.pk, "funding_ministry": "VRO", "amount": "100000"}).status_code
        == 302
    )
    url = f"/gebieden/{area.slug}/geld/2026/begrotingspost/"
    data = {"theme": theme.pk, "name": "Bewonersfonds", "code": "bewonersfonds", "amount": "200000"}
    response = as_finance.post(url, data)
    assert "100.000,00" in response.context["form"].errors["amount"][0]  # more than the grant
    data["amount"] = "50000"
    assert as_finance.post(url, data).status_code == 302
    response = as_finance.post(url, data)
    assert "code" in response.context["form"].errors  # the same code twice in a year


@pytest.mark.django_db
def test_release_and_carry_over_forms(as_finance, commitment, line):
    slug = line.area.slug
    url = f"/gebieden/{slug}/geld/verplichtingen/{commitment.pk}/vrijgeven/"
    assert "reason" in as_finance.post(url, {"reason": ""}).context["form"].errors
    assert as_finance.post(url, {"reason": "Project ging niet door"}).status_code == 302
    assert services.line_available_cents(line) == 5_000_000
    url = f"/gebieden/{slug}/geld/posten/{line.pk}/doorschuiven/"
    response = as_finance.post(url, {"amount": "60000", "reason": "Niet op", "to_year": "2027"})
    assert "amount" in response.context["form"].errors
    response = as_finance.post(url, {"amount": "100", "reason": "Niet op", "to_year": "2029"})
    assert "to_year" in response.context["form"].errors
    assert (
        as_finance.post(url, {"amount": "10000", "reason": "Niet op", "to_year": "2027"}).status_code == 302
    )
    later = services.budget_line_for(area=line.area, code="bewonersfonds", year=2027)
    assert services.line_available_cents(later) == 1_000_000


@pytest.mark.django_db
def test_correction_form(as_finance, finance, commitment):
    payment = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=100, description="dubbel"
    )
    url = f"/gebieden/{commitment.line.area.slug}/geld/boekingen/{payment.transaction_id}/corrigeren/"
    assert as_finance.post(url, {"reason": "Dubbel geboekt"}).status_code == 302
    response = as_finance.post(url, {"reason": "Nog eens"})
    assert "al" in response.context["form"].errors["reason"][0]


@pytest.mark.django_db
def test_ledger_csv_lists_every_posting(as_finance, commitment):
    response = as_finance.get(f"/gebieden/{commitment.line.area.slug}/geld/2026/grootboek.csv")
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("transaction,time,kind")
    assert len(lines) - 1 == Posting.objects.filter(year=2026).count()
    assert "Buurtkeuken Test" in body


@pytest.mark.parametrize(
    ("text", "cents"), [("2.500", 250_000), ("1.250,50", 125_050), ("2.50", 250), ("12", 1200)]
)
def test_euro_field_reads_dutch_thousands(text, cents):
    from wijkgeld.money.forms import EuroField

    assert EuroField().clean(text) == cents


@pytest.mark.django_db
def test_commitment_page_marks_a_corrected_payment(as_finance, finance, commitment):
    payment = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=100, description="dubbel"
    )
    url = f"/gebieden/{commitment.line.area.slug}/geld/verplichtingen/{commitment.pk}/"
    assert "Gecorrigeerd" not in as_finance.get(url).content.decode()
    services.transaction_reverse(actor=finance, transaction=payment.transaction, reason="Dubbel")
    assert "Gecorrigeerd (tegenboeking)" in as_finance.get(url).content.decode()

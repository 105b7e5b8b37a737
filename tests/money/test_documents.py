"""Money documents (invoices, decisions) are private: random names outside the public media folder,
checked on content, and served only to finance and programme staff of the area."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.alliance.conftest import pdf_upload, png_bytes
from tests.conftest import login
from wijkgeld.core.errors import DomainError
from wijkgeld.money import services
from wijkgeld.money.models import Payment, Posting

pytestmark = pytest.mark.django_db


def fake_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("factuur.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")


@pytest.fixture
def paid(finance, commitment):
    return services.payment_create(
        actor=finance,
        commitment=commitment,
        amount_cents=10_000,
        description="Factuur 7",
        document=pdf_upload("factuur Jan de Vries.pdf", "Factuur"),
    )


def download_url(area, kind, pk):
    return reverse("money:document", kwargs={"slug": area.slug, "kind": kind, "pk": pk})


def test_stored_privately_under_a_random_name(paid, settings):
    name = paid.document.name
    assert re.fullmatch(r"(payment|transaction)/[0-9a-f]{32}\.pdf", name), name
    path = paid.document.path
    assert path.startswith(str(settings.MEDIA_ROOT / "private" / "money"))
    with pytest.raises(NotImplementedError):
        paid.document.url  # noqa: B018 - no public URL exists
    # The ledger entry of the payment points at the same private file.
    assert paid.transaction.document.name == name


def test_the_development_media_route_refuses_private_files(client, paid, settings):
    settings.DEBUG = True
    assert client.get(f"/media/private/money/{paid.document.name}").status_code == 404
    assert client.get(f"/media/money/{paid.document.name}").status_code == 404


@pytest.mark.parametrize(
    "upload",
    [
        fake_pdf,
        lambda: SimpleUploadedFile("factuur.png", b"%PDF-1.4 not a png", "image/png"),
        lambda: SimpleUploadedFile("factuur.html", b"<html></html>", "text/html"),
        lambda: SimpleUploadedFile("factuur.docx", b"PK\x03\x04", "application/octet-stream"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_by_the_service(finance, commitment, upload):
    before = Posting.objects.count()
    with pytest.raises(DomainError) as error:
        services.payment_create(
            actor=finance, commitment=commitment, amount_cents=100, description="x", document=upload()
        )
    assert error.value.field == "document"
    assert Posting.objects.count() == before and not Payment.objects.exists()


def test_the_payment_form_says_why_a_file_is_refused(client, finance, commitment, settings):
    login(client, finance)
    url = reverse("money:payment_create", kwargs={"slug": commitment.line.area.slug, "pk": commitment.pk})
    response = client.post(url, {"amount": "10", "description": "Factuur", "document": fake_pdf()})
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert not Payment.objects.exists()
    assert not (settings.MEDIA_ROOT / "private").exists() or not any(
        (settings.MEDIA_ROOT / "private").rglob("*.pdf")
    )
    png = SimpleUploadedFile("bon.png", png_bytes(), "image/png")
    done = client.post(url, {"amount": "10", "description": "Bon", "document": png})
    assert done.status_code == 302
    assert Payment.objects.get().document.name.endswith(".png")


@pytest.mark.parametrize("role", ["finance", "programme_staff"])
def test_finance_and_staff_of_the_area_download(client, make_user, area, paid, role):
    login(client, make_user(role, area))
    response = client.get(download_url(area, "betaling", paid.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="betaling-{paid.pk}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    page = client.get(reverse("money:commitment", kwargs={"slug": area.slug, "pk": paid.commitment_id}))
    assert download_url(area, "betaling", paid.pk) in page.content.decode()


@pytest.mark.parametrize("role", ["resident", "resident_delegate", "fund_committee", "observer"])
def test_other_roles_cannot_download(client, make_user, area, paid, role):
    login(client, make_user(role, area))
    assert client.get(download_url(area, "betaling", paid.pk)).status_code == 403
    page = client.get(reverse("money:commitment", kwargs={"slug": area.slug, "pk": paid.commitment_id}))
    assert download_url(area, "betaling", paid.pk) not in page.content.decode()


def test_finance_of_another_area_cannot_download(client, make_user, area, other_area, paid):
    login(client, make_user("finance", other_area))
    assert client.get(download_url(area, "betaling", paid.pk)).status_code == 403
    # Nor through their own area's address with this area's payment number.
    assert client.get(download_url(other_area, "betaling", paid.pk)).status_code == 404


def test_anonymous_is_sent_to_login_and_unknown_kinds_are_not_found(client, area, finance, paid, commitment):
    response = client.get(download_url(area, "betaling", paid.pk))
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    login(client, finance)
    assert client.get(download_url(area, "bestand", paid.pk)).status_code == 404
    assert client.get(download_url(area, "verplichting", commitment.pk)).status_code == 404  # no document


def test_a_missing_file_is_not_found_not_a_500(client, area, finance, paid):
    paid.document.storage.delete(paid.document.name)
    login(client, finance)
    assert client.get(download_url(area, "betaling", paid.pk)).status_code == 404


def test_the_migration_moves_public_documents_into_private_storage(finance, commitment, settings):
    payment = services.payment_create(actor=finance, commitment=commitment, amount_cents=100, description="x")
    public = settings.MEDIA_ROOT / "money" / "payment" / "factuur Jan.pdf"
    public.parent.mkdir(parents=True)
    public.write_bytes(b"%PDF-1.4 oud")
    Payment.objects.filter(pk=payment.pk).update(document="money/payment/factuur Jan.pdf")
    payment.transaction.__class__.objects.filter(pk=payment.transaction_id).update(
        document="money/payment/factuur Jan.pdf"
    )
    migration = importlib.import_module("wijkgeld.money.migrations.0007_private_documents")
    migration.move_documents_to_private_storage(apps, None)
    payment.refresh_from_db()
    assert not public.exists()
    assert re.fullmatch(r"(payment|transaction)/[0-9a-f]{32}\.pdf", payment.document.name)
    assert payment.document.path.startswith(str(settings.MEDIA_ROOT / "private" / "money"))
    with payment.document.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 oud"
    tx = payment.transaction.__class__.objects.get(pk=payment.transaction_id)
    assert tx.document.name == payment.document.name  # one file, moved once

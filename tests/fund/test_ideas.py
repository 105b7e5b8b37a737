"""Submitting and editing ideas without an account; photos; every bad input changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.fund.conftest import gps_exif, png_bytes
from wijkgeld.areas.models import Organisation
from wijkgeld.core.models import AuditEntry
from wijkgeld.fund.models import Photo, Proposal, Round
from wijkgeld.fund.tokens import token_hash

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Bankjes in het park",
    "summary": "Drie bankjes bij de speeltuin, zodat ouders kunnen zitten.",
    "description": "We zetten drie bankjes neer. De buurt helpt mee.",
    "estimated_cost_cents": "1.250,50",
    "location": "Park Zuid",
    "theme": "ontmoeten",
    "contact_name": "Aisha",
    "contact_email": "aisha@example.org",
    "contact_phone": "",
}


def url(round_, suffix="ideeen/nieuw/"):
    return f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/{suffix}"


def submit(client, round_, **changes):
    data = {**VALID, **changes}
    return client.post(url(round_), data)


def test_resident_submits_without_account_and_gets_a_private_link(client, area, make_round):
    round_ = make_round(area)
    response = submit(client, round_)
    assert response.status_code == 302
    idea = Proposal.objects.get()
    assert idea.estimated_cost_cents == 125_050 and idea.number == 1
    thanks = client.get(response["Location"])
    link = thanks.context["link"]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert idea.edit_token_hash == token_hash(token) and token not in idea.edit_token_hash
    # The link is shown once only.
    assert client.get(response["Location"]).status_code == 302
    page = client.get(idea.get_absolute_url())
    assert page.status_code == 200
    assert b"Bankjes in het park" in page.content
    assert b"aisha@example.org" not in page.content and b"Aisha" not in page.content
    assert AuditEntry.objects.get(action="fund.idea.submitted").actor is None


def test_readability_warning_asks_once_then_submits(client, area, make_round):
    round_ = make_round(area)
    long = " ".join(["woord"] * 30) + "."
    response = submit(client, round_, description=long)
    assert response.status_code == 200 and response.context["warnings"]
    assert not Proposal.objects.exists()
    response = submit(client, round_, description=long, confirm_plain="on")
    assert response.status_code == 302 and Proposal.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"estimated_cost_cents": "12,345"}, "estimated_cost_cents"),
        ({"estimated_cost_cents": "10.5.5"}, "estimated_cost_cents"),
        ({"estimated_cost_cents": "0"}, "estimated_cost_cents"),
        ({"estimated_cost_cents": "20000"}, "estimated_cost_cents"),  # more than the round's €10,000
        ({"summary": "x" * 301}, "summary"),
        ({"theme": "hacked"}, "theme"),
        ({"on_behalf_of": "999999"}, "on_behalf_of"),
        ({"contact_email": "", "contact_phone": ""}, "contact_email"),
        ({"contact_phone": "<script>"}, "contact_phone"),
    ],
)
def test_bad_input_gives_a_message_and_changes_nothing(client, area, make_round, changes, field):
    round_ = make_round(area)
    response = submit(client, round_, **changes)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Proposal.objects.exists()


def test_collective_must_be_local_and_resident_led(client, area, other_area, make_round):
    round_ = make_round(area)
    elsewhere = Organisation.objects.create(name="Elders", kind="resident_collective", legal_form="informal")
    elsewhere.local_areas.add(other_area)
    response = submit(client, round_, on_behalf_of=str(elsewhere.pk))
    assert "on_behalf_of" in response.context["form"].errors
    local = Organisation.objects.create(name="Buurtkeuken", kind="resident_collective", legal_form="informal")
    local.local_areas.add(area)
    assert submit(client, round_, on_behalf_of=str(local.pk)).status_code == 302
    assert Proposal.objects.get().on_behalf_of == local


def test_photo_is_stripped_of_metadata_and_resized(client, area, make_round):
    round_ = make_round(area)
    big = SimpleUploadedFile("foto.jpg", png_bytes((3000, 2000), "JPEG", exif=gps_exif()), "image/jpeg")
    response = client.post(url(round_), {**VALID, "photos": [big]})
    assert response.status_code == 302
    photo = Photo.objects.get()
    with Image.open(photo.image.path) as stored:
        assert max(stored.size) == 1600
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert "exif" not in stored.info
    page = client.get(Proposal.objects.get().get_absolute_url())
    assert photo.image.url.encode() in page.content


@pytest.mark.parametrize(
    ("name", "content", "ctype"),
    [
        ("doc.pdf", b"%PDF-1.4 not an image", "application/pdf"),
        ("fake.jpg", b"GIF89a" + b"\0" * 50, "image/jpeg"),
        ("anim.gif", None, "image/gif"),
    ],
)
def test_non_image_photo_is_refused(client, area, make_round, name, content, ctype):
    round_ = make_round(area)
    if content is None:
        out = io.BytesIO()
        Image.new("RGB", (10, 10)).save(out, format="GIF")
        content = out.getvalue()
    upload = SimpleUploadedFile(name, content, ctype)
    response = client.post(url(round_), {**VALID, "photos": [upload]})
    assert response.status_code == 200
    assert "photos" in response.context["form"].errors
    assert not Proposal.objects.exists() and not Photo.objects.exists()


def test_oversized_photo_is_refused(client, area, make_round, monkeypatch):
    monkeypatch.setattr("wijkgeld.fund.photos.MAX_BYTES", 1000)
    round_ = make_round(area)
    upload = SimpleUploadedFile("groot.png", png_bytes((400, 400)), "image/png")
    response = client.post(url(round_), {**VALID, "photos": [upload]})
    assert "5 MB" in str(response.context["form"].errors["photos"])
    assert not Proposal.objects.exists()


def test_more_than_three_photos_is_refused(client, area, make_round):
    round_ = make_round(area)
    photos = [SimpleUploadedFile(f"{i}.png", png_bytes(), "image/png") for i in range(4)]
    response = client.post(url(round_), {**VALID, "photos": photos})
    assert "photos" in response.context["form"].errors
    assert not Proposal.objects.exists()


def _submit_and_link(client, round_):
    response = submit(client, round_)
    return client.get(response["Location"]).context["link"]


def test_edit_with_private_link_until_assessment_starts(client, area, make_round):
    round_ = make_round(area)
    link = _submit_and_link(client, round_)
    path = "/" + link.split("/", 3)[3]
    response = client.post(path, {**VALID, "title": "Vier bankjes"})
    assert response.status_code == 302
    assert Proposal.objects.get().title == "Vier bankjes"
    assert client.get(path.replace(path.rstrip("/").rsplit("/", 1)[1], "wrong-token")).status_code == 404
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.ASSESSMENT)
    response = client.post(path, {**VALID, "title": "Stiekem veranderd"}, follow=True)
    assert "utrecht-alert--error" in response.content.decode()
    assert Proposal.objects.get().title == "Vier bankjes"


def test_no_ideas_outside_the_ideas_phase(client, area, make_round):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    response = submit(client, round_)
    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_preparation_round_is_not_public(client, area, make_round):
    round_ = make_round(area, phase=Round.Phase.PREPARATION)
    assert client.get(url(round_, "")).status_code == 404


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1.800", 180_000),
        ("1.250,50", 125_050),
        ("1250", 125_000),
        ("12.5", 1_250),
        ("€ 2.000.000", 200_000_000),
    ],
)
def test_amounts_are_read_the_dutch_way(typed, cents):
    from wijkgeld.fund.forms import EuroField

    assert EuroField().clean(typed) == cents

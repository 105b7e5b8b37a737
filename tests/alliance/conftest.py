"""Fixtures for the alliance: an alliance per area, meetings at fixed times, real and fake files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import login
from wijkgeld.alliance import services
from wijkgeld.alliance.demo import demo_pdf

# Views use the real clock, so the tests' "now" is today; services still get it injected.
NOW = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _dutch():
    """Each test starts in Dutch; a request in English must not leak into the next test."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def staff(make_user, area):
    return make_user("programme_staff", area, email="staff@example.org", display_name="Eva Staf")


@pytest.fixture
def delegate(make_user, area):
    return make_user("resident_delegate", area, email="kees@example.org", display_name="Kees Bewoner")


@pytest.fixture
def alliance(area, staff):
    return services.alliance_create(actor=staff, area=area, name="Alliantie Testwijk", now=NOW)


@pytest.fixture
def other_alliance(other_area, make_user):
    other_staff = make_user("programme_staff", other_area)
    return services.alliance_create(actor=other_staff, area=other_area, name="Alliantie Anders", now=NOW)


@pytest.fixture
def make_meeting(staff):
    def make(alliance, *, days: float = 10, title: str = "Alliantieoverleg", **kwargs):
        starts = NOW + dt.timedelta(days=days)
        return services.meeting_create(
            actor=kwargs.pop("actor", staff),
            alliance=alliance,
            kind=kwargs.pop("kind", "alliantieoverleg"),
            title=title,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            place=kwargs.pop("place", "Wijkcentrum"),
            now=NOW - dt.timedelta(days=30),
            **kwargs,
        )

    return make


@pytest.fixture
def meeting(alliance, make_meeting):
    return make_meeting(alliance)


def pdf_upload(name: str = "stuk.pdf", title: str = "Stuk") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, demo_pdf(title, ["Regel een."]), content_type="application/pdf")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def make_document(staff):
    def make(meeting, *, title="Notitie", visibility="members", share_with="all", at=None, summary="Kort."):
        return services.document_upload(
            actor=staff,
            meeting=meeting,
            upload=pdf_upload(title=title),
            title=title,
            summary=summary,
            visibility=visibility,
            share_with=share_with,
            now=at or NOW,
        )

    return make


@pytest.fixture
def client_for(client):
    def do(user):
        client.logout()
        login(client, user)
        return client

    return do

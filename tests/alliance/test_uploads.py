"""Bad uploads are refused with a clear message on the file field, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.alliance.conftest import docx_bytes, pdf_upload, png_bytes
from wijkgeld.alliance import services
from wijkgeld.alliance.models import Document
from wijkgeld.alliance.uploads import check_upload
from wijkgeld.core.errors import DomainError

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ok.pdf", None),
        ("brief.docx", docx_bytes()),
        ("foto.png", png_bytes()),
        ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
    ],
)
def test_honest_files_pass(name, content):
    upload = pdf_upload(name) if content is None else SimpleUploadedFile(name, content)
    assert check_upload(upload).size == upload.size


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("virus.exe", EXE, "not allowed"),
        ("page.html", b"<html></html>", "not allowed"),
        ("geen-extensie", b"%PDF-1.4", "not allowed"),
        ("verkapt.pdf", EXE, "does not match"),
        ("plaatje.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "does not match"),
        ("nep.docx", b"PK\x03\x04 not really a zip", "does not match"),
        ("zip-zonder-word.docx", None, "does not match"),
        ("pdf-als-foto.jpg", None, "does not match"),
        ("leeg.pdf", b"", "empty"),
    ],
)
def test_wrong_or_disguised_types_are_refused(name, content, words):
    if content is None:
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hi")
        content = buffer.getvalue() if name.endswith(".docx") else pdf_upload().read()
    with translation.override("en"), pytest.raises(DomainError) as info:
        check_upload(SimpleUploadedFile(name, content))
    assert info.value.field == "file"
    assert words in info.value.message


def test_too_large_is_refused(settings):
    settings.ALLIANCE_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(DomainError) as info:
        check_upload(SimpleUploadedFile("groot.pdf", b"%PDF-1.4" + b"0" * 2000))
    assert "te groot" in info.value.message and "1000" in info.value.message  # Dutch by default


@pytest.mark.django_db
def test_refused_upload_leaves_nothing_behind(meeting, staff, settings):
    with pytest.raises(DomainError):
        services.document_upload(
            actor=staff, meeting=meeting, upload=SimpleUploadedFile("verkapt.pdf", EXE), title="Stuk"
        )
    assert Document.objects.count() == 0
    private = settings.MEDIA_ROOT / "private"
    assert not private.exists() or not any(p.is_file() for p in private.rglob("*"))


@pytest.mark.django_db
def test_stored_under_media_root_with_random_name(meeting, staff, settings):
    document = services.document_upload(
        actor=staff, meeting=meeting, upload=pdf_upload("Geheim plan.pdf"), title="Plan"
    )
    path = document.file.path
    assert path.startswith(str(settings.MEDIA_ROOT / "private" / "alliance"))
    assert "Geheim" not in path and path.endswith(".pdf")
    assert document.original_name == "Geheim plan.pdf"


@pytest.mark.django_db
def test_upload_page_shows_the_error_next_to_the_field(client_for, staff, meeting, area):
    client = client_for(staff)
    url = f"/gebieden/{area.slug}/alliantie/overleg/{meeting.pk}/document/"
    response = client.post(
        url,
        {
            "title": "Stuk",
            "visibility": "members",
            "share_with": "all",
            "file": SimpleUploadedFile("x.pdf", EXE),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert Document.objects.count() == 0
    # And a good one works, is shared with everyone and audit-logged.
    response = client.post(
        url, {"title": "Stuk", "visibility": "members", "share_with": "all", "file": pdf_upload()}
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert list(document.shares.values_list("audience", flat=True)) == ["all"]
    assert area.audit_entries.filter(action="alliance.document.shared").exists()

"""Money documents (invoices, decisions): which files are accepted, checked on content as alliance
documents are, and stored privately (`models.base.money_storage`)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile

from wijkgeld.core.uploads import check_upload

EXTENSIONS = frozenset({".pdf", ".png", ".jpg", ".jpeg"})
ALLOWED_TEXT = "PDF, PNG, JPG"
MAX_BYTES = 5 * 1024 * 1024


def check_document(document, *, field: str = "document") -> None:
    """Raise DomainError unless a new upload is a real PDF, PNG or JPG of at most 5 MB.

    A file that is already stored (a payment's document passed on to its ledger entry) was checked
    when it came in."""
    if not document:
        return
    if isinstance(document, FieldFile) and document._committed:
        return
    if isinstance(document, FieldFile):
        document = document.file
    if not isinstance(document, UploadedFile) and not hasattr(document, "read"):
        return
    check_upload(document, field=field, extensions=EXTENSIONS, allowed_text=ALLOWED_TEXT, max_bytes=MAX_BYTES)

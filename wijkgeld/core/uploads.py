"""Checks on uploaded documents: the extension must be allowed AND the content must match it.

Shared by every app that takes documents (alliance documents, money's invoices and decisions).

A file called `report.pdf` that is really a Windows program, or an HTML page renamed to `.png`,
is refused. Office files are ZIP or OLE2 containers; for ZIP we look for the part that each
format must contain. Images are also opened with Pillow.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# extension -> (content type, how to recognise the content)
KINDS: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "pdf"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip:word/document.xml",
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip:xl/workbook.xml"),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip:ppt/presentation.xml",
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", "odf:application/vnd.oasis.opendocument.text"),
    ".ods": (
        "application/vnd.oasis.opendocument.spreadsheet",
        "odf:application/vnd.oasis.opendocument.spreadsheet",
    ),
    ".odp": (
        "application/vnd.oasis.opendocument.presentation",
        "odf:application/vnd.oasis.opendocument.presentation",
    ),
    ".doc": ("application/msword", "ole2"),
    ".xls": ("application/vnd.ms-excel", "ole2"),
    ".ppt": ("application/vnd.ms-powerpoint", "ole2"),
    ".png": ("image/png", "image:PNG"),
    ".jpg": ("image/jpeg", "image:JPEG"),
    ".jpeg": ("image/jpeg", "image:JPEG"),
    ".gif": ("image/gif", "image:GIF"),
    ".webp": ("image/webp", "image:WEBP"),
}
ALLOWED_TEXT = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP"


def max_upload_bytes() -> int:
    return int(getattr(settings, "ALLIANCE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))


def content_type_for(name: str) -> str:
    """The content type to serve a checked file with (from its extension, which was checked at upload)."""
    kind = KINDS.get(PurePosixPath(name).suffix.lower())
    return kind[0] if kind else "application/octet-stream"


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    size: int
    extension: str


def _read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _zip_names(data: bytes) -> tuple[set[str], bytes | None]:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else None
            return names, mimetype
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
        return set(), None


def _image_format(data: bytes) -> str | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            return image.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


def content_matches(rule: str, data: bytes) -> bool:
    if rule == "pdf":
        return data[:1024].lstrip().startswith(b"%PDF-")
    if rule == "ole2":
        return data.startswith(OLE2)
    if rule.startswith("zip:"):
        return data.startswith(b"PK\x03\x04") and rule[4:] in _zip_names(data)[0]
    if rule.startswith("odf:"):
        return data.startswith(b"PK\x03\x04") and _zip_names(data)[1] == rule[4:].encode()
    if rule.startswith("image:"):
        return _image_format(data) == rule[6:]
    return False


def check_upload(
    upload,
    *,
    field: str = "file",
    extensions: frozenset[str] | None = None,
    allowed_text: str = ALLOWED_TEXT,
    max_bytes: int | None = None,
) -> CheckedFile:
    """Raise DomainError (on `field`) unless the upload is an allowed, honest, small enough file.

    `extensions` narrows the kinds in KINDS (with `allowed_text` saying which in words); `max_bytes`
    replaces the default limit."""
    if upload is None:
        raise DomainError(_("Choose a file."), field=field)
    name = PurePosixPath(upload.name or "").name
    extension = PurePosixPath(name).suffix.lower()
    if extension not in KINDS or (extensions is not None and extension not in extensions):
        raise DomainError(
            _("This kind of file is not allowed. Allowed are: %(kinds)s.") % {"kinds": allowed_text},
            field=field,
        )
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise DomainError(
            _("This file is too large. The maximum is %(size)s.") % {"size": filesizeformat(limit)},
            field=field,
        )
    if upload.size == 0:
        raise DomainError(_("This file is empty."), field=field)
    content_type, rule = KINDS[extension]
    if not content_matches(rule, _read_all(upload)):
        raise DomainError(
            _(
                "The content of this file does not match its name (%(ext)s). Save it again as a real %(ext)s file."
            )
            % {"ext": extension},
            field=field,
        )
    return CheckedFile(content_type=content_type, size=upload.size, extension=extension)

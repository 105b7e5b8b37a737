"""Photo uploads: check type and size, strip every bit of metadata (EXIF, GPS), resize, re-encode.

The stored file is a fresh JPEG written from the pixels only, so nothing of the original file survives.
"""

from __future__ import annotations

import io
import secrets

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from wijkgeld.core.errors import DomainError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PHOTOS = 3


def clean_photo(upload, *, field: str = "photos") -> tuple[ContentFile, int, int]:
    """Return (JPEG file without metadata, width, height) or raise DomainError with a clear message."""
    size = getattr(upload, "size", None) or 0
    if size > MAX_BYTES:
        raise DomainError(
            _("The photo “%(name)s” is larger than 5 MB. Choose a smaller photo.") % {"name": upload.name},
            field=field,
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            fmt = probe.format
            if fmt not in ALLOWED_FORMATS:
                raise DomainError(_("Only JPEG, PNG or WebP photos are allowed."), field=field)
            if probe.width * probe.height > MAX_PIXELS:
                raise DomainError(_("This photo has too many pixels."), field=field)
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            clean = Image.new("RGB", image.size)
            clean.paste(image)
    except DomainError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise DomainError(
            _("The file “%(name)s” is not a photo we can read. Use a JPEG, PNG or WebP photo.")
            % {"name": getattr(upload, "name", "")},
            field=field,
        ) from exc
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(12)}.jpg"), clean.width, clean.height

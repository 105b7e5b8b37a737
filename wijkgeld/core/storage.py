"""Private file storage: files under MEDIA_ROOT/private/<folder>/, with random names, never a public URL.

Such files are served only by views that check rights first; the web server must not serve
MEDIA_ROOT/private/ (docs/operations.md), and the development media route refuses it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="wijkgeld.core.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    def __init__(self, folder: str, **kwargs):
        self.folder = folder
        super().__init__(**kwargs)

    @cached_property
    def base_location(self):
        # Read MEDIA_ROOT at use time (FileSystemStorage forgets this cache when the setting changes).
        return os.path.join(settings.MEDIA_ROOT, "private", self.folder)

    def url(self, name):
        raise NotImplementedError(
            "Private files have no public URL; serve them through a view that checks rights."
        )


def random_name(prefix: str, filename: str) -> str:
    """A random file name that keeps only the (lower-case) extension of the original."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"{prefix}/{uuid.uuid4().hex}{suffix}"

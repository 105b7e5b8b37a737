"""Where alliance documents live: under MEDIA_ROOT/private/alliance/, with random file names.

Files are never given a public URL; they are served by the download view, which checks rights
first. The web server must not serve MEDIA_ROOT/private/ (see docs/alliance.md).
"""

from __future__ import annotations

import os
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="wijkgeld.alliance.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        # Read MEDIA_ROOT at use time (FileSystemStorage forgets this cache when the setting changes).
        return os.path.join(settings.MEDIA_ROOT, "private", "alliance")

    def url(self, name):
        raise NotImplementedError("Alliance documents have no public URL; use the download view.")


private_storage = PrivateStorage()


def private_upload_to(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"{instance.alliance.area_id}/{uuid.uuid4().hex}{suffix}"

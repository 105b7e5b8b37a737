"""Where alliance documents live: under MEDIA_ROOT/private/alliance/, with random file names.

Files are never given a public URL; they are served by the download view, which checks rights
first. The web server must not serve MEDIA_ROOT/private/ (see docs/alliance.md).
"""

from __future__ import annotations

from django.utils.deconstruct import deconstructible

from wijkgeld.core import storage


@deconstructible(path="wijkgeld.alliance.storage.PrivateStorage")
class PrivateStorage(storage.PrivateStorage):
    def __init__(self, **kwargs):
        super().__init__("alliance", **kwargs)


private_storage = PrivateStorage()


def private_upload_to(instance, filename: str) -> str:
    return storage.random_name(str(instance.alliance.area_id), filename)

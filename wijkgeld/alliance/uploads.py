"""Alliance documents are checked by the shared upload checks in `wijkgeld.core.uploads`."""

from wijkgeld.core.uploads import (
    ALLOWED_TEXT,
    KINDS,
    CheckedFile,
    check_upload,
    content_matches,
    max_upload_bytes,
)

__all__ = ["ALLOWED_TEXT", "KINDS", "CheckedFile", "check_upload", "content_matches", "max_upload_bytes"]

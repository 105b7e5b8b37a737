"""How fresh the public figures are: one version string that changes as soon as any figure can change.

The ledger, the audit log and the ballots only ever grow, so their highest ids (each a primary-key lookup)
tell whether anything happened. Meetings "held" and documents "late" also depend on the day, so the date is
part of the version. The national figures are cached under this version: a new posting gives a new version,
so a figure never lags behind the ledger, and repeated requests cost three index lookups.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import condition

from wijkgeld.core.models import AuditEntry
from wijkgeld.money.models import Posting, Transaction
from wijkgeld.voting.models import Ballot

T = TypeVar("T")
CACHE_SECONDS = 60 * 60


def _state() -> tuple[int, int, int, dt.datetime | None]:
    tables = [Posting._meta.db_table, AuditEntry._meta.db_table, Ballot._meta.db_table]
    # One round trip; the table names come from the models, never from input.
    selects = ", ".join(f"(SELECT MAX(id) FROM {table})" for table in tables)  # noqa: S608
    audit, tx, posting_table = AuditEntry._meta.db_table, Transaction._meta.db_table, tables[0]
    last = f"(SELECT MAX(id) FROM {posting_table})"  # noqa: S608
    latest_tx = f"(SELECT created_at FROM {tx} WHERE id = (SELECT transaction_id FROM {posting_table} WHERE id = {last}))"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}, (SELECT MAX(created_at) FROM {audit}), {latest_tx}")  # noqa: S608
        posting, entry, ballot, *times = cursor.fetchone()
    moments = [_aware(t) for t in times if t is not None]
    return posting or 0, entry or 0, ballot or 0, max(moments) if moments else None


def _aware(value) -> dt.datetime:
    if isinstance(value, str):  # SQLite returns the raw text of an aggregate
        value = dt.datetime.fromisoformat(value)
    return timezone.make_aware(value, dt.UTC) if timezone.is_naive(value) else value


def _version(state, today: dt.date | None = None) -> str:
    posting, entry, ballot, _changed = state
    # The hour too: a round opens or closes at its set time without a new row, and the home page's
    # "voting open until ..." must not be answered with a 304 from before that moment.
    moment = today or timezone.localtime()
    return f"p{posting}-a{entry}-b{ballot}-{moment:%Y%m%d%H}"


def data_version(*, today: dt.date | None = None) -> str:
    return _version(_state(), today)


def request_state(request):
    """The state once per request (the ETag, Last-Modified and the cache key all need it)."""
    state = getattr(request, "_wijkgeld_public_state", None)
    if state is None:
        state = _state()
        request._wijkgeld_public_state = state
    return state


def request_version(request) -> str:
    return _version(request_state(request))


def cached(name: str, compute: Callable[[], T], *, version: str | None = None) -> T:
    """The value of `compute()` for the current data version (computed once per version and process)."""
    key = f"national:{version or data_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def etag_for(request, *args, **kwargs) -> str:
    """A strong ETag of the data version, the URL, the language and who is looking (the header shows them)."""
    user = request.user.pk if getattr(request, "user", None) and request.user.is_authenticated else 0
    raw = "|".join(
        str(p)
        for p in (
            request_version(request),
            request.get_full_path(),
            getattr(request, "LANGUAGE_CODE", ""),
            user,
        )
    )
    return quote_etag(hashlib.sha256(raw.encode()).hexdigest()[:32])


def last_modified_for(request, *args, **kwargs) -> dt.datetime | None:
    return request_state(request)[3]


def conditional(view):
    """ETag and Last-Modified on a public page or download; answers 304 when nothing changed."""
    decorated = condition(etag_func=etag_for, last_modified_func=last_modified_for)(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = decorated(request, *args, **kwargs)
        # Always ask again (cheap: a 304 when nothing changed), so a new posting shows at once.
        patch_cache_control(response, no_cache=True, private=request.user.is_authenticated)
        return response

    return wrapper

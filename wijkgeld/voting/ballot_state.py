"""Where a voter is in the ballot between two requests: POST, redirect, GET.

Every step of the ballot (code typed, totals checked, ready to confirm) ends in a redirect to a page
that the browser fetches with GET, so that Back, reload and Back after the receipt never show the
browser's "resubmit the form?" page. What the page needs (the code and the choice so far) travels in
one short-lived signed cookie on the voter's own device: not in the URL (so not in server logs or
browser history) and not on the server. The cookie ends with the browser session, expires with the
step stamp, and is deleted when the vote is cast or the voter presses "Done", so Back after voting
finds nothing to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

STATE_COOKIE = "wg_ballot"
STATE_SALT = "wijkgeld.voting.ballot-state"
STATE_MAX_AGE = 3 * 3600  # as long as a step stamp: a ballot left open longer starts again at the code


@dataclass(frozen=True)
class BallotState:
    round_id: int
    code: str
    step: str
    approvals: tuple[str, ...] = ()
    points: dict[str, int] | None = None
    changing: bool = False
    showing_earlier: bool = False


def state_read(request, *, round_id: int) -> BallotState | None:
    """The state for this round, or None when there is none, it is forged, expired or for another round."""
    raw = request.COOKIES.get(STATE_COOKIE)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("r") != round_id:
        return None
    points = data.get("p")
    return BallotState(
        round_id=round_id,
        code=str(data.get("c", "")),
        step=str(data.get("s", "")),
        approvals=tuple(str(a) for a in data.get("a", ())),
        points={str(k): int(v) for k, v in points.items()} if isinstance(points, dict) else None,
        changing=bool(data.get("ch")),
        showing_earlier=bool(data.get("e")),
    )


def state_write(response, *, state: BallotState) -> None:
    value = signing.dumps(
        {
            "r": state.round_id,
            "c": state.code,
            "s": state.step,
            "a": list(state.approvals),
            "p": state.points,
            "ch": state.changing,
            "e": state.showing_earlier,
        },
        salt=STATE_SALT,
        compress=True,
    )
    response.set_cookie(  # no max_age: the cookie ends with the browser session
        STATE_COOKIE,
        value,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def state_clear(response) -> None:
    response.delete_cookie(STATE_COOKIE, samesite="Lax")

"""Resident pages: type the code, fill in the ballot, confirm, see the receipt. No account needed.

The code travels only in the resident's own form (a hidden field between the steps); it is never put
in the session or the database. Every step checks it again, and wrong codes count towards the
throttle. The receipt and the voter's choice are handed to the receipt page in a short-lived signed
cookie on the voter's device, not in the URL (so not in server logs or browser history) and not on
the server (so a receipt cannot be used later to show someone how one voted).

Shared computers: the receipt cookie ends with the browser session and "Done" clears it. Each form
carries a signed "step" stamp from when the code page was opened; after a vote (or "Done") the
browser holds a "done" stamp, and any older form that is sent again (Back, resubmit) is refused, so
the next person at the computer cannot see or change the vote.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkgeld.areas.models import Area
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting import throttle
from wijkgeld.voting.helpdesk import help_desk_for_token
from wijkgeld.voting.selection import Selection, admitted_projects, euros, validate
from wijkgeld.voting.services import ballot_cast, ballot_current, code_lookup, voting_state
from wijkgeld.voting.summary import ballot_summary, idea_photos

RECEIPT_COOKIE = "wg_receipt"
RECEIPT_SALT = "wijkgeld.voting.receipt"
RECEIPT_AGE = 3600  # seconds: the choice is shown just after voting, not later
THROTTLED_REASONS = {"length", "character", "check", "unknown", "revoked"}
DONE_COOKIE = "wg_done"
STEP_SALT = "wijkgeld.voting.step"
STEP_MAX_AGE = 3 * 3600  # a ballot left open longer than this starts again at the code
DESK_COOKIE = "wg_desk"


def desk_of(request):
    """The open help desk this device is, or None."""
    return help_desk_for_token(request.COOKIES.get(DESK_COOKIE))


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _new_step() -> str:
    return signing.dumps(_now_ms(), salt=STEP_SALT)


def _is_stale(request) -> bool:
    """True if this form was opened before the last vote or "Done" in this browser."""
    done = request.get_signed_cookie(DONE_COOKIE, default=None, salt=STEP_SALT)
    if done is None:
        return False
    try:
        opened = int(signing.loads(request.POST.get("step", ""), salt=STEP_SALT, max_age=STEP_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return opened <= int(done)


def _mark_done(response) -> None:
    response.set_signed_cookie(
        DONE_COOKIE,
        str(_now_ms()),
        salt=STEP_SALT,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _expired(request, area=None):
    return _start_page(
        request,
        error=_("For your safety this page has expired. Type the code from your letter again."),
        area=area,
        status=400,
    )


def _failed(request, page):
    """Count a wrong code; past the client's limit answer "wait" (429) instead of the error page.

    Only wrong codes get here: a right code is never throttled, whoever sends it.
    """
    wait = throttle.record_failure(request)
    if wait is None:
        return page()
    response = render(
        request, "voting/throttled.html", {"wait_minutes": max(1, (wait + 59) // 60)}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


def _start_page(request, *, code: str = "", error: str | None = None, area=None, status: int = 200):
    desk = desk_of(request)
    if desk is not None:  # a help-desk device always goes back to its own start page
        from wijkgeld.voting.desk import desk_start_page

        return desk_start_page(request, desk, error=error, status=status)
    rounds = []
    if area is not None:
        rounds = list(Round.objects.filter(fund__area=area, phase=Round.Phase.VOTING))
    return render(
        request,
        "voting/start.html",
        {"code": code, "error": error, "area": area, "rounds": rounds, "step": _new_step()},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def start(request, slug: str | None = None):
    """Type the code. The QR code on the letter links here with ?code=… so the field is filled in."""
    area = get_object_or_404(Area, slug=slug) if slug else None
    if request.method == "GET":
        return _start_page(request, code=request.GET.get("code", "")[:40], area=area)
    if _is_stale(request):
        return _expired(request, area)
    typed = request.POST.get("code", "")[:40]
    return code_step(request, typed, lambda error: _start_page(request, code=typed, error=error, area=area))


def code_step(request, typed: str, page, *, round_id: int | None = None):
    """The code was typed: open the ballot, or show `page(error)` (wrong codes count towards the throttle).

    `round_id` limits the code to one round (the help desk is open for one round only)."""
    try:
        vc = code_lookup(typed, round_id=round_id)
    except DomainError as exc:
        error = exc.message
        return _failed(request, lambda: page(error))
    if vc.revoked:
        message = _("This code is no longer valid. Use the code from your new letter.")
        return _failed(request, lambda: page(message))
    round_ = Round.objects.select_related("fund__area").get(pk=vc.round_id)
    if (message := _not_open_message(round_)) is not None:
        return page(message)
    if vc.used_channel == "paper":
        return page(_("This code was already used on a paper ballot. You cannot also vote online with it."))
    # An earlier choice is shown only when the voter asks for it (someone may be watching).
    voted_before = ballot_current(round=round_, code=typed) is not None
    return _ballot_page(request, round_, typed, Selection((), None), changing=voted_before)


def _not_open_message(round_: Round) -> str | None:
    state = voting_state(round_)
    if state == "open":
        return None
    if state == "not_started":
        return _("Voting has not started yet. Try again when voting is open.")
    if state == "closed":
        return _("Voting has closed. Your vote can no longer be counted.")
    return _("Voting is not open for this round.")


def _selection_from_post(request, round_: Round) -> tuple[list[str] | None, dict[str, int] | None]:
    if round_.ballot_type == Round.BallotType.CUMULATIVE:
        points: dict[str, int] = {}
        for key, value in request.POST.items():
            if not key.startswith("points-"):
                continue
            value = value.strip()
            if value == "":
                continue
            if not value.isdigit() or len(value) > 4:
                raise DomainError(_("Points must be whole numbers of 0 or more."), field="points")
            points[key.removeprefix("points-")[:12]] = int(value)
        return None, points
    return [p[:12] for p in request.POST.getlist("projects")[:200]], None


def _summary(round_: Round, projects, selection: Selection) -> dict:
    return ballot_summary(round_, projects, selection)


def _ballot_page(
    request,
    round_,
    code,
    selection,
    *,
    error=None,
    checked=False,
    changing=False,
    showing_earlier=False,
    status=200,
):
    projects = admitted_projects(round_)
    context = {
        "round": round_,
        "area": round_.fund.area,
        "code": code,
        "projects": projects,
        "selection": selection,
        "points": selection.points or {},
        "summary": _summary(round_, projects, selection),
        "error": error,
        "checked": checked,
        "changing": changing,
        "showing_earlier": showing_earlier,
        "cumulative": round_.ballot_type == Round.BallotType.CUMULATIVE,
        "min_projects": max(round_.min_projects or 1, 1),
        "budget_text": euros(round_.budget_cents),
        "voting_end": round_.voting_end,
        "step": request.POST.get("step", ""),
        "photos": idea_photos(round_),
    }
    return render(request, "voting/ballot.html", context, status=status)


def _loose_selection(round_, approvals, points) -> Selection:
    """What the resident ticked, kept as typed, so the page can show it again next to the error."""
    if points is not None:
        return Selection(tuple(k for k, v in points.items() if v), {k: v for k, v in points.items() if v})
    return Selection(tuple(approvals or ()), None)


@never_cache
@require_http_methods(["GET", "POST"])
def ballot(request, round_id: int):
    """One URL for the steps of the ballot: check (totals), confirm, change and cast."""
    if request.method == "GET":
        return redirect("voting:start")
    round_ = get_object_or_404(Round, pk=round_id)
    if _is_stale(request):
        return _expired(request)
    code = request.POST.get("code", "")[:40]
    action = request.POST.get("action", "check")
    try:
        approvals, points = _selection_from_post(request, round_)
    except DomainError as exc:
        return _ballot_page(request, round_, code, Selection((), None), error=exc.message, status=400)
    if action == "cast":
        # On a help-desk device (its cookie, never a form field) the round's help-desk count goes up.
        desk = desk_of(request)
        try:
            receipt = ballot_cast(
                round=round_,
                code=code,
                approvals=approvals,
                points=points,
                assisted=desk is not None and desk.round_id == round_.pk,
            )
        except DomainError as exc:
            return _step_error(request, round_, code, exc, approvals, points)
        response = redirect("voting:receipt")  # POST, redirect, GET: reloading never votes again
        _mark_done(response)
        # The voter's own choice travels only in this signed cookie on their device: nothing on the
        # server can show a ballot for a receipt afterwards (receipt-freeness, docs/voting.md).
        response.set_signed_cookie(  # no max_age: the cookie ends with the browser session
            RECEIPT_COOKIE,
            _receipt_value(round_.pk, receipt, approvals, points),
            salt=RECEIPT_SALT,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
    try:
        vc = code_lookup(code, round_id=round_.pk)
        if vc.revoked:
            raise DomainError(
                _("This code is no longer valid. Use the code from your new letter."),
                field="code",
                code="revoked",
            )
        if vc.used_channel == "paper":
            raise DomainError(
                _("This code was already used on a paper ballot. You cannot also vote online with it."),
                field="code",
                code="paper",
            )
        if (message := _not_open_message(round_)) is not None:
            raise DomainError(message, field="code", code="closed")
        if action == "change":
            return _ballot_page(request, round_, code, _loose_selection(round_, approvals, points))
        if action == "earlier":  # the voter asked to see the choice that counts now
            current = ballot_current(round=round_, code=code) or Selection((), None)
            return _ballot_page(request, round_, code, current, changing=True, showing_earlier=True)
        selection = validate(round_, _costs(round_), approvals=approvals, points=points)
    except DomainError as exc:
        return _step_error(request, round_, code, exc, approvals, points)
    if action == "confirm":
        projects = admitted_projects(round_)
        return render(
            request,
            "voting/confirm.html",
            {
                "round": round_,
                "area": round_.fund.area,
                "code": code,
                "selection": selection,
                "summary": _summary(round_, projects, selection),
                "cumulative": round_.ballot_type == Round.BallotType.CUMULATIVE,
                "step": request.POST.get("step", ""),
            },
        )
    return _ballot_page(request, round_, code, selection, checked=True)


def _costs(round_):
    from wijkgeld.voting.selection import project_costs

    return project_costs(round_)


def _step_error(request, round_, code, exc: DomainError, approvals, points):
    if exc.field == "code" or exc.code in {"closed", "not_open"}:
        page = lambda: _start_page(request, code=code, error=exc.message, status=400)  # noqa: E731
        return _failed(request, page) if exc.code in THROTTLED_REASONS else page()
    return _ballot_page(
        request, round_, code, _loose_selection(round_, approvals, points), error=exc.message, status=400
    )


def _receipt_value(round_id: int, receipt: str, approvals, points) -> str:
    """`round:receipt:a:1.2` or `round:receipt:p:1=6.3=4` (plain characters: no cookie quoting)."""
    if points is not None:
        return f"{round_id}:{receipt}:p:" + ".".join(f"{k}={v}" for k, v in points.items() if v)
    return f"{round_id}:{receipt}:a:" + ".".join(approvals or ())


def _receipt_cookie(request) -> dict | None:
    raw = request.get_signed_cookie(RECEIPT_COOKIE, default=None, salt=RECEIPT_SALT, max_age=RECEIPT_AGE)
    parts = (raw or "").split(":")
    if len(parts) != 4 or not parts[0].isdigit() or parts[2] not in ("a", "p"):
        return None
    items = [item for item in parts[3].split(".") if item]
    if parts[2] == "a":
        return {"round": int(parts[0]), "receipt": parts[1], "approvals": items, "points": None}
    pairs = [item.split("=", 1) for item in items]
    points = {k: int(v) for k, v in (p for p in pairs if len(p) == 2) if v.isdigit()}
    return {"round": int(parts[0]), "receipt": parts[1], "approvals": list(points), "points": points}


@never_cache
@require_GET
def receipt(request):
    """Right after voting, on the voter's own device: the receipt and what they chose (from the cookie)."""
    value = _receipt_cookie(request)
    context: dict = {"receipt": None}
    round_ = Round.objects.select_related("fund__area").filter(pk=value["round"]).first() if value else None
    if round_ is not None:
        projects = {p.id: p for p in admitted_projects(round_)}
        points = value.get("points")
        approvals = list(points) if isinstance(points, dict) else value.get("approvals") or []
        context = {
            "receipt": value["receipt"],
            "round": round_,
            "area": round_.fund.area,
            "chosen": [(projects[pid], (points or {}).get(pid)) for pid in approvals if pid in projects],
            "cumulative": isinstance(points, dict),
        }
    desk = desk_of(request)
    context["desk"] = desk
    response = render(request, "voting/receipt.html", context)
    if desk is not None:
        # Shown once: Back or reload on the desk device shows nothing of this voter any more.
        response.delete_cookie(RECEIPT_COOKIE, samesite="Lax")
    return response


@require_POST
def receipt_done(request):
    """ "Done": forget the receipt on this device, and refuse older ballot pages sent again."""
    response = redirect("voting:start")
    response.delete_cookie(RECEIPT_COOKIE, samesite="Lax")
    _mark_done(response)
    messages.success(request, _("Done. This device no longer shows your vote. Your vote still counts."))
    return response

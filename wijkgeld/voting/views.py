"""Resident pages: type the code, fill in the ballot, confirm, see the receipt. No account needed.

Every step is POST, redirect, GET: a form is sent, the server checks it and answers with a redirect to
a page the browser fetches with GET, so Back and reload never ask to "resubmit the form" (also not Back
after the receipt). Between the steps the code and the choice so far live in one short-lived signed
cookie on the voter's device (`ballot_state`), never in the URL, the session or the database. Every
step checks the code again, and wrong codes count towards the throttle. The receipt and the voter's
choice are handed to the receipt page in another signed cookie on the voter's device (so a receipt
cannot be used later, on the server, to show someone how one voted).

Shared computers: both cookies end with the browser session; casting the vote and "Done" delete the
ballot state, and "Done" clears the receipt. Each form carries a signed "step" stamp from when the
code page was opened; after a vote (or "Done") the browser holds a "done" stamp, and any older form
that is sent again is refused, so the next person at the computer cannot see or change the vote.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkgeld.areas.models import Area
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting import throttle
from wijkgeld.voting.ballot_state import BallotState, state_clear, state_read, state_write
from wijkgeld.voting.helpdesk import help_desk_for_token
from wijkgeld.voting.selection import Selection, admitted_projects, euros, round_for_ballot, validate
from wijkgeld.voting.services import (
    ballot_cast,
    ballot_current,
    code_lookup,
    require_own_sub_area,
    voting_state,
)
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


def _is_stale(request, step: str | None = None) -> bool:
    """True if this form (or ballot state) was opened before the last vote or "Done" in this browser."""
    done = request.get_signed_cookie(DONE_COOKIE, default=None, salt=STEP_SALT)
    if done is None:
        return False
    if step is None:
        step = request.POST.get("step", "")
    try:
        opened = int(signing.loads(step, salt=STEP_SALT, max_age=STEP_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    # Strictly before: a page opened in the very millisecond of the vote was opened after it (the
    # vote's answer comes first); with <= a fast browser (or test client) could get "expired" for a
    # page it had just fetched.
    return opened < int(done)


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
    state = BallotState(
        round_id=round_.pk, code=typed, step=request.POST.get("step", ""), changing=voted_before
    )
    return _to_step(round_, state)


def _to_step(round_: Round, state: BallotState, stage: str | None = None):
    """Redirect (303: the browser fetches the next page with GET) and keep the state on the device."""
    url = reverse("voting:ballot", args=[round_.pk]) + (f"?stap={stage}" if stage else "")
    response = HttpResponseRedirect(url, status=303)
    state_write(response, state=state)
    return response


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


def _summary(round_: Round, projects, selection: Selection, sub_area=None) -> dict:
    return ballot_summary(round_, projects, selection, sub_area.budget_cents if sub_area else None)


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
    step=None,
):
    sub_area = _sub_area(round_, code)
    projects = admitted_projects(round_, sub_area.pk if sub_area else None)
    context = {
        "round": round_,
        "area": round_.fund.area,
        "code": code,
        "projects": projects,
        "selection": selection,
        "points": selection.points or {},
        "summary": _summary(round_, projects, selection, sub_area),
        "error": error,
        "checked": checked,
        "changing": changing,
        "showing_earlier": showing_earlier,
        "cumulative": round_.ballot_type == Round.BallotType.CUMULATIVE,
        "min_projects": max(round_.min_projects or 1, 1),
        "budget_text": euros(sub_area.budget_cents if sub_area else round_.budget_cents),
        "sub_area": sub_area,
        "voting_end": round_.voting_end,
        "step": request.POST.get("step", "") if step is None else step,
        "photos": idea_photos(round_),
    }
    return render(request, "voting/ballot.html", context, status=status)


def _sub_area(round_, code: str):
    """The neighbourhood of this code in a round with a budget per neighbourhood (else None)."""
    if not round_.by_neighbourhood:
        return None
    try:
        vc = code_lookup(code, round_id=round_.pk)
    except DomainError:
        return None
    return vc.sub_area


def _loose_selection(round_, approvals, points) -> Selection:
    """What the resident ticked, kept as typed, so the page can show it again next to the error."""
    if points is not None:
        return Selection(tuple(k for k, v in points.items() if v), {k: v for k, v in points.items() if v})
    return Selection(tuple(approvals or ()), None)


def _confirm_page(request, round_: Round, code: str, selection: Selection, step: str):
    sub_area = _sub_area(round_, code)
    projects = admitted_projects(round_, sub_area.pk if sub_area else None)
    return render(
        request,
        "voting/confirm.html",
        {
            "round": round_,
            "area": round_.fund.area,
            "code": code,
            "selection": selection,
            "summary": _summary(round_, projects, selection, sub_area),
            "cumulative": round_.ballot_type == Round.BallotType.CUMULATIVE,
            "step": step,
        },
    )


def _ballot_get(request, round_id: int):
    """The page for the step the voter is at, from the ballot state on their device."""
    state = state_read(request, round_id=round_id)
    if state is None or _is_stale(request, state.step):
        # Back after the vote (or after "Done") lands here: nothing of the vote is shown again.
        response = redirect("voting:start")
        state_clear(response)
        return response
    round_ = get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id)
    stage = request.GET.get("stap", "")
    if stage not in ("controle", "bevestigen"):
        selection = Selection(state.approvals, state.points)
        return _ballot_page(
            request,
            round_,
            state.code,
            selection,
            changing=state.changing,
            showing_earlier=state.showing_earlier,
            step=state.step,
        )
    approvals = None if state.points is not None else list(state.approvals)
    try:
        selection = validate(round_, _costs(round_), approvals=approvals, points=state.points)
        if round_.by_neighbourhood:
            sub_area = _sub_area(round_, state.code)
            require_own_sub_area(round_, sub_area.pk if sub_area else None, selection)
    except DomainError as exc:  # the ideas changed since the check: show the ballot with why
        loose = _loose_selection(round_, approvals, state.points)
        return _ballot_page(request, round_, state.code, loose, error=exc.message, step=state.step)
    if stage == "bevestigen":
        return _confirm_page(request, round_, state.code, selection, state.step)
    return _ballot_page(request, round_, state.code, selection, checked=True, step=state.step)


@never_cache
@require_http_methods(["GET", "POST"])
def ballot(request, round_id: int):
    """One URL for the steps of the ballot: check (totals), confirm, change and cast.

    A POST is one step; it answers with a redirect to the GET page of the next step (or with the
    page and its error, status 400, when the step is refused).
    """
    if request.method == "GET":
        return _ballot_get(request, round_id)
    # Casting is the hot path: it may use a worker's recent copy of the round, because the cast itself
    # re-reads in the database whether voting is open (see round_for_ballot). The other steps read now.
    if request.POST.get("action") == "cast":
        round_ = round_for_ballot(round_id)
    else:
        round_ = Round.objects.select_related("fund__area").filter(pk=round_id).first()
    if round_ is None:
        raise Http404
    if _is_stale(request):
        return _expired(request)
    code = request.POST.get("code", "")[:40]
    step = request.POST.get("step", "")
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
        state_clear(response)  # Back after the receipt finds no ballot to show
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
            loose = _loose_selection(round_, approvals, points)
            return _to_step(round_, BallotState(round_.pk, code, step, loose.approvals, loose.points))
        if action == "earlier":  # the voter asked to see the choice that counts now
            current = ballot_current(round=round_, code=code) or Selection((), None)
            state = BallotState(
                round_.pk, code, step, current.approvals, current.points, changing=True, showing_earlier=True
            )
            return _to_step(round_, state)
        selection = validate(round_, _costs(round_), approvals=approvals, points=points)
        require_own_sub_area(round_, vc.sub_area_id, selection)
    except DomainError as exc:
        return _step_error(request, round_, code, exc, approvals, points)
    state = BallotState(round_.pk, code, step, tuple(selection.approvals), selection.points)
    return _to_step(round_, state, "bevestigen" if action == "confirm" else "controle")


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
    state_clear(response)
    _mark_done(response)
    messages.success(request, _("Done. This device no longer shows your vote. Your vote still counts."))
    return response

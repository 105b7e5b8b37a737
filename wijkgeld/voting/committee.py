"""Committee pages: make codes and letters, replace a code, enter paper ballots twice, see turnout.

Codes are released by two people (wijkgeld/voting/batches.py): one member asks, another issues, and
issuing answers with the download itself (a ZIP with the letters PDF and the CSV, or one PDF for a
replacement). The plaintext codes exist only in that one response and are never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting.batches import code_batch_cancel, code_batch_issue, code_batch_request
from wijkgeld.voting.forms import CodeForm, GenerateCodesForm
from wijkgeld.voting.letters import letter_language
from wijkgeld.voting.models import INVALID_ENTRY, CodeBatch, PaperBallot
from wijkgeld.voting.selection import admitted_projects
from wijkgeld.voting.services import (
    paper_ballot_enter,
    paper_ballot_resolve,
    turnout,
)
from wijkgeld.voting.views import _selection_from_post


def _round(area, round_id: int) -> Round:
    return get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id, fund__area=area)


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@area_permission_required("voting.view_turnout")
def rounds(request, area):
    items = Round.objects.filter(fund__area=area).order_by("-year", "-id")
    return render(request, "voting/committee/rounds.html", {"area": area, "rounds": items})


def _overview(request, area, round_, *, generate_form=None, revoke_form=None, status=200):
    user = request.user
    return render(
        request,
        "voting/committee/overview.html",
        {
            "area": area,
            "round": round_,
            "turnout": turnout(round=round_),
            "generate_form": generate_form or GenerateCodesForm(round=round_),
            "revoke_form": revoke_form or CodeForm(),
            "may_manage": can(user, "voting.manage_codes", area),
            "may_enter": can(user, "voting.enter_paper", area),
            "letter_languages": settings.LANGUAGES,
            "may_desk": can(user, "voting.help_desk", area),
            "batches": CodeBatch.objects.filter(round=round_).select_related(
                "requested_by", "decided_by", "replaces", "sub_area"
            ),
        },
        status=status,
    )


@never_cache
@area_permission_required("voting.view_turnout")
def overview(request, area, round_id: int):
    return _overview(request, area, _round(area, round_id))


def _batch(round_, batch_id: int) -> CodeBatch:
    return get_object_or_404(CodeBatch, pk=batch_id, round=round_)


@never_cache
@require_POST
@area_permission_required("voting.manage_codes")
def generate(request, area, round_id: int):
    """Ask for a batch of codes: a different committee member issues it (two-person rule)."""
    round_ = _round(area, round_id)
    form = GenerateCodesForm(request.POST, round=round_)
    if form.is_valid():
        try:
            code_batch_request(
                actor=request.user,
                round=round_,
                count=form.cleaned_data["count"],
                sub_area=form.cleaned_data.get("sub_area"),
            )
        except DomainError as exc:
            form.add_error("count", exc.message)
        else:
            messages.success(request, _("Asked for. Another committee member must now issue the codes."))
            return redirect("voting:committee", slug=area.slug, round_id=round_.pk)
    return _overview(request, area, round_, generate_form=form, status=400)


@never_cache
@require_POST
@area_permission_required("voting.manage_codes")
def replace(request, area, round_id: int):
    """Ask for a replacement of one code: it stops working when another member issues the new one."""
    round_ = _round(area, round_id)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            code_batch_request(actor=request.user, round=round_, replace_code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            messages.success(request, _("Asked for. Another committee member must now issue the new code."))
            return redirect("voting:committee", slug=area.slug, round_id=round_.pk)
    return _overview(request, area, round_, revoke_form=form, status=400)


@never_cache
@require_POST
@area_permission_required("voting.manage_codes")
def issue(request, area, round_id: int, batch_id: int):
    """The second member issues a batch: the one and only download of its codes."""
    round_ = _round(area, round_id)
    batch = _batch(round_, batch_id)
    try:
        language = letter_language(request.POST.get("language"))
        issued = code_batch_issue(actor=request.user, batch=batch, language=language)
    except DomainError as exc:
        messages.error(request, exc.message)
        return _overview(request, area, round_, status=400)
    return _download(issued.data, issued.filename, issued.content_type)


@never_cache
@require_POST
@area_permission_required("voting.manage_codes")
def cancel(request, area, round_id: int, batch_id: int):
    round_ = _round(area, round_id)
    try:
        code_batch_cancel(actor=request.user, batch=_batch(round_, batch_id))
    except DomainError as exc:
        messages.error(request, exc.message)
        return _overview(request, area, round_, status=400)
    messages.success(request, _("The request is cancelled."))
    return redirect("voting:committee", slug=area.slug, round_id=round_.pk)


def _invalid_pressed(request) -> bool:
    """The "record as invalid" button was used (instead of saving what is marked)."""
    return request.method == "POST" and request.POST.get("invalid") == "1"


def _paper_context(area, round_, form, *, error=None, selection=None):
    return {
        "area": area,
        "round": round_,
        "form": form,
        "projects": admitted_projects(round_),
        "cumulative": round_.ballot_type == Round.BallotType.CUMULATIVE,
        "error": error,
        "selected": set(selection or ()),
        "turnout": turnout(round=round_),
    }


@never_cache
@area_permission_required("voting.enter_paper")
def paper(request, area, round_id: int):
    """Enter one paper ballot. Each ballot is entered by two different members; they must match."""
    round_ = _round(area, round_id)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invalid = _invalid_pressed(request)
        try:
            approvals, points = (None, None) if invalid else _selection_from_post(request, round_)
            result = paper_ballot_enter(
                actor=request.user,
                round=round_,
                code=form.cleaned_data["code"],
                approvals=approvals,
                points=points,
                invalid=invalid,
            )
        except DomainError as exc:
            target = "code" if exc.field == "code" else None
            form.add_error(target, exc.message)
        else:
            first = _(
                "Paper ballot %(number)d is entered once. Write %(number)d on the paper. "
                "Another member must now enter it a second time."
            )
            if invalid and result.status == PaperBallot.Status.FIRST:
                first = _(
                    "Paper ballot %(number)d is entered once as invalid. Write %(number)d on the paper. "
                    "Another member must now enter it a second time."
                )
            text = {
                PaperBallot.Status.FIRST: first,
                PaperBallot.Status.MATCHED: _(
                    "Paper ballot %(number)d is entered twice. Both match: it counts."
                ),
                PaperBallot.Status.MISMATCH: _(
                    "Paper ballot %(number)d: the two entries differ. It does not count until the difference is "
                    "resolved."
                ),
                PaperBallot.Status.SET_ASIDE: _(
                    "Paper ballot %(number)d does not count: its code voted online before the paper ballot "
                    "was entered twice. The online vote counts. Put the paper aside."
                ),
                PaperBallot.Status.INVALID: _(
                    "Paper ballot %(number)d is entered twice as invalid. It counts as an invalid ballot."
                ),
            }[result.status] % {"number": result.number}
            warn = {PaperBallot.Status.MISMATCH, PaperBallot.Status.SET_ASIDE}
            level = messages.WARNING if result.status in warn else messages.SUCCESS
            messages.add_message(request, level, text)
            return redirect("voting:paper", slug=area.slug, round_id=round_.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "voting/committee/paper.html", _paper_context(area, round_, form), status=status)


@never_cache
@area_permission_required("voting.enter_paper")
def mismatches(request, area, round_id: int):
    """Paper ballots whose two entries differ; resolve one with the paper at hand."""
    round_ = _round(area, round_id)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        try:
            number = int(request.POST.get("number", ""))
        except ValueError:
            number = 0
        invalid = _invalid_pressed(request)
        if form.is_valid():
            try:
                approvals, points = (None, None) if invalid else _selection_from_post(request, round_)
                resolved = paper_ballot_resolve(
                    actor=request.user,
                    round=round_,
                    number=number,
                    code=form.cleaned_data["code"],
                    approvals=approvals,
                    points=points,
                    invalid=invalid,
                )
            except DomainError as exc:
                form.add_error("code" if exc.field == "code" else None, exc.message)
            else:
                if resolved.status == PaperBallot.Status.SET_ASIDE:
                    text = _(
                        "Paper ballot %(number)d does not count: its code voted online first. "
                        "The online vote counts."
                    )
                    messages.warning(request, text % {"number": number})
                elif resolved.status == PaperBallot.Status.INVALID:
                    text = _(
                        "Paper ballot %(number)d is resolved as invalid. It counts as an invalid ballot."
                    )
                    messages.success(request, text % {"number": number})
                else:
                    messages.success(request, _("Paper ballot %(number)d now counts.") % {"number": number})
                return redirect("voting:mismatches", slug=area.slug, round_id=round_.pk)
    projects = {p.id: p for p in admitted_projects(round_)}

    def titles(selection):
        if selection == INVALID_ENTRY:
            return [_("Invalid (too many crosses or unreadable)")]
        selection = selection or {}
        points = selection.get("points") or {}
        names = []
        for pid in selection.get("approvals", []):
            name = projects[pid].title if pid in projects else pid
            names.append(f"{name} ({points[pid]})" if pid in points else name)
        return names

    items = [
        {
            "number": p.number,
            "first": titles(p.first_selection),
            "second": titles(p.second_selection),
            # A third member resolves: the page offers a difference only to who entered neither side.
            "mine": p.entered_by(request.user),
        }
        for p in PaperBallot.objects.filter(round=round_, status=PaperBallot.Status.MISMATCH)
    ]
    context = _paper_context(area, round_, form) | {
        "items": items,
        "resolvable": [item["number"] for item in items if not item["mine"]],
    }
    return render(request, "voting/committee/mismatches.html", context, status=status)

"""Submitting an idea (no account needed) and the proposer's private page (edit, revise, report)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error as show_error
from wijkgeld.fund import notify
from wijkgeld.fund.forms import IdeaForm, UpdateForm
from wijkgeld.fund.readability import readability_warnings
from wijkgeld.fund.services.common import Phase
from wijkgeld.fund.services.execution import update_post
from wijkgeld.fund.services.ideas import idea_by_token, idea_edit, idea_may_edit, idea_submit, idea_withdraw
from wijkgeld.fund.views.helpers import round_by_slug

SESSION_KEY = "fund_new_idea"


def _warnings(form) -> list[str]:
    return readability_warnings(f"{form.cleaned_data['summary']}\n{form.cleaned_data['description']}")


def idea_new(request, slug: str, round_id: int):
    round_ = round_by_slug(slug, round_id)
    if round_.phase != Phase.IDEAS:
        return render(request, "fund/idea_closed.html", {"round": round_, "area": round_.area})
    form = IdeaForm(request.POST or None, request.FILES or None, area=round_.area, round=round_)
    warnings: list[str] = []
    if request.method == "POST" and form.is_valid():
        warnings = _warnings(form)
        if warnings and not form.cleaned_data["confirm_plain"]:
            form.data = form.data.copy()
            form.data["confirm_plain"] = "on"
        else:
            try:
                proposal, token = idea_submit(
                    round=round_, photos=form.cleaned_data["photos"], **form.service_values()
                )
            except DomainError as exc:
                show_error(form, exc)
            else:
                request.session[SESSION_KEY] = {"number": proposal.number, "token": token}
                notify.send_edit_link(proposal, _private_link(request, round_, proposal.number, token))
                return redirect("fund:idea_thanks", slug=slug, round_id=round_.pk)
    return render(
        request,
        "fund/idea_form.html",
        {"round": round_, "area": round_.area, "form": form, "warnings": warnings, "editing": False},
    )


def _private_link(request, round_, number: int, token: str) -> str:
    return request.build_absolute_uri(
        reverse(
            "fund:idea_private",
            kwargs={"slug": round_.area.slug, "round_id": round_.pk, "number": number, "token": token},
        )
    )


def idea_thanks(request, slug: str, round_id: int):
    """Shows the private link once; it is not stored anywhere but in the proposer's hands."""
    round_ = round_by_slug(slug, round_id)
    data = request.session.pop(SESSION_KEY, None)
    if not data:
        return redirect("fund:round", slug=slug, round_id=round_id)
    link = _private_link(request, round_, data["number"], data["token"])
    return render(
        request,
        "fund/idea_thanks.html",
        {"round": round_, "area": round_.area, "number": data["number"], "link": link},
    )


def idea_private(request, slug: str, round_id: int, number: int, token: str):
    round_ = round_by_slug(slug, round_id)
    try:
        proposal = idea_by_token(round=round_, number=number, token=token)
    except DomainError as exc:
        raise Http404 from exc
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        return _withdraw(request, round_, number, token)
    may_edit = idea_may_edit(proposal)
    form = None
    update_form = None
    if may_edit:
        initial = {
            "title": proposal.title,
            "summary": proposal.summary,
            "description": proposal.description,
            "estimated_cost_cents": f"{proposal.estimated_cost_cents / 100:.2f}".replace(".", ","),
            "location": proposal.location,
            "theme": proposal.theme,
            "on_behalf_of": proposal.on_behalf_of_id,
            "contact_name": proposal.contact_name,
            "contact_email": proposal.contact_email,
            "contact_phone": proposal.contact_phone,
        }
        form = IdeaForm(
            request.POST or None, request.FILES or None, area=round_.area, editing=True, initial=initial
        )
        if request.method == "POST" and form.is_valid():
            try:
                idea_edit(
                    round=round_,
                    number=number,
                    token=token,
                    photos=form.cleaned_data["photos"],
                    remove_photos=[int(x) for x in request.POST.getlist("remove_photo") if x.isdigit()],
                    **form.service_values(),
                )
            except DomainError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("Your idea has been saved."))
                return redirect(request.path)
    elif round_.phase == Phase.EXECUTION and hasattr(proposal, "award"):
        update_form = UpdateForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and update_form.is_valid():
            data = update_form.cleaned_data
            try:
                update_post(
                    round=round_,
                    number=number,
                    token=token,
                    text=data["text"],
                    final=data["final"],
                    spent_cents=data["spent_cents"],
                    photos=data["photos"],
                )
            except DomainError as exc:
                show_error(update_form, exc)
            else:
                messages.success(request, _("Thank you. Your update is on the project page."))
                return redirect(request.path)
    elif request.method == "POST":
        messages.error(request, _("You can no longer change this idea: the assessment has started."))
        return redirect(request.path)
    return render(
        request,
        "fund/idea_private.html",
        {
            "round": round_,
            "area": round_.area,
            "idea": proposal,
            "form": form,
            "update_form": update_form,
            "photos": proposal.photos.filter(update=None),
            "editing": True,
            "may_withdraw": proposal.status != proposal.Status.WITHDRAWN
            and round_.phase in (Phase.IDEAS, Phase.ASSESSMENT)
            and not round_.is_locked,
        },
    )


def _withdraw(request, round_, number: int, token: str):
    if request.POST.get("confirmed") != "yes":
        messages.error(request, _("Tick the box to confirm that you withdraw your idea."))
        return redirect(request.path)
    try:
        idea_withdraw(round=round_, number=number, token=token)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(request.path)
    messages.success(
        request, _("Your idea has been withdrawn. It is no longer shown and will not be on the ballot.")
    )
    return redirect(request.path)

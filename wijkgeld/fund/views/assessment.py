"""The committee's page per idea: contact details (private), conflicts, assessment, revision, decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error as show_error
from wijkgeld.fund.forms import AssessmentForm, ConflictForm, DecisionForm, RevisionRequestForm
from wijkgeld.fund.models import Assessment
from wijkgeld.fund.services.assessment import (
    assessment_record,
    conflict_declare,
    has_conflict,
    idea_decide,
    revision_request,
)
from wijkgeld.fund.services.privacy import may_see_contact
from wijkgeld.fund.views.helpers import proposal_in_round, round_in_area

FORMS = {
    "conflict": (
        ConflictForm,
        lambda user, p, d: conflict_declare(actor=user, proposal=p, **d),
        _("Your conflict of interest has been recorded."),
    ),
    "assess": (
        AssessmentForm,
        lambda user, p, d: assessment_record(actor=user, proposal=p, **d),
        _("Your assessment has been saved."),
    ),
    "revision": (
        RevisionRequestForm,
        lambda user, p, d: revision_request(actor=user, proposal=p, **d),
        _("The proposer can now revise the idea once."),
    ),
    "decide": (
        DecisionForm,
        lambda user, p, d: idea_decide(actor=user, proposal=p, **d),
        _("The decision has been saved."),
    ),
}


@area_permission_required("fund.view")
def assess_idea(request, area, round_id: int, number: int):
    round_ = round_in_area(area, round_id)
    proposal = proposal_in_round(round_, number)
    may_assess = can(request.user, "fund.assess", area)
    own = Assessment.objects.filter(proposal=proposal, member=request.user).first()
    forms = {
        "conflict": ConflictForm(prefix="conflict"),
        "assess": AssessmentForm(
            prefix="assess",
            initial={name: getattr(own, name) for name in Assessment.CRITERIA} | {"note": own.note}
            if own
            else None,
        ),
        "revision": RevisionRequestForm(prefix="revision"),
        "decide": DecisionForm(
            prefix="decide",
            initial={"final_cost_cents": f"{proposal.cost_cents / 100:.2f}".replace(".", ",")},
        ),
    }
    if request.method == "POST":
        if not may_assess:
            raise PermissionDenied("fund.assess")
        action = request.POST.get("action", "")
        if action not in FORMS:
            messages.error(request, _("Unknown action. Nothing has changed."))
            return redirect(request.path)
        form_class, call, done = FORMS[action]
        form = form_class(request.POST, prefix=action)
        forms[action] = form
        if form.is_valid():
            try:
                call(request.user, proposal, form.cleaned_data)
            except DomainError as exc:
                show_error(form, exc)
            else:
                messages.success(request, done)
                return redirect(request.path)
    return render(
        request,
        "fund/manage/assess.html",
        {
            "area": area,
            "round": round_,
            "idea": proposal,
            "forms": forms,
            "may_assess": may_assess,
            "conflict": has_conflict(member=request.user, proposal=proposal),
            "show_contact": may_see_contact(request.user, proposal),
            "show_people": can(request.user, "area.view_people", area),
            "assessments": proposal.assessments.select_related("member"),
            "conflicts": proposal.conflicts.select_related("member"),
            "photos": proposal.photos.filter(update=None),
        },
    )

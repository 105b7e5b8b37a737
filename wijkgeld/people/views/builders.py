"""The register of community builders, their commissions and quarterly reports."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.accounts.models import User
from wijkgeld.accounts.permissions import can
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error, call_service
from wijkgeld.money import services as money
from wijkgeld.people import conf, services
from wijkgeld.people.forms import (
    BuilderForm,
    CommissionForm,
    CommitForm,
    LeaveForm,
    PayForm,
    ProfileForm,
    ReportDecideForm,
    ReportForm,
    TrainingForm,
    VoteForm,
)
from wijkgeld.people.models import Commission, CommunityBuilder, Report
from wijkgeld.people.permissions import (
    is_delegate,
    is_representative_of,
    may_see_builder_names,
    represented_collectives,
)
from wijkgeld.people.views.members import lines_for
from wijkgeld.people.views.util import area_login_required, deny_unless


def _may_view(user, area) -> bool:
    return can(user, "people.view", area) or bool(represented_collectives(user, area))


def _employers(user, area):
    qs = CollectiveProfile.objects.filter(area=area, status="verified").select_related("organisation")
    if is_delegate(user, area):
        return qs
    return qs.filter(pk__in=[c.pk for c in represented_collectives(user, area)])


@area_login_required
def register(request, area):
    builders = CommunityBuilder.objects.filter(area=area).select_related("employer__organisation")
    own = CommunityBuilder.objects.filter(area=area, user=request.user).exists()
    deny_unless(_may_view(request.user, area) or own)
    if not _may_view(request.user, area):
        builders = builders.filter(user=request.user)
    employers = _employers(request.user, area)
    form = BuilderForm(request.POST or None, employers=employers) if employers.exists() else None
    if request.method == "POST":
        deny_unless(form is not None)
        if form.is_valid():
            data = dict(form.cleaned_data)
            username = data.pop("username").strip()
            user = User.objects.filter(username=username).first() if username else None
            if username and user is None:
                form.add_error("username", _("There is no account with this username."))
            elif call_service(
                form, services.builder_register, actor=request.user, area=area, user=user, **data
            ):
                messages.success(request, _("The community builder is registered."))
                return redirect("people:builders", slug=area.slug)
    return render(
        request,
        "people/builders.html",
        {
            "area": area,
            "builders": builders,
            "form": form,
            "names": may_see_builder_names(request.user, area),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _builder_page(request, area, builder, *, profile_form=None, training_form=None, leave_form=None):
    may_edit = services.may_edit_builder(request.user, builder)
    is_self = builder.user_id == request.user.pk
    initial = {
        "public_profile": builder.public_profile,
        "public_first_name": builder.public_first_name,
        "public_description": builder.public_description,
    }
    return render(
        request,
        "people/builder.html",
        {
            "area": area,
            "builder": builder,
            "names": may_see_builder_names(request.user, area) or is_self,
            "trainings": builder.trainings.all(),
            "commissions": builder.commissions.all(),
            "profile_form": (profile_form or ProfileForm(initial=initial)) if may_edit or is_self else None,
            "training_form": (training_form or TrainingForm()) if may_edit else None,
            "leave_form": (leave_form or LeaveForm()) if may_edit and builder.left_on is None else None,
        },
        status=400 if profile_form or training_form or leave_form else 200,
    )


def _builder(request, area, pk):
    builder = get_object_or_404(
        CommunityBuilder.objects.select_related("employer__organisation"), pk=pk, area=area
    )
    deny_unless(_may_view(request.user, area) or builder.user_id == request.user.pk)
    return builder


@area_login_required
def builder_detail(request, area, pk: int):
    return _builder_page(request, area, _builder(request, area, pk))


@require_POST
@area_login_required
def builder_profile(request, area, pk: int):
    builder = _builder(request, area, pk)
    form = ProfileForm(request.POST, request.FILES)
    if form.is_valid() and call_service(
        form, services.builder_profile_update, actor=request.user, builder=builder, **form.cleaned_data
    ):
        messages.success(request, _("Saved."))
        return redirect("people:builder", slug=area.slug, pk=builder.pk)
    return _builder_page(request, area, builder, profile_form=form)


@require_POST
@area_login_required
def builder_training(request, area, pk: int):
    builder = _builder(request, area, pk)
    form = TrainingForm(request.POST)
    if form.is_valid() and call_service(
        form, services.training_record, actor=request.user, builder=builder, **form.cleaned_data
    ):
        messages.success(request, _("Saved."))
        return redirect("people:builder", slug=area.slug, pk=builder.pk)
    return _builder_page(request, area, builder, training_form=form)


@require_POST
@area_login_required
def builder_leave(request, area, pk: int):
    builder = _builder(request, area, pk)
    form = LeaveForm(request.POST)
    if form.is_valid() and call_service(
        form,
        services.builder_leave,
        actor=request.user,
        builder=builder,
        left_on=form.cleaned_data["left_on"],
    ):
        messages.success(request, _("Saved."))
        return redirect("people:builder", slug=area.slug, pk=builder.pk)
    return _builder_page(request, area, builder, leave_form=form)


def _giver_choices(user, area) -> list[tuple[str, str]]:
    choices = [
        (str(c.pk), _("Our collective: {name}").format(name=c.organisation.name))
        for c in represented_collectives(user, area)
    ]
    if is_delegate(user, area):
        choices.append(("delegates", _("The resident delegates (other delegates must approve)")))
    return choices


@area_login_required
def commission_create(request, area):
    choices = _giver_choices(request.user, area)
    deny_unless(bool(choices))
    builders = CommunityBuilder.objects.filter(area=area, left_on__isnull=True)
    form = CommissionForm(request.POST or None, builders=builders, choices=choices)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        giver = data.pop("given_by")
        collective = (
            None if giver == "delegates" else CollectiveProfile.objects.filter(pk=giver, area=area).first()
        )
        data["pay_cents"] = data.pop("pay")
        commission = call_service(
            form, services.commission_create, actor=request.user, collective=collective, **data
        )
        if commission:
            messages.success(request, _("The commission is saved."))
            return redirect("people:commission", slug=area.slug, pk=commission.pk)
    return render(
        request,
        "people/form_page.html",
        {
            "area": area,
            "form": form,
            "title": _("Give a commission to a community builder"),
            "intro": _(
                "A commission comes from the neighbourhood: from a resident collective, or from the resident "
                "delegates together. Its only aim is to strengthen the community."
            ),
            "button": _("Save the commission"),
            "back": "people:builders",
        },
        status=400 if form.errors else 200,
    )


def _commission(request, area, pk) -> Commission:
    commission = get_object_or_404(
        Commission.objects.select_related(
            "builder", "employer__organisation", "commissioning_collective__organisation", "commitment"
        ),
        pk=pk,
        area=area,
    )
    user = request.user
    deny_unless(
        _may_view(user, area)
        or commission.builder.user_id == user.pk
        or is_representative_of(user, commission.employer)
    )
    return commission


def _commission_page(request, area, commission, **forms):
    user = request.user
    reports = list(commission.reports.select_related("payment"))
    may_decide = services.may_decide_report(user, commission)
    may_pay = can(user, "money.pay", area) and commission.commitment_id is not None
    for report in reports:
        report.decide_form = (
            forms.get(f"decide_{report.pk}") or ReportDecideForm(prefix=f"r{report.pk}")
            if may_decide and report.status == Report.Status.SUBMITTED and report.submitted_by_id != user.pk
            else None
        )
        report.pay_form = (
            forms.get(f"pay_{report.pk}") or PayForm(prefix=f"p{report.pk}")
            if may_pay and report.status == Report.Status.ACCEPTED and report.payment_id is None
            else None
        )
    voted = commission.approvals.filter(delegate=user).exists()
    may_vote = (
        commission.status == Commission.Status.PROPOSED
        and is_delegate(user, area)
        and commission.proposed_by_id != user.pk
        and not voted
    )
    may_commit = (
        can(user, "money.commit", area)
        and commission.status == Commission.Status.GIVEN
        and commission.commitment_id is None
    )
    commitment = commission.commitment
    return render(
        request,
        "people/commission.html",
        {
            "area": area,
            "commission": commission,
            "names": may_see_builder_names(user, area) or commission.builder.user_id == user.pk,
            "approvals": commission.approvals.select_related("delegate"),
            "reports": reports,
            "vote_form": forms.get("vote") or VoteForm() if may_vote else None,
            "commit_form": forms.get("commit")
            or CommitForm(lines=lines_for(area, conf.builders_theme()), with_amount=False)
            if may_commit
            else None,
            "report_form": forms.get("report") or ReportForm()
            if commission.status == Commission.Status.GIVEN and services.may_submit_report(user, commission)
            else None,
            "paid": money.commitment_paid_cents(commitment) if commitment else 0,
        },
        status=400 if forms else 200,
    )


@area_login_required
def commission_detail(request, area, pk: int):
    return _commission_page(request, area, _commission(request, area, pk))


def _commission_post(request, area, pk, key, form, run):
    commission = _commission(request, area, pk)
    if form.is_valid():
        try:
            run(commission, form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("people:commission", slug=area.slug, pk=commission.pk)
    return _commission_page(request, area, commission, **{key: form})


@require_POST
@area_login_required
def commission_vote(request, area, pk: int):
    def run(commission, data):
        services.commission_vote(
            actor=request.user, commission=commission, approve=data["decision"] == "approve"
        )

    return _commission_post(request, area, pk, "vote", VoteForm(request.POST), run)


@require_POST
@area_login_required
def commission_commit(request, area, pk: int):
    form = CommitForm(request.POST, lines=lines_for(area, conf.builders_theme()), with_amount=False)

    def run(commission, data):
        services.commission_commit(actor=request.user, commission=commission, line=data["line"])

    return _commission_post(request, area, pk, "commit", form, run)


@require_POST
@area_login_required
def report_submit(request, area, pk: int):
    def run(commission, data):
        services.report_submit(
            actor=request.user, commission=commission, **{**data, "quarter": int(data["quarter"])}
        )

    return _commission_post(request, area, pk, "report", ReportForm(request.POST), run)


@require_POST
@area_login_required
def report_decide(request, area, pk: int, report_pk: int):
    report = get_object_or_404(Report, pk=report_pk, commission_id=pk, commission__area=area)
    form = ReportDecideForm(request.POST, prefix=f"r{report.pk}")

    def run(commission, data):
        services.report_decide(
            actor=request.user, report=report, accept=data["decision"] == "accept", note=data["note"]
        )

    return _commission_post(request, area, pk, f"decide_{report.pk}", form, run)


@require_POST
@area_login_required
def report_pay(request, area, pk: int, report_pk: int):
    report = get_object_or_404(Report, pk=report_pk, commission_id=pk, commission__area=area)
    form = PayForm(request.POST, prefix=f"p{report.pk}")

    def run(commission, data):
        services.report_pay(
            actor=request.user, report=report, amount_cents=data["amount"], description=data["description"]
        )

    return _commission_post(request, area, pk, f"pay_{report.pk}", form, run)

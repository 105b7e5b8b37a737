from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.areas.models import Area
from wijkgeld.community import queries, services
from wijkgeld.community.forms import CollectiveForm, ReviewForm
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error


def collective_list(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    return render(
        request,
        "community/list.html",
        {
            "area": area,
            "collectives": queries.verified_collectives(area=area),
            "may_review": can(request.user, "community.review", area),
        },
    )


def collective_register(request, slug: str):
    """Public: anyone can register a collective; it is listed after verification."""
    area = get_object_or_404(Area, slug=slug)
    form = CollectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.collective_register(
                actor=request.user if request.user.is_authenticated else None, area=area, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your collective is registered; it appears on this page once it has been verified."
                ),
            )
            return redirect("community:list", slug=area.slug)
    return render(request, "community/register.html", {"area": area, "form": form})


@area_permission_required("community.review")
def collective_review(request, area):
    profiles = list(queries.collectives_to_review(area=area))
    may_verify = can(request.user, "community.verify", area)
    for profile in profiles:
        profile.form = ReviewForm(prefix=f"p{profile.pk}") if may_verify else None
    return render(
        request,
        "community/review.html",
        {
            "area": area,
            "profiles": profiles,
            "may_verify": may_verify,
            "show_people": can(request.user, "area.view_people", area),
        },
    )


@area_permission_required("community.verify")
def collective_decide(request, area, pk: int):
    profile = get_object_or_404(CollectiveProfile, pk=pk, area=area)
    form = ReviewForm(request.POST or None, prefix=f"p{profile.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "verify":
                services.collective_verify(actor=request.user, profile=profile)
                messages.success(request, _("The collective is verified and now public."))
            else:
                services.collective_reject(
                    actor=request.user, profile=profile, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The collective has not been accepted."))
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("community:review", slug=area.slug)
    profile.form = form
    return render(
        request,
        "community/review.html",
        {"area": area, "profiles": [profile], "may_verify": True, "show_people": True},
    )

"""Small helpers shared by the alliance views."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from wijkgeld.alliance.models import Alliance
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import add_domain_error


def alliance_of(area) -> Alliance:
    return get_object_or_404(Alliance.objects.select_related("area", "chair"), area=area)


def run_form(request, form, call, *, success: str, redirect_to, template: str, context: dict):
    """Validate, call one service, show a DomainError next to its field; POST/redirect/GET."""
    if request.method == "POST" and form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, success)
            return redirect(redirect_to)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {**context, "form": form}, status=status)
